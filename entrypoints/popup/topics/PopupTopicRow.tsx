import type { Topic } from '../../../utils/topics/types';
import { TopicSwatch } from './TopicSwatch';

/** What a topic matches, when its name alone does not say it: "diffusion, score matching · not survey". */
export function termsSummary(topic: Topic): string | null {
  const onlyName = topic.terms.length === 1 && topic.terms[0] === topic.name && topic.exclusions.length === 0;
  if (onlyName) return null;
  const not = topic.exclusions.length > 0 ? ` · not ${topic.exclusions.join(', ')}` : '';
  return `${topic.terms.join(', ')}${not}`;
}

export interface PopupTopicRowProps {
  topic: Topic;
  /** Cards this topic matches on the tab; null when the tab is not a papers page. */
  count: number | null;
  busy: boolean;
  onToggleMute: () => void;
  onDelete: () => void;
}

/** One topic in the popup: colour, name, mode, matches on this page, a mute toggle and delete. */
export function PopupTopicRow({ topic, count, busy, onToggleMute, onDelete }: PopupTopicRowProps) {
  const muted = topic.mode === 'mute';
  const terms = termsSummary(topic);
  return (
    <li class="topic-row" data-topic-id={topic.id} data-topic-mode={topic.mode}>
      <TopicSwatch colour={topic.colour} />
      <span class="topic-label">
        <span class="topic-name">{topic.name}</span>
        {muted && <span class="topic-mode"> muted</span>}
        {terms && <span class="topic-terms">{terms}</span>}
      </span>
      {count !== null && (
        <span class="topic-count" title="Papers it matches on this page">
          {count}
          <span class="sr-only"> {count === 1 ? 'paper' : 'papers'} on this page</span>
        </span>
      )}
      <button
        type="button"
        class="toggle-button"
        aria-pressed={muted ? 'true' : 'false'}
        aria-label={`Mute ${topic.name}`}
        title={muted ? 'Muted: matching papers are hidden. Press to highlight them instead.' : 'Hide papers matching this topic'}
        aria-disabled={busy ? 'true' : undefined}
        onClick={() => !busy && onToggleMute()}
      >
        Mute
      </button>
      <button type="button" class="icon-button" aria-label={`Delete ${topic.name}`} title="Delete topic" aria-disabled={busy ? 'true' : undefined} onClick={() => !busy && onDelete()}>
        ✕
      </button>
    </li>
  );
}
