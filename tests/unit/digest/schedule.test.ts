import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS,
  BACKOFF_MAX_MS,
  backoffMs,
  intervalMinutes,
  parseRetryAfter,
  RETRY_AFTER_MAX_MS,
  RETRY_AFTER_MIN_MS,
  retryDelayMs,
  utcDay,
} from '../../../utils/digest/schedule';

const MIN = 60_000;

describe('the digest schedule', () => {
  it('maps each choice to minutes, and off to none', () => {
    expect(['off', '1h', '3h', '6h', 'daily'].map((e) => intervalMinutes(e as never))).toEqual([null, 60, 180, 360, 1440]);
  });

  it('backs off exponentially from 2 minutes, doubling per failure in a row, capped at 6 hours', () => {
    expect([1, 2, 3, 4, 5].map(backoffMs)).toEqual([2, 4, 8, 16, 32].map((m) => m * MIN));
    expect(BACKOFF_BASE_MS).toBe(2 * MIN);
    expect(backoffMs(8)).toBe(256 * MIN > BACKOFF_MAX_MS ? BACKOFF_MAX_MS : 256 * MIN);
    expect(backoffMs(9)).toBe(BACKOFF_MAX_MS);
    expect(backoffMs(1_000)).toBe(BACKOFF_MAX_MS);
    // Never a wait for "no failure", never NaN
    expect(backoffMs(0)).toBe(0);
    expect(backoffMs(Number.NaN)).toBe(0);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-06T03:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Sun, 06 Dec 2026 03:10:00 GMT', now)).toBe(10 * MIN);
    expect(parseRetryAfter('Sun, 06 Dec 2026 02:00:00 GMT', now)).toBe(0); // in the past: now
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });

  it('honours Retry-After over the backoff, within a minute and a day', () => {
    expect(retryDelayMs(1, 30 * MIN)).toBe(30 * MIN);
    expect(retryDelayMs(5, 30 * MIN)).toBe(30 * MIN); // not the 32 min of the backoff
    expect(retryDelayMs(1, 0)).toBe(RETRY_AFTER_MIN_MS);
    expect(retryDelayMs(1, 10 * 24 * 60 * MIN)).toBe(RETRY_AFTER_MAX_MS);
    expect(retryDelayMs(3, null)).toBe(backoffMs(3));
  });

  it('names the UTC day', () => {
    expect(utcDay(Date.parse('2026-12-05T23:59:59.999Z'))).toBe('2026-12-05');
    expect(utcDay(Date.parse('2026-12-06T00:00:00Z'))).toBe('2026-12-06');
  });
});
