/**
 * Topic matcher benchmark: compiled matcher vs the naive one-RegExp-per-term baseline.
 * Run: `npx tsx scripts/bench/matcher-bench.ts` (prints a table). `npm run bench` imports runMatcherBench.
 *
 * Corpus: title + abstract + keywords + authors + organization of the 27 papers in
 * tests/fixtures/api-daily_papers.json, cycled to 1,000 papers (" (vN)" title suffix from the 2nd cycle on,
 * as on the month page). Topics: 50 topics × 10 terms built deterministically (seeded PRNG) from the
 * corpus's words and 2-word phrases plus absent words, with some prefixes and exclusions.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileTopics } from '../../utils/topics/compile';
import { naiveMatch } from '../../utils/topics/naive';
import { TOPIC_PALETTE } from '../../utils/topics/palette';
import type { MatchableText, Topic } from '../../utils/topics/types';
import { median } from './stats';

export interface MatcherBenchResult {
  compileMs: number;
  compiledPapersPerSec: number;
  naivePapersPerSec: number;
  ratio: number;
  /** Summary table for scripts/bench/run.ts. */
  markdown: string;
}

const PAPERS = 1_000;
const TOPICS = 50;
const TERMS_PER_TOPIC = 10;

interface ApiEntry {
  paper: {
    title: string;
    summary?: string;
    ai_keywords?: string[];
    authors?: Array<{ name?: string }>;
    organization?: { fullname?: string; name?: string };
  };
}

export function loadCorpus(count = PAPERS): MatchableText[] {
  const file = fileURLToPath(new URL('../../tests/fixtures/api-daily_papers.json', import.meta.url));
  const entries = JSON.parse(readFileSync(file, 'utf8')) as ApiEntry[];
  const base: MatchableText[] = entries.map(({ paper }) => ({
    title: paper.title,
    abstract: paper.summary,
    keywords: paper.ai_keywords,
    authors: (paper.authors ?? []).map((a) => a.name ?? '').filter(Boolean),
    organization: paper.organization?.fullname ?? paper.organization?.name,
  }));
  return Array.from({ length: count }, (_, i) => {
    const paper = base[i % base.length]!;
    const cycle = Math.floor(i / base.length) + 1;
    return cycle === 1 ? paper : { ...paper, title: `${paper.title} (v${cycle})` };
  });
}

/** Small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildTopics(corpus: MatchableText[], topicCount = TOPICS, termsPerTopic = TERMS_PER_TOPIC): Topic[] {
  const random = prng(20261127);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const words = new Set<string>();
  const phrases = new Set<string>();
  for (const paper of corpus.slice(0, 27)) {
    const tokens = `${paper.title} ${paper.abstract ?? ''}`.toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? [];
    tokens.forEach((w, i) => {
      words.add(w);
      if (i > 0) phrases.add(`${tokens[i - 1]} ${w}`);
    });
  }
  const wordList = [...words].sort();
  const phraseList = [...phrases].sort();
  const absent = () => 'zq' + Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
  return Array.from({ length: topicCount }, (_, t) => {
    const terms = new Set<string>();
    while (terms.size < termsPerTopic) {
      const r = random();
      if (r < 0.4) terms.add(pick(wordList));
      else if (r < 0.7) terms.add(pick(phraseList));
      else if (r < 0.8) terms.add(pick(wordList).slice(0, 5) + '*');
      else terms.add(absent());
    }
    const exclusions = t % 5 === 0 ? [pick(phraseList)] : [];
    return {
      id: `bench-${t}`,
      name: `Bench topic ${t}`,
      colour: TOPIC_PALETTE[t % TOPIC_PALETTE.length]!,
      terms: [...terms],
      exclusions,
      fields: ['title', 'abstract', 'keywords', 'authors', 'organization'],
      mode: t % 7 === 0 ? 'mute' : 'highlight',
      createdAt: t,
    } satisfies Topic;
  });
}

function timeIt(run: () => void, repeats: number, warmups = 1): number {
  for (let i = 0; i < warmups; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function runMatcherBench(): Promise<MatcherBenchResult> {
  const corpus = loadCorpus();
  const topics = buildTopics(corpus);
  const termCount = topics.reduce((n, t) => n + t.terms.length, 0);

  const compileMs = timeIt(() => void compileTopics(topics), 9, 3);
  const matcher = compileTopics(topics);
  let sink = 0;
  const compiledMs = timeIt(() => {
    for (const paper of corpus) sink += matcher.match(paper).length;
  }, 7, 2);
  // The naive matcher is slow: time it on the first 108 papers (the 27 distinct ones, 4 cycles).
  const naiveSample = corpus.slice(0, 108);
  const naiveMs = timeIt(() => {
    for (const paper of naiveSample) sink += naiveMatch(topics, paper).length;
  }, 3, 1);

  // Sanity: both matchers must agree on which topics match.
  let disagreements = 0;
  for (const paper of corpus.slice(0, 27)) {
    const a = matcher.match(paper).map((m) => m.topicId).sort().join();
    const b = naiveMatch(topics, paper).map((m) => m.topicId).sort().join();
    if (a !== b) disagreements++;
  }
  if (sink < 0) console.log(sink);

  const compiledPapersPerSec = corpus.length / (compiledMs / 1000);
  const naivePapersPerSec = naiveSample.length / (naiveMs / 1000);
  const ratio = compiledPapersPerSec / naivePapersPerSec;
  const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const markdown = [
    `${topics.length} topics / ${termCount} terms (${matcher.refused.length} refused), ${corpus.length} papers; median of repeated runs after warm-up.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| compile time | ${fmt(compileMs, 2)} ms |`,
    `| compiled matcher | ${fmt(compiledPapersPerSec)} papers/s (${fmt(compiledMs, 1)} ms per ${corpus.length} papers) |`,
    `| naive matcher (RegExp per term per paper) | ${fmt(naivePapersPerSec)} papers/s |`,
    `| ratio (goal ≥ 20×) | ${fmt(ratio, 1)}× ${ratio >= 20 ? '✓' : '✗'} |`,
    `| topic sets differing (27 distinct papers) | ${disagreements} |`,
  ].join('\n');
  return { compileMs, compiledPapersPerSec, naivePapersPerSec, ratio, markdown };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  runMatcherBench().then(
    (result) => console.log(result.markdown),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
