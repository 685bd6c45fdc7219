/**
 * What the library list shows: the search hits (from LibrarySearch), narrowed by tag, topic and the day range
 * the papers were saved in, in the chosen order. Pure: no browser API.
 */
import type { SavedPaper } from '../storage/records';
import { localDayEnd, localDayStart } from './dates';

export type SortKey = 'saved' | 'published' | 'upvotes' | 'relevance';

export const SORT_LABELS: Readonly<Record<SortKey, string>> = {
  saved: 'Date saved (newest first)',
  published: 'Publication date (newest first)',
  upvotes: 'Upvotes (most first)',
  relevance: 'Best match',
};

export interface LibraryFilters {
  /** A tag (case-insensitive), or null for any. */
  tag: string | null;
  /** A topic id, or null for any. */
  topicId: string | null;
  /** Inclusive local days `YYYY-MM-DD`, or null for open-ended. */
  savedFrom: string | null;
  savedTo: string | null;
}

export const NO_FILTERS: LibraryFilters = Object.freeze({ tag: null, topicId: null, savedFrom: null, savedTo: null });

export interface SelectContext {
  /** Search hits with relevance; null when there is no query (everything passes). */
  hits: Map<string, number> | null;
  /** Topic ids a paper matches; needed only when filtering by topic. */
  topicIdsOf?: (paper: SavedPaper) => readonly string[];
}

const byId = (a: SavedPaper, b: SavedPaper) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const bySaved = (a: SavedPaper, b: SavedPaper) => b.savedAt - a.savedAt || byId(a, b);

/** Known values first, largest first; unknown ones after, by date saved. */
function descKnown<T>(get: (p: SavedPaper) => T | undefined, cmp: (a: T, b: T) => number) {
  return (a: SavedPaper, b: SavedPaper): number => {
    const x = get(a);
    const y = get(b);
    if (x === undefined || y === undefined) return x === y ? bySaved(a, b) : x === undefined ? 1 : -1;
    return cmp(y, x) || bySaved(a, b);
  };
}

export function comparatorFor(sort: SortKey, hits: Map<string, number> | null): (a: SavedPaper, b: SavedPaper) => number {
  switch (sort) {
    case 'published':
      return descKnown((p) => p.date, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    case 'upvotes':
      return descKnown((p) => p.upvotes, (a, b) => a - b);
    case 'relevance':
      if (hits) return (a, b) => (hits.get(b.id) ?? 0) - (hits.get(a.id) ?? 0) || bySaved(a, b);
      return bySaved;
    case 'saved':
      return bySaved;
  }
}

/** Problems with the filters the reader should see (the list is still computed). */
export function filterProblem(filters: LibraryFilters): string | null {
  if (filters.savedFrom && localDayStart(filters.savedFrom) === null) return `"${filters.savedFrom}" is not a date.`;
  if (filters.savedTo && localDayStart(filters.savedTo) === null) return `"${filters.savedTo}" is not a date.`;
  if (filters.savedFrom && filters.savedTo && filters.savedFrom > filters.savedTo) return 'The "saved from" day is after the "saved until" day, so no paper can match.';
  return null;
}

export function selectPapers(
  records: readonly SavedPaper[],
  filters: LibraryFilters,
  sort: SortKey,
  ctx: SelectContext,
): SavedPaper[] {
  const from = filters.savedFrom ? localDayStart(filters.savedFrom) : null;
  const until = filters.savedTo ? localDayEnd(filters.savedTo) : null;
  const tag = filters.tag?.toLowerCase() ?? null;
  const { hits, topicIdsOf } = ctx;
  const out = records.filter((p) => {
    if (hits && !hits.has(p.id)) return false;
    if (from !== null && p.savedAt < from) return false;
    if (until !== null && p.savedAt >= until) return false;
    if (tag !== null && !p.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (filters.topicId !== null && !(topicIdsOf?.(p) ?? []).includes(filters.topicId)) return false;
    return true;
  });
  return out.sort(comparatorFor(sort, hits));
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Every tag in the library, counted case-insensitively (shown as first seen), sorted by name. */
export function tagCounts(records: readonly SavedPaper[]): TagCount[] {
  const counts = new Map<string, TagCount>();
  for (const p of records) {
    for (const t of p.tags) {
      const key = t.toLowerCase();
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { tag: t, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => a.tag.localeCompare(b.tag, 'en', { sensitivity: 'base' }));
}
