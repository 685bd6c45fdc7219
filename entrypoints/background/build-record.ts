/**
 * Build the records the background stores, from what a page reported. Pure: no browser API.
 * Page text is stored as plain text (never interpreted) and clamped so a hostile page cannot bloat storage.
 */
import type { PageSource, PaperInfo } from '../../utils/model/paper';
import { arxivAbsUrl, arxivPdfUrl, hfPaperUrl, safeGithubUrl } from '../../utils/model/paper';

export { safeGithubUrl };
import type { HiddenPaper, HideReason, PaperLinks, SavedPaper } from '../../utils/storage/records';
import { RECORD_SCHEMA } from '../../utils/storage/records';

export const LIMITS = {
  title: 2_000,
  abstract: 20_000,
  authors: 500,
  author: 300,
  organization: 300,
  keywords: 100,
  keyword: 100, // as backups allow (utils/backup/limits.ts), so every library can be backed up and restored
  url: 2_048,
} as const;

const ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

const clampText = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);
const clampList = (xs: readonly string[], maxItems: number, maxLen: number) =>
  xs.slice(0, maxItems).map((x) => clampText(x, maxLen));

/** Keep a GitHub link only when it really is an https GitHub URL: it is rendered as a link later. */

export function paperLinks(id: string, githubUrl?: string): PaperLinks {
  const links: PaperLinks = { hf: hfPaperUrl(id), arxiv: arxivAbsUrl(id), pdf: arxivPdfUrl(id) };
  const github = safeGithubUrl(githubUrl);
  if (github) links.github = github;
  return links;
}

const clampSource = (source: PageSource): PageSource => ({ url: clampText(source.url, LIMITS.url), kind: source.kind });

/**
 * A saved record for `paper`. Saving again (with `existing`) refreshes the page snapshot but keeps the reader's
 * tags, note and the original `savedAt`, so a second click never loses a note or moves the paper in the list.
 */
export function buildSavedRecord(paper: PaperInfo, source: PageSource, now: number, existing?: SavedPaper): SavedPaper {
  const rec: SavedPaper = {
    schema: RECORD_SCHEMA,
    id: paper.id,
    title: clampText(paper.title, LIMITS.title),
    authors: clampList(paper.authors, LIMITS.authors, LIMITS.author),
    links: paperLinks(paper.id, paper.githubUrl),
    savedAt: existing?.savedAt ?? now,
    source: clampSource(source),
    tags: existing ? [...existing.tags] : [],
    note: existing?.note ?? '',
  };
  if (paper.organization !== undefined) rec.organization = clampText(paper.organization, LIMITS.organization);
  if (paper.abstract !== undefined) rec.abstract = clampText(paper.abstract, LIMITS.abstract);
  if (paper.upvotes !== undefined) rec.upvotes = paper.upvotes;
  if (paper.date !== undefined && ISO_DATE_RE.test(paper.date)) rec.date = paper.date;
  if (paper.keywords !== undefined) rec.keywords = clampList(paper.keywords, LIMITS.keywords, LIMITS.keyword);
  return rec;
}

/**
 * A hidden record. Hiding again keeps the first `hiddenAt`; a manual hide is never downgraded to a topic hide,
 * so un-muting a topic later cannot bring back a paper the reader hid by hand.
 */
export function buildHiddenRecord(
  id: string,
  title: string,
  reason: HideReason,
  source: PageSource,
  now: number,
  existing?: HiddenPaper,
): HiddenPaper {
  return {
    schema: RECORD_SCHEMA,
    id,
    title: clampText(title, LIMITS.title),
    reason: existing?.reason === 'manual' ? 'manual' : reason,
    hiddenAt: existing?.hiddenAt ?? now,
    source: clampSource(source),
  };
}
