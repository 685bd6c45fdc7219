/**
 * Reading PaperSift's own timings, the page's long tasks and its memory. The content script publishes each detection
 * pass as `performance.measure('papersift:pass', …)`, each sliced mount/match chunk as
 * `performance.measure('papersift:slice', …)` (each entry is one task's worth of work) and the running total of all
 * its main-thread work as `<html data-papersift-perf-ms="…">`. If that contract changes, change this file only.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface WorkEntry {
  /** ms since navigation start. */
  start: number;
  duration: number;
}

export interface PassTimings {
  /** Each detection pass. */
  passes: WorkEntry[];
  /** Each slice of the mount/match queue. */
  slices: WorkEntry[];
  /** `data-papersift-perf-ms` (all of PaperSift's main-thread work so far), or null when absent. */
  totalMs: number | null;
  /** Cards found (`data-papersift-cards`), or null before the first pass. */
  cards: number | null;
  /** Work by what it was (each measure's `detail`: pass, mount, match-send, match-apply, near, summary, …), ms. */
  byPhase: Record<string, number>;
  /** Where topics were matched (`data-papersift-matching`: worker or page), null when no match was asked. */
  matching: string | null;
}

export const PASS_MEASURE = 'papersift:pass';
export const SLICE_MEASURE = 'papersift:slice';

export async function readPassTimings(page: Page): Promise<PassTimings> {
  return page.evaluate(
    ({ pass, slice }) => {
      // Content scripts run in an isolated world, but the performance timeline belongs to the document: their
      // measures are visible here. (No named helper functions in here: tsx would wrap them in `__name`, which the
      // page does not have.)
      const [passes, slices] = [pass, slice].map((name) =>
        performance.getEntriesByName(name, 'measure').map((e) => ({ start: e.startTime, duration: e.duration })),
      );
      const byPhase: Record<string, number> = {};
      for (const name of [pass, slice]) {
        for (const e of performance.getEntriesByName(name, 'measure') as PerformanceMeasure[]) {
          const phase = typeof e.detail === 'string' ? e.detail : 'other';
          byPhase[phase] = (byPhase[phase] ?? 0) + e.duration;
        }
      }
      const html = document.documentElement;
      const perf = html.getAttribute('data-papersift-perf-ms');
      const cards = html.getAttribute('data-papersift-cards');
      return {
        passes: passes!,
        slices: slices!,
        totalMs: perf === null || perf === '' || Number.isNaN(Number(perf)) ? null : Number(perf),
        cards: cards === null ? null : Number(cards),
        byPhase,
        matching: html.getAttribute('data-papersift-matching'),
      };
    },
    { pass: PASS_MEASURE, slice: SLICE_MEASURE },
  );
}

/** Every pass and slice, in time order: each one ran as a single task, so each is a candidate long task. */
export function workEntries(t: PassTimings): WorkEntry[] {
  return [...t.passes, ...t.slices].sort((a, b) => a.start - b.start);
}

/** Sum of the measures: the fallback total when `data-papersift-perf-ms` is absent. */
export function measuredTotal(t: PassTimings): number {
  return workEntries(t).reduce((sum, e) => sum + e.duration, 0);
}

/**
 * Waits until PaperSift is done with the page: `n` cards found, nothing queued or out (`data-papersift-busy` gone),
 * each card root holds its control, and no pass or slice has run for `quietMs`. With `needMatches`, also until at least one
 * card carries a topic mark (highlight or mute), so a load where the topics never arrived is not taken as done.
 * The cheap checks go first: the per-card scan only runs once the content script has gone quiet.
 */
export async function waitForSettled(
  page: Page,
  options: { cards: number; quietMs: number; needMatches: boolean; timeoutMs: number },
): Promise<void> {
  await page.waitForFunction(
    ({ cards, quietMs, needMatches, pass, slice }) => {
      const html = document.documentElement;
      if (html.getAttribute('data-papersift-cards') !== String(cards)) return false;
      if (html.hasAttribute('data-papersift-busy')) return false; // work queued or a match request out
      let lastEnd = 0;
      for (const name of [pass, slice])
        for (const e of performance.getEntriesByName(name, 'measure')) {
          // The seen tracker looks every 250 ms while some card is unseen (~1 ms each): not decoration, never quiet.
          if ((e as PerformanceMeasure).detail === 'seen') continue;
          lastEnd = Math.max(lastEnd, e.startTime + e.duration);
        }
      if (performance.now() - lastEnd < quietMs) return false;
      const roots = document.querySelectorAll('[data-papersift-id]');
      if (roots.length !== cards) return false;
      for (const r of roots) if (!r.querySelector('[data-papersift-ui]')) return false;
      return !needMatches || document.querySelector('[data-papersift-topics], [data-papersift-hidden]') !== null;
    },
    { ...options, pass: PASS_MEASURE, slice: SLICE_MEASURE },
    { timeout: options.timeoutMs, polling: 100 },
  );
}

