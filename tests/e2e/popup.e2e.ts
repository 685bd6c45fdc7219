/** The toolbar popup, opened as a page for a given tab (`popup.html?tab=<id>`). Both browsers. */
import { describe, expect, it } from 'vitest';
import { fixtureHtml, listedPapers } from '../../scripts/lib/fixtures';
import { cardById, countExactText, eventually, linkHrefs, textContaining, useE2EBrowser, waitForDecoration, waitForExactText } from './harness';

const daily = listedPapers(fixtureHtml('daily'));
/** A day page on which the site shows no cards (e.g. after a redesign PaperSift does not know). */
const EMPTY_DAY_URL = 'https://huggingface.co/papers/date/2026-11-28';
const emptyDayHtml = () => fixtureHtml('daily').replace(/<article[\s\S]*?<\/article>/g, '');

describe('popup', () => {
  const browser = useE2EBrowser();

  it('shows the tab\'s counts and the recently saved papers as links', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    for (const p of [daily[0]!, daily[3]!]) {
      const save = cardById(page, p.id).button(/Save/);
      await save.click();
      await eventually(() => save.pressed(), (v) => expect(v).toBe('true'));
    }
    const hidden = cardById(page, daily[5]!.id);
    await hidden.button(/\bHide\b/).click();
    await eventually(() => hidden.attr('data-papersift-hidden'), (v) => expect(v).toBe('manual'));

    const popup = await browser().openExtensionPage(`popup.html?tab=${await browser().tabId(page)}`, 'body *');
    await waitForExactText(popup, `${daily.length} papers found`);
    expect(await countExactText(popup, '2 saved')).toBe(1);
    expect(await countExactText(popup, '1 hidden')).toBe(1);

    await waitForExactText(popup, 'Recently saved');
    for (const p of [daily[0]!, daily[3]!]) {
      await eventually(() => linkHrefs(popup, p.title), (hrefs) => {
        expect(hrefs).toHaveLength(1);
        expect(hrefs[0]).toContain(`/papers/${p.id}`);
      });
    }
    expect(await linkHrefs(popup, daily[1]!.title)).toEqual([]);
  });

  it('says when it found no papers on a papers page', async () => {
    browser().site.servePage(EMPTY_DAY_URL, emptyDayHtml());
    const page = await browser().open(EMPTY_DAY_URL);
    await eventually(() => page.evaluate(() => document.documentElement.getAttribute('data-papersift-cards'), undefined), (v) => expect(v).toBe('0'));
    expect(await page.evaluate(() => document.querySelectorAll('[data-papersift-id]').length, undefined)).toBe(0);
    // The page itself says so too (a notice, not a card control), once the list had time to load.
    const noticeText = () => page.evaluate(() => document.querySelector('[data-papersift-ui="notice"]')?.shadowRoot?.textContent ?? null, undefined);
    await eventually(noticeText, (t) => expect(t).toMatch(/found no papers on this page/i));

    const popup = await browser().openExtensionPage(`popup.html?tab=${await browser().tabId(page)}`, 'body *');
    await eventually(() => textContaining(popup, 'PaperSift found no papers on this page'), (t) => expect(t).toMatch(/site may have changed/i));
  });
});
