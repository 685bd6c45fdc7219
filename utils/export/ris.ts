/**
 * RIS export. Type `JOUR` with `T2  - arXiv`: that is how Google Scholar and most databases describe arXiv
 * preprints, and Zotero's RIS import maps it to a journal article whose publication is "arXiv", which every
 * citation style renders sensibly (`GEN` also imports as a journal article in Zotero but loses the container,
 * `ELEC` becomes a web page). The DOI (10.48550/arXiv.<id>) lets Zotero upgrade the item to a preprint later.
 *
 * RIS values are single lines: line breaks in notes and abstracts become spaces, control characters go.
 * Lines end with CRLF, as the RIS specification asks; the file is UTF-8.
 */
import type { SavedPaper } from '../storage/records';
import { arxivDoi, pad2, paperDateParts, paperUrls } from './paper-fields';
import { fullFamilyName, splitPersonName } from './person-name';
import { toSingleLine } from './text';

const EOL = '\r\n';

export function toRis(papers: readonly SavedPaper[]): string {
  return papers.map(risRecord).join('');
}

function risRecord(paper: SavedPaper): string {
  const lines: string[] = [];
  const tag = (name: string, value: string) => {
    const clean = toSingleLine(value);
    if (clean !== '') lines.push(`${name}  - ${clean}`);
  };
  tag('TY', 'JOUR');
  tag('TI', paper.title ?? '');
  for (const author of paper.authors ?? []) {
    const name = splitPersonName(author);
    if (!name) continue;
    // "Family, Given" is the form every RIS reader splits correctly; single names stay as they are.
    tag('AU', name.kind === 'literal' ? name.literal : `${fullFamilyName(name)}, ${name.given}${name.suffix ? `, ${name.suffix}` : ''}`);
  }
  tag('T2', 'arXiv');
  const date = paperDateParts(paper);
  if (date) {
    // PY first: readers that take the last date seen then keep DA, the fuller one.
    tag('PY', String(date.year));
    tag('DA', [String(date.year), date.month ? pad2(date.month) : '', date.day ? pad2(date.day) : ''].join('/').replace(/\/+$/, ''));
  }
  tag('AB', paper.abstract ?? '');
  tag('UR', paperUrls(paper).arxiv);
  tag('DO', arxivDoi(paper.id));
  tag('AN', `arXiv:${paper.id}`);
  for (const t of paper.tags ?? []) tag('KW', t);
  tag('N1', paper.note ?? '');
  lines.push('ER  - ');
  return lines.join(EOL) + EOL + EOL;
}
