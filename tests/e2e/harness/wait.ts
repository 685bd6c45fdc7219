/** Waiting and text helpers shared by every e2e file, whatever the browser. */
import { expect } from 'vitest';

/**
 * How long a test waits for anything to happen (decoration, popup data, a change reaching another tab). Latency
 * promises such as "another tab within a second" are measured by `npm run bench` (cross-tab-bench.ts), not here.
 */
export const SETTLE_MS = 10_000;

/**
 * Polls `read` until it satisfies `check` (vitest has no auto-retrying locator assertions). On timeout it throws
 * `check`'s own assertion error for the last value read, so the failure shows expected and received.
 */
export async function eventually<T>(read: () => Promise<T>, check: (v: T) => void, timeout = SETTLE_MS): Promise<void> {
  let last: { error: unknown } | null = null;
  try {
    await expect.poll(async () => {
      try {
        check(await read());
        return true;
      } catch (error) {
        last = { error };
        return false;
      }
    }, { timeout, interval: 50 }).toBe(true);
  } catch (timedOut) {
    throw (last as { error: unknown } | null)?.error ?? timedOut;
  }
}

export const normaliseLine = (s: string) =>
  s
    .replace(/\s*·\s*/g, ' · ')
    .replace(/\s+/g, ' ')
    .trim();
