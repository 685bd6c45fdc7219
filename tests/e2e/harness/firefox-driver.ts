/**
 * The Firefox side of the browser switch: puppeteer-core pages of `scripts/lib/firefox.ts`'s PaperSiftFirefox
 * (headless firefox-esr, the MV2 build installed as a temporary add-on, driven over WebDriver BiDi).
 */
import type { KeyInput, Page } from 'puppeteer-core';
import { launchPaperSiftFirefox } from '../../../scripts/lib/firefox';
import type { PageName } from '../../../scripts/lib/fixtures';
import type { E2EBrowser, E2ELaunchOptions, E2EPage } from './e2e-browser';
import { elementActions, type ElementHandleLike } from './element-actions';
import { sendFrom } from './send-message';

function firefoxPage(page: Page, reload: () => Promise<void>): E2EPage {
  return {
    browserName: 'firefox',
    url: () => page.url(),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => page.evaluate(fn as (a: unknown) => R | Promise<R>, arg) as Promise<R>,
    ...elementActions(async (find, arg) => (await page.evaluateHandle(find, arg)).asElement() as ElementHandleLike | null),
    // Playwright's key names; puppeteer over BiDi knows the space bar only as ' '.
    press: (key) => page.keyboard.press((key === 'Space' ? ' ' : key) as KeyInput),
    type: (text) => page.keyboard.type(text, { delay: 20 }),
    bringToFront: () => page.bringToFront(),
    runScript: async (source) => void (await page.evaluate(source)),
    reload,
    close: () => page.close(),
  };
}

export async function launchFirefoxE2E(options: E2ELaunchOptions): Promise<E2EBrowser> {
  const ff = await launchPaperSiftFirefox(options);
  const raw = new WeakMap<E2EPage, Page>();
  const wrap = (p: Page, ready?: string) => {
    const e = firefoxPage(p, () => (ready === undefined ? ff.reload(p) : ff.reloadExtensionPage(p, ready)));
    raw.set(e, p);
    return e;
  };
  let control: E2EPage | undefined;
  const controlPage = async () => (control ??= wrap(await ff.openExtensionPage('popup.html', 'body *'), 'body *'));
  const send = async <T>(message: unknown) => sendFrom<T>(await controlPage(), message);
  const tabsWith = async (what: { url?: string; title?: string }) =>
    (await controlPage()).evaluate(async (q) => {
      const tabs = await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<Array<{ id: number; url?: string; title?: string }>> } } }).browser.tabs.query({});
      return tabs.filter((t) => (q.url === undefined || t.url === q.url) && (q.title === undefined || t.title === q.title)).map((t) => t.id);
    }, what);
  return {
    name: 'firefox',
    site: ff.site,
    open: async (target: PageName | string, options) => wrap(await ff.open(target, options?.initScript)),
    openExtensionPage: async (path, ready) => wrap(await ff.openExtensionPage(path, ready), ready),
    send,
    inExtension: async (fn, arg) => (await controlPage()).evaluate(fn, arg),
    async tabId(page) {
      const ids = await tabsWith({ url: page.url() });
      if (ids.length === 1) return ids[0]!;
      // Several tabs show the same URL: tell them apart by a temporary unique title.
      const p = raw.get(page)!;
      const original = await p.title();
      const mark = `papersift-tab-${Math.random().toString(36).slice(2)}`;
      await p.evaluate((t) => void (document.title = t), mark);
      try {
        const byTitle = await tabsWith({ title: mark });
        if (byTitle.length !== 1) throw new Error(`could not identify the tab of ${page.url()}`);
        return byTitle[0]!;
      } finally {
        await p.evaluate((t) => void (document.title = t), original);
      }
    },
    // MV2's background page is persistent and BiDi cannot restart it, so the product's own reset (which the
    // background runs on its caches too) is what empties the state between tests.
    reset: async () => void (await send({ type: 'data/reset' })),
    async closePages() {
      control = undefined;
      await ff.closePages();
    },
    tabUrls: () => ff.tabUrls(),
    close: () => ff.close(),
  };
}
