/**
 * Where JSON text stops being JSON, with line and column. JSON.parse messages differ between engines and
 * often lack a position (V8: `Unexpected token '}', "..." is not valid JSON`), so when it fails we scan the
 * text once more with this small iterative checker (no recursion: nesting depth cannot overflow the stack).
 */

export interface JsonSyntaxProblem {
  /** UTF-16 offset of the problem. */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 units. */
  column: number;
  message: string;
  /** The text ended while a value was still open: a cut-off download or copy. */
  truncated: boolean;
}

type Expect = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'commaOrEnd' | 'end';

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NUMBER_PREFIX = /^-?(?:0|[1-9]\d*)?(?:\.\d*)?(?:[eE][+-]?\d*)?$/;

export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  const stack: Array<'{' | '['> = [];
  let expect = 'value' as Expect;
  let i = 0;
  const fail = (offset: number, message: string, truncated = false) => problemAt(text, offset, message, truncated);
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'commaOrEnd');

  while (true) {
    while (i < text.length && WS.has(text[i]!)) i++;
    if (i >= text.length) {
      if (expect === 'end') return undefined;
      const inside = stack.length === 0 ? 'before any value' : `inside an unfinished ${stack[stack.length - 1] === '{' ? 'object' : 'array'}`;
      return fail(text.length, `the text ends ${inside}`, stack.length > 0 || text.trim() !== '');
    }
    const ch = text[i]!;
    switch (expect) {
      case 'end':
        return fail(i, `unexpected ${describe(ch)} after the end of the JSON value`);
      case 'colon':
        if (ch !== ':') return fail(i, `expected ':' after a property name, found ${describe(ch)}`);
        i++;
        expect = 'value';
        continue;
      case 'commaOrEnd': {
        const top = stack[stack.length - 1]!;
        const close = top === '{' ? '}' : ']';
        if (ch === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
        } else if (ch === close) {
          i++;
          stack.pop();
          expect = afterValue();
        } else {
          return fail(i, `expected ',' or '${close}' after ${top === '{' ? 'a property value' : 'an array element'}, found ${describe(ch)}`);
        }
        continue;
      }
      case 'keyOrEnd':
      case 'key':
        if (ch === '}' && expect === 'keyOrEnd') {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (ch !== '"') {
          return fail(i, ch === '}' ? "trailing comma before '}'" : `expected a property name in double quotes, found ${describe(ch)}`);
        }
        {
          const end = scanString(text, i);
          if (typeof end !== 'number') return fail(end.offset, end.message, end.truncated);
          i = end;
        }
        expect = 'colon';
        continue;
      case 'valueOrEnd':
        if (ch === ']') {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        expect = 'value'; // anything else must be a value: look at the same character again
        continue;
      case 'value': {
        if (ch === ']' && stack[stack.length - 1] === '[') return fail(i, "trailing comma before ']'");
        if (ch === '{' || ch === '[') {
          stack.push(ch);
          i++;
          expect = ch === '{' ? 'keyOrEnd' : 'valueOrEnd';
          continue;
        }
        let end: number | ScanError;
        if (ch === '"') end = scanString(text, i);
        else if (ch === '-' || (ch >= '0' && ch <= '9')) end = scanNumber(text, i);
        else if (ch === 't' || ch === 'f' || ch === 'n') end = scanLiteral(text, i);
        else return fail(i, `unexpected ${describe(ch)} where a value should be`);
        if (typeof end !== 'number') return fail(end.offset, end.message, end.truncated);
        i = end;
        expect = afterValue();
        continue;
      }
    }
  }
}

interface ScanError {
  offset: number;
  message: string;
  truncated: boolean;
}

function scanString(text: string, start: number): number | ScanError {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') return i + 1;
    if (ch === '\\') {
      const esc = text[i + 1];
      if (esc === undefined) break;
      if (esc === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
          if (i + 2 + hex.length >= text.length && /^[0-9a-fA-F]*$/.test(hex)) break;
          return { offset: i, message: 'invalid \\u escape in a string', truncated: false };
        }
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(esc)) return { offset: i, message: `invalid escape "\\${esc}" in a string`, truncated: false };
      i += 2;
      continue;
    }
    if (ch.charCodeAt(0) < 0x20) return { offset: i, message: 'line break or control character inside a string (unclosed quote?)', truncated: false };
    i++;
  }
  return { offset: text.length, message: 'the text ends inside a string', truncated: true };
}

function scanNumber(text: string, start: number): number | ScanError {
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(text);
  const end = match ? start + match[0].length : start;
  const next = text[end];
  if (next === undefined) {
    if (match) return end;
  } else if (match && !/[0-9.eE+-]/.test(next)) {
    return end;
  }
  const rest = text.slice(start);
  if (NUMBER_PREFIX.test(rest)) return { offset: text.length, message: 'the text ends inside a number', truncated: true };
  return { offset: next === undefined ? start : end, message: 'invalid number', truncated: false };
}

function scanLiteral(text: string, start: number): number | ScanError {
  for (const word of ['true', 'false', 'null']) {
    const piece = text.slice(start, start + word.length);
    if (piece === word) return start + word.length;
    if (word.startsWith(piece) && start + piece.length === text.length) {
      return { offset: text.length, message: `the text ends inside "${word}"`, truncated: true };
    }
  }
  return { offset: start, message: `unexpected ${describe(text[start]!)} where a value should be`, truncated: false };
}

function describe(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x20 || code === 0x7f ? `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}` : `'${ch}'`;
}

function problemAt(text: string, offset: number, message: string, truncated: boolean): JsonSyntaxProblem {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k !== -1 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { offset, line, column: offset - lineStart + 1, message, truncated };
}
