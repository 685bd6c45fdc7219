/**
 * Reads the page's hydration JSON (`data-props`) into per-paper hints.
 * The JSON is what the server rendered; after in-page navigation it can describe other papers than
 * the DOM shows, so callers use an entry only when its title matches the card (see extract.ts).
 * Every value is type-checked: hostile or malformed JSON yields fewer hints, never an exception.
 */

import {
  ARXIV_ID_RE,
  ARXIV_VERSION_SUFFIX_RE,
  GITHUB_URL_RE,
  HYDRATION_ATTR,
  HYDRATION_LIST_KEYS,
  HYDRATION_SELECTOR,
  ISO_DATE_PREFIX_RE,
} from './selectors';
import { collapse, titleKey } from './text';

export interface HydrationPaper {
  id: string;
  title: string;
  abstract?: string;
  authors: string[];
  organization?: string;
  keywords?: string[];
  upvotes?: number;
  comments?: number;
  githubUrl?: string;
  /** YYYY-MM-DD */
  date?: string;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const count = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v) : undefined;

function orgName(v: unknown): string | undefined {
  if (!isObj(v)) return undefined;
  const name = str(v.fullname) ?? str(v.name);
  return name === undefined ? undefined : collapse(name);
}

function authorNames(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  const names: string[] = [];
  for (const a of v) {
    if (!isObj(a) || a.hidden === true) continue;
    const user = isObj(a.user) ? a.user : undefined;
    const name = str(a.name) ?? str(user?.fullname) ?? str(user?.name);
    if (name !== undefined) names.push(collapse(name));
  }
  return names;
}

function keywords(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = v.filter((k): k is string => typeof k === 'string' && k.trim() !== '').map(collapse);
  return out.length > 0 ? out : undefined;
}

function isoDate(v: unknown): string | undefined {
  const s = str(v);
  const m = s === undefined ? null : ISO_DATE_PREFIX_RE.exec(s);
  return m ? m[1] : undefined;
}

/**
 * One hint from an entry shaped `{ paper: {...}, title?, summary?, numComments?, organization?, comments? }`
 * (dailyPapers[] / searchResults[] items and the PaperContent props all have this shape).
 */
export function hintFromEntry(entry: unknown): HydrationPaper | null {
  if (!isObj(entry) || !isObj(entry.paper)) return null;
  const p = entry.paper;
  const id = str(p.id)?.replace(ARXIV_VERSION_SUFFIX_RE, '');
  if (id === undefined || !ARXIV_ID_RE.test(id)) return null;
  const title = str(p.title) ?? str(entry.title);
  if (title === undefined) return null;

  const hint: HydrationPaper = { id, title: collapse(title), authors: authorNames(p.authors) };
  const abstract = str(p.summary) ?? str(entry.summary);
  if (abstract !== undefined) hint.abstract = collapse(abstract);
  const org = orgName(p.organization) ?? orgName(entry.organization);
  if (org !== undefined) hint.organization = org;
  const kw = keywords(p.ai_keywords);
  if (kw !== undefined) hint.keywords = kw;
  const upvotes = count(p.upvotes) ?? count(entry.upvotes);
  if (upvotes !== undefined) hint.upvotes = upvotes;
  const comments =
    count(entry.numComments) ?? count(p.numComments) ?? (Array.isArray(entry.comments) ? entry.comments.length : undefined);
  if (comments !== undefined) hint.comments = comments;
  const github = str(p.githubRepo);
  if (github !== undefined && GITHUB_URL_RE.test(github)) hint.githubUrl = github;
  const date = isoDate(p.publishedAt) ?? isoDate(entry.publishedAt);
  if (date !== undefined) hint.date = date;
  return hint;
}

function parseProps(raw: string | null): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The raw `data-props` text of every hydration island, in document order. Reading it is cheap (no parsing), so the
 * content script can hand it to the topic worker, which parses it off the page's main thread.
 */
export function rawHydration(doc: Document): string[] {
  try {
    return Array.from(doc.querySelectorAll(HYDRATION_SELECTOR), (el) => el.getAttribute(HYDRATION_ATTR) ?? '');
  } catch {
    return [];
  }
}

/** Hints from raw `data-props` texts (see rawHydration), keyed by arXiv id (first entry wins). Pure. */
export function hintsFromRaw(raws: readonly string[]): Map<string, HydrationPaper> {
  const hints = new Map<string, HydrationPaper>();
  const add = (entry: unknown) => {
    const hint = hintFromEntry(entry);
    if (hint && !hints.has(hint.id)) hints.set(hint.id, hint);
  };
  for (const raw of raws) {
    try {
      const props = parseProps(raw);
      if (!isObj(props)) continue;
      for (const key of HYDRATION_LIST_KEYS) {
        const list = props[key];
        if (Array.isArray(list)) list.forEach(add);
      }
      add(props); // PaperContent: { paper, comments, organization, … }
    } catch {
      // A strange island must not cost the others.
    }
  }
  return hints;
}

/** Hints from every hydration island of the page, keyed by arXiv id (first entry wins). */
export function readHydration(doc: Document): Map<string, HydrationPaper> {
  return hintsFromRaw(rawHydration(doc));
}

/** The hint for this card, if its title matches the card's (normalised whitespace and case). */
export function matchingHint(
  id: string,
  title: string,
  hints: Map<string, HydrationPaper>,
): HydrationPaper | undefined {
  const hint = hints.get(id);
  if (!hint || title === '') return undefined;
  return titleKey(hint.title) === titleKey(title) ? hint : undefined;
}

export type HintedFields = Pick<HydrationPaper, 'id' | 'title' | 'authors' | 'abstract' | 'keywords' | 'organization'>;

/**
 * What the topic matcher reads of a card the JSON still describes (same title): everything but the title comes
 * from the hint, so the card itself need not be walked. Undefined when no hint has the card's title.
 */
export function matchableFromHint(
  id: string,
  title: string,
  hints: Map<string, HydrationPaper>,
): HintedFields | undefined {
  const hint = matchingHint(id, title, hints);
  if (!hint) return undefined;
  const paper: HintedFields = { id, title, authors: hint.authors };
  if (hint.abstract) paper.abstract = hint.abstract;
  if (hint.keywords) paper.keywords = hint.keywords;
  if (hint.organization) paper.organization = hint.organization;
  return paper;
}
