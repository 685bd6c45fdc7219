import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import type { Prefs } from '../../../utils/storage/prefs';

// The item runs its migration check when defined, so each test imports a fresh module after the setup file's
// storage reset (otherwise a module-level item would remember the previous test's state).
async function freshPrefs() {
  vi.resetModules();
  return import('../../../utils/storage/prefs');
}

const DEFAULTS: Prefs = {
  showToolbar: true,
  precedence: 'highlight-wins',
  keyboard: true,
  keyboardSkipSeen: false,
  highlightStyle: 'accent',
  hideStyle: 'placeholder',
  topicSync: true,
  digestEvery: '3h',
  digestNotify: false,
};

describe('prefs', () => {
  it('falls back to defaults when nothing is stored', async () => {
    const { prefsItem, readPrefs } = await freshPrefs();
    expect(await prefsItem.getValue()).toEqual(DEFAULTS);
    expect(await readPrefs()).toEqual(DEFAULTS);
  });

  it('stores the value and its version metadata in storage.local', async () => {
    const { prefsItem } = await freshPrefs();
    const prefs: Prefs = { ...DEFAULTS, showToolbar: false };
    await prefsItem.setValue(prefs);
    const raw = await fakeBrowser.storage.local.get(['prefs', 'prefs$']);
    expect(raw).toEqual({ prefs, prefs$: { v: 1 } });
    expect(await prefsItem.getValue()).toEqual(prefs);
  });

  it('a later version of the item migrates a value written by this one', async () => {
    const { prefsItem } = await freshPrefs();
    await prefsItem.setValue({ ...DEFAULTS, showToolbar: false });

    // What a future prefs.ts would declare: v2 adds a field, keeping what the reader chose.
    type PrefsV2 = Prefs & { density: 'comfortable' | 'compact' };
    const v2 = storage.defineItem<PrefsV2>('local:prefs', {
      version: 2,
      fallback: { ...DEFAULTS, density: 'comfortable' },
      migrations: { 2: (old: Prefs): PrefsV2 => ({ ...old, density: 'compact' }) },
    });

    expect(await v2.getValue()).toEqual({ ...DEFAULTS, showToolbar: false, density: 'compact' });
    expect(await v2.getMeta()).toEqual({ v: 2 });
    expect((await fakeBrowser.storage.local.get('prefs')).prefs).toEqual({ ...DEFAULTS, showToolbar: false, density: 'compact' });
  });

  it('readPrefs fills keys a stored value lacks and repairs mistyped ones', async () => {
    const { readPrefs } = await freshPrefs();
    // What an earlier build wrote (only showToolbar), plus damage.
    await fakeBrowser.storage.local.set({ prefs: { showToolbar: false, keyboard: 'yes', hideStyle: 'remove', junk: 1 }, prefs$: { v: 1 } });
    expect(await readPrefs()).toEqual({ ...DEFAULTS, showToolbar: false, hideStyle: 'remove' });
  });

  it('writePrefs applies a patch and stores the complete shape', async () => {
    const { readPrefs, writePrefs } = await freshPrefs();
    await fakeBrowser.storage.local.set({ prefs: { showToolbar: false }, prefs$: { v: 1 } });
    expect(await writePrefs({ precedence: 'mute-wins' })).toEqual({ ...DEFAULTS, showToolbar: false, precedence: 'mute-wins' });
    expect((await fakeBrowser.storage.local.get('prefs')).prefs).toEqual({ ...DEFAULTS, showToolbar: false, precedence: 'mute-wins' });
    expect(await readPrefs()).toEqual({ ...DEFAULTS, showToolbar: false, precedence: 'mute-wins' });
  });
});
