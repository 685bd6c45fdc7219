import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeTopicItem, topicKey } from '../../../utils/storage/topic-item';
import {
  deleteTopic,
  getTopic,
  listTopics,
  moveTopics,
  putTopic,
  readStorageNote,
  readTopicListing,
  SYNC_OFF_REASON,
  TOPIC_STORAGE_KEY,
} from '../../../utils/storage/topic-store';
import { CHROME_ERRORS, hugeTopic, topic } from './sample-topics';

afterEach(() => {
  vi.restoreAllMocks();
});

const sync = fakeBrowser.storage.sync;
const local = fakeBrowser.storage.local;

/** Topic keys in one area, sorted. */
async function keysIn(area: 'sync' | 'local'): Promise<string[]> {
  return Object.keys(await fakeBrowser.storage[area].get(null))
    .filter((k) => k.startsWith('topic:'))
    .sort();
}

/** Make `storage.sync.set` reject like Chrome does, `times` times (default: always). */
function rejectSyncSet(message: string, times = Infinity) {
  const real = sync.set.bind(sync);
  let left = times;
  return vi.spyOn(sync, 'set').mockImplementation(async (items) => {
    if (left-- > 0) throw new Error(message);
    return real(items);
  });
}

const A = topic({ id: 'a', name: 'Agents', createdAt: 30 });
const B = topic({ id: 'b', name: 'Benchmarks', createdAt: 10, mode: 'mute', colour: '#ea580c' });
const C = topic({ id: 'c', name: 'Compilers', createdAt: 20, terms: ['MLIR', 'compiler*'] });

describe('put / list / delete', () => {
  it('round trip: one item per topic in sync, listed by createdAt, deleted with the topic returned', async () => {
    for (const t of [A, B, C]) expect(await putTopic(t, { sync: true, now: 100 })).toEqual({ area: 'sync', reason: null });
    expect(await keysIn('sync')).toEqual(['topic:a', 'topic:b', 'topic:c']);
    expect(await keysIn('local')).toEqual([]);
    expect((await sync.get('topic:b'))['topic:b']).toEqual({ v: 1, topic: B, updatedAt: 100 });
    expect(await listTopics()).toEqual([B, C, A]);
    expect(await getTopic('c')).toEqual(C);

    expect(await deleteTopic('c')).toEqual(C);
    expect(await deleteTopic('c')).toBeNull();
    expect(await listTopics()).toEqual([B, A]);
    expect(await keysIn('sync')).toEqual(['topic:a', 'topic:b']);
  });

  it('replacing a topic keeps one item under its key', async () => {
    await putTopic(A, { sync: true, now: 1 });
    await putTopic({ ...A, name: 'Agentic AI', terms: ['agentic'] }, { sync: true, now: 2 });
    expect(await keysIn('sync')).toEqual(['topic:a']);
    expect(await listTopics()).toEqual([{ ...A, name: 'Agentic AI', terms: ['agentic'] }]);
  });

  it('with sync off, topics go to local and a stale sync copy is removed', async () => {
    await putTopic(A, { sync: true, now: 1 });
    expect(await putTopic({ ...A, name: 'Agents v2' }, { sync: false, now: 2 })).toEqual({ area: 'local', reason: null });
    expect(await keysIn('sync')).toEqual([]);
    expect(await keysIn('local')).toEqual(['topic:a']);
    expect(await listTopics()).toEqual([{ ...A, name: 'Agents v2' }]);
  });
});

