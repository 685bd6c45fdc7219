/**
 * Parses one term as typed in a topic: a word, a phrase (`world model`, `"world model"`,
 * `mixture-of-experts`), a prefix (`ensembl*`, also on a phrase's words: `neural net*`) or a `/regex/flags`.
 */
import { normaliseForMatching } from './normalise';
import { wordCandidates } from './plural';
import { checkRegexTerm, isRegexTermSyntax } from './regex-safety';
import { isSoftGap, isWordCodePoint, tokenize } from './tokenize';

export type Atom = { kind: 'word'; word: string; keys: string[] } | { kind: 'prefix'; prefix: string };

export interface WordsTerm {
  kind: 'words';
  source: string;
  atoms: Atom[];
  /** gaps[i] is what must separate atoms[i-1] and atoms[i]: null = whitespace/hyphens, else that exact text. */
  gaps: Array<string | null>;
}

export interface RegexTerm {
  kind: 'regex';
  source: string;
  regex: RegExp;
}

export type ParsedTerm = WordsTerm | RegexTerm;
export type TermParse = { ok: true; term: ParsedTerm } | { ok: false; reason: string };

export const MIN_PREFIX_LENGTH = 2;
export const MAX_TERM_LENGTH = 200;

const STAR_MISPLACED = '"*" may only end a word, as in ensembl*';
const QUOTED = /^["“”](.*)["“”]$/s;

/** Trims, collapses inner whitespace and drops one pair of surrounding quotes. */
export function cleanTermText(raw: string): string {
  const trimmed = raw.trim().replace(/\s+/g, ' ');
  const quoted = QUOTED.exec(trimmed);
  return quoted ? quoted[1]!.trim() : trimmed;
}

export function parseTerm(raw: string): TermParse {
  const source = raw.trim();
  if (source === '') return { ok: false, reason: 'the term is empty' };
  if (source.length > MAX_TERM_LENGTH) return { ok: false, reason: `the term is longer than ${MAX_TERM_LENGTH} characters` };
  if (isRegexTermSyntax(source)) {
    const checked = checkRegexTerm(source);
    return checked.ok ? { ok: true, term: { kind: 'regex', source, regex: checked.regex } } : checked;
  }
  const text = normaliseForMatching(cleanTermText(source)).text;
  const tokens = tokenize(text);
  if (tokens.count === 0) return { ok: false, reason: 'the term has no letters or digits' };

  const atoms: Atom[] = [];
  const gaps: Array<string | null> = [];
  let previousEnd = -1;
  for (let t = 0; t < tokens.count; t++) {
    const start = tokens.starts[t]!;
    const end = tokens.ends[t]!;
    const word = tokens.words[t]!;
    const isPrefix = text.charCodeAt(end) === 42; /* '*' */
    if (t > 0) gaps.push(isSoftGap(text, previousEnd, start) ? null : text.slice(previousEnd, start));
    else gaps.push(null);
    if (isPrefix) {
      if (end + 1 < text.length && isWordCodePoint(text.codePointAt(end + 1)!)) return { ok: false, reason: STAR_MISPLACED };
      if (word.length < MIN_PREFIX_LENGTH) {
        return { ok: false, reason: `the prefix "${word}*" is too short (at least ${MIN_PREFIX_LENGTH} letters)` };
      }
      atoms.push({ kind: 'prefix', prefix: word });
    } else {
      atoms.push({ kind: 'word', word, keys: wordCandidates(word) });
    }
    previousEnd = isPrefix ? end + 1 : end;
  }
  // A '*' anywhere else (before a word, alone, inside punctuation) is a typo, not a prefix.
  const stars = (text.match(/\*/g) ?? []).length;
  const prefixes = atoms.filter((a) => a.kind === 'prefix').length;
  if (stars !== prefixes) return { ok: false, reason: STAR_MISPLACED };
  return { ok: true, term: { kind: 'words', source, atoms, gaps } };
}
