/** The export formats the library offers, and the file names downloads get. */

export type ExportFormatId = 'bibtex' | 'csl-json' | 'ris' | 'markdown' | 'csv';

export interface ExportFormat {
  id: ExportFormatId;
  label: string;
  /** Without the dot. */
  extension: string;
  /** All exports are UTF-8 text. */
  mime: string;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { id: 'bibtex', label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex' },
  { id: 'csl-json', label: 'CSL-JSON', extension: 'json', mime: 'application/vnd.citationstyles.csl+json' },
  { id: 'ris', label: 'RIS', extension: 'ris', mime: 'application/x-research-info-systems' },
  { id: 'markdown', label: 'Markdown', extension: 'md', mime: 'text/markdown' },
  { id: 'csv', label: 'CSV', extension: 'csv', mime: 'text/csv' },
];

export function exportFormat(id: ExportFormatId): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`Unknown export format: ${String(id)}`);
  return format;
}

/** `papersift-12-papers-2026-11-29.bib`; the date is the local calendar date of `date`. */
export function exportFileName(format: ExportFormatId, count: number, date: Date): string {
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
  const n = Number.isFinite(count) && count >= 0 ? Math.floor(count) : 0;
  return `papersift-${n}-paper${n === 1 ? '' : 's'}-${day}.${exportFormat(format).extension}`;
}
