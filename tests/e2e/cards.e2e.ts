/** Card detection on every kind of papers page: count, ids in page order, exactly one control per card. Both browsers. */
import { describe, expect, it } from 'vitest';
import { fixtureHtml, listedPapers, PAGES } from '../../scripts/lib/fixtures';
import { cardById, decorationSnapshot, eventually, useE2EBrowser, waitForDecoration } from './harness';

describe('cards found on the papers pages', () => {
  const browser = useE2EBrowser();

  for (const name of ['daily', 'trending', 'search'] as const) {
    it(`${name}: every card decorated once, ids in page order`, async () => {
      const page = await browser().open(name);
      const expected = listedPapers(fixtureHtml(name)).map((p) => p.id);
      expect(expected).toHaveLength(PAGES[name].cards);
      await waitForDecoration(page, expected.length);

      const snap = await decorationSnapshot(page);
      expect(snap.cardsAttr).toBe(String(expected.length));
      expect(snap.cards.map((c) => c.id)).toEqual(expected);
      // The card root is the <article>: on trending it holds a desktop and a mobile copy, yet gets one control.
      expect(snap.cards.every((c) => c.tag === 'article')).toBe(true);
      expect(snap.cards.map((c) => c.hosts)).toEqual(expected.map(() => 1));
      expect(snap.strayHosts).toBe(0);
      // Besides the card controls, only the summary bar above the list (once; it follows the throttled counts).
      await eventually(async () => (await decorationSnapshot(page)).pageHosts, (h) => expect(h).toEqual(['summary']));
      expect(await page.evaluate(() => document.querySelectorAll('article').length, undefined)).toBe(expected.length);

      const first = cardById(page, expected[0]!);
      expect(await first.button(/Save/).count()).toBe(1);
      expect(await first.button(/\bHide\b/).count()).toBe(1);
      expect(await first.button(/Save/).pressed()).toBe('false');
    });
  }

  it('paper page: one card, controls right by the h1 title', async () => {
    const page = await browser().open('paper');
    await waitForDecoration(page, 1);
    const snap = await decorationSnapshot(page);
    expect(snap.cards.map((c) => c.id)).toEqual(['2410.24210']);
    expect(await page.evaluate(() => document.querySelectorAll('[data-papersift-ui]').length, undefined)).toBe(1);
    // The three papers linked from the comments are not cards.
    for (const other of ['2410.02604', '2104.00597', '1801.02475']) {
      expect(await cardById(page, other).exists()).toBe(false);
    }
    const hostFollowsTitle = await page.evaluate(() => {
      const host = document.querySelector('[data-papersift-ui]');
      const h1 = document.querySelector('h1');
      return !!host && !!h1 && (h1.nextElementSibling === host || h1.contains(host));
    }, undefined);
    expect(hostFollowsTitle).toBe(true);
    expect(await cardById(page, '2410.24210').button(/Save/).count()).toBe(1);
  });

  it('cards without a heading: titled by their plain link, or by the thumbnail alt alone', async () => {
    const url = 'https://huggingface.co/papers/date/2026-11-26';
    const expected = listedPapers(fixtureHtml('daily'));
    const third = expected[2]!;
    // HF's markup re-skinned: no title headings at all, and the third card's title only in its thumbnail's alt.
    const html = fixtureHtml('daily')
      .replace(/<h3\b[^>]*>/g, '<div>')
      .replace(/<\/h3>/g, '</div>')
      .replace(new RegExp(`(<a href="/papers/${third.id}"[^>]*><div[^>]*>(?:(?!</a>).)*?<img[^>]*?)alt=""`, 's'), `$1alt="${third.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
      .replace(new RegExp(`<div><a href="/papers/${third.id}"[^>]*>[^<]*</a></div>`), '<div></div>');
    expect(html).not.toContain('<h3');
    browser().site.servePage(url, html);
    const page = await browser().open(url);
    await waitForDecoration(page, expected.length);
    const snap = await decorationSnapshot(page);
    expect(snap.cards.map((c) => c.id)).toEqual(expected.map((p) => p.id));
    expect(snap.cards.every((c) => c.tag === 'article' && c.hosts === 1)).toBe(true);

    const links = await page.evaluate((id) => document.querySelectorAll(`[data-papersift-id="${id}"] a[href="/papers/${id}"]`).length, third.id);
    expect(links).toBe(1); // the thumbnail alone
    const card = cardById(page, third.id);
    await card.button(/\bHide\b/).click();
    await eventually(() => card.uiText(), (t) => expect(t).toContain(`Hidden: ${third.title}`));
  });

  it('month page: all 1,000 cards decorated once', async () => {
    const page = await browser().open('month');
    await waitForDecoration(page, 1000, 30_000);
    const snap = await decorationSnapshot(page);
    expect(snap.cards.map((c) => c.id)).toEqual(listedPapers(fixtureHtml('month')).map((p) => p.id));
    expect(snap.cards.filter((c) => c.hosts !== 1)).toEqual([]);
  });
});
