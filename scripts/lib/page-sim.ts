/// <reference types="node" />
/**
 * What Hugging Face's Svelte app does to a papers page after load, reproduced from the page world:
 * lazy-loading more cards, switching period in place (new list + `history.pushState`, no page load),
 * and re-rendering a card (which drops elements Svelte does not know about, such as ours).
 *
 * Cards are built from pristine fixture HTML (never cloned from the live page, which carries our decorations).
 */
import type { PageEvaluator } from './page-evaluator';
import { cardHtmlList, fixtureHtml, listedPapers } from './fixtures';
import { ensureMonthFixture } from './month-fixture';

export interface SimCard {
  id: string;
  title: string;
  html: string;
}

/** Cards `from`…`from+count-1` of the generated month page: ids `2611.nnnnn`, none of them on the other fixtures. */
export function monthCards(from: number, count: number): SimCard[] {
  ensureMonthFixture();
  const html = fixtureHtml('month');
  const cards = cardHtmlList(html);
  const papers = listedPapers(html);
  return cards.slice(from, from + count).map((h, i) => ({ ...papers[from + i]!, html: h }));
}

/** The cards of a fixture page, pristine. */
export function fixtureCards(name: 'daily' | 'trending' | 'search'): SimCard[] {
  const html = fixtureHtml(name);
  const papers = listedPapers(html);
  return cardHtmlList(html).map((h, i) => ({ ...papers[i]!, html: h }));
}

/**
 * Lazy loading: appends cards after the last card of the grid (before the Previous/Next block, as Svelte's each-block
 * would), in one DOM task.
 */
export async function appendCards(page: PageEvaluator, cards: SimCard[]): Promise<void> {
  await page.evaluate((htmls) => {
    const last = [...document.querySelectorAll('article')].at(-1);
    if (!last?.parentElement) throw new Error('no card grid on this page');
    const parser = new DOMParser();
    let anchor: Element = last;
    for (const h of htmls) {
      const el = document.adoptNode(parser.parseFromString(h, 'text/html').body.firstElementChild!);
      anchor.after(el);
      anchor = el;
    }
  }, cards.map((c) => c.html));
}

/**
 * In-page period switch (e.g. Daily → Monthly): the URL changes by `history.pushState` and the grid's cards are
 * replaced, without a page load. By default the URL changes first and the list a moment later, as when the app
 * fetches the new period's data; `listFirst` does the opposite.
 */
export async function switchPeriodInPage(
  page: PageEvaluator,
  url: string,
  cards: SimCard[],
  options: { listFirst?: boolean; delayMs?: number } = {},
): Promise<void> {
  await page.evaluate(
    async ({ url, htmls, listFirst, delayMs }) => {
      const grid = document.querySelector('article')?.parentElement;
      if (!grid) throw new Error('no card grid on this page');
      const swapList = () => {
        const old = [...grid.querySelectorAll(':scope > article')];
        const parser = new DOMParser();
        const anchor = old.at(-1)!;
        for (const h of htmls) anchor.before(document.adoptNode(parser.parseFromString(h, 'text/html').body.firstElementChild!));
        for (const a of old) a.remove();
      };
      const pushUrl = () => history.pushState({}, '', url);
      if (listFirst) swapList();
      else pushUrl();
      await new Promise((r) => setTimeout(r, delayMs));
      if (listFirst) pushUrl();
      else swapList();
    },
    { url, htmls: cards.map((c) => c.html), listFirst: options.listFirst ?? false, delayMs: options.delayMs ?? 50 },
  );
}

/** Svelte updating a card's contents: our host inside it is dropped (Svelte removes nodes it did not create). */
export async function removeUiHost(page: PageEvaluator, id: string): Promise<void> {
  await page.evaluate((id) => {
    const card = document.querySelector(`[data-papersift-id="${CSS.escape(id)}"]`);
    if (!card) throw new Error(`no decorated card ${id}`);
    for (const host of card.querySelectorAll('[data-papersift-ui]')) host.remove();
  }, id);
}

/** Svelte re-creating a card (keyed each-block with a new item): the card element is replaced by a pristine copy. */
export async function replaceCardElement(page: PageEvaluator, id: string, pristineHtml: string): Promise<void> {
  await page.evaluate(
    ({ id, html }) => {
      const card = document.querySelector(`[data-papersift-id="${CSS.escape(id)}"]`);
      if (!card) throw new Error(`no decorated card ${id}`);
      card.replaceWith(document.adoptNode(new DOMParser().parseFromString(html, 'text/html').body.firstElementChild!));
    },
    { id, html: pristineHtml },
  );
}
