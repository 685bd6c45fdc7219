/** The Chromium side of the browser switch: Playwright pages of `scripts/lib/browser.ts`'s PaperSiftBrowser. */
import type { Page } from 'playwright-core';
import { launchPaperSift, type PaperSiftBrowser } from '../../../scripts/lib/browser';
import type { PageName } from '../../../scripts/lib/fixtures';
import type { E2EBrowser, E2ELaunchOptions, E2EPage } from './e2e-browser';
import { elementActions, type ElementHandleLike } from './element-actions';
import { sendFrom } from './send-message';

/** Wraps a Playwright page. Playwright's `evaluate` takes one argument, as E2EPage's does. */
export function chromiumPage(page: Page, ready?: string): E2EPage {
  return {
    browserName: 'chromium',
    url: () => page.url(),
    evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg?: A) => page.evaluate(fn as (a: unknown) => R | Promise<R>, arg) as Promise<R>,
    ...elementActions(async (find, arg) => (await page.evaluateHandle(find, arg)).asElement() as ElementHandleLike | null),
    press: (key) => page.keyboard.press(key),
    bringToFront: () => page.bringToFront(),
    runScript: async (source) => void (await page.evaluate(source)),
    type: (text) => page.keyboard.type(text, { delay: 20 }),
    async reload() {
      await page.reload({ waitUntil: 'load' });
      if (ready !== undefined) await page.locator(ready).first().waitFor({ timeout: 15_000 });
    },
    close: () => page.close(),
  };
}

export async function launchChromiumE2E(options: E2ELaunchOptions): Promise<E2EBrowser> {
  const b: PaperSiftBrowser = await launchPaperSift({ colorScheme: options.colourScheme });
  const pages = new WeakMap<E2EPage, Page>();
  const wrap = (p: Page, ready?: string) => {
    const e = chromiumPage(p, ready);
    pages.set(e, p);
    return e;
  };
  let control: Page | undefined;
  const controlPage = async () => {
    if (!control || control.isClosed()) {
      control = await b.context.newPage();
      await control.goto(`${b.extensionOrigin}/popup.html`);
    }
    return control;
  };
  return {
    name: 'chromium',
    site: b.site,
    open: async (target: PageName | string, options) => wrap(await b.open(target, options?.initScript)),
    async openExtensionPage(path, ready) {
      const page = await b.context.newPage();
      await page.goto(`${b.extensionOrigin}/${path}`);
      await page.locator(ready).first().waitFor({ timeout: 15_000 });
      return wrap(page, ready);
    },
    send: async (message) => sendFrom(chromiumPage(await controlPage()), message),
    inExtension: async (fn, arg) => chromiumPage(await controlPage()).evaluate(fn, arg),
    tabId: (page) => b.tabId(pages.get(page)!),
    reset: () => b.resetExtensionState(),
    closePages: () => b.closePages(),
    tabUrls: async () => b.context.pages().map((p) => p.url()),
    close: () => b.close(),
  };
}
