/**
 * The popup's Topics section: the quick-add input, then every topic with its colour, mode and matches on this
 * page, a mute toggle and delete with Undo. The list follows changes made anywhere (useTopicList).
 */
import { useRef, useState } from 'preact/hooks';
import type { TopicsClient } from '../data/topics-client';
import type { Topic } from '../../../utils/topics/types';
import { PopupTopicRow } from './PopupTopicRow';
import { TopicQuickAdd } from './TopicQuickAdd';
import { UndoList, useDeletedTopics } from './UndoBar';
import { errorText, useTopicList } from './use-topic-list';

export interface PopupTopicsProps {
  client: TopicsClient;
  /** Matches per topic id on the tab (PageStats.topicCounts); null when the tab is not a papers page. */
  counts: Record<string, number> | null;
}

export function PopupTopics({ client, counts }: PopupTopicsProps) {
  const { list, error: listError, reload } = useTopicList(client);
  const deletions = useDeletedTopics();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const topics = list?.topics ?? [];

  async function act(id: string, work: () => Promise<void>) {
    setBusyId(id);
    setError(null);
    try {
      await work();
      await reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusyId(null);
    }
  }

  const toggleMute = (t: Topic) =>
    act(t.id, async () => {
      await client.put({ ...t, mode: t.mode === 'mute' ? 'highlight' : 'mute' });
    });

  const remove = (t: Topic) =>
    act(t.id, async () => {
      const { removed } = await client.remove(t.id);
      deletions.add(removed);
      // Nothing to undo when it was already gone (deleted elsewhere): say nothing, the list refreshes.
    });

  const undo = (t: Topic) =>
    act(t.id, async () => {
      await client.put(t);
      deletions.drop(t.id);
      input.current?.focus();
    });

  return (
    <section class="topics" aria-labelledby="topics-heading">
      <h2 id="topics-heading">Topics</h2>
      <TopicQuickAdd topics={topics} save={(t) => client.put(t)} onAdded={() => void reload()} inputRef={input} />
      <div role="status" class="undo-slot">
        <UndoList
          deleted={deletions.deleted}
          busyId={busyId}
          onUndo={(t) => void undo(t)}
          onDismiss={(t) => {
            deletions.drop(t.id);
            input.current?.focus();
          }}
        />
      </div>
      {(error || listError) && (
        <p class="error" role="alert">
          {error ?? `Could not read your topics: ${listError}`}
        </p>
      )}
      {list && topics.length === 0 && <p class="hint">No topics yet. Type one above, e.g. attention.</p>}
      {topics.length > 0 && (
        <ul class="topic-list" aria-label="Your topics">
          {topics.map((t) => (
            <PopupTopicRow
              key={t.id}
              topic={t}
              count={counts === null ? null : (counts[t.id] ?? 0)}
              busy={busyId === t.id}
              onToggleMute={() => void toggleMute(t)}
              onDelete={() => void remove(t)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
