import { describe, expect, it } from 'vitest';
import { isArxivId, normalizeHidden, normalizeSaved } from '../../../utils/storage/record-migrations';
import { RECORD_SCHEMA } from '../../../utils/storage/records';

const source = { url: 'https://huggingface.co/papers/trending', kind: 'trending' };
const goodSaved = {
  schema: 1,
  id: '2508.19428',
  title: 'Heterogeneous LLM Methods for Ontology Learning',
  authors: ['Aleksandra Beliaeva'],
  links: {
    hf: 'https://huggingface.co/papers/2508.19428',
    arxiv: 'https://arxiv.org/abs/2508.19428',
    pdf: 'https://arxiv.org/pdf/2508.19428',
    github: 'https://github.com/example/repo',
  },
  upvotes: 3,
  savedAt: 1_700_000_000_000,
  source,
  tags: ['ontology'],
  note: 'read §3',
};

describe('isArxivId', () => {
  it('accepts 4- and 5-digit numbers, rejects versions and junk', () => {
    expect(isArxivId('2508.19428')).toBe(true);
    expect(isArxivId('1506.0313')).toBe(true);
    expect(isArxivId('2508.19428v2')).toBe(false);
    expect(isArxivId('cs/0101001')).toBe(false);
    expect(isArxivId(' 2508.19428')).toBe(false);
    expect(isArxivId(2508.19428)).toBe(false);
  });
});

describe('normalizeSaved', () => {
  it('keeps a current record as it is', () => {
    expect(normalizeSaved(goodSaved)).toEqual(goodSaved);
  });

  it('upgrades a record without schema, tags or note (pre-schema) to the current schema', () => {
    const { schema: _s, tags: _t, note: _n, ...old } = goodSaved;
    const rec = normalizeSaved(old);
    expect(rec).toMatchObject({ schema: RECORD_SCHEMA, id: '2508.19428', tags: [], note: '' });
  });

  it('fills defaults for missing authors and links (links come from the id)', () => {
    const { authors: _a, links: _l, ...rest } = goodSaved;
    const rec = normalizeSaved(rest);
    expect(rec?.authors).toEqual([]);
    expect(rec?.links).toEqual({
      hf: 'https://huggingface.co/papers/2508.19428',
      arxiv: 'https://arxiv.org/abs/2508.19428',
      pdf: 'https://arxiv.org/pdf/2508.19428',
    });
  });

  it('rejects records whose required fields are missing or mistyped', () => {
    const broken: unknown[] = [
      null,
      undefined,
      'a string',
      [goodSaved],
      { ...goodSaved, id: 'not-an-id' },
      { ...goodSaved, id: '2508.19428v1' },
      { ...goodSaved, title: 42 },
      { ...goodSaved, savedAt: 'yesterday' },
      { ...goodSaved, savedAt: Number.NaN },
      { ...goodSaved, source: undefined },
      { ...goodSaved, source: { url: 'x', kind: 'nonsense' } },
      { ...goodSaved, authors: 'A. Author' },
      { ...goodSaved, authors: [1, 2] },
      { ...goodSaved, tags: 'tag' },
      { ...goodSaved, note: 7 },
      { ...goodSaved, schema: 'one' },
      { ...goodSaved, schema: -1 },
    ];
    for (const raw of broken) expect(normalizeSaved(raw), JSON.stringify(raw)).toBeNull();
  });

  it('drops mistyped optional snapshot fields instead of losing the paper', () => {
    const rec = normalizeSaved({ ...goodSaved, upvotes: 'many', abstract: {}, keywords: [1], date: 20260101 });
    expect(rec).not.toBeNull();
    expect(rec).not.toHaveProperty('upvotes');
    expect(rec).not.toHaveProperty('abstract');
    expect(rec).not.toHaveProperty('keywords');
    expect(rec).not.toHaveProperty('date');
    expect(rec?.note).toBe('read §3');
  });

  it('returns fresh arrays (no aliasing of the stored value)', () => {
    const raw = structuredClone(goodSaved);
    const rec = normalizeSaved(raw);
    rec?.tags.push('x');
    expect(raw.tags).toEqual(['ontology']);
  });
});

describe('normalizeHidden', () => {
  const goodHidden = { schema: 1, id: '2410.24210', title: 'A paper', reason: 'topic:robotics', hiddenAt: 5, source };

  it('keeps a current record', () => {
    expect(normalizeHidden(goodHidden)).toEqual(goodHidden);
  });

  it('upgrades a pre-schema record without a reason to a manual hide', () => {
    const { schema: _s, reason: _r, ...old } = goodHidden;
    expect(normalizeHidden(old)).toMatchObject({ schema: RECORD_SCHEMA, reason: 'manual' });
  });

  it('rejects bad reasons, ids and timestamps', () => {
    expect(normalizeHidden({ ...goodHidden, reason: 'because' })).toBeNull();
    expect(normalizeHidden({ ...goodHidden, reason: 'topic:' })).toBeNull();
    expect(normalizeHidden({ ...goodHidden, id: '../etc' })).toBeNull();
    expect(normalizeHidden({ ...goodHidden, hiddenAt: null })).toBeNull();
    expect(normalizeHidden({ ...goodHidden, title: ['x'] })).toBeNull();
    expect(normalizeHidden(42)).toBeNull();
  });
});
