/**
 * Reading PaperSift's own timings and the page's long tasks. The content script publishes each decoration pass as a
 * `performance.measure('papersift:pass', …)` entry and the total as `<html data-papersift-perf-ms="…">`.
 * If that contract changes, change `readPassTimings` only.
 */
import type { Page } from 'playwright-core';

export interface PassTimings {
  /** Each decoration pass: start (ms since navigation start) and duration. */
  passes: Array<{ start: number; duration: number }>;
  /** `data-papersift-perf-ms`, or null when absent. */
  totalMs: number | null;
  /** Cards found (`data-papersift-cards`), or null before the first pass. */
  cards: number | null;
}

export async function readPassTimings(page: Page): Promise<PassTimings> {
  return page.evaluate(() => {
    // Content scripts run in an isolated world, but the performance timeline belongs to the document: their
    // measures are visible here.
    const passes = performance
      .getEntriesByName('papersift:pass', 'measure')
      .map((e) => ({ start: e.startTime, duration: e.duration }));
    const html = document.documentElement;
    const perf = html.getAttribute('data-papersift-perf-ms');
    const cards = html.getAttribute('data-papersift-cards');
    return {
      passes,
      totalMs: perf === null || perf === '' || Number.isNaN(Number(perf)) ? null : Number(perf),
      cards: cards === null ? null : Number(cards),
    };
  });
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

/**
 * Init script: stamps when the last PaperSift host (`[data-papersift-ui]`) was added to the page. Observes from
 * DOMContentLoaded on (content scripts run after it), so the parser's own insertions cost nothing.
 */
export const UI_MOUNT_RECORDER = `document.addEventListener('DOMContentLoaded', () => {
  new MutationObserver((records) => {
    for (const r of records)
      for (const n of r.addedNodes)
        if (n.nodeType === 1 && (n.hasAttribute('data-papersift-ui') || n.querySelector('[data-papersift-ui]')))
          window.__papersiftLastMountAt = performance.now();
  }).observe(document.documentElement, { childList: true, subtree: true });
});`;

/** When the last PaperSift host was added (ms since navigation start), or null. Needs `UI_MOUNT_RECORDER`. */
export async function readLastMountAt(page: Page): Promise<number | null> {
  return page.evaluate(() => (window as unknown as { __papersiftLastMountAt?: number }).__papersiftLastMountAt ?? null);
}
