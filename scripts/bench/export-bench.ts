/**
 * Export speed: 10,000 synthetic saved papers (realistic lengths, some awkward text) written to every
 * export format. Reports the median of a few runs after one warm-up, and the output size in UTF-8 bytes.
 * Run directly with `npx tsx scripts/bench/export-bench.ts`, or import `runExportBench`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { exportPapers } from '../../utils/export/export-papers';
import { EXPORT_FORMATS } from '../../utils/export/formats';
import { arxivAbsUrl, arxivPdfUrl, hfPaperUrl } from '../../utils/model/paper';
import type { SavedPaper } from '../../utils/storage/records';
import { median } from './stats';

export interface ExportBenchRow {
  format: string;
  ms: number;
  bytes: number;
}

const PAPER_COUNT = 10_000;
const RUNS = 5;

const WORDS = ['Scaling', 'Sparse', 'Diffusion', 'Transformers', 'for', 'Reasoning', 'Agents', 'with', 'Vision-Language',
  'Models', 'Efficient', 'RL', '{GPT}-4', 'Schrödinger', 'Bridges', '100%', 'Data_Mixtures', 'and', 'LLaMA', '日本語'];
const NAMES = ['Ada Lovelace', 'Alan Turing', 'Jean-Luc van der Berg', 'Иван Петров', 'Grace Hopper', 'akhaliq', 'Zoë Ó Briain'];

/** Deterministic pseudo-random numbers, so every run exports the same library. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export function syntheticPapers(count = PAPER_COUNT): SavedPaper[] {
  const rnd = random(20261129);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const id = `25${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).padStart(5, '0')}`;
    return {
      schema: 1,
      id,
      title: words(6 + Math.floor(rnd() * 10)),
      authors: Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => pick(NAMES)),
      organization: rnd() < 0.3 ? 'Hugging Face' : undefined,
      abstract: words(120 + Math.floor(rnd() * 120)),
      links: { hf: hfPaperUrl(id), arxiv: arxivAbsUrl(id), pdf: arxivPdfUrl(id), ...(rnd() < 0.4 ? { github: `https://github.com/org/repo-${i}` } : {}) },
      upvotes: Math.floor(rnd() * 500),
      date: rnd() < 0.9 ? `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` : undefined,
      savedAt: Date.UTC(2026, 0, 1) + i * 60_000,
      source: { url: 'https://huggingface.co/papers', kind: 'daily' },
      tags: Array.from({ length: Math.floor(rnd() * 4) }, () => pick(['llm', 'rl', 'to-read', 'vision', '=formula'])),
      note: rnd() < 0.3 ? `${words(20)}\n${words(10)}, "quoted"` : '',
    } satisfies SavedPaper;
  });
}

export async function runExportBench(): Promise<ExportBenchRow[]> {
  const papers = syntheticPapers();
  const encoder = new TextEncoder();
  const rows: ExportBenchRow[] = [];
  for (const format of EXPORT_FORMATS) {
    let text = exportPapers(format.id, papers); // warm-up
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      text = exportPapers(format.id, papers);
      times.push(performance.now() - start);
    }
    rows.push({ format: format.id, ms: Math.round(median(times) * 10) / 10, bytes: encoder.encode(text).length });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await runExportBench();
  console.log(`Export of ${PAPER_COUNT} saved papers (median of ${RUNS} runs):`);
  console.table(rows.map((r) => ({ format: r.format, ms: r.ms, MB: (r.bytes / 1024 / 1024).toFixed(2) })));
}
