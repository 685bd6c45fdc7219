/** The page changing under PaperSift, as HF's Svelte app changes it: lazy loading, period switch, re-renders. Both browsers. */
import { describe, expect, it } from 'vitest';
import { fixtureHtml, listedPapers } from '../../scripts/lib/fixtures';
import { appendCards, fixtureCards, monthCards, removeUiHost, replaceCardElement, switchPeriodInPage } from '../../scripts/lib/page-sim';
import { cardById, decorationSnapshot, eventually, useE2EBrowser, waitForDecoration, type E2EPage } from './harness';

/** Card controls in the page, inside cards. */
const cardHosts = (page: E2EPage) => page.evaluate(() => document.querySelectorAll('[data-papersift-id] [data-papersift-ui]').length, undefined);

const daily = listedPapers(fixtureHtml('daily'));

describe('dynamic pages', () => {
  const browser = useE2EBrowser();

  it('lazy loading: 5 appended cards get exactly one control each and the count follows', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    const extra = monthCards(0, 5);
    await appendCards(page, extra);
    await waitForDecoration(page, daily.length + 5);

    const snap = await decorationSnapshot(page);
    expect(snap.cards.map((c) => c.id)).toEqual([...daily.map((p) => p.id), ...extra.map((c) => c.id)]);
    expect(snap.cards.filter((c) => c.hosts !== 1)).toEqual([]);
    expect(snap.strayHosts).toBe(0);

    // The new cards work like the others.
    const card = cardById(page, extra[2]!.id);
    await card.button(/Save/).click();
    await eventually(() => card.button(/Save/).pressed(), (v) => expect(v).toBe('true'));
  });

  for (const listFirst of [false, true]) {
    it(`in-page period switch (${listFirst ? 'list, then URL' : 'URL, then list'}): new cards decorated, old controls gone`, async () => {
      const page = await browser().open('daily');
      await waitForDecoration(page, daily.length);
      const monthly = monthCards(100, 30);
      // A mark in the page's window: a page load would start a new window without it.
      await page.evaluate(() => void ((window as unknown as { noLoadMark?: number }).noLoadMark = 1), undefined);

      await switchPeriodInPage(page, 'https://huggingface.co/papers/month/2026-11', monthly, { listFirst });
      await waitForDecoration(page, monthly.length);

      // No page load happened: the content script had to notice by itself.
      expect(await page.evaluate(() => (window as unknown as { noLoadMark?: number }).noLoadMark ?? 0, undefined)).toBe(1);
      expect(page.url()).toBe('https://huggingface.co/papers/month/2026-11');
      const snap = await decorationSnapshot(page);
      expect(snap.cards.map((c) => c.id)).toEqual(monthly.map((c) => c.id));
      expect(snap.cards.filter((c) => c.hosts !== 1)).toEqual([]);
      expect(snap.strayHosts).toBe(0);
      for (const p of daily.slice(0, 3)) expect(await cardById(page, p.id).exists()).toBe(false);
    });
  }

  it('switching back and forth keeps exactly one control per card', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    const dailyCards = fixtureCards('daily');
    const weekly = monthCards(200, 10);
    for (let round = 0; round < 3; round++) {
      await switchPeriodInPage(page, 'https://huggingface.co/papers/week/2026-W48', weekly, { delayMs: 0 });
      await waitForDecoration(page, weekly.length);
      await switchPeriodInPage(page, 'https://huggingface.co/papers/date/2026-11-27', dailyCards, { delayMs: 0 });
      await waitForDecoration(page, daily.length);
    }
    const snap = await decorationSnapshot(page);
    expect(snap.cards.map((c) => c.id)).toEqual(daily.map((p) => p.id));
    expect(snap.cards.filter((c) => c.hosts !== 1)).toEqual([]);
    // One control per card, and no card control anywhere else (the summary bar is page-level UI).
    expect(await cardHosts(page)).toBe(daily.length);
    expect(snap.strayHosts).toBe(0);
  });

  it('a re-render that drops our control brings it back, exactly once', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    const target = daily[4]!;

    await removeUiHost(page, target.id);
    await eventually(() => cardById(page, target.id).hosts(), (n) => expect(n).toBe(1));

    // Svelte re-creating the whole card element: the new element is decorated, with its saved state.
    await cardById(page, target.id).button(/Save/).click();
    await eventually(() => cardById(page, target.id).button(/Save/).pressed(), (v) => expect(v).toBe('true'));
    await replaceCardElement(page, target.id, fixtureCards('daily')[4]!.html);
    await waitForDecoration(page, daily.length);
    const snap = await decorationSnapshot(page);
    expect(snap.cards.filter((c) => c.hosts !== 1)).toEqual([]);
    expect(snap.strayHosts).toBe(0);
    await eventually(() => cardById(page, target.id).button(/Save/).pressed(), (v) => expect(v).toBe('true'));
  });
});
