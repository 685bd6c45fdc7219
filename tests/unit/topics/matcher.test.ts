import { describe, expect, it } from 'vitest';
import { compileTopics } from '../../../utils/topics/compile';
import { FIELD_JOINER } from '../../../utils/topics/fields';
import type { MatchableText, Topic, TopicMatch } from '../../../utils/topics/types';

function topic(id: string, terms: string[], extra: Partial<Topic> = {}): Topic {
  return {
    id,
    name: `Topic ${id}`,
    colour: '#3b82f6',
    terms,
    exclusions: [],
    fields: ['title', 'abstract', 'keywords', 'authors', 'organization'],
    mode: 'highlight',
    createdAt: 0,
    ...extra,
  };
}

/** The matched text of every hit, as written in the field. */
function marked(paper: MatchableText, match: TopicMatch | undefined): string[] {
  if (!match) return [];
  return match.hits.map((h) => {
    const text =
      h.field === 'keywords'
        ? paper.keywords!.join(FIELD_JOINER)
        : h.field === 'authors'
          ? paper.authors!.join(FIELD_JOINER)
          : paper[h.field]!;
    return text.slice(h.start, h.end);
  });
}

function matchOne(terms: string[], abstract: string, extra: Partial<Topic> = {}): string[] {
  const paper = { abstract };
  return marked(paper, compileTopics([topic('t', terms, extra)]).match(paper)[0]);
}

describe('words', () => {
  it('matches whole words only: "attention" is not found in "attentional" or "selfattention"', () => {
    expect(matchOne(['attention'], 'attentional mechanisms and selfattention')).toEqual([]);
    expect(matchOne(['attention'], 'We use attention.')).toEqual(['attention']);
    expect(matchOne(['attention'], 'self-attention; cross_attention')).toEqual(['attention', 'attention']);
  });

  it('ignores case on both sides', () => {
    expect(matchOne(['Diffusion'], 'DIFFUSION, diffusion and DiFfUsIoN')).toEqual(['DIFFUSION', 'diffusion', 'DiFfUsIoN']);
  });

  it('folds simple English plurals in both directions', () => {
    expect(matchOne(['transformer'], 'Transformers beat transformer baselines')).toEqual(['Transformers', 'transformer']);
    expect(matchOne(['transformers'], 'a single transformer')).toEqual(['transformer']);
    expect(matchOne(['query'], 'queries and a query')).toEqual(['queries', 'query']);
    expect(matchOne(['queries'], 'one query')).toEqual(['query']);
    expect(matchOne(['box'], 'bounding boxes')).toEqual(['boxes']);
    expect(matchOne(['class'], 'many classes')).toEqual(['classes']);
    expect(matchOne(['model'], "the model's output")).toEqual(["model's"]);
  });

  it('does not cut short words or invent plurals', () => {
    expect(matchOne(['bu'], 'the bus')).toEqual([]);
    expect(matchOne(['ga'], 'a gas')).toEqual([]);
    expect(matchOne(['transformer'], 'transformation')).toEqual([]);
  });

  it('prefix terms match any word starting with the prefix, still from the start of a word', () => {
    expect(matchOne(['ensembl*'], 'Ensembles, ensembling and an ensemble; disensemble')).toEqual([
      'Ensembles',
      'ensembling',
      'ensemble',
    ]);
    expect(matchOne(['attention*'], 'attentional attention')).toEqual(['attentional', 'attention']);
  });
});

describe('phrases', () => {
  it('matches quoted and unquoted phrases as consecutive words', () => {
    expect(matchOne(['"world model"'], 'A World Model, a world  model and world models')).toEqual([
      'World Model',
      'world  model',
      'world models',
    ]);
    expect(matchOne(['world model'], 'the world of model building')).toEqual([]);
  });

  it('treats hyphen and space alike, but never drops words', () => {
    const text = 'mixture-of-experts, mixture of experts, Mixture-of Experts, mixture experts';
    expect(matchOne(['mixture-of-experts'], text)).toEqual(['mixture-of-experts', 'mixture of experts', 'Mixture-of Experts']);
    expect(matchOne(['mixture of experts'], text)).toHaveLength(3);
    expect(matchOne(['mixture experts'], 'mixture-of-experts')).toEqual([]);
  });

  it('does not run a phrase across punctuation', () => {
    expect(matchOne(['world model'], 'the world. Model')).toEqual([]);
    expect(matchOne(['world model'], 'world; model')).toEqual([]);
  });

  it('keeps punctuation written inside a term', () => {
    expect(matchOne(['gpt-3.5'], 'GPT-3.5 and GPT 3.5 but not GPT 3 5')).toEqual(['GPT-3.5', 'GPT 3.5']);
  });

  it('supports a prefix on the last word of a phrase', () => {
    expect(matchOne(['neural net*'], 'neural networks and neural nets, not neural architecture')).toEqual([
      'neural networks',
      'neural nets',
    ]);
  });
});

describe('exclusions', () => {
  const terms = ['attention'];
  const exclusions = ['attention deficit'];

  it('vetoes hits that lie inside an exclusion', () => {
    expect(matchOne(terms, 'Attention deficit disorder in children', { exclusions })).toEqual([]);
  });

  it('keeps standalone hits elsewhere in the field', () => {
    expect(matchOne(terms, 'attention deficit, and attention in transformers', { exclusions })).toEqual(['attention']);
  });

  it('vetoes the whole field when the exclusion occurs apart from the hits (like -word)', () => {
    const extra = { exclusions: ['medical'] };
    expect(matchOne(['diffusion'], 'Diffusion models for medical imaging', extra)).toEqual([]);
    const paper = { title: 'Diffusion models', abstract: 'Medical imaging with diffusion.' };
    const m = compileTopics([topic('t', ['diffusion'], extra)]).match(paper);
    expect(marked(paper, m[0])).toEqual(['Diffusion']); // only the title survives
  });

  it('applies per field, not across fields', () => {
    const paper = { title: 'Attention deficit', abstract: 'We study attention.' };
    const m = compileTopics([topic('t', terms, { exclusions })]).match(paper);
    expect(m[0]?.hits.map((h) => h.field)).toEqual(['abstract']);
  });
});

