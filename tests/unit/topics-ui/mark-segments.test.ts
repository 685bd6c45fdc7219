import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByHits, splitsCharacter, type HitRange } from '../../../utils/topics-ui/mark-segments';

const hit = (start: number, end: number, term = 't'): HitRange => ({ start, end, term });
const show = (pieces: ReturnType<typeof splitByHits>) => pieces.map((p) => (p.terms ? `[${p.text}]` : p.text)).join('');

describe('splitByHits', () => {
  it('marks each hit and keeps the text between', () => {
    const text = 'attention is all you need';
    const pieces = splitByHits(text, [hit(0, 9, 'attention'), hit(21, 25, 'need')]);
    expect(show(pieces)).toBe('[attention] is all you [need]');
    expect(pieces[0]).toEqual({ text: 'attention', terms: ['attention'] });
    expect(pieces[1]).toEqual({ text: ' is all you ', terms: null });
  });

  it('returns the text as one plain piece without hits, and nothing for empty text', () => {
    expect(splitByHits('plain', [])).toEqual([{ text: 'plain', terms: null }]);
    expect(splitByHits('', [hit(0, 3)])).toEqual([]);
  });

  it('merges overlapping hits into one mark with both terms, in any input order', () => {
    const text = 'mixture of experts models';
    const pieces = splitByHits(text, [hit(11, 25, 'experts models'), hit(0, 18, 'mixture of experts')]);
    expect(show(pieces)).toBe('[mixture of experts models]');
    expect(pieces[0]!.terms).toEqual(['mixture of experts', 'experts models']);
    // Nested hit: one mark, terms deduplicated.
    expect(splitByHits('abcdef', [hit(0, 6, 'x'), hit(2, 4, 'y'), hit(2, 4, 'y')])).toEqual([{ text: 'abcdef', terms: ['x', 'y'] }]);
  });

  it('keeps touching hits as two marks, each with its own term', () => {
    const pieces = splitByHits('selfattention', [hit(0, 4, 'self'), hit(4, 13, 'attention')]);
    expect(pieces).toEqual([
      { text: 'self', terms: ['self'] },
      { text: 'attention', terms: ['attention'] },
    ]);
  });

  it('clamps offsets outside the text and drops empty or reversed hits', () => {
    expect(show(splitByHits('abc', [hit(-5, 1), hit(2, 99)]))).toBe('[a]b[c]');
    expect(splitByHits('abc', [hit(2, 2), hit(3, 1), hit(NaN, 2)])).toEqual([{ text: 'abc', terms: null }]);
  });

  it('never cuts an emoji (surrogate pair) in two', () => {
    const text = 'a😀b';
    // 1..2 is the first half of the emoji only.
    expect(show(splitByHits(text, [hit(1, 2)]))).toBe('a[😀]b');
    expect(show(splitByHits(text, [hit(2, 4)]))).toBe('a[😀b]');
  });

  it('keeps combining accents with their letter', () => {
    const text = 'cafe\u0301 noir'; // "café" with a combining acute accent
    // A hit ending after the "e" but before its accent takes the accent along.
    const pieces = splitByHits(text, [hit(0, 4, 'cafe')]);
    expect(pieces[0]).toEqual({ text: 'cafe\u0301', terms: ['cafe'] });
    // A hit starting at the accent starts at its letter.
    expect(splitByHits(text, [hit(4, 5)])[1]).toEqual({ text: 'e\u0301', terms: ['t'] });
  });

  it('keeps ZWJ emoji sequences and skin-tone modifiers whole', () => {
    const dev = '👩\u200D💻'; // woman technologist: 👩 ZWJ 💻
    const text = `x${dev}y`;
    expect(show(splitByHits(text, [hit(1, 3)]))).toBe(`x[${dev}]y`);
    const wave = '👋🏽';
    expect(show(splitByHits(`${wave}!`, [hit(0, 2)]))).toBe(`[${wave}]!`);
  });

  it('property: pieces always join back to the text, marks never split characters and never overlap', () => {
    const alphabet = ['a', ' ', 'é', 'e\u0301', '😀', '👩\u200D💻', '中', '-'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 20 }).map((xs) => xs.join('')),
        fc.array(fc.tuple(fc.integer({ min: -2, max: 45 }), fc.integer({ min: -2, max: 45 })), { maxLength: 6 }),
        (text, ranges) => {
          const pieces = splitByHits(text, ranges.map(([s, e], i) => hit(s, e, `t${i}`)));
          expect(pieces.map((p) => p.text).join('')).toBe(text);
          let at = 0;
          for (const p of pieces) {
            expect(p.text.length).toBeGreaterThan(0);
            expect(splitsCharacter(text, at)).toBe(false);
            at += p.text.length;
          }
          for (let i = 1; i < pieces.length; i++) {
            // Two plain pieces are never adjacent.
            expect(pieces[i - 1]!.terms === null && pieces[i]!.terms === null).toBe(false);
          }
        },
      ),
    );
  });
});
