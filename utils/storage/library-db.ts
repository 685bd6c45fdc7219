/**
 * The library in IndexedDB (via idb-keyval): saved papers and hidden papers, one record per paper, key = arXiv id.
 * Only the background calls the writers. Records are normalised on read (see record-migrations.ts).
 *
 * idb-keyval's `createStore(db, store)` creates its one object store in `onupgradeneeded` of version 1, so a
 * second store in the same database would never be created: each store gets its own database.
 */
import { clear, createStore, get, keys, promisifyRequest, set, values } from 'idb-keyval';
import type { UseStore } from 'idb-keyval';
import type { HiddenPaper, SavedPaper } from './records';
import { isArxivId, normalizeHidden, normalizeSaved } from './record-migrations';

export const SAVED_DB = 'papersift-saved';
export const SAVED_STORE = 'saved';
export const HIDDEN_DB = 'papersift-hidden';
export const HIDDEN_STORE = 'hidden';

// Created lazily so merely importing this module never opens a database.
let savedStore: UseStore | undefined;
let hiddenStore: UseStore | undefined;
const saved = () => (savedStore ??= createStore(SAVED_DB, SAVED_STORE));
const hidden = () => (hiddenStore ??= createStore(HIDDEN_DB, HIDDEN_STORE));

/** Delete `id` and report whether it was there, in one readwrite transaction. */
function deleteIfPresent(store: UseStore, id: string): Promise<boolean> {
  return store(
    'readwrite',
    // Callbacks, not awaits, between the two requests: the transaction must not go inactive in between.
    (os) =>
      new Promise<boolean>((resolve, reject) => {
        const counted = os.count(id);
        counted.onsuccess = () => {
          const present = counted.result > 0;
          if (present) os.delete(id);
          promisifyRequest(os.transaction).then(() => resolve(present), reject);
        };
        counted.onerror = () => reject(counted.error);
      }),
  );
}

const newestSavedFirst = (a: SavedPaper, b: SavedPaper) => b.savedAt - a.savedAt || a.id.localeCompare(b.id);
const newestHiddenFirst = (a: HiddenPaper, b: HiddenPaper) => b.hiddenAt - a.hiddenAt || a.id.localeCompare(b.id);

// ---- saved ----

export async function getSaved(id: string): Promise<SavedPaper | undefined> {
  return normalizeSaved(await get(id, saved())) ?? undefined;
}

export function putSaved(rec: SavedPaper): Promise<void> {
  return set(rec.id, rec, saved());
}

/** Resolves true when a record was removed, false when there was none. */
export function deleteSaved(id: string): Promise<boolean> {
  return deleteIfPresent(saved(), id);
}

/** Every readable saved record, newest `savedAt` first; corrupt records are skipped. */
export async function listSaved(): Promise<SavedPaper[]> {
  const all = (await values(saved())).map(normalizeSaved).filter((r): r is SavedPaper => r !== null);
  return all.sort(newestSavedFirst);
}

/** Ids of saved papers. Reads keys only, so it stays cheap for a large library (abstracts are not loaded). */
export async function savedIds(): Promise<string[]> {
  return (await keys(saved())).filter(isArxivId);
}

export function clearSaved(): Promise<void> {
  return clear(saved());
}

// ---- hidden ----

export async function getHidden(id: string): Promise<HiddenPaper | undefined> {
  return normalizeHidden(await get(id, hidden())) ?? undefined;
}

export function putHidden(rec: HiddenPaper): Promise<void> {
  return set(rec.id, rec, hidden());
}

export function deleteHidden(id: string): Promise<boolean> {
  return deleteIfPresent(hidden(), id);
}

/** Every readable hidden record, newest `hiddenAt` first; corrupt records are skipped. */
export async function listHidden(): Promise<HiddenPaper[]> {
  const all = (await values(hidden())).map(normalizeHidden).filter((r): r is HiddenPaper => r !== null);
  return all.sort(newestHiddenFirst);
}

export async function hiddenIds(): Promise<string[]> {
  return (await keys(hidden())).filter(isArxivId);
}

export function clearHidden(): Promise<void> {
  return clear(hidden());
}
