/** Runs a regex term over a text, the same way on the page and in the safety timing. */

/** A regex term stops after this many hits in one field: enough to mark, bounded work. */
export const MAX_REGEX_HITS_PER_FIELD = 200;

/** Non-overlapping, non-empty matches as [start, end) pairs. `regex` must have the g flag. */
export function scanRegex(regex: RegExp, text: string, cap = MAX_REGEX_HITS_PER_FIELD): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  regex.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < cap && (m = regex.exec(text)) !== null) {
    if (m[0].length === 0) {
      // Step past an empty match (a whole code point in unicode mode) so the scan always ends.
      const cp = text.codePointAt(m.index) ?? 0;
      regex.lastIndex = m.index + (regex.unicode && cp > 0xffff ? 2 : 1);
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  regex.lastIndex = 0;
  return out;
}
