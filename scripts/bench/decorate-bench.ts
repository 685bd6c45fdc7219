/*
 * Over 300 lines on purpose: one benchmark whose cases (pages × topics × PaperSift / floor / plain page) must be
 * loaded and measured the same way in the same run; its figures are only comparable if one file does it all.
 */
/**
 * Content-script cost in real Chromium: the main-thread work PaperSift does on the 27-card daily page and the
 * 1,000-card month page, without topics and with 50 topics (500 terms, from matcher-bench's `buildTopics`), next to
 * the page's own load time measured in the same run without the extension.
 *
 * Method, per case, `runs` measured loads after one warm-up load (medians reported):
 * - without the extension (a Chromium profile without --load-extension): navigation start → load event end, and
 *   "load to idle" = until the main thread has had no long task for QUIET_MS after load;
 * - with the extension: the same, after PaperSift is done — every card found and holding its control, (with topics)
 *   matched, nothing queued or out to the topic worker (`data-papersift-busy` gone), and no pass or slice for QUIET_MS.
 *   Topic matching itself runs in a worker (off the page's main thread); what the page pays is handing the cards over
 *   and applying the answers ("match-send" / "match-apply" in the phase table). PaperSift's work = `data-papersift-perf-ms` (the content script's
 *   running total of its main-thread work), else the sum of its `papersift:pass` / `papersift:slice` measures.
 *   Each pass and each slice ran as one task: the longest one and those ≥ 50 ms are reported from those measures,
 *   because Chromium's Long Tasks API was seen not to report tasks that only run content-script code.
 * - the page's whole main-thread CPU time (CDP Performance metrics on the page's target, from navigation until done),
 *   with and without the extension: the difference includes the style, layout and paint PaperSift's changes cause,
 *   which its own measures cannot see;
 * - memory: after a forced GC, CDP `Runtime.getHeapUsage` and `Memory.getDOMCounters` on the page's own target, with
 *   and without the extension (`measureUserAgentSpecificMemory` needs cross-origin isolation, which HF lacks).
 * Without and with topics are two extension profiles whose loads alternate, so drift in the machine's load weighs
 * on both alike. Loads run one at a time, never at once, so they do not compete for the 2 cores. A case stops
 * early (after at least MIN_RUNS measured loads) once it has used CASE_BUDGET_MS, so `npm run bench` stays short on a
 * slow or busy machine; the table says how many loads each row is the median of.
 */
import type { Page } from 'playwright-core';
import { launchPaperSift, type PaperSiftBrowser } from '../lib/browser';
import { PAGES } from '../lib/fixtures';
import { ensureMonthFixture } from '../lib/month-fixture';
import {
  LONG_TASK_RECORDER,
  measuredTotal,
  readLoadTimings,
  readLongTasks,
  PageProbe,
  readPassTimings,
  readTopicMarks,
  waitForSettled,
  workEntries,
  type MainThreadTime,
  type PageMemory,
} from '../lib/timings';
import type { Topic } from '../../utils/topics/types';
import { FLOOR_CARDS_ATTR, FLOOR_MS_ATTR, writeFloorExtension } from './floor-extension';
import { buildTopics, loadCorpus } from './matcher-bench';
import { median } from './stats';

const QUIET_MS = 500;
const LONG_MS = 50;
const TOPIC_COUNT = 50;
const TERMS_PER_TOPIC = 10;
/** The issue's goal: matching plus decorating 1,000 cards within the decoration-alone figure + this. */
const GOAL_EXTRA_MS = 10;
/** The issue's goal for the 27-card daily page: PaperSift's work under this. */
const DAILY_GOAL_MS = 3;
const CASE_BUDGET_MS = 60_000;
const MIN_RUNS = 3;
const SETTLE_TIMEOUT_MS = 60_000;

interface Target {
  name: string;
  url: string;
  cards: number;
}

export interface MemoryFigures {
  jsHeapMB: number;
  embedderMB: number;
  nodes: number;
}

