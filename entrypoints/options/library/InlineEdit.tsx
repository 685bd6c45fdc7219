/**
 * Text the reader edits in place: saved on blur or Enter (Shift+Enter is a new line in a note), Escape puts back
 * what is stored. A failed save keeps the draft and shows why, so nothing typed is lost.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

export interface InlineEditProps {
  id: string;
  label: string;
  /** Extra words for screen readers, e.g. which paper (the visible label is short). */
  labelDetail: string;
  stored: string;
  multiline?: boolean;
  placeholder?: string;
  /** Turn the draft into what would be stored; return null when it equals what is stored (nothing to save). */
  prepare: (draft: string) => { save: () => Promise<string> } | { error: string } | null;
}

export function InlineEdit({ id, label, labelDetail, stored, multiline, placeholder, prepare }: InlineEditProps) {
  const [draft, setDraft] = useState(stored);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const dirty = useRef(false);
  const saving = useRef(false);

  // Take changes from elsewhere (another tab, a bulk edit) unless the reader is in the middle of an edit.
  useEffect(() => {
    if (!dirty.current) setDraft(stored);
  }, [stored]);

  const commit = async () => {
    if (saving.current || !dirty.current) return;
    const plan = prepare(draft);
    if (plan === null) {
      dirty.current = false;
      setDraft(stored);
      setStatus({ kind: 'idle' });
      return;
    }
    if ('error' in plan) {
      setStatus({ kind: 'error', message: plan.error });
      return;
    }
    saving.current = true;
    setStatus({ kind: 'saving' });
    try {
      const text = await plan.save();
      dirty.current = false;
      setDraft(text);
      setStatus({ kind: 'saved' });
    } catch (e) {
      setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    } finally {
      saving.current = false;
    }
  };

  const cancel = () => {
    dirty.current = false;
    setDraft(stored);
    setStatus({ kind: 'idle' });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      if (dirty.current || status.kind === 'error') {
        e.preventDefault();
        e.stopPropagation();
        cancel();
      }
    } else if (e.key === 'Enter' && !(multiline && e.shiftKey) && !e.isComposing) {
      e.preventDefault();
      void commit();
    }
  };
  const onInput = (e: Event) => {
    dirty.current = true;
    setDraft((e.currentTarget as HTMLInputElement | HTMLTextAreaElement).value);
    if (status.kind !== 'idle') setStatus({ kind: 'idle' });
  };

  const errorId = `${id}-error`;
  const common = {
    id,
    value: draft,
    placeholder,
    onInput,
    onKeyDown,
    onBlur: () => void commit(),
    'aria-invalid': status.kind === 'error' ? true : undefined,
    'aria-describedby': status.kind === 'error' ? errorId : undefined,
  };
  return (
    <div class={`lib-edit${multiline ? ' lib-edit-note' : ''}`}>
      <label for={id}>
        {label}
        <span class="sr-only"> {labelDetail}</span>
      </label>
      {multiline ? <textarea {...common} rows={2} /> : <input type="text" {...common} />}
      <span class="lib-edit-status" role="status">
        {status.kind === 'saving' ? 'Saving…' : status.kind === 'saved' ? 'Saved' : ''}
      </span>
      {status.kind === 'error' && (
        <p id={errorId} class="ps-error" role="alert">
          {status.message} <span class="ps-hint">(Escape puts back the saved text.)</span>
        </p>
      )}
    </div>
  );
}