describe('sync limits', () => {
  it('an oversized topic goes straight to local with the reason; sync is not even tried', async () => {
    const set = vi.spyOn(sync, 'set');
    const big = hugeTopic();
    const write = await putTopic(big, { sync: true, now: 7 });
    expect(write.area).toBe('local');
    expect(write.reason).toMatch(/^The topic "Every model name" is too large to sync \([\d,]+ bytes; the browser syncs at most 8,192/);
    expect(set).not.toHaveBeenCalled();
    expect(await keysIn('local')).toEqual(['topic:huge']);
    expect(await readStorageNote()).toEqual({ area: 'local', reason: write.reason, at: 7 });
    expect(await listTopics()).toEqual([big]);
    expect((await listTopics())[0]!.terms).toHaveLength(5_000);
  });

  it.each(Object.entries(CHROME_ERRORS))('a sync rejection (%s) falls back to local, reason recorded, nothing lost', async (_label, message) => {
    await putTopic(A, { sync: true, now: 1 });
    rejectSyncSet(message);
    const edited = { ...A, terms: ['agents', 'planning'] };
    const write = await putTopic(edited, { sync: true, now: 2 });
    expect(write.area).toBe('local');
    expect(write.reason).toContain('"Agents"');
    // The edit is in local; the stale sync copy was removed only after that.
    expect(await keysIn('local')).toEqual(['topic:a']);
    expect(await keysIn('sync')).toEqual([]);
    expect(await listTopics()).toEqual([edited]);
    const listing = await readTopicListing(true);
    expect(listing.storage).toEqual({ area: 'local', reason: write.reason });
    expect((await local.get(TOPIC_STORAGE_KEY))[TOPIC_STORAGE_KEY]).toEqual({ area: 'local', reason: write.reason, at: 2 });
  });

  it('if local refuses too, the put fails and the previous sync copy is untouched', async () => {
    await putTopic(A, { sync: true, now: 1 });
    rejectSyncSet(CHROME_ERRORS.total);
    vi.spyOn(local, 'set').mockRejectedValue(new Error('disk full'));
    await expect(putTopic({ ...A, name: 'Changed' }, { sync: true, now: 2 })).rejects.toThrow('disk full');
    expect(await listTopics()).toEqual([A]);
    expect(await keysIn('sync')).toEqual(['topic:a']);
  });

  it('if the stale sync copy cannot be removed, the newer local copy still wins', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await putTopic(A, { sync: true, now: 1 });
    rejectSyncSet(CHROME_ERRORS.perMinute);
    vi.spyOn(sync, 'remove').mockRejectedValue(new Error(CHROME_ERRORS.perMinute));
    const edited = { ...A, name: 'Edited' };
    expect((await putTopic(edited, { sync: true, now: 2 })).area).toBe('local');
    expect(await keysIn('sync')).toEqual(['topic:a']);
    expect(await listTopics()).toEqual([edited]);
  });

  it('the next successful sync write of that topic moves it back and clears the note', async () => {
    rejectSyncSet(CHROME_ERRORS.perMinute, 1);
    await putTopic(A, { sync: true, now: 1 });
    await putTopic(B, { sync: true, now: 2 });
    expect(await keysIn('local')).toEqual(['topic:a']);
    expect((await readTopicListing(true)).storage.area).toBe('mixed');
    expect(await readStorageNote()).not.toBeNull();

    expect(await putTopic(A, { sync: true, now: 3 })).toEqual({ area: 'sync', reason: null });
    expect(await keysIn('local')).toEqual([]);
    expect(await keysIn('sync')).toEqual(['topic:a', 'topic:b']);
    expect(await readStorageNote()).toBeNull();
    expect(await readTopicListing(true)).toMatchObject({ storage: { area: 'sync', reason: null } });
  });
});

describe('moveTopics', () => {
  it('sync → local → sync loses nothing and keeps updatedAt', async () => {
    for (const [i, t] of [A, B, C].entries()) await putTopic(t, { sync: true, now: 100 + i });
    const before = await listTopics();
    const itemsBefore = await sync.get(null);

    expect(await moveTopics('local')).toEqual({ moved: 3, kept: [] });
    expect(await keysIn('sync')).toEqual([]);
    expect(await keysIn('local')).toEqual(['topic:a', 'topic:b', 'topic:c']);
    expect(await listTopics()).toEqual(before);
    expect(await readTopicListing(false)).toMatchObject({ storage: { area: 'local', reason: SYNC_OFF_REASON } });

    expect(await moveTopics('sync')).toEqual({ moved: 3, kept: [] });
    expect(await keysIn('local')).toEqual([]);
    expect(await sync.get(null)).toEqual(itemsBefore);
    expect(await listTopics()).toEqual(before);
  });

  it('moving to sync keeps oversized and refused topics in local, with reasons, and moves the rest', async () => {
    const big = hugeTopic();
    for (const t of [A, B, C, big]) await putTopic(t, { sync: false, now: 5 });
    // The all-at-once write fails (total quota); one by one, the second write fails too.
    const real = sync.set.bind(sync);
    let calls = 0;
    vi.spyOn(sync, 'set').mockImplementation(async (items) => {
      calls++;
      if (calls === 1 || calls === 3) throw new Error(CHROME_ERRORS.totalNew);
      return real(items);
    });
    const move = await moveTopics('sync', 9);
    expect(move.moved).toBe(2);
    expect(move.kept).toEqual([
      { id: 'huge', reason: expect.stringMatching(/too large to sync/) },
      { id: 'b', reason: expect.stringMatching(/^Sync storage is full.*"Benchmarks"/) },
    ]);
    expect(await keysIn('sync')).toEqual(['topic:a', 'topic:c']);
    expect(await keysIn('local')).toEqual(['topic:b', 'topic:huge']);
    expect(await listTopics()).toEqual([B, C, A, big]);
    expect(await readStorageNote()).toEqual({ area: 'local', reason: expect.stringMatching(/^2 topics could not be synced\. /), at: 9 });
    expect((await readTopicListing(true)).storage.area).toBe('mixed');
  });

  it('a failing local write while moving to local removes nothing from sync', async () => {
    await putTopic(A, { sync: true, now: 1 });
    vi.spyOn(local, 'set').mockRejectedValue(new Error('disk full'));
    await expect(moveTopics('local')).rejects.toThrow('disk full');
    expect(await keysIn('sync')).toEqual(['topic:a']);
    expect(await listTopics()).toEqual([A]);
  });

  it('cleans up a stale duplicate left by an interrupted write', async () => {
    await sync.set({ [topicKey('a')]: makeTopicItem({ ...A, name: 'Old' }, 1) });
    await local.set({ [topicKey('a')]: makeTopicItem(A, 2) });
    expect(await moveTopics('sync')).toEqual({ moved: 1, kept: [] });
    expect(await keysIn('local')).toEqual([]);
    expect(await listTopics()).toEqual([A]);
  });
});

