/**
 * How exclusions veto hits, within one field:
 * - an exclusion occurrence that overlaps term hits vetoes exactly those hits: "attention" with exclusion
 *   "attention deficit" ignores the "attention" inside "attention deficit" but keeps a standalone one;
 * - an exclusion occurrence that overlaps no term hit (e.g. "medical" for a topic "diffusion") vetoes
 *   every hit of the topic in that field, like a search engine's -word.
 */

export interface Span {
  start: number;
  end: number;
}

export function applyExclusions<T extends Span>(hits: T[], exclusionHits: Span[]): T[] {
  if (exclusionHits.length === 0 || hits.length === 0) return hits;
  const vetoed = new Set<T>();
  for (const ex of exclusionHits) {
    let overlapped = false;
    for (const hit of hits) {
      if (hit.start < ex.end && ex.start < hit.end) {
        vetoed.add(hit);
        overlapped = true;
      }
    }
    if (!overlapped) return [];
  }
  return hits.filter((hit) => !vetoed.has(hit));
}
