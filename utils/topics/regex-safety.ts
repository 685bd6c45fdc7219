/**
 * Checks `/pattern/flags` terms before they ever run on a page.
 *
 * 1. Syntax: `new RegExp` must accept it (its message is passed on), no sticky flag, no empty match.
 * 2. Static analysis (regex-analysis.ts): inside any repetition (`*`, `+`, `{n,m}` with max > 1), a variable
 *    part whose characters can also start what follows it (`(a+)+`, `(.*a){20}`, `(\w+\s?)*`), or
 *    alternatives that can match the same text (`(a|a)*`, `(a|ab)+`), is refused: such patterns backtrack
 *    exponentially on near-misses, and JavaScript cannot interrupt a running regex.
 * 3. Timing (regex-timing.ts): scans of adversarial texts built from the pattern's own characters, growing
 *    towards 10 KB; a 10 KB scan is extrapolated from the fitted growth and refused over budget (catches
 *    cubic blow-ups such as `\w*\w*\w*x`, and exponential ones the static analysis missed).
 */
import { BacktrackingAnalysis } from './regex-analysis';
import { parseRegexSource } from './regex-ast';
import { timingRisk } from './regex-timing';

export { ADVERSARIAL_TEXT_LENGTH, REGEX_TIME_BUDGET_MS } from './regex-timing';

export type RegexCheck = { ok: true; regex: RegExp } | { ok: false; reason: string };

export const MAX_REGEX_SOURCE_LENGTH = 500;

const REGEX_TERM = /^\/(.+)\/([a-z]*)$/s;

/** True for text written as `/pattern/flags`. */
export function isRegexTermSyntax(text: string): boolean {
  return REGEX_TERM.test(text.trim());
}

const cache = new Map<string, RegexCheck>();
const CACHE_LIMIT = 256;

/**
 * Validates a `/pattern/flags` term. On success `regex` is a fresh RegExp with the given flags plus `g`
 * (the matcher scans for every occurrence).
 */
export function checkRegexTerm(src: string): RegexCheck {
  const key = src.trim();
  let result = cache.get(key);
  if (!result) {
    result = checkUncached(key);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, result);
  }
  return result.ok ? { ok: true, regex: new RegExp(result.regex.source, result.regex.flags) } : result;
}

function checkUncached(src: string): RegexCheck {
  const parts = REGEX_TERM.exec(src);
  if (!parts) return { ok: false, reason: 'write regex terms as /pattern/flags, e.g. /diffusion|flow/i' };
  const pattern = parts[1]!;
  const flags = parts[2]!;
  if (pattern.length > MAX_REGEX_SOURCE_LENGTH) {
    return { ok: false, reason: `the pattern is longer than ${MAX_REGEX_SOURCE_LENGTH} characters` };
  }
  if (flags.includes('y')) return { ok: false, reason: 'the sticky flag "y" is not supported in terms' };
  let probe: RegExp;
  try {
    probe = new RegExp(pattern, flags);
  } catch (error) {
    return { ok: false, reason: `invalid regular expression: ${(error as Error).message}` };
  }
  const baseFlags = flags.replace('g', '');
  const root = parseRegexSource(pattern, baseFlags);
  const analysis = new BacktrackingAnalysis(pattern, baseFlags);
  const risk = analysis.findRisk(root);
  if (risk) return { ok: false, reason: risk };
  if (probe.test('')) return { ok: false, reason: 'the pattern matches empty text, so it would mark nothing' };
  const regex = new RegExp(pattern, baseFlags + 'g');
  const slow = timingRisk(regex, analysis.sampleText(root));
  if (slow) return { ok: false, reason: slow };
  return { ok: true, regex };
}
