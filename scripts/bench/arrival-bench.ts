/// <reference types="node" />
/**
 * Arriving with the page (`npm run bench`): on the daily and the month page, with 3 papers hidden and a muted topic,
 * - the frames in which a hidden or muted card is visible (scripts/lib/flash-probe.ts), with PaperSift and without
 *   any extension (what the reader would see without it; the floor extension hides nothing, so it sees the same);
 * - when the last card carries its hooks (`data-papersift-cards` reaching every card, seen from the page's main
 *   world), as a ratio to the same page's load event without the extension, medians from the same run.
 */
import type { Page } from 'playwright-core';
import { launchPaperSift, type PaperSiftBrowser } from '../lib/browser';
import { fixtureHtml, listedPapers, PAGES } from '../lib/fixtures';
import { initScript, installFlashProbe, readFlashes } from '../lib/flash-probe';
import { ensureMonthFixture } from '../lib/month-fixture';
import { compileTopics, type Topic } from '../../utils/topics';
import { median } from './stats';

const RUNS = Number(process.env.BENCH_RUNS) || 5;
const MUTE: Topic = {
  id: 'bench-mute', name: 'Attention', colour: '#dc2626', terms: ['attention'], exclusions: [], fields: ['title'], mode: 'mute', createdAt: 1,
};

/** In the page's main world: when `data-papersift-cards` first says every card was found (performance.now()). */
function hooksProbe(cards: number): void {
  const w = window as unknown as { __papersiftHooksAt?: number };
  const watch = () => {
    new MutationObserver(() => {
      if (w.__papersiftHooksAt === undefined && Number(document.documentElement.getAttribute('data-papersift-cards')) >= cards) {
        w.__papersiftHooksAt = performance.now();
      }
    }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-papersift-cards'] });
  };
  if (document.documentElement) watch();
  else new MutationObserver((_r, o) => document.documentElement && (o.disconnect(), watch())).observe(document, { childList: true });
}

interface Load {
  loadMs: number;
  hooksAtMs: number;
  flashFrames: number;
  frames: number;
}

async function loadOnce(b: PaperSiftBrowser, url: string, cards: number, watch: string[]): Promise<Load> {
  const page: Page = await b.context.newPage();
  try {
    await installFlashProbe(page, watch);
    await page.addInitScript({ content: initScript(hooksProbe, cards) });
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForTimeout(500);
    const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    const hooksAtMs = await page.evaluate(() => (window as unknown as { __papersiftHooksAt?: number }).__papersiftHooksAt ?? NaN);
    const r = await readFlashes(page);
    return { loadMs, hooksAtMs, flashFrames: new Set(r.flashes.map((f) => f.frame)).size, frames: r.frames };
  } finally {
    await page.close();
  }
}

async function hideAndMute(b: PaperSiftBrowser, ids: string[]): Promise<void> {
  const page = await b.context.newPage();
  try {
    await page.goto(`${b.extensionOrigin}/popup.html`);
    await page.evaluate(async ({ ids, topic }) => {
      const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).chrome.runtime;
      const source = { url: 'https://huggingface.co/papers', kind: 'daily' };
      for (const id of ids) await rt.sendMessage({ type: 'hidden/hide', id, title: id, reason: 'manual', source });
      await rt.sendMessage({ type: 'topics/put', topic });
    }, { ids, topic: MUTE });
    await page.waitForTimeout(500); // the background rewrites the ready state after the requests
  } finally {
    await page.close();
  }
}

export async function runArrivalBench(): Promise<string> {
  ensureMonthFixture();
  const mute = compileTopics([MUTE]);
  const rows: string[] = [];
  for (const name of ['daily', 'month'] as const) {
    const papers = listedPapers(fixtureHtml(name));
    const muted = papers.filter((p) => mute.match({ title: p.title }).length > 0).map((p) => p.id);
    const hidden = papers.map((p) => p.id).filter((id) => !muted.includes(id)).slice(0, 3);
    const watch = [...hidden, ...muted];
    const { url, cards } = PAGES[name];
    const plain = await launchPaperSift({ extension: false });
    const ext = await launchPaperSift();
    try {
      await hideAndMute(ext, hidden);
      const base: Load[] = [];
      const withExt: Load[] = [];
      await loadOnce(plain, url, cards, watch); // warm-up
      await loadOnce(ext, url, cards, watch);
      for (let i = 0; i < RUNS; i++) {
        base.push(await loadOnce(plain, url, cards, watch));
        withExt.push(await loadOnce(ext, url, cards, watch));
      }
      const baseLoad = median(base.map((l) => l.loadMs));
      const hooksAt = median(withExt.map((l) => l.hooksAtMs));
      const ratio = hooksAt / baseLoad;
      rows.push(
        `| ${name} (${cards} cards, ${watch.length} hidden or muted) | ${Math.max(...withExt.map((l) => l.flashFrames))} ` +
          `(of ${median(withExt.map((l) => l.frames))}) | ${median(base.map((l) => l.flashFrames))} | ${baseLoad.toFixed(0)} | ` +
          `${hooksAt.toFixed(0)} | ${ratio.toFixed(3)}× ${ratio <= 1.02 ? 'PASS' : 'MISS'} |`,
      );
    } finally {
      await plain.close();
      await ext.close();
    }
  }
  return [
    `${RUNS} loads each, PaperSift's and the plain page's alternating. Frames: those in which a hidden or muted card was visible`,
    '(worst load with PaperSift; median without any extension, which is also what the floor extension shows: it hides nothing).',
    '',
    '| page | frames showing a hidden card, PaperSift | the same without PaperSift | load without PaperSift (ms) | last card hooked (ms) | hooked / load (goal ≤ 1.02×) |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
