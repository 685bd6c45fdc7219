/**
 * BibTeX export: one `@misc` entry per paper with biblatex's arXiv fields (eprint, archivePrefix), the form
 * arXiv itself exports and that Zotero, biber and Overleaf read. `primaryClass` is left out: we don't know it.
 *
 * Per field:
 * - title: every word with a capital is braced, so no style or reader re-cases it (see `escapeTitle`); text
 *   escaped by `escapeTeX` (see there for what survives how).
 * - author: "von Family, Jr, Given" per person, `{Literal}` for handles and names we cannot split.
 * - year / month: from the paper's date, else from the arXiv id's YYMM (the first submission month).
 * - keywords: the reader's tags, comma-separated and verbatim (Zotero reads them verbatim). A tag cannot
 *   carry `,` `;` (they separate keywords) nor `{ } \`: those become spaces.
 * - note, abstract: escaped like the title; line breaks become spaces (BibTeX has no line breaks).
 */
import type { SavedPaper } from '../storage/records';
import { citationKeys } from './citation-keys';
import { arxivDoi, paperDateParts, paperUrls } from './paper-fields';
import { splitPersonName } from './person-name';
import { escapeNamePart, escapeTeX, escapeTitle, verbatimValue } from './tex-escape';
import { toSingleLine } from './text';

const MONTH_MACROS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

export function toBibTeX(papers: readonly SavedPaper[]): string {
  const keys = citationKeys(papers);
  return papers.map((paper, i) => bibTeXEntry(paper, keys[i]!)).join('\n');
}

function bibTeXEntry(paper: SavedPaper, key: string): string {
  const fields: Array<[string, string]> = [];
  const braced = (name: string, value: string) => fields.push([name, `{${value}}`]);

  braced('title', escapeTitle(paper.title ?? ''));
  const authors = bibTeXAuthors(paper.authors ?? []);
  if (authors) braced('author', authors);
  const date = paperDateParts(paper);
  if (date) {
    braced('year', String(date.year));
    if (date.month) fields.push(['month', MONTH_MACROS[date.month - 1]!]);
  }
  braced('eprint', verbatimValue(paper.id));
  braced('archivePrefix', 'arXiv');
  braced('doi', verbatimValue(arxivDoi(paper.id)));
  braced('url', verbatimValue(paperUrls(paper).arxiv));
  const keywords = bibTeXKeywords(paper.tags ?? []);
  if (keywords) braced('keywords', keywords);
  const note = escapeTeX(paper.note ?? '');
  if (note) braced('note', note);
  const abstract = escapeTeX(paper.abstract ?? '');
  if (abstract) braced('abstract', abstract);

  return `@misc{${key},\n${fields.map(([name, value]) => `  ${name} = ${value},\n`).join('')}}\n`;
}

function bibTeXAuthors(authors: readonly string[]): string {
  const names: string[] = [];
  for (const author of authors) {
    const name = splitPersonName(author);
    if (!name) continue;
    if (name.kind === 'literal') {
      names.push(`{${escapeTeX(name.literal)}}`);
      continue;
    }
    const family = (name.particle ? `${escapeNamePart(name.particle)} ` : '') + escapeNamePart(name.family);
    const suffix = name.suffix ? `, ${escapeNamePart(name.suffix)}` : '';
    names.push(`${family}${suffix}, ${escapeNamePart(name.given)}`);
  }
  return names.join(' and ');
}

/** Tags as written to `keywords`: separators and braces replaced by spaces, empty and repeated tags dropped. */
export function bibTeXKeywordList(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const clean = toSingleLine(String(tag).replace(/[,;{}\\]/g, ' '));
    if (clean) seen.add(clean);
  }
  return [...seen];
}

function bibTeXKeywords(tags: readonly string[]): string {
  return bibTeXKeywordList(tags).join(', ');
}
