/** Waiting and text helpers shared by every e2e file, whatever the browser. */
import { expect } from 'vitest';

/** How long a change may take to reach another open tab (the product promise: within a second). */
export const CROSS_TAB_MS = 1_000;
/** Generous wait for things that have no promised latency (decoration of a page, popup data). */
export const SETTLE_MS = 10_000;

/** Polls `read` until it satisfies `check` (vitest has no auto-retrying locator assertions). */
export async function eventually<T>(read: () => Promise<T>, check: (v: T) => void, timeout = SETTLE_MS): Promise<void> {
  await expect.poll(async () => {
    const v = await read();
    try {
      check(v);
      return true;
    } catch {
      return v;
    }
  }, { timeout, interval: 50 }).toBe(true);
}

export const normaliseLine = (s: string) =>
  s
    .replace(/\s*·\s*/g, ' · ')
    .replace(/\s+/g, ' ')
    .trim();
