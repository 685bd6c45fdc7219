/** Checks a topic draft from the options page and fills in defaults. */
import { normaliseForMatching } from './normalise';
import { hasTopicContrast, isHexColour, nextColour } from './palette';
import { isRegexTermSyntax } from './regex-safety';
import { parseTerm, type ParsedTerm } from './term-syntax';
import { ALL_TOPIC_FIELDS, type Topic, type TopicField } from './types';

export type TopicDraft = Partial<Topic>;
export type TopicValidation = { ok: true; topic: Topic } | { ok: false; errors: string[] };

export const MAX_TOPIC_NAME_LENGTH = 80;

/** Same key = same topic name for a reader: case, accents, spacing and invisible marks ignored. */
export function topicNameKey(name: string): string {
  return normaliseForMatching(name.trim().replace(/\s+/g, ' ')).text;
}

/** Same key = the matcher treats both terms alike ("Mixture-of-Experts" = "mixture of experts"). */
function termKey(term: ParsedTerm): string {
  if (term.kind === 'regex') return term.source;
  return term.atoms
    .map((atom, i) => (i > 0 ? (term.gaps[i] ?? ' ') : '') + (atom.kind === 'prefix' ? `${atom.prefix}*` : atom.word))
    .join('');
}

/** Trimmed; inner whitespace collapsed except in regex terms, where spaces mean something. */
function tidyTerm(raw: string): string {
  const trimmed = raw.trim();
  return isRegexTermSyntax(trimmed) ? trimmed : trimmed.replace(/\s+/g, ' ');
}

function checkTermList(list: unknown, label: 'Term' | 'Exclusion', errors: string[]): Map<string, string> {
  const keys = new Map<string, string>();
  if (list === undefined) return keys;
  if (!Array.isArray(list)) {
    errors.push(`${label}s must be a list.`);
    return keys;
  }
  list.forEach((raw: unknown, i) => {
    if (typeof raw !== 'string' || raw === '') {
      errors.push(`${label} ${i + 1} is empty.`);
      return;
    }
    if (raw.trim() === '') {
      errors.push(`${label} ${i + 1} contains only spaces.`);
      return;
    }
    const parsed = parseTerm(raw);
    if (!parsed.ok) {
      errors.push(`${label} "${raw.trim()}": ${parsed.reason}.`);
      return;
    }
    const key = termKey(parsed.term);
    const earlier = keys.get(key);
    if (earlier !== undefined) errors.push(`${label} "${raw.trim()}" duplicates "${earlier}".`);
    else keys.set(key, raw.trim());
  });
  return keys;
}

function newTopicId(): string {
  const uuid = globalThis.crypto?.randomUUID?.();
  return uuid ?? `topic-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Validates `draft` against the other topics (`existing` may contain the draft's own previous version,
 * matched by id). Defaults: id generated, colour = nextColour of the others, fields = all,
 * mode = 'highlight', exclusions = [], createdAt = now. Terms are returned trimmed.
 */
export function validateTopic(draft: TopicDraft, existing: Topic[]): TopicValidation {
  const errors: string[] = [];
  const others = existing.filter((t) => draft.id === undefined || t.id !== draft.id);

  const name = typeof draft.name === 'string' ? draft.name.trim().replace(/\s+/g, ' ') : '';
  if (typeof draft.name !== 'string' || draft.name === '') errors.push('The topic name is empty.');
  else if (name === '') errors.push('The topic name contains only spaces.');
  else if (name.length > MAX_TOPIC_NAME_LENGTH) errors.push(`The topic name is longer than ${MAX_TOPIC_NAME_LENGTH} characters.`);
  else {
    const clash = others.find((t) => topicNameKey(t.name) === topicNameKey(name));
    if (clash) errors.push(`A topic named "${clash.name}" already exists.`);
  }

  if (!Array.isArray(draft.terms) || draft.terms.length === 0) errors.push('Add at least one term.');
  const termKeys = checkTermList(draft.terms, 'Term', errors);
  const exclusionKeys = checkTermList(draft.exclusions, 'Exclusion', errors);
  for (const [key, exclusion] of exclusionKeys) {
    if (termKeys.has(key)) errors.push(`"${exclusion}" is both a term and an exclusion.`);
  }

  let fields: TopicField[] = [...ALL_TOPIC_FIELDS];
  if (draft.fields !== undefined) {
    if (!Array.isArray(draft.fields) || draft.fields.length === 0) errors.push('Choose at least one field to search.');
    else {
      for (const f of draft.fields) if (!ALL_TOPIC_FIELDS.includes(f)) errors.push(`Unknown field "${String(f)}".`);
      fields = ALL_TOPIC_FIELDS.filter((f) => draft.fields!.includes(f));
    }
  }

  const mode = draft.mode ?? 'highlight';
  if (mode !== 'highlight' && mode !== 'mute') errors.push(`Unknown mode "${String(mode)}" (use highlight or mute).`);

  let colour = draft.colour ?? nextColour(others.map((t) => t.colour));
  if (!isHexColour(colour)) errors.push(`The colour "${colour}" is not a #rrggbb colour.`);
  else if (!hasTopicContrast(colour)) errors.push(`The colour ${colour} has too little contrast on light or dark pages.`);
  colour = colour.toLowerCase();

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    topic: {
      id: draft.id && draft.id.trim() !== '' ? draft.id : newTopicId(),
      name,
      colour,
      terms: draft.terms!.map(tidyTerm),
      exclusions: (draft.exclusions ?? []).map(tidyTerm),
      fields,
      mode,
      createdAt: typeof draft.createdAt === 'number' && Number.isFinite(draft.createdAt) ? draft.createdAt : Date.now(),
    },
  };
}
