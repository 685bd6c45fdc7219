/**
 * CSV export, RFC 4180: comma-separated, CRLF between records, a field is quoted when it holds a comma, a
 * quote, a line break or leading/trailing space, and quotes inside are doubled. Line breaks inside notes are
 * kept (inside quotes), so the text is exact.
 *
 * Spreadsheet formula injection: a cell whose text starts with = + - @ tab or CR (after any leading
 * apostrophes) gets one extra leading apostrophe, which spreadsheets show as text and never evaluate. That is
 * the only change to cell text; removing one leading apostrophe from such cells restores it exactly.
 *
 * A UTF-8 byte order mark is written first by default (`bom: true`) so Excel opens non-Latin text correctly;
 * most CSV readers (PapaParse, pandas) skip it. Pass `{ bom: false }` for tools that do not.
 */
import type { SavedPaper } from '../storage/records';
import { paperUrls } from './paper-fields';

export const CSV_COLUMNS = [
  'id', 'title', 'authors', 'organization', 'date', 'upvotes', 'savedAt', 'tags', 'note',
  'hf_url', 'arxiv_url', 'pdf_url', 'github_url', 'abstract',
] as const;

/** Separator inside the authors and tags cells. */
export const CSV_LIST_SEPARATOR = '; ';

const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark (default true). */
  bom?: boolean;
}

export function toCsv(papers: readonly SavedPaper[], options: CsvOptions = {}): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const paper of papers) rows.push(csvRow(paper).map(csvCell).join(','));
  return (options.bom === false ? '' : '\ufeff') + rows.join('\r\n') + '\r\n';
}

function csvRow(paper: SavedPaper): string[] {
  const urls = paperUrls(paper);
  const savedAt = isValidTime(paper.savedAt) ? new Date(paper.savedAt).toISOString() : '';
  const byColumn: Record<(typeof CSV_COLUMNS)[number], string> = {
    id: paper.id,
    title: paper.title ?? '',
    authors: (paper.authors ?? []).join(CSV_LIST_SEPARATOR),
    organization: paper.organization ?? '',
    date: paper.date ?? '',
    upvotes: typeof paper.upvotes === 'number' && Number.isFinite(paper.upvotes) ? String(paper.upvotes) : '',
    savedAt,
    tags: (paper.tags ?? []).join(CSV_LIST_SEPARATOR),
    note: paper.note ?? '',
    hf_url: urls.hf,
    arxiv_url: urls.arxiv,
    pdf_url: urls.pdf,
    github_url: urls.github ?? '',
    abstract: paper.abstract ?? '',
  };
  return CSV_COLUMNS.map((column) => byColumn[column]);
}

/** Date can represent ±8.64e15 ms; beyond that toISOString throws. */
const isValidTime = (ms: number) => Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;
