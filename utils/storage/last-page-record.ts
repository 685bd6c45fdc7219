/**
 * The papers of the last visited papers page, kept so the options page can preview topics on real cards.
 * Pure: no browser API. Page text is stored as plain text and clamped: the record is rewritten on every page
 * visit and every open context hears the change, so it must stay small whatever a page contains.
 */
import type { PaperInfo } from '../model/paper';
import type { MatchableText } from '../topics/types';
import { isArxivId } from './record-migrations';

/** One paper as a content script reports it: what topics match against, plus its id. */
export interface PagePaper extends MatchableText {
  id: string;
  title: string;
}

export interface LastPage {
  v: number;
  url: string;
  /** Epoch ms of the visit. */
  at: number;
  papers: PagePaper[];
}

export const LAST_PAGE_VERSION = 1;

/** What a content script reports of a paper it read: the matcher's fields, without keys for absent ones. */
export function pagePaperFrom(p: PaperInfo): PagePaper {
  const out: PagePaper = { id: p.id, title: p.title };
  if (p.abstract) out.abstract = p.abstract;
  if (p.keywords) out.keywords = p.keywords;
  if (p.authors.length) out.authors = p.authors;
  if (p.organization) out.organization = p.organization;
  return out;
}

export const LAST_PAGE_LIMITS = {
  papers: 300,
  url: 2_048,
  title: 500,
  abstract: 3_000,
  keywords: 30,
  keyword: 100,
  authors: 50,
  author: 100,
  organization: 200,
} as const;

const L = LAST_PAGE_LIMITS;

const clampText = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);
const clampList = (xs: readonly string[], maxItems: number, maxLen: number) =>
  xs.slice(0, maxItems).map((x) => clampText(x, maxLen));

export function clampPagePaper(p: PagePaper): PagePaper {
  const out: PagePaper = { id: p.id, title: clampText(p.title, L.title) };
  if (p.abstract !== undefined) out.abstract = clampText(p.abstract, L.abstract);
  if (p.keywords !== undefined) out.keywords = clampList(p.keywords, L.keywords, L.keyword);
  if (p.authors !== undefined) out.authors = clampList(p.authors, L.authors, L.author);
  if (p.organization !== undefined) out.organization = clampText(p.organization, L.organization);
  return out;
}

/** The record to store: at most LAST_PAGE_LIMITS.papers papers (first ones win), every string clamped. */
/** The page a preview links back to: an https huggingface.co address, or '' (never `javascript:` or elsewhere). */
export function safePageUrl(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.hostname === 'huggingface.co' && url.length <= L.url ? u.href : '';
  } catch {
    return '';
  }
}

export function buildLastPage(url: string, papers: readonly PagePaper[], now: number): LastPage {
  return {
    v: LAST_PAGE_VERSION,
    url: safePageUrl(url),
    at: now,
    papers: papers.slice(0, L.papers).map(clampPagePaper),
  };
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function readPaper(v: unknown): PagePaper | null {
  if (!isObject(v) || !isArxivId(v.id) || typeof v.title !== 'string') return null;
  const p: PagePaper = { id: v.id, title: v.title };
  if (typeof v.abstract === 'string') p.abstract = v.abstract;
  if (isStringArray(v.keywords)) p.keywords = [...v.keywords];
  if (isStringArray(v.authors)) p.authors = [...v.authors];
  if (typeof v.organization === 'string') p.organization = v.organization;
  return clampPagePaper(p);
}

/** A stored record read back; damaged papers are dropped, a record without url or papers list is null. */
export function normalizeLastPage(raw: unknown): LastPage | null {
  if (!isObject(raw) || typeof raw.url !== 'string' || !Array.isArray(raw.papers)) return null;
  const at = typeof raw.at === 'number' && Number.isFinite(raw.at) ? raw.at : 0;
  const papers = raw.papers.slice(0, L.papers).map(readPaper).filter((p): p is PagePaper => p !== null);
  return { v: LAST_PAGE_VERSION, url: safePageUrl(raw.url), at, papers };
}
