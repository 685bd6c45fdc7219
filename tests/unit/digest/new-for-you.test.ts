import { describe, expect, it } from 'vitest';
import apiDaily from '../../fixtures/api-daily_papers.json';
import { mergeDay, newestFirst, parseDailyPapers, type DigestPaper } from '../../../utils/digest/daily-api';
import { badgeText, matchDigest, unseenOnly } from '../../../utils/digest/new-for-you';
import type { Topic } from '../../../utils/topics/types';

const FIXTURE = JSON.stringify(apiDaily);
const DAY = '2026-11-27';

const topic = (over: Partial<Topic>): Topic => ({
  id: 't',
  name: 'T',
  colour: '#3b82f6',
  terms: [],
  exclusions: [],
  fields: ['title', 'abstract', 'keywords', 'authors', 'organization'],
  mode: 'highlight',
  createdAt: 1,
  ...over,
});

const none = { seen: new Set<string>(), saved: new Set<string>(), hidden: new Set<string>() };

function papers(): DigestPaper[] {
  const parsed = parseDailyPapers(FIXTURE, DAY);
  if (!parsed.ok) throw new Error(parsed.error);
  return newestFirst(parsed.papers);
}

describe('reading the Daily Papers API', () => {
  it('reads the recorded answer: every entry, with title, abstract, keywords and authors', () => {
    const list = papers();
    expect(list).toHaveLength(27);
    const p = list.find((x) => x.id === '2508.19428')!;
    expect(p.title).toMatch(/^Heterogeneous LLM Methods for Ontology Learning/);
    expect(p.authors).toContain('Aleksandra Beliaeva');
    expect(p.keywords?.length).toBeGreaterThan(0);
    expect(p.abstract?.length).toBeGreaterThan(100);
    expect(p.day).toBe(DAY);
  });

  it('refuses what is not JSON, not a list, or a list of nothing readable', () => {
    expect(parseDailyPapers('<html>', DAY)).toMatchObject({ ok: false, error: expect.stringMatching(/not JSON/) });
    expect(parseDailyPapers('{"error":"x"}', DAY)).toMatchObject({ ok: false, error: expect.stringMatching(/not a list/) });
    expect(parseDailyPapers('[{"paper":{"id":"nope"}}]', DAY)).toMatchObject({ ok: false });
    expect(parseDailyPapers('[]', DAY)).toEqual({ ok: true, papers: [] });
  });

  it('orders newest first: by day, then publication date', () => {
    const list = papers();
    const dates = list.map((p) => p.date ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('a day checked again replaces its papers; other recent days stay; old days go; no paper twice', () => {
    const a: DigestPaper = { id: '2601.00001', title: 'A', authors: [], day: '2026-12-01' };
    const b: DigestPaper = { id: '2601.00002', title: 'B', authors: [], day: '2026-12-05' };
    const old: DigestPaper = { id: '2601.00003', title: 'Old', authors: [], day: '2026-11-01' };
    const again = { ...a, day: '2026-12-06' };
    const merged = mergeDay([b, a, old], '2026-12-06', [again, { id: '2601.00004', title: 'C', authors: [], day: '2026-12-06' }]);
    expect(merged.map((p) => `${p.id}@${p.day}`)).toEqual(['2601.00001@2026-12-06', '2601.00004@2026-12-06', '2601.00002@2026-12-05']);
    expect(mergeDay(merged, '2026-12-06', [])).toEqual([b]);
  });
});

describe('new for you (the badge count)', () => {
  const ensemble = topic({ id: 'ens', name: 'ensemble', terms: ['ensembl*'] });

  it('lists papers matching a highlighted topic, with chips saying which words matched where', () => {
    const items = matchDigest(papers(), [ensemble], 'highlight-wins');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.chips[0]).toMatchObject({ name: 'ensemble', colour: '#3b82f6' });
      expect(item.chips[0]!.detail).toMatch(/ensembl/i);
    }
    // Exactly the papers the matcher finds "ensembl" in
    const expected = papers().filter((p) => /\bensembl/i.test([p.title, p.abstract, ...(p.keywords ?? [])].join(' ')));
    expect(items.map((i) => i.id)).toEqual(expected.map((p) => p.id));
  });

  it('counts nothing without highlighted topics (muted topics never count)', () => {
    expect(matchDigest(papers(), [], 'highlight-wins')).toEqual([]);
    expect(matchDigest(papers(), [{ ...ensemble, mode: 'mute' }], 'highlight-wins')).toEqual([]);
  });

  it('a paper the pages mute does not count; with "highlight wins" a paper matching both does, as on the pages', () => {
    const all = matchDigest(papers(), [ensemble], 'highlight-wins');
    const first = all[0]!;
    const mute = topic({ id: 'm', name: 'muted', mode: 'mute', terms: [`"${first.title.split(' ').slice(0, 2).join(' ')}"`], fields: ['title'] });
    const withMute = [ensemble, mute];
    expect(matchDigest(papers(), withMute, 'mute-wins').map((p) => p.id)).not.toContain(first.id);
    expect(matchDigest(papers(), withMute, 'highlight-wins').map((p) => p.id)).toContain(first.id);
  });

  it('leaves out what was seen, saved or hidden', () => {
    const items = matchDigest(papers(), [ensemble], 'highlight-wins');
    expect(items.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = items.map((i) => i.id);
    const left = unseenOnly(items, { seen: new Set([a!]), saved: new Set([b!]), hidden: new Set([c!]) });
    expect(left.map((i) => i.id)).toEqual(items.slice(3).map((i) => i.id));
    expect(unseenOnly(items, none)).toEqual(items);
  });

  it('shows no badge for zero, the count otherwise, 99+ past 99', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-1)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });
});
