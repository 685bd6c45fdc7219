/**
 * A paper the reader hid, or one of a muted topic, is never painted: not on load, not on reload, not among lazily
 * loaded cards, not after the in-page period switch, in either hide style. A probe in the page's main world checks
 * every frame just before paint (scripts/lib/flash-probe.ts); the cards' final state is checked too, so a page that
 * simply showed nothing would not pass. In both browsers: Firefox injects content scripts at document_start its own
 * way, so this is where a flash would show first.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureHtml, listedPapers, PAGES } from '../../scripts/lib/fixtures';
import { flashProbeScript, readFlashes, watchForFlash } from '../../scripts/lib/flash-probe';
import { appendCards, monthCards, switchPeriodInPage, type SimCard } from '../../scripts/lib/page-sim';
import { compileTopics, type Topic } from '../../utils/topics';
import { eventually, hideAndStore, useE2EBrowser, waitForDecoration, type E2EPage } from './harness';

const daily = listedPapers(fixtureHtml('daily'));
const MUTE: Topic = {
  id: 'attention', name: 'Attention', colour: '#dc2626', terms: ['attention'], exclusions: [], fields: ['title'], mode: 'mute', createdAt: 1,
};
/** Cards the mute topic hides, by the project's matcher run here in node (it matches titles only). */
const mutedByTitle = (cards: Array<{ id: string; title: string }>) => {
  const m = compileTopics([MUTE]);
  return cards.filter((c) => m.match({ title: c.title }).length > 0).map((c) => c.id);
};
/** Three papers hidden by hand, none of them muted too. */
const HIDDEN = daily.map((p) => p.id).filter((id) => !mutedByTitle(daily).includes(id)).slice(2, 5);
const MUTED = mutedByTitle(daily);

describe('nothing hidden is ever painted', () => {
  const browser = useE2EBrowser();

  /** Hides papers and mutes a topic through the background, and waits until pages can read it all at document_start. */
  async function hideAndMute(ids: readonly string[]): Promise<void> {
    await hideAndStore(browser(), ids, [MUTE], { url: PAGES.daily.url, kind: 'daily' });
  }

  async function openWatched(watch: readonly string[]): Promise<E2EPage> {
    const page = await browser().open('daily', { initScript: flashProbeScript(watch) });
    await waitForDecoration(page, daily.length);
    return page;
  }

  const collapsedIds = (page: E2EPage) =>
    page.evaluate(() => [...document.querySelectorAll('[data-papersift-collapsed]')].map((r) => r.getAttribute('data-papersift-id')!).sort(), undefined);

  /** Frames after decoration, too: counted, not timed (headless Firefox paints about half as many frames a second). */
  async function framesAfterNow(page: E2EPage, more = 10): Promise<void> {
    const from = (await readFlashes(page)).frames;
    await eventually(async () => (await readFlashes(page)).frames - from, (n) => expect(n).toBeGreaterThanOrEqual(more));
  }

  /** The probe ran for many frames, saw none of these cards, and they did end up hidden. */
  async function expectNeverShown(page: E2EPage, ids: readonly string[]): Promise<void> {
    await framesAfterNow(page);
    const record = await readFlashes(page);
    expect(record.frames).toBeGreaterThan(5);
    expect(record.flashes).toEqual([]);
    expect(await collapsedIds(page)).toEqual(expect.arrayContaining([...ids]));
  }

  beforeEach(async () => {
    await hideAndMute(HIDDEN);
  });

  it('on load and on every reload, hidden and muted cards alike', async () => {
    expect(MUTED.length).toBeGreaterThan(0);
    const watch = [...HIDDEN, ...MUTED];
    const page = await openWatched(watch);
    await expectNeverShown(page, watch);
    for (let i = 0; i < 3; i++) {
      await page.reload();
      await waitForDecoration(page, daily.length);
      await expectNeverShown(page, watch);
    }
  });

  it('with hide style "remove": the cards are never laid out at all', async () => {
    await browser().send({ type: 'prefs/set', patch: { hideStyle: 'remove' } });
    const watch = [...HIDDEN, ...MUTED];
    const page = await openWatched(watch);
    await page.reload(); // after the prefs reached the ready state
    await waitForDecoration(page, daily.length);
    await framesAfterNow(page);
    const record = await readFlashes(page);
    expect(record.frames).toBeGreaterThan(5);
    expect(record.flashes).toEqual([]);
    const boxes = await page.evaluate((ids) => ids.map((id) => document.querySelector(`[data-papersift-id="${id}"]`)!.getBoundingClientRect().height), watch);
    expect(boxes.every((h) => h === 0)).toBe(true);
  });

  /** Month cards that are new to the page: some hidden by hand, some muted by their title. */
  async function newCardsToHide(from: number, count: number): Promise<{ cards: SimCard[]; watch: string[] }> {
    const cards = monthCards(from, count);
    const muted = mutedByTitle(cards);
    const hidden = cards.map((c) => c.id).filter((id) => !muted.includes(id)).slice(0, 3);
    for (const id of hidden) {
      await browser().send({ type: 'hidden/hide', id, title: id, reason: 'manual', source: { url: PAGES.month.url, kind: 'monthly' } });
    }
    expect(muted.length).toBeGreaterThan(0);
    return { cards, watch: [...hidden, ...muted] };
  }

  it('among lazily loaded cards', async () => {
    const page = await openWatched([...HIDDEN, ...MUTED]);
    const { cards, watch } = await newCardsToHide(0, 12);
    await watchForFlash(page, watch);
    await appendCards(page, cards);
    await waitForDecoration(page, daily.length + cards.length);
    await expectNeverShown(page, [...HIDDEN, ...MUTED, ...watch]);
  });

  it.each([false, true])('after the in-page period switch (list first: %s)', async (listFirst) => {
    const page = await openWatched([...HIDDEN, ...MUTED]);
    const { cards, watch } = await newCardsToHide(200, 20);
    await watchForFlash(page, watch);
    await switchPeriodInPage(page, PAGES.month.url, cards, { listFirst });
    await waitForDecoration(page, cards.length);
    await expectNeverShown(page, watch);
  });
});
