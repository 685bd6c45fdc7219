import { describe, expect, it } from 'vitest';
import { colourWarning } from '../../../utils/topics-ui/colour-check';
import { allProblems, checkDraft } from '../../../utils/topics-ui/draft-check';
import { draftFromTopic, isDraftChanged, linesToTerms, newDraft, toTopicDraft, type EditorDraft } from '../../../utils/topics-ui/editor-draft';
import { skippedNoteText, storageNoteText } from '../../../utils/topics-ui/storage-note';
import { TOPIC_PALETTE } from '../../../utils/topics/palette';
import type { Topic } from '../../../utils/topics/types';

const stored: Topic = {
  id: 'attn',
  name: 'Attention',
  colour: '#3b82f6',
  terms: ['attention', 'self-attention'],
  exclusions: ['attention deficit'],
  fields: ['title', 'abstract'],
  mode: 'highlight',
  createdAt: 5,
};

const draft = (over: Partial<EditorDraft> = {}): EditorDraft => ({ ...newDraft([stored]), name: 'Diffusion', termsText: 'diffusion', ...over });

describe('editor drafts', () => {
  it('reads terms one per line, trimmed, blank lines ignored', () => {
    expect(linesToTerms('  diffusion \r\n\n"score matching"\n  /a,b/i  \n')).toEqual(['diffusion', '"score matching"', '/a,b/i']);
  });

  it('starts a new topic with every field, the next free colour and highlight', () => {
    const d = newDraft([stored]);
    expect(d.fields).toEqual(['title', 'abstract', 'keywords', 'authors', 'organization']);
    expect(d.colour).toBe(TOPIC_PALETTE[1]);
    expect(d.mode).toBe('highlight');
    expect(d.id).toBeNull();
  });

  it('round-trips a stored topic and notices changes', () => {
    const d = draftFromTopic(stored);
    expect(toTopicDraft(d)).toEqual({ ...stored });
    expect(isDraftChanged(d, stored)).toBe(false);
    expect(isDraftChanged({ ...d, termsText: `${d.termsText}\n\n` }, stored)).toBe(false);
    expect(isDraftChanged({ ...d, mode: 'mute' }, stored)).toBe(true);
    expect(isDraftChanged({ ...d, fields: ['title'] }, stored)).toBe(true);
    expect(isDraftChanged(newDraft([]), null)).toBe(false);
    expect(isDraftChanged({ ...newDraft([]), name: 'x' }, null)).toBe(true);
  });
});

describe('checkDraft', () => {
  it('returns the topic to store for a valid draft', () => {
    const c = checkDraft(draft({ termsText: 'diffusion\n"score matching"', exclusionsText: 'medical' }), [stored]);
    expect(c.topic).toMatchObject({ name: 'Diffusion', terms: ['diffusion', '"score matching"'], exclusions: ['medical'] });
    expect(allProblems(c)).toEqual([]);
  });

  it('puts each message next to its field', () => {
    const c = checkDraft(draft({ name: ' attention ', termsText: '', fields: [] }), [stored]);
    expect(c.topic).toBeNull();
    expect(c.name).toEqual(['A topic named "Attention" already exists.']);
    expect(c.terms).toEqual(['Add at least one term.']);
    expect(c.fields).toEqual(['Choose at least one field to search.']);
    expect(c.other).toEqual([]);
  });

  it('lists refused terms with the matcher’s explanation instead of the bare validator line', () => {
    const c = checkDraft(draft({ termsText: 'diffusion\n/(a+)+$/', exclusionsText: 'ok*\nx*' }), []);
    expect(c.topic).toBeNull();
    expect(c.refusedTerms).toHaveLength(1);
    expect(c.refusedTerms[0]!.term).toBe('/(a+)+$/');
    expect(c.refusedTerms[0]!.reason).toMatch(/nested quantifiers.*exponential/);
    expect(c.terms).toEqual([]);
    expect(c.refusedExclusions).toEqual([{ term: 'x*', reason: expect.stringMatching(/too short/) }]);
    expect(c.exclusions).toEqual([]);
    expect(allProblems(c)).toHaveLength(2);
  });

  it('keeps duplicate and term-and-exclusion messages', () => {
    const c = checkDraft(draft({ termsText: 'diffusion\nDiffusion', exclusionsText: 'diffusion' }), []);
    expect(c.terms.join(' ')).toMatch(/duplicates/);
    expect(c.exclusions.join(' ')).toMatch(/both a term and an exclusion/);
  });

  it('explains a low-contrast colour with numbers instead of the validator’s line', () => {
    const c = checkDraft(draft({ colour: '#fef08a' }), []);
    expect(c.topic).toBeNull();
    expect(c.colour).toHaveLength(1);
    expect(c.colour[0]).toMatch(/on light pages/);
    expect(c.colour[0]).toMatch(/darker/);
  });
});

describe('colourWarning', () => {
  it('accepts every palette colour', () => {
    for (const hex of TOPIC_PALETTE) expect(colourWarning(hex)).toBeNull();
  });
  it('says which way to move', () => {
    expect(colourWarning('#ffff00')).toMatch(/darker/);
    expect(colourWarning('#000080')).toMatch(/lighter/);
    expect(colourWarning('#777777')).toBeNull();
    expect(colourWarning('red')).toMatch(/#rrggbb/);
  });
});

describe('storage notes', () => {
  it('is silent when all topics sync, and shows the background’s reason otherwise', () => {
    expect(storageNoteText({ storage: { area: 'sync', reason: null } })).toBeNull();
    expect(storageNoteText({ storage: { area: 'local', reason: 'Topic sync is turned off, so topics are kept in this browser only.' } })).toBe(
      'Topic sync is turned off, so topics are kept in this browser only.',
    );
    expect(storageNoteText({ storage: { area: 'mixed', reason: null } })).toMatch(/Some topics are kept in this browser only/);
    expect(skippedNoteText({ skipped: [] })).toBeNull();
    expect(skippedNoteText({ skipped: [{ area: 'sync', key: 'topic:x' }] })).toBe('1 stored topic could not be read and was left untouched.');
  });
});
