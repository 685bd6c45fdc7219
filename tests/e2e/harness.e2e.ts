/** The harness itself: if these fail, the other e2e failures say nothing about PaperSift. */
import { describe, expect, it } from 'vitest';
import { PAGES } from '../../scripts/lib/fixtures';
import { useBrowser } from './support';

describe('e2e harness', () => {
  const browser = useBrowser();

  it('loads the built extension and knows its id', () => {
    expect(browser().extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('serves the fixtures at their real URLs with the site stylesheet (three-column grid)', async () => {
    const page = await browser().open('daily');
    expect(page.url()).toBe(PAGES.daily.url);
    expect(await page.title()).toBe('Daily Papers - Hugging Face');
    const columns = await page.evaluate(() => {
      const grid = document.querySelector('article')!.parentElement!;
      return getComputedStyle(grid).gridTemplateColumns.split(' ').length;
    });
    expect(columns).toBe(3);
    // Trending: the mobile copy of each card is hidden on a wide screen, as on the site.
    const trending = await browser().open('trending');
    expect(await trending.locator('article').first().locator('.md\\:hidden').first().isVisible()).toBe(false);
  });

  it('wipes the extension storage between tests', async () => {
    await browser().evalInWorker(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      await c.storage.local.set({ probe: 1 });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('papersift-harness-probe', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('s');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve) => {
        const tx = db.transaction('s', 'readwrite');
        tx.objectStore('s').put(1, 'k');
        tx.oncomplete = () => resolve();
      });
      db.close();
    });
    await browser().resetExtensionState();
    const left = await browser().evalInWorker(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<object> } } } }).chrome;
      const local = await c.storage.local.get(null);
      const db = await new Promise<IDBDatabase>((resolve) => {
        const req = indexedDB.open('papersift-harness-probe', 1);
        req.onsuccess = () => resolve(req.result);
      });
      const count = await new Promise<number>((resolve) => {
        const req = db.transaction('s').objectStore('s').count();
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return { local: Object.keys(local), count };
    });
    expect(left).toEqual({ local: [], count: 0 });
  });

  it('answers any other host with an abort, not a hang', async () => {
    const page = await browser().open('daily');
    const result = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'fetched',
        () => 'failed',
      ),
    );
    expect(result).toBe('failed');
  });
});
