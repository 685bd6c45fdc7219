import { describe, expect, it } from 'vitest';
import { localDay, localDayEnd, localDayStart } from '../../../utils/library/dates';
import { LibrarySearch } from '../../../utils/library/search-index';
import { comparatorFor, filterProblem, NO_FILTERS, selectPapers, tagCounts } from '../../../utils/library/select-papers';
import type { SavedPaper } from '../../../utils/storage/records';
import { ALL_SAVED, noon, saved } from './records';

const ids = (ps: readonly SavedPaper[]) => ps.map((p) => p.id);
const hitIds = (hits: Map<string, number> | null) => (hits ? [...hits.keys()].sort() : null);
/** The best hit: fuzzy and prefix hits also bring in near words, ranked lower. */
const best = (hits: Map<string, number> | null) => (hits ? [...hits].sort((a, b) => b[1] - a[1])[0]?.[0] : undefined);

describe('LibrarySearch', () => {
  const records = ALL_SAVED();
  const search = new LibrarySearch(records);

  it('finds a paper by a title word, prefix as you type, and forgives typos', () => {
    expect(best(search.search('Pointer'))).toBe('1506.03134');
    // Typed halfway: a prefix.
    expect(hitIds(search.search('Poin'))).toContain('1506.03134');
    // Typos: a missing letter, a wrong letter, a swapped pair in a long word.
    expect(best(search.search('Pointr networks'))).toBe('1506.03134');
    expect(best(search.search('Titams'))).toBe('2501.00663');
    expect(best(search.search('tabluar'))).toBe('2410.24210');
    expect(search.search('Titans')?.has('1506.03134')).toBe(false);
    // Short words must be exact or a prefix ("rnn" finds "RNNs"); a typo in them finds nothing.
    expect(hitIds(search.search('rnn'))).toEqual(['2405.13956', '2504.13173']);
    expect(search.search('rnm')?.size).toBe(0);
  });

  it('needs every word (AND), ignores case and accents', () => {
    const both = hitIds(search.search('ensemble tabular'));
    expect(both).toEqual(['2410.24210']);
    const s = new LibrarySearch([saved(0, { title: 'Schrödinger Bridges' })]);
    expect(hitIds(s.search('schrodinger'))).toEqual([records[0]!.id]);
    expect(hitIds(s.search('SCHRÖDINGER'))).toEqual([records[0]!.id]);
  });

  it('searches authors, tags and notes, and follows edits and removals', () => {
    const s = new LibrarySearch(records);
    expect(best(s.search('Beliaeva'))).toBe('2508.19428');
    expect(s.search('zebrafish')?.size).toBe(0);
    s.upsert({ ...records[3]!, tags: ['zebrafish'] });
    expect(hitIds(s.search('zebrafish'))).toEqual([records[3]!.id]);
    s.upsert({ ...records[3]!, tags: [], note: 'Read the zebrafish section again' });
    expect(hitIds(s.search('zebrafish'))).toEqual([records[3]!.id]);
    s.remove(records[3]!.id);
    expect(s.search('zebrafish')?.size).toBe(0);
    expect(s.size).toBe(records.length - 1);
  });

  it('sync re-indexes only what changed and drops what is gone', () => {
    const s = new LibrarySearch(records);
    const edited = { ...records[1]!, note: 'quokka' };
    const next = [edited, ...records.slice(2)];
    expect(s.sync(next)).toBe(2); // one edited, one removed
    expect(hitIds(s.search('quokka'))).toEqual([edited.id]);
    expect(s.search('Heterogeneous')?.size).toBe(0);
    expect(s.sync(next)).toBe(0);
  });

  it('a query with no words (or only common ones, or one letter so far) is no filter', () => {
    expect(search.search('')).toBeNull();
    expect(search.search('   ')).toBeNull();
    expect(search.search(' -- ')).toBeNull();
    expect(search.search('the of and')).toBeNull();
    expect(search.search('P')).toBeNull();
    // A trailing letter after a word is still being typed: the word alone decides.
    expect(hitIds(search.search('Titans T'))).toEqual(hitIds(search.search('Titans')));
  });

  it('ignores common words in queries instead of letting them match everything', () => {
    expect(best(search.search('the pointer networks'))).toBe('1506.03134');
  });
});

