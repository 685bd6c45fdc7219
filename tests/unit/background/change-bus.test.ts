import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { currentRev, publishChange } from '../../../entrypoints/background/change-bus';
import { readChangeEvent } from '../../../entrypoints/background/change-event';
import { CHANGE_KEY } from '../../../utils/messaging/protocol';

describe('publishChange', () => {
  it('writes { rev, at, change } under CHANGE_KEY and counts up from storage', async () => {
    expect(await currentRev()).toBe(0);
    const first = await publishChange({ type: 'saved', id: '2508.19428' }, 111);
    expect(first).toEqual({ rev: 1, at: 111, change: { type: 'saved', id: '2508.19428' } });
    expect((await fakeBrowser.storage.local.get(CHANGE_KEY))[CHANGE_KEY]).toEqual(first);
    await publishChange({ type: 'unsaved', id: '2508.19428' }, 222);
    expect(await currentRev()).toBe(2);
  });

  it('fires storage.onChanged so tabs hear it', async () => {
    const heard: unknown[] = [];
    fakeBrowser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changes[CHANGE_KEY]) heard.push(changes[CHANGE_KEY].newValue);
    });
    await publishChange({ type: 'hidden', id: '2410.24210', reason: 'topic:robotics' }, 5);
    expect(heard).toEqual([{ rev: 1, at: 5, change: { type: 'hidden', id: '2410.24210', reason: 'topic:robotics' } }]);
  });

  it('keeps counting from a stored rev even when the rest of the event is damaged', async () => {
    await fakeBrowser.storage.local.set({ [CHANGE_KEY]: { rev: 7, change: 'garbage' } });
    expect(await currentRev()).toBe(7);
    expect((await publishChange({ type: 'unhidden', id: '2410.24210' }, 1)).rev).toBe(8);
  });

  it('treats an unreadable counter as 0', async () => {
    await fakeBrowser.storage.local.set({ [CHANGE_KEY]: 'nonsense' });
    expect(await currentRev()).toBe(0);
  });
});

describe('readChangeEvent', () => {
  it('accepts every change kind', () => {
    for (const change of [
      { type: 'saved', id: '2508.19428' },
      { type: 'unsaved', id: '2508.19428' },
      { type: 'hidden', id: '2508.19428', reason: 'manual' },
      { type: 'unhidden', id: '2508.19428' },
    ]) {
      expect(readChangeEvent({ rev: 1, at: 2, change })).toEqual({ rev: 1, at: 2, change });
    }
  });

  it('rejects malformed events', () => {
    expect(readChangeEvent(undefined)).toBeNull();
    expect(readChangeEvent({ rev: '1', at: 2, change: { type: 'saved', id: '2508.19428' } })).toBeNull();
    expect(readChangeEvent({ rev: 1, at: 2, change: { type: 'exploded', id: '2508.19428' } })).toBeNull();
    expect(readChangeEvent({ rev: 1, at: 2, change: { type: 'saved', id: 'x' } })).toBeNull();
    expect(readChangeEvent({ rev: 1, at: 2, change: { type: 'hidden', id: '2508.19428', reason: 'meh' } })).toBeNull();
  });

  it('copies only known fields', () => {
    const ev = readChangeEvent({ rev: 1, at: 2, extra: true, change: { type: 'saved', id: '2508.19428', x: 1 } });
    expect(ev).toEqual({ rev: 1, at: 2, change: { type: 'saved', id: '2508.19428' } });
  });
});
