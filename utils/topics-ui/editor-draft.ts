/**
 * The options page's editing state for one topic (text as typed), and its conversions. Pure.
 * Terms and exclusions are edited one per line: a line may hold a phrase with spaces or a regex with commas,
 * so lines are the only separator; blank lines are ignored.
 */
import { nextColour } from '../topics/palette';
import type { TopicDraft } from '../topics/validate';
import { ALL_TOPIC_FIELDS, type Topic, type TopicField } from '../topics/types';

export interface EditorDraft {
  /** null for a topic not saved yet. */
  id: string | null;
  name: string;
  termsText: string;
  exclusionsText: string;
  fields: TopicField[];
  colour: string;
  mode: Topic['mode'];
  createdAt: number | null;
}

export function linesToTerms(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export const termsToLines = (terms: readonly string[]): string => terms.join('\n');

export function newDraft(existing: readonly Topic[]): EditorDraft {
  return {
    id: null,
    name: '',
    termsText: '',
    exclusionsText: '',
    fields: [...ALL_TOPIC_FIELDS],
    colour: nextColour(existing.map((t) => t.colour)),
    mode: 'highlight',
    createdAt: null,
  };
}

export function draftFromTopic(topic: Topic): EditorDraft {
  return {
    id: topic.id,
    name: topic.name,
    termsText: termsToLines(topic.terms),
    exclusionsText: termsToLines(topic.exclusions),
    fields: topic.fields.length > 0 ? ALL_TOPIC_FIELDS.filter((f) => topic.fields.includes(f)) : [...ALL_TOPIC_FIELDS],
    colour: topic.colour,
    mode: topic.mode,
    createdAt: topic.createdAt,
  };
}

/** What validateTopic checks. */
export function toTopicDraft(d: EditorDraft): TopicDraft {
  return {
    ...(d.id !== null ? { id: d.id } : {}),
    ...(d.createdAt !== null ? { createdAt: d.createdAt } : {}),
    name: d.name,
    terms: linesToTerms(d.termsText),
    exclusions: linesToTerms(d.exclusionsText),
    fields: [...d.fields],
    colour: d.colour,
    mode: d.mode,
  };
}

/** A Topic to run the matcher with, whatever state the draft is in (the preview must work while typing). */
export function previewTopicOf(d: EditorDraft): Topic {
  return {
    id: d.id ?? 'draft',
    name: d.name.trim() || 'New topic',
    colour: d.colour,
    terms: linesToTerms(d.termsText),
    exclusions: linesToTerms(d.exclusionsText),
    fields: [...d.fields],
    mode: d.mode,
    createdAt: d.createdAt ?? 0,
  };
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** True when saving the draft would change `topic` (or, for a new draft, when anything was typed). */
export function isDraftChanged(d: EditorDraft, topic: Topic | null): boolean {
  if (topic === null) return d.name.trim() !== '' || linesToTerms(d.termsText).length > 0 || linesToTerms(d.exclusionsText).length > 0;
  const base = draftFromTopic(topic);
  return (
    d.name.trim() !== base.name.trim() ||
    !same(linesToTerms(d.termsText), topic.terms) ||
    !same(linesToTerms(d.exclusionsText), topic.exclusions) ||
    !same(d.fields, base.fields) ||
    d.colour.toLowerCase() !== base.colour.toLowerCase() ||
    d.mode !== base.mode
  );
}
