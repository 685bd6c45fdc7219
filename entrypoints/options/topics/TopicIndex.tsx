/** The Topics tab's list of topics: pick one to edit it, or start a new one. */
import { MODE_LABELS } from '../../../utils/topics-ui/labels';
import type { Topic } from '../../../utils/topics/types';
import { TopicSwatch } from '../../popup/topics/TopicSwatch';

export function TopicIndex({ topics, selectedId, onSelect, onNew }: {
  topics: readonly Topic[];
  selectedId: string | null;
  onSelect: (topic: Topic) => void;
  onNew: () => void;
}) {
  return (
    <div class="topic-index">
      <button type="button" class="primary new-topic" onClick={onNew}>
        New topic
      </button>
      {topics.length === 0 ? (
        <p class="hint">No topics yet.</p>
      ) : (
        <ul aria-label="Your topics">
          {topics.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                class="topic-index-item"
                aria-current={t.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(t)}
              >
                <TopicSwatch colour={t.colour} />
                <span class="topic-index-name">{t.name}</span>
                <span class="topic-index-meta">
                  {MODE_LABELS[t.mode]} · {t.terms.length} {t.terms.length === 1 ? 'term' : 'terms'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
