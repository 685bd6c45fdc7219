/**
 * Library page speed with 10,000 saved papers: building the search index, one search-as-you-type keystroke
 * (search + filters + sort, what the page does per key), and export of the whole library in every format.
 * The papers have realistic lengths and a vocabulary of a few thousand words (search cost grows with it).
 * Run directly with `npx tsx scripts/bench/library-bench.ts`, or import `runLibraryBench`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { LibrarySearch } from '../../utils/library/search-index';
import { NO_FILTERS, selectPapers } from '../../utils/library/select-papers';
import { arxivAbsUrl, arxivPdfUrl, hfPaperUrl } from '../../utils/model/paper';
import type { SavedPaper } from '../../utils/storage/records';
import { runExportBench } from './export-bench';
import { median } from './stats';

export interface LibraryBenchResult {
  papers: number;
  indexBuildMs: number;
  /** Median over the keystrokes of typing QUERY, each followed by filter + sort of the hits. */
  searchMsPerKeystroke: number;
  /** Slowest keystroke (usually the first letters: prefixes match the most words). */
  searchMsWorstKeystroke: number;
  export10kMs: Record<string, number>;
  markdown: string;
}

const PAPER_COUNT = 10_000;
/** 12 characters, with a typo, typed one key at a time. */
const QUERY = 'difusion age';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const SYLLABLES = ['ra', 'ten', 'so', 'mo', 'del', 'ing', 'vi', 'sion', 'lan', 'gu', 'age', 'tra', 'in', 'fu', 'dif', 'ti',
  'on', 'ex', 'per', 'ment', 'co', 'gni', 'ent', 'agt', 'ro', 'bot', 'scal', 'ar', 'net', 'work', 'op', 'tim', 'la', 'ze'];
/** The most frequent words of real titles and abstracts (tests/fixtures/api-daily_papers.json), most frequent first. */
const COMMON = ('the and of to attention a in we for that with on models as by our context is this are based performance an ' +
  'from learning which model sequence training search head ensemble retrieval these at more multi tasks while neural ' +
  'diffusion agent language vision reasoning benchmark transformer data large method results show').split(' ');

/**
 * Deterministic papers whose words follow Zipf's law over a 30,000-word vocabulary, as real text does: a few words
 * are in every abstract, most are rare. Search cost depends on exactly that (how many papers a word is in).
 */
export function benchPapers(count = PAPER_COUNT): SavedPaper[] {
  const rnd = random(7);
  const vocab = [...COMMON];
  const seen = new Set(vocab);
  while (vocab.length < 30_000) {
    const w = Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => SYLLABLES[Math.floor(rnd() * SYLLABLES.length)]).join('');
    if (!seen.has(w)) {
      seen.add(w);
      vocab.push(w);
    }
  }
  // Zipf: P(rank r) ∝ 1/r, sampled by inverting the cumulative sum.
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 1; r <= vocab.length; r++) cumulative.push((total += 1 / r));
  const word = () => {
    const x = rnd() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo]!;
  };
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  const name = () => `${vocab[1000 + Math.floor(rnd() * 5000)]} ${vocab[6000 + Math.floor(rnd() * 5000)]}`;
  return Array.from({ length: count }, (_, i) => {
    const id = `25${String(1 + (i % 12)).padStart(2, '0')}.${String(10000 + i).padStart(5, '0')}`;
    return {
      schema: 1,
      id,
      title: words(6 + Math.floor(rnd() * 8)),
      authors: Array.from({ length: 1 + Math.floor(rnd() * 8) }, name),
      abstract: words(150 + Math.floor(rnd() * 100)),
      links: { hf: hfPaperUrl(id), arxiv: arxivAbsUrl(id), pdf: arxivPdfUrl(id) },
      upvotes: Math.floor(rnd() * 500),
      date: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      savedAt: Date.UTC(2026, 0, 1) + i * 60_000,
      source: { url: 'https://huggingface.co/papers', kind: 'daily' },
      tags: rnd() < 0.3 ? [word()] : [],
      note: rnd() < 0.2 ? words(20) : '',
    } satisfies SavedPaper;
  });
}

const round = (ms: number) => Math.round(ms * 100) / 100;

export async function runLibraryBench(): Promise<LibraryBenchResult> {
  const papers = benchPapers();
  new LibrarySearch(papers.slice(0, 500)); // warm-up (JIT)
  const t0 = performance.now();
  const search = new LibrarySearch(papers);
  const indexBuildMs = performance.now() - t0;
  const wordsPerPaper = papers.reduce((n, p) => n + (p.abstract?.split(' ').length ?? 0), 0) / papers.length;

  const perKey: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (let i = 1; i <= QUERY.length; i++) {
      const start = performance.now();
      const hits = search.search(QUERY.slice(0, i));
      selectPapers(papers, NO_FILTERS, hits ? 'relevance' : 'saved', { hits });
      perKey.push(performance.now() - start);
    }
  }

  const exportRows = await runExportBench();
  const export10kMs = Object.fromEntries(exportRows.map((r) => [r.format, r.ms]));
  const result = {
    papers: papers.length,
    indexBuildMs: round(indexBuildMs),
    searchMsPerKeystroke: round(median(perKey)),
    searchMsWorstKeystroke: round(Math.max(...perKey)),
    export10kMs,
  };
  const markdown = [
    `| measure (${PAPER_COUNT.toLocaleString('en')} saved papers, ~${Math.round(wordsPerPaper)}-word abstracts) | ms |`,
    '| --- | --- |',
    `| build the search index | ${result.indexBuildMs} |`,
    `| search + filter + sort per keystroke (median, typing "${QUERY}") | ${result.searchMsPerKeystroke} |`,
    `| slowest keystroke | ${result.searchMsWorstKeystroke} |`,
    ...exportRows.map((r) => `| export ${r.format} | ${r.ms} |`),
  ].join('\n');
  return { ...result, markdown };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { markdown, ...numbers } = await runLibraryBench();
  console.log(markdown);
  console.log(JSON.stringify(numbers, null, 2));
}
