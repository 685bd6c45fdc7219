import { describe, expect, it } from 'vitest';
import { compileTopics } from '../../../utils/topics/compile';
import { cleanForRegex, normaliseForMatching, toOriginalRange } from '../../../utils/topics/normalise';
import type { Topic } from '../../../utils/topics/types';

const topic = (terms: string[]): Topic => ({
  id: 't',
  name: 'T',
  colour: '#3b82f6',
  terms,
  exclusions: [],
  fields: ['abstract'],
  mode: 'highlight',
  createdAt: 0,
});

/** Each hit as the reader sees it in the original text. */
function marked(terms: string[], abstract: string): string[] {
  const [m] = compileTopics([topic(terms)]).match({ abstract });
  return (m?.hits ?? []).map((h) => abstract.slice(h.start, h.end));
}

describe('normalisation for matching', () => {
  it('treats composed and decomposed accents alike, and maps back to the original with the accent', () => {
    const decomposed = 'un cafe\u0301 noir';
    expect(marked(['café'], decomposed)).toEqual(['cafe\u0301']);
    expect(marked(['cafe\u0301'], 'un café noir')).toEqual(['café']);
  });

  it('folds diacritics: "naïve" matches "naive" and the other way round', () => {
    expect(marked(['naive'], 'A naïve Bayes')).toEqual(['naïve']);
    expect(marked(['naïve'], 'A NAIVE Bayes')).toEqual(['NAIVE']);
    expect(marked(['Lukasz'], 'by Łukasz Kaiser')).toEqual(['Łukasz']);
    expect(marked(['strasse'], 'Straße')).toEqual(['Straße']);
  });

  it('ignores RTL/LTR marks, bidi isolates and zero-width characters', () => {
    expect(marked(['attention'], '\u200Fattention\u200F')).toEqual(['attention']);
    expect(marked(['attention'], '\u2067attention\u2069 and \u202Bself-attention\u202C')).toEqual(['attention', 'attention']);
    // Inside a word they do not split it; the mark stays inside the reported range.
    expect(marked(['attention'], 'atten\u200Btion')).toEqual(['atten\u200Btion']);
    expect(marked(['attention'], 'atten\u00ADtion')).toEqual(['atten\u00ADtion']);
  });

  it('separates words at emoji and maps offsets around surrogate pairs', () => {
    expect(marked(['diffusion'], '🔥diffusion🔥')).toEqual(['diffusion']);
    expect(marked(['diffusion model'], '👩‍🔬 diffusion 🔥 model')).toEqual([]);
    expect(marked(['diffusion model'], '👩‍🔬 Diffusion model 😀')).toEqual(['Diffusion model']);
  });

  it('folds compatibility forms: ligatures and full-width letters', () => {
    expect(marked(['fine-tuning'], 'ﬁne-tuning')).toEqual(['ﬁne-tuning']);
    expect(marked(['llm'], 'ＬＬＭ agents')).toEqual(['ＬＬＭ']);
  });

  it('keeps the marks of other scripts, which belong to the word', () => {
    expect(marked(['हिन्दी'], 'भाषा हिन्दी है')).toEqual(['हिन्दी']);
    expect(marked(['हिन्द'], 'भाषा हिन्दी है')).toEqual([]);
  });

  it('maps every normalised range back to the original', () => {
    const original = 'X\u200Fcafe\u0301 ﬁ 😀 Ｂ';
    const mapped = normaliseForMatching(original);
    expect(mapped.text).toBe('xcafe fi 😀 b');
    const at = (s: string) => mapped.text.indexOf(s);
    const slice = (s: string) => {
      const [a, b] = toOriginalRange(mapped, at(s), at(s) + s.length);
      return original.slice(a, b);
    };
    expect(slice('cafe')).toBe('cafe\u0301');
    expect(slice('fi')).toBe('ﬁ');
    expect(slice('b')).toBe('Ｂ');
    expect(slice('😀')).toBe('😀');
  });

  it('keeps case and accents for regex terms but still drops invisible controls', () => {
    const mapped = cleanForRegex('Cafe\u0301\u200F!');
    expect(mapped.text).toBe('Café!');
    const [a, b] = toOriginalRange(mapped, 0, 4);
    expect('Cafe\u0301\u200F!'.slice(a, b)).toBe('Cafe\u0301');
  });
});
