/**
 * Content-script cost in real Chromium: the time PaperSift spends decorating the 1,000-card month page and the
 * 27-card daily page, next to the page's own load time measured in the same run without the extension.
 *
 * Method, per page, `runs` times each after one warm-up load (medians reported):
 * - without the extension (a second Chromium profile without --load-extension): navigation start → load event end,
 *   and "load to idle" = until the main thread has had no long task for QUIET_MS after load;
 * - with the extension: the same load numbers, plus PaperSift's decoration time as it publishes it
 *   (`readPassTimings`: `data-papersift-perf-ms`, else the sum of `papersift:pass` measures), and the long tasks
 *   (≥ 50 ms, recorded from page start by an init script) that overlap decoration.
 * The two profiles run one after the other, never at once, so they do not compete for the 2 cores.
 */
import type { Page } from 'playwright-core';
import { launchPaperSift, type PaperSiftBrowser } from '../lib/browser';
import { waitForDecoration } from '../lib/decoration';
import { PAGES } from '../lib/fixtures';
import { ensureMonthFixture } from '../lib/month-fixture';
import { LONG_TASK_RECORDER, readLastMountAt, readLoadTimings, readLongTasks, readPassTimings, UI_MOUNT_RECORDER } from '../lib/timings';

const QUIET_MS = 500;

export interface DecorateRow {
  page: string;
  cards: number;
  runs: number;
  /** Median decoration time (ms) and where it came from. */
  decorateMs: number;
  decorateSource: 'data-papersift-perf-ms' | 'papersift:pass measures' | 'none';
  /** Median number of passes. */
  passes: number;
  /** Median time from the first pass until the last control was added to the page. */
  untilAllMountedMs: number;
  /** Median page load (navigation start → load end) and load-to-idle, without the extension. */
  baseLoadMs: number;
  baseIdleMs: number;
  /** The same with the extension. */
  extLoadMs: number;
  extIdleMs: number;
  /** decorateMs / baseIdleMs. */
  ratio: number;
  /** Long tasks (Long Tasks API) overlapping decoration, worst run: count and longest (ms). */
  longTasks: number;
  longestTaskMs: number;
  /**
   * PaperSift's own passes of 50 ms or more (worst run) and its longest pass. Chromium's Long Tasks API was seen not to
   * report tasks that only run content-script code, so the content script's measures are the reliable source.
   */
  longPasses: number;
  longestPassMs: number;
  /** Long tasks over the whole load, median, without and with the extension. */
  baseLongTasks: number;
  extLongTasks: number;
}

interface LoadSample {
  loadMs: number;
  idleMs: number;
  longTasks: Array<{ start: number; duration: number }>;
}

