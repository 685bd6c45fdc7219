import { describe, expect, it } from 'vitest';
import { exportPapers } from '../../../utils/export/export-papers';
import { EXPORT_FORMATS, exportFileName, exportFormat } from '../../../utils/export/formats';
import { AWKWARD_PAPERS } from './paper-fixtures';

describe('export formats', () => {
  it('lists five formats with unique ids and extensions', () => {
    expect(EXPORT_FORMATS.map((f) => [f.id, f.extension])).toEqual([
      ['bibtex', 'bib'], ['csl-json', 'json'], ['ris', 'ris'], ['markdown', 'md'], ['csv', 'csv'],
    ]);
    expect(exportFormat('ris').mime).toBe('application/x-research-info-systems');
  });

  it('names files papersift-<n>-papers-<local date>.<ext>', () => {
    const day = new Date(2026, 10, 29, 23, 59);
    expect(exportFileName('bibtex', 12, day)).toBe('papersift-12-papers-2026-11-29.bib');
    expect(exportFileName('csv', 1, day)).toBe('papersift-1-paper-2026-11-29.csv');
    expect(exportFileName('markdown', 0, new Date(2027, 0, 5))).toBe('papersift-0-papers-2027-01-05.md');
  });

  it('exportPapers dispatches to each format', () => {
    expect(exportPapers('bibtex', AWKWARD_PAPERS)).toMatch(/^@misc\{berg2025gpt,/);
    expect(JSON.parse(exportPapers('csl-json', AWKWARD_PAPERS))).toHaveLength(5);
    expect(exportPapers('ris', AWKWARD_PAPERS)).toMatch(/^TY {2}- JOUR\r\n/);
    expect(exportPapers('markdown', AWKWARD_PAPERS)).toMatch(/^# PaperSift reading list/);
    expect(exportPapers('csv', AWKWARD_PAPERS)).toMatch(/^\ufeffid,title,/);
  });
});
