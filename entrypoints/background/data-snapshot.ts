/**
 * A copy of everything PaperSift keeps, taken before a restore or reset writes anything, and put back exactly if
 * a later step fails: the two IndexedDB stores (raw entries, corrupt ones included) and PaperSift's own keys in
 * storage.local and storage.sync (topics, the topic storage note, preferences). The change-event key is left
 * alone: its revision must only ever grow. Background only, inside the write queue.
 */
import { browser } from 'wxt/browser';
import type { StoreSnapshot } from '../../utils/storage/library-db';
import { clearHidden, clearSaved, restoreHiddenSnapshot, restoreSavedSnapshot, snapshotHidden, snapshotSaved } from '../../utils/storage/library-db';
import { PREFS_KEY } from '../../utils/storage/prefs';
import { TOPIC_KEY_PREFIX, TOPIC_STORAGE_KEY } from '../../utils/storage/topic-store';
import { reasonOf } from './error-reason';

type Area = 'local' | 'sync';
type Items = Record<string, unknown>;

/** `local:prefs` is stored under `prefs`, with WXT's version metadata under `prefs$`. */
const PREFS_STORAGE_KEY = PREFS_KEY.slice('local:'.length);

const OWNED: Record<Area, (key: string) => boolean> = {
  local: (k) => k.startsWith(TOPIC_KEY_PREFIX) || k === TOPIC_STORAGE_KEY || k === PREFS_STORAGE_KEY || k === `${PREFS_STORAGE_KEY}$`,
  sync: (k) => k.startsWith(TOPIC_KEY_PREFIX),
};

export interface DataSnapshot {
  saved: StoreSnapshot;
  hidden: StoreSnapshot;
  local: Items;
  /** null when storage.sync could not be read (unavailable): then nothing there is written either. */
  sync: Items | null;
}

async function ownedItems(area: Area): Promise<Items> {
  const all = await browser.storage[area].get(null);
  return Object.fromEntries(Object.entries(all).filter(([k]) => OWNED[area](k)));
}

async function syncItems(): Promise<Items | null> {
  try {
    return await ownedItems('sync');
  } catch {
    return null;
  }
}

export async function takeSnapshot(): Promise<DataSnapshot> {
  const [saved, hidden, local, sync] = await Promise.all([snapshotSaved(), snapshotHidden(), ownedItems('local'), syncItems()]);
  return { saved, hidden, local, sync };
}

/** Make PaperSift's keys in `area` exactly `items`, writing only what differs (sync counts every write). */
async function putBackArea(area: Area, items: Items): Promise<void> {
  const now = await ownedItems(area);
  const stale = Object.keys(now).filter((k) => !(k in items));
  const changed = Object.fromEntries(Object.entries(items).filter(([k, v]) => JSON.stringify(now[k]) !== JSON.stringify(v)));
  if (stale.length > 0) await browser.storage[area].remove(stale);
  if (Object.keys(changed).length > 0) await browser.storage[area].set(changed);
}

/** Put every part back, trying all of them even when one fails; throws with what could not be put back. */
export async function putBackSnapshot(s: DataSnapshot): Promise<void> {
  const parts: Array<[string, () => Promise<void>]> = [
    ['saved papers', () => restoreSavedSnapshot(s.saved)],
    ['hidden papers', () => restoreHiddenSnapshot(s.hidden)],
    ['topics and settings in this browser', () => putBackArea('local', s.local)],
  ];
  const sync = s.sync;
  if (sync) parts.push(['synced topics', () => putBackArea('sync', sync)]);
  const failed: string[] = [];
  for (const [what, run] of parts) {
    try {
      await run();
    } catch (e) {
      failed.push(`${what} (${reasonOf(e)})`);
    }
  }
  if (failed.length > 0) throw new Error(`could not put back the ${failed.join(', ')}`);
}

/**
 * Run `work`, which writes PaperSift's data; if it throws, put everything back as `snapshot` had it and throw
 * an error saying so. Resolves to what `work` returned.
 */
export async function allOrNothing<T>(work: () => Promise<T>): Promise<T> {
  const snapshot = await takeSnapshot();
  try {
    return await work();
  } catch (e) {
    try {
      await putBackSnapshot(snapshot);
    } catch (undo) {
      throw new Error(`${reasonOf(e)}. Putting the previous data back failed too: ${reasonOf(undo)}. Restore a backup to recover.`);
    }
    throw new Error(`${reasonOf(e)}. Nothing was changed: your data is as it was before.`);
  }
}

/** Delete all of PaperSift's data (not the change-event revision). */
export async function clearAllData(): Promise<void> {
  await clearSaved();
  await clearHidden();
  const localKeys = Object.keys(await ownedItems('local'));
  if (localKeys.length > 0) await browser.storage.local.remove(localKeys);
  const syncKeys = Object.keys((await syncItems()) ?? {});
  if (syncKeys.length > 0) await browser.storage.sync.remove(syncKeys);
}
