/**
 * The live preview: which papers of the last visited page a draft topic matches, and where. Pure.
 */
import { compileTopics } from '../topics/compile';
import { fieldText } from '../topics/fields';
import type { CompiledMatcher, RefusedTerm, TermHit, Topic, TopicField } from '../topics/types';
import { ALL_TOPIC_FIELDS } from '../topics/types';
import type { LastPage, PagePaper } from '../storage/last-page-record';
import { pageLabel } from './page-label';

export interface PreviewField {
  field: TopicField;
  /** The field as the matcher read it (lists joined), so hit offsets index into it. */
  text: string;
  hits: TermHit[];
}

export interface PreviewPaper {
  paper: PagePaper;
  /** Fields with hits, in ALL_TOPIC_FIELDS order. */
  fields: PreviewField[];
}

export interface TopicPreview {
  url: string;
  label: string;
  total: number;
  matches: PreviewPaper[];
  refused: RefusedTerm[];
}

/** `matcher`: `topic` compiled (pass one the caller has already, see checkDraft). */
export function previewTopic(topic: Topic, page: LastPage, matcher: CompiledMatcher = compileTopics([topic])): TopicPreview {
  const matches: PreviewPaper[] = [];
  for (const paper of page.papers) {
    const match = matcher.match(paper)[0];
    if (!match) continue;
    const fields: PreviewField[] = [];
    for (const field of ALL_TOPIC_FIELDS) {
      const hits = match.hits.filter((h) => h.field === field);
      if (hits.length > 0) fields.push({ field, text: fieldText(paper, field), hits });
    }
    matches.push({ paper, fields });
  }
  return { url: page.url, label: pageLabel(page.url), total: page.papers.length, matches, refused: matcher.refused };
}

/** "Matches 6 of 27 papers on huggingface.co/papers/date/2026-11-27" without the page (the UI links it). */
export function matchCountText(p: Pick<TopicPreview, 'total' | 'matches'>): string {
  return `Matches ${p.matches.length} of ${p.total} ${p.total === 1 ? 'paper' : 'papers'} on`;
}
