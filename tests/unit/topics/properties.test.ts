import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The naive matcher compiles a fresh Unicode-aware RegExp per new term (~1 ms each): keep runs moderate.
const EQUIVALENCE_RUNS = 100;
const SLOW = 60_000;
import { compileTopics } from '../../../utils/topics/compile';
import { naiveMatch } from '../../../utils/topics/naive';
import type { Topic } from '../../../utils/topics/types';

const topic = (id: string, terms: string[], exclusions: string[] = []): Topic => ({
  id,
  name: id,
  colour: '#3b82f6',
  terms,
  exclusions,
  fields: ['title', 'abstract', 'keywords', 'authors', 'organization'],
  mode: 'highlight',
  createdAt: 0,
});

/** Invisible marks sit next to a real separator: on their own they do not split words, by design. */
const SEPARATORS = [' ', ' ', '  ', '-', ', ', '. ', ' – ', '\n', ' (', ') ', '\u200F ', ' \u2067', ' 🔥 ', '🔥', '; ', "' "];

/** Random text: words over `alphabet`, random capitals, joined by assorted separators. */
function textOf(alphabet: string) {
  const word = fc
    .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 7 })
    .chain((letters) => fc.boolean().map((upper) => (upper ? letters.join('').toUpperCase() : letters.join(''))));
  return fc
    .array(fc.tuple(word, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 30 })
    .map((parts) => ({ words: parts.map(([w]) => w), text: parts.map(([w, s]) => w + s).join('') }));
}

describe('properties', () => {
  it('a word taken from the text always matches, and marks that word as written', () => {
    fc.assert(
      fc.property(
        textOf('abcdefgsy'),
        fc.nat(),
        ({ words, text }, pick) => {
          const term = words[pick % words.length]!;
          const [m] = compileTopics([topic('t', [term.toLowerCase()])]).match({ abstract: text });
          expect(m).toBeDefined();
          const marked = m!.hits.map((h) => text.slice(h.start, h.end).toLowerCase());
          expect(marked).toContain(term.toLowerCase());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a phrase of two consecutive words joined by a space or hyphen always matches', () => {
    fc.assert(
      fc.property(textOf('abcdef'), fc.nat(), fc.constantFrom(' ', '-'), ({ words, text }, pick, joiner) => {
        fc.pre(words.length >= 2);
        const i = pick % (words.length - 1);
        // Only when the text itself joins them with whitespace/hyphens, as whole words: "acc-bcb" holds
        // "c-b" but not the words "c" and "b".
        const joined = new RegExp(`(?<![\\p{L}\\p{N}])${words[i]}[ -]${words[i + 1]}(?![\\p{L}\\p{N}])`, 'u');
        fc.pre(joined.test(text));
        const term = `${words[i]}${joiner}${words[i + 1]}`;
        expect(compileTopics([topic('t', [term])]).match({ abstract: text })).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });

  it('a term made of letters absent from the text never matches', () => {
    fc.assert(
      fc.property(textOf('abcdefghsy'), fc.stringMatching(/^[jklmnopqrtuvwxz]{1,10}$/), ({ text }, term) => {
        expect(compileTopics([topic('t', [term, `${term} ${term}`, `${term}*`])]).match({ abstract: text })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('compileTopics and naiveMatch agree on words, plurals and phrases', () => {
    fc.assert(
      fc.property(
        textOf('abcdeisy'),
        fc.array(fc.array(fc.stringMatching(/^[a-eisy]{1,6}( [a-eisy]{1,6})?$/), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 5,
        }),
        ({ text }, termLists) => {
          const topics = termLists.map((terms, i) => topic(`t${i}`, terms));
          const paper = { title: text.slice(0, 20), abstract: text, keywords: text.split(/[,.]/) };
          const compiled = compileTopics(topics).match(paper);
          const naive = naiveMatch(topics, paper);
          expect(compiled.map((m) => m.topicId).sort()).toEqual(naive.map((m) => m.topicId).sort());
          expect(compiled).toEqual(naive); // same hits, scores and order, too
        },
      ),
      { numRuns: EQUIVALENCE_RUNS },
    );
  }, SLOW);

  it('they agree on every plural and possessive ending', () => {
    const ENDS = ['', 'y', 's', 'x', 'ch', 'sh', 'o', 'e'];
    const SUFFIXES = ['', 's', 'es', 'ies', "'s", "es's"];
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[ab]{1,3}$/), { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...ENDS), fc.constantFrom(...SUFFIXES)), { minLength: 1, maxLength: 8 }),
        (stems, picks) => {
          // The text holds every inflection of every stem, so each term meets all its relatives.
          const text = stems.flatMap((stem) => ENDS.flatMap((end) => SUFFIXES.map((suffix) => stem + end + suffix))).join(' ');
          const topics = picks.map(([n, end, suffix], i) => topic(`t${i}`, [stems[n % stems.length]! + end + suffix]));
          const paper = { abstract: text };
          expect(compileTopics(topics).match(paper)).toEqual(naiveMatch(topics, paper));
        },
      ),
      { numRuns: EQUIVALENCE_RUNS },
    );
  }, SLOW);

  it('they also agree with prefixes and exclusions', () => {
    fc.assert(
      fc.property(
        textOf('abcde'),
        fc.array(fc.stringMatching(/^[a-e]{1,4}\*?( [a-e]{1,4}\*?)?$/), { minLength: 1, maxLength: 6 }),
        // Long exclusions: a short one is nearly always somewhere in the text and vetoes the whole field.
        fc.array(fc.stringMatching(/^[a-e]{3,4}( [a-e]{1,4})?$/), { maxLength: 2 }),
        ({ text }, someTerms, exclusions) => {
          // Both "ab" and "ab*" often hit the same word: the hit order must not depend on how hits were found.
          const terms = someTerms.flatMap((t) => (t.endsWith('*') ? [t, t.slice(0, -1)] : [t]));
          const topics = [topic('t', terms, exclusions)];
          const paper = { abstract: text };
          const matcher = compileTopics(topics);
          fc.pre(matcher.refused.length === 0); // one-letter prefixes are refused by design
          expect(matcher.match(paper)).toEqual(naiveMatch(topics, paper));
        },
      ),
      { numRuns: EQUIVALENCE_RUNS },
    );
  }, SLOW);
});
