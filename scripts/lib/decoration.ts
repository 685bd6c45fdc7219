/**
 * Reading PaperSift's public hooks from a page: `<html data-papersift-cards="N">`, `data-papersift-id` on each card
 * root, one `[data-papersift-ui]` host per card. Shared by the e2e tests, the demo and the bench.
 */
import { pollInPage, type PageEvaluator } from './page-evaluator';

export interface DecorationSnapshot {
  cardsAttr: string | null;
  /** Decorated card roots in DOM order, with how many PaperSift hosts each holds. */
  cards: Array<{ id: string; tag: string; hosts: number }>;
  /** Card hosts (their value is a paper id) outside any decorated card (should be none). */
  strayHosts: number;
  /** Page-level PaperSift UI by name (summary bar, notice, key help): not card controls. */
  pageHosts: string[];
}

export async function decorationSnapshot(page: PageEvaluator): Promise<DecorationSnapshot> {
  return page.evaluate(() => {
    const roots = [...document.querySelectorAll<HTMLElement>('[data-papersift-id]')];
    const hosts = [...document.querySelectorAll('[data-papersift-ui]')];
    return {
      cardsAttr: document.documentElement.getAttribute('data-papersift-cards'),
      cards: roots.map((r) => ({
        id: r.getAttribute('data-papersift-id')!,
        tag: r.tagName.toLowerCase(),
        hosts: r.querySelectorAll('[data-papersift-ui]').length,
      })),
      strayHosts: hosts.filter((h) => /^\d{4}\.\d{4,5}$/.test(h.getAttribute('data-papersift-ui') ?? '') && !h.closest('[data-papersift-id]')).length,
      pageHosts: hosts.filter((h) => !h.closest('[data-papersift-id]') && !/^\d{4}\.\d{4,5}$/.test(h.getAttribute('data-papersift-ui') ?? '')).map((h) => h.getAttribute('data-papersift-ui') ?? ''),
    };
  }, undefined);
}

/**
 * Waits until the page reports `n` cards and each of the `n` card roots holds its control (controls may be mounted
 * in slices after the pass that found the cards). Throws with what was there instead.
 */
export async function waitForDecoration(page: PageEvaluator, n: number, timeout = 10_000): Promise<void> {
  try {
    await pollInPage(
      page,
      (n) => {
        if (document.documentElement.getAttribute('data-papersift-cards') !== String(n)) return false;
        const roots = document.querySelectorAll('[data-papersift-id]');
        if (roots.length !== n) return false;
        for (const r of roots) if (!r.querySelector('[data-papersift-ui]')) return false;
        return true;
      },
      n,
      timeout,
    );
  } catch (e) {
    const snap = await decorationSnapshot(page).catch(() => null);
    const summary = snap
      ? `data-papersift-cards=${snap.cardsAttr}, ${snap.cards.length} card roots, ${snap.cards.filter((c) => c.hosts > 0).length} with a control`
      : 'page gone';
    throw new Error(`${page.url()} not decorated with ${n} cards within ${timeout} ms (${summary})`, { cause: e });
  }
}

