/**
 * Simple English plural and possessive folding. A text word matches a term word when their candidate
 * sets share an entry: "transformers" ~ "transformer", "queries" ~ "query", "boxes" ~ "box",
 * "classes" ~ "class", "model's" ~ "model". Stems shorter than 3 letters are not produced, so "bus",
 * "gas" or "has" are never cut. Wrong guesses ("series" → "sery") are harmless: both sides fold alike.
 */

const MIN_STEM = 3;
const ES_STEM_END = /(?:s|x|z|ch|sh|o)$/;

/** The word itself plus the singulars it could be the plural of. */
function singularForms(word: string, into: string[]): void {
  into.push(word);
  const n = word.length;
  if (n < MIN_STEM + 1 || word.charCodeAt(n - 1) !== 115 /* s */) return;
  if (n - 2 >= MIN_STEM && word.endsWith('ies')) into.push(word.slice(0, -3) + 'y');
  if (n - 2 >= MIN_STEM && word.endsWith('es') && ES_STEM_END.test(word.slice(0, -2))) into.push(word.slice(0, -2));
  if (word.charCodeAt(n - 2) !== 115) into.push(word.slice(0, -1));
}

/** Lookup keys for a normalised word (term side and text side use the same function). */
export function wordCandidates(word: string): string[] {
  const out: string[] = [];
  singularForms(word, out);
  if (word.endsWith("'s") && word.length > 2) singularForms(word.slice(0, -2), out);
  return out;
}

/**
 * Every word whose candidates contain `key` (the inverse of wordCandidates). Used by the naive
 * matcher to build alternations equivalent to the compiled lookup.
 */
export function wordsWithCandidate(key: string): string[] {
  const base = [key];
  if (key.length >= MIN_STEM) {
    if (!key.endsWith('s')) base.push(key + 's');
    if (ES_STEM_END.test(key)) base.push(key + 'es');
    if (key.endsWith('y')) base.push(key.slice(0, -1) + 'ies');
  }
  return [...base, ...base.map((w) => w + "'s")];
}

/**
 * Every text word whose candidates share an entry with `keys` (a term word's wordCandidates): the compiled
 * matcher indexes these so each text token needs one lookup instead of one per candidate.
 */
export function wordsMatchingKeys(keys: readonly string[]): string[] {
  const words = new Set<string>();
  for (const key of keys) for (const word of wordsWithCandidate(key)) words.add(word);
  return [...words];
}