export interface DecorateRow {
  /** Label, e.g. "month (1,000 cards) + 50 topics". */
  page: string;
  /** The page without the topic suffix, to pair rows. */
  target: string;
  cards: number;
  topics: number;
  /** Measured loads the medians come from (fewer than asked when the case hit its time budget). */
  runs: number;
  /** Median of PaperSift's total main-thread work (ms) and where it came from. */
  decorateMs: number;
  decorateSource: 'data-papersift-perf-ms' | 'papersift measures' | 'none';
  /** Median counts of passes and slices. */
  passes: number;
  slices: number;
  /** Longest pass or slice over all runs, and the number of them ≥ 50 ms in the worst run. */
  longestWorkMs: number;
  longWork: number;
  /** Median time from the first pass's start to the end of the last pass or slice (wall clock). */
  untilDoneMs: number;
  /** Median cards with a highlight topic mark / hidden (mute topics) when done. */
  matchedCards: number;
  hiddenCards: number;
  /** Median of the mean number of highlight topics on a matched card. */
  topicsPerMatched: number;
  /** Page load (navigation start → load end) and load-to-idle: without the extension, and with it. */
  baseLoadMs: number;
  baseIdleMs: number;
  extLoadMs: number;
  extIdleMs: number;
  /** decorateMs / baseIdleMs. */
  ratio: number;
  /**
   * What the topics add: the median, over the paired loads (with topics, then without, one after the other), of each
   * pair's difference, so drift in the machine's speed weighs on both halves of a pair alike; and the pairs' range.
   * NaN on rows without topics.
   */
  vsNoTopicsMs: number;
  vsNoTopicsRange: [number, number];
  /** Long tasks (Long Tasks API) overlapping PaperSift's work, worst run: count and longest (ms); and the median count. */
  longTasks: number;
  longestTaskMs: number;
  longTasksMedian: number;
  /** Long tasks over the whole load, median, without and with the extension. */
  baseLongTasks: number;
  extLongTasks: number;
  /**
   * Median main-thread CPU time of the whole page from navigation until done (CDP), with the extension and without:
   * the difference is PaperSift's full cost, including the style, layout and paint its changes cause.
   */
  cpu: MainThreadTime | null;
  baseCpu: MainThreadTime | null;
  /** Median memory after a forced GC, with the extension, and the same page without it. */
  memory: MemoryFigures | null;
  baseMemory: MemoryFigures | null;
  /** Median work by phase (see PassTimings.byPhase), ms. */
  phases: Record<string, number>;
  /** Where topics were matched in the measured loads (worker / page), '—' without topics. */
  matching: string;
  /**
   * The floor's work on the same page (floor-extension.ts), median of `floorRuns` loads; on rows with topics, the
   * floor matching the same topics. `floorVsNoTopicsMs` / `floorVsNoTopicsRange`: what the topics add to the floor,
   * from its paired loads like vsNoTopicsMs (NaN on rows without topics).
   */
  floorMs: number;
  floorRuns: number;
  floorVsNoTopicsMs: number;
  floorVsNoTopicsRange: [number, number];
  /** Set when the case could not be measured; the other figures are then NaN. */
  error?: string;
}

interface LoadSample {
  loadMs: number;
  idleMs: number;
  longTasks: Array<{ start: number; duration: number }>;
  cpu: MainThreadTime | null;
  memory: PageMemory | null;
}

const MB = 1024 * 1024;
function medianMemory(samples: LoadSample[]): MemoryFigures | null {
  const mem = samples.map((s) => s.memory).filter((m): m is PageMemory => m !== null);
  if (!mem.length) return null;
  return {
    jsHeapMB: median(mem.map((m) => m.jsHeapBytes / MB)),
    embedderMB: median(mem.map((m) => (m.embedderBytes ?? NaN) / MB)),
    nodes: median(mem.map((m) => m.nodes)),
  };
}

function medianCpu(samples: LoadSample[]): MainThreadTime | null {
  const cpu = samples.map((s) => s.cpu).filter((c): c is MainThreadTime => c !== null);
  if (!cpu.length) return null;
  return {
    taskMs: median(cpu.map((c) => c.taskMs)),
    scriptMs: median(cpu.map((c) => c.scriptMs)),
    styleLayoutMs: median(cpu.map((c) => c.styleLayoutMs)),
  };
}

/** Loads `url` in a fresh tab, runs `afterLoad`, then waits for a quiet main thread and reads CPU time and memory. */
async function loadOnce(
  browser: PaperSiftBrowser,
  url: string,
  afterLoad?: (page: Page) => Promise<void>,
): Promise<{ page: Page; sample: LoadSample }> {
  const page = await browser.context.newPage();
  const probe = await PageProbe.attach(page);
  try {
    await page.addInitScript(LONG_TASK_RECORDER);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    if (afterLoad) await afterLoad(page);
    const { load } = await readLoadTimings(page);
    // Idle: no long task ended in the last QUIET_MS.
    let idleAt = load;
    for (let i = 0; i < 100; i++) {
      const tasks = await readLongTasks(page);
      const lastEnd = Math.max(load, ...tasks.map((t) => t.start + t.duration));
      const now = await page.evaluate(() => performance.now());
      idleAt = lastEnd;
      if (now - lastEnd >= QUIET_MS) break;
      await page.waitForTimeout(QUIET_MS / 2);
    }
    const longTasks = await readLongTasks(page);
    const cpu = await probe.mainThread().catch(() => null);
    const memory = await probe.memory().catch(() => null);
    return { page, sample: { loadMs: load, idleMs: idleAt, longTasks, cpu, memory } };
  } catch (err) {
    await page.close();
    throw err;
  } finally {
    await probe.detach();
  }
}

