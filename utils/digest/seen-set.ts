/**
 * The papers the reader has seen (a card half in view for a second, or opened, saved or hidden), kept by the
 * background, oldest first and bounded: past SEEN_LIMIT the oldest ids are dropped. Pure: no browser API.
 */
import { isArxivId } from '../storage/record-migrations';

export const SEEN_LIMIT = 50_000;

/**
 * `list` with the ids not in it yet appended (in the order given), then cut to the newest `limit`.
 * Returns the same array when nothing is new, so a caller can skip the write. An id seen again keeps its place.
 */
export function addSeen(list: readonly string[], ids: Iterable<string>, limit = SEEN_LIMIT, known: ReadonlySet<string> = new Set(list)): { list: readonly string[]; added: string[] } {
  const added: string[] = [];
  const fresh = new Set<string>();
  for (const id of ids) {
    if (known.has(id) || fresh.has(id)) continue;
    fresh.add(id);
    added.push(id);
  }
  if (added.length === 0) return { list, added };
  const next = list.concat(added);
  return { list: next.length > limit ? next.slice(next.length - limit) : next, added };
}

/** A stored seen list as arXiv ids only, without repeats, newest `limit` kept (a damaged record reads as empty). */
export function normalizeSeen(raw: unknown, limit = SEEN_LIMIT): string[] {
  if (!Array.isArray(raw)) return [];
  const out: string[] = [];
  const have = new Set<string>();
  for (const id of raw) {
    if (!isArxivId(id) || have.has(id)) continue;
    have.add(id);
    out.push(id);
  }
  return out.length > limit ? out.slice(out.length - limit) : out;
}

/** Union of two seen lists (a restore): the current one first, the backup's new ids after it, bounded. */
export function mergeSeen(current: readonly string[], incoming: readonly string[], limit = SEEN_LIMIT): readonly string[] {
  return addSeen(current, incoming, limit).list;
}
