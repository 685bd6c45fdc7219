/**
 * Everything wrong with an editor draft, sorted by the field it belongs to, for inline messages. Pure.
 * validateTopic is the judge (the background applies the same rules); terms and exclusions the matcher refuses
 * come from compileTopics' `refused` list instead, as {term, reason} pairs, so each refused regex can be shown
 * next to its own explanation (e.g. why it would backtrack catastrophically).
 */
import { compileTopics } from '../topics/compile';
import type { CompiledMatcher, RefusedTerm, Topic } from '../topics/types';
import { validateTopic } from '../topics/validate';
import { colourWarning } from './colour-check';
import { previewTopicOf, toTopicDraft, type EditorDraft } from './editor-draft';

export interface RefusedEntry {
  term: string;
  reason: string;
}

export interface DraftCheck {
  /** The topic to store when the draft is valid (id and createdAt filled in for a new one). */
  topic: Topic | null;
  name: string[];
  terms: string[];
  refusedTerms: RefusedEntry[];
  exclusions: string[];
  refusedExclusions: RefusedEntry[];
  fields: string[];
  colour: string[];
  /** Messages that belong to no single field (kept so nothing is ever dropped silently). */
  other: string[];
}

const EXCLUSION_PREFIX = 'exclusion: ';
/** validateTopic's wording for a term that does not parse; those come from `refused` instead. */
const PARSE_FAILURE = /^(Term|Exclusion) "[\s\S]*": /;

export function splitRefused(refused: readonly RefusedTerm[]): { terms: RefusedEntry[]; exclusions: RefusedEntry[] } {
  const terms: RefusedEntry[] = [];
  const exclusions: RefusedEntry[] = [];
  for (const r of refused) {
    if (r.reason.startsWith(EXCLUSION_PREFIX)) exclusions.push({ term: r.term, reason: r.reason.slice(EXCLUSION_PREFIX.length) });
    else terms.push({ term: r.term, reason: r.reason });
  }
  return { terms, exclusions };
}

/** `matcher`: the draft's own, compiled already (the editor shares one with its live preview: a big topic compiles slowly). */
export function checkDraft(
  draft: EditorDraft,
  existing: readonly Topic[],
  matcher: Pick<CompiledMatcher, 'refused'> = compileTopics([previewTopicOf(draft)]),
): DraftCheck {
  const result = validateTopic(toTopicDraft(draft), [...existing]);
  const refused = splitRefused(matcher.refused);
  const check: DraftCheck = {
    topic: result.ok ? result.topic : null,
    name: [],
    terms: [],
    refusedTerms: refused.terms,
    exclusions: [],
    refusedExclusions: refused.exclusions,
    fields: [],
    colour: [],
    other: [],
  };
  if (result.ok) return check;
  const warning = colourWarning(draft.colour);
  if (warning) check.colour.push(warning);
  for (const message of result.errors) {
    if (/^(The topic name|A topic named)/.test(message)) check.name.push(message);
    else if (/^The colour/.test(message)) {
      if (!warning) check.colour.push(message);
    } else if (/^Term|^Add at least one term/.test(message)) {
      if (!PARSE_FAILURE.test(message) || refused.terms.length === 0) check.terms.push(message);
    } else if (/^Exclusion|is both a term and an exclusion/.test(message)) {
      if (!PARSE_FAILURE.test(message) || refused.exclusions.length === 0) check.exclusions.push(message);
    } else if (/field/i.test(message)) check.fields.push(message);
    else check.other.push(message);
  }
  return check;
}

/** Every message of a check, in form order (for a summary next to Save). */
export function allProblems(c: DraftCheck): string[] {
  return [
    ...c.name,
    ...c.terms,
    ...c.refusedTerms.map((r) => `Term "${r.term}": ${r.reason}`),
    ...c.exclusions,
    ...c.refusedExclusions.map((r) => `Exclusion "${r.term}": ${r.reason}`),
    ...c.fields,
    ...c.colour,
    ...c.other,
  ];
}
