/**
 * The draft topic tried on the papers of the last visited papers page: how many it matches, which ones, and
 * the matched words marked in each. Updates as the reader edits (debounced by the editor) and when another
 * papers page is visited.
 */
import { useMemo } from 'preact/hooks';
import type { LastPage } from '../../../utils/storage/last-page';
import { excerptAround } from '../../../utils/topics-ui/excerpt';
import { FIELD_LABELS } from '../../../utils/topics-ui/labels';
import { splitByHits } from '../../../utils/topics-ui/mark-segments';
import { matchCountText, previewTopic, type PreviewField, type PreviewPaper } from '../../../utils/topics-ui/preview';
import type { CompiledMatcher, Topic } from '../../../utils/topics/types';
import { MarkedText } from './MarkedText';

/** Matching papers listed at most; the count above always covers all of them. */
export const PREVIEW_LIST_LIMIT = 50;

const paperUrl = (id: string) => `https://huggingface.co/papers/${encodeURIComponent(id)}`;

function FieldExcerpt({ field, colour }: { field: PreviewField; colour: string }) {
  const { windows, omittedHits } = excerptAround(field.text, field.hits, { radius: 70, maxWindows: 2 });
  return (
    <p class="preview-field">
      <span class="preview-field-name">{FIELD_LABELS[field.field]}:</span>{' '}
      {windows.map((w, i) => (
        <span key={i}>
          {/* Between two windows one ellipsis (the first window's "after") says text was left out. */}
          {i === 0 && w.before && '… '}
          <MarkedText pieces={w.pieces} colour={colour} />
          {w.after ? ' … ' : ' '}
        </span>
      ))}
      {omittedHits > 0 && <span class="preview-more">(+{omittedHits} more)</span>}
    </p>
  );
}

function PreviewItem({ item, colour }: { item: PreviewPaper; colour: string }) {
  const title = item.fields.find((f) => f.field === 'title');
  const others = item.fields.filter((f) => f.field !== 'title');
  return (
    <li class="preview-paper">
      <a class="preview-title" href={paperUrl(item.paper.id)} target="_blank" rel="noreferrer">
        {title ? <MarkedText pieces={splitByHits(title.text, title.hits)} colour={colour} /> : item.paper.title || item.paper.id}
      </a>
      {others.map((f) => (
        <FieldExcerpt key={f.field} field={f} colour={colour} />
      ))}
    </li>
  );
}

export interface LivePreviewProps {
  /** The draft as a topic (see previewTopicOf). */
  topic: Topic;
  /** `topic` compiled, when the caller has it already. */
  matcher?: CompiledMatcher;
  /** undefined while loading. */
  page: LastPage | null | undefined;
  pageError?: string | null;
}

export function LivePreview({ topic, matcher, page, pageError }: LivePreviewProps) {
  const preview = useMemo(
    () => (page && topic.terms.length > 0 && topic.fields.length > 0 ? previewTopic(topic, page, matcher) : null),
    [topic, page, matcher],
  );

  let body;
  if (page === undefined) body = <p class="hint">Loading the last page’s papers…</p>;
  else if (page === null) {
    body = (
      <p class="hint">
        {pageError ? `Could not read the last page’s papers (${pageError}). ` : 'No papers to preview yet. '}
        Visit a Hugging Face papers page, such as{' '}
        <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">
          huggingface.co/papers
        </a>
        , with PaperSift on: this preview then tries your topic on that page’s papers.
      </p>
    );
  } else if (page.papers.length === 0) body = <p class="hint">The last visited page ({page.url}) had no papers PaperSift could read.</p>;
  else if (topic.terms.length === 0) body = <p class="hint">Add a term to see which of the {page.papers.length} papers on the last visited page it matches.</p>;
  else if (topic.fields.length === 0) body = <p class="hint">Choose at least one field to search to see matches.</p>;
  else if (preview) {
    // The count line is rendered below, outside `body`, as a live region.
    const shown = preview.matches.slice(0, PREVIEW_LIST_LIMIT);
    const matchedIds = new Set(preview.matches.map((m) => m.paper.id));
    const missed = page.papers.filter((p) => !matchedIds.has(p.id));
    body = (
      <>
        {shown.length > 0 && (
          <ol class="preview-list" aria-label="Papers it matches">
            {shown.map((m) => (
              <PreviewItem key={m.paper.id} item={m} colour={topic.colour} />
            ))}
          </ol>
        )}
        {preview.matches.length > shown.length && <p class="hint">…and {preview.matches.length - shown.length} more.</p>}
        {missed.length > 0 && (
          <details class="preview-missed">
            <summary>Papers it does not match ({missed.length})</summary>
            <ul>
              {missed.map((p) => (
                <li key={p.id}>{p.title || p.id}</li>
              ))}
            </ul>
          </details>
        )}
      </>
    );
  }

  return (
    <section class="topic-preview" aria-labelledby="topic-preview-title">
      <h3 id="topic-preview-title">Live preview</h3>
      {/* Always present, so screen readers announce the count as it changes (and only the count). */}
      <p class="preview-count" aria-live="polite">
        {preview && (
          <>
            {matchCountText(preview)}{' '}
            {/* Stored URLs are kept only when they are https huggingface.co ones (last-page-record.ts). */}
            {preview.url ? (
              <a href={preview.url} target="_blank" rel="noreferrer">
                {preview.label}
              </a>
            ) : (
              preview.label
            )}
            {topic.mode === 'mute' && preview.matches.length > 0 && <> — muted, so these would be hidden.</>}
          </>
        )}
      </p>
      {body}
    </section>
  );
}
