/** Small text helpers shared by the HF readers. Pure: strings in, values out. */

import { COUNT_RE, TRAILING_COUNT_RE } from './selectors';

/** Collapse runs of whitespace (incl. newlines, nbsp) and trim. */
export function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Title key for comparing the DOM title with a hydration title. */
export function titleKey(text: string | null | undefined): string {
  return collapse(text).toLowerCase();
}

/** "186" → 186, "2.27k" → 2270, "1.2M" → 1200000, "1,234" → 1234; "-", "" or junk → undefined. */
export function parseCount(text: string): number | undefined {
  const m = COUNT_RE.exec(collapse(text));
  if (!m) return undefined;
  const base = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(base)) return undefined;
  const unit = m[2]?.toLowerCase();
  const factor = unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : 1;
  return Math.round(base * factor);
}

/** The count a control shows at its end: "Upvote 25" → 25, "-" → undefined. */
export function trailingCount(text: string): number | undefined {
  const m = TRAILING_COUNT_RE.exec(collapse(text));
  return m ? parseCount(m[1]!) : undefined;
}
