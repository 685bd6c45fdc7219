import { browser } from 'wxt/browser';
import { pageKindOf } from '../../../utils/hf/page-kind';
import { sendToBackground, sendToTab } from '../../../utils/messaging/client';
import type { PageStats } from '../../../utils/messaging/protocol';
import type { SavedPaper } from '../../../utils/storage/records';

export type PageReport =
  | { state: 'papers'; stats: PageStats }
  | { state: 'not-papers' }
  | { state: 'no-answer'; url: string };

export interface PopupData {
  page: PageReport;
  recent: SavedPaper[];
  recentError: string | null;
}

/** The tab the popup reports on: `?tab=<id>` (tests, debugging) or the active tab of the current window. */
async function targetTab(): Promise<{ id?: number; url?: string } | undefined> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param) return browser.tabs.get(Number(param));
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** What the tab's content script says about the page (re-asked when topics change, for fresh match counts). */
export async function loadPageReport(): Promise<PageReport> {
  const tab = await targetTab().catch(() => undefined);
  if (tab?.id === undefined) return { state: 'not-papers' };
  try {
    return { state: 'papers', stats: await sendToTab(tab.id, { type: 'page/stats' }) };
  } catch {
    // No content script answered. On an HF papers page that means it has not loaded (or the page predates the install).
    const url = tab.url ?? '';
    return url && pageKindOf(url) !== 'other' ? { state: 'no-answer', url } : { state: 'not-papers' };
  }
}

export async function loadPopupData(): Promise<PopupData> {
  const [page, recent] = await Promise.all([
    loadPageReport(),
    sendToBackground({ type: 'library/recent', limit: 5 }).then(
      (list) => ({ list, error: null }),
      (err: unknown) => ({ list: [] as SavedPaper[], error: err instanceof Error ? err.message : String(err) }),
    ),
  ]);
  return { page, recent: recent.list, recentError: recent.error };
}
