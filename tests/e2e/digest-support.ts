/**
 * The digest's e2e helpers: the Daily Papers API answered at its real URL by the test (a route registered after
 * launch, so it wins over the harness's fixture site), the background's alarms fired from the service worker, and
 * what the background stored and shows on the badge, read there.
 */
import type { Route } from 'playwright-core';
import type { PaperSiftBrowser } from '../../scripts/lib/browser';

export const API_PATTERN = /^https:\/\/huggingface\.co\/api\/daily_papers(\?|$)/;
export const DIGEST_ALARM = 'papersift:digest';
export const RETRY_ALARM = 'papersift:digest-retry';

export type Answer = (route: Route) => Promise<void>;

/** Answers the API with whatever `answer` is at the moment, and counts the requests. */
export class DailyApi {
  answer: Answer = (route) => route.fulfill({ status: 500, body: 'no answer set' });
  readonly requests: string[] = [];

  async install(b: PaperSiftBrowser): Promise<void> {
    await b.context.route(API_PATTERN, (route) => {
      this.requests.push(route.request().url());
      return this.answer(route);
    });
  }

  json(body: string, status = 200, headers: Record<string, string> = {}): void {
    this.answer = (route) => route.fulfill({ status, contentType: 'application/json', body, headers });
  }
}

interface ChromeLike {
  alarms: {
    create(name: string, info: { when: number }): Promise<void>;
    get(name: string): Promise<{ scheduledTime: number; periodInMinutes?: number } | undefined>;
    clear(name: string): Promise<boolean>;
  };
  action: { getBadgeText(d: object): Promise<string> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
}
/** Evaluated inside the worker: each function is sent as source text, so it names `chrome` itself (no helpers). */
type G = { chrome: ChromeLike };

export interface StoredDigest {
  papers: Array<{ id: string; day: string }>;
  lastCheck: { at: number; day: string; ok: boolean; error?: string; status?: number; found?: number } | null;
  failures: number;
  retryAt: number | null;
}

export const digestState = (b: PaperSiftBrowser) =>
  b.evalInWorker(async () => ((await (globalThis as unknown as G).chrome.storage.local.get('papersift:digest'))['papersift:digest'] ?? null) as StoredDigest | null);

export const badge = (b: PaperSiftBrowser) => b.evalInWorker(() => (globalThis as unknown as G).chrome.action.getBadgeText({}));

export const alarm = (b: PaperSiftBrowser, name: string) => b.evalInWorker((n: string) => (globalThis as unknown as G).chrome.alarms.get(n), name);

/** Fires the background's alarm `name` now (an unpacked extension's alarm may fire after 1 s). */
export const fireAlarm = (b: PaperSiftBrowser, name: string) =>
  b.evalInWorker((n: string) => (globalThis as unknown as G).chrome.alarms.create(n, { when: Date.now() }), name);

export const clearAlarm = (b: PaperSiftBrowser, name: string) => b.evalInWorker((n: string) => (globalThis as unknown as G).chrome.alarms.clear(n), name);

/** Makes `navigator.onLine` false (or true again) in the running service worker. */
export const setWorkerOnline = (b: PaperSiftBrowser, online: boolean) =>
  b.evalInWorker((on: boolean) => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => on });
  }, online);

/** Fires `name` and waits until a check newer than the last one is stored. */
export async function checkBy(b: PaperSiftBrowser, name: string, timeout = 15_000): Promise<StoredDigest> {
  const before = (await digestState(b))?.lastCheck?.at ?? 0;
  await fireAlarm(b, name);
  const end = Date.now() + timeout;
  for (;;) {
    const s = await digestState(b);
    if (s?.lastCheck && s.lastCheck.at > before) return s;
    if (Date.now() > end) throw new Error(`no check after the ${name} alarm within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
