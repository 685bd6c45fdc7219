/**
 * The library in IndexedDB (via idb-keyval): saved papers and hidden papers, one record per paper, key = arXiv id.
 * Only the background calls the writers. Records are normalised on read (see record-migrations.ts).
 *
 * idb-keyval's `createStore(db, store)` creates its one object store in `onupgradeneeded` of version 1, so a
 * second store in the same database would never be created: each store gets its own database.
 */
import { clear, createStore, entries, get, getMany, keys, promisifyRequest, set, setMany, values } from 'idb-keyval';
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

/** Remove the records under `ids` that exist, in one readwrite transaction; resolves to them as stored (raw). */
function takeMany(store: UseStore, ids: readonly string[]): Promise<unknown[]> {
  return store(
    'readwrite',
    (os) =>
      new Promise<unknown[]>((resolve, reject) => {
        const taken: unknown[] = [];
        // Requests run in the order they are made, so `taken` follows `ids`.
        for (const id of ids) {
          const req = os.get(id);
          req.onsuccess = () => {
            if (req.result === undefined) return;
            taken.push(req.result);
            os.delete(id);
          };
        }
        promisifyRequest(os.transaction).then(() => resolve(taken), reject);
      }),
  );
}

/** Every stored key and value exactly as stored (corrupt ones too): a snapshot to put back with `replaceAll`. */
export type StoreSnapshot = Array<[IDBValidKey, unknown]>;

/** Make the store hold exactly `snapshot`, in one readwrite transaction (all or nothing). */
function replaceAll(store: UseStore, snapshot: StoreSnapshot): Promise<void> {
  return store('readwrite', (os) => {
    os.clear();
    for (const [key, value] of snapshot) os.put(value, key);
    return promisifyRequest(os.transaction);
  });
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

/** The readable records among `ids`, in `ids` order (one transaction); missing and corrupt ones are left out. */
export async function getSavedMany(ids: readonly string[]): Promise<SavedPaper[]> {
  if (ids.length === 0) return [];
  return (await getMany([...ids], saved())).map(normalizeSaved).filter((r): r is SavedPaper => r !== null);
}

/** Store many records in one transaction: all of them or, on failure, none. */
export function putSavedMany(recs: readonly SavedPaper[]): Promise<void> {
  if (recs.length === 0) return Promise.resolve();
  return setMany(recs.map((r) => [r.id, r]), saved());
}

/** Remove these papers in one transaction; resolves to the readable records removed (for Undo), in `ids` order. */
export async function takeSaved(ids: readonly string[]): Promise<SavedPaper[]> {
  if (ids.length === 0) return [];
  return (await takeMany(saved(), ids)).map(normalizeSaved).filter((r): r is SavedPaper => r !== null);
}

export function snapshotSaved(): Promise<StoreSnapshot> {
  return entries(saved());
}

export function restoreSavedSnapshot(snapshot: StoreSnapshot): Promise<void> {
  return replaceAll(saved(), snapshot);
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

/** Store many records in one transaction: all of them or, on failure, none. */
export function putHiddenMany(recs: readonly HiddenPaper[]): Promise<void> {
  if (recs.length === 0) return Promise.resolve();
  return setMany(recs.map((r) => [r.id, r]), hidden());
}

export function snapshotHidden(): Promise<StoreSnapshot> {
  return entries(hidden());
}

export function restoreHiddenSnapshot(snapshot: StoreSnapshot): Promise<void> {
  return replaceAll(hidden(), snapshot);
}