/** Runs `measure` once to warm up, then up to `runs` times, stopping early once the case used its budget. */
async function repeat<T>(runs: number, measure: () => Promise<T>): Promise<T[]> {
  const started = Date.now();
  await measure(); // warm-up: dropped
  const out: T[] = [];
  while (out.length < runs) {
    out.push(await measure());
    if (out.length >= MIN_RUNS && Date.now() - started > CASE_BUDGET_MS) break;
  }
  return out;
}

/** Like repeat, for two cases measured in turns (a, b, a, b, …) after one warm-up each; `b` may be absent. */
async function repeatPaired<A, B>(runs: number, a: () => Promise<A>, b: (() => Promise<B>) | null): Promise<[A[], B[] | null]> {
  const started = Date.now();
  await a();
  if (b) await b();
  const as: A[] = [];
  const bs: B[] = [];
  while (as.length < runs) {
    as.push(await a());
    if (b) bs.push(await b());
    if (as.length >= MIN_RUNS && Date.now() - started > CASE_BUDGET_MS * (b ? 2 : 1)) break;
  }
  return [as, b ? bs : null];
}

/** Stores the bench topics through the background, as the options page would (an extension page's message). */
export async function putTopics(browser: PaperSiftBrowser, topics: Topic[]): Promise<void> {
  const page = await browser.context.newPage();
  try {
    await page.goto(`${browser.extensionOrigin}/popup.html`);
    const errors = await page.evaluate(async (list) => {
      type Reply = { ok: boolean; error?: string };
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<Reply> } } }).chrome.runtime;
      const failed: string[] = [];
      for (const topic of list) {
        const reply = await runtime.sendMessage({ type: 'topics/put', topic });
        if (!reply?.ok) failed.push(`${topic.name}: ${reply?.error ?? 'no reply'}`);
      }
      return failed;
    }, topics);
    if (errors.length) throw new Error(`could not store ${errors.length} bench topics: ${errors.slice(0, 3).join('; ')}`);
  } finally {
    await page.close();
  }
}

interface ExtRun {
  sample: LoadSample;
  total: number;
  fromAttr: boolean;
  passes: number;
  slices: number;
  longest: number;
  long: number;
  untilDone: number;
  longTasks: number;
  longestTask: number;
  matched: number;
  hidden: number;
  topicsPerMatched: number;
  phases: Record<string, number>;
  matching: string | null;
}

/** One measured load with the extension: waits until PaperSift is done, then reads its measures. */
async function extLoad(browser: PaperSiftBrowser, t: Target, withTopics: boolean): Promise<ExtRun> {
  const { page, sample } = await loadOnce(browser, t.url, (p) =>
    waitForSettled(p, { cards: t.cards, quietMs: QUIET_MS, needMatches: withTopics, timeoutMs: SETTLE_TIMEOUT_MS }).catch(async (e) => {
      const marks = await readTopicMarks(p).catch(() => null);
      const cards = await p.evaluate(() => document.documentElement.getAttribute('data-papersift-cards')).catch(() => null);
      throw new Error(
        `${t.name}${withTopics ? ' with topics' : ''}: PaperSift not done within ${SETTLE_TIMEOUT_MS} ms ` +
          `(data-papersift-cards=${cards}, matched ${marks?.matched ?? '?'}, hidden ${marks?.hidden ?? '?'})`,
        { cause: e },
      );
    }),
  );
  try {
    const timing = await readPassTimings(page);
    const marks = await readTopicMarks(page);
    const work = workEntries(timing);
    const first = work[0]?.start ?? NaN;
    const lastEnd = Math.max(...work.map((e) => e.start + e.duration));
    const during = sample.longTasks.filter((lt) => lt.start + lt.duration > first && lt.start < lastEnd);
    return {
      sample,
      total: timing.totalMs ?? measuredTotal(timing),
      fromAttr: timing.totalMs !== null,
      passes: timing.passes.length,
      slices: timing.slices.length,
      longest: Math.max(0, ...work.map((e) => e.duration)),
      long: work.filter((e) => e.duration >= LONG_MS).length,
      untilDone: lastEnd - first,
      longTasks: during.length,
      longestTask: Math.max(0, ...during.map((lt) => lt.duration)),
      matched: marks.matched,
      hidden: marks.hidden,
      topicsPerMatched: marks.topicsPerMatched,
      phases: timing.byPhase,
      matching: timing.matching,
    };
  } finally {
    await page.close();
  }
}

