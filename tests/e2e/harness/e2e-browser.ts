/**
 * The e2e harness's browser switch. A test file written against `E2EBrowser`/`E2EPage` runs unchanged in Chromium
 * (Playwright, `npm run test:e2e`) and in Firefox (puppeteer-core over WebDriver BiDi, `npm run test:e2e:firefox`);
 * `PAPERSIFT_BROWSER` picks the driver and each leg's vitest config sets it. The files that need a driver-only API
 * (the service worker over CDP, downloads, Playwright's role locators) stay Chromium-only; `legs.ts` lists them with why.
 */
import { afterAll, beforeAll, beforeEach, it } from 'vitest';
import type { FixtureSite } from '../../../scripts/lib/fixture-site';
import type { PageName } from '../../../scripts/lib/fixtures';
import type { PageEvaluator } from '../../../scripts/lib/page-evaluator';

export type BrowserName = 'chromium' | 'firefox';

/** The browser this run drives: `PAPERSIFT_BROWSER=firefox` in the Firefox leg, Chromium otherwise. */
export const BROWSER: BrowserName = process.env.PAPERSIFT_BROWSER === 'firefox' ? 'firefox' : 'chromium';

/** A tab, with what both drivers can do the same way. */
export interface E2EPage extends PageEvaluator {
  readonly browserName: BrowserName;
  /** A real pointer click (scrolled into view first) on the element `find` returns in the page; throws if none. */
  click<A>(find: (arg: A) => Element | null | undefined, arg: A): Promise<void>;
  /** Runs `fn` on the element `find` returns (a handle in between, so `fn` needs no way to call `find`); throws if none. */
  withElement<A, B, R>(find: (arg: A) => Element | null | undefined, arg: A, fn: (el: Element, extra: B) => R | Promise<R>, extra: B): Promise<R>;
  /** Focuses the element `find` returns (through shadow roots: return the inner element). */
  focus<A>(find: (arg: A) => HTMLElement | null | undefined, arg: A): Promise<void>;
  /** A real key press on the focused element (`Tab`, `Enter`, `Space`, `j`, …). */
  press(key: string): Promise<void>;
  /** Types text key by key into the focused element. */
  type(text: string): Promise<void>;
  /** Evaluates script source in the page (a library such as axe-core; extension pages forbid inline <script>). */
  runScript(source: string): Promise<void>;
  /** Makes this the active tab (keyboard shortcuts act on the focused page). */
  bringToFront(): Promise<void>;
  /** Reloads and waits as `open` / `openExtensionPage` did. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** A launched browser with PaperSift installed and huggingface.co answered from the fixtures. */
export interface E2EBrowser {
  readonly name: BrowserName;
  readonly site: FixtureSite;
  /**
   * A new tab at a fixture (by name) or any routed URL, once its DOM is there. `initScript` (source) runs in the
   * page's main world before its HTML is parsed, on this load and every reload (a probe such as flash-probe.ts).
   */
  open(target: PageName | string, options?: { initScript?: string }): Promise<E2EPage>;
  /** A new tab at one of PaperSift's pages (`options.html#library`, `popup.html?tab=3`), once `ready` matches. */
  openExtensionPage(path: string, ready: string): Promise<E2EPage>;
  /** Sends a protocol message to the background from an extension page, as PaperSift's pages do; throws on !ok. */
  send<T = unknown>(message: unknown): Promise<T>;
  /**
   * Runs `fn` in an extension page (PaperSift's popup, kept open as a control tab), where the extension API is
   * `browser` in Firefox and `chrome` in Chromium: write `(globalThis.browser ?? globalThis.chrome)`.
   */
  inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** The URL of every open tab, those the extension opened included. */
  tabUrls(): Promise<string[]>;
  /** The browser's tab id of a page (for `popup.html?tab=<id>`). */
  tabId(page: E2EPage): Promise<number>;
  /** Empties everything PaperSift stored, caches included. Pages opened before should be closed first. */
  reset(): Promise<void>;
  closePages(): Promise<void>;
  close(): Promise<void>;
}

export interface E2ELaunchOptions {
  /** What the system's `prefers-color-scheme` says to pages (default light). */
  colourScheme?: 'light' | 'dark';
}

export async function launchE2EBrowser(options: E2ELaunchOptions = {}): Promise<E2EBrowser> {
  // Imported on demand: the Chromium leg never loads puppeteer, the Firefox leg never starts Playwright.
  if (BROWSER === 'firefox') return (await import('./firefox-driver')).launchFirefoxE2E(options);
  return (await import('./chromium-driver')).launchChromiumE2E(options);
}

/** One browser for the whole `describe`; every test starts with no open pages and empty PaperSift storage. */
export function useE2EBrowser(options: E2ELaunchOptions = {}): () => E2EBrowser {
  let browser: E2EBrowser | undefined;
  beforeAll(async () => {
    browser = await launchE2EBrowser(options);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await browser!.closePages();
    await browser!.reset();
  });
  return () => browser!;
}

/**
 * A test that can only run in one browser: in the other it is reported as skipped with the reason in its name, so
 * the leg's output says what it did not check (never a silent skip).
 */
export function itOnlyIn(only: BrowserName, why: string) {
  return (name: string, fn: () => Promise<void>, timeout?: number) =>
    BROWSER === only ? it(name, fn, timeout) : it.skip(`${name} [${only} only: ${why}]`, fn);
}
