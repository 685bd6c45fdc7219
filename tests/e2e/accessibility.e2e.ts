/** Keyboard use and dark mode (HF's dark class, and a dark system theme). Both browsers. */
import { describe, expect, it } from 'vitest';
import { fixtureHtml, listedPapers } from '../../scripts/lib/fixtures';
import { cardById, eventually, useE2EBrowser, waitForDecoration, type E2EPage } from './harness';

const daily = listedPapers(fixtureHtml('daily'));

/** The focused element, looking through open shadow roots, described by what a test needs. */
function deepFocus(page: E2EPage): Promise<{ cardId: string | null; role: string | null; text: string; pressed: string | null }> {
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
  }, undefined);
}

const saveOf = (page: E2EPage, id: string) => cardById(page, id).button(/Save/);
const hasDarkClass = (page: E2EPage) => page.evaluate(() => document.documentElement.classList.contains('dark'), undefined);

/** Reloads with HF's `theme` cookie set (the page's own script reads it before PaperSift starts), runs `check`, clears it. */
async function reloadWithThemeCookie(page: E2EPage, theme: 'dark' | 'light', check: () => Promise<void>): Promise<void> {
  await page.evaluate((t) => void (document.cookie = `theme=${t}; path=/`), theme);
  try {
    await page.reload();
    await waitForDecoration(page, daily.length);
    await check();
  } finally {
    await page.evaluate(() => void (document.cookie = 'theme=; path=/; max-age=0'), undefined);
  }
}

describe('keyboard and dark mode', () => {
  const browser = useE2EBrowser();

  it('Tab reaches a card\'s Save button; Enter and Space toggle it', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    const target = daily[1]!;

    // Start from the last focusable page element before the target card, then Tab forward as a reader would.
    await page.focus((id) => {
      const card = document.querySelector(`[data-papersift-id="${id}"]`)!;
      const before = [...document.querySelectorAll<HTMLElement>('a[href], button, input:not([type=hidden])')].filter(
        (el) => !card.contains(el) && el.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      return before.at(-1);
    }, target.id);
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.press('Tab');
      const f = await deepFocus(page);
      reached = f.cardId === target.id && f.role === 'button' && f.text.includes('Save');
    }
    expect(reached, 'Tab never reached the Save button of the second card').toBe(true);

    await page.press('Enter');
    await eventually(() => saveOf(page, target.id).pressed(), (v) => expect(v).toBe('true'));
    // Focus stays on the button, so the reader can press again.
    const afterEnter = await deepFocus(page);
    expect(afterEnter.cardId).toBe(target.id);
    expect(afterEnter.pressed).toBe('true');

    await page.press('Space');
    await eventually(() => saveOf(page, target.id).pressed(), (v) => expect(v).toBe('false'));
  });

  it('the controls follow the dark class HF toggles on <html>', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    const id = daily[0]!.id;
    expect(await hasDarkClass(page)).toBe(false);
    const light = await saveOf(page, id).colours();

    await page.evaluate(() => document.documentElement.classList.add('dark'), undefined);
    await eventually(() => saveOf(page, id).colours(), (s) => expect(s).not.toBe(light));
    const dark = await saveOf(page, id).colours();

    await page.evaluate(() => document.documentElement.classList.remove('dark'), undefined);
    await eventually(() => saveOf(page, id).colours(), (s) => expect(s).toBe(light));

    // The same class set by the page's own script before PaperSift starts: the controls start dark.
    await reloadWithThemeCookie(page, 'dark', async () => {
      expect(await hasDarkClass(page)).toBe(true);
      await eventually(() => saveOf(page, id).colours(), (s) => expect(s).toBe(dark));
    });
  });
});

describe('a dark system theme', () => {
  const browser = useE2EBrowser({ colourScheme: 'dark' });

  it('the page\'s script sets the dark class at load and the controls start dark; HF\'s own light choice wins', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    const id = daily[0]!.id;
    expect(await hasDarkClass(page)).toBe(true);
    const dark = await saveOf(page, id).colours();
    await page.evaluate(() => document.documentElement.classList.remove('dark'), undefined);
    await eventually(() => saveOf(page, id).colours(), (s) => expect(s).not.toBe(dark));
    const light = await saveOf(page, id).colours();
    await page.evaluate(() => document.documentElement.classList.add('dark'), undefined);
    await eventually(() => saveOf(page, id).colours(), (s) => expect(s).toBe(dark));

    // theme=light cookie + dark system → no class → light controls.
    await reloadWithThemeCookie(page, 'light', async () => {
      expect(await hasDarkClass(page)).toBe(false);
      await eventually(() => saveOf(page, id).colours(), (s) => expect(s).toBe(light));
    });
  });
});
