/**
 * When the digest asks Hugging Face for the day's papers: the reader's interval, and the waits after a failure
 * (exponential backoff, or what the server asks for with Retry-After). Pure: no browser API.
 */

/** The reader's choice (a preference); `off` checks never. */
export type DigestEvery = 'off' | '1h' | '3h' | '6h' | 'daily';

export const DIGEST_EVERY_CHOICES: readonly DigestEvery[] = ['off', '1h', '3h', '6h', 'daily'];
export const DEFAULT_DIGEST_EVERY: DigestEvery = '3h';

/** Minutes between scheduled checks; null when checks are off. */
export function intervalMinutes(every: DigestEvery): number | null {
  switch (every) {
    case 'off':
      return null;
    case '1h':
      return 60;
    case '3h':
      return 180;
    case '6h':
      return 360;
    case 'daily':
      return 1440;
  }
}

const MINUTE = 60_000;
/** First wait after a failure; it doubles with each failure in a row. */
export const BACKOFF_BASE_MS = 2 * MINUTE;
/** Longest wait after failures (a scheduled check may still come sooner). */
export const BACKOFF_MAX_MS = 6 * 60 * MINUTE;
/** A Retry-After is honoured between these bounds: a server cannot make us ask at once, nor never again. */
export const RETRY_AFTER_MIN_MS = MINUTE;
export const RETRY_AFTER_MAX_MS = 24 * 60 * MINUTE;

/** The wait before retrying after `failures` failures in a row (1 = the first): 2, 4, 8 … minutes, at most 6 h. */
export function backoffMs(failures: number): number {
  if (!Number.isFinite(failures) || failures < 1) return 0;
  const exp = Math.min(failures - 1, 30);
  return Math.min(BACKOFF_BASE_MS * 2 ** exp, BACKOFF_MAX_MS);
}

/**
 * A Retry-After header as a wait in ms: seconds (`120`) or an HTTP date. Null when absent or unreadable
 * (then the backoff applies). A date in the past means "now", which the bounds turn into a minute.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | null {
  if (header == null) return null;
  const text = header.trim();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date has a weekday and month names (Date.parse alone would read "-5" as a year).
  if (!/[a-z]/i.test(text)) return null;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return null;
  return Math.max(0, at - now);
}

/** The wait before the next attempt after a failure: Retry-After when the server gave one (bounded), else the backoff. */
export function retryDelayMs(failures: number, retryAfterMs: number | null): number {
  if (retryAfterMs !== null) return Math.min(Math.max(retryAfterMs, RETRY_AFTER_MIN_MS), RETRY_AFTER_MAX_MS);
  return backoffMs(failures);
}

/** The UTC day of `now` as `YYYY-MM-DD` (the day Hugging Face lists papers under). */
export function utcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}
