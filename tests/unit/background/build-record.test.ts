import { describe, expect, it } from 'vitest';
import { buildHiddenRecord, buildSavedRecord, LIMITS, safeGithubUrl } from '../../../entrypoints/background/build-record';
import { normalizeSaved } from '../../../utils/storage/record-migrations';
import { RECORD_SCHEMA } from '../../../utils/storage/records';
import { DAILY, paper, TRENDING } from './sample';

describe('buildSavedRecord', () => {
  it('builds a new record with links from the id, empty tags and note', () => {
    const rec = buildSavedRecord({ ...paper(0), githubUrl: 'https://github.com/BelyaevaAlex/LLMs4OL' }, DAILY, 1234);
    expect(rec).toMatchObject({
      schema: RECORD_SCHEMA,
      id: '2508.19428',
      title: paper(0).title,
      authors: ['Aleksandra Beliaeva', 'Temurbek Rahmatullaev'],
      upvotes: 186,
      savedAt: 1234,
      source: DAILY,
      tags: [],
      note: '',
      links: {
        hf: 'https://huggingface.co/papers/2508.19428',
        arxiv: 'https://arxiv.org/abs/2508.19428',
        pdf: 'https://arxiv.org/pdf/2508.19428',
        github: 'https://github.com/BelyaevaAlex/LLMs4OL',
      },
    });
    // What we store is what we read back.
    expect(normalizeSaved(rec)).toEqual(rec);
  });

  it('saving again keeps tags, note and savedAt and refreshes the snapshot', () => {
    const first = { ...buildSavedRecord(paper(0), DAILY, 1000), tags: ['nlp'], note: 'important' };
    const again = buildSavedRecord({ ...paper(0), title: 'New title', upvotes: 500 }, TRENDING, 9000, first);
    expect(again).toMatchObject({ title: 'New title', upvotes: 500, source: TRENDING, savedAt: 1000, tags: ['nlp'], note: 'important' });
    // A copy, so later edits of one record cannot leak into the other.
    expect(again.tags).not.toBe(first.tags);
  });

  it('drops snapshot fields the page no longer reports', () => {
    const first = buildSavedRecord({ ...paper(0), organization: 'Lab' }, DAILY, 1000);
    const again = buildSavedRecord(paper(0), DAILY, 2000, first);
    expect(again).not.toHaveProperty('organization');
  });

  it('stores hostile text literally', () => {
    const title = '</title><script>alert(document.cookie)</script>';
    const rec = buildSavedRecord({ ...paper(0), title, authors: ['<b onmouseover=x>A</b>'] }, DAILY, 1);
    expect(rec.title).toBe(title);
    expect(rec.authors).toEqual(['<b onmouseover=x>A</b>']);
  });

  it('clamps absurd sizes', () => {
    const rec = buildSavedRecord(
      {
        ...paper(0),
        title: 'T'.repeat(50_000),
        abstract: 'A'.repeat(1_000_000),
        authors: Array.from({ length: 10_000 }, (_, i) => `Author ${i} ${'x'.repeat(1000)}`),
        keywords: Array.from({ length: 5_000 }, () => 'k'.repeat(5_000)),
      },
      { url: `https://huggingface.co/papers?q=${'q'.repeat(100_000)}`, kind: 'search' },
      1,
    );
    expect(rec.title).toHaveLength(LIMITS.title);
    expect(rec.title).toHaveLength(2_000);
    expect(rec.abstract).toHaveLength(20_000);
    expect(rec.authors).toHaveLength(500);
    expect(rec.authors[0]?.startsWith('Author 0 ')).toBe(true);
    expect(rec.authors.every((a) => a.length <= LIMITS.author)).toBe(true);
    expect(rec.keywords?.length).toBeLessThanOrEqual(LIMITS.keywords);
    expect(rec.keywords?.every((k) => k.length <= LIMITS.keyword)).toBe(true);
    expect(rec.source.url.length).toBeLessThanOrEqual(LIMITS.url);
    expect(JSON.stringify(rec).length).toBeLessThan(300_000);
  });

  it('keeps only ISO dates', () => {
    expect(buildSavedRecord({ ...paper(0), date: '2025-08-26' }, DAILY, 1).date).toBe('2025-08-26');
    expect(buildSavedRecord({ ...paper(0), date: 'yesterday' }, DAILY, 1)).not.toHaveProperty('date');
  });
});

describe('safeGithubUrl', () => {
  it('keeps https GitHub links only', () => {
    expect(safeGithubUrl('https://github.com/a/b')).toBe('https://github.com/a/b');
    expect(safeGithubUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeGithubUrl('http://github.com/a/b')).toBeUndefined();
    expect(safeGithubUrl('https://github.com.evil.example/a')).toBeUndefined();
    expect(safeGithubUrl('https://evil.example/?github.com')).toBeUndefined();
    expect(safeGithubUrl('not a url')).toBeUndefined();
    expect(safeGithubUrl(undefined)).toBeUndefined();
  });
});

describe('buildHiddenRecord', () => {
  it('builds a hidden record with reason and time', () => {
    expect(buildHiddenRecord('2410.24210', 'Title', 'topic:robotics', DAILY, 77)).toEqual({
      schema: RECORD_SCHEMA,
      id: '2410.24210',
      title: 'Title',
      reason: 'topic:robotics',
      hiddenAt: 77,
      source: DAILY,
    });
  });

  it('hiding again keeps hiddenAt; a topic hide never replaces a manual one, but the other way round works', () => {
    const manual = buildHiddenRecord('2410.24210', 'T', 'manual', DAILY, 1);
    expect(buildHiddenRecord('2410.24210', 'T', 'topic:x', DAILY, 2, manual)).toMatchObject({ reason: 'manual', hiddenAt: 1 });
    const topic = buildHiddenRecord('2410.24210', 'T', 'topic:x', DAILY, 1);
    expect(buildHiddenRecord('2410.24210', 'T', 'manual', DAILY, 2, topic)).toMatchObject({ reason: 'manual', hiddenAt: 1 });
    expect(buildHiddenRecord('2410.24210', 'T', 'topic:y', DAILY, 2, topic).reason).toBe('topic:y');
  });

  it('clamps the title', () => {
    expect(buildHiddenRecord('2410.24210', 'x'.repeat(10_000), 'manual', DAILY, 1).title).toHaveLength(2_000);
  });
});