describe('selectPapers', () => {
  const records = ALL_SAVED();

  it('lists everything newest saved first by default', () => {
    const out = selectPapers(records, NO_FILTERS, 'saved', { hits: null });
    expect(ids(out)).toEqual(ids([...records].reverse()));
  });

  it('filters by tag, case-insensitively', () => {
    const tagged = records.map((r, i) => (i % 5 === 0 ? { ...r, tags: ['To-Read'] } : r));
    const out = selectPapers(tagged, { ...NO_FILTERS, tag: 'to-read' }, 'saved', { hits: null });
    expect(ids(out)).toEqual([25, 20, 15, 10, 5, 0].map((i) => records[i]!.id));
  });

  it('filters by the day range saved (inclusive, local days)', () => {
    // saved(i) is saved on 2026-01-(i+1).
    const out = selectPapers(records, { ...NO_FILTERS, savedFrom: '2026-01-03', savedTo: '2026-01-05' }, 'saved', { hits: null });
    expect(ids(out)).toEqual([records[4]!.id, records[3]!.id, records[2]!.id]);
    const open = selectPapers(records, { ...NO_FILTERS, savedFrom: '2026-01-26' }, 'saved', { hits: null });
    expect(ids(open)).toEqual([records[26]!.id, records[25]!.id]);
    const until = selectPapers(records, { ...NO_FILTERS, savedTo: '2026-01-01' }, 'saved', { hits: null });
    expect(ids(until)).toEqual([records[0]!.id]);
  });

  it('filters by topic with the ids the caller computes', () => {
    const topicIdsOf = (p: SavedPaper) => (p.title.includes('Attention') ? ['attn'] : []);
    const out = selectPapers(records, { ...NO_FILTERS, topicId: 'attn' }, 'saved', { hits: null, topicIdsOf });
    expect(out.length).toBeGreaterThan(5);
    expect(out.every((p) => p.title.includes('Attention'))).toBe(true);
    expect(selectPapers(records, { ...NO_FILTERS, topicId: 'none' }, 'saved', { hits: null, topicIdsOf })).toEqual([]);
  });

  it('sorts by publication date and by upvotes, unknown values last', () => {
    const noDate = { ...records[0]!, date: undefined };
    delete noDate.date;
    const list = [noDate, ...records.slice(1)];
    const byDate = selectPapers(list, NO_FILTERS, 'published', { hits: null });
    expect(byDate[0]!.id).toBe('2510.24606'); // 2025-10-28, the newest
    expect(byDate.at(-1)!.id).toBe(noDate.id);
    const dates = byDate.slice(0, -1).map((p) => p.date!);
    expect(dates).toEqual([...dates].sort().reverse());

    const byVotes = selectPapers(records, NO_FILTERS, 'upvotes', { hits: null });
    expect(byVotes.map((p) => p.upvotes)).toEqual(records.map((p) => p.upvotes).sort((a, b) => b! - a!));
  });

  it('combines search hits with filters, and sorts by best match', () => {
    const s = new LibrarySearch(records);
    const hits = s.search('attention');
    const out = selectPapers(records, { ...NO_FILTERS, savedTo: '2026-01-10' }, 'relevance', { hits });
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((p) => hits!.has(p.id) && p.savedAt < noon(2026, 1, 11))).toBe(true);
    const scores = out.map((p) => hits!.get(p.id)!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Best match without a query falls back to date saved.
    expect(comparatorFor('relevance', null)(records[0]!, records[1]!)).toBeGreaterThan(0);
  });

  it('explains impossible day ranges', () => {
    expect(filterProblem({ ...NO_FILTERS, savedFrom: '2026-02-01', savedTo: '2026-01-01' })).toMatch(/after/);
    expect(filterProblem({ ...NO_FILTERS, savedFrom: '2026-02-31' })).toMatch(/not a date/);
    expect(filterProblem(NO_FILTERS)).toBeNull();
  });

  it('counts tags case-insensitively, sorted by name', () => {
    const list = [saved(0, { tags: ['RL', 'llm'] }), saved(1, { tags: ['rl'] }), saved(2, { tags: ['Agents'] })];
    expect(tagCounts(list)).toEqual([
      { tag: 'Agents', count: 1 },
      { tag: 'llm', count: 1 },
      { tag: 'RL', count: 2 },
    ]);
  });
});

describe('local days', () => {
  it('round-trips and refuses days that do not exist', () => {
    const start = localDayStart('2026-03-29')!;
    expect(localDay(start)).toBe('2026-03-29');
    expect(localDay(localDayEnd('2026-03-29')!)).toBe('2026-03-30');
    expect(localDayStart('2026-02-30')).toBeNull();
    expect(localDayStart('26-1-1')).toBeNull();
  });
});