/** One load with the floor extension: its own work on the page, once it has put a button on every card. */
async function floorLoad(browser: PaperSiftBrowser, t: Target): Promise<number> {
  const page = await browser.context.newPage();
  try {
    await page.goto(t.url, { waitUntil: 'load', timeout: 120_000 });
    const handle = await page.waitForFunction((attr) => document.documentElement.getAttribute(attr), FLOOR_CARDS_ATTR, { timeout: 30_000 });
    const cards = Number(await handle.jsonValue());
    if (cards !== t.cards) throw new Error(`the floor found ${cards} of ${t.cards} cards: its selector no longer fits the page`);
    return Number(await page.evaluate((attr) => document.documentElement.getAttribute(attr), FLOOR_MS_ATTR));
  } finally {
    await page.close();
  }
}

function emptyRow(t: Target, topics: number, error: string): DecorateRow {
  return {
    page: label(t, topics), target: t.name, cards: t.cards, topics, runs: 0, decorateMs: NaN, decorateSource: 'none',
    passes: NaN, slices: NaN, longestWorkMs: NaN, longWork: NaN, untilDoneMs: NaN, matchedCards: NaN, hiddenCards: NaN,
    topicsPerMatched: NaN, cpu: null, baseCpu: null,
    baseLoadMs: NaN, baseIdleMs: NaN, extLoadMs: NaN, extIdleMs: NaN, ratio: NaN, vsNoTopicsMs: NaN, vsNoTopicsRange: [NaN, NaN], longTasks: NaN,
    longestTaskMs: NaN, longTasksMedian: NaN, baseLongTasks: NaN, extLongTasks: NaN, memory: null, baseMemory: null, phases: {}, matching: '—',
    floorMs: NaN, floorRuns: 0, floorVsNoTopicsMs: NaN, floorVsNoTopicsRange: [NaN, NaN], error,
  };
}

/** First line of an error's message: Playwright appends call logs and stacks that would break a table. */
const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim();

const label = (t: Target, topics: number) => (topics ? `${t.name} + ${topics} topics` : t.name);

function toRow(t: Target, topics: number, runs: ExtRun[], base: LoadSample[]): DecorateRow {
  const samples = runs.map((r) => r.sample);
  const row: DecorateRow = {
    page: label(t, topics),
    target: t.name,
    cards: t.cards,
    topics,
    runs: runs.length,
    decorateMs: median(runs.map((r) => r.total)),
    decorateSource: runs.some((r) => r.fromAttr) ? 'data-papersift-perf-ms' : runs.some((r) => r.total > 0) ? 'papersift measures' : 'none',
    passes: median(runs.map((r) => r.passes)),
    slices: median(runs.map((r) => r.slices)),
    longestWorkMs: Math.max(0, ...runs.map((r) => r.longest)),
    longWork: Math.max(0, ...runs.map((r) => r.long)),
    untilDoneMs: median(runs.map((r) => r.untilDone)),
    matchedCards: median(runs.map((r) => r.matched)),
    hiddenCards: median(runs.map((r) => r.hidden)),
    topicsPerMatched: median(runs.map((r) => r.topicsPerMatched)),
    phases: Object.fromEntries(
      [...new Set(runs.flatMap((r) => Object.keys(r.phases)))].map((k) => [k, median(runs.map((r) => r.phases[k] ?? 0))]),
    ),
    matching: topics ? [...new Set(runs.map((r) => r.matching ?? 'none'))].join(' / ') : '—',
    baseLoadMs: median(base.map((s) => s.loadMs)),
    baseIdleMs: median(base.map((s) => s.idleMs)),
    extLoadMs: median(samples.map((s) => s.loadMs)),
    extIdleMs: median(samples.map((s) => s.idleMs)),
    ratio: NaN,
    vsNoTopicsMs: NaN,
    vsNoTopicsRange: [NaN, NaN],
    longTasks: Math.max(0, ...runs.map((r) => r.longTasks)),
    longestTaskMs: Math.max(0, ...runs.map((r) => r.longestTask)),
    longTasksMedian: median(runs.map((r) => r.longTasks)),
    baseLongTasks: median(base.map((s) => s.longTasks.length)),
    extLongTasks: median(samples.map((s) => s.longTasks.length)),
    cpu: medianCpu(samples),
    baseCpu: medianCpu(base),
    memory: medianMemory(samples),
    baseMemory: medianMemory(base),
    floorMs: NaN,
    floorRuns: 0,
    floorVsNoTopicsMs: NaN,
    floorVsNoTopicsRange: [NaN, NaN],
  };
  row.ratio = row.decorateMs / row.baseIdleMs;
  return row;
}

