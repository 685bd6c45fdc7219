/** The toolbar popup, opened as a page for a given tab (`popup.html?tab=<id>`). */
import { describe, expect, it } from 'vitest';
import { fixtureHtml, listedPapers } from '../../scripts/lib/fixtures';
import { cardById, eventually, hideButton, pressed, saveButton, SETTLE_MS, useBrowser, waitForDecoration } from './support';

const daily = listedPapers(fixtureHtml('daily'));
/** A day page on which the site shows no cards (e.g. after a redesign PaperSift does not know). */
const EMPTY_DAY_URL = 'https://huggingface.co/papers/date/2026-11-28';
const emptyDayHtml = () => fixtureHtml('daily').replace(/<article[\s\S]*?<\/article>/g, '');

describe('popup', () => {
  const browser = useBrowser();

  it('shows the tab\'s counts and the recently saved papers as links', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    for (const p of [daily[0]!, daily[3]!]) {
      const card = cardById(page, p.id);
      await saveButton(card).click();
      await eventually(() => pressed(saveButton(card)), (v) => expect(v).toBe('true'));
    }
    const hidden = cardById(page, daily[5]!.id);
    await hideButton(hidden).click();
    await eventually(() => hidden.getAttribute('data-papersift-hidden'), (v) => expect(v).toBe('manual'));

    const popup = await browser().openPopup(await browser().tabId(page));
    await popup.getByText(`${daily.length} papers found`, { exact: true }).waitFor({ timeout: SETTLE_MS });
    expect(await popup.getByText('2 saved', { exact: true }).count()).toBe(1);
    expect(await popup.getByText('1 hidden', { exact: true }).count()).toBe(1);

    await popup.getByText('Recently saved').waitFor();
    for (const p of [daily[0]!, daily[3]!]) {
      const link = popup.getByRole('link', { name: p.title });
      await link.waitFor({ timeout: SETTLE_MS });
      expect(await link.getAttribute('href')).toContain(`/papers/${p.id}`);
    }
    expect(await popup.getByRole('link', { name: daily[1]!.title }).count()).toBe(0);
  });

  it('says when it found no papers on a papers page', async () => {
    browser().site.servePage(EMPTY_DAY_URL, emptyDayHtml());
    const page = await browser().open(EMPTY_DAY_URL);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-papersift-cards') === '0', undefined, {
      timeout: SETTLE_MS,
    });
    expect(await page.locator('[data-papersift-id]').count()).toBe(0);
    // The page itself says so too (a notice, not a card control), once the list had time to load.
    const notice = page.locator('[data-papersift-ui="notice"]');
    await notice.waitFor({ timeout: SETTLE_MS });
    expect(await notice.evaluate((h) => h.shadowRoot?.textContent ?? '')).toMatch(/found no papers on this page/i);

    const popup = await browser().openPopup(await browser().tabId(page));
    const message = popup.getByText('PaperSift found no papers on this page');
    await message.waitFor({ timeout: SETTLE_MS });
    expect(await message.innerText()).toMatch(/site may have changed/i);
  });
});
