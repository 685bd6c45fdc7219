/**
 * The last visited page's papers in `storage.local` (see last-page-record.ts). Only the background writes
 * (`page/papers`); `readLastPage` works from any context, e.g. the options page's live preview, which can also
 * follow `storage.onChanged` for LAST_PAGE_KEY.
 */
import { browser } from 'wxt/browser';
import type { LastPage, PagePaper } from './last-page-record';
import { buildLastPage, normalizeLastPage } from './last-page-record';

export type { LastPage, PagePaper } from './last-page-record';
export { LAST_PAGE_LIMITS } from './last-page-record';

export const LAST_PAGE_KEY = 'papersift:lastPage';

export async function readLastPage(): Promise<LastPage | null> {
  return normalizeLastPage((await browser.storage.local.get(LAST_PAGE_KEY))[LAST_PAGE_KEY]);
}

/**
 * Store the page's papers (capped and clamped); resolves to how many were stored. A page reports its papers
 * again as it hydrates or scrolls: an identical report is not rewritten, so listeners are not woken for nothing.
 */
export async function writeLastPage(url: string, papers: readonly PagePaper[], now: number = Date.now()): Promise<number> {
  const next = buildLastPage(url, papers, now);
  const current = await readLastPage();
  if (current && current.url === next.url && JSON.stringify(current.papers) === JSON.stringify(next.papers)) {
    return current.papers.length;
  }
  await browser.storage.local.set({ [LAST_PAGE_KEY]: next });
  return next.papers.length;
}

/** Forget the last page (a reset: it holds the titles and abstracts of a page the reader visited). */
export async function clearLastPage(): Promise<void> {
  await browser.storage.local.remove(LAST_PAGE_KEY);
}
