/** One entry point for the UI and the benchmark: papers in, file text out. */
import type { SavedPaper } from '../storage/records';
import { toBibTeX } from './bibtex';
import { toCslJsonString } from './csl-json';
import { toCsv } from './csv';
import type { ExportFormatId } from './formats';
import { toMarkdown } from './markdown';
import { toRis } from './ris';

const EXPORTERS: Readonly<Record<ExportFormatId, (papers: readonly SavedPaper[]) => string>> = {
  bibtex: toBibTeX,
  'csl-json': toCslJsonString,
  ris: toRis,
  markdown: (papers) => toMarkdown(papers),
  csv: (papers) => toCsv(papers),
};

export function exportPapers(format: ExportFormatId, papers: readonly SavedPaper[]): string {
  return EXPORTERS[format](papers);
}
