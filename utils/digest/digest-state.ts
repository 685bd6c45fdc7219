/**
 * What the background keeps of the digest in `storage.local` (`papersift:digest`): the recent days' papers and how
 * the last check went. Pure: the shape, its default and reading it back (a damaged record reads as a fresh one).
 */
import { isArxivId } from '../storage/record-migrations';
import type { DigestPaper } from './daily-api';

export const DIGEST_KEY = 'papersift:digest';

export interface LastCheck {
  /** Epoch ms when the check ended. */
  at: number;
  /** The day asked for, YYYY-MM-DD. */
  day: string;
  ok: boolean;
  /** Why it failed, as a sentence for the popup. */
  error?: string;
  /** Papers in the day's answer (successful checks). */
  found?: number;
  /** The HTTP status of a failed answer, when there was one. */
  status?: number;
  /** How long matching the papers and counting the badge took in the background, ms (diagnostics, the bench). */
  countMs?: number;
}

export interface DigestState {
  v: 1;
  /** Newest first (see mergeDay). */
  papers: DigestPaper[];
  lastCheck: LastCheck | null;
  /** Failed checks in a row; 0 after a success. */
  failures: number;
  /** When the retry after a failure is due (epoch ms); null when none is pending. */
  retryAt: number | null;
  /** The day a notification was last shown (at most one a day). */
  notifiedDay: string | null;
}

export const EMPTY_DIGEST: Readonly<DigestState> = Object.freeze({ v: 1, papers: [], lastCheck: null, failures: 0, retryAt: null, notifiedDay: null });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDay = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function readPaper(v: unknown): DigestPaper | null {
  if (!isObject(v) || !isArxivId(v.id) || typeof v.title !== 'string' || !isDay(v.day) || !isStrings(v.authors)) return null;
  const p: DigestPaper = { id: v.id, title: v.title, authors: v.authors, day: v.day };
  if (typeof v.abstract === 'string') p.abstract = v.abstract;
  if (typeof v.organization === 'string') p.organization = v.organization;
  if (isStrings(v.keywords)) p.keywords = v.keywords;
  if (isTime(v.upvotes)) p.upvotes = v.upvotes;
  if (isDay(v.date)) p.date = v.date;
  return p;
}

function readLastCheck(v: unknown): LastCheck | null {
  if (!isObject(v) || !isTime(v.at) || !isDay(v.day) || typeof v.ok !== 'boolean') return null;
  const c: LastCheck = { at: v.at, day: v.day, ok: v.ok };
  if (typeof v.error === 'string') c.error = v.error;
  if (isTime(v.found)) c.found = v.found;
  if (isTime(v.status)) c.status = v.status;
  if (isTime(v.countMs)) c.countMs = v.countMs;
  return c;
}

export function readDigestState(raw: unknown): DigestState {
  if (!isObject(raw) || raw.v !== 1) return { ...EMPTY_DIGEST, papers: [] };
  const papers = Array.isArray(raw.papers) ? raw.papers.map(readPaper).filter((p): p is DigestPaper => p !== null) : [];
  return {
    v: 1,
    papers,
    lastCheck: readLastCheck(raw.lastCheck),
    failures: typeof raw.failures === 'number' && Number.isInteger(raw.failures) && raw.failures >= 0 ? raw.failures : 0,
    retryAt: isTime(raw.retryAt) ? raw.retryAt : null,
    notifiedDay: isDay(raw.notifiedDay) ? raw.notifiedDay : null,
  };
}
