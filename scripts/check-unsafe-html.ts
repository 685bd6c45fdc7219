/// <reference types="node" />
/**
 * `npx tsx scripts/check-unsafe-html.ts`: fails (exit 1) when the extension's sources use an API that turns text
 * into markup or code: innerHTML & co., document.write, eval, new Function, string timers, `javascript:` URLs.
 * Prints `file:line:column  rule  source line` for each hit. Used by tests/unit/security.
 *
 * Comments are blanked before matching (so "never innerHTML" in a doc comment is fine); strings are kept, so
 * `el['innerHTML']` and a `'javascript:'` literal are caught. The masker is a small tokenizer, not a parser:
 * it knows strings, template literals (with `${}`), regex literals and comments, which is all it needs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface UnsafeRule {
  id: string;
  re: RegExp;
  why: string;
}

export const UNSAFE_RULES: readonly UnsafeRule[] = [
  { id: 'innerHTML', re: /\binnerHTML\b/, why: 'parses text as markup' },
  { id: 'outerHTML', re: /\bouterHTML\b/, why: 'parses text as markup' },
  { id: 'insertAdjacentHTML', re: /\binsertAdjacentHTML\b/, why: 'parses text as markup' },
  { id: 'dangerouslySetInnerHTML', re: /\bdangerouslySetInnerHTML\b/, why: 'parses text as markup' },
  { id: 'createContextualFragment', re: /\bcreateContextualFragment\b/, why: 'parses text as markup' },
  { id: 'setHTMLUnsafe', re: /\b(?:setHTMLUnsafe|parseHTMLUnsafe)\b/, why: 'parses text as markup' },
  { id: 'document.write', re: /\bdocument\s*\.\s*write(?:ln)?\b/, why: 'parses text as markup' },
  { id: 'eval', re: /(?<![\w$])eval\s*\(/, why: 'runs text as code' },
  { id: 'Function', re: /(?<![\w$.])Function\s*\(/, why: 'runs text as code (new Function)' },
  { id: 'string-timer', re: /\bset(?:Timeout|Interval|Immediate)\s*\(\s*['"`]/, why: 'a string timer runs text as code' },
  { id: 'javascript-url', re: /javascript\s*:/i, why: 'a javascript: URL runs text as code' },
];

export interface UnsafeFinding {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  rule: string;
  /** The source line, trimmed. */
  text: string;
}

/** Tokens after which a `/` starts a regex literal rather than a division. */
const REGEX_AFTER_PUNCT = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);

/** `src` with every comment replaced by spaces (line breaks kept, so offsets and line numbers stay). */
export function maskComments(src: string): string {
  const out = src.split('');
  const n = src.length;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n' && out[k] !== '\r') out[k] = ' ';
  };
  /** For each open `${`, the brace depth at which it opened. */
  const substitutions: number[] = [];
  let inTemplate = false;
  let depth = 0;
  let last = '';
  let i = 0;
  while (i < n) {
    const c = src[i]!;
    if (inTemplate) {
      if (c === '\\') i += 2;
      else if (c === '`') {
        inTemplate = false;
        last = 'str';
        i++;
      } else if (c === '$' && src[i + 1] === '{') {
        substitutions.push(depth++);
        inTemplate = false;
        last = '{';
        i += 2;
      } else i++;
      continue;
    }
    const d = src[i + 1];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '/' && d === '/') {
      const eol = src.indexOf('\n', i);
      const end = eol < 0 ? n : eol;
      blank(i, end);
      i = end;
    } else if (c === '/' && d === '*') {
      const close = src.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      blank(i, end);
      i = end;
    } else if (c === '"' || c === "'") {
      // A quoted string ends at its quote or, if unterminated (an apostrophe in JSX text), at the line's end.
      i++;
      while (i < n && src[i] !== c && src[i] !== '\n') i += src[i] === '\\' ? 2 : 1;
      i++;
      last = 'str';
    } else if (c === '`') {
      inTemplate = true;
      i++;
    } else if (c === '{') {
      depth++;
      last = '{';
      i++;
    } else if (c === '}') {
      depth--;
      i++;
      if (substitutions.length > 0 && substitutions[substitutions.length - 1] === depth) {
        substitutions.pop();
        inTemplate = true;
      } else last = '}';
    } else if (c === '/') {
      const isRegex =
        (REGEX_AFTER_PUNCT.has(last) || REGEX_AFTER_WORD.has(last)) &&
        src[i - 1] !== '<' && // JSX closing tag `</a>`
        d !== '>'; // JSX self-closing `/>`
      if (!isRegex) {
        last = '/';
        i++;
        continue;
      }
      i++;
      let inClass = false;
      while (i < n && src[i] !== '\n') {
        const r = src[i]!;
        if (r === '\\') i++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        i++;
      }
      i++;
      while (i < n && /[a-z]/i.test(src[i]!)) i++;
      last = 're';
    } else if (/[\w$]/.test(c)) {
      const start = i;
      while (i < n && /[\w$]/.test(src[i]!)) i++;
      last = src.slice(start, i);
    } else {
      last = c;
      i++;
    }
  }
  return out.join('');
}

/** Every unsafe use in one source text. */
export function scanSource(src: string, file = '<inline>'): UnsafeFinding[] {
  const masked = maskComments(src).split('\n');
  const original = src.split('\n');
  const findings: UnsafeFinding[] = [];
  masked.forEach((line, i) => {
    for (const rule of UNSAFE_RULES) {
      const m = rule.re.exec(line);
      if (m) findings.push({ file, line: i + 1, column: m.index + 1, rule: rule.id, text: original[i]!.trim() });
    }
  });
  return findings;
}

/** The folders of the shipped extension code, relative to the repository root. */
export const SOURCE_DIRS = ['utils', 'components', 'entrypoints'] as const;

function sourceFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const name of names) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(ts|tsx|mts|cts|js|jsx|mjs)$/.test(name) && !name.endsWith('.d.ts')) files.push(path);
  }
  return files.sort();
}

/** Scans every source file under `dirs` (relative to `root`); file names in findings are relative to `root`. */
export function scanTree(root: string, dirs: readonly string[] = SOURCE_DIRS): { files: number; findings: UnsafeFinding[] } {
  const files = dirs.flatMap((d) => sourceFiles(join(root, d)));
  const findings = files.flatMap((f) => scanSource(readFileSync(f, 'utf8'), relative(root, f).split(sep).join('/')));
  return { files: files.length, findings };
}

export const formatFinding = (f: UnsafeFinding): string => `${f.file}:${f.line}:${f.column}  ${f.rule}  ${f.text}`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(fileURLToPath(import.meta.url), '..', '..');
  const { files, findings } = scanTree(root);
  for (const f of findings) console.log(formatFinding(f));
  console.log(`${files} files scanned, ${findings.length} unsafe use${findings.length === 1 ? '' : 's'}`);
  process.exitCode = findings.length > 0 ? 1 : 0;
}
