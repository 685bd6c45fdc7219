/**
 * Turns what a reader types into terms and exclusions:
 *   parseTopicInput('diffusion models, "world model" -attention deficit, ensembl*, /flow|ode/i')
 *   → terms ['diffusion models', 'world model', 'ensembl*', '/flow|ode/i'], exclusions ['attention deficit']
 * Rules: commas separate entries; inside an entry, a "quoted phrase" is a term of its own; a word starting
 * with "-" starts an exclusion that runs to the end of the entry (or the next quote); other words join
 * into one phrase; `/pattern/flags` is taken whole (commas inside it do not split).
 */

export interface ParsedTopicInput {
  terms: string[];
  exclusions: string[];
}

const REGEX_AT = /\/(?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\\\n])+\/[a-z]*/y;

export function parseTopicInput(input: string): ParsedTopicInput {
  const terms: string[] = [];
  const exclusions: string[] = [];
  let words: string[] = [];
  let excluding = false;

  const flush = () => {
    const text = words.join(' ').trim();
    if (text) (excluding ? exclusions : terms).push(text);
    words = [];
    excluding = false;
  };

  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    const atWordStart = i === 0 || /[\s,]/.test(input[i - 1]!);
    if (c === ',') {
      flush();
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === '“' || c === '”') {
      const close = input.slice(i + 1).search(/["“”]/);
      const end = close < 0 ? input.length : i + 1 + close;
      const phrase = input.slice(i + 1, end).trim();
      const negated = excluding && words.length === 0;
      if (!negated) flush();
      if (phrase) (negated ? exclusions : terms).push(phrase);
      words = [];
      excluding = false;
      i = end + 1;
    } else if (c === '-' && atWordStart && i + 1 < input.length && !/[\s,-]/.test(input[i + 1]!)) {
      flush();
      excluding = true;
      i++;
    } else if (c === '/' && atWordStart && words.length === 0) {
      REGEX_AT.lastIndex = i;
      const m = REGEX_AT.exec(input);
      if (m && (m.index + m[0].length === input.length || /[\s,]/.test(input[m.index + m[0].length]!))) {
        (excluding ? exclusions : terms).push(m[0]);
        excluding = false;
        i += m[0].length;
      } else {
        i = readWord(i);
      }
    } else {
      i = readWord(i);
    }
  }
  flush();
  return { terms, exclusions };

  function readWord(from: number): number {
    let end = from;
    while (end < input.length && !/[\s,"“”]/.test(input[end]!)) end++;
    words.push(input.slice(from, end));
    return end;
  }
}
