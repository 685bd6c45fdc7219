import { ALL_TOPIC_FIELDS, type TermHit, type TopicField, type TopicMatch } from './types';

/** Title hits weigh most; keywords, authors and organization are curated, the abstract is long prose. */
export const FIELD_WEIGHTS: Readonly<Record<TopicField, number>> = {
  title: 3,
  keywords: 2,
  authors: 2,
  organization: 2,
  abstract: 1,
};

/** Repeats of one term in one field count up to this many times, so one word cannot drown the rest. */
export const MAX_COUNTED_REPEATS = 3;

/** Σ over (term, field) of FIELD_WEIGHTS[field] × min(occurrences, MAX_COUNTED_REPEATS). */
export function scoreHits(hits: readonly TermHit[]): number {
  const counts = new Map<string, number>();
  let score = 0;
  for (const hit of hits) {
    const key = `${hit.field}\u0000${hit.term}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n <= MAX_COUNTED_REPEATS) score += FIELD_WEIGHTS[hit.field];
  }
  return score;
}

const FIELD_ORDER = new Map(ALL_TOPIC_FIELDS.map((f, i) => [f, i]));

/** Field order, then position, longer hit first, then term: a total order, whatever order hits were found in. */
export function compareHits(a: TermHit, b: TermHit): number {
  return (
    FIELD_ORDER.get(a.field)! - FIELD_ORDER.get(b.field)! ||
    a.start - b.start ||
    b.end - a.end ||
    (a.term < b.term ? -1 : a.term > b.term ? 1 : 0)
  );
}

/**
 * Strongest first: higher score, then more hits, then more distinct terms; equal matches keep the
 * topics' order (Array.prototype.sort is stable).
 */
export function compareMatches(a: TopicMatch, b: TopicMatch): number {
  return b.score - a.score || b.hits.length - a.hits.length || distinctTerms(b) - distinctTerms(a);
}

function distinctTerms(m: TopicMatch): number {
  return new Set(m.hits.map((h) => h.term)).size;
}
