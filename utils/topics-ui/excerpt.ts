/**
 * Short excerpts of a long field (an abstract) around its hits, for the live preview. Pure.
 * Each window reaches about `radius` characters either side of a hit, is cut at spaces where possible (never
 * inside a character), and windows that touch are joined. Pieces inside a window come from splitByHits.
 */
import { mergeHits, snapEnd, snapStart, splitByHits, type HitRange, type TextPiece } from './mark-segments';

export interface Excerpt {
  /** Text was left out before this window. */
  before: boolean;
  /** Text was left out after this window. */
  after: boolean;
  pieces: TextPiece[];
}

export interface ExcerptOptions {
  radius?: number;
  /** Windows shown at most; the rest is counted in `omittedHits`. */
  maxWindows?: number;
}

export interface Excerpts {
  windows: Excerpt[];
  /** Marked places not shown because of maxWindows. */
  omittedHits: number;
}

export function excerptAround(text: string, hits: readonly HitRange[], opts: ExcerptOptions = {}): Excerpts {
  const radius = opts.radius ?? 60;
  const maxWindows = opts.maxWindows ?? 3;
  const marks = mergeHits(text, hits);
  const spans: Array<{ start: number; end: number; marks: number }> = [];
  for (const m of marks) {
    let start = Math.max(0, m.start - radius);
    if (start > 0) {
      const space = text.slice(start, m.start).search(/\s/);
      if (space >= 0) start += space + 1;
    }
    let end = Math.min(text.length, m.end + radius);
    if (end < text.length) {
      const tail = text.slice(m.end, end);
      const space = Math.max(tail.lastIndexOf(' '), tail.lastIndexOf('\n'));
      if (space >= 0) end = m.end + space;
    }
    start = snapStart(text, start);
    end = snapEnd(text, end);
    const last = spans[spans.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.marks++;
    } else spans.push({ start, end, marks: 1 });
  }
  const shown = spans.slice(0, maxWindows);
  const omittedHits = spans.slice(maxWindows).reduce((n, s) => n + s.marks, 0);
  const windows = shown.map((s) => {
    const inside = hits
      .filter((h) => h.start < s.end && h.end > s.start)
      .map((h) => ({ term: h.term, start: Math.max(h.start, s.start) - s.start, end: Math.min(h.end, s.end) - s.start }));
    return { before: s.start > 0, after: s.end < text.length, pieces: splitByHits(text.slice(s.start, s.end), inside) };
  });
  return { windows, omittedHits };
}
