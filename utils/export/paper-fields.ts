/** What every export format derives from a SavedPaper: date parts, canonical links, DOI. */
import { arxivAbsUrl, arxivPdfUrl, hfPaperUrl } from '../model/paper';
import type { SavedPaper } from '../storage/records';
import { safeHttpsUrl } from './safe-url';

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** New-style arXiv ids start with the submission year and month: 2508.19428 → August 2025. */
const NEW_STYLE_ARXIV_ID = /^(\d{2})(\d{2})\.\d{4,5}$/;

/**
 * The paper's date: its `date` field when it is a valid ISO date (YYYY, YYYY-MM or YYYY-MM-DD), else the
 * year and month of first submission encoded in a new-style arXiv id (what arXiv's own BibTeX uses), else undefined.
 */
export function paperDateParts(paper: Pick<SavedPaper, 'id' | 'date'>): DateParts | undefined {
  const fromDate = paper.date ? ISO_DATE.exec(paper.date) : null;
  if (fromDate) {
    const year = Number(fromDate[1]);
    const month = fromDate[2] === undefined ? undefined : Number(fromDate[2]);
    const day = fromDate[3] === undefined ? undefined : Number(fromDate[3]);
    if (month === undefined) return { year };
    if (month >= 1 && month <= 12) {
      if (day === undefined) return { year, month };
      if (day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
      return { year, month };
    }
    return { year };
  }
  const fromId = NEW_STYLE_ARXIV_ID.exec(paper.id);
  if (fromId) {
    const month = Number(fromId[2]);
    if (month >= 1 && month <= 12) return { year: 2000 + Number(fromId[1]), month };
  }
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface PaperUrls {
  hf: string;
  arxiv: string;
  pdf: string;
  github?: string;
}

/** Links safe to write: the stored ones when they are https on the expected host, else rebuilt from the id. */
export function paperUrls(paper: Pick<SavedPaper, 'id' | 'links'>): PaperUrls {
  const links = paper.links ?? ({} as Partial<SavedPaper['links']>);
  const github = safeHttpsUrl(links.github, ['github.com']);
  return {
    hf: safeHttpsUrl(links.hf, ['huggingface.co']) ?? hfPaperUrl(encodeURIComponent(paper.id)),
    arxiv: safeHttpsUrl(links.arxiv, ['arxiv.org']) ?? arxivAbsUrl(encodeURIComponent(paper.id)),
    pdf: safeHttpsUrl(links.pdf, ['arxiv.org']) ?? arxivPdfUrl(encodeURIComponent(paper.id)),
    ...(github ? { github } : {}),
  };
}

/** arXiv registers a DataCite DOI for every paper: 10.48550/arXiv.<id>. */
export const arxivDoi = (id: string) => `10.48550/arXiv.${id}`;

export const pad2 = (n: number) => String(n).padStart(2, '0');
