/// <reference types="node" />
/**
 * Firefox with PaperSift, for the Firefox leg of the e2e suite (`npm run test:e2e:firefox`). The one place with
 * Firefox-specific driving; the fake huggingface.co is the same `FixtureSite` the Chromium harness uses.
 *
 * Driver: puppeteer-core over WebDriver BiDi. playwright-core 1.65's BiDi Firefox (`channel: 'moz-firefox'`) was
 * tried first and fails on Debian's firefox-esr 153 at launch: it sends `emulation.setMediaFeaturesOverride`, which
 * that Firefox does not know ("unknown command"). puppeteer-core installs the build as a temporary add-on
 * (`browser.installExtension`), as about:debugging does.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { FixtureSite } from './fixture-site';
import { PAGES, type PageName } from './fixtures';
import { firefoxPath, ROOT } from './paths';

export const FIREFOX_EXT_DIR = process.env.PAPERSIFT_FIREFOX_EXT_DIR || join(ROOT, '.output', 'firefox-mv2');
/** The add-on id of the Firefox build (wxt.config.ts, browser_specific_settings.gecko.id). */
export const ADDON_ID = 'papersift@papersift.dev';
/** Pinned with `extensions.webextensions.uuids` so the extension's pages have a known moz-extension:// origin. */
export const ADDON_UUID = '7a1f6c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';

/** Launches headless Firefox (a fresh profile) with the Firefox build installed and the offline site routed. */
export interface FirefoxLaunchOptions {
  /** What `prefers-color-scheme` says to pages (default: the system's, light when headless). */
  colourScheme?: 'light' | 'dark';
}

export async function launchPaperSiftFirefox(options: FirefoxLaunchOptions = {}): Promise<PaperSiftFirefox> {
  if (!existsSync(firefoxPath())) throw new Error(`Firefox not found at ${firefoxPath()}: apt-get install -y firefox-esr (or set PAPERSIFT_FIREFOX).`);
  if (!existsSync(join(FIREFOX_EXT_DIR, 'manifest.json'))) throw new Error(`No Firefox build at ${FIREFOX_EXT_DIR}: run \`npm run build:firefox\`.`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'papersift-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1400, height: 900 },
    dumpio: !!process.env.PAPERSIFT_FIREFOX_DUMPIO,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // Content-script console on stdout with PAPERSIFT_FIREFOX_DUMPIO=1.
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
      // BiDi in Firefox 153 cannot emulate the colour scheme per page; this pref sets it for the whole browser.
      ...(options.colourScheme ? { 'layout.css.prefers-color-scheme.content-override': options.colourScheme === 'dark' ? 0 : 1 } : {}),
    },
  });
  const id = await browser.installExtension(FIREFOX_EXT_DIR);
  if (id !== ADDON_ID) throw new Error(`installed add-on id ${id}, expected ${ADDON_ID}`);
  return new PaperSiftFirefox(browser, new FixtureSite(), userDataDir);
}

/** The piece of Playwright's Route that `FixtureSite.handle` uses, made from a puppeteer request. */
function asRoute(req: HTTPRequest): Route {
  const route = {
    request: () => ({ url: () => req.url(), resourceType: () => req.resourceType() }),
    fulfill: (r: { status: number; contentType: string; body: string | Buffer; headers?: Record<string, string> }) =>
      req.respond({ status: r.status, contentType: r.contentType, body: r.body, headers: r.headers }),
    abort: () => req.abort('blockedbyclient'),
  };
  return route as unknown as Route;
}

export class PaperSiftFirefox {
  readonly extensionOrigin = `moz-extension://${ADDON_UUID}`;
  private readonly pages = new Set<Page>();

  constructor(
    readonly browser: Browser,
    readonly site: FixtureSite,
    private readonly userDataDir: string,
  ) {}

