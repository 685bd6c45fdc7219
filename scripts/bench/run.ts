/**
 * `npm run bench` (builds first): runs every benchmark there is and writes one summary to stdout and
 * artifacts/bench/summary.md.
 * - decorate-bench.ts: the content script's work in Chromium (daily and 1,000-card month pages, without and with
 *   50 topics) vs the page's own load time, its long work, CPU time and memory, and the issue's +10 ms goal.
 * - the arrival, matcher, export, library, digest and cross-tab benches (the list below): each file's `run…Bench`,
 *   when the file is there.
 * BENCH_RUNS sets the number of measured page loads per case (default 5); a slow case stops earlier (see
 * decorate-bench.ts) so the whole run stays within about 5 minutes on 2 cores. Each section says how long it took.
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
const startedAt = Date.now();
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;
const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0];

console.log(`Decoration in Chromium (up to ${runs} runs per case)…`);
let t = Date.now();
try {
  const rows = await runDecorateBench({ runs, log: (s) => console.log(`${s} [${seconds(startedAt)}]`) });
  sections.push('## Content script: work vs page load (Chromium, headless)', decorateTable(rows), `_Took ${seconds(t)}._`);
} catch (err) {
  failed = true;
  sections.push('## Content script: work vs page load', `Failed: ${message(err)}`);
}

for (const [file, fn, title] of [
  ['arrival-bench.ts', 'runArrivalBench', 'Arriving with the page (hidden cards never painted; hooks by load)'],
  ['matcher-bench.ts', 'runMatcherBench', 'Topic matcher'],
  ['export-bench.ts', 'runExportBench', 'Export'],
  ['library-bench.ts', 'runLibraryBench', 'Library page (10,000 saved papers)'],
  ['digest-bench.ts', 'runDigestBench', 'Digest (1,000 papers, 50 topics) and seen-tracking'],
  ['cross-tab-bench.ts', 'runCrossTabBench', 'A save reaching another open tab'],
] as const) {
  t = Date.now();
  try {
    console.log(`${title}… [${seconds(startedAt)}]`);
    const md = await optionalBench(file, fn);
    sections.push(`## ${title}`, md ?? `_Not run: scripts/bench/${file} is not there yet._`, ...(md ? [`_Took ${seconds(t)}._`] : []));
  } catch (err) {
    failed = true;
    sections.push(`## ${title}`, `Failed: ${message(err)}`);
  }
}

sections.push(`_All benchmarks took ${seconds(startedAt)} (plus the build)._`);
const summary = sections.join('\n\n') + '\n';
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, summary);
console.log(`\n${summary}`);
console.log(`Written to ${relative(ROOT, OUT)}`);
if (failed) process.exitCode = 1;
