/**
 * The benchmark baseline: what a straightforward implementation does, one RegExp per term per paper,
 * built on every call. Same normalisation, term syntax, exclusion and scoring rules as compileTopics,
 * so both give the same matches; only the cost differs.
 */
import { topicFields } from './compile';
import { applyExclusions, type Span } from './exclusions';
import { fieldText } from './fields';
import { cleanForRegex, normaliseForMatching, toOriginalRange, type MappedText } from './normalise';
import { wordsWithCandidate } from './plural';
import { MAX_REGEX_HITS_PER_FIELD, scanRegex } from './regex-scan';
import { compareHits, compareMatches, scoreHits } from './score';
import { parseTerm, type Atom, type WordsTerm } from './term-syntax';
import { SOFT_GAP_CLASS } from './tokenize';
import { ALL_TOPIC_FIELDS, type MatchableText, type TermHit, type Topic, type TopicField, type TopicMatch } from './types';

const WORD = '[\\p{L}\\p{N}\\p{M}]';
/** Not inside a word: no word character (or word character + apostrophe) just before. */
const WORD_START = `(?<!${WORD}'?)`;
/** Word ends: no word character (or apostrophe + word character) just after. */
const WORD_END = `(?!${WORD}|'${WORD})`;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function atomPattern(atom: Atom): string {
  if (atom.kind === 'prefix') return `${escapeRegex(atom.prefix)}(?:${WORD}|'(?=${WORD}))*`;
  const forms = [...new Set(atom.keys.flatMap(wordsWithCandidate))].sort((a, b) => b.length - a.length);
  return `(?:${forms.map(escapeRegex).join('|')})`;
}

/** The whole term as one regex over normalised text. */
export function wordsTermPattern(term: WordsTerm): string {
  let pattern = WORD_START;
  term.atoms.forEach((atom, i) => {
    if (i > 0) {
      const gap = term.gaps[i]!;
      pattern += gap === null ? `${SOFT_GAP_CLASS}+` : escapeRegex(gap);
    }
    pattern += atomPattern(atom) + WORD_END;
  });
  return pattern;
}

export function naiveMatch(topics: Topic[], paper: MatchableText): TopicMatch[] {
  const normalised = new Map<TopicField, MappedText>();
  const cleaned = new Map<TopicField, MappedText>();
  const matches: TopicMatch[] = [];
  for (const topic of topics) {
    const watched = topicFields(topic);
    const hits: TermHit[] = [];
    for (const field of ALL_TOPIC_FIELDS) {
      if (!watched.includes(field)) continue;
      const original = fieldText(paper, field);
      if (original === '') continue;
      const find = (raw: string): Span[] => {
        const parsed = parseTerm(raw);
        if (!parsed.ok) return [];
        const term = parsed.term;
        let mapped: MappedText;
        let regex: RegExp;
        let cap = Infinity;
        if (term.kind === 'regex') {
          mapped = cleaned.get(field) ?? cleaned.set(field, cleanForRegex(original)).get(field)!;
          regex = term.regex;
          cap = MAX_REGEX_HITS_PER_FIELD;
        } else {
          mapped = normalised.get(field) ?? normalised.set(field, normaliseForMatching(original)).get(field)!;
          regex = new RegExp(wordsTermPattern(term), 'gu');
        }
        return scanRegex(regex, mapped.text, cap).map(([s, e]) => {
          const [start, end] = toOriginalRange(mapped, s, e);
          return { start, end };
        });
      };
      const termHits = (topic.terms ?? []).flatMap((term) => find(term).map((span) => ({ term, field, ...span })));
      const exclusionHits = (topic.exclusions ?? []).flatMap(find);
      hits.push(...applyExclusions(termHits, exclusionHits));
    }
    if (hits.length === 0) continue;
    hits.sort(compareHits);
    matches.push({ topicId: topic.id, name: topic.name, colour: topic.colour, mode: topic.mode, score: scoreHits(hits), hits });
  }
  return matches.sort(compareMatches);
}