const median = (xs: number[]) => {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Loads `url` in a fresh tab and waits for load plus a quiet main thread. */
async function loadOnce(browser: PaperSiftBrowser, url: string, afterLoad?: (page: Page) => Promise<void>): Promise<{ page: Page; sample: LoadSample }> {
  const page = await browser.context.newPage();
  await page.addInitScript(LONG_TASK_RECORDER);
  await page.addInitScript(UI_MOUNT_RECORDER); // in both profiles, so both pay for it
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
  return { page, sample: { loadMs: load, idleMs: idleAt, longTasks: await readLongTasks(page) } };
}

export async function runDecorateBench(options: { runs?: number; log?: (s: string) => void } = {}): Promise<DecorateRow[]> {
  const runs = options.runs ?? 5;
  const log = options.log ?? (() => {});
  ensureMonthFixture();
  const targets = [
    { name: 'daily', url: PAGES.daily.url, cards: PAGES.daily.cards },
    { name: 'month (1,000 cards)', url: PAGES.month.url, cards: PAGES.month.cards },
  ];

  // 1. The page alone.
  const base = new Map<string, LoadSample[]>();
  const plain = await launchPaperSift({ extension: false });
  try {
    for (const t of targets) {
      const samples: LoadSample[] = [];
      for (let i = 0; i <= runs; i++) {
        const { page, sample } = await loadOnce(plain, t.url);
        await page.close();
        if (i > 0) samples.push(sample); // the first load warms caches and is dropped
      }
      base.set(t.name, samples);
      log(`  ${t.name} without PaperSift: load ${median(samples.map((s) => s.loadMs)).toFixed(0)} ms`);
    }
  } finally {
    await plain.close();
  }

  // 2. The page with PaperSift.
  const rows: DecorateRow[] = [];
  const ext = await launchPaperSift();
  try {
    for (const t of targets) {
      const samples: LoadSample[] = [];
      const decorate: number[] = [];
      const passes: number[] = [];
      const untilMounted: number[] = [];
      let source: DecorateRow['decorateSource'] = 'none';
      let worstCount = 0;
      let worstTask = 0;
      let worstLongPasses = 0;
      let longestPass = 0;
      for (let i = 0; i <= runs; i++) {
        const { page, sample } = await loadOnce(ext, t.url, (p) => waitForDecoration(p, t.cards, 120_000));
        const timing = await readPassTimings(page);
        const doneAt = (await readLastMountAt(page)) ?? (await page.evaluate(() => performance.now()));
        await page.close();
        if (i === 0) continue;
        samples.push(sample);
        const sum = timing.passes.reduce((a, p) => a + p.duration, 0);
        if (timing.totalMs !== null) source = 'data-papersift-perf-ms';
        else if (timing.passes.length && source === 'none') source = 'papersift:pass measures';
        decorate.push(timing.totalMs ?? sum);
        passes.push(timing.passes.length);
        if (timing.passes[0]) untilMounted.push(doneAt - timing.passes[0].start);
        // Decoration runs from the first pass until every card had its control (when we stopped waiting).
        const from = timing.passes[0]?.start ?? 0;
        const during = sample.longTasks.filter((lt) => lt.start + lt.duration > from && lt.start < doneAt);
        worstCount = Math.max(worstCount, during.length);
        worstTask = Math.max(worstTask, ...during.map((lt) => lt.duration), 0);
        worstLongPasses = Math.max(worstLongPasses, timing.passes.filter((p) => p.duration >= 50).length);
        longestPass = Math.max(longestPass, ...timing.passes.map((p) => p.duration), 0);
      }
      const b = base.get(t.name)!;
      const row: DecorateRow = {
        page: t.name,
        cards: t.cards,
        runs,
        decorateMs: median(decorate),
        decorateSource: source,
        passes: median(passes),
        untilAllMountedMs: median(untilMounted),
        baseLoadMs: median(b.map((s) => s.loadMs)),
        baseIdleMs: median(b.map((s) => s.idleMs)),
        extLoadMs: median(samples.map((s) => s.loadMs)),
        extIdleMs: median(samples.map((s) => s.idleMs)),
        ratio: NaN,
        longTasks: worstCount,
        longestTaskMs: worstTask,
        longPasses: worstLongPasses,
        longestPassMs: longestPass,
        baseLongTasks: median(b.map((s) => s.longTasks.length)),
        extLongTasks: median(samples.map((s) => s.longTasks.length)),
      };
      row.ratio = row.decorateMs / row.baseIdleMs;
      rows.push(row);
      log(`  ${t.name} with PaperSift: decoration ${row.decorateMs.toFixed(1)} ms (${source})`);
    }
  } finally {
    await ext.close();
  }
  return rows;
}

/** Markdown table of the rows. */
export function decorateTable(rows: DecorateRow[]): string {
  const f = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
  const head =
    '| page | cards | PaperSift decoration (ms) | passes | longest pass (ms) | first pass → last control added (ms) | passes ≥ 50 ms (worst run) | page load, no extension (ms) | load to idle, no extension (ms) | decoration / load-to-idle | page load with PaperSift (ms) | long tasks during decoration (worst run) | longest (ms) | long tasks per load: without / with |\n' +
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const lines = rows.map(
    (r) =>
      `| ${r.page} | ${r.cards} | ${f(r.decorateMs, 1)} | ${f(r.passes)} | ${f(r.longestPassMs, 1)} | ${f(r.untilAllMountedMs)} | ${r.longPasses} | ${f(r.baseLoadMs)} | ${f(r.baseIdleMs)} | ${Number.isFinite(r.ratio) ? `${(r.ratio * 100).toFixed(1)} %` : 'n/a'} | ${f(r.extLoadMs)} | ${r.longTasks} | ${f(r.longestTaskMs)} | ${f(r.baseLongTasks)} / ${f(r.extLongTasks)} |`,
  );
  const sources = [...new Set(rows.map((r) => r.decorateSource))].join(', ');
  return (
    `${head}\n${lines.join('\n')}\n\nMedians of ${rows[0]?.runs ?? 0} runs after a warm-up load; decoration time from ${sources}. ` +
    'Long tasks: Chromium\'s Long Tasks API, which does not report tasks running only content-script code — hence ' +
    'the separate count of PaperSift passes of 50 ms or more.'
  );
}
