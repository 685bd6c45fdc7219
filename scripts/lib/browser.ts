/// <reference types="node" />
/**
 * The one place that launches Chromium with PaperSift, every request routed to the offline site (fixture-site.ts),
 * and controls its service worker over CDP. Used by the e2e tests, `npm run demo` and `npm run bench`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { FixtureSite } from './fixture-site';
import { PAGES, type PageName } from './fixtures';
import { chromiumPath, EXT_DIR } from './paths';

export interface LaunchOptions {
  /** Load PaperSift (default true). The bench turns it off to measure the page alone. */
  extension?: boolean;
  /** Default true; the demo runs headed when a display exists. */
  headless?: boolean;
  colorScheme?: 'light' | 'dark';
  /** Default 1400×900: wide enough for the site's three-column grid. `null` = the window's size (headed). */
  viewport?: { width: number; height: number } | null;
  /** Extra Chromium flags. */
  args?: string[];
  /** Load this unpacked extension instead of PaperSift (the bench's floor: no service worker to wait for). */
  extensionDir?: string;
  /** Use (and keep after close) this profile folder, to start the same profile again: a browser restart. */
  profileDir?: string;
}

/** Launches Chromium (a fresh profile in a temp folder) with PaperSift loaded and the offline site routed. */
export async function launchPaperSift(options: LaunchOptions = {}): Promise<PaperSiftBrowser> {
  const withExtension = options.extension ?? true;
  if (!existsSync(chromiumPath())) {
    throw new Error(`Chromium not found at ${chromiumPath()}. Install it (Debian/Ubuntu: apt-get install -y chromium) or set PAPERSIFT_CHROMIUM.`);
  }
  const extDir = options.extensionDir ?? EXT_DIR;
  if (withExtension && !options.extensionDir && !existsSync(join(EXT_DIR, 'manifest.json'))) {
    throw new Error(`No extension build at ${EXT_DIR}. Run \`npm run build\` (npx wxt build) first.`);
  }
  const userDataDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'papersift-profile-'));
  const args = [
    // Running as root (CI, containers) needs this; the browser only ever sees the offline fixtures.
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    ...(withExtension ? [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`] : []),
    ...(options.args ?? []),
  ];
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args,
    viewport: options.viewport === undefined ? { width: 1400, height: 900 } : options.viewport,
    colorScheme: options.colorScheme ?? 'light',
  });
  const site = new FixtureSite();
  await context.route((url) => url.protocol === 'https:' || url.protocol === 'http:', (route) => site.handle(route));
  const browser = new PaperSiftBrowser(context, site, options.profileDir ? null : userDataDir);
  if (withExtension && !options.extensionDir) await browser.init();
  return browser;
}

/**
 * A launched browser: its context, the fake site, and control over the extension's service worker.
 * Pages are opened with `context.newPage()`; the first tab (about:blank) is kept for the CDP session.
 */
export class PaperSiftBrowser {
  extensionId = '';
  private cdp: CDPSession | undefined;
  private controlPage: Page | undefined;
  /** Last reported running status of each of our worker versions (CDP ServiceWorker domain). */
  private readonly workerStatus = new Map<string, string>();
  private statusWaiters: Array<() => void> = [];

  constructor(
    readonly context: BrowserContext,
    readonly site: FixtureSite,
    /** The temporary profile folder to delete on close (null: the caller's, kept). */
    private readonly userDataDir: string | null,
  ) {}

  /** Reads the extension id from the service worker's URL (it depends on the extension's folder). */
  async init(): Promise<void> {
    const sw =
      this.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await this.context.waitForEvent('serviceworker', { timeout: 20_000 }));
    this.extensionId = new URL(sw.url()).host;
    this.controlPage = this.context.pages()[0] ?? (await this.context.newPage());
    this.cdp = await this.context.newCDPSession(this.controlPage);
    this.cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const v of versions) {
        if (v.scriptURL.startsWith(`chrome-extension://${this.extensionId}/`)) this.workerStatus.set(v.versionId, v.runningStatus);
      }
      for (const wake of this.statusWaiters.splice(0)) wake();
    });
    await this.cdp.send('ServiceWorker.enable');
  }

  get extensionOrigin(): string {
    return `chrome-extension://${this.extensionId}`;
  }

  /**
   * Opens a new tab at a fixture (by name) or any routed URL, waiting for the page's load event. `initScript` runs in
   * the page's main world before its HTML, on this load and every later one.
   */
  async open(target: PageName | string, initScript?: string): Promise<Page> {
    const url = target in PAGES ? PAGES[target as PageName].url : target;
    const page = await this.context.newPage();
    if (initScript !== undefined) await page.addInitScript({ content: initScript });
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  /** Closes every tab except the control tab (which holds the CDP session). */
  async closePages(): Promise<void> {
    await Promise.all(this.context.pages().filter((p) => p !== this.controlPage).map((p) => p.close()));
  }

  private waitForStatus(ok: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`service worker did not become ${what} within ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        if (ok()) {
          clearTimeout(timer);
          resolve();
        } else this.statusWaiters.push(check);
      };
      check();
    });
  }

  private isRunning = () => [...this.workerStatus.values()].some((s) => s === 'running');

  /** Stops the extension's service worker, as Chrome does after 30 s idle: in-memory state is lost. */
  async stopServiceWorker(): Promise<void> {
    this.requireExtension();
    await this.cdp!.send('ServiceWorker.stopAllWorkers');
    await this.waitForStatus(() => [...this.workerStatus.values()].every((s) => s === 'stopped'), 'stopped');
  }

  /** The running service worker, started if Chrome had stopped it. */
  async worker(): Promise<Worker> {
    this.requireExtension();
    if (!this.isRunning()) {
      await this.cdp!.send('ServiceWorker.startWorker', { scopeURL: `${this.extensionOrigin}/` });
      await this.waitForStatus(this.isRunning, 'running');
    }
    // Playwright keeps one Worker object per extension and re-attaches it when the worker restarts.
    return (
      this.context.serviceWorkers().find((w) => w.url().startsWith(`${this.extensionOrigin}/`)) ??
      (await this.context.waitForEvent('serviceworker', { timeout: 10_000 }))
    );
  }

  /** Evaluates `fn` in the service worker (where `chrome.*` is available), retrying once across a worker restart. */
  async evalInWorker<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const w = await this.worker();
        // Playwright types the argument as `Unboxed<A>`; ours are plain JSON values, for which that is `A`.
        return (await w.evaluate(fn as unknown as (a: unknown) => R | Promise<R>, arg)) as R;
      } catch (e) {
        lastError = e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw lastError;
  }

  /**
   * Wipes everything PaperSift stored (storage.local/session/sync and every IndexedDB object store), then stops the
   * worker so its in-memory caches go too. Reload or reopen pages afterwards.
   * Stores are cleared rather than databases deleted: `deleteDatabase` blocks while the worker holds a connection.
   */
  async resetExtensionState(): Promise<void> {
    await this.evalInWorker(async () => {
      const c = (globalThis as unknown as { chrome: ChromeLike }).chrome;
      await c.storage.local.clear();
      await c.storage.session?.clear();
      await c.storage.sync?.clear().catch(() => undefined);
      for (const info of await indexedDB.databases()) {
        if (!info.name) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(info.name!);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const names = [...db.objectStoreNames];
        if (names.length) {
          const tx = db.transaction(names, 'readwrite');
          for (const n of names) tx.objectStore(n).clear();
          await new Promise<void>((resolve, reject) => {
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
        }
        db.close();
      }
    });
    await this.stopServiceWorker();
  }

  /** Chrome's tab id of a page (for `popup.html?tab=<id>`), asked from the service worker. */
  async tabId(page: Page): Promise<number> {
    const url = page.url();
    const tabs = await this.evalInWorker(
      async (u: string) =>
        (await (globalThis as unknown as { chrome: ChromeLike }).chrome.tabs.query({}))
          .filter((t) => t.url === u)
          .map((t) => t.id),
      url,
    );
    if (tabs.length === 1) return tabs[0]!;
    if (tabs.length === 0) throw new Error(`no tab has the URL ${url}`);
    // Several tabs show the same URL: tell them apart by a temporary unique title.
    const original = await page.title();
    const mark = `papersift-tab-${Math.random().toString(36).slice(2)}`;
    await page.evaluate((t) => (document.title = t), mark);
    try {
      const ids = await this.evalInWorker(
        async (t: string) =>
          (await (globalThis as unknown as { chrome: ChromeLike }).chrome.tabs.query({ title: t })).map((x) => x.id),
        mark,
      );
      if (ids.length !== 1) throw new Error(`could not identify the tab of ${url}`);
      return ids[0]!;
    } finally {
      await page.evaluate((t) => (document.title = t), original);
    }
  }

  /** Opens the popup as a tab; with `tabId` it reports on that tab (`popup.html?tab=<id>`), else on the active tab. */
  async openPopup(tabId?: number): Promise<Page> {
    this.requireExtension();
    const popup = await this.context.newPage();
    await popup.setViewportSize({ width: 420, height: 640 });
    await popup.goto(`${this.extensionOrigin}/popup.html${tabId === undefined ? '' : `?tab=${tabId}`}`);
    return popup;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    if (this.userDataDir) rmSync(this.userDataDir, { recursive: true, force: true });
  }

  private requireExtension(): void {
    if (!this.cdp) throw new Error('launched without the extension');
  }
}

/** The few `chrome.*` calls made inside the worker (no @types/chrome here). */
interface ChromeLike {
  storage: {
    local: { clear(): Promise<void> };
    session?: { clear(): Promise<void> };
    sync?: { clear(): Promise<void> };
  };
  tabs: { query(q: { title?: string }): Promise<Array<{ id: number; url?: string }>> };
}
