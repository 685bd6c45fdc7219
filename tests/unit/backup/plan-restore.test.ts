import { describe, expect, it } from 'vitest';
import { mergeSavedPaper, planRestore } from '../../../utils/backup/plan-restore';
import { paper } from '../export/paper-fixtures';
import { hidden } from './backup-fixtures';

describe('planRestore', () => {
  it('adds new papers, merges changed ones, skips identical ones, and summarises', () => {
    const same = paper('2501.00001', { tags: ['a'] });
    const mine = paper('2501.00002', { tags: ['a', 'b'], note: 'short' });
    const theirs = paper('2501.00002', { tags: ['b', 'c'], note: 'short, then longer' });
    const fresh = [paper('2501.00003'), paper('2501.00004')];
    const plan = planRestore(
      { saved: [same, mine], hidden: [hidden('2507.00001')] },
      { saved: [structuredClone(same), theirs, ...fresh], hidden: [hidden('2507.00001'), hidden('2507.00002')] },
    );
    expect(plan.add).toEqual(fresh);
    expect(plan.update).toEqual([{ ...mine, tags: ['a', 'b', 'c'], note: 'short, then longer' }]);
    expect(plan.skip).toEqual([{ id: '2501.00001', reason: 'already identical' }]);
    expect(plan.hiddenAdd).toEqual([hidden('2507.00002')]);
    expect(plan.summary).toBe('2 new, 1 updated, 1 skipped because already identical; 1 hidden paper added');
  });

  it('treats key order as irrelevant when comparing records', () => {
    const p = paper('2501.00001', { tags: ['x'] });
    const reordered = Object.fromEntries(Object.entries(p).reverse()) as typeof p;
    expect(planRestore({ saved: [p], hidden: [] }, { saved: [reordered], hidden: [] }).skip).toEqual([{ id: p.id, reason: 'already identical' }]);
  });

  it('skips a backup copy that adds nothing after merging, and names each reason in the summary', () => {
    const mine = paper('2501.00001', { tags: ['a', 'b'], note: 'a long note', savedAt: 100 });
    const older = paper('2501.00001', { tags: ['b'], note: 'short', savedAt: 200 });
    const dup = paper('2501.00002');
    const plan = planRestore({ saved: [mine, dup], hidden: [] }, { saved: [older, dup, dup], hidden: [] });
    expect(plan.update).toEqual([]);
    expect(plan.skip).toEqual([
      { id: '2501.00001', reason: 'already up to date' },
      { id: '2501.00002', reason: 'already identical' },
      { id: '2501.00002', reason: 'listed twice in the backup' },
    ]);
    expect(plan.summary).toBe('0 new, 0 updated, 3 skipped because 1 already up to date, 1 already identical, 1 listed twice in the backup');
  });

  it('is pure: inputs are not modified', () => {
    const current = { saved: [paper('2501.00001', { tags: ['a'] })], hidden: [] };
    const backup = { saved: [paper('2501.00001', { tags: ['b'] })], hidden: [hidden('2507.00001')] };
    const before = structuredClone({ current, backup });
    planRestore(current, backup);
    expect({ current, backup }).toEqual(before);
  });

  it('handles 10,000 papers', () => {
    const saved = Array.from({ length: 10_000 }, (_, i) => paper(`2501.${String(10000 + i)}`));
    const plan = planRestore({ saved: saved.slice(0, 5000), hidden: [] }, { saved, hidden: [] });
    expect(plan.summary).toBe('5000 new, 0 updated, 5000 skipped because already identical');
  });
});

describe('mergeSavedPaper', () => {
  const base = paper('2501.00001', { tags: ['a'], note: 'mine', savedAt: 500, upvotes: 10 });

  it('keeps the longer note; on equal length the library note', () => {
    expect(mergeSavedPaper(base, { ...base, note: 'their longer note' }).note).toBe('their longer note');
    expect(mergeSavedPaper(base, { ...base, note: 'ours' }).note).toBe('mine');
    expect(mergeSavedPaper(base, { ...base, note: 'm' }).note).toBe('mine');
    expect(mergeSavedPaper({ ...base, note: '' }, base).note).toBe('mine');
  });

  it('keeps the union of tags, library order first', () => {
    expect(mergeSavedPaper({ ...base, tags: ['b', 'a'] }, { ...base, tags: ['c', 'a', 'd'] }).tags).toEqual(['b', 'a', 'c', 'd']);
  });

  it('keeps the earlier save time with its source, and the higher upvote count', () => {
    const earlier = { ...base, savedAt: 100, source: { url: 'https://huggingface.co/papers/trending', kind: 'trending' as const }, upvotes: 3 };
    const merged = mergeSavedPaper(base, earlier);
    expect(merged.savedAt).toBe(100);
    expect(merged.source).toEqual(earlier.source);
    expect(merged.upvotes).toBe(10);
  });

  it('fills optional fields the library copy lacks, never overwrites title, authors or links', () => {
    const theirs = {
      ...base, title: 'Other title', authors: ['X'], abstract: 'Abstract', organization: 'Org', date: '2025-01-02', keywords: ['k'],
      links: { ...base.links, hf: 'https://huggingface.co/papers/other', github: 'https://github.com/o/r' },
    };
    const merged = mergeSavedPaper(base, theirs);
    expect(merged).toEqual({
      ...base, abstract: 'Abstract', organization: 'Org', date: '2025-01-02', keywords: ['k'],
      links: { ...base.links, github: 'https://github.com/o/r' },
    });
  });
});
