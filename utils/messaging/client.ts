/**
 * Typed senders for the protocol: content scripts/popup → background, popup → content script of a tab.
 * Replies arrive as `Reply<T>`; these unwrap them and throw an Error carrying the reply's message on failure.
 * While an MV3 service worker is (re)starting, messages fail with a connection error; those are retried a few
 * times with a short backoff so a click sent while the worker sleeps still lands. All our requests are
 * idempotent (save/hide twice = once), so a retry after a lost reply is safe.
 */
import { browser } from 'wxt/browser';
import type { BackgroundRequest, BackgroundResponses, Reply, TabRequest, TabResponses } from './protocol';

export interface SendOptions {
  /** Waits before each retry, in ms; its length is the number of retries. */
  retryDelaysMs?: readonly number[];
}

/** ~3.9 s in all: enough for a stopped MV3 worker to start again, short enough to report a real failure. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [100, 250, 500, 1000, 2000];

/** Said when the other side went away before answering (the polyfill turns a closed port into `undefined`). */
const NO_REPLY = 'No reply: the receiver stopped before answering';

const CONNECTION_ERRORS = [
  /Receiving end does not exist/i,
  /message port closed/i,
  /message channel closed/i,
  /Could not establish connection/i,
  new RegExp(NO_REPLY),
];

export function isConnectionError(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return CONNECTION_ERRORS.some((re) => re.test(msg));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function unwrap<T>(reply: unknown, to: string): T {
  if (typeof reply !== 'object' || reply === null || typeof (reply as { ok?: unknown }).ok !== 'boolean')
    throw new Error(`No valid reply from ${to}`);
  const r = reply as Reply<T>;
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

async function withRetry(send: () => Promise<unknown>, delays: readonly number[]): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = await send();
      // A worker stopped mid-request leaves no reply at all; every request is idempotent, so ask again.
      if (reply === undefined) throw new Error(NO_REPLY);
      return reply;
    } catch (e) {
      const delay = delays[attempt];
      if (delay === undefined || !isConnectionError(e)) throw e;
      await sleep(delay);
    }
  }
}

export async function sendToBackground<T extends BackgroundRequest['type']>(
  req: Extract<BackgroundRequest, { type: T }>,
  opts: SendOptions = {},
): Promise<BackgroundResponses[T]> {
  const reply = await withRetry(() => browser.runtime.sendMessage(req), opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS);
  return unwrap<BackgroundResponses[T]>(reply, 'the background');
}

export async function sendToTab<T extends TabRequest['type']>(
  tabId: number,
  req: Extract<TabRequest, { type: T }>,
  opts: SendOptions = {},
): Promise<TabResponses[T]> {
  const reply = await withRetry(() => browser.tabs.sendMessage(tabId, req), opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS);
  return unwrap<TabResponses[T]>(reply, `tab ${tabId}`);
}
