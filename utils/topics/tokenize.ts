/**
 * Splits normalised text into words with offsets. A word is a maximal run of letters, digits and marks
 * (\p{L}\p{N}\p{M}); an apostrophe between two word characters stays inside ("model's", "don't").
 * Everything else (spaces, punctuation, emoji, underscores) separates words.
 */
import { HASH_SEED, hashStep } from './key-table';

export interface Tokens {
  count: number;
  starts: number[];
  ends: number[];
  words: string[];
}

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const nonAsciiWordCache = new Map<number, boolean>();

export function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 97 && cp <= 122) || (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90);
  let known = nonAsciiWordCache.get(cp);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCodePoint(cp));
    if (nonAsciiWordCache.size < 10_000) nonAsciiWordCache.set(cp, known);
  }
  return known;
}

const APOSTROPHE = 39;

/**
 * Word ranges of a text in reusable buffers, with each word's hash (key-table.ts) taken on the way, so the
 * compiled matcher can look words up without slicing them out or reading them again.
 */
export class TokenSpans {
  count = 0;
  starts: Int32Array = new Int32Array(64);
  ends: Int32Array = new Int32Array(64);
  hashes: Int32Array = new Int32Array(64);

  push(start: number, end: number, hash: number): void {
    if (this.count === this.starts.length) {
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.hashes = grow(this.hashes);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.hashes[this.count] = hash;
    this.count++;
  }
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** isWordCodePoint for ASCII as a table: the tokenizer's inner loop sees mostly ASCII. */
const ASCII_WORD = Uint8Array.from({ length: 0x80 }, (_, cp) => (isWordCodePoint(cp) ? 1 : 0));

/** The code point at i given its first unit c (a lone surrogate stays itself, as with codePointAt). */
function codePointFrom(text: string, i: number, c: number): number {
  return c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
}

/** Fills `into` with the words of `text` (see the module comment) and their hashes, and returns it. */
export function tokenSpans(text: string, into: TokenSpans = new TokenSpans()): TokenSpans {
  into.count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let unit = text.charCodeAt(i);
    let width = 1;
    if (unit < 0x80) {
      if (ASCII_WORD[unit] === 0) {
        i++;
        continue;
      }
    } else {
      const cp = codePointFrom(text, i, unit);
      width = cp > 0xffff ? 2 : 1;
      if (!isWordCodePoint(cp)) {
        i += width;
        continue;
      }
    }
    // A word starts at i. Each turn hashes the code point at i (width units), then looks at the next one:
    // word characters, and apostrophes followed by one, continue the word.
    const start = i;
    let hash = HASH_SEED;
    for (;;) {
      hash = hashStep(hash, unit);
      if (width === 2) hash = hashStep(hash, text.charCodeAt(i + 1));
      i += width;
      if (i >= n) break;
      unit = text.charCodeAt(i);
      width = 1;
      if (unit < 0x80) {
        if (ASCII_WORD[unit] === 1) continue;
        if (unit === APOSTROPHE && i + 1 < n && isWordCodePoint(text.codePointAt(i + 1)!)) continue;
        break;
      }
      const cp = codePointFrom(text, i, unit);
      if (!isWordCodePoint(cp)) break;
      if (cp > 0xffff) width = 2;
    }
    into.push(start, i, hash);
  }
  return into;
}

/** Scratch for tokenize: its result is copied out, and typed arrays are costly to allocate per call. */
const scratch = new TokenSpans();

export function tokenize(text: string): Tokens {
  const spans = tokenSpans(text, scratch);
  const starts = Array.from(spans.starts.subarray(0, spans.count));
  const ends = Array.from(spans.ends.subarray(0, spans.count));
  const words = starts.map((start, k) => text.slice(start, ends[k]));
  return { count: spans.count, starts, ends, words };
}

/** Characters that join the words of a phrase: whitespace and hyphens/dashes (hyphen ≡ space). */
export const SOFT_GAP_CLASS = '[\\s\\-\\u2010-\\u2013]';
const SOFT_GAP = new RegExp(`^${SOFT_GAP_CLASS}+$`);

/** True when text[from, to) is a non-empty run of whitespace and hyphens. */
export function isSoftGap(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 45 || c === 10 || c === 9 || c === 13) continue;
    if (c < 0x80) return false;
    return SOFT_GAP.test(text.slice(from, to));
  }
  return true;
}
