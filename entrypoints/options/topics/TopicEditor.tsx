/**
 * The full editor for one topic: name, terms, exclusions, fields, colour, mode, with inline validation
 * (validateTopic, and the matcher's reasons for refused terms) and a live preview on the last visited page.
 * Problems show once a field was left or Save was pressed (for a stored topic: at once). Save and Delete are
 * the panel's (it talks to the background); Cancel restores the stored topic.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LastPage } from '../../../utils/storage/last-page';
import { checkDraft, type DraftCheck } from '../../../utils/topics-ui/draft-check';
import { draftFromTopic, isDraftChanged, newDraft, previewTopicOf, type EditorDraft } from '../../../utils/topics-ui/editor-draft';
import { compileTopics } from '../../../utils/topics/compile';
import type { Topic } from '../../../utils/topics/types';
import { ColourChoice } from './ColourChoice';
import { FieldChoice } from './FieldChoice';
import { describedBy, FieldMessages } from './FieldMessages';
import { LivePreview } from './LivePreview';
import { ModeChoice } from './ModeChoice';
import { TermsField } from './TermsField';
import { useDebounced } from './use-debounced';

type Part = 'name' | 'terms' | 'exclusions';

export interface TopicEditorProps {
  /** The stored topic being edited; null for a new one. Updated when it changes elsewhere. */
  topic: Topic | null;
  /** Every stored topic (for unique names and the next free colour). */
  topics: readonly Topic[];
  lastPage: LastPage | null | undefined;
  lastPageError?: string | null;
  /** Stores the topic; rejects with the background's reason. */
  onSave: (topic: Topic) => Promise<Topic>;
  onClose: () => void;
  onDelete: (topic: Topic) => void;
  onDirtyChange?: (dirty: boolean) => void;
  /** Debounce of validation and preview while typing, in ms (0 in tests). */
  settleMs?: number;
}

const FIRST_INVALID: Array<[keyof DraftCheck, string]> = [
  ['name', 'topic-name'],
  ['terms', 'topic-terms'],
  ['refusedTerms', 'topic-terms'],
  ['exclusions', 'topic-exclusions'],
  ['refusedExclusions', 'topic-exclusions'],
];

