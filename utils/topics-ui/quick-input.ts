/**
 * The popup's one-line topic input, turned into a topic draft. Pure: no browser API.
 *
 *   "attention"                      → highlight topic "attention", terms [attention]
 *   "-diffusion"                     → MUTED topic "diffusion" (a leading minus mutes the whole topic)
 *   'diffusion, "score matching"'    → topic "diffusion", terms [diffusion, score matching]
 *   "diffusion -survey"              → topic "diffusion", terms [diffusion], exclusions [survey]
 *
 * After the leading minus, the text is read by the same rules as everywhere else (parseTopicInput: commas
 * separate terms, "quoted phrases", prefix*, /regex/flags, a later -word starts an exclusion).
 * The topic is named after its FIRST term (quotes dropped), not the whole text: names show on cards and in
 * lists, where "diffusion" reads better than 'diffusion, "score matching", flow*'. The options page can rename.
 * Everything else (duplicate name, bad regex, …) is for validateTopic to judge.
 */
import { parseTopicInput } from '../topics/parse-input';
import type { Topic } from '../topics/types';
import { MAX_TOPIC_NAME_LENGTH } from '../topics/validate';

export interface QuickTopicDraft {
  name: string;
  terms: string[];
  exclusions: string[];
  mode: Topic['mode'];
}

export type QuickTopicParse = { ok: true; draft: QuickTopicDraft } | { ok: false; error: string };

export const EMPTY_INPUT_MESSAGE = 'Type a word or a "quoted phrase" to make it a topic (start with - to mute it).';
export const NO_TERM_MESSAGE = 'There is no term to match: type a word, a "quoted phrase", a prefix* or a /regex/.';

/** At most `max` UTF-16 units, never ending in half a surrogate pair; "…" marks the cut. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(out)) out = out.slice(0, -1);
  return `${out.trimEnd()}…`;
}

export function parseQuickTopic(input: string): QuickTopicParse {
  let text = input.trim();
  if (text === '') return { ok: false, error: EMPTY_INPUT_MESSAGE };
  let mode: Topic['mode'] = 'highlight';
  if (text.startsWith('-')) {
    mode = 'mute';
    text = text.slice(1).trim();
    if (text === '') return { ok: false, error: `Type what to mute after the minus, e.g. -diffusion.` };
  }
  const { terms, exclusions } = parseTopicInput(text);
  if (terms.length === 0) return { ok: false, error: NO_TERM_MESSAGE };
  const name = shorten(terms[0]!.replace(/\s+/g, ' '), MAX_TOPIC_NAME_LENGTH);
  return { ok: true, draft: { name, terms, exclusions, mode } };
}
