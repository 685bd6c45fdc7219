/**
 * The seen set in IndexedDB (its own database, like the library's stores): one record, the ids oldest first,
 * bounded by utils/digest/seen-set.ts. IndexedDB rather than storage.local: 50,000 ids are ~600 KB, and every
 * storage.local write is sent to every open tab. Only the background reads and writes it.
 */
import { createStore, del, get, set } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';

export const SEEN_DB = 'papersift-seen';
export const SEEN_STORE = 'seen';
const KEY = 'ids';

let store: UseStore | undefined;
const seen = () => (store ??= createStore(SEEN_DB, SEEN_STORE));

/** The stored list as stored (normalise it with normalizeSeen); undefined when none was ever written. */
export function readSeenRaw(): Promise<unknown> {
  return get(KEY, seen());
}

export function writeSeen(ids: readonly string[]): Promise<void> {
  return set(KEY, ids, seen());
}

export function clearSeen(): Promise<void> {
  return del(KEY, seen());
}
