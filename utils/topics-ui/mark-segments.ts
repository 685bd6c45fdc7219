/**
 * Splits a field's text into plain and marked pieces from matcher hits, for rendering with <mark> elements
 * (text nodes only, never HTML). Pure.
 *
 * - Overlapping hits merge into one mark carrying every term involved; touching hits (one ends where the next
 *   starts) stay two marks, so each keeps its own term.
 * - Offsets are clamped to the text and widened so no mark cuts a character in two: not inside a surrogate
 *   pair (emoji, rare letters), not between a letter and its combining accents, not inside a ZWJ emoji
 *   sequence or before a skin-tone modifier / variation selector.
 * - Joining the pieces' text always gives back the original text.
 */

export interface HitRange {
  start: number;
  end: number;
  term: string;
}

export interface TextPiece {
  text: string;
  /** Terms matched here; null for plain text. */
  terms: string[] | null;
}

const EXTENDER = /^[\p{M}\u200D\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]$/u;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when a boundary at `i` would split a user-perceived character. */
export function splitsCharacter(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  if (isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1))) return true;
  const here = String.fromCodePoint(text.codePointAt(i)!);
  if (EXTENDER.test(here)) return true;
  return text.charCodeAt(i - 1) === 0x200d; // right after a zero-width joiner
}

export function snapStart(text: string, i: number): number {
  let at = Math.max(0, Math.min(text.length, Math.trunc(i)));
  while (splitsCharacter(text, at)) at--;
  return at;
}

export function snapEnd(text: string, i: number): number {
  let at = Math.max(0, Math.min(text.length, Math.trunc(i)));
  while (splitsCharacter(text, at)) at++;
  return at;
}

interface Range {
  start: number;
  end: number;
  terms: string[];
}

/** Hits clamped, snapped to whole characters, sorted, overlapping ones merged. */
export function mergeHits(text: string, hits: readonly HitRange[]): Range[] {
  const ranges = hits
    .filter((h) => Number.isFinite(h.start) && Number.isFinite(h.end))
    .map((h) => ({ start: snapStart(text, h.start), end: snapEnd(text, h.end), terms: [h.term] }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      for (const t of r.terms) if (!last.terms.includes(t)) last.terms.push(t);
    } else {
      merged.push({ ...r, terms: [...r.terms] });
    }
  }
  return merged;
}

export function splitByHits(text: string, hits: readonly HitRange[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const r of mergeHits(text, hits)) {
    if (r.start > at) pieces.push({ text: text.slice(at, r.start), terms: null });
    pieces.push({ text: text.slice(r.start, r.end), terms: r.terms });
    at = r.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), terms: null });
  return pieces;
}
