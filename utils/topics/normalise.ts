/**
 * Text normalisation for matching, with a map back to the original string.
 *
 * Decisions (documented for the options page):
 * - Invisible controls are removed: bidi marks/embeddings/isolates (U+200E, U+200F, U+061C, U+202A–U+202E,
 *   U+2066–U+2069), zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF), the soft hyphen and
 *   emoji tag characters. They never split or join words.
 * - Word matching sees NFKD text with Latin-style diacritics removed and case folded: "café" = "cafe\u0301"
 *   = "CAFE", "naïve" = "naive", "ﬁne" = "fine", "Straße" = "strasse". Marks of other scripts (Devanagari
 *   vowel signs, …) are kept: they are part of the word there.
 * - Regex terms see the text cleaned of invisible controls and NFC-composed, case and accents as written.
 * Every output UTF-16 unit remembers the original range of the base character plus its combining marks,
 * so a match maps back to `original.slice(start, end)` as written (accents included).
 */

export interface MappedText {
  /** The transformed text. */
  readonly text: string;
  /** Per unit of `text`: start of its source range in the original. `null` means identity mapping. */
  readonly starts: Int32Array | null;
  /** Per unit of `text`: end of its source range in the original. */
  readonly ends: Int32Array | null;
}

/** Maps a non-empty range of the transformed text back to the original string. */
export function toOriginalRange(mapped: MappedText, start: number, end: number): [number, number] {
  if (mapped.starts === null || mapped.ends === null) return [start, end];
  return [mapped.starts[start]!, mapped.ends[end - 1]!];
}

export function isInvisibleControl(cp: number): boolean {
  return (
    cp === 0x00ad ||
    cp === 0x061c ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    cp === 0xfeff ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

/** Diacritics (and variation selectors) dropped by word matching. */
function isFoldedMark(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

const MARK = /^\p{M}$/u;
const isMark = (cp: number) => cp >= 0x0300 && MARK.test(String.fromCodePoint(cp));

/** Letters NFKD leaves alone that readers still treat as plain Latin letters, plus quote variants. */
const EXTRA_FOLDS: Record<string, string> = {
  ß: 'ss',
  ς: 'σ',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  æ: 'ae',
  œ: 'oe',
  '\u2019': "'",
  '\u2018': "'",
  '\u02bc': "'",
};

function foldSegmentForWords(segment: string): string {
  const lowered = segment.normalize('NFKD').toLowerCase();
  let out = '';
  for (const ch of lowered) {
    if (isFoldedMark(ch.codePointAt(0)!)) continue;
    out += EXTRA_FOLDS[ch] ?? ch;
  }
  return out;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

function mapText(original: string, fold: (segment: string) => string, asciiFast: (s: string) => string): MappedText {
  if (ASCII_ONLY.test(original)) return { text: asciiFast(original), starts: null, ends: null };
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < original.length) {
    const run = asciiRunEnd(original, i);
    if (run > i) {
      // Plain ASCII maps unit for unit (lower-casing keeps its length): one piece for the whole run.
      text += asciiFast(original.slice(i, run));
      for (let k = i; k < run; k++) {
        starts.push(k);
        ends.push(k + 1);
      }
      i = run;
      continue;
    }
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (isInvisibleControl(cp)) {
      i += width;
      continue;
    }
    // A segment is one base character plus the combining marks that follow it.
    let j = i + width;
    while (j < original.length) {
      const next = original.codePointAt(j)!;
      if (next < 0x0300 || !isMark(next)) break;
      j += next > 0xffff ? 2 : 1;
    }
    const piece = j === i + 1 && cp < 0x80 ? asciiFast(original[i]!) : fold(original.slice(i, j));
    for (let k = 0; k < piece.length; k++) {
      starts.push(i);
      ends.push(j);
    }
    text += piece;
    i = j;
  }
  return { text, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/**
 * End of the run of ASCII characters from i that stand alone: the last one is left out when combining
 * marks follow it, as it forms a segment with them. i itself when there is no such run.
 */
function asciiRunEnd(original: string, i: number): number {
  let j = i;
  while (j < original.length && original.charCodeAt(j) < 0x80) j++;
  if (j > i && j < original.length && original.charCodeAt(j) >= 0x0300 && isMark(original.codePointAt(j)!)) j--;
  return j;
}

/** Text as word matching sees it (see the module comment). */
export function normaliseForMatching(original: string): MappedText {
  return mapText(original, foldSegmentForWords, (s) => s.toLowerCase());
}

/** Text as regex terms see it: invisible controls removed, NFC, case and accents kept. */
export function cleanForRegex(original: string): MappedText {
  return mapText(original, (segment) => segment.normalize('NFC'), (s) => s);
}
