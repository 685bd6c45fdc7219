// @vitest-environment node
/**
 * No shipped code turns text into markup or code: the scanner (scripts/check-unsafe-html.ts) over utils/,
 * components/ and entrypoints/ finds nothing, and the scanner itself is shown to catch every rule, at the right
 * line, in a planted file, while ignoring comments.
 */
/// <reference types="node" />
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFinding, maskComments, scanSource, scanTree, UNSAFE_RULES } from '../../../scripts/check-unsafe-html';
import { ROOT } from '../../../scripts/lib/paths';

const rulesAt = (src: string) => scanSource(src).map((f) => `${f.line}:${f.rule}`);

describe('the extension sources', () => {
  it('use no API that parses text as markup or runs it as code', () => {
    const { files, findings } = scanTree(ROOT);
    // The tree really was read (a wrong root would "pass" with nothing scanned).
    expect(files).toBeGreaterThan(50);
    expect(findings.map(formatFinding), 'unsafe uses (file:line:column  rule  line)').toEqual([]);
  });
});

describe('the scanner', () => {
  it('catches every rule, at its line', () => {
    const sample = [
      'const el = document.createElement("div");', // 1
      'el.innerHTML = title;', // 2
      'const s = el.outerHTML;', // 3
      "el.insertAdjacentHTML('beforeend', x);", // 4
      'const p = <div dangerouslySetInnerHTML={{ __html: x }} />;', // 5
      'document.write(x);', // 6
      'document .writeln(x);', // 7
      'eval(code);', // 8
      'const f = new Function("a", body);', // 9
      "setTimeout('run()', 10);", // 10
      'setInterval(`tick(${n})`, 10);', // 11
      'a.href = "javascript:" + data;', // 12
      "const u = `JavaScript:${x}`;", // 13
      'range.createContextualFragment(html);', // 14
      "el['innerHTML'] = x;", // 15
      'window.eval(x);', // 16
      'el.setHTMLUnsafe(x);', // 17
    ].join('\n');
    expect(rulesAt(sample)).toEqual([
      '2:innerHTML',
      '3:outerHTML',
      '4:insertAdjacentHTML',
      '5:dangerouslySetInnerHTML',
      '6:document.write',
      '7:document.write',
      '8:eval',
      '9:Function',
      '10:string-timer',
      '11:string-timer',
      '12:javascript-url',
      '13:javascript-url',
      '14:createContextualFragment',
      '15:innerHTML',
      '16:eval',
      '17:setHTMLUnsafe',
    ]);
    // Every rule has a sample above.
    expect(new Set(scanSource(sample).map((f) => f.rule))).toEqual(new Set(UNSAFE_RULES.map((r) => r.id)));
  });

  it('leaves safe look-alikes alone', () => {
    const sample = [
      'el.textContent = title;',
      'await page.evaluate(() => 1);',
      'const isFunction = typeof f === "function";',
      'setTimeout(() => run(), 10);',
      'setTimeout(run, 10);',
      'const evaluated = evaluate(x);',
      'type Fn = Function;',
      'a.href = safeHttpsUrl(url) ?? "#";',
    ].join('\n');
    expect(rulesAt(sample)).toEqual([]);
  });

  it('ignores comments but not strings, regexes or template literals that look like comments', () => {
    const sample = [
      '/** Text via text nodes only (never innerHTML). */', // 1
      '// eval( is banned; so is document.write', // 2
      'const re = /\\/\\/|"/; el.innerHTML = x;', // 3: the regex holds "//" and a quote
      'const u = "https://huggingface.co"; el.outerHTML = u;', // 4: "//" inside a string
      'const t = `a ${b /* innerHTML */} //c`; eval(t);', // 5: comment inside ${}, "//" in the template
      'const n = a / b; /* a comment */ el.insertAdjacentHTML("x", n);', // 6: division, then a block comment
      '<p>Don\'t panic</p>; el.innerHTML = y;', // 7: an apostrophe in JSX text
      '{/* JSX comment: innerHTML */}', // 8
      '/* a block', // 9
      '   comment: innerHTML */ eval(x);', // 10
    ].join('\n');
    expect(rulesAt(sample)).toEqual(['3:innerHTML', '4:outerHTML', '5:eval', '6:insertAdjacentHTML', '7:innerHTML', '10:eval']);
    // Masking keeps offsets, so columns and line numbers are those of the original text.
    expect(maskComments(sample)).toHaveLength(sample.length);
    expect(maskComments(sample).split('\n')).toHaveLength(10);
  });

  it('reports file:line for a planted file in a tree', () => {
    const root = mkdtempSync(join(tmpdir(), 'papersift-unsafe-scan-'));
    try {
      mkdirSync(join(root, 'components', 'deep'), { recursive: true });
      mkdirSync(join(root, 'utils'), { recursive: true });
      writeFileSync(join(root, 'utils', 'fine.ts'), '// innerHTML is banned\nexport const x = 1;\n');
      writeFileSync(
        join(root, 'components', 'deep', 'Bad.tsx'),
        'export function Bad({ html }: { html: string }) {\n  return <div dangerouslySetInnerHTML={{ __html: html }} />;\n}\n',
      );
      const { files, findings } = scanTree(root);
      expect(files).toBe(2);
      expect(findings.map(formatFinding)).toEqual([
        'components/deep/Bad.tsx:2:15  dangerouslySetInnerHTML  return <div dangerouslySetInnerHTML={{ __html: html }} />;',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
