import { describe, expect, it } from 'vitest';
import { compileTopics } from '../../../utils/topics/compile';
import { fieldText } from '../../../utils/topics/fields';
import { naiveMatch } from '../../../utils/topics/naive';
import type { MatchableText, Topic } from '../../../utils/topics/types';
import raw from '../../fixtures/api-daily_papers.json?raw';

interface ApiEntry {
  paper: {
    title: string;
    summary: string;
    ai_keywords?: string[];
    authors?: Array<{ name: string }>;
    organization?: { fullname: string };
  };
}

const papers: MatchableText[] = (JSON.parse(raw) as ApiEntry[]).map(({ paper }) => ({
  title: paper.title,
  abstract: paper.summary,
  keywords: paper.ai_keywords,
  authors: paper.authors?.map((a) => a.name),
  organization: paper.organization?.fullname,
}));

const topic = (id: string, terms: string[], fields: Topic['fields'] = ['title', 'abstract', 'keywords']): Topic => ({
  id,
  name: id,
  colour: '#3b82f6',
  terms,
  exclusions: [],
  fields,
  mode: 'highlight',
  createdAt: 0,
});

/** Deterministic topics from the corpus: single words, 2-word phrases and absent words. */
function corpusTopics(): Topic[] {
  const topics: Topic[] = [];
  papers.forEach((paper, p) => {
    const words = paper.abstract!.toLowerCase().match(/[a-z]{3,}/g)!;
    const terms = [words[(p * 7) % words.length]!, `${words[p % words.length]} ${words[(p % words.length) + 1]}`, `zzq${p}word`];
    topics.push(topic(`p${p}`, terms));
  });
  return topics;
}

describe('daily fixture corpus', () => {
  it('has the 27 papers with abstracts', () => {
    expect(papers).toHaveLength(27);
    for (const p of papers) expect(p.abstract!.length).toBeGreaterThan(200);
  });

  it('compileTopics and naiveMatch give the same topic sets (and hits) on every abstract', () => {
    const topics = corpusTopics();
    const matcher = compileTopics(topics);
    let matched = 0;
    for (const paper of papers) {
      const compiled = matcher.match(paper);
      const naive = naiveMatch(topics, paper);
      expect(compiled.map((m) => m.topicId).sort()).toEqual(naive.map((m) => m.topicId).sort());
      expect(compiled).toEqual(naive);
      matched += compiled.length;
    }
    expect(matched).toBeGreaterThan(27); // each paper matches at least its own topic, most match several
  });

  it('every paper matches the topic built from its own abstract, never via the absent word', () => {
    const topics = corpusTopics();
    const matcher = compileTopics(topics);
    papers.forEach((paper, p) => {
      const own = matcher.match(paper).find((m) => m.topicId === `p${p}`);
      expect(own).toBeDefined();
      expect(own!.hits.some((h) => h.term.startsWith('zzq'))).toBe(false);
    });
  });

  it('hit offsets slice the original field to the matched words', () => {
    const matcher = compileTopics([
      topic('w', ['attention', 'retrieval-augmented generation', 'large language model', 'benchmark*'], [
        'title',
        'abstract',
        'keywords',
        'authors',
      ]),
    ]);
    let hits = 0;
    for (const paper of papers) {
      for (const m of matcher.match(paper)) {
        for (const h of m.hits) {
          const slice = fieldText(paper, h.field).slice(h.start, h.end).toLowerCase().replace(/[\s-]+/g, ' ');
          if (h.term === 'benchmark*') expect(slice.startsWith('benchmark')).toBe(true);
          else expect(slice.startsWith(h.term.replace(/-/g, ' '))).toBe(true); // plural "s" may follow
          hits++;
        }
      }
    }
    expect(hits).toBeGreaterThan(20);
  });

  it('a title-weighted topic ranks above an abstract-only one on a real paper', () => {
    const paper = papers.find((p) => /attention/i.test(p.title!) && /retrieval/i.test(p.abstract!))!;
    expect(paper).toBeDefined();
    const result = compileTopics([topic('abs', ['retrieval'], ['abstract']), topic('title', ['attention'], ['title'])]).match(paper);
    expect(result.map((m) => m.topicId)).toEqual(['title', 'abs']);
  });
});
