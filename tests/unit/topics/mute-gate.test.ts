import { describe, expect, it } from 'vitest';
import { compileTopics } from '../../../utils/topics/compile';
import { hiddenReasonFor } from '../../../entrypoints/content/features/hide/card-visibility';
import { createMuteGate } from '../../../utils/topics/mute-gate';
import type { MatchableText, Topic } from '../../../utils/topics';

const topic = (id: string, mode: Topic['mode'], terms: string[], fields: Topic['fields'] = ['title', 'abstract', 'keywords']): Topic => ({
  id, name: id, colour: '#2563eb', terms, exclusions: [], fields, mode, createdAt: 1,
});

const diffusion = topic('Diffusion', 'mute', ['diffusion']);
const video = topic('Video', 'mute', ['video'], ['title']);
const agents = topic('Agents', 'highlight', ['agent*']);
const papers: MatchableText[] = [
  { title: 'Fast diffusion sampling', abstract: 'We sample.' },
  { title: 'A video model', abstract: 'about diffusion for video' },
  { title: 'Agents that plan', abstract: 'Diffusion policies for agents.' },
  { title: 'Nothing here', abstract: 'video only in the abstract' },
  { title: 'Plain', keywords: ['diffusion models'] },
];

describe('mute gate', () => {
  it('is null without muted topics: nothing is held back', () => {
    expect(createMuteGate([agents], 'highlight-wins')).toBeNull();
  });

  it.each(['highlight-wins', 'mute-wins'] as const)('agrees with the full matcher and the hiding rule (%s)', (precedence) => {
    const all = [diffusion, video, agents];
    const gate = createMuteGate(all, precedence)!;
    const full = compileTopics(all);
    for (const p of papers) {
      const expected = hiddenReasonFor(null, full.match(p), precedence);
      const got = gate(p);
      expect(got === null ? null : `topic:${got}`).toBe(expected);
    }
  });

  it('lets a highlight win only when the reader keeps the default', () => {
    const paper = papers[2]!;
    expect(createMuteGate([diffusion, agents], 'highlight-wins')!(paper)).toBeNull();
    expect(createMuteGate([diffusion, agents], 'mute-wins')!(paper)).toBe('Diffusion');
  });
});
