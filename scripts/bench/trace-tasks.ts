/**
 * The page's long main-thread tasks while PaperSift works, from a Chromium trace, with what each one did (style,
 * layout, layers, scripts…) and which of PaperSift's measures ran in it (a developer's tool, not part of
 * `npm run bench`):
 *
 *   npm run build && npx tsx scripts/bench/trace-tasks.ts [daily|month] [topics]
 *
 * PaperSift's own measures cannot see the rendering its DOM changes cause, and Chromium's Long Tasks API says how
 * long a task was, not why: this is how the rendering tasks after each slice of controls were found (40–70 ms at 250
 * controls per frame). `N` = loads (default 5, the first one is a warm-up), `MIN_MS` = shortest task listed (45).
 * `WHY=1` also records Chromium's style and layout invalidations (slower) and lists, under each task, what was
 * invalidated since the task before it and why: that is how a rule found to restyle each card's whole subtree was.
 */
import type { CDPSession } from 'playwright-core';
import { launchPaperSift } from '../lib/browser';
import { PAGES } from '../lib/fixtures';
import { ensureMonthFixture } from '../lib/month-fixture';
import { waitForSettled } from '../lib/timings';
import { putTopics } from './decorate-bench';
import { buildTopics, loadCorpus } from './matcher-bench';
import { median } from './stats';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { detail?: unknown; data?: { reason?: string; nodeName?: string; changedAttribute?: string; changedClass?: string } };
}

const which = process.argv[2] === 'month' ? 'month' : 'daily';
const withTopics = process.argv.includes('topics');
const loads = Number(process.env.N) || 5;
const minMs = Number(process.env.MIN_MS) || 45;
const why = process.env.WHY === '1';
const LONG_MS = 50;
/** After PaperSift's last measure, tasks are still counted this long: the rendering its last slice caused. */
const TAIL_US = 200_000;
ensureMonthFixture();
const target = which === 'month' ? { url: PAGES.month.url, cards: 1000 } : { url: PAGES.daily.url, cards: 27 };

async function traced(cdp: CDPSession, run: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (d) => events.push(...(d.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    categories: `devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing${why ? ',disabled-by-default-devtools.timeline.invalidationTracking' : ''}`,
    transferMode: 'ReportEvents',
  });
  await run();
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

const b = await launchPaperSift();
try {
  if (withTopics) await putTopics(b, buildTopics(loadCorpus(), 50, 10));
  const summary: Array<{ long: number; longest: number; total: number }> = [];
  for (let k = 0; k < loads; k++) {
    const page = await b.context.newPage();
    const cdp = await b.context.newCDPSession(page);
    const events = await traced(cdp, async () => {
      await page.goto(target.url, { waitUntil: 'load', timeout: 120_000 });
      await waitForSettled(page, { cards: target.cards, quietMs: 500, needMatches: withTopics, timeoutMs: 60_000 });
    });
    await page.close();
    const ours = events.filter((e) => (e.name === 'papersift:slice' || e.name === 'papersift:pass') && e.ph === 'b');
    if (!ours.length || k === 0) continue; // the warm-up load, or no measure (nothing to place the tasks against)
    const tid = ours[0]!.tid;
    const from = ours[0]!.ts;
    const to = Math.max(...ours.map((e) => e.ts)) + TAIL_US;
    const tasks = events.filter((e) => e.name === 'RunTask' && e.tid === tid && e.ts >= from - 5000 && e.ts <= to);
    const ms = (e: TraceEvent) => (e.dur ?? 0) / 1000;
    console.log(`load ${k}:`);
    for (const t of tasks.filter((t) => ms(t) >= minMs)) {
      const inside = events.filter((e) => e.tid === tid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur! && ms(e) > 1.5 && e.name !== 'RunTask');
      const what = new Map<string, number>();
      for (const e of inside) what.set(e.name, (what.get(e.name) ?? 0) + ms(e));
      const measures = ours.filter((o) => o.ts >= t.ts && o.ts <= t.ts + t.dur!).map((o) => String(o.args?.detail ?? o.name));
      const parts = [...what].map(([name, v]) => `${name} ${v.toFixed(0)}`).join(', ');
      console.log(`  ${ms(t).toFixed(0).padStart(4)} ms at +${((t.ts - from) / 1000).toFixed(0)} ms: ${parts}${measures.length ? ` — ours: ${measures.join(', ')}` : ''}`);
      if (why) {
        const since = Math.max(from - 5000, ...tasks.filter((x) => x.ts + x.dur! <= t.ts).map((x) => x.ts));
        const reasons = new Map<string, number>();
        for (const e of events) {
          if (e.tid !== tid || !e.name.includes('Invalidation') || e.ts < since || e.ts > t.ts + t.dur!) continue;
          const d = e.args?.data ?? {};
          const key = [e.name, d.reason, d.nodeName?.slice(0, 50), d.changedAttribute ?? d.changedClass].filter(Boolean).join(' | ');
          reasons.set(key, (reasons.get(key) ?? 0) + 1);
        }
        for (const [key, n] of [...reasons].sort((a, c) => c[1] - a[1]).slice(0, 10)) console.log(`         ${String(n).padStart(5)} × ${key}`);
      }
    }
    summary.push({ long: tasks.filter((t) => ms(t) >= LONG_MS).length, longest: Math.max(0, ...tasks.map(ms)), total: tasks.reduce((a, t) => a + ms(t), 0) });
  }
  console.log(
    `${which}${withTopics ? ' + topics' : ''}, median of ${summary.length} loads: ${median(summary.map((s) => s.long))} tasks ≥ ${LONG_MS} ms, ` +
      `longest ${median(summary.map((s) => s.longest)).toFixed(0)} ms, all tasks ${median(summary.map((s) => s.total)).toFixed(0)} ms ` +
      '(from PaperSift\'s first measure to 200 ms after its last)',
  );
} finally {
  await b.close();
}
