/**
 * Topics in `storage.sync` (roaming across the reader's browsers) or `storage.local`: one item per topic,
 * key `topic:<id>` in both areas (see topic-item.ts), so no single item nears sync's 8 KB per-item limit.
 *
 * Rules:
 * - A topic lives in one area. Reads merge both; if an id is in both (an interrupted write), the newer
 *   `updatedAt` wins, the local copy on a tie (see `newerCopy`).
 * - Nothing is ever half-written or lost: a topic is first written to its new area, and only after that
 *   succeeded is the copy in the other area removed. A failed sync write (quota, rate limit, sync disabled)
 *   falls back to local, and the reason is recorded under TOPIC_STORAGE_KEY for the options page.
 * - Oversized topics (item > QUOTA_BYTES_PER_ITEM) are routed to local before sync is even tried.
 * - Items that cannot be read are skipped and reported, never deleted (except by deleting their id).
 *
 * Reading works from any context; only the background writes (through its write queue).
 */
import { browser } from 'wxt/browser';
import type { Topic } from '../topics/types';
import { fitsSyncItem, oversizedReason, syncItemBytes, syncRefusalReason } from './sync-quota';
import type { StoredTopic, TopicArea, TopicItem } from './topic-item';
import { byCreation, makeTopicItem, newerCopy, readTopicItem, TOPIC_KEY_PREFIX, topicIdOfKey, topicKey } from './topic-item';

export { isTopicKey, migrateTopicItem, TOPIC_KEY_PREFIX } from './topic-item';
export type { TopicArea } from './topic-item';

/** `storage.local` key of the note saying why topics are kept in local although sync is on. */
export const TOPIC_STORAGE_KEY = 'papersift:topicStorage';

export interface TopicStorageNote {
  area: 'local';
  /** A sentence for the options page. */
  reason: string;
  /** Epoch ms. */
  at: number;
}

export interface TopicStorageStatus {
  /** Where the topics are: all in sync, all in local, or some in each. With no topics: where new ones go. */
  area: TopicArea | 'mixed';
  /** Why topics are (partly) in local, as a sentence; null when everything is where the prefs want it. */
  reason: string | null;
}

export interface SkippedTopicItem {
  area: TopicArea;
  key: string;
}

export interface TopicListing {
  /** Sorted by `createdAt` (then id). */
  topics: Topic[];
  storage: TopicStorageStatus;
  /** Items under a `topic:` key that could not be read; they are left untouched. */
  skipped: SkippedTopicItem[];
}

export interface TopicWrite {
  area: TopicArea;
  /** Why the topic went to local although sync was wanted; null otherwise. */
  reason: string | null;
}

export interface TopicMove {
  moved: number;
  /** Topics that could not move to sync, with the reason. Moving to local never keeps any behind. */
  kept: Array<{ id: string; reason: string }>;
}

export const SYNC_OFF_REASON = 'Topic sync is turned off, so topics are kept in this browser only.';
const GENERIC_LOCAL_REASON = 'Some topics could not be stored in sync storage, so they are kept in this browser only.';

const AREAS: readonly TopicArea[] = ['sync', 'local'];
const area = (a: TopicArea) => browser.storage[a];

interface AreaScan {
  /** Readable items by topic id. */
  items: Map<string, StoredTopic>;
  skipped: SkippedTopicItem[];
}

async function scanArea(a: TopicArea): Promise<AreaScan> {
  const all = await area(a).get(null);
  const items = new Map<string, StoredTopic>();
  const skipped: SkippedTopicItem[] = [];
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(TOPIC_KEY_PREFIX)) continue;
    const id = topicIdOfKey(key);
    const item = readTopicItem(raw);
    // The key is the identity: an item whose topic claims another id is as unreadable as junk.
    if (id === null || item === null || item.topic.id !== id) skipped.push({ area: a, key });
    else items.set(id, { area: a, item });
  }
  return { items, skipped };
}

interface Scan {
  sync: AreaScan;
  local: AreaScan;
  /** The winning copy of each readable topic. */
  winners: Map<string, StoredTopic>;
}

