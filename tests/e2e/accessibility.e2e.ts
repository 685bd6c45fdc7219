/** Keyboard use and dark mode. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureHtml, listedPapers, PAGES } from '../../scripts/lib/fixtures';
import { cardById, eventually, pressed, saveButton, useBrowser, waitForDecoration } from './support';

const daily = listedPapers(fixtureHtml('daily'));

/** The focused element, looking through open shadow roots, described by what a test needs. */
async function deepFocus(page: Page): Promise<{ cardId: string | null; role: string | null; text: string; pressed: string | null }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    const outer = el;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      cardId: outer?.closest('[data-papersift-id]')?.getAttribute('data-papersift-id') ?? null,
      role: el?.tagName === 'BUTTON' ? 'button' : (el?.getAttribute('role') ?? null),
      text: (el?.textContent ?? '').trim(),
      pressed: el?.getAttribute('aria-pressed') ?? null,
    };
  });
}

describe('keyboard and dark mode', () => {
  const browser = useBrowser();

  it('Tab reaches a card\'s Save button; Enter and Space toggle it', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    const target = daily[1]!;

    // Start from the last focusable page element before the target card, then Tab forward as a reader would.
    await page.evaluate((id) => {
      const card = document.querySelector(`[data-papersift-id="${id}"]`)!;
      const before = [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden])')].filter(
        (el) => !card.contains(el) && el.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      before.at(-1)!.focus();
    }, target.id);
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      const f = await deepFocus(page);
      reached = f.cardId === target.id && f.role === 'button' && f.text.includes('Save');
    }
    expect(reached, 'Tab never reached the Save button of the second card').toBe(true);

    await page.keyboard.press('Enter');
    await eventually(() => pressed(saveButton(cardById(page, target.id))), (v) => expect(v).toBe('true'));
    // Focus stays on the button, so the reader can press again.
    const afterEnter = await deepFocus(page);
    expect(afterEnter.cardId).toBe(target.id);
    expect(afterEnter.pressed).toBe('true');

    await page.keyboard.press('Space');
    await eventually(() => pressed(saveButton(cardById(page, target.id))), (v) => expect(v).toBe('false'));
  });

  const saveStyle = (page: Page, id: string) =>
    saveButton(cardById(page, id)).evaluate((b) => {
      const s = getComputedStyle(b);
      return `${s.backgroundColor} / ${s.color}`;
    });

  it('the controls follow the dark class HF toggles on <html>', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    const id = daily[0]!.id;
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
    const light = await saveStyle(page, id);

    await page.evaluate(() => document.documentElement.classList.add('dark'));
    await eventually(() => saveStyle(page, id), (s) => expect(s).not.toBe(light));
    const dark = await saveStyle(page, id);

    await page.evaluate(() => document.documentElement.classList.remove('dark'));
    await eventually(() => saveStyle(page, id), (s) => expect(s).toBe(light));

    // A dark system theme: the page's own script sets the class at load, and the controls start dark.
    const darkPage = await browser().context.newPage();
    await darkPage.emulateMedia({ colorScheme: 'dark' });
    await darkPage.goto(PAGES.daily.url);
    await waitForDecoration(darkPage, daily.length);
    expect(await darkPage.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await eventually(() => saveStyle(darkPage, id), (s) => expect(s).toBe(dark));

    // HF's own choice wins over the system's: theme=light cookie + dark system → no class → light controls.
    await browser().context.addCookies([{ name: 'theme', value: 'light', url: 'https://huggingface.co' }]);
    try {
      await darkPage.reload();
      await waitForDecoration(darkPage, daily.length);
      expect(await darkPage.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
      await eventually(() => saveStyle(darkPage, id), (s) => expect(s).toBe(light));
    } finally {
      await browser().context.clearCookies();
    }
  });
});
