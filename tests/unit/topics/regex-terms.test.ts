import { describe, expect, it } from 'vitest';
import { compileTopics } from '../../../utils/topics/compile';
import { checkRegexTerm } from '../../../utils/topics/regex-safety';
import type { Topic } from '../../../utils/topics/types';

function reasonFor(src: string): string {
  const result = checkRegexTerm(src);
  if (result.ok) throw new Error(`${src} was accepted`);
  return result.reason;
}

describe('checkRegexTerm: accepted', () => {
  it.each(['/diffusion|flow/i', '/\\bgpt-?4o?\\b/i', '/(cat|car)s?/i', '/(\\d+\\.){3}\\d+/', '/[αβγ]-?decay/u', '/(?<=x)y/'])(
    'accepts %s and returns a global regex with its flags',
    (src) => {
      const result = checkRegexTerm(src);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.regex.global).toBe(true);
      expect(result.regex.source).toBe(src.slice(1, src.lastIndexOf('/')));
    },
  );

  it('keeps the flags', () => {
    const result = checkRegexTerm('/diffusion|flow/i');
    expect(result.ok && result.regex.flags).toBe('gi');
    expect(result.ok && result.regex.test('Normalizing FLOW')).toBe(true);
  });
});

describe('checkRegexTerm: refused', () => {
  it('refuses nested quantifiers with a reason about backtracking', () => {
    expect(reasonFor('/(a+)+$/')).toMatch(/nested quantifiers.*backtrack/);
    expect(reasonFor('/(.*a){20}/')).toMatch(/nested quantifiers.*backtrack/);
    expect(reasonFor('/^(\\w+\\s?)*$/')).toMatch(/backtrack/);
    expect(reasonFor('/x(?=(a+)+b)/')).toMatch(/backtrack/);
  });

  it('refuses overlapping alternatives under a repetition', () => {
    expect(reasonFor('/(a|a)*/')).toMatch(/overlapping alternatives.*backtracking/);
    expect(reasonFor('/x(a|ab)+y/')).toMatch(/overlapping alternatives/);
    expect(reasonFor('/(\\w|\\d)+x/')).toMatch(/overlapping alternatives/);
  });

  it('refuses ambiguous optional parts under a repetition', () => {
    expect(reasonFor('/(a?a?)+b/')).toMatch(/ambiguous optional part/);
  });

  it('refuses polynomial blow-ups found by timing on adversarial text', () => {
    expect(reasonFor('/\\w*\\w*\\w*x/')).toMatch(/too slow.*backtracking/);
    expect(reasonFor('/.*.*=.*/')).toMatch(/too slow/);
  });

  it('passes on the engine message for invalid syntax', () => {
    let engineMessage = '';
    try {
      new RegExp('[', '');
    } catch (e) {
      engineMessage = (e as Error).message;
    }
    expect(reasonFor('/[/')).toBe(`invalid regular expression: ${engineMessage}`);
    expect(reasonFor('/a/q')).toMatch(/^invalid regular expression: .*flags/i);
  });

  it('refuses empty matches, the sticky flag and malformed terms', () => {
    expect(reasonFor('/a*/')).toMatch(/empty/);
    expect(reasonFor('/foo/y')).toMatch(/sticky/);
    expect(reasonFor('diffusion')).toMatch(/\/pattern\/flags/);
  });
});

describe('regex terms in the matcher', () => {
  const topic = (terms: string[], exclusions: string[] = []): Topic => ({
    id: 'rx',
    name: 'Regex',
    colour: '#3b82f6',
    terms,
    exclusions,
    fields: ['title', 'abstract'],
    mode: 'highlight',
    createdAt: 0,
  });

  it('marks regex matches at their original offsets, invisible marks removed', () => {
    const abstract = 'Rectified \u200FFlow beats diffusion.';
    const [m] = compileTopics([topic(['/diffusion|flow/i'])]).match({ abstract });
    expect(m?.hits.map((h) => abstract.slice(h.start, h.end))).toEqual(['Flow', 'diffusion']);
  });

  it('sees the text with its case, so experts can match acronyms', () => {
    const matcher = compileTopics([topic(['/\\b[A-Z]{3,}\\b/'])]);
    expect(matcher.match({ title: 'LLM agents' })[0]?.hits).toHaveLength(1);
    expect(matcher.match({ title: 'llm agents' })).toEqual([]);
  });

  it('refused regex terms are reported and never run', () => {
    const matcher = compileTopics([topic(['/(a+)+$/', 'flow'])]);
    expect(matcher.refused).toHaveLength(1);
    expect(matcher.refused[0]).toMatchObject({ topicId: 'rx', term: '/(a+)+$/' });
    expect(matcher.match({ title: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' })).toEqual([]);
  });

  it('regex exclusions veto like word exclusions', () => {
    const matcher = compileTopics([topic(['attention'], ['/attention deficit/i'])]);
    expect(matcher.match({ title: 'Attention Deficit' })).toEqual([]);
    expect(matcher.match({ title: 'attention' })).toHaveLength(1);
  });
});
