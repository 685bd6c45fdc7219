/**
 * Validate and upgrade stored records to `RECORD_SCHEMA`. Pure: no browser API.
 * Records are normalised on read, so one corrupt record is skipped (null) instead of breaking a whole listing.
 * Rule: a missing or mistyped required field → null; a mistyped optional snapshot field is dropped
 * (losing a whole paper over a bad upvote count would be worse); the reader's own fields get defaults.
 */
import type { PageKind, PageSource } from '../model/paper';
import { ARXIV_ID_RE, arxivAbsUrl, arxivPdfUrl, hfPaperUrl, safeGithubUrl } from '../model/paper';
import type { HiddenPaper, HideReason, PaperLinks, SavedPaper } from './records';
import { RECORD_SCHEMA } from './records';

/** arXiv id without version suffix, e.g. "2508.19428" (old 4-digit and current 5-digit numbering). */
export { ARXIV_ID_RE };

export const isArxivId = (v: unknown): v is string => typeof v === 'string' && ARXIV_ID_RE.test(v);

export const PAGE_KINDS: readonly PageKind[] = ['daily', 'weekly', 'monthly', 'trending', 'search', 'paper', 'other'];

export const isPageKind = (v: unknown): v is PageKind => typeof v === 'string' && (PAGE_KINDS as readonly string[]).includes(v);

export const isHideReason = (v: unknown): v is HideReason =>
  v === 'manual' || (typeof v === 'string' && v.startsWith('topic:') && v.length > 'topic:'.length);

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * Upgrade steps: `STEPS[n]` turns a schema n-1 record into schema n. Records written before the schema
 * field existed count as schema 0. Add a step here when RECORD_SCHEMA is bumped.
 */
const SAVED_STEPS: Record<number, (r: Raw) => Raw> = {
  1: (r) => ({ ...r, tags: r.tags ?? [], note: r.note ?? '' }),
};
const HIDDEN_STEPS: Record<number, (r: Raw) => Raw> = {
  1: (r) => ({ ...r, reason: r.reason ?? 'manual' }),
};

function upgrade(raw: Raw, steps: Record<number, (r: Raw) => Raw>): Raw | null {
  const from = raw.schema === undefined ? 0 : raw.schema;
  if (!isFiniteNumber(from) || !Number.isInteger(from) || from < 0) return null;
  let r = raw;
  for (let v = from + 1; v <= RECORD_SCHEMA; v++) r = steps[v]?.(r) ?? r;
  // A record from a newer schema (extension downgraded) is still read through the fields we know.
  return r;
}

function normalizeSource(raw: unknown): PageSource | null {
  if (!isObject(raw) || typeof raw.url !== 'string' || !isPageKind(raw.kind)) return null;
  return { url: raw.url, kind: raw.kind };
}

function normalizeLinks(raw: unknown, id: string): PaperLinks {
  const links: PaperLinks = { hf: hfPaperUrl(id), arxiv: arxivAbsUrl(id), pdf: arxivPdfUrl(id) };
  // Only the GitHub link is not derivable from the id; keep it only when it is a safe https GitHub URL.
  const github = isObject(raw) && typeof raw.github === 'string' ? safeGithubUrl(raw.github) : undefined;
  if (github) links.github = github;
  return links;
}

export function normalizeSaved(raw: unknown): SavedPaper | null {
  if (!isObject(raw)) return null;
  const r = upgrade(raw, SAVED_STEPS);
  if (!r) return null;
  if (!isArxivId(r.id) || typeof r.title !== 'string' || !isFiniteNumber(r.savedAt)) return null;
  const source = normalizeSource(r.source);
  if (!source) return null;
  const authors = r.authors === undefined ? [] : r.authors;
  const tags = r.tags === undefined ? [] : r.tags;
  const note = r.note === undefined ? '' : r.note;
  if (!isStringArray(authors) || !isStringArray(tags) || typeof note !== 'string') return null;

  const rec: SavedPaper = {
    schema: RECORD_SCHEMA,
    id: r.id,
    title: r.title,
    authors: [...authors],
    links: normalizeLinks(r.links, r.id),
    savedAt: r.savedAt,
    source,
    tags: [...tags],
    note,
  };
  if (typeof r.organization === 'string') rec.organization = r.organization;
  if (typeof r.abstract === 'string') rec.abstract = r.abstract;
  if (isFiniteNumber(r.upvotes)) rec.upvotes = r.upvotes;
  if (typeof r.date === 'string') rec.date = r.date;
  if (isStringArray(r.keywords)) rec.keywords = [...r.keywords];
  return rec;
}

export function normalizeHidden(raw: unknown): HiddenPaper | null {
  if (!isObject(raw)) return null;
  const r = upgrade(raw, HIDDEN_STEPS);
  if (!r) return null;
  if (!isArxivId(r.id) || !isHideReason(r.reason) || !isFiniteNumber(r.hiddenAt)) return null;
  const source = normalizeSource(r.source);
  if (!source) return null;
  const title = r.title === undefined ? '' : r.title;
  if (typeof title !== 'string') return null;
  return { schema: RECORD_SCHEMA, id: r.id, title, reason: r.reason, hiddenAt: r.hiddenAt, source };
}
