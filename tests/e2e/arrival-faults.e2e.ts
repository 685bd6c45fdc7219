/**
 * Bad input and faults as the page arrives: a page whose HTML comes in chunks over 2 s, a hydration JSON that is
 * malformed or 5 MB, the service worker asleep at document_start. Never a blank page, never a card held back for more
 * than 300 ms (the probe times PaperSift's holds), never a hidden or muted card painted.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtureHtml, listedPapers, PAGES } from '../../scripts/lib/fixtures';
import { installFlashProbe, readFlashes } from '../../scripts/lib/flash-probe';
import { startSlowSite } from '../../scripts/lib/slow-site';
import { compileTopics, type Topic } from '../../utils/topics';
import { hideAndStore } from './messages';
import { useBrowser, waitForDecoration } from './support';

const MUTE: Topic = {
  id: 'attention', name: 'Attention', colour: '#dc2626', terms: ['attention'], exclusions: [], fields: ['title'], mode: 'mute', createdAt: 1,
};
const daily = listedPapers(fixtureHtml('daily'));
const matcher = compileTopics([MUTE]);
const MUTED = daily.filter((p) => matcher.match({ title: p.title }).length > 0).map((p) => p.id);
const HIDDEN = daily.map((p) => p.id).filter((id) => !MUTED.includes(id)).slice(1, 4);
const WATCH = [...HIDDEN, ...MUTED];
/** The hold's limit, and a frame's worth of slack for when the probe sees it end. */
const HOLD_LIMIT_MS = 300 + 50;

/** The daily page in chunks: everything before the first card, then the cards in four parts. */
function dailyInChunks(): string[] {
  const html = fixtureHtml('daily');
  const first = html.indexOf('<article');
  const cuts = [first];
  const starts = [...html.matchAll(/<article\b/g)].map((m) => m.index!);
  for (const k of [7, 14, 21]) cuts.push(starts[k]!);
  return [html.slice(0, first), ...cuts.map((c, i) => html.slice(c, cuts[i + 1] ?? html.length))];
}
const SLOW_URL = 'https://huggingface.co/papers/date/2026-11-25';
const GAP_MS = 500;
const slow = await startSlowSite(dailyInChunks(), GAP_MS);
afterAll(() => slow.close());

describe('arriving with the page, whatever it is like', () => {
  const browser = useBrowser({ args: slow.args });

  async function openWatched(url: string, cards = daily.length): Promise<Page> {
    const page = await browser().context.newPage();
    await installFlashProbe(page, WATCH);
    await page.goto(url, { waitUntil: 'load' });
    await waitForDecoration(page, cards);
    return page;
  }

  /** Nothing hidden was painted, no hold lasted too long, and the hidden and muted cards did end up hidden. */
  async function expectArrivedWell(page: Page): Promise<void> {
    await page.waitForTimeout(300);
    const record = await readFlashes(page);
    expect(record.frames).toBeGreaterThan(5);
    expect(record.flashes).toEqual([]);
    expect(record.longestHoldMs).toBeLessThanOrEqual(HOLD_LIMIT_MS);
    const collapsed = await page.evaluate(() => [...document.querySelectorAll('[data-papersift-collapsed]')].map((r) => r.getAttribute('data-papersift-id')!));
    expect(collapsed.sort()).toEqual([...WATCH].sort());
    // Not a blank page: every other card is there to read.
    const shown = await page.evaluate(
      (hidden) => [...document.querySelectorAll('article')].filter((a) => !hidden.includes(a.getAttribute('data-papersift-id')!) && a.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)).length,
      WATCH,
    );
    expect(shown).toBe(daily.length - WATCH.length);
  }

  it('a page whose HTML arrives in chunks over 2 s: cards show as they come, hidden ones never', async () => {
    await hideAndStore(browser(), HIDDEN, [MUTE], { url: PAGES.daily.url, kind: 'daily' });
    await browser().context.route(SLOW_URL, (route) => route.continue()); // to the slow server, not the fixtures
    const page = await browser().context.newPage();
    await installFlashProbe(page, WATCH);
    const loaded = page.goto(SLOW_URL, { waitUntil: 'load' });
    await slow.chunkSent(2);
    await page.waitForTimeout(GAP_MS / 2);
    // Half the page has arrived: its cards are on screen (not held back until the end), the hidden ones are not.
    const midway = await page.evaluate((hidden) => {
      const cards = [...document.querySelectorAll('article')];
      const visible = (a: Element) => a.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
      return {
        loading: document.readyState === 'loading',
        parsed: cards.length,
        shown: cards.filter((a) => visible(a) && !hidden.some((id) => a.querySelector(`a[href="/papers/${id}"]`))).length,
      };
    }, WATCH);
    expect(midway.loading).toBe(true);
    expect(midway.parsed).toBeGreaterThanOrEqual(14);
    expect(midway.parsed).toBeLessThan(daily.length);
    const early = daily.slice(0, 13).filter((p) => !WATCH.includes(p.id)).length;
    expect(midway.shown).toBeGreaterThanOrEqual(early);
    await loaded;
    await waitForDecoration(page, daily.length);
    await expectArrivedWell(page);
  });

  it('a malformed hydration JSON: muted cards are found by their titles', async () => {
    await hideAndStore(browser(), HIDDEN, [MUTE], { url: PAGES.daily.url, kind: 'daily' });
    const url = 'https://huggingface.co/papers/date/2026-11-24';
    const html = fixtureHtml('daily').replace(/(data-target="DailyPapers" data-props=")[^"]*"/, '$1{&quot;dailyPapers&quot;:[{&quot;paper&quot;:{&quot;id"');
    expect(html).not.toBe(fixtureHtml('daily'));
    browser().site.servePage(url, html);
    await expectArrivedWell(await openWatched(url));
  });

  it('a 5 MB hydration JSON', async () => {
    await hideAndStore(browser(), HIDDEN, [MUTE], { url: PAGES.daily.url, kind: 'daily' });
    const url = 'https://huggingface.co/papers/date/2026-11-23';
    const html = fixtureHtml('daily').replace('&quot;summary&quot;:&quot;', `&quot;summary&quot;:&quot;${'lorem ipsum '.repeat(440_000)}`);
    expect(html.length - fixtureHtml('daily').length).toBeGreaterThan(5_000_000);
    browser().site.servePage(url, html);
    await expectArrivedWell(await openWatched(url));
  });

  it('the service worker asleep when the page starts', async () => {
    const ctl = await hideAndStore(browser(), HIDDEN, [MUTE], { url: PAGES.daily.url, kind: 'daily' });
    await ctl.close();
    await browser().stopServiceWorker();
    await expectArrivedWell(await openWatched(PAGES.daily.url));
  });
});
