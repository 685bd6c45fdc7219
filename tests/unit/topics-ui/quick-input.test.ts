import { describe, expect, it } from 'vitest';
import { EMPTY_INPUT_MESSAGE, NO_TERM_MESSAGE, parseQuickTopic } from '../../../utils/topics-ui/quick-input';
import { MAX_TOPIC_NAME_LENGTH } from '../../../utils/topics/validate';

const draft = (input: string) => {
  const r = parseQuickTopic(input);
  if (!r.ok) throw new Error(`refused: ${r.error}`);
  return r.draft;
};

describe('parseQuickTopic', () => {
  it('makes one word a highlight topic named after it', () => {
    expect(draft('attention')).toEqual({ name: 'attention', terms: ['attention'], exclusions: [], mode: 'highlight' });
  });

  it('mutes with a leading minus, which is not part of the name or the term', () => {
    expect(draft('-diffusion')).toEqual({ name: 'diffusion', terms: ['diffusion'], exclusions: [], mode: 'mute' });
    expect(draft('  -  diffusion models ')).toEqual({
      name: 'diffusion models',
      terms: ['diffusion models'],
      exclusions: [],
      mode: 'mute',
    });
  });

  it('splits terms at commas, keeps quoted phrases whole and names the topic after the first term', () => {
    expect(draft('diffusion, "score matching"')).toEqual({
      name: 'diffusion',
      terms: ['diffusion', 'score matching'],
      exclusions: [],
      mode: 'highlight',
    });
    expect(draft('"score matching", diffusion')).toMatchObject({ name: 'score matching' });
    expect(draft('-"world model", /flow|ode/i')).toEqual({
      name: 'world model',
      terms: ['world model', '/flow|ode/i'],
      exclusions: [],
      mode: 'mute',
    });
  });

  it('reads a minus later in the text as an exclusion, not as mute', () => {
    expect(draft('attention -deficit')).toEqual({ name: 'attention', terms: ['attention'], exclusions: ['deficit'], mode: 'highlight' });
  });

  it('collapses whitespace in the name and ignores empty entries', () => {
    expect(draft('  world \t  model ,, ')).toEqual({ name: 'world model', terms: ['world model'], exclusions: [], mode: 'highlight' });
  });

  it('refuses empty, whitespace-only and term-less input with a message', () => {
    expect(parseQuickTopic('')).toEqual({ ok: false, error: EMPTY_INPUT_MESSAGE });
    expect(parseQuickTopic(' \t\n ')).toEqual({ ok: false, error: EMPTY_INPUT_MESSAGE });
    expect(parseQuickTopic(' , ,')).toEqual({ ok: false, error: NO_TERM_MESSAGE });
    expect(parseQuickTopic('-x, -y')).toMatchObject({ ok: true }); // mute "x", exclusion "y"
    expect(parseQuickTopic('--y')).toEqual({ ok: false, error: NO_TERM_MESSAGE }); // mute with only an exclusion
    const lone = parseQuickTopic(' - ');
    expect(lone.ok).toBe(false);
    if (!lone.ok) expect(lone.error).toMatch(/after the minus/);
  });

  it('shortens a very long first term to a valid name without splitting an emoji', () => {
    const long = `${'a'.repeat(MAX_TOPIC_NAME_LENGTH - 2)}😀 tail`;
    const { name, terms } = draft(long);
    expect(name.length).toBeLessThanOrEqual(MAX_TOPIC_NAME_LENGTH);
    expect(name.endsWith('…')).toBe(true);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(terms).toEqual([long]);
  });
});