export function TopicEditor({ topic, topics, lastPage, lastPageError, onSave, onClose, onDelete, onDirtyChange, settleMs = 200 }: TopicEditorProps) {
  const [base, setBase] = useState<Topic | null>(topic);
  const [draft, setDraft] = useState<EditorDraft>(() => (topic ? draftFromTopic(topic) : newDraft(topics)));
  const [touched, setTouched] = useState<ReadonlySet<Part>>(() => new Set(topic ? (['name', 'terms', 'exclusions'] as const) : []));
  const [submitted, setSubmitted] = useState(topic !== null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [changedElsewhere, setChangedElsewhere] = useState<'changed' | 'deleted' | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const dirty = isDraftChanged(draft, base);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  // The stored topic changed elsewhere (another tab, the popup, sync): follow it unless the reader has edits.
  useEffect(() => {
    if (topic === null) {
      if (base !== null) setChangedElsewhere('deleted');
      return;
    }
    // Same content (a re-read list gives new objects, maybe with keys in another order): nothing happened.
    if (base !== null && !isDraftChanged(draftFromTopic(topic), base)) return;
    if (base === null || !isDraftChanged(draft, base)) {
      setBase(topic);
      setDraft(draftFromTopic(topic));
      setChangedElsewhere(null);
    } else setChangedElsewhere('changed');
    // Only a new `topic` is news; the draft and base are read as they are then.
  }, [topic]);

  const settled = useDebounced(draft, settleMs);
  const previewTopic = useMemo(() => previewTopicOf(settled), [settled]);
  // Compiled once per settled draft for both the checks and the live preview (5,000 terms take ~150 ms).
  const matcher = useMemo(() => compileTopics([previewTopic]), [previewTopic]);
  const check = useMemo(() => checkDraft(settled, topics.filter((t) => t.id !== settled.id), matcher), [settled, topics, matcher]);

  const update = (patch: Partial<EditorDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaveError(null);
  };
  const touch = (part: Part) => setTouched((t) => (t.has(part) ? t : new Set([...t, part])));
  const shows = (part: Part) => submitted || touched.has(part);

  async function save(e: Event) {
    e.preventDefault();
    if (saving) return;
    // Judge the draft as it is now, not as last debounced.
    const now = checkDraft(draft, topics.filter((t) => t.id !== draft.id));
    setSubmitted(true);
    if (!now.topic) {
      const first = FIRST_INVALID.find(([k]) => (now[k] as unknown[]).length > 0)?.[1];
      if (first) form.current?.querySelector<HTMLElement>(`#${first}`)?.focus();
      else setSaveError('The topic cannot be saved yet: see the messages above.');
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await onSave(now.topic);
      setBase(saved);
      setDraft(draftFromTopic(saved));
      setChangedElsewhere(null);
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  function cancel() {
    const stored = topic ?? base;
    if (stored === null || changedElsewhere === 'deleted') return onClose();
    setBase(stored);
    setDraft(draftFromTopic(stored));
    setChangedElsewhere(null);
    setSaveError(null);
  }

  const nameErrors = shows('name') ? check.name : [];
  const title = base ? `Edit “${base.name}”` : 'New topic';
  return (
    <div class="topic-editor-area">
      <form ref={form} class="topic-editor" aria-labelledby="topic-editor-title" onSubmit={save} noValidate>
        <h3 id="topic-editor-title">{title}</h3>
        {changedElsewhere === 'changed' && (
          <p class="note" role="status">
            This topic was changed in another window. Save keeps your version; Cancel loads the other one.
          </p>
        )}
        {changedElsewhere === 'deleted' && (
          <p class="note" role="status">
            This topic was deleted in another window. Save puts it back with your changes.
          </p>
        )}
        <div class="form-row">
          <label for="topic-name">Name</label>
          <input
            id="topic-name"
            type="text"
            value={draft.name}
            autocomplete="off"
            aria-invalid={nameErrors.length > 0 ? 'true' : undefined}
            aria-describedby={describedBy(nameErrors.length > 0 && 'topic-name-errors')}
            onInput={(e) => update({ name: e.currentTarget.value })}
            onBlur={() => touch('name')}
          />
          <FieldMessages id="topic-name-errors" messages={nameErrors} />
        </div>
        <TermsField
          id="topic-terms"
          label="Terms"
          rows={5}
          value={draft.termsText}
          help={
            <>
              One per line: a word (<code>diffusion</code>), a phrase (<code>world model</code> or{' '}
              <code>"world model"</code>), a prefix (<code>ensembl*</code>) or a regular expression (
              <code>/flow|ode/i</code>). Case, accents and plurals are ignored.
            </>
          }
          messages={check.terms}
          refused={check.refusedTerms}
          showProblems={shows('terms')}
          onInput={(v) => update({ termsText: v })}
          onBlur={() => touch('terms')}
        />
        <TermsField
          id="topic-exclusions"
          label="Exclusions"
          rows={3}
          value={draft.exclusionsText}
          help={
            <>
              Optional, one per line, same syntax. A term inside an exclusion does not count (<code>attention deficit</code>{' '}
              for <code>attention</code>); an exclusion found elsewhere in a field cancels the topic’s matches there.
            </>
          }
          messages={check.exclusions}
          refused={check.refusedExclusions}
          showProblems={shows('exclusions')}
          onInput={(v) => update({ exclusionsText: v })}
          onBlur={() => touch('exclusions')}
        />
        <FieldChoice fields={draft.fields} messages={check.fields} onChange={(fields) => update({ fields })} />
        <ColourChoice colour={draft.colour} messages={check.colour} onChange={(colour) => update({ colour })} />
        <ModeChoice mode={draft.mode} onChange={(mode) => update({ mode })} />
        {submitted && check.other.length > 0 && <FieldMessages id="topic-other-errors" messages={check.other} />}
        {saveError && (
          <p class="error" role="alert">
            {saveError}
          </p>
        )}
        <div class="editor-actions">
          <button type="submit" class="primary" aria-disabled={saving ? 'true' : undefined}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" onClick={cancel}>
            Cancel
          </button>
          {base && (
            <button type="button" class="danger" onClick={() => onDelete(base)}>
              Delete topic
            </button>
          )}
          {base && !dirty && <span class="hint">All changes saved.</span>}
        </div>
      </form>
      <LivePreview topic={previewTopic} matcher={matcher} page={lastPage} pageError={lastPageError} />
    </div>
  );
}
