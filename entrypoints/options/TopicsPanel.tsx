/**
 * The options page's Topics tab: every topic, the full editor with a live preview on the last visited page,
 * delete with Undo, and a note when topics are kept in this browser only. The background stores everything;
 * the list follows changes made anywhere (popup, context menu, another window, sync).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browserTopicsClient, type TopicsClient } from '../popup/data/topics-client';
import { skippedNoteText, storageNoteText } from '../../utils/topics-ui/storage-note';
import type { Topic } from '../../utils/topics/types';
import { UndoList, useDeletedTopics } from '../popup/topics/UndoBar';
import { errorText, useTopicList } from '../popup/topics/use-topic-list';
import { browserLastPageSource, type LastPageSource } from './topics/last-page-source';
import { TopicEditor } from './topics/TopicEditor';
import { TopicIndex } from './topics/TopicIndex';
import { useLastPage } from './topics/use-last-page';

export interface TopicsPanelProps {
  client?: TopicsClient;
  lastPage?: LastPageSource;
  /** Editor debounce in ms (0 in tests). */
  settleMs?: number;
}

/** What the editor shows: a stored topic (id) or a new one (null). `session` remounts the editor on each pick. */
interface Selection {
  id: string | null;
  session: number;
}

export function TopicsPanel({ client = browserTopicsClient, lastPage = browserLastPageSource, settleMs }: TopicsPanelProps) {
  const { list, error: listError, reload } = useTopicList(client);
  const page = useLastPage(lastPage);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [justSaved, setJustSaved] = useState<Topic | null>(null);
  const deletions = useDeletedTopics();
  const [undoBusy, setUndoBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<{ go: () => void } | null>(null);
  const sessions = useRef(0);
  const discardButton = useRef<HTMLButtonElement>(null);

  const topics = list?.topics ?? [];
  // Until the list is re-read, a topic saved a moment ago is only known from the background's answer.
  const selected =
    selection?.id == null ? null : (topics.find((t) => t.id === selection.id) ?? (justSaved?.id === selection.id ? justSaved : null));
  useEffect(() => {
    if (justSaved && topics.some((t) => t.id === justSaved.id)) setJustSaved(null);
  }, [topics, justSaved]);
  useEffect(() => {
    if (pending) discardButton.current?.focus();
  }, [pending]);

  const open = (id: string | null) => {
    setSelection({ id, session: ++sessions.current });
    setDirty(false);
    setStatus('');
    setError(null);
  };
  /** Leaving unsaved edits asks first (inline, so keyboard and tests never meet a modal dialog). */
  const leave = (go: () => void) => (dirty && selection ? setPending({ go }) : go());

  async function save(topic: Topic): Promise<Topic> {
    const saved = await client.put(topic);
    setJustSaved(saved);
    setSelection((s) => (s ? { ...s, id: saved.id } : s));
    setStatus(`Saved “${saved.name}”.`);
    void reload();
    return saved;
  }

  async function remove(topic: Topic) {
    setError(null);
    try {
      const { removed } = await client.remove(topic.id);
      setSelection(null);
      setDirty(false);
      setStatus('');
      deletions.add(removed);
      void reload();
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function undo(topic: Topic) {
    if (undoBusy) return;
    setUndoBusy(topic.id);
    try {
      const restored = await client.put(topic);
      deletions.drop(topic.id);
      setJustSaved(restored);
      open(restored.id);
      void reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setUndoBusy(null);
    }
  }

  const note = list ? storageNoteText(list) : null;
  const skipped = list ? skippedNoteText(list) : null;
  return (
    <section class="topics-panel" aria-labelledby="topics-panel-title">
      <h2 id="topics-panel-title">Topics</h2>
      <p class="topics-intro">
        A topic highlights or hides the papers that match it on the Hugging Face papers pages. Changes apply to open
        pages at once.
      </p>
      {note && <p class="note storage-note">{note}</p>}
      {skipped && <p class="note">{skipped}</p>}
      {listError && (
        <p class="error" role="alert">
          Could not read your topics: {listError}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div role="status" class="undo-slot">
        <UndoList deleted={deletions.deleted} busyId={undoBusy} onUndo={(t) => void undo(t)} onDismiss={(t) => deletions.drop(t.id)} />
        {deletions.deleted.length === 0 && status && <p class="saved-status">{status}</p>}
      </div>
      {pending && (
        <div class="note unsaved-note" role="group" aria-label="Unsaved changes">
          <span>The topic you are editing has unsaved changes.</span>
          <button
            type="button"
            ref={discardButton}
            onClick={() => {
              const { go } = pending;
              setPending(null);
              go();
            }}
          >
            Discard changes
          </button>
          <button type="button" onClick={() => setPending(null)}>
            Keep editing
          </button>
        </div>
      )}
      <div class="topics-layout">
        <TopicIndex
          topics={topics}
          selectedId={selection?.id ?? null}
          onSelect={(t) => t.id !== selection?.id && leave(() => open(t.id))}
          onNew={() => leave(() => open(null))}
        />
        <div class="topic-editor-slot">
          {selection ? (
            <TopicEditor
              key={selection.session}
              topic={selected}
              topics={topics}
              lastPage={page.page}
              lastPageError={page.error}
              onSave={save}
              onClose={() => {
                setSelection(null);
                setDirty(false);
              }}
              onDelete={(t) => void remove(t)}
              onDirtyChange={setDirty}
              settleMs={settleMs}
            />
          ) : (
            <p class="hint editor-placeholder">
              {list && topics.length === 0 ? 'Create your first topic with New topic.' : 'Choose a topic to edit it, or create a new one.'}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
