import { createStore, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildHiddenRecord, buildSavedRecord } from '../../../entrypoints/background/build-record';
import {
  clearHidden,
  clearSaved,
  deleteHidden,
  deleteSaved,
  getHidden,
  getSaved,
  hiddenIds,
  listHidden,
  listSaved,
  putHidden,
  putSaved,
  SAVED_DB,
  SAVED_STORE,
  savedIds,
} from '../../../utils/storage/library-db';
import { DAILY, paper } from '../background/sample';

beforeEach(async () => {
  await clearSaved();
  await clearHidden();
});

describe('saved papers', () => {
  it('round-trips a record by id', async () => {
    const rec = buildSavedRecord(paper(0), DAILY, 1000);
    await putSaved(rec);
    expect(await getSaved(rec.id)).toEqual(rec);
    expect(await getSaved('2410.17396')).toBeUndefined();
  });

  it('keeps one record per id', async () => {
    await putSaved(buildSavedRecord(paper(0), DAILY, 1000));
    await putSaved(buildSavedRecord({ ...paper(0), title: 'Renamed' }, DAILY, 2000));
    const all = await listSaved();
    expect(all).toHaveLength(1);
    expect(all[0]?.title).toBe('Renamed');
  });

  it('lists newest first and lists ids', async () => {
    await putSaved(buildSavedRecord(paper(0), DAILY, 1000));
    await putSaved(buildSavedRecord(paper(1), DAILY, 3000));
    await putSaved(buildSavedRecord(paper(2), DAILY, 2000));
    expect((await listSaved()).map((r) => r.id)).toEqual([paper(1).id, paper(2).id, paper(0).id]);
    expect((await savedIds()).sort()).toEqual([paper(0).id, paper(1).id, paper(2).id].sort());
  });

  it('deleteSaved says whether something was removed', async () => {
    await putSaved(buildSavedRecord(paper(0), DAILY, 1000));
    expect(await deleteSaved(paper(0).id)).toBe(true);
    expect(await deleteSaved(paper(0).id)).toBe(false);
    expect(await getSaved(paper(0).id)).toBeUndefined();
  });

  it('skips a corrupt record when listing instead of failing', async () => {
    await putSaved(buildSavedRecord(paper(0), DAILY, 1000));
    // Plant damage directly in the same database, as an old version or a bug might have left it.
    await set('2601.00001', { id: '2601.00001', title: null }, createStore(SAVED_DB, SAVED_STORE));
    await set('2601.00002', 'garbage', createStore(SAVED_DB, SAVED_STORE));
    expect((await listSaved()).map((r) => r.id)).toEqual([paper(0).id]);
    expect(await getSaved('2601.00001')).toBeUndefined();
  });

  it('upgrades old records on read', async () => {
    const { schema: _s, tags: _t, note: _n, ...old } = buildSavedRecord(paper(0), DAILY, 1000);
    await set(old.id, old, createStore(SAVED_DB, SAVED_STORE));
    expect(await getSaved(old.id)).toMatchObject({ schema: 1, tags: [], note: '' });
  });
});

describe('hidden papers', () => {
  it('round-trips, lists newest first, deletes', async () => {
    await putHidden(buildHiddenRecord(paper(0).id, paper(0).title, 'manual', DAILY, 10));
    await putHidden(buildHiddenRecord(paper(1).id, paper(1).title, 'topic:robotics', DAILY, 20));
    expect(await getHidden(paper(1).id)).toMatchObject({ reason: 'topic:robotics', hiddenAt: 20 });
    expect((await listHidden()).map((r) => r.id)).toEqual([paper(1).id, paper(0).id]);
    expect((await hiddenIds()).sort()).toEqual([paper(0).id, paper(1).id].sort());
    expect(await deleteHidden(paper(0).id)).toBe(true);
    expect(await deleteHidden(paper(0).id)).toBe(false);
    expect((await listHidden()).map((r) => r.id)).toEqual([paper(1).id]);
  });

  it('saved and hidden are separate stores', async () => {
    await putHidden(buildHiddenRecord(paper(0).id, paper(0).title, 'manual', DAILY, 10));
    expect(await savedIds()).toEqual([]);
    expect(await getSaved(paper(0).id)).toBeUndefined();
  });
});
