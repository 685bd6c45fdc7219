import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '../../../entrypoints/background/handlers';
import { refreshReadyState, storageChangesReadyState } from '../../../entrypoints/background/ready-state';
import { packReadyState, READY_KEY, unpackReadyState } from '../../../utils/messaging/ready-state';
import { clearHidden, clearSaved } from '../../../utils/storage/library-db';
import { value } from '../replies';
import { DAILY, paper } from './sample';

beforeEach(async () => {
  await clearSaved();
  await clearHidden();
});

/** What a page reads at document_start, once the background has caught up with the queue. */
async function readyState() {
  await handleRequest({ type: 'library/recent', limit: 1 }); // runs after the queued rewrite
  return unpackReadyState((await fakeBrowser.storage.local.get(READY_KEY))[READY_KEY])?.state;
}

describe('ready state for pages', () => {
  it('packs and unpacks to the same library state', () => {
    const state = { savedIds: ['2508.19428'], hidden: [{ id: '2509.00001', reason: 'topic:Video' as const }], rev: 7 };
    const ready = { state, topics: [], precedence: 'mute-wins' as const, hideStyle: 'remove' as const };
    expect(unpackReadyState(packReadyState(ready))).toEqual(ready);
  });

  it.each([
    ['missing', undefined],
    ['another version', { v: 2, rev: 1, savedIds: [], hiddenIds: [], hiddenReasons: [], topics: [] }],
    ['arrays of different length', { v: 1, rev: 1, savedIds: [], hiddenIds: ['2509.00001'], hiddenReasons: [], topics: [] }],
    ['a bad reason', { v: 1, rev: 1, savedIds: [], hiddenIds: ['2509.00001'], hiddenReasons: ['because'], topics: [] }],
    ['a number for an id', { v: 1, rev: 1, savedIds: [5], hiddenIds: [], hiddenReasons: [], topics: [] }],
    ['no topics', { v: 1, rev: 1, savedIds: [], hiddenIds: [], hiddenReasons: [] }],
  ])('is refused when %s (the page then asks the background)', (_what, raw) => {
    expect(unpackReadyState(raw)).toBeNull();
  });

  it('follows every save, hide and unhide, with the revision of the last change', async () => {
    value(await handleRequest({ type: 'library/save', paper: paper(0), source: DAILY }));
    value(await handleRequest({ type: 'hidden/hide', id: paper(1).id, title: 'T', reason: 'manual', source: DAILY }));
    expect(await readyState()).toEqual({ savedIds: [paper(0).id], hidden: [{ id: paper(1).id, reason: 'manual' }], rev: 2 });
    value(await handleRequest({ type: 'hidden/unhide', id: paper(1).id }));
    expect(await readyState()).toEqual({ savedIds: [paper(0).id], hidden: [], rev: 3 });
  });

  it('carries the topics and the display preferences pages need before they paint', async () => {
    const topic = { id: 'video', name: 'Video', colour: '#dc2626', terms: ['video'], exclusions: [], fields: ['title' as const], mode: 'mute' as const, createdAt: 1 };
    value(await handleRequest({ type: 'topics/put', topic }));
    value(await handleRequest({ type: 'prefs/set', patch: { hideStyle: 'remove', precedence: 'mute-wins' } }));
    await refreshReadyState(); // the entrypoint does this when topic or prefs keys change (storage.onChanged)
    const ready = unpackReadyState((await fakeBrowser.storage.local.get(READY_KEY))[READY_KEY]);
    expect(ready).toMatchObject({ topics: [topic], hideStyle: 'remove', precedence: 'mute-wins' });
    expect(storageChangesReadyState(['topic:video'])).toBe(true);
    expect(storageChangesReadyState(['prefs'])).toBe(true);
    expect(storageChangesReadyState(['papersift:change', 'papersift:ready'])).toBe(false);
  });

  it('is emptied by a reset', async () => {
    value(await handleRequest({ type: 'hidden/hide', id: paper(1).id, title: 'T', reason: 'manual', source: DAILY }));
    value(await handleRequest({ type: 'data/reset' }));
    expect((await readyState())?.hidden).toEqual([]);
  });
});
