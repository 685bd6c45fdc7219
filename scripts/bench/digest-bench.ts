/// <reference types="node" />
/**
 * The digest's costs (issue 13), run by `npm run bench` (`runDigestBench`) or alone (`npx tsx scripts/bench/digest-bench.ts`
 * after `npm run build`):
 * - matching and counting 1,000 papers against 50 topics (matcher-bench.ts's buildTopics): in Node with the same
 *   pure code, and in the real background (Chromium's service worker), from a check whose API answer holds 1,000
 *   papers (`lastCheck.countMs`: matching, reading the seen/saved/hidden sets, setting the badge);
 * - seen-tracking on the 1,000-card month page: its main-thread work (measures with phase `seen`) while the page
 *   loads and the reader scrolls, as a share of all PaperSift's work there (`data-papersift-perf-ms`).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchPaperSift } from '../lib/browser';
import { API_DAILY, PAGES } from '../lib/fixtures';
import { ensureMonthFixture, monthPaperId, monthTitle } from '../lib/month-fixture';
import { newestFirst, parseDailyPapers } from '../../utils/digest/daily-api';
import { matchDigest, unseenOnly } from '../../utils/digest/new-for-you';
import type { Topic } from '../../utils/topics/types';
import { buildTopics, loadCorpus } from './matcher-bench';
import { median } from './stats';

const PAPERS = 1_000;
const fmt = (n: number, d = 1) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** The recorded API answer made 1,000 entries long (ids and titles as the month fixture makes them), ~2 MB. */
function bigAnswer(): string {
  type Paper = { id: string; title: string; summary?: string; ai_keywords?: string[]; authors?: Array<{ name?: string }>; upvotes?: number; publishedAt?: string };
  const entries = JSON.parse(readFileSync(API_DAILY.file, 'utf8')) as Array<{ paper: Paper }>;
  const out = Array.from({ length: PAPERS }, (_, i) => {
    // Only what the digest reads: 1,000 full entries (user objects, avatars…) would pass the 5 MB bound.
    const p = entries[i % entries.length]!.paper;
    const e = { paper: { id: p.id, title: p.title, summary: p.summary, ai_keywords: p.ai_keywords, authors: (p.authors ?? []).map((a) => ({ name: a.name })), upvotes: p.upvotes, publishedAt: p.publishedAt } };
    const cycle = Math.floor(i / entries.length);
    e.paper.id = cycle === 0 ? e.paper.id : monthPaperId(i);
    e.paper.title = monthTitle(e.paper.title, cycle);
    return e;
  });
  return JSON.stringify(out);
}

export interface DigestBenchResult {
  nodeMs: number;
  workerMs: number | null;
  matched: number;
  seenMs: number | null;
  totalMs: number | null;
  markdown: string;
}

export async function runDigestBench(): Promise<DigestBenchResult> {
  const topics: Topic[] = buildTopics(loadCorpus());
  const answer = bigAnswer();
  const parsed = parseDailyPapers(answer, '2026-12-06');
  if (!parsed.ok) throw new Error(parsed.error);
  const papers = newestFirst(parsed.papers);
  const none = { seen: new Set<string>(), saved: new Set<string>(), hidden: new Set<string>() };
  let matched = 0;
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    matched = unseenOnly(matchDigest(papers, topics, 'highlight-wins'), none).length;
    if (i >= 2) times.push(performance.now() - t);
  }
  const nodeMs = median(times);

  const b = await launchPaperSift();
  let workerMs: number | null = null;
  let seenMs: number | null = null;
  let totalMs: number | null = null;
  let kept = 0;
  try {
    await b.context.route(/^https:\/\/huggingface\.co\/api\/daily_papers(\?|$)/, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: answer }),
    );
    const ctl = await b.context.newPage();
    await ctl.goto(`${b.extensionOrigin}/popup.html`);
    for (const topic of topics) await ctl.evaluate((t) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'topics/put', topic: t }), topic);
    // Checked through the popup's "Check now" (digest/check answers once the check is done).
    const counts: number[] = [];
    for (let i = 0; i < 5; i++) {
      const view = (await ctl.evaluate(() =>
        (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'digest/check' }),
      )) as { ok: boolean; value?: { lastCheck: { ok: boolean; countMs?: number; found?: number; error?: string } } };
      const check = view.value?.lastCheck;
      if (!view.ok || !check?.ok || check.countMs === undefined) throw new Error(`the bench check failed: ${JSON.stringify(view).slice(0, 300)}`);
      kept = check.found ?? 0;
      if (i >= 1) counts.push(check.countMs);
    }
    workerMs = median(counts);

    // Seen-tracking on the month page: the first visit starts the seen set, the second is measured.
    ensureMonthFixture();
    for (const visit of [0, 1]) {
      const page = await b.open(PAGES.month.url);
      await page.waitForFunction(() => document.documentElement.getAttribute('data-papersift-cards') === '1000', undefined, { timeout: 60_000 });
      await page.waitForFunction(() => !document.documentElement.hasAttribute('data-papersift-busy'), undefined, { timeout: 60_000 });
      if (visit === 1) {
        for (let i = 0; i < 10; i++) {
          await page.mouse.wheel(0, 700);
          await page.waitForTimeout(600);
        }
        await page.waitForTimeout(1_500);
        const r = await page.evaluate(() => ({
          seen: performance.getEntriesByType('measure').filter((m) => (m as PerformanceMeasure).detail === 'seen').reduce((n, m) => n + m.duration, 0),
          total: Number(document.documentElement.getAttribute('data-papersift-perf-ms')),
        }));
        seenMs = r.seen;
        totalMs = r.total;
      }
      await page.close();
    }
  } finally {
    await b.close();
  }
  const share = seenMs !== null && totalMs ? seenMs / totalMs : null;
  const markdown = [
    `${topics.length} topics, ${PAPERS} papers in one API answer; median of runs after warm-up.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| match + count, Node (same pure code) | ${fmt(nodeMs)} ms (${matched} papers new for you) |`,
    `| match + count + badge in the background (Chromium service worker; the digest reads at most ${kept} papers of one answer) | ${workerMs === null ? 'n/a' : `${fmt(workerMs)} ms`} |`,
    `| seen-tracking on the month page (load + 10 scrolls, 2nd visit) | ${seenMs === null ? 'n/a' : `${fmt(seenMs)} ms`} |`,
    `| all PaperSift work on that page | ${totalMs === null ? 'n/a' : `${fmt(totalMs)} ms`} |`,
    `| seen-tracking / all PaperSift work | ${share === null ? 'n/a' : `${fmt(share * 100)} %`} |`,
  ].join('\n');
  return { nodeMs, workerMs, matched, seenMs, totalMs, markdown };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  runDigestBench().then(
    (r) => console.log(r.markdown),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
