/**
 * `npm run bench` (builds first): runs every benchmark there is and writes one summary to stdout and
 * artifacts/bench/summary.md.
 * - decorate-bench.ts: content-script decoration time in Chromium vs the page's own load time.
 * - matcher-bench.ts / export-bench.ts: run when present (`runMatcherBench` / `runExportBench`).
 * BENCH_RUNS sets the number of measured page loads per case (default 5).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ARTIFACTS_DIR, ROOT } from '../lib/paths';
import { decorateTable, runDecorateBench } from './decorate-bench';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(ARTIFACTS_DIR, 'bench', 'summary.md');

/** Turns whatever another bench returns into Markdown: a string as is, rows as a table, anything else as JSON. */
function toMarkdown(result: unknown): string {
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && 'markdown' in result && typeof result.markdown === 'string') return result.markdown;
  const rows = Array.isArray(result)
    ? result
    : result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)
      ? result.rows
      : null;
  if (rows && rows.length && rows.every((r) => r && typeof r === 'object')) {
    const keys = [...new Set(rows.flatMap((r) => Object.keys(r as object)))];
    const cell = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v ?? ''));
    return [
      `| ${keys.join(' | ')} |`,
      `| ${keys.map(() => '---').join(' | ')} |`,
      ...rows.map((r) => `| ${keys.map((k) => cell((r as Record<string, unknown>)[k])).join(' | ')} |`),
    ].join('\n');
  }
  return '```json\n' + JSON.stringify(result, null, 2) + '\n```';
}

/** Imports `file` and runs its `fnName` export, if the file exists (other benches are written separately). */
async function optionalBench(file: string, fnName: string): Promise<string | null> {
  const path = join(HERE, file);
  if (!existsSync(path)) return null;
  const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  const fn = mod[fnName];
  if (typeof fn !== 'function') return `_${file} has no \`${fnName}\` export._`;
  return toMarkdown(await (fn as () => unknown)());
}

const runs = Number(process.env.BENCH_RUNS) || 5;
const sections: string[] = [
  `# PaperSift benchmarks`,
  `${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · Node ${process.version}`,
];
let failed = false;

console.log(`Decoration in Chromium (${runs} runs per case)…`);
try {
  const rows = await runDecorateBench({ runs, log: (s) => console.log(s) });
  sections.push('## Content script: decoration vs page load (Chromium, headless)', decorateTable(rows));
} catch (err) {
  failed = true;
  sections.push('## Content script: decoration vs page load', `Failed: ${err instanceof Error ? err.message : String(err)}`);
}

for (const [file, fn, title] of [
  ['matcher-bench.ts', 'runMatcherBench', 'Topic matcher'],
  ['export-bench.ts', 'runExportBench', 'Export'],
] as const) {
  try {
    console.log(`${title}…`);
    const md = await optionalBench(file, fn);
    sections.push(`## ${title}`, md ?? `_Not run: scripts/bench/${file} is not there yet._`);
  } catch (err) {
    failed = true;
    sections.push(`## ${title}`, `Failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const summary = sections.join('\n\n') + '\n';
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, summary);
console.log(`\n${summary}`);
console.log(`Written to ${relative(ROOT, OUT)}`);
if (failed) process.exitCode = 1;