export async function runDecorateBench(
  options: { runs?: number; log?: (s: string) => void; /** Only these pages ('daily', 'month'): for a quicker look. */ only?: string[] } = {},
): Promise<DecorateRow[]> {
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => {});
  ensureMonthFixture();
  const targets: Target[] = [
    { name: 'daily', url: PAGES.daily.url, cards: PAGES.daily.cards },
    { name: 'month (1,000 cards)', url: PAGES.month.url, cards: PAGES.month.cards },
  ].filter((t) => !options.only?.length || options.only.some((o) => t.name.startsWith(o)));

  // 1. The page alone.
  const base = new Map<string, LoadSample[]>();
  const plain = await launchPaperSift({ extension: false });
  try {
    for (const t of targets) {
      const samples = await repeat(runs, async () => {
        const { page, sample } = await loadOnce(plain, t.url);
        await page.close();
        return sample;
      });
      base.set(t.name, samples);
      log(`  ${t.name} without PaperSift: load ${median(samples.map((s) => s.loadMs)).toFixed(0)} ms (${samples.length} runs)`);
    }
  } finally {
    await plain.close();
  }

  // 1b. The floor: the least a content script can do of the job, on the same pages (see floor-extension.ts), without
  //     and with the bench topics, their loads alternating like PaperSift's below.
  const benchTopics = buildTopics(loadCorpus(), TOPIC_COUNT, TERMS_PER_TOPIC);
  const floor = new Map<string, number[]>();
  const floorTopics = new Map<string, number[]>();
  const floorErrors = new Map<string, string>();
  const least = await launchPaperSift({ extensionDir: writeFloorExtension() });
  const leastTopical = await launchPaperSift({ extensionDir: writeFloorExtension(benchTopics) });
  try {
    for (const t of targets) {
      try {
        const [alone, topical] = await repeatPaired(runs, () => floorLoad(least, t), () => floorLoad(leastTopical, t));
        floor.set(t.name, alone);
        floorTopics.set(t.name, topical!);
      } catch (err) {
        floorErrors.set(t.name, firstLine(err));
      }
    }
  } finally {
    await least.close();
    await leastTopical.close();
  }

  // 2. The page with PaperSift, without topics and with the bench topics: two profiles, their loads alternating, so
  //    whatever the machine does meanwhile weighs on both alike and the difference is the topics' own.
  const rows: DecorateRow[] = [];
  const bare = await launchPaperSift();
  const topical = await launchPaperSift();
  try {
    let topicsError: string | null = null;
    try {
      await putTopics(topical, benchTopics);
    } catch (err) {
      topicsError = firstLine(err);
    }
    for (const t of targets) {
      try {
        const [alone, withTopics] = await repeatPaired(
          runs,
          () => extLoad(bare, t, false),
          topicsError ? null : () => extLoad(topical, t, true),
        );
        const row = toRow(t, 0, alone, base.get(t.name)!);
        const floorRuns = floor.get(t.name) ?? [];
        row.floorMs = median(floorRuns);
        row.floorRuns = floorRuns.length;
        if (floorErrors.has(t.name)) log(`  ${t.name}: floor not measured: ${floorErrors.get(t.name)}`);
        rows.push(row);
        log(`  ${row.page} with PaperSift: work ${row.decorateMs.toFixed(1)} ms (${row.runs} runs)`);
        if (withTopics) {
          const topicRow = toRow(t, TOPIC_COUNT, withTopics, base.get(t.name)!);
          const diffs = withTopics.map((r, i) => r.total - alone[i]!.total);
          topicRow.vsNoTopicsMs = median(diffs);
          topicRow.vsNoTopicsRange = [Math.min(...diffs), Math.max(...diffs)];
          const floorWith = floorTopics.get(t.name) ?? [];
          const floorDiffs = floorWith.map((ms, i) => ms - floorRuns[i]!);
          topicRow.floorMs = median(floorWith);
          topicRow.floorRuns = floorWith.length;
          topicRow.floorVsNoTopicsMs = median(floorDiffs);
          topicRow.floorVsNoTopicsRange = floorDiffs.length ? [Math.min(...floorDiffs), Math.max(...floorDiffs)] : [NaN, NaN];
          rows.push(topicRow);
          log(`  ${topicRow.page} with PaperSift: work ${topicRow.decorateMs.toFixed(1)} ms, ${topicRow.matchedCards} matched`);
        } else {
          rows.push(emptyRow(t, TOPIC_COUNT, topicsError ?? 'not measured'));
        }
      } catch (err) {
        rows.push(emptyRow(t, 0, firstLine(err)), emptyRow(t, TOPIC_COUNT, firstLine(err)));
        log(`  ${t.name}: failed: ${firstLine(err)}`);
      }
    }
  } finally {
    await bare.close();
    await topical.close();
  }
  // Rows without topics first, as the tables read.
  rows.sort((x, y) => x.topics - y.topics);
  return rows;
}

