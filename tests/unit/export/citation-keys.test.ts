import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseCitationKey, citationKeys } from '../../../utils/export/citation-keys';
import { paper } from './paper-fixtures';

describe('citation keys', () => {
  it('is <firstAuthorFamily><year><firstTitleWord>, ASCII-folded, skipping articles', () => {
    expect(baseCitationKey(paper('1706.03762', { authors: ['Ashish Vaswani'], title: 'Attention Is All You Need', date: '2017-06-12' })))
      .toBe('vaswani2017attention');
    expect(baseCitationKey(paper('2501.00001', { authors: ['Zoë Müller-Łukasz'], title: 'The Élan of Straße' })))
      .toBe('mullerlukasz2025elan');
    expect(baseCitationKey(paper('2501.00001', { authors: ['Jean-Luc van der Berg'], title: 'A {GPT}-4 study' })))
      .toBe('berg2025gpt');
  });

  it('falls back to "anon" without authors or with names that have no ASCII form, and skips unfoldable title words', () => {
    expect(baseCitationKey(paper('2510.12345', { authors: [], title: '日本語のタイトル and more' }))).toBe('anon2025more');
    expect(baseCitationKey(paper('2510.12345', { authors: ['山田太郎'], title: '日本語' }))).toBe('anon2025');
  });

  it('is deterministic and independent of input order (suffixes follow the arXiv ids)', () => {
    const papers = Array.from({ length: 60 }, (_, i) => paper(`2501.${String(20000 + i * 7)}`, { authors: ['Jane Doe'], title: 'Same', date: '2025-01-01' }));
    const byId = (list: typeof papers) => {
      const keys = citationKeys(list);
      return Object.fromEntries(list.map((p, i) => [p.id, keys[i]]));
    };
    const reference = byId(papers);
    expect(reference['2501.20000']).toBe('doe2025same');
    expect(reference['2501.20007']).toBe('doe2025samea');
    fc.assert(fc.property(fc.shuffledSubarray(papers, { minLength: papers.length }), (shuffled) => {
      expect(byId(shuffled)).toEqual(reference);
    }), { numRuns: 50 });
  });

  it('stays unique when a suffixed key equals another paper\'s base key', () => {
    const a = paper('2501.00001', { authors: ['Jane Doe'], title: 'Same', date: '2025-01-01' });
    const b = paper('2501.00002', { authors: ['Jane Doe'], title: 'Same', date: '2025-01-01' });
    const c = paper('2501.00003', { authors: ['Jane Doe'], title: 'Samea', date: '2025-01-01' });
    const keys = citationKeys([c, b, a]);
    expect(new Set(keys).size).toBe(3);
    expect(keys).toEqual(['doe2025sameaa', 'doe2025samea', 'doe2025same']);
  });

  it('gives 1,000 identical-looking papers 1,000 distinct keys', () => {
    const same = Array.from({ length: 1000 }, (_, i) => paper(`2501.${String(10000 + i)}`, { authors: ['Jane Doe'], title: 'Same', date: '2025-01-01' }));
    const keys = citationKeys(same);
    expect(new Set(keys).size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^doe2025same[a-z]*$/);
  });

  it('separates even papers with the same id', () => {
    const keys = citationKeys([paper('2501.00001'), paper('2501.00001')]);
    expect(keys[0]).not.toBe(keys[1]);
  });
});
