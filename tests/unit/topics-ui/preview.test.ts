import { describe, expect, it } from 'vitest';
import type { LastPage } from '../../../utils/storage/last-page';
import { pageLabel } from '../../../utils/topics-ui/page-label';
import { matchCountText, previewTopic } from '../../../utils/topics-ui/preview';
import type { Topic } from '../../../utils/topics/types';

const topic = (over: Partial<Topic> = {}): Topic => ({
  id: 'draft',
  name: 'Draft',
  colour: '#3b82f6',
  terms: ['attention'],
  exclusions: [],
  fields: ['title', 'abstract', 'keywords', 'authors', 'organization'],
  mode: 'highlight',
  createdAt: 0,
  ...over,
});

const page: LastPage = {
  v: 1,
  url: 'https://huggingface.co/papers/date/2026-11-27',
  at: 1,
  papers: [
    { id: '2410.11842', title: 'MoH: Multi-Head Attention as Mixture-of-Head Attention', keywords: ['multi-head attention', 'MoE'] },
    { id: '2410.24210', title: 'TabM: Tabular Deep Learning', abstract: 'We study ensembling with attention deficit in mind.' },
    { id: '2501.00663', title: 'Titans: Learning to Memorize at Test Time', abstract: 'Neural memory.' },
  ],
};

describe('previewTopic', () => {
  it('lists the matching papers with their hits per field, offsets into the field text', () => {
    const p = previewTopic(topic(), page);
    expect(p.total).toBe(3);
    expect(p.matches.map((m) => m.paper.id)).toEqual(['2410.11842', '2410.24210']);
    const moh = p.matches[0]!;
    expect(moh.fields.map((f) => f.field)).toEqual(['title', 'keywords']);
    const title = moh.fields[0]!;
    expect(title.hits.map((h) => title.text.slice(h.start, h.end))).toEqual(['Attention', 'Attention']);
    const kw = moh.fields[1]!;
    expect(kw.text).toBe('multi-head attention; MoE');
    expect(kw.hits.map((h) => kw.text.slice(h.start, h.end))).toEqual(['attention']);
    expect(matchCountText(p)).toBe('Matches 2 of 3 papers on');
    expect(p.label).toBe('huggingface.co/papers/date/2026-11-27');
  });

  it('applies exclusions and field choices like the matcher on the page', () => {
    const p = previewTopic(topic({ exclusions: ['attention deficit'] }), page);
    expect(p.matches.map((m) => m.paper.id)).toEqual(['2410.11842']);
    const titleOnly = previewTopic(topic({ fields: ['keywords'] }), page);
    expect(titleOnly.matches[0]!.fields.map((f) => f.field)).toEqual(['keywords']);
  });

  it('reports refused terms and still previews the others', () => {
    const p = previewTopic(topic({ terms: ['/(a+)+$/', 'memor*'] }), page);
    expect(p.refused).toHaveLength(1);
    expect(p.refused[0]!.term).toBe('/(a+)+$/');
    expect(p.refused[0]!.reason).toMatch(/backtrack/);
    expect(p.matches.map((m) => m.paper.id)).toEqual(['2501.00663']);
  });

  it('says paper in the singular for a one-paper page', () => {
    expect(matchCountText({ total: 1, matches: [] })).toBe('Matches 0 of 1 paper on');
  });
});

describe('pageLabel', () => {
  it('drops the scheme, www and a trailing slash, keeps the query', () => {
    expect(pageLabel('https://huggingface.co/papers/date/2026-11-27')).toBe('huggingface.co/papers/date/2026-11-27');
    expect(pageLabel('https://www.huggingface.co/papers/')).toBe('huggingface.co/papers');
    expect(pageLabel('https://huggingface.co/papers?q=attention')).toBe('huggingface.co/papers?q=attention');
    expect(pageLabel('not a url')).toBe('not a url');
  });
});
