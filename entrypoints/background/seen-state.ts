/**
 * The background's side of the seen set (utils/digest/seen-set.ts): the one writer, shared by every tab.
 * Kept in memory between requests while the worker lives (it is read on every badge count), always written through
 * to IndexedDB. Run inside the write queue.
 */
import { addSeen, normalizeSeen, SEEN_LIMIT } from '../../utils/digest/seen-set';
import { clearSeen, readSeenRaw, writeSeen } from '../../utils/storage/seen-db';

interface Seen {
  /** Was a seen list ever stored? Before the first page visit there is none: then nothing is "new". */
  started: boolean;
  list: readonly string[];
  set: Set<string>;
}

let cache: Seen | null = null;

async function load(): Promise<Seen> {
  if (cache) return cache;
  const raw = await readSeenRaw();
  const list = normalizeSeen(raw);
  cache = { started: raw !== undefined, list, set: new Set(list) };
  return cache;
}

export async function seenIds(): Promise<ReadonlySet<string>> {
  return (await load()).set;
}

export async function seenList(): Promise<readonly string[]> {
  return (await load()).list;
}

/** Adds these ids (the oldest drop out past the bound); resolves to how many were new. */
export async function markSeen(ids: readonly string[]): Promise<number> {
  const s = await load();
  const { list, added } = addSeen(s.list, ids, SEEN_LIMIT, s.set);
  if (added.length === 0 && s.started) return 0;
  await writeSeen(list);
  const set = list.length === s.list.length + added.length ? s.set : new Set(list);
  if (set === s.set) for (const id of added) set.add(id);
  cache = { started: true, list, set };
  return added.length;
}

/**
 * A list page opened with these cards: which of them the reader has not seen, and whether this is the very first
 * visit (which starts the seen list; the page then marks nothing new, as everything would be).
 */
export async function visitPage(ids: readonly string[]): Promise<{ unseen: string[]; first: boolean }> {
  const s = await load();
  const unseen = [...new Set(ids)].filter((id) => !s.set.has(id));
  if (!s.started) {
    await writeSeen(s.list);
    cache = { ...s, started: true };
    return { unseen, first: true };
  }
  return { unseen, first: false };
}

/** Replace the whole list (a restore merges first; a reset clears). */
export async function replaceSeen(ids: readonly string[] | null): Promise<void> {
  if (ids === null) {
    await clearSeen();
    cache = { started: false, list: [], set: new Set() };
    return;
  }
  const list = normalizeSeen(ids);
  await writeSeen(list);
  cache = { started: true, list, set: new Set(list) };
}

/** Forget the in-memory copy (tests; another context wrote the database). */
export function forgetSeenCache(): void {
  cache = null;
}
