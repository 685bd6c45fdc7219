/** Which kind of HF papers page a URL is. Pure: no DOM. */

import type { PageKind } from '../model/paper';
import {
  DAILY_PATH_RE,
  HF_HOSTS,
  MONTHLY_PATH_RE,
  MONTH_PARAM,
  PAPERS_INDEX_PATH,
  PAPER_PATH_RE,
  PERIOD_PARAM,
  SEARCH_PARAM,
  TRENDING_PATH,
  WEEKLY_PATH_RE,
  WEEK_PARAM,
} from './selectors';

function toUrl(url: string | URL): URL | null {
  try {
    return new URL(String(url));
  } catch {
    return null;
  }
}

/** The arXiv id of a single-paper page URL (version stripped), or null. */
export function paperIdFromUrl(url: string | URL): string | null {
  const u = toUrl(url);
  if (!u || !HF_HOSTS.has(u.hostname.toLowerCase())) return null;
  const m = PAPER_PATH_RE.exec(trimSlash(u.pathname));
  return m ? m[1]! : null;
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** The period the /papers index shows for its query (?week=, ?month=, ?periodType=; else daily). */
function indexPeriod(params: URLSearchParams): PageKind {
  const period = (params.get(PERIOD_PARAM) ?? '').toLowerCase();
  if (params.has(WEEK_PARAM) || period === 'week' || period === 'weekly') return 'weekly';
  if (params.has(MONTH_PARAM) || period === 'month' || period === 'monthly') return 'monthly';
  return 'daily'; // bare /papers and ?date=YYYY-MM-DD
}

export function pageKindOf(url: string | URL): PageKind {
  const u = toUrl(url);
  if (!u || !HF_HOSTS.has(u.hostname.toLowerCase())) return 'other';
  const path = trimSlash(u.pathname);
  const query = (u.searchParams.get(SEARCH_PARAM) ?? '').trim();
  const isListing =
    path === PAPERS_INDEX_PATH ||
    path === TRENDING_PATH ||
    DAILY_PATH_RE.test(path) ||
    WEEKLY_PATH_RE.test(path) ||
    MONTHLY_PATH_RE.test(path);
  // A search query turns any listing into search results.
  if (isListing && query) return 'search';
  if (path === PAPERS_INDEX_PATH) return indexPeriod(u.searchParams);
  if (path === TRENDING_PATH) return 'trending';
  if (DAILY_PATH_RE.test(path)) return 'daily';
  if (WEEKLY_PATH_RE.test(path)) return 'weekly';
  if (MONTHLY_PATH_RE.test(path)) return 'monthly';
  if (PAPER_PATH_RE.test(path)) return 'paper';
  return 'other';
}
