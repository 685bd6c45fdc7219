/** The shape a backup's saved and hidden papers must have, field by field, with the size limits. */
import type { PageKind, PageSource } from '../model/paper';
import { RECORD_SCHEMA, type HiddenPaper, type HideReason, type PaperLinks, type SavedPaper } from '../storage/records';
import { BACKUP_LIMITS as L } from './limits';
import { arrayOf, httpsUrl, number, oneOf, record, string, type Check } from './value-checks';

export { ARXIV_ID_RE as ARXIV_ID } from '../model/paper';
import { ARXIV_ID_RE as ARXIV_ID } from '../model/paper';
const PAGE_KINDS: readonly PageKind[] = ['daily', 'weekly', 'monthly', 'trending', 'search', 'paper', 'other'];
/** Date can represent ±8.64e15 ms. */
const MAX_TIME = 8.64e15;

const recordSchema: Check<number> = (value, path, problems) => {
  const n = number({ min: 1, max: Number.MAX_SAFE_INTEGER, integer: true })(value, path, problems);
  if (n === undefined) return undefined;
  if (n > RECORD_SCHEMA) return void problems.error(path, `record schema ${n} is newer than this version of PaperSift reads (${RECORD_SCHEMA})`);
  return n;
};

const isoDate: Check<string> = (value, path, problems) => {
  const s = string({ max: 10, pattern: /^\d{4}-\d{2}-\d{2}$/, patternHint: 'a date like 2025-08-27' })(value, path, problems);
  if (s === undefined) return undefined;
  const time = Date.parse(`${s}T00:00:00Z`);
  if (!Number.isFinite(time) || new Date(time).toISOString().slice(0, 10) !== s) return void problems.error(path, `is not a real calendar date: ${s}`);
  return s;
};

const hideReason: Check<HideReason> = (value, path, problems) => {
  if (value === 'manual') return 'manual';
  if (typeof value === 'string' && value.startsWith('topic:')) {
    const name = value.slice('topic:'.length);
    if (name.length >= 1 && name.length <= L.topicName) return value as HideReason;
  }
  return void problems.error(path, `must be "manual" or "topic:<name>" (name 1–${L.topicName} characters)`);
};

const source = record<PageSource>({
  url: { check: httpsUrl(['huggingface.co'], L.url) },
  kind: { check: oneOf(PAGE_KINDS) },
});

const links = record<PaperLinks>({
  hf: { check: httpsUrl(['huggingface.co'], L.url) },
  arxiv: { check: httpsUrl(['arxiv.org'], L.url) },
  pdf: { check: httpsUrl(['arxiv.org'], L.url) },
  github: { check: httpsUrl(['github.com'], L.url), optional: true },
});

const arxivId = string({ max: 100, pattern: ARXIV_ID, patternHint: 'an arXiv id like 2508.19428' });
const time = number({ min: 0, max: MAX_TIME });

export const checkSavedPaper = record<SavedPaper>({
  schema: { check: recordSchema },
  id: { check: arxivId },
  title: { check: string({ max: L.title }) },
  authors: { check: arrayOf(string({ max: L.authorName }), { max: L.authors }) },
  organization: { check: string({ max: L.organization }), optional: true },
  abstract: { check: string({ max: L.abstract }), optional: true },
  links: { check: links },
  upvotes: { check: number({ min: 0, max: 1e9, integer: true }), optional: true },
  date: { check: isoDate, optional: true },
  keywords: { check: arrayOf(string({ max: L.keyword }), { max: L.keywords }), optional: true },
  savedAt: { check: time },
  source: { check: source },
  tags: { check: arrayOf(string({ max: L.tag }), { max: L.tags }) },
  note: { check: string({ max: L.note }) },
});

export const checkHiddenPaper = record<HiddenPaper>({
  schema: { check: recordSchema },
  id: { check: arxivId },
  title: { check: string({ max: L.title }) },
  reason: { check: hideReason },
  hiddenAt: { check: time },
  source: { check: source },
});