/** Phases in the order the work happens; others follow alphabetically. */
const PHASE_ORDER = ['start', 'state', 'topics', 'pass', 'mount', 'match-start', 'match-send', 'match-receive', 'match-apply', 'near', 'summary'];

const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const signed = (n: number, d = 1) => (Number.isFinite(n) ? `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(d)}` : '—');
const pct = (r: number) => (Number.isFinite(r) ? `${(r * 100).toFixed(1)} %` : 'n/a');

/** "matching plus decorating within decoration alone + 10 ms", for one page: PASS/MISS with both numbers. */
function goalLine(rows: DecorateRow[], target: string): string | null {
  const alone = rows.find((r) => r.target === target && r.topics === 0);
  const withTopics = rows.find((r) => r.target === target && r.topics > 0);
  if (!alone || !withTopics) return null;
  if (!Number.isFinite(alone.decorateMs) || !Number.isFinite(withTopics.vsNoTopicsMs)) {
    return `- ${withTopics.page}: not measured (${withTopics.error ?? alone.error ?? 'no figures'}).`;
  }
  const extra = withTopics.vsNoTopicsMs;
  const [lo, hi] = withTopics.vsNoTopicsRange;
  return (
    `- ${withTopics.page}: ${f(withTopics.decorateMs, 1)} ms, decoration alone ${f(alone.decorateMs, 1)} ms; the topics add ` +
    `${signed(extra)} ms (median of ${withTopics.runs} paired loads, which ranged ${signed(lo)} … ${signed(hi)}) vs the goal's ` +
    `+${GOAL_EXTRA_MS} → **${extra <= GOAL_EXTRA_MS ? 'PASS' : 'MISS'}** (${f(withTopics.matchedCards)} of ${withTopics.cards} cards ` +
    `matched, ${f(withTopics.hiddenCards, 0)} hidden, ${f(withTopics.topicsPerMatched, 1)} topics each)` +
    (Number.isFinite(withTopics.floorVsNoTopicsMs)
      ? `; on the floor the same topics add ${signed(withTopics.floorVsNoTopicsMs)} ms (${signed(withTopics.floorVsNoTopicsRange[0])} … ` +
        `${signed(withTopics.floorVsNoTopicsRange[1])})`
      : '')
  );
}

/** The issue's "no long task caused by PaperSift over 50 ms": its own tasks, and every long task while it worked. */
function longTaskSection(ok: DecorateRow[]): string {
  const lines = ok.map(
    (r) =>
      `- ${r.page}: PaperSift's own passes and slices, longest ${f(r.longestWorkMs, 1)} ms, ${f(r.longWork)} of ${LONG_MS} ms or more ` +
      `(worst run); tasks of ${LONG_MS} ms or more while it worked (Long Tasks API: the rendering its changes cause, and whatever the ` +
      `page did meanwhile): ${f(r.longTasksMedian)} in the median load, ${f(r.longTasks)} in the worst (longest ${f(r.longestTaskMs)} ms); ` +
      `the page alone has ${f(r.baseLongTasks)} per load`,
  );
  return `**Issue goal — no long task caused by PaperSift over ${LONG_MS} ms:**\n\n${lines.join('\n')}`;
}

