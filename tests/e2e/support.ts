/**
 * Shared pieces of the e2e files: one Chromium per file, a clean extension state per test, and the selectors of
 * PaperSift's public hooks (`data-papersift-*` on HF's elements, controls inside an open shadow root).
 * Playwright locators pierce open shadow roots, so `getByRole` finds the buttons inside our hosts.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchPaperSift, type LaunchOptions, type PaperSiftBrowser } from '../../scripts/lib/browser';
import { decorationSnapshot, waitForDecoration } from '../../scripts/lib/decoration';
import { normaliseLine } from './harness/wait';

export { decorationSnapshot, waitForDecoration };

/** One browser for the whole file; every test starts with empty storage and no open pages. */
export function useBrowser(options: LaunchOptions = {}): () => PaperSiftBrowser {
  let browser: PaperSiftBrowser | undefined;
  beforeAll(async () => {
    browser = await launchPaperSift(options);
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    await browser!.closePages();
    await browser!.resetExtensionState();
  });
  return () => browser!;
}

export { eventually, normaliseLine, SETTLE_MS } from './harness/wait';

export const cardById = (page: Page, id: string): Locator => page.locator(`[data-papersift-id="${id}"]`);
export const uiHost = (card: Locator): Locator => card.locator('[data-papersift-ui]');
export const saveButton = (card: Locator): Locator => card.getByRole('button', { name: /Save/ });
export const hideButton = (card: Locator): Locator => card.getByRole('button', { name: /\bHide\b/ });
export const showButton = (card: Locator): Locator => card.getByRole('button', { name: 'Show', exact: true });
export const undoButton = (card: Locator): Locator => card.getByRole('button', { name: 'Undo', exact: true });

/** Text of a card's PaperSift UI (inside the shadow root), whitespace and " · " separators normalised. */
export async function uiText(card: Locator): Promise<string> {
  const raw = await uiHost(card).evaluate((h) => h.shadowRoot?.textContent ?? '');
  return normaliseLine(raw);
}

export const pressed = (button: Locator) => button.getAttribute('aria-pressed');
