/**
 * The compiled matcher's lookup structures must agree exactly with the simple definitions they replace:
 * pre-expanded plural forms vs candidate intersection, the hashing tokenizer vs a regex tokenizer,
 * range-probed hash tables vs string keys.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashRange, KeyTable } from '../../../utils/topics/key-table';
import { cleanForRegex, normaliseForMatching, type MappedText } from '../../../utils/topics/normalise';
import { wordCandidates, wordsMatchingKeys } from '../../../utils/topics/plural';
import { matchesPrefix, PrefixIndex } from '../../../utils/topics/prefix-index';
import { tokenize, tokenSpans } from '../../../utils/topics/tokenize';

describe('wordsMatchingKeys', () => {
  const STEMS = ['ab', 'box', 'bus', 'clas', 'quer', 'mod', 'ser', 'a', 'abc'];
  const ENDS = ['', 'y', 's', 'x', 'ch', 'sh', 'o', 'e', 'ie', "'"];
  const SUFFIXES = ['', 's', 'es', 'ies', "'s", "es's", "s's", 'ss'];
  const word = fc.tuple(fc.constantFrom(...STEMS), fc.constantFrom(...ENDS), fc.constantFrom(...SUFFIXES)).map((p) => p.join(''));

  it('holds exactly the words whose candidates meet the term word’s keys', () => {
    fc.assert(
      fc.property(word, word, (termWord, textWord) => {
        const keys = wordCandidates(termWord);
        const shares = wordCandidates(textWord).some((k) => keys.includes(k));
        expect(wordsMatchingKeys(keys).includes(textWord)).toBe(shares);
      }),
      { numRuns: 3000 },
    );
  });
});

/** The documented word rule as one regex: runs of \p{L}\p{N}\p{M}, apostrophes inside. */
const REFERENCE_WORD = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;

describe('tokenSpans', () => {
  const PIECES = ['a', 'Z', '7', "'", ' ', '-', '_', 'é', 'e\u0301', 'ß', '𝐀', '🔥', '\ud800', 'क्', '中', '.', "''", 'ab'];
  const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join(''));

  it('finds the same words as the reference regex, each with the hash of its text', () => {
    fc.assert(
      fc.property(text, (t) => {
        const spans = tokenSpans(t);
        const found = Array.from({ length: spans.count }, (_, k) => [spans.starts[k]!, spans.ends[k]!]);
        const expected = [...t.matchAll(REFERENCE_WORD)].map((m) => [m.index, m.index + m[0].length]);
        expect(found).toEqual(expected);
        for (let k = 0; k < spans.count; k++) expect(spans.hashes[k]).toBe(hashRange(t, spans.starts[k]!, spans.ends[k]!));
        expect(tokenize(t).words).toEqual(expected.map(([s, e]) => t.slice(s, e)));
      }),
      { numRuns: 1000 },
    );
  });

  it('grows its buffers past the initial size', () => {
    const t = Array.from({ length: 500 }, (_, k) => `w${k}`).join(' ');
    expect(tokenSpans(t).count).toBe(500);
  });
});

describe('KeyTable', () => {
  it('finds every key by range and nothing else', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 60 }), fc.string({ maxLength: 6 }), (keys, other) => {
        const table = new KeyTable(keys.map((k, i): [string, number] => [k, i]));
        keys.forEach((key, i) => {
          const text = `<${key}>`;
          expect(table.find(text, 1, 1 + key.length, hashRange(key, 0, key.length))).toBe(i);
        });
        const text = `(${other})`;
        const expected = keys.indexOf(other);
        expect(table.find(text, 1, 1 + other.length, hashRange(other, 0, other.length))).toBe(expected < 0 ? undefined : expected);
      }),
      { numRuns: 300 },
    );
  });

  it('works when empty', () => {
    expect(new KeyTable<number>([]).find('abc', 0, 3, hashRange('abc', 0, 3))).toBeUndefined();
  });
});

describe('PrefixIndex', () => {
  it('offers every prefix a word starts with', () => {
    const index = new PrefixIndex<string>([['ens', 'A'], ['ensembl', 'B'], ['tr', 'C'], ['éc', 'D']]);
    const startsOf = (word: string) => {
      const bucket = index.candidates(word, 0, word.length);
      return bucket ? bucket.values.filter((_, k) => matchesPrefix(bucket.prefixes[k]!, word, 0, word.length)) : [];
    };
    expect(startsOf('ensembles')).toEqual(['A', 'B']);
    expect(startsOf('ens')).toEqual(['A']);
    expect(startsOf('en')).toEqual([]);
    expect(startsOf('transformer')).toEqual(['C']);
    expect(startsOf('école')).toEqual(['D']);
    expect(startsOf('t')).toEqual([]);
  });
});

describe('normalisation of mixed ASCII and non-ASCII text', () => {
  /** One segment (a base character and its marks, or an invisible control) → [word text, regex text]. */
  const SEGMENTS: Record<string, [string, string]> = {
    a: ['a', 'a'],
    B: ['b', 'B'],
    ' ': [' ', ' '],
    '-': ['-', '-'],
    "'": ["'", "'"],
    'e\u0301': ['e', 'é'],
    é: ['e', 'é'],
    ß: ['ss', 'ß'],
    '\u200f': ['', ''],
    ﬁ: ['fi', 'ﬁ'],
    'x\u0308\u0301': ['x', '\u1e8d\u0301'], // NFC composes x + diaeresis, the acute stays
    Ł: ['l', 'Ł'],
    '𝐀': ['a', '𝐀'],
    中: ['中', '中'],
  };
  const text = fc.array(fc.constantFrom(...Object.keys(SEGMENTS)), { maxLength: 30 });

  /** Each output unit of a segment maps back to the whole segment. */
  function expected(segments: string[], which: 0 | 1) {
    let out = '';
    const starts: number[] = [];
    const ends: number[] = [];
    let at = 0;
    for (const segment of segments) {
      const piece = SEGMENTS[segment]![which];
      out += piece;
      for (let k = 0; k < piece.length; k++) {
        starts.push(at);
        ends.push(at + segment.length);
      }
      at += segment.length;
    }
    return { text: out, starts, ends };
  }

  const asArrays = (m: MappedText) => ({
    text: m.text,
    starts: m.starts ? [...m.starts] : Array.from({ length: m.text.length }, (_, k) => k),
    ends: m.ends ? [...m.ends] : Array.from({ length: m.text.length }, (_, k) => k + 1),
  });

  it('maps every unit back to its segment, for word matching and for regexes', () => {
    fc.assert(
      fc.property(text, (segments) => {
        const original = segments.join('');
        expect(asArrays(normaliseForMatching(original))).toEqual(expected(segments, 0));
        expect(asArrays(cleanForRegex(original))).toEqual(expected(segments, 1));
      }),
      { numRuns: 1000 },
    );
  });
});
