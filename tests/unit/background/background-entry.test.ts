import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background/index';
import { clearHidden, clearSaved, getSaved } from '../../../utils/storage/library-db';
import { installFakeMenus } from '../topics-store/fake-menus';
import { DAILY, paper } from './sample';

beforeEach(async () => {
  await clearSaved();
  await clearHidden();
  // The entrypoint also wires the context menus, which fakeBrowser does not implement.
  installFakeMenus();
  background.main();
});

describe('background entrypoint', () => {
  it('answers background requests through runtime messaging', async () => {
    const reply = await fakeBrowser.runtime.sendMessage({ type: 'library/save', paper: paper(0), source: DAILY });
    expect(reply).toMatchObject({ ok: true, value: { id: '2508.19428' } });
    expect(await getSaved('2508.19428')).toBeDefined();
    expect(await fakeBrowser.runtime.sendMessage({ type: 'state/get' })).toEqual({
      ok: true,
      value: { savedIds: ['2508.19428'], hidden: [], rev: 1 },
    });
  });

  it('answers malformed background requests with an error', async () => {
    expect(await fakeBrowser.runtime.sendMessage({ type: 'library/save' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/paper must be an object/),
    });
  });

  it('leaves other messages (tab requests, foreign objects) unanswered', async () => {
    expect(await fakeBrowser.runtime.sendMessage({ type: 'page/stats' })).toBeUndefined();
    expect(await fakeBrowser.runtime.sendMessage('hello')).toBeUndefined();
  });
});
