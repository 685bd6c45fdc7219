/**
 * CSL-JSON export (Pandoc, Zotero, citeproc). arXiv papers are preprints; CSL 1.0.2 has no preprint type and
 * its guidance is type "article" with the repository as publisher, the arXiv id as number and arXiv's DOI.
 * Strings are written exactly as stored (JSON carries any text), so this is the lossless citation format.
 */
import type { SavedPaper } from '../storage/records';
import { citationKeys } from './citation-keys';
import { arxivDoi, paperDateParts, paperUrls } from './paper-fields';
import { splitPersonName } from './person-name';

export interface CslName {
  family?: string;
  given?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
  literal?: string;
}

export type CslDateParts = [number] | [number, number] | [number, number, number];

export interface CslItem {
  /** The same key the BibTeX export uses. */
  id: string;
  type: 'article';
  title: string;
  author?: CslName[];
  issued?: { 'date-parts': [CslDateParts] };
  abstract?: string;
  URL: string;
  DOI: string;
  publisher: 'arXiv';
  /** The arXiv id. */
  number: string;
  /** Tags joined with ", " (CSL's keyword is one string). */
  keyword?: string;
  note?: string;
}

export function toCslJson(papers: readonly SavedPaper[]): CslItem[] {
  const keys = citationKeys(papers);
  return papers.map((paper, i) => cslItem(paper, keys[i]!));
}

export function toCslJsonString(papers: readonly SavedPaper[]): string {
  return JSON.stringify(toCslJson(papers), null, 2) + '\n';
}

function cslItem(paper: SavedPaper, id: string): CslItem {
  const item: CslItem = {
    id,
    type: 'article',
    title: paper.title ?? '',
    URL: paperUrls(paper).arxiv,
    DOI: arxivDoi(paper.id),
    publisher: 'arXiv',
    number: paper.id,
  };
  const author = (paper.authors ?? []).map(cslName).filter((n): n is CslName => n !== undefined);
  if (author.length) item.author = author;
  const date = paperDateParts(paper);
  if (date) {
    const parts: CslDateParts = date.month === undefined ? [date.year]
      : date.day === undefined ? [date.year, date.month] : [date.year, date.month, date.day];
    item.issued = { 'date-parts': [parts] };
  }
  if (paper.abstract) item.abstract = paper.abstract;
  const tags = (paper.tags ?? []).filter((t) => t !== '');
  if (tags.length) item.keyword = tags.join(', ');
  if (paper.note) item.note = paper.note;
  return item;
}

function cslName(author: string): CslName | undefined {
  const name = splitPersonName(author);
  if (!name) return undefined;
  if (name.kind === 'literal') return { literal: name.literal };
  return {
    family: name.family,
    given: name.given,
    ...(name.particle ? { 'non-dropping-particle': name.particle } : {}),
    ...(name.suffix ? { suffix: name.suffix } : {}),
  };
}
