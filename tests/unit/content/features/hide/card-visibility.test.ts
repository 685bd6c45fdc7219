import { describe, expect, it } from 'vitest';
import { hiddenReasonFor, type Precedence } from '../../../../../entrypoints/content/features/hide/card-visibility';
import { describeHits, highlightMatches } from '../../../../../utils/topics/describe';
import type { HideReason } from '../../../../../utils/storage/records';
import { compileTopics, fieldText, type MatchableText, type Topic, type TopicMatch } from '../../../../../utils/topics';

function match(name: string, mode: TopicMatch['mode'], score = 1): TopicMatch {
  return { topicId: name.toLowerCase(), name, colour: '#3b82f6', mode, score, hits: [] };
}

const H = match('Agents', 'highlight', 3);
const H2 = match('Vision', 'highlight', 1);
const M = match('Crypto', 'mute', 2);
const M2 = match('Benchmarks', 'mute', 1);

describe('hiddenReasonFor', () => {
  const rows: Array<[string, HideReason | null, TopicMatch[], Precedence, HideReason | null]> = [
    ['nothing stored, no topic', null, [], 'highlight-wins', null],
    ['nothing stored, no topic (mute-wins)', null, [], 'mute-wins', null],
    ['manual hide, no topic', 'manual', [], 'highlight-wins', 'manual'],
    ['manual hide beats a mute topic', 'manual', [M], 'highlight-wins', 'manual'],
    ['manual hide beats a highlight topic', 'manual', [H], 'highlight-wins', 'manual'],
    ['manual hide stays under mute-wins with both', 'manual', [H, M], 'mute-wins', 'manual'],
    ['a stored topic reason is kept as it is', 'topic:Old', [], 'highlight-wins', 'topic:Old'],
    ['highlight only', null, [H], 'highlight-wins', null],
    ['highlight only (mute-wins)', null, [H, H2], 'mute-wins', null],
    ['mute only', null, [M], 'highlight-wins', 'topic:Crypto'],
    ['mute only (mute-wins)', null, [M], 'mute-wins', 'topic:Crypto'],
    ['both, highlight first: highlight wins', null, [H, M], 'highlight-wins', null],
    ['both, mute first: highlight still wins', null, [M, H], 'highlight-wins', null],
    ['both under mute-wins: the mute topic hides it', null, [H, M], 'mute-wins', 'topic:Crypto'],
    ['two mutes: the strongest (first) names the reason', null, [M, M2], 'highlight-wins', 'topic:Crypto'],
    ['two mutes behind a highlight (mute-wins): the first mute', null, [H, M2, M], 'mute-wins', 'topic:Benchmarks'],
  ];
  it.each(rows)('%s', (_label, stored, matches, precedence, expected) => {
    expect(hiddenReasonFor(stored, matches, precedence)).toBe(expected);
  });
});

describe('highlightMatches', () => {
  it('keeps only highlighted topics, in the given (strongest first) order', () => {
    expect(highlightMatches([M, H, M2, H2])).toEqual([H, H2]);
    expect(highlightMatches([M, M2])).toEqual([]);
  });
});

describe('describeHits', () => {
  it('groups words by field in hit order, as written in the field, without repeats', () => {
    const paper: MatchableText = {
      title: 'Diffusion Models and Score Matching',
      abstract: 'We study diffusion. Diffusion is everywhere; diffusion again.',
      keywords: ['SDE', 'denoising diffusion'],
    };
    // Offsets found in the strings themselves, so the test cannot disagree with its own data.
    const at = (field: 'title' | 'abstract' | 'keywords', word: string, from = 0) => {
      const start = fieldText(paper, field).indexOf(word, from);
      if (start < 0) throw new Error(`${word} not in ${field}`);
      return { term: word.toLowerCase(), field, start, end: start + word.length };
    };
    const abs = paper.abstract!;
    const m: TopicMatch = {
      ...match('Diffusion', 'highlight'),
      hits: [
        at('title', 'Diffusion'),
        at('title', 'Score Matching'),
        at('abstract', 'diffusion'),
        at('abstract', 'Diffusion'),
        at('abstract', 'diffusion', abs.lastIndexOf('diffusion')),
        at('keywords', 'diffusion'),
      ],
    };
    expect(describeHits(m, (f) => fieldText(paper, f))).toBe(
      'title: Diffusion, Score Matching · abstract: diffusion, Diffusion · keywords: diffusion',
    );
  });

  it('falls back to the term when the field text is not known', () => {
    const m: TopicMatch = { ...match('X', 'highlight'), hits: [{ term: 'world model', field: 'abstract', start: 3, end: 14 }] };
    expect(describeHits(m, () => '')).toBe('abstract: world model');
  });

  it('describes a real match of the compiled matcher', () => {
    const topic: Topic = {
      id: 'diff',
      name: 'Diffusion',
      colour: '#16a34a',
      terms: ['diffusion', 'score matching'],
      exclusions: [],
      fields: ['title', 'abstract', 'keywords'],
      mode: 'highlight',
      createdAt: 1,
    };
    const paper: MatchableText = {
      title: 'Score Matching for Diffusion Models',
      abstract: 'A note on diffusion.',
      keywords: ['denoising diffusion', 'SDE'],
      authors: ['Ann Diffusion'],
    };
    const [m] = compileTopics([topic]).match(paper);
    expect(m).toBeDefined();
    expect(describeHits(m!, (f) => fieldText(paper, f))).toBe(
      'title: Score Matching, Diffusion · abstract: diffusion · keywords: diffusion',
    );
  });
});
