/** A sleeping service worker, and page text that tries to become markup. */
import { describe, expect, it } from 'vitest';
import { dailyPapersProps, fixtureHtml, listedPapers } from '../../scripts/lib/fixtures';
import { encodeAttr, escapeText } from '../../scripts/lib/html';
import {
  cardById,
  eventually,
  hideButton,
  pressed,
  saveButton,
  SETTLE_MS,
  uiText,
  useBrowser,
  waitForDecoration,
} from './support';

const daily = listedPapers(fixtureHtml('daily'));

const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1">';
const HOSTILE_URL = 'https://huggingface.co/papers/date/2026-11-26';

/** The daily page with the first paper's title replaced by markup, escaped as text (as the site would). */
function hostilePage(): string {
  const html = fixtureHtml('daily');
  const first = daily[0]!;
  const props = dailyPapersProps(html);
  const entry = props.dailyPapers![0]!;
  entry.title = HOSTILE_TITLE;
  entry.paper.title = HOSTILE_TITLE;
  return html
    .replace(`>${escapeText(first.title)}</a></h3>`, `>${escapeText(HOSTILE_TITLE)}</a></h3>`)
    .replace(/(data-target="DailyPapers" data-props=")[^"]*(")/, (_m, a: string, b: string) => a + encodeAttr(JSON.stringify(props)) + b);
}

describe('resilience', () => {
  const browser = useBrowser();

  it('a click lands after Chrome stopped the service worker', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    const id = daily[2]!.id;

    await browser().stopServiceWorker();
    const card = cardById(page, id);
    await saveButton(card).click();
    await eventually(() => pressed(saveButton(card)), (v) => expect(v).toBe('true'));
    // No error message, and it stays saved once the write settled.
    await new Promise((r) => setTimeout(r, 300));
    expect(await pressed(saveButton(card))).toBe('true');
    expect((await card.getByRole('status').allTextContents()).join('').trim()).toBe('');

    await page.reload();
    await waitForDecoration(page, daily.length);
    await eventually(() => pressed(saveButton(cardById(page, id))), (v) => expect(v).toBe('true'));
  });

  it('a failed write shows a message in the card and rolls the button back', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    const card = cardById(page, daily[3]!.id);
    expect(await pressed(saveButton(card))).toBe('false');

    // Every IndexedDB write in the worker now fails, as on a full disk. (The next test's reset restarts the worker.)
    await browser().evalInWorker(() => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('The disk is full (e2e test)', 'QuotaExceededError');
      };
    });
    await saveButton(card).click();
    await eventually(
      async () => (await card.getByRole('status').allTextContents()).join(' ').trim(),
      (text) => expect(text).not.toBe(''),
    );
    await eventually(() => pressed(saveButton(card)), (v) => expect(v).toBe('false'));
    expect(await card.getAttribute('data-papersift-saved')).toBeNull();
    await browser().stopServiceWorker();
  });

  it('a title made of markup shows as text and never runs', async () => {
    const html = hostilePage();
    expect(html).toContain(escapeText(HOSTILE_TITLE));
    browser().site.servePage(HOSTILE_URL, html);
    const page = await browser().open(HOSTILE_URL);
    await waitForDecoration(page, daily.length);
    const card = cardById(page, daily[0]!.id);
    expect(await card.locator('h3').innerText()).toBe(HOSTILE_TITLE);

    await saveButton(card).click();
    await eventually(() => pressed(saveButton(card)), (v) => expect(v).toBe('true'));
    await hideButton(card).click();
    await eventually(() => uiText(card), (t) => expect(t).toContain(`Hidden: ${HOSTILE_TITLE} · Show · Undo`));
    expect(await card.locator('[data-papersift-ui]').evaluate((h) => h.shadowRoot!.querySelectorAll('img').length)).toBe(0);

    const popup = await browser().openPopup(await browser().tabId(page));
    const link = popup.getByRole('link', { name: HOSTILE_TITLE });
    await link.waitFor({ timeout: SETTLE_MS });
    expect(await popup.locator('img').count()).toBe(0);

    await new Promise((r) => setTimeout(r, 200)); // an injected <img src=x> would have errored by now
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
