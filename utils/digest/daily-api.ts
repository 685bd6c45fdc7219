/**
 * Hugging Face's Daily Papers API (`/api/daily_papers?date=YYYY-MM-DD`), read for the digest: the URL, the size
 * bound, and the entries as papers. The entries have the shape of the daily page's `dailyPapers` JSON, so they are
 * read by the same code (utils/hf/hydration.ts): every value type-checked, a strange entry skipped. Pure.
 */
import { hintFromEntry, type HydrationPaper } from '../hf/hydration';

export const DAILY_API = 'https://huggingface.co/api/daily_papers';

/** The one URL a check asks. */
export function dailyApiUrl(day: string): string {
  return `${DAILY_API}?date=${encodeURIComponent(day)}`;
}

/** The day's list page on the site (the popup links to it). */
export function dailyPageUrl(day: string): string {
  return `https://huggingface.co/papers/date/${encodeURIComponent(day)}`;
}

/** A day's answer is ~100–300 KB; anything past this is refused unread (and not kept). */
export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
/** Entries read from one answer (a day has ~20–60). */
export const MAX_ENTRIES = 500;

/** A paper of the digest: what the matcher reads and the popup shows, and the day it was listed. */
export interface DigestPaper {
  id: string;
  title: string;
  abstract?: string;
  authors: string[];
  organization?: string;
  keywords?: string[];
  upvotes?: number;
  /** YYYY-MM-DD of the paper's first publication (sorting within a day). */
  date?: string;
  /** The Daily Papers day it was listed on, YYYY-MM-DD. */
  day: string;
}

/** Abstracts are clamped: the digest is kept in storage.local and read by the popup. */
const MAX_ABSTRACT = 3_000;

export type ParsedDaily = { ok: true; papers: DigestPaper[] } | { ok: false; error: string };

/** The answer's text as papers of `day`, or why it cannot be read. */
export function parseDailyPapers(text: string, day: string): ParsedDaily {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'Hugging Face sent something that is not JSON' };
  }
  if (!Array.isArray(data)) return { ok: false, error: 'Hugging Face sent JSON that is not a list of papers' };
  const papers: DigestPaper[] = [];
  const ids = new Set<string>();
  for (const entry of data.slice(0, MAX_ENTRIES)) {
    const hint: HydrationPaper | null = hintFromEntry(entry);
    if (!hint || ids.has(hint.id)) continue;
    ids.add(hint.id);
    const p: DigestPaper = { id: hint.id, title: hint.title, authors: hint.authors.slice(0, 100), day };
    if (hint.abstract) p.abstract = hint.abstract.slice(0, MAX_ABSTRACT);
    if (hint.organization) p.organization = hint.organization;
    if (hint.keywords) p.keywords = hint.keywords.slice(0, 50);
    if (hint.upvotes !== undefined) p.upvotes = hint.upvotes;
    if (hint.date) p.date = hint.date;
    papers.push(p);
  }
  if (data.length > 0 && papers.length === 0) return { ok: false, error: 'Hugging Face sent a list in which no paper could be read' };
  return { ok: true, papers };
}

/** Most papers the digest keeps, over at most KEEP_DAYS days: the newest ones. */
export const KEEP_PAPERS = 500;
export const KEEP_DAYS = 7;

/** Newest first: by listing day, then by publication date, then as the API listed them (upvotes). */
export function newestFirst(papers: readonly DigestPaper[]): DigestPaper[] {
  return papers
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (b.p.day.localeCompare(a.p.day)) || (b.p.date ?? '').localeCompare(a.p.date ?? '') || a.i - b.i)
    .map(({ p }) => p);
}

/**
 * The digest's papers after a check of `day`: that day's list replaces what was kept for it, other recent days stay
 * (a reader who looks in the morning still sees yesterday's unseen matches), older days go, newest first, bounded.
 */
export function mergeDay(kept: readonly DigestPaper[], day: string, fresh: readonly DigestPaper[]): DigestPaper[] {
  const oldest = shiftDay(day, -(KEEP_DAYS - 1));
  const freshIds = new Set(fresh.map((p) => p.id));
  const others = kept.filter((p) => p.day !== day && p.day >= oldest && p.day <= day && !freshIds.has(p.id));
  return newestFirst([...fresh, ...others]).slice(0, KEEP_PAPERS);
}

/** `day` moved by `delta` days (YYYY-MM-DD, UTC). */
export function shiftDay(day: string, delta: number): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(t) ? new Date(t + delta * 86_400_000).toISOString().slice(0, 10) : day;
}
