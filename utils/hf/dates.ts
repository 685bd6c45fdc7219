/** Dates as HF cards display them ("Published on Sep 16, 2026", "Aug 26"). Pure. */

import { DISPLAYED_DATE_RE, ISO_DATE_PREFIX_RE, MONTHS } from './selectors';
import { collapse } from './text';

export interface DisplayedDate {
  month: number; // 1-12
  day: number;
  /** Absent when the site omits the current year ("Aug 26"). */
  year?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** Parses a whole displayed date string; null for anything else. */
export function parseDisplayedDate(text: string): DisplayedDate | null {
  const m = DISPLAYED_DATE_RE.exec(collapse(text));
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
  if (month === 0) return null;
  const day = Number(m[2]);
  const year = m[3] === undefined ? undefined : Number(m[3]);
  // Leap day without a year: check against a leap year.
  if (!isRealDate(year ?? 2024, month, day)) return null;
  return year === undefined ? { month, day } : { month, day, year };
}

/** ISO date for a displayed date; a year-less date is the latest such day not after `now` (+1 day slack). */
export function resolveDisplayedDate(d: DisplayedDate, now: Date): string {
  if (d.year !== undefined) return isoDate(d.year, d.month, d.day);
  const limit = now.getTime() + 86_400_000;
  let year = now.getUTCFullYear();
  while (!isRealDate(year, d.month, d.day) || Date.UTC(year, d.month - 1, d.day) > limit) year -= 1;
  return isoDate(year, d.month, d.day);
}

/** Same month and day as an ISO `YYYY-MM-DD…` string. */
export function sameMonthDay(d: DisplayedDate, iso: string): boolean {
  const m = ISO_DATE_PREFIX_RE.exec(iso);
  return m !== null && m[1]!.slice(5) === `${pad(d.month)}-${pad(d.day)}`;
}