/** PaperSift's work against the floor on each page, without and with topics, and the daily goal as PASS/MISS. */
function floorSection(rows: DecorateRow[]): string {
  const ok = rows.filter((r) => !r.error);
  const added = (ms: number, [lo, hi]: [number, number]) => (Number.isFinite(ms) ? `${signed(ms)} (${signed(lo)} … ${signed(hi)})` : '—');
  const lines = [
    '| page | PaperSift (ms) | floor: a minimal content script (ms) | PaperSift / floor | topics add to PaperSift (ms, paired median and range) | topics add to the floor (ms, the same) | floor loads |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...ok.map(
      (r) =>
        `| ${r.page} | ${f(r.decorateMs, 1)} | ${f(r.floorMs, 2)} | ${Number.isFinite(r.floorMs) ? `${f(r.decorateMs / r.floorMs, 1)}×` : 'n/a'} | ` +
        `${r.topics ? added(r.vsNoTopicsMs, r.vsNoTopicsRange) : '—'} | ${r.topics ? added(r.floorVsNoTopicsMs, r.floorVsNoTopicsRange) : '—'} | ${r.floorRuns} |`,
    ),
  ];
  const daily = ok.find((r) => r.target === 'daily' && r.topics === 0);
  const goal = daily
    ? `**Issue goal — the 27-card daily page under ${DAILY_GOAL_MS} ms of work:** ${f(daily.decorateMs, 1)} ms → ` +
      `**${daily.decorateMs < DAILY_GOAL_MS ? 'PASS' : 'MISS'}** (${signed(daily.decorateMs - DAILY_GOAL_MS)} ms; the floor on the same page: ` +
      `${f(daily.floorMs, 2)} ms).`
    : '';
  return [
    `### Against the floor\n\nThe floor (\`scripts/bench/floor-extension.ts\`) is the least a content script can do of the job: one ` +
      "selector for HF's current markup, one Save button in a shadow root per card, no state, no messages. With topics it " +
      "also hands the page's JSON and the titles to a worker that matches each topic as one RegExp, writes the answer to " +
      'each matched card and draws chips on the first 30. It times itself the same way (its own main-thread work), in ' +
      'the same run, on the same pages, its loads without and with topics alternating like PaperSift\'s.',
    lines.join('\n'),
    goal,
  ].filter(Boolean).join('\n\n');
}

