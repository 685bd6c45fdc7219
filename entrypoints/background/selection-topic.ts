/**
 * Turn text the reader selected on a papers page into a topic (context menu "Highlight …" / "Mute …").
 * Pure: no browser API; the caller supplies the clock and a fresh id.
 */
import { nextColour } from '../../utils/topics/palette';
import { isRegexTermSyntax } from '../../utils/topics/regex-safety';
import type { Topic } from '../../utils/topics/types';
import { ALL_TOPIC_FIELDS } from '../../utils/topics/types';
import { MAX_TOPIC_NAME_LENGTH, topicNameKey } from '../../utils/topics/validate';

export const MAX_SELECTION_LENGTH = 100;

/** At most `max` characters, never ending in half a surrogate pair or a space. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = text.slice(0, max);
  // Do not keep half of a surrogate pair (an emoji or a rare letter cut in two).
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return out.trimEnd();
}

/** Trimmed, inner whitespace collapsed to single spaces, at most MAX_SELECTION_LENGTH characters. */
export function cleanSelection(raw: string): string {
  return cut(raw.replace(/\s+/g, ' ').trim(), MAX_SELECTION_LENGTH);
}

/** The topic name for a selection: names are limited to MAX_TOPIC_NAME_LENGTH, so a longer one ends in "…". */
export function selectionName(text: string): string {
  return text.length <= MAX_TOPIC_NAME_LENGTH ? text : `${cut(text, MAX_TOPIC_NAME_LENGTH - 1)}…`;
}

export type SelectionTopic =
  | { kind: 'created'; topic: Topic }
  /** A topic of that name existed: it switches to the requested mode, terms untouched. */
  | { kind: 'updated'; topic: Topic }
  /** A topic of that name already had that mode: nothing to write. */
  | { kind: 'unchanged'; topic: Topic };

/**
 * The topic a selection asks for, or null for an empty selection.
 * New topic: name = term = the cleaned selection (the name shortened past MAX_TOPIC_NAME_LENGTH), next free
 * palette colour, all fields. If a topic with that name exists (same name for validateTopic: case, accents and
 * spacing ignored), its mode is switched to the one asked for instead of creating a second topic with the same
 * name: choosing "Mute" on a highlighted topic's name mutes it.
 */
export function topicFromSelection(
  selection: string,
  mode: Topic['mode'],
  existing: readonly Topic[],
  now: number,
  newId: string,
): SelectionTopic | null {
  const text = cleanSelection(selection);
  if (text === '') return null;
  const name = selectionName(text);
  const same = existing.find((t) => topicNameKey(t.name) === topicNameKey(name));
  if (same) return same.mode === mode ? { kind: 'unchanged', topic: same } : { kind: 'updated', topic: { ...same, mode } };
  // A selection that looks like `/…/` would be read as a regex term; quoted, it is matched as the words it is.
  const term = isRegexTermSyntax(text) ? `"${text}"` : text;
  return {
    kind: 'created',
    topic: {
      id: newId,
      name,
      colour: nextColour(existing.map((t) => t.colour)),
      terms: [term],
      exclusions: [],
      fields: [...ALL_TOPIC_FIELDS],
      mode,
      createdAt: now,
    },
  };
}
