import { describe, expect, it } from 'vitest';
import { TOPIC_PALETTE } from '../../../utils/topics/palette';
import type { Topic } from '../../../utils/topics/types';
import { validateTopic } from '../../../utils/topics/validate';

const existing: Topic[] = [
  {
    id: 'old',
    name: 'Diffusion Models',
    colour: TOPIC_PALETTE[0]!,
    terms: ['diffusion'],
    exclusions: [],
    fields: ['title'],
    mode: 'highlight',
    createdAt: 1,
  },
];

function errorsOf(draft: Partial<Topic>, others: Topic[] = existing): string[] {
  const result = validateTopic(draft, others);
  return result.ok ? [] : result.errors;
}

describe('validateTopic', () => {
  it('accepts a minimal draft and fills in the defaults', () => {
    const result = validateTopic({ name: '  World   models ', terms: [' world model ', 'JEPA'] }, existing);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.topic).toMatchObject({
      name: 'World models',
      terms: ['world model', 'JEPA'],
      exclusions: [],
      fields: ['title', 'abstract', 'keywords', 'authors', 'organization'],
      mode: 'highlight',
      colour: TOPIC_PALETTE[1], // the first colour nobody uses
    });
    expect(result.topic.id).not.toBe('');
    expect(result.topic.createdAt).toBeGreaterThan(0);
  });

  it('refuses empty and whitespace-only names', () => {
    expect(errorsOf({ name: '', terms: ['x'] })).toEqual(['The topic name is empty.']);
    expect(errorsOf({ terms: ['x'] })).toEqual(['The topic name is empty.']);
    expect(errorsOf({ name: ' \t\u00a0 ', terms: ['x'] })).toEqual(['The topic name contains only spaces.']);
  });

  it('refuses a duplicate name, ignoring case, spacing and accents', () => {
    expect(errorsOf({ name: 'diffusion  MODELS', terms: ['x'] })).toEqual(['A topic named "Diffusion Models" already exists.']);
    expect(errorsOf({ name: 'Diffusion Modèls', terms: ['x'] })).toHaveLength(1);
  });

  it('lets a topic keep its own name when edited', () => {
    expect(validateTopic({ ...existing[0]!, terms: ['diffusion', 'score matching'] }, existing).ok).toBe(true);
  });

  it('requires at least one term', () => {
    expect(errorsOf({ name: 'New', terms: [] })).toEqual(['Add at least one term.']);
    expect(errorsOf({ name: 'New' })).toEqual(['Add at least one term.']);
  });

  it('refuses empty, whitespace-only and duplicate terms', () => {
    expect(errorsOf({ name: 'New', terms: ['ok', '', '   '] })).toEqual(['Term 2 is empty.', 'Term 3 contains only spaces.']);
    expect(errorsOf({ name: 'New', terms: ['Mixture-of-Experts', 'mixture of experts', '"MIXTURE OF EXPERTS"'] })).toEqual([
      'Term "mixture of experts" duplicates "Mixture-of-Experts".',
      'Term ""MIXTURE OF EXPERTS"" duplicates "Mixture-of-Experts".',
    ]);
  });

  it('refuses duplicate exclusions and a term that is also an exclusion', () => {
    expect(errorsOf({ name: 'New', terms: ['attention'], exclusions: ['attention deficit', 'Attention  deficit'] })).toEqual([
      'Exclusion "Attention  deficit" duplicates "attention deficit".',
    ]);
    expect(errorsOf({ name: 'New', terms: ['attention'], exclusions: ['Attention'] })).toEqual([
      '"Attention" is both a term and an exclusion.',
    ]);
  });

  it('explains terms the matcher cannot use', () => {
    const errors = errorsOf({ name: 'New', terms: ['/(a+)+$/', '/[/', '***', 'a*', 'en*semble'] });
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatch(/^Term "\/\(a\+\)\+\$\/": nested quantifiers.*backtrack/);
    expect(errors[1]).toMatch(/^Term "\/\[\/": invalid regular expression/);
    expect(errors[2]).toBe('Term "***": the term has no letters or digits.');
    expect(errors[3]).toMatch(/prefix "a\*" is too short/);
    expect(errors[4]).toMatch(/may only end a word/);
  });

  it('checks fields, mode and colour', () => {
    expect(errorsOf({ name: 'New', terms: ['x'], fields: [] })).toEqual(['Choose at least one field to search.']);
    expect(errorsOf({ name: 'New', terms: ['x'], fields: ['title', 'body' as never] })).toEqual(['Unknown field "body".']);
    expect(errorsOf({ name: 'New', terms: ['x'], mode: 'hide' as never })).toEqual(['Unknown mode "hide" (use highlight or mute).']);
    expect(errorsOf({ name: 'New', terms: ['x'], colour: 'red' })).toEqual(['The colour "red" is not a #rrggbb colour.']);
    expect(errorsOf({ name: 'New', terms: ['x'], colour: '#ffff00' })).toEqual([
      'The colour #ffff00 has too little contrast on light or dark pages.',
    ]);
  });

  it('reports every problem at once', () => {
    expect(errorsOf({ name: ' ', terms: ['', 'x', 'x'], fields: [] })).toHaveLength(4);
  });
});