  /** A new tab with every http(s) request answered from the fixtures (unanswered requests make `goto` hang). */
  async newPage(): Promise<Page> {
    const page = await this.browser.newPage();
    this.pages.add(page);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.isInterceptResolutionHandled()) return;
      if (!/^https?:/.test(req.url())) return void req.continue().catch(() => undefined);
      void this.site.handle(asRoute(req)).catch(() => undefined);
    });
    return page;
  }

  /**
   * Opens a fixture (by name) or any routed URL in a new tab, waiting for its DOM (see `load`). `initScript` runs in
   * the page's main world before any of its HTML, in this document and every one the tab loads later.
   */
  async open(target: PageName | string, initScript?: string): Promise<Page> {
    const url = target in PAGES ? PAGES[target as PageName].url : target;
    const page = await this.newPage();
    if (initScript !== undefined) await page.evaluateOnNewDocument(initScript);
    await this.load(page, () => page.goto(url, { waitUntil: 'domcontentloaded' }));
    await this.stylesheetsApplied(page);
    return page;
  }

  /** Reloads a tab, waiting as `open` does. */
  async reload(page: Page): Promise<void> {
    // BiDi's reload can resolve while the old document is still there: mark its window and wait for a new one.
    await page.evaluate(() => void ((window as unknown as { papersiftOldDocument?: boolean }).papersiftOldDocument = true));
    await this.load(page, () => page.reload({ waitUntil: 'domcontentloaded' }));
    await this.until(
      page,
      () => !(window as unknown as { papersiftOldDocument?: boolean }).papersiftOldDocument && document.readyState !== 'loading',
      undefined,
      `reload of ${page.url()}: no new document`,
    );
    await this.stylesheetsApplied(page);
  }

  /**
   * Waits until every linked stylesheet has loaded (its rules readable). The DOM can be complete before the site's
   * stylesheet arrives, and a test that reads the layout then (topics-triage's baseline) reads an unstyled page;
   * Chromium's leg waits for `load`, which includes them.
   */
  private async stylesheetsApplied(page: Page): Promise<void> {
    await this.until(
      page,
      () =>
        [...document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]')].every((link) => {
          try {
            return link.sheet !== null && link.sheet.cssRules.length >= 0;
          } catch {
            return false; // still loading: Gecko throws on its rules
          }
        }),
      undefined,
      `${page.url()}: its stylesheets never loaded`,
    );
  }

  /**
   * Waits for the DOM only. With interception on, the fixture pages never reach `load` in firefox-esr 153 over
   * BiDi (readyState stays "interactive"; every http(s) request seen is answered; not yet found which one is
   * pending), so tests wait on PaperSift's own hooks instead.
   */
  private async load(page: Page, navigate: () => Promise<unknown>): Promise<void> {
    await navigate();
  }

  /**
   * Opens an extension page (`options.html`, `popup.html?tab=…`). Over BiDi the navigation to a moz-extension://
   * URL never reports that it finished, so it is started without waiting and the page's own state is awaited.
   */
  async openExtensionPage(path: string, ready: string): Promise<Page> {
    const page = await this.newPage();
    void page.goto(`${this.extensionOrigin}/${path}`).catch(() => undefined);
    await this.until(page, (sel) => location.protocol === 'moz-extension:' && !!document.querySelector(sel), ready, `${path}: no ${ready}`);
    return page;
  }

  /** Reloads an extension page (whose navigations BiDi never reports finished) until a new document shows `ready`. */
  async reloadExtensionPage(page: Page, ready: string): Promise<void> {
    await page.evaluate(() => {
      (window as unknown as { papersiftOldDocument?: boolean }).papersiftOldDocument = true;
      setTimeout(() => location.reload(), 0); // after this evaluation has answered
    });
    await this.until(
      page,
      (sel) => !(window as unknown as { papersiftOldDocument?: boolean }).papersiftOldDocument && !!document.querySelector(sel),
      ready,
      `reload of ${page.url()}: no ${ready}`,
    );
  }

  /** Polls `check` in the page for 15 s. By hand: while a navigation commits, an evaluation can land in the dying realm and throw. */
  private async until<A>(page: Page, check: (arg: A) => boolean, arg: A, what: string): Promise<void> {
    const end = Date.now() + 15_000;
    for (;;) {
      const ok = await page.evaluate(check as (a: unknown) => boolean, arg).catch(() => false);
      if (ok) return;
      if (Date.now() > end) throw new Error(`${what} within 15 s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Closes every tab, those the extension opened (openOptionsPage, tabs.create) too, and leaves one blank tab. */
  async closePages(): Promise<void> {
    const open = new Set([...this.pages, ...(await this.browser.pages())]);
    await this.browser.newPage(); // a window without tabs would close
    await Promise.all([...open].map((p) => p.close().catch(() => undefined)));
    this.pages.clear();
  }

  /** The URL of every open tab, asked from each document: BiDi never reports a moz-extension navigation, so `url()` can lag. */
  async tabUrls(): Promise<string[]> {
    const pages = await this.browser.pages();
    return Promise.all(pages.map((p) => p.evaluate(() => location.href).catch(() => p.url())));
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}
