import { describe, expect, it } from 'vitest';
import { parseTopicInput } from '../../../utils/topics/parse-input';

describe('parseTopicInput', () => {
  it('splits the example from the issue', () => {
    expect(parseTopicInput('diffusion models, "world model" -attention deficit')).toEqual({
      terms: ['diffusion models', 'world model'],
      exclusions: ['attention deficit'],
    });
  });

  it('keeps hyphenated words, prefixes and regexes whole', () => {
    expect(parseTopicInput('mixture-of-experts, ensembl*, /a{1,3}b|c,d/i, self-attention')).toEqual({
      terms: ['mixture-of-experts', 'ensembl*', '/a{1,3}b|c,d/i', 'self-attention'],
      exclusions: [],
    });
  });

  it('supports quoted exclusions and several quoted phrases in one entry', () => {
    expect(parseTopicInput('"graph neural network" "GNN" -"social network"')).toEqual({
      terms: ['graph neural network', 'GNN'],
      exclusions: ['social network'],
    });
  });

  it('drops empty entries and tolerates an unclosed quote', () => {
    expect(parseTopicInput(' , ,, "world model')).toEqual({ terms: ['world model'], exclusions: [] });
    expect(parseTopicInput('')).toEqual({ terms: [], exclusions: [] });
  });

  it('reads a lone dash as text, not as an exclusion', () => {
    expect(parseTopicInput('a - b')).toEqual({ terms: ['a - b'], exclusions: [] });
  });
});