async function scan(): Promise<Scan> {
  const [sync, local] = await Promise.all([scanArea('sync'), scanArea('local')]);
  const winners = new Map(sync.items);
  for (const [id, copy] of local.items) {
    const other = winners.get(id);
    winners.set(id, other ? newerCopy(other, copy) : copy);
  }
  return { sync, local, winners };
}

const sortedTopics = (winners: Map<string, StoredTopic>) => [...winners.values()].map((w) => w.item.topic).sort(byCreation);

/** Every readable topic, merged from both areas, sorted by `createdAt`. */
export async function listTopics(): Promise<Topic[]> {
  return sortedTopics((await scan()).winners);
}

export async function getTopic(id: string): Promise<Topic | null> {
  const key = topicKey(id);
  const copies = await Promise.all(
    AREAS.map(async (a): Promise<StoredTopic | null> => {
      const item = readTopicItem((await area(a).get(key))[key]);
      return item && item.topic.id === id ? { area: a, item } : null;
    }),
  );
  const found = copies.filter((c): c is StoredTopic => c !== null);
  if (found.length === 0) return null;
  return found.reduce(newerCopy).item.topic;
}

export async function readStorageNote(): Promise<TopicStorageNote | null> {
  const raw = (await browser.storage.local.get(TOPIC_STORAGE_KEY))[TOPIC_STORAGE_KEY] as Partial<TopicStorageNote> | undefined;
  if (typeof raw !== 'object' || raw === null || typeof raw.reason !== 'string') return null;
  return { area: 'local', reason: raw.reason, at: typeof raw.at === 'number' ? raw.at : 0 };
}

/** Topics, where they are, and why (for `topics/list` and the options page). */
export async function readTopicListing(topicSync: boolean): Promise<TopicListing> {
  const { sync, local, winners } = await scan();
  let inSync = 0;
  let inLocal = 0;
  for (const w of winners.values()) w.area === 'sync' ? inSync++ : inLocal++;
  const where: TopicStorageStatus['area'] =
    inSync > 0 && inLocal > 0 ? 'mixed' : inLocal > 0 ? 'local' : inSync > 0 ? 'sync' : topicSync ? 'sync' : 'local';
  let reason: string | null = null;
  if (!topicSync) reason = SYNC_OFF_REASON;
  else if (inLocal > 0) reason = (await readStorageNote())?.reason ?? GENERIC_LOCAL_REASON;
  return { topics: sortedTopics(winners), storage: { area: where, reason }, skipped: [...sync.skipped, ...local.skipped] };
}

// ---- writes (background only) ----

async function note(reason: string, now: number): Promise<void> {
  const value: TopicStorageNote = { area: 'local', reason, at: now };
  await browser.storage.local.set({ [TOPIC_STORAGE_KEY]: value });
}

/** Drop the note once no topic is left in local (all synced again, or deleted). */
async function clearNoteIfAllSynced(): Promise<void> {
  const local = await browser.storage.local.get(null);
  if (!(TOPIC_STORAGE_KEY in local)) return;
  if (Object.keys(local).some((k) => k.startsWith(TOPIC_KEY_PREFIX))) return;
  await browser.storage.local.remove(TOPIC_STORAGE_KEY);
}

const isPresent = async (a: TopicArea, key: string) => (await area(a).get(key))[key] !== undefined;

/**
 * Remove copies a write just made stale. The copy just written is newer (or, after a move, equal and local), so
 * it wins reads even if this fails; the leftover is cleaned up by the next write of that topic.
 */
async function removeStale(a: TopicArea, keys: string | string[]): Promise<void> {
  try {
    await area(a).remove(keys);
  } catch (e) {
    console.warn(`[PaperSift] stale ${a} copies of ${String(keys)} not removed (the copy just written wins):`, e);
  }
}

async function writeLocal(key: string, item: TopicItem): Promise<void> {
  await browser.storage.local.set({ [key]: item });
  // Checked first: a remove counts against sync's write quota even when there is nothing to remove.
  if (await isPresent('sync', key)) await removeStale('sync', key);
}

/**
 * Store `topic` (stamped `updatedAt = now`) in sync when `sync` is true and it fits, else in local.
 * Throws only when the topic could not be stored anywhere; the previous copy is then untouched.
 */
