/** Calendar days as the reader means them: local time, `YYYY-MM-DD` (what <input type="date"> gives). Pure. */

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Epoch ms of local midnight starting `day`; null when `day` is not a real `YYYY-MM-DD` date. */
export function localDayStart(day: string): number | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  // new Date rolls 2026-02-31 over into March: refuse days that do not exist.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  return date.getTime();
}

/** Epoch ms of local midnight after `day` (exclusive end of the day). */
export function localDayEnd(day: string): number | null {
  const start = localDayStart(day);
  if (start === null) return null;
  const d = new Date(start);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

/** `YYYY-MM-DD` of the local day containing `ms`. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
}
