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

/** Index of each field in ALL_TOPIC_FIELDS (a plain record: compareHits runs on every sort step). */
const FIELD_ORDER = Object.fromEntries(ALL_TOPIC_FIELDS.map((f, i) => [f, i])) as Readonly<Record<TopicField, number>>;

/**
 * scoreHits for many hit lists whose terms are numbered (0 ≤ id < termCount, one id per distinct term),
 * plus each list's distinct-term count (see compareMatches), without a string key per hit.
 * Not re-entrant: one score() at a time.
 */
export class HitScorer {
  /** Distinct terms in the hits of the last score() call. */
  distinct = 0;
  /** Per (term, field) slot: repeats counted, valid when countStamp equals the current call's stamp. */
  private readonly counts: Int32Array;
  private readonly countStamp: Float64Array;
  private readonly seenStamp: Float64Array;
  private stamp = 0;

  constructor(termCount: number) {
    this.counts = new Int32Array(termCount * ALL_TOPIC_FIELDS.length);
    this.countStamp = new Float64Array(this.counts.length);
    this.seenStamp = new Float64Array(termCount);
  }

  /** Same value as scoreHits(hits); termIds[k] is the id of hits[k].term. */
  score(hits: readonly TermHit[], termIds: readonly number[]): number {
    const stamp = ++this.stamp;
    let score = 0;
    let distinct = 0;
    for (let k = 0; k < hits.length; k++) {
      const field = hits[k]!.field;
      const id = termIds[k]!;
      const slot = id * ALL_TOPIC_FIELDS.length + FIELD_ORDER[field];
      if (this.countStamp[slot] !== stamp) {
        this.countStamp[slot] = stamp;
        this.counts[slot] = 0;
      }
      if (++this.counts[slot]! <= MAX_COUNTED_REPEATS) score += FIELD_WEIGHTS[field];
      if (this.seenStamp[id] !== stamp) {
        this.seenStamp[id] = stamp;
        distinct++;
      }
    }
    this.distinct = distinct;
    return score;
  }
}

/** Field order, then position, longer hit first, then term: a total order, whatever order hits were found in. */
export function compareHits(a: TermHit, b: TermHit): number {
  return (
    FIELD_ORDER[a.field] - FIELD_ORDER[b.field] ||
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
