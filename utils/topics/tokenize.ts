/**
 * Splits normalised text into words with offsets. A word is a maximal run of letters, digits and marks
 * (\p{L}\p{N}\p{M}); an apostrophe between two word characters stays inside ("model's", "don't").
 * Everything else (spaces, punctuation, emoji, underscores) separates words.
 */

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

export function tokenize(text: string): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const words: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(i)!;
    if (!isWordCodePoint(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    i += cp > 0xffff ? 2 : 1;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) c = text.codePointAt(i)!;
      if (isWordCodePoint(c)) {
        i += c > 0xffff ? 2 : 1;
      } else if (c === APOSTROPHE && i + 1 < n && isWordCodePoint(text.codePointAt(i + 1)!)) {
        i += 1;
      } else {
        break;
      }
    }
    starts.push(start);
    ends.push(i);
    words.push(text.slice(start, i));
  }
  return { count: starts.length, starts, ends, words };
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