describe('reading', () => {
  it('the same id in both areas: the newer copy wins, the local one on a tie', async () => {
    await sync.set({ [topicKey('a')]: makeTopicItem({ ...A, name: 'From sync' }, 10) });
    await local.set({ [topicKey('a')]: makeTopicItem({ ...A, name: 'From local' }, 5) });
    expect((await listTopics()).map((t) => t.name)).toEqual(['From sync']);
    expect((await getTopic('a'))?.name).toBe('From sync');

    await local.set({ [topicKey('a')]: makeTopicItem({ ...A, name: 'From local' }, 10) });
    expect((await listTopics()).map((t) => t.name)).toEqual(['From local']);
    expect((await getTopic('a'))?.name).toBe('From local');
  });

  it('corrupt items are skipped and reported, not fatal, and left in place', async () => {
    await putTopic(A, { sync: true, now: 1 });
    await sync.set({ 'topic:junk': 'not a topic', 'topic:b': { v: 1, topic: { ...B, terms: [] } } });
    await local.set({ 'topic:c': { v: 1, topic: { ...C, id: 'not-c' } }, 'topic:bad key': makeTopicItem(C, 1), other: 1 });
    const listing = await readTopicListing(true);
    expect(listing.topics).toEqual([A]);
    expect(listing.skipped).toEqual(
      expect.arrayContaining([
        { area: 'sync', key: 'topic:junk' },
        { area: 'sync', key: 'topic:b' },
        { area: 'local', key: 'topic:c' },
        { area: 'local', key: 'topic:bad key' },
      ]),
    );
    expect(listing.skipped).toHaveLength(4);
    expect(await sync.get('topic:junk')).toEqual({ 'topic:junk': 'not a topic' });
  });

  it('status with no topics says where new ones go', async () => {
    expect((await readTopicListing(true)).storage).toEqual({ area: 'sync', reason: null });
    expect((await readTopicListing(false)).storage).toEqual({ area: 'local', reason: SYNC_OFF_REASON });
  });
});

describe('deleteTopic', () => {
  it('removes copies from both areas', async () => {
    await sync.set({ [topicKey('a')]: makeTopicItem(A, 1) });
    await local.set({ [topicKey('a')]: makeTopicItem({ ...A, name: 'Newer' }, 2) });
    expect(await deleteTopic('a')).toEqual({ ...A, name: 'Newer' });
    expect(await keysIn('sync')).toEqual([]);
    expect(await keysIn('local')).toEqual([]);
  });

  it('if sync refuses the removal, nothing changes (an older copy cannot resurface)', async () => {
    await sync.set({ [topicKey('a')]: makeTopicItem({ ...A, name: 'Older' }, 1) });
    await local.set({ [topicKey('a')]: makeTopicItem(A, 2) });
    vi.spyOn(sync, 'remove').mockRejectedValue(new Error(CHROME_ERRORS.perMinute));
    await expect(deleteTopic('a')).rejects.toThrow('MAX_WRITE_OPERATIONS_PER_MINUTE');
    expect(await listTopics()).toEqual([A]);
  });

  it('deleting the last local topic clears the note', async () => {
    await putTopic(hugeTopic(), { sync: true, now: 1 });
    expect(await readStorageNote()).not.toBeNull();
    await deleteTopic('huge');
    expect(await readStorageNote()).toBeNull();
  });
});
