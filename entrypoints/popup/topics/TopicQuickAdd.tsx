/**
 * The popup's "Add a topic" input: Enter adds what was typed (see parseQuickTopic for the syntax: a leading
 * minus mutes, commas separate terms). Refusals are shown under the input, never swallowed.
 */
import type { Ref } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { parseQuickTopic } from '../../../utils/topics-ui/quick-input';
import type { Topic } from '../../../utils/topics/types';
import { topicNameKey, validateTopic } from '../../../utils/topics/validate';
import { errorText } from './use-topic-list';

export interface TopicQuickAddProps {
  /** The current topics (for duplicate names and the next free colour). */
  topics: readonly Topic[];
  /** Stores the topic (topics/put); rejects with the reason it was refused. */
  save: (topic: Topic) => Promise<Topic>;
  onAdded?: (topic: Topic) => void;
  inputRef?: Ref<HTMLInputElement>;
}

const INPUT_ID = 'add-topic';

/** The refusal, plus what to do when the name exists with the other mode (the list has the toggle). */
export function refusalFor(errors: string[], name: string, mode: Topic['mode'], topics: readonly Topic[]): string {
  const same = topics.find((t) => topicNameKey(t.name) === topicNameKey(name));
  const hint = same && same.mode !== mode ? ` To ${mode === 'mute' ? 'mute' : 'highlight'} it, use its Mute button below.` : '';
  return errors.join(' ') + hint;
}

export function TopicQuickAdd({ topics, save, onAdded, inputRef }: TopicQuickAddProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  // A ref as well as state: a second Enter can arrive before the re-render that disables adding.
  const inFlight = useRef(false);

  /** `value` is read from the input itself: a state update from the last keystroke may not have rendered yet. */
  async function add(value: string) {
    if (inFlight.current) return;
    setStatus('');
    const parsed = parseQuickTopic(value);
    if (!parsed.ok) return setError(parsed.error);
    const { draft } = parsed;
    const checked = validateTopic(draft, [...topics]);
    if (!checked.ok) return setError(refusalFor(checked.errors, draft.name, draft.mode, topics));
    inFlight.current = true;
    setBusy(true);
    try {
      const saved = await save(checked.topic);
      setText('');
      setError(null);
      setStatus(`Added “${saved.name}”${saved.mode === 'mute' ? ', muted' : ''}.`);
      onAdded?.(saved);
    } catch (e) {
      setError(errorText(e));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  const describedBy = `${INPUT_ID}-help${error ? ` ${INPUT_ID}-error` : ''}`;
  return (
    <div class="quick-add">
      <label for={INPUT_ID}>Add a topic</label>
      <div class="quick-add-row">
        <input
          id={INPUT_ID}
          ref={inputRef}
          type="text"
          value={text}
          autocomplete="off"
          spellcheck={false}
          placeholder='e.g. diffusion, "score matching"'
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
          onInput={(e) => {
            setText(e.currentTarget.value);
            if (error) setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key !== 'Enter' || e.isComposing) return;
            e.preventDefault();
            void add(e.currentTarget.value);
          }}
        />
        <button type="button" onClick={() => void add(text)} aria-disabled={busy ? 'true' : undefined}>
          Add
        </button>
      </div>
      <p id={`${INPUT_ID}-help`} class="hint">
        Enter adds it. Start with - to mute (hide) matching papers; commas separate terms.
      </p>
      {error && (
        <p id={`${INPUT_ID}-error`} class="error" role="alert">
          {error}
        </p>
      )}
      <p class="sr-only" role="status">
        {status}
      </p>
    </div>
  );
}
