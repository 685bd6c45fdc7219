/**
 * CPU profile of the content script on one page, for finding where PaperSift's time goes (a developer's tool, not
 * part of `npm run bench`):
 *
 *   PAPERSIFT_NO_MINIFY=1 npx wxt build && npx tsx scripts/bench/profile-content.ts [daily|month] [topics]
 *
 * Loads the page once to warm up, then once under the CDP sampling profiler, and prints the extension's functions by
 * inclusive time (each sample counted once per function on its stack) and by self time. `FOCUS=<function name>` keeps
 * only the samples under that function. The profiler slows everything down: compare figures within one run only.
 */
import { launchPaperSift } from '../lib/browser';
import { PAGES } from '../lib/fixtures';
import { ensureMonthFixture } from '../lib/month-fixture';
import { waitForSettled } from '../lib/timings';
import { putTopics } from './decorate-bench';
import { buildTopics, loadCorpus } from './matcher-bench';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }

const which = process.argv[2] === 'month' ? 'month' : 'daily';
const withTopics = process.argv.includes('topics');
ensureMonthFixture();
const target = which === 'month' ? { url: PAGES.month.url, cards: 1000 } : { url: PAGES.daily.url, cards: 27 };
const b = await launchPaperSift();
try {
  if (withTopics) await putTopics(b, buildTopics(loadCorpus(), 50, 10));
  // warm-up load
  const warm = await b.open(target.url);
  await waitForSettled(warm, { cards: target.cards, quietMs: 500, needMatches: withTopics, timeoutMs: 60_000 });
  await warm.close();
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(target.url, { waitUntil: 'load' });
  await waitForSettled(page, { cards: target.cards, quietMs: 500, needMatches: withTopics, timeoutMs: 60_000 });
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
  const perf = await page.evaluate(() => document.documentElement.getAttribute('data-papersift-perf-ms'));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byFn = new Map<string, number>();
  let ext = 0;
  for (const n of profile.nodes) {
    const t = self.get(n.id) ?? 0;
    const isExt = n.callFrame.url.startsWith('chrome-extension://');
    const key = isExt ? `${n.callFrame.functionName || '(anon)'} :${n.callFrame.lineNumber}` : `[${n.callFrame.functionName || n.callFrame.url.slice(0, 40) || '(native)'}]`;
    if (isExt) ext += t;
    byFn.set(key, (byFn.get(key) ?? 0) + t);
  }
  // inclusive time: each sample counts once for every distinct function on its stack
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const incl = new Map<string, number>();
  const focus = process.env.FOCUS;
  profile.samples.forEach((id, i) => {
    if (focus) {
      let inFocus = false;
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) if (byId.get(cur)!.callFrame.functionName === focus) inFocus = true;
      if (!inFocus) return;
    }
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (!n.callFrame.url.startsWith('chrome-extension://')) {
        if (cur === id) seen.add(`[native] ${n.callFrame.functionName || '(program)'}`);
        continue;
      }
      seen.add(`${n.callFrame.functionName || '(anon)'} :${n.callFrame.lineNumber}`);
    }
    for (const k of seen) incl.set(k, (incl.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log('--- inclusive');
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(8), k);
  console.log('--- self');
  console.log(`${which}${withTopics ? ' + topics' : ''}: perf-ms ${perf}, extension self time ${ext.toFixed(1)} ms`);
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(v.toFixed(1).padStart(8), k);
} finally {
  await b.close();
}
