import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, toCsv } from '../../../utils/export/csv';
import type { SavedPaper } from '../../../utils/storage/records';
import { AWKWARD_PAPERS, paper } from './paper-fixtures';

/**
 * Our own reading of a cell: the exporter's one change is a leading apostrophe before text that a spreadsheet
 * would run as a formula (= + - @ tab CR, after any apostrophes). Undo exactly that.
 */
const unguard = (cell: string) => (/^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

function readCsv(csv: string): Array<Record<string, string>> {
  const result = Papa.parse<Record<string, string>>(csv, { header: true, newline: '\r\n', skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  expect(result.meta.fields).toEqual([...CSV_COLUMNS]);
  return result.data.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, unguard(v)])));
}

const expectedRow = (p: SavedPaper) => ({
  id: p.id,
  title: p.title,
  authors: p.authors.join('; '),
  organization: p.organization ?? '',
  date: p.date ?? '',
  upvotes: p.upvotes === undefined ? '' : String(p.upvotes),
  savedAt: new Date(p.savedAt).toISOString(),
  tags: p.tags.join('; '),
  note: p.note,
  hf_url: p.links.hf,
  arxiv_url: p.links.arxiv,
  pdf_url: p.links.pdf,
  github_url: p.links.github ?? '',
  abstract: p.abstract ?? '',
});

/** Line breaks outside quoted fields: the record separators. */
function recordSeparators(csv: string): string[] {
  const seps: string[] = [];
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      seps.push(csv.slice(i, i + 2));
      if (csv.slice(i, i + 2) === '\r\n') i++;
    }
  }
  return seps;
}

describe('toCsv read back by papaparse', () => {
  const csv = toCsv(AWKWARD_PAPERS);

  it('keeps every field exactly, line breaks, quotes, commas and scripts included', () => {
    expect(readCsv(csv)).toEqual(AWKWARD_PAPERS.map(expectedRow));
  });

  it('starts with a UTF-8 BOM by default and not with { bom: false }', () => {
    expect(csv.startsWith('\ufeffid,title,')).toBe(true);
    const plain = toCsv(AWKWARD_PAPERS, { bom: false });
    expect(plain.startsWith('id,title,')).toBe(true);
    expect(readCsv(plain)).toEqual(readCsv(csv));
  });

  it('separates records with CRLF only (RFC 4180), one per paper plus the header', () => {
    const seps = recordSeparators(csv);
    expect(seps).toHaveLength(AWKWARD_PAPERS.length + 1);
    for (const sep of seps) expect(sep).toBe('\r\n');
  });

  it('neutralises formula injection: no cell starts with = + - @ in a spreadsheet', () => {
    const raw = Papa.parse<string[]>(csv, { newline: '\r\n', skipEmptyLines: true }).data;
    for (const row of raw) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const tagsCell = raw[4]![CSV_COLUMNS.indexOf('tags')];
    expect(tagsCell).toBe("'=cmd|calc; +plus; -minus; @at");
    expect(raw[4]![CSV_COLUMNS.indexOf('note')]).toBe('\'=HYPERLINK("https://evil.example","click")');
    // A note that already started with an apostrophe before "=" gets one more, so it reads back exactly.
    expect(raw[5]![CSV_COLUMNS.indexOf('note')]).toBe("''=already quoted\r\nWindows line");
  });

  it('leaves the GitHub cell empty and rebuilds unsafe links from the id', () => {
    const bad = paper('2501.00008', { links: { hf: 'javascript:alert(1)', arxiv: 'http://arxiv.org/abs/x', pdf: 'https://evil.example/x.pdf', github: 'javascript:alert(1)' } });
    const [row] = readCsv(toCsv([bad]));
    expect(row!.hf_url).toBe('https://huggingface.co/papers/2501.00008');
    expect(row!.arxiv_url).toBe('https://arxiv.org/abs/2501.00008');
    expect(row!.pdf_url).toBe('https://arxiv.org/pdf/2501.00008');
    expect(row!.github_url).toBe('');
  });

  it('round-trips any Unicode title, note and tag exactly', () => {
    const text = fc.string({ unit: 'binary', maxLength: 60 });
    fc.assert(
      fc.property(text, text, text, (title, note, tag) => {
        const [row] = readCsv(toCsv([paper('2501.00009', { title, note, tags: [tag] })]));
        expect(row!.title).toBe(title);
        expect(row!.note).toBe(note);
        expect(row!.tags).toBe(tag);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips text built from CSV and formula metacharacters exactly', () => {
    const text = fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', "'", '=', '+', '-', '@', '\t', ' ', 'a'), maxLength: 12 });
    fc.assert(
      fc.property(text, text, (title, note) => {
        const [row] = readCsv(toCsv([paper('2501.00010', { title, note })]));
        expect(row!.title).toBe(title);
        expect(row!.note).toBe(note);
      }),
      { numRuns: 1000 },
    );
  });
});