export async function putTopic(topic: Topic, opts: { sync: boolean; now?: number }): Promise<TopicWrite> {
  const now = opts.now ?? Date.now();
  const key = topicKey(topic.id);
  const item = makeTopicItem(topic, now);
  if (!opts.sync) {
    await writeLocal(key, item);
    return { area: 'local', reason: null };
  }
  let reason: string;
  if (!fitsSyncItem(key, item)) {
    reason = oversizedReason(topic.name, syncItemBytes(key, item));
  } else {
    try {
      await browser.storage.sync.set({ [key]: item });
      if (await isPresent('local', key)) await removeStale('local', key);
      await clearNoteIfAllSynced();
      return { area: 'sync', reason: null };
    } catch (e) {
      reason = syncRefusalReason(e, topic.name);
    }
  }
  await writeLocal(key, item);
  await note(reason, now);
  return { area: 'local', reason };
}

/** Delete a topic from both areas; resolves to the deleted topic (for Undo), or null if there was none. */
export async function deleteTopic(id: string): Promise<Topic | null> {
  const key = topicKey(id);
  const removed = await getTopic(id);
  // Sync first: if that fails nothing has changed, whereas removing a newer local copy first could let an
  // older sync copy reappear.
  if (await isPresent('sync', key)) await browser.storage.sync.remove(key);
  if (await isPresent('local', key)) await browser.storage.local.remove(key);
  await clearNoteIfAllSynced();
  return removed;
}

/**
 * Move every readable topic to `to` (when the reader turns topic sync off or on), keeping each `updatedAt`.
 * Moving to sync retries topics that fell back to local; those that still cannot go stay local, with the
 * reason noted. Unreadable items are left where they are.
 */
export async function moveTopics(to: TopicArea, now: number = Date.now()): Promise<TopicMove> {
  const { sync, local, winners } = await scan();
  const from: TopicArea = to === 'sync' ? 'local' : 'sync';
  const source = to === 'sync' ? local : sync;
  const moving = [...winners.values()].filter((w) => w.area === from);
  // Copies that lost to a winner already in `to` are stale duplicates: removed along with the moved ones.
  const staleInSource = [...source.items.keys()].filter((id) => winners.get(id)?.area === to);

  if (to === 'local') {
    if (moving.length > 0) {
      await browser.storage.local.set(Object.fromEntries(moving.map((w) => [topicKey(w.item.topic.id), w.item])));
    }
    const remove = [...moving.map((w) => w.item.topic.id), ...staleInSource].map(topicKey);
    if (remove.length > 0) await removeStale('sync', remove);
    await browser.storage.local.remove(TOPIC_STORAGE_KEY);
    return { moved: moving.length, kept: [] };
  }

  const kept: TopicMove['kept'] = [];
  const fitting: StoredTopic[] = [];
  for (const w of moving) {
    const key = topicKey(w.item.topic.id);
    if (fitsSyncItem(key, w.item)) fitting.push(w);
    else kept.push({ id: w.item.topic.id, reason: oversizedReason(w.item.topic.name, syncItemBytes(key, w.item)) });
  }
  const moved: string[] = [];
  if (fitting.length > 0) {
    try {
      // One call counts as one write against sync's rate limits.
      await browser.storage.sync.set(Object.fromEntries(fitting.map((w) => [topicKey(w.item.topic.id), w.item])));
      moved.push(...fitting.map((w) => w.item.topic.id));
    } catch {
      // Something did not fit (total bytes, item count, rate): go one by one so as many as possible move.
      for (const w of fitting) {
        try {
          await browser.storage.sync.set({ [topicKey(w.item.topic.id)]: w.item });
          moved.push(w.item.topic.id);
        } catch (e) {
          kept.push({ id: w.item.topic.id, reason: syncRefusalReason(e, w.item.topic.name) });
        }
      }
    }
  }
  const remove = [...moved, ...staleInSource].map(topicKey);
  if (remove.length > 0) await removeStale('local', remove);
  if (kept.length === 0) await browser.storage.local.remove(TOPIC_STORAGE_KEY);
  else await note(kept.length === 1 ? kept[0]!.reason : `${kept.length} topics could not be synced. ${kept[0]!.reason}`, now);
  return { moved: moved.length, kept };
}
