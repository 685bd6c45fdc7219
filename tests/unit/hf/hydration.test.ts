import { describe, expect, it } from 'vitest';
import dailyHtml from '../../fixtures/daily-2026.html?raw';
import trendingHtml from '../../fixtures/trending-2026.html?raw';
import searchHtml from '../../fixtures/search-2026.html?raw';
import paperHtml from '../../fixtures/paper-2026.html?raw';
import { readHydration } from '../../../utils/hf/hydration';

function load(html: string): Document {
  return new DOMParser().parseFromString(html.replace(/<link rel="stylesheet"[^>]*>/g, ''), 'text/html');
}

/** A document whose single hydration island carries `props` verbatim (already attribute-escaped by the DOM). */
function withProps(props: string): Document {
  const doc = new DOMParser().parseFromString('<html><body><div data-target="DailyPapers"></div></body></html>', 'text/html');
  doc.querySelector('div')!.setAttribute('data-props', props);
  return doc;
}

describe('readHydration on the fixtures', () => {
  it('daily: 27 hints in page order with full names, org, counts, repo, date', () => {
    const hints = readHydration(load(dailyHtml));
    expect(hints.size).toBe(27);
    expect([...hints.keys()].slice(0, 3)).toEqual(['2508.19428', '2410.17396', '2410.24210']);
    expect(hints.get('2508.19428')).toMatchObject({
      title:
        'Heterogeneous LLM Methods for Ontology Learning (Few-Shot Prompting, Ensemble Typing, and Attention-Based Taxonomies)',
      authors: ['Aleksandra Beliaeva', 'Temurbek Rahmatullaev'],
      upvotes: 186,
      comments: 0,
      githubUrl: 'https://github.com/BelyaevaAlex/LLMs4OL-Challenge-Alexbek',
      date: '2025-08-26',
    });
    expect(hints.get('2508.19428')!.abstract!.startsWith('We present a comprehensive system for addressing Tasks A, B, and C')).toBe(true);
    expect(hints.get('2508.19428')!.keywords).toContain('ontology learning');
    expect(hints.get('2508.19428')!.organization).toBeUndefined();
    expect(hints.get('2409.14595')).toMatchObject({ organization: "Huawei Noah's Ark Lab", upvotes: 10, comments: 5 });
  });

  it('trending: org from the paper, comment count from the entry', () => {
    const hints = readHydration(load(trendingHtml));
    expect(hints.size).toBe(12);
    expect(hints.get('2609.18063')).toMatchObject({
      organization: 'Edge0',
      upvotes: 25,
      comments: 4,
      githubUrl: 'https://github.com/Edge0-AI/edge0',
      date: '2026-09-16', // paper.publishedAt, not the entry's 2026-09-15T20:00Z
    });
  });

  it('search: searchResults entries', () => {
    const hints = readHydration(load(searchHtml));
    expect(hints.size).toBe(27);
    expect(hints.get('2410.11842')).toMatchObject({ organization: 'Skywork', upvotes: 2, date: '2024-10-15' });
    expect(hints.get('2410.11842')!.comments).toBeUndefined();
  });

  it('paper page: PaperContent props, comments counted from the comment list', () => {
    const hints = readHydration(load(paperHtml));
    expect([...hints.keys()]).toEqual(['2410.24210']);
    expect(hints.get('2410.24210')).toMatchObject({
      title: 'TabM: Advancing Tabular Deep Learning with Parameter-Efficient Ensembling',
      authors: ['Yury Gorishniy', 'Akim Kotelnikov', 'Artem Babenko'],
      organization: 'Yandex',
      upvotes: 37,
      comments: 2,
      date: '2024-10-31',
    });
  });
});

describe('readHydration on bad input', () => {
  it('malformed or truncated data-props → empty map, no throw', () => {
    const truncated = dailyHtml.replace(/data-target="DailyPapers" data-props="([^"]{0,5000})[^"]*"/, 'data-target="DailyPapers" data-props="$1"');
    expect(truncated).not.toBe(dailyHtml);
    expect(readHydration(load(truncated)).size).toBe(0);
    for (const props of ['{', '{"dailyPapers": [ {"paper": {"id": "2501.00001"', 'not json', '', 'null', '42', '"str"', '[]']) {
      expect(() => readHydration(withProps(props))).not.toThrow();
      expect(readHydration(withProps(props)).size).toBe(0);
    }
  });

  it('wrongly typed values are skipped, good entries kept', () => {
    const props = JSON.stringify({
      dailyPapers: [
        null,
        5,
        { paper: 'x' },
        { paper: { id: 2501, title: 'numeric id' } },
        { paper: { id: '../../etc', title: 'bad id' } },
        { paper: { id: '2501.00001' } }, // no title
        {
          paper: {
            id: '2501.00002v3',
            title: '  Good\n paper ',
            authors: [{ name: 'A. One' }, { name: 7 }, 'x', { name: 'Hidden', hidden: true }, { user: { fullname: 'B. Two' } }],
            upvotes: 'many',
            githubRepo: 'javascript:alert(1)',
            ai_keywords: ['kw', 3, ''],
            publishedAt: 'yesterday',
            organization: { fullname: 42 },
          },
          numComments: -1,
        },
      ],
      searchResults: 'nope',
    });
    const hints = readHydration(withProps(props));
    expect([...hints.keys()]).toEqual(['2501.00002']);
    expect(hints.get('2501.00002')).toEqual({
      id: '2501.00002',
      title: 'Good paper',
      authors: ['A. One', 'B. Two'],
      keywords: ['kw'],
    });
  });

  it('reads every island and keeps the first entry per id', () => {
    const doc = new DOMParser().parseFromString('<div id="a"></div><div id="b"></div><div id="c"></div>', 'text/html');
    doc.getElementById('a')!.setAttribute('data-props', '{broken');
    doc.getElementById('b')!.setAttribute('data-props', JSON.stringify({ dailyPapers: [{ paper: { id: '2501.00001', title: 'First' } }] }));
    doc.getElementById('c')!.setAttribute('data-props', JSON.stringify({ paper: { id: '2501.00001', title: 'Second' } }));
    const hints = readHydration(doc);
    expect(hints.size).toBe(1);
    expect(hints.get('2501.00001')!.title).toBe('First');
  });

  it('a page without islands → empty map', () => {
    expect(readHydration(new DOMParser().parseFromString('<p>hi</p>', 'text/html')).size).toBe(0);
  });
});