/** Markdown: work table, page-load table, memory table, the issue's goal check, and failures if any. */
export function decorateTable(rows: DecorateRow[]): string {
  const ok = rows.filter((r) => !r.error);
  const work = [
    '| page | runs | PaperSift work, total (ms) | vs same page without topics (ms, median of paired loads) | work / load-to-idle without extension | passes + slices | longest pass or slice (ms) | passes/slices ≥ 50 ms (worst run) | first pass → last work, wall (ms) | cards matched / hidden |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...ok.map(
      (r) =>
        `| ${r.page} | ${r.runs} | ${f(r.decorateMs, 1)} | ${r.topics ? signed(r.vsNoTopicsMs) : '—'} | ${pct(r.ratio)} | ${f(r.passes)} + ${f(r.slices)} | ${f(r.longestWorkMs, 1)} | ${f(r.longWork)} | ${f(r.untilDoneMs)} | ${r.topics ? `${f(r.matchedCards)} / ${f(r.hiddenCards)} (${f(r.topicsPerMatched, 1)} topics each)` : '—'} |`,
    ),
  ].join('\n');
  const load = [
    '| page | page load, no extension (ms) | load to idle, no extension (ms) | page load with PaperSift (ms) | load to idle with PaperSift (ms) | long tasks during PaperSift\'s work (worst run) | longest (ms) | long tasks per load: without / with |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...ok.map(
      (r) =>
        `| ${r.page} | ${f(r.baseLoadMs)} | ${f(r.baseIdleMs)} | ${f(r.extLoadMs)} | ${f(r.extIdleMs)} | ${f(r.longTasks)} | ${f(r.longestTaskMs)} | ${f(r.baseLongTasks)} / ${f(r.extLongTasks)} |`,
    ),
  ].join('\n');
  const cpuRows: string[] = [];
  for (const r of ok) {
    const c = r.cpu;
    const b = r.baseCpu;
    if (!c || !b) continue;
    cpuRows.push(
      `| ${r.page} | ${f(b.taskMs)} | ${f(c.taskMs)} | ${signed(c.taskMs - b.taskMs, 0)} | ${signed(c.scriptMs - b.scriptMs, 0)} | ${signed(c.styleLayoutMs - b.styleLayoutMs, 0)} | ${f(r.decorateMs)} |`,
    );
  }
  const cpu = cpuRows.length
    ? [
        '| page | main thread, no extension (ms) | with PaperSift (ms) | Δ all tasks | Δ script | Δ style + layout | PaperSift\'s own measures (ms, wall) |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...cpuRows,
      ].join('\n')
    : '_Not measured (CDP Performance metrics unavailable)._';
  const memRows: string[] = [];
  for (const target of [...new Set(ok.map((r) => r.target))]) {
    const first = ok.find((r) => r.target === target)!;
    const b = first.baseMemory;
    if (b) memRows.push(`| ${target}, no extension | ${f(b.jsHeapMB, 2)} | — | ${f(b.embedderMB, 2)} | — | ${f(b.nodes)} | — |`);
    for (const r of ok.filter((x) => x.target === target)) {
      const m = r.memory;
      if (!m) continue;
      memRows.push(
        `| ${r.page} | ${f(m.jsHeapMB, 2)} | ${b ? signed(m.jsHeapMB - b.jsHeapMB, 2) : '—'} | ${f(m.embedderMB, 2)} | ${b ? signed(m.embedderMB - b.embedderMB, 2) : '—'} | ${f(m.nodes)} | ${b ? signed(m.nodes - b.nodes, 0) : '—'} |`,
      );
    }
  }
  const memory = memRows.length
    ? [
        '| page | JS heap (MB) | Δ vs no extension | Blink heap (MB) | Δ vs no extension | DOM nodes | Δ vs no extension |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...memRows,
      ].join('\n')
    : '_Memory not measured (CDP Runtime.getHeapUsage failed)._';
  const goals = [...new Set(rows.map((r) => r.target))].map((t) => goalLine(rows, t)).filter((l): l is string => l !== null);
  const phaseNames = [...PHASE_ORDER, ...[...new Set(ok.flatMap((r) => Object.keys(r.phases)))].filter((p) => !PHASE_ORDER.includes(p)).sort()];
  const phases = [
    `| page | topics matched in | ${phaseNames.join(' | ')} |`,
    `| --- | --- | ${phaseNames.map(() => '---:').join(' | ')} |`,
    ...ok.map((r) => `| ${r.page} | ${r.matching} | ${phaseNames.map((p) => (p in r.phases ? f(r.phases[p]!, 1) : '—')).join(' | ')} |`),
  ].join('\n');
  const failures = rows.filter((r) => r.error).map((r) => `- ${r.page}: ${r.error}`);
  const sources = [...new Set(ok.map((r) => r.decorateSource))].join(', ') || 'none';
  return [
    `### Work on the page's main thread\n\n${work}`,
    `**Issue goal — matching plus decorating 1,000 cards within the decoration-alone figure + ${GOAL_EXTRA_MS} ms** ` +
      `(${TOPIC_COUNT} topics / ${TOPIC_COUNT * TERMS_PER_TOPIC} terms; the month row is the goal, the daily row is for reference):\n\n` +
      (goals.length ? goals.join('\n') : '- not measured'),
    longTaskSection(ok),
    floorSection(rows),
    `### Where the work goes (ms, median per load, by the \`detail\` of each measure)\n\n${phases}\n\n` +
      'pass = card detection and reconciling; mount = card controls, in slices; match-start / match-send / match-receive / match-apply = starting the topic ' +
      'worker, handing it cards, taking its messages (replies are copied in on the page\'s thread; once it runs, what waited for it ' +
      'is posted, the page\'s JSON included) and applying its answers; near = chips and word marks for cards coming near the viewport; ' +
      'summary = the summary bar; start / state / topics = startup, the library state, applying topics and settings.',
    `### Page load\n\n${load}`,
    `### The page's main-thread CPU time, navigation → done (CDP Performance metrics, thread time, median)\n\n${cpu}`,
    `### Memory after a forced GC (CDP on the page's target, median)\n\n${memory}`,
    ...(failures.length ? [`**Not measured:**\n\n${failures.join('\n')}`] : []),
    `Medians of the given number of runs after a warm-up load (a case stops after ${MIN_RUNS} runs once it has used ` +
      `${CASE_BUDGET_MS / 1000} s). Work from ${sources}: all of PaperSift's main-thread work on the page, passes and ` +
      'slices together (topic matching runs in a worker: not the page\'s thread). "Done" = every card holds its control, ' +
      '(with topics) is matched, nothing is queued or out to the worker, and no pass or slice ran for ' +
      `${QUIET_MS} ms. Long tasks: Chromium's Long Tasks API, which does not report tasks running only content-script ` +
      'code — hence the separate count of passes and slices of 50 ms or more. Main-thread CPU time: everything the ' +
      "page's renderer main thread did (parsing, scripts of all worlds, style, layout, paint); its difference to the " +
      "page without the extension includes the rendering PaperSift's changes cause, which its own (wall-clock) " +
      'measures do not contain. Memory: V8 heap of the page (all worlds) ' +
      "and Blink's heap; the difference to the page without the extension is PaperSift's.",
  ].join('\n\n');
}
