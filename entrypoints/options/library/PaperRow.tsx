/** One saved paper in the library list: what it is, its links and topics, and the reader's tags and note. */
import { memo } from 'preact/compat';
import { checkNote, checkTags, parseTagText, tagText } from '../../../utils/library/edit-limits';
import { localDay } from '../../../utils/library/dates';
import type { SavedPaper } from '../../../utils/storage/records';
import type { TopicMatch } from '../../../utils/topics/types';
import { InlineEdit } from './InlineEdit';

export interface PaperRowProps {
  paper: SavedPaper;
  /** null when there are no topics (the column is left out). */
  topics: TopicMatch[] | null;
  selected: boolean;
  onSelect: (id: string, selected: boolean) => void;
  onEdit: (id: string, patch: { tags?: string[]; note?: string }) => Promise<SavedPaper>;
  onRemove: (paper: SavedPaper) => void;
}

const MAX_AUTHORS = 6;

function authorLine(authors: readonly string[]): string {
  if (authors.length === 0) return 'Authors unknown';
  if (authors.length <= MAX_AUTHORS) return authors.join(', ');
  return `${authors.slice(0, MAX_AUTHORS).join(', ')} and ${authors.length - MAX_AUTHORS} more`;
}

/** Only https links become hrefs: a damaged or hostile record must not turn into a `javascript:` link. */
const isHttps = (url: string) => /^https:\/\//i.test(url);

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

function PaperRowView({ paper, topics, selected, onSelect, onEdit, onRemove }: PaperRowProps) {
  const titleId = `paper-${paper.id}-title`;
  const about = `of “${paper.title || paper.id}”`;
  const links: Array<[string, string]> = [
    ['Hugging Face', paper.links.hf],
    ['arXiv', paper.links.arxiv],
    ['PDF', paper.links.pdf],
  ];
  if (paper.links.github) links.push(['GitHub', paper.links.github]);
  const safeLinks = links.filter(([, href]) => isHttps(href));
  const titleHref = isHttps(paper.links.hf) ? paper.links.hf : undefined;

  return (
    <li class={`lib-row${selected ? ' is-selected' : ''}`} data-paper-id={paper.id}>
      <div class="lib-select">
        <input
          type="checkbox"
          id={`paper-${paper.id}-select`}
          checked={selected}
          onChange={(e) => onSelect(paper.id, (e.currentTarget as HTMLInputElement).checked)}
          aria-label={`Select “${paper.title || paper.id}”`}
        />
      </div>
      <div class="lib-main">
        <h3 id={titleId} class="lib-title">
          {titleHref ? (
            <a href={titleHref} target="_blank" rel="noreferrer">{paper.title || paper.id}</a>
          ) : (
            paper.title || paper.id
          )}
        </h3>
        <p class="lib-authors">{authorLine(paper.authors)}</p>
        <p class="lib-meta">
          {paper.date && <span>Published {paper.date}</span>}
          <span>Saved {localDay(paper.savedAt)}</span>
          {paper.upvotes !== undefined && <span>{paper.upvotes} upvotes</span>}
          <span>arXiv {paper.id}</span>
        </p>
        {topics && topics.length > 0 && (
          <ul class="lib-topics" aria-label="Topics matched">
            {topics.map((t) => (
              <li key={t.topicId} class={`lib-topic lib-topic-${t.mode}`} style={{ '--topic': t.colour }}>
                {t.name}
                {t.mode === 'mute' && <span class="sr-only"> (muted topic)</span>}
              </li>
            ))}
          </ul>
        )}
        <p class="lib-links">
          {safeLinks.map(([label, href]) => (
            <a key={label} href={href} target="_blank" rel="noreferrer">
              {label}
              <span class="sr-only"> {about}</span>
            </a>
          ))}
        </p>
        {paper.abstract && (
          <details class="lib-abstract">
            <summary>
              Abstract<span class="sr-only"> {about}</span>
            </summary>
            <p>{paper.abstract}</p>
          </details>
        )}
        <div class="lib-edits">
          <InlineEdit
            id={`paper-${paper.id}-tags`}
            label="Tags"
            labelDetail={`${about}, separated by commas`}
            placeholder="e.g. to-read, agents"
            stored={tagText(paper.tags)}
            prepare={(draft) => {
              const parsed = parseTagText(draft);
              if (sameTags(parsed, paper.tags)) return null;
              const checked = checkTags(parsed);
              if (!checked.ok) return { error: checked.error };
              return { save: async () => tagText((await onEdit(paper.id, { tags: checked.tags })).tags) };
            }}
          />
          <InlineEdit
            id={`paper-${paper.id}-note`}
            label="Note"
            labelDetail={about}
            multiline
            placeholder="Your note (Enter saves, Shift+Enter for a new line)"
            stored={paper.note}
            prepare={(draft) => {
              if (draft === paper.note) return null;
              const problem = checkNote(draft);
              if (problem) return { error: problem };
              return { save: async () => (await onEdit(paper.id, { note: draft })).note };
            }}
          />
        </div>
      </div>
      <div class="lib-row-actions">
        <button type="button" class="ps-button ps-button-quiet" onClick={() => onRemove(paper)}>
          Remove<span class="sr-only"> {`“${paper.title || paper.id}”`}</span>
        </button>
      </div>
    </li>
  );
}

export const PaperRow = memo(PaperRowView);
