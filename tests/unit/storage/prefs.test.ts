import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';

// The item runs its migration check when defined, so each test imports a fresh module after the setup file's
// storage reset (otherwise a module-level item would remember the previous test's state).
async function freshPrefs() {
  vi.resetModules();
  return import('../../../utils/storage/prefs');
}

describe('prefs', () => {
  it('falls back to defaults when nothing is stored', async () => {
    const { prefsItem } = await freshPrefs();
    expect(await prefsItem.getValue()).toEqual({ showToolbar: true });
  });

  it('stores the value and its version metadata in storage.local', async () => {
    const { prefsItem } = await freshPrefs();
    await prefsItem.setValue({ showToolbar: false });
    const raw = await fakeBrowser.storage.local.get(['prefs', 'prefs$']);
    expect(raw).toEqual({ prefs: { showToolbar: false }, prefs$: { v: 1 } });
    expect(await prefsItem.getValue()).toEqual({ showToolbar: false });
  });

  it('a later version of the item migrates a value written by this one', async () => {
    const { prefsItem } = await freshPrefs();
    await prefsItem.setValue({ showToolbar: false });

    // What a future prefs.ts would declare: v2 adds a field, keeping what the reader chose.
    interface PrefsV2 {
      showToolbar: boolean;
      density: 'comfortable' | 'compact';
    }
    const v2 = storage.defineItem<PrefsV2>('local:prefs', {
      version: 2,
      fallback: { showToolbar: true, density: 'comfortable' },
      migrations: { 2: (old: { showToolbar: boolean }): PrefsV2 => ({ ...old, density: 'compact' }) },
    });

    expect(await v2.getValue()).toEqual({ showToolbar: false, density: 'compact' });
    expect(await v2.getMeta()).toEqual({ v: 2 });
    expect((await fakeBrowser.storage.local.get('prefs')).prefs).toEqual({ showToolbar: false, density: 'compact' });
  });
});