describe('fields', () => {
  const paper: MatchableText = {
    title: 'Diffusion for Robots',
    abstract: 'We use diffusion policies.',
    keywords: ['robot learning', 'diffusion policy'],
    authors: ['Ada Diffusion', 'Alan Turing'],
    organization: 'Diffusion Labs',
  };

  it('searches all fields by default and reports each hit with its field', () => {
    const [m] = compileTopics([topic('t', ['diffusion'])]).match(paper);
    expect(m?.hits.map((h) => h.field)).toEqual(['title', 'abstract', 'keywords', 'authors', 'organization']);
  });

  it('searches only the chosen fields', () => {
    const [m] = compileTopics([topic('t', ['diffusion'], { fields: ['keywords', 'organization'] })]).match(paper);
    expect(m?.hits.map((h) => h.field)).toEqual(['keywords', 'organization']);
    expect(compileTopics([topic('t', ['diffusion'], { fields: ['title'] })]).match({ abstract: 'diffusion' })).toEqual([]);
  });

  it('gives keyword and author offsets into the joined string', () => {
    const [m] = compileTopics([topic('t', ['turing', 'diffusion policy'])]).match(paper);
    expect(marked(paper, m)).toEqual(['diffusion policies', 'diffusion policy', 'Turing']);
    const authorHit = m!.hits.find((h) => h.field === 'authors')!;
    expect(authorHit.start).toBe('Ada Diffusion'.length + FIELD_JOINER.length + 'Alan '.length);
  });

  it('never joins two keywords into one phrase', () => {
    const p = { keywords: ['robot', 'learning'] };
    expect(compileTopics([topic('t', ['robot learning'])]).match(p)).toEqual([]);
  });

  it('ignores missing fields', () => {
    expect(compileTopics([topic('t', ['x'])]).match({})).toEqual([]);
  });
});

describe('results', () => {
  it('sorts strongest first: title hits weigh more than abstract hits', () => {
    const topics = [topic('abstract-only', ['graph']), topic('title', ['robot']), topic('none', ['zebra'])];
    const paper = { title: 'Robot learning', abstract: 'A graph method.' };
    const result = compileTopics(topics).match(paper);
    expect(result.map((m) => m.topicId)).toEqual(['title', 'abstract-only']);
    expect(result[0]!.score).toBeGreaterThan(result[1]!.score);
  });

  it('counts more hits as stronger, with repeats of one term capped', () => {
    const paper = { abstract: 'graph graph graph graph graph graph; tree tree' };
    const result = compileTopics([topic('one', ['graph']), topic('two', ['tree', 'graph'])]).match(paper);
    expect(result.map((m) => m.topicId)).toEqual(['two', 'one']);
    expect(result.map((m) => m.score)).toEqual([5, 3]);
  });

  it('returns the topic name, colour and mode, with hits in field then position order', () => {
    const t = topic('m', ['beta', 'alpha'], { mode: 'mute', colour: '#ea580c', name: 'Muted' });
    const [m] = compileTopics([t]).match({ title: 'alpha', abstract: 'beta alpha' });
    expect(m).toMatchObject({ topicId: 'm', name: 'Muted', colour: '#ea580c', mode: 'mute' });
    expect(m!.hits.map((h) => `${h.field}:${h.term}:${h.start}`)).toEqual(['title:alpha:0', 'abstract:beta:0', 'abstract:alpha:5']);
  });

  it('counts topics and terms, and lists refused terms without failing the rest', () => {
    const matcher = compileTopics([
      topic('a', ['good', '   ', '/(a+)+$/', '*'], { exclusions: ['/[/'] }),
      topic('b', ['fine']),
    ]);
    expect(matcher.topicCount).toBe(2);
    expect(matcher.termCount).toBe(2);
    expect(matcher.refused.map((r) => `${r.topicId}:${r.term}`)).toEqual(['a:   ', 'a:/(a+)+$/', 'a:*', 'a:/[/']);
    expect(matcher.refused[3]!.reason).toMatch(/^exclusion: invalid regular expression/);
    expect(matcher.match({ title: 'good and fine' }).map((m) => m.topicId)).toEqual(['a', 'b']);
  });

  it('gives the same answer for the same paper twice (no state leaks between calls)', () => {
    const matcher = compileTopics([topic('t', ['graph neural network', 'graph'])]);
    const paper = { abstract: 'A graph neural network on a graph.' };
    expect(matcher.match(paper)).toEqual(matcher.match(paper));
  });
});

describe('large topics', () => {
  it('compiles and matches a 5,000-term topic', () => {
    const terms = Array.from({ length: 5000 }, (_, i) => {
      const w = `term${i.toString(36)}x`;
      return i % 3 === 0 ? `${w} phrase` : i % 7 === 0 ? `${w}*` : w;
    });
    terms.push('needle');
    const matcher = compileTopics([topic('big', terms)]);
    expect(matcher.termCount).toBe(5001);
    expect(matcher.refused).toEqual([]);
    const paper = { abstract: 'A needle in term1x and term0x phrase and term7xyz, not term2x phrasebook.' };
    const [m] = matcher.match(paper);
    expect(marked(paper, m)).toEqual(['needle', 'term1x', 'term0x phrase', 'term7xyz', 'term2x']);
  });
});