/**
 * Cards with a highlight topic (`data-papersift-topics`, a comma-separated list of topic names), cards hidden
 * (`data-papersift-hidden`, e.g. by a mute topic), and the mean number of highlight topics per matched card.
 */
export async function readTopicMarks(page: Page): Promise<{ matched: number; hidden: number; topicsPerMatched: number }> {
  return page.evaluate(() => {
    const marked = [...document.querySelectorAll('[data-papersift-topics]')];
    const names = marked.reduce((n, el) => n + (el.getAttribute('data-papersift-topics') ?? '').split(',').length, 0);
    return {
      matched: marked.length,
      hidden: document.querySelectorAll('[data-papersift-hidden]').length,
      topicsPerMatched: marked.length ? names / marked.length : 0,
    };
  });
}

export interface PageMemory {
  /** V8 heap in use after a full GC (all worlds of the page: the page's scripts and every content script). */
  jsHeapBytes: number;
  /** Blink's (Oilpan) heap in use: DOM nodes, shadow roots, ranges… Absent on older Chromium. */
  embedderBytes: number | null;
  /** DOM nodes alive in the renderer. */
  nodes: number;
}

/** The page's main-thread CPU time since it started loading (CDP Performance metrics, thread ticks). */
export interface MainThreadTime {
  /** Every task on the main thread: parsing, scripts of all worlds, style, layout, paint… */
  taskMs: number;
  /** Script execution, all worlds. */
  scriptMs: number;
  /** Style recalculation plus layout. */
  styleLayoutMs: number;
}

/**
 * CDP on one page's own target, attached before it navigates: main-thread CPU time (Performance domain) and memory.
 * This counts what PaperSift's measures cannot: the style, layout and paint its changes cause. Memory comes from
 * here too because `performance.measureUserAgentSpecificMemory` needs cross-origin isolation, which HF lacks.
 */
export class PageProbe {
  private constructor(private readonly cdp: CDPSession) {}

  /** Call on a fresh page before `goto`: the counters start when the domain is enabled. */
  static async attach(page: Page): Promise<PageProbe> {
    const cdp = await page.context().newCDPSession(page);
    // Thread time, not wall time: on a shared machine it is much less noisy.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' }).catch(() => cdp.send('Performance.enable'));
    return new PageProbe(cdp);
  }

  async mainThread(): Promise<MainThreadTime> {
    const { metrics } = await this.cdp.send('Performance.getMetrics');
    const sec = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return {
      taskMs: sec('TaskDuration') * 1000,
      scriptMs: sec('ScriptDuration') * 1000,
      styleLayoutMs: (sec('RecalcStyleDuration') + sec('LayoutDuration')) * 1000,
    };
  }

  /** Memory after a forced full GC. Read `mainThread()` first: the GC is main-thread work too. */
  async memory(): Promise<PageMemory> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    const heap = (await this.cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
    const dom = await this.cdp.send('Memory.getDOMCounters');
    return { jsHeapBytes: heap.usedSize, embedderBytes: heap.embedderHeapUsedSize ?? null, nodes: dom.nodes };
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }
}

/** Init script: records long tasks (≥ 50 ms main-thread tasks) from the very start of the page. */
export const LONG_TASK_RECORDER = `(() => {
  const tasks = (window.__papersiftLongTasks = []);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

export async function readLongTasks(page: Page): Promise<Array<{ start: number; duration: number }>> {
  return page.evaluate(
    () => (window as unknown as { __papersiftLongTasks?: Array<{ start: number; duration: number }> }).__papersiftLongTasks ?? [],
  );
}

/** The page's own load milestones (ms since navigation start), from Navigation Timing. */
export async function readLoadTimings(page: Page): Promise<{ domContentLoaded: number; load: number }> {
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN, load: nav?.loadEventEnd ?? NaN };
  });
}
