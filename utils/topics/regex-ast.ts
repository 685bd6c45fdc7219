/**
 * A small parser for JavaScript regex patterns, just detailed enough for the backtracking analysis in
 * regex-safety.ts. It runs only on patterns `new RegExp` already accepted, so it can be lenient.
 */

export type RxNode =
  | { type: 'alt'; alts: RxNode[]; from: number; to: number }
  | { type: 'seq'; items: RxNode[]; from: number; to: number }
  | { type: 'group'; body: RxNode; lookaround: boolean; from: number; to: number }
  | { type: 'quant'; body: RxNode; min: number; max: number; from: number; to: number }
  /** Consumes exactly one character; `src` is its pattern text (literal, escape, class or dot). */
  | { type: 'char'; src: string; from: number; to: number }
  /** Zero-width: ^ $ \b \B. */
  | { type: 'assert'; from: number; to: number }
  | { type: 'backref'; from: number; to: number };

const QUANT_BRACES = /\{(\d+)(?:(,)(\d*))?\}/y;

export function parseRegexSource(pattern: string, flags: string): RxNode {
  const unicode = flags.includes('u') || flags.includes('v');
  const setsMode = flags.includes('v');
  let pos = 0;

  const disjunction = (): RxNode => {
    const from = pos;
    const alts = [alternative()];
    while (pattern[pos] === '|') {
      pos++;
      alts.push(alternative());
    }
    return alts.length === 1 ? alts[0]! : { type: 'alt', alts, from, to: pos };
  };

  const alternative = (): RxNode => {
    const from = pos;
    const items: RxNode[] = [];
    while (pos < pattern.length && pattern[pos] !== '|' && pattern[pos] !== ')') items.push(quantified());
    return { type: 'seq', items, from, to: pos };
  };

  const quantified = (): RxNode => {
    const from = pos;
    const body = atom();
    let min: number;
    let max: number;
    const c = pattern[pos];
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      QUANT_BRACES.lastIndex = pos;
      const m = QUANT_BRACES.exec(pattern);
      if (!m) return body;
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      pos += m[0].length - 1;
    } else return body;
    pos++;
    if (pattern[pos] === '?') pos++; // lazy: same backtracking risk
    return { type: 'quant', body, min, max, from, to: pos };
  };

  const atom = (): RxNode => {
    const from = pos;
    const c = pattern[pos]!;
    if (c === '(') {
      pos++;
      let lookaround = false;
      if (pattern.startsWith('?:', pos)) pos += 2;
      else if (pattern.startsWith('?=', pos) || pattern.startsWith('?!', pos)) [pos, lookaround] = [pos + 2, true];
      else if (pattern.startsWith('?<=', pos) || pattern.startsWith('?<!', pos)) [pos, lookaround] = [pos + 3, true];
      else if (pattern.startsWith('?<', pos)) pos = pattern.indexOf('>', pos) + 1;
      else if (pattern[pos] === '?') pos = pattern.indexOf(':', pos) + 1; // modifiers group (?i:...)
      const body = disjunction();
      pos++; // ')'
      return { type: 'group', body, lookaround, from, to: pos };
    }
    if (c === '[') {
      pos++;
      let depth = 1; // nested classes exist only with the v flag
      while (pos < pattern.length && depth > 0) {
        const d = pattern[pos]!;
        if (d === '\\') pos += 2;
        else if (d === '[' && setsMode) [pos, depth] = [pos + 1, depth + 1];
        else if (d === ']') [pos, depth] = [pos + 1, depth - 1];
        else pos++;
      }
      return { type: 'char', src: pattern.slice(from, pos), from, to: pos };
    }
    if (c === '\\') return escape(from);
    if (c === '^' || c === '$') {
      pos++;
      return { type: 'assert', from, to: pos };
    }
    const cp = pattern.codePointAt(pos)!;
    pos += unicode && cp > 0xffff ? 2 : 1;
    return { type: 'char', src: pattern.slice(from, pos), from, to: pos };
  };

  const escape = (from: number): RxNode => {
    const e = pattern[pos + 1] ?? '';
    pos += 2;
    if (e === 'b' || e === 'B') return { type: 'assert', from, to: pos };
    if (/[1-9]/.test(e)) {
      while (/[0-9]/.test(pattern[pos] ?? '')) pos++;
      return { type: 'backref', from, to: pos };
    }
    if (e === 'k' && pattern[pos] === '<') {
      pos = pattern.indexOf('>', pos) + 1;
      return { type: 'backref', from, to: pos };
    }
    if ((e === 'p' || e === 'P') && unicode && pattern[pos] === '{') pos = pattern.indexOf('}', pos) + 1;
    else if (e === 'u' && unicode && pattern[pos] === '{') pos = pattern.indexOf('}', pos) + 1;
    else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(pattern.slice(pos, pos + 4))) pos += 4;
    else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(pattern.slice(pos, pos + 2))) pos += 2;
    else if (e === 'c' && /[a-zA-Z]/.test(pattern[pos] ?? '')) pos += 1;
    else if (unicode && (pattern.codePointAt(pos - 1) ?? 0) > 0xffff) pos += 1;
    return { type: 'char', src: pattern.slice(from, pos), from, to: pos };
  };

  return disjunction();
}
