/** What the Hugging Face papers pages tell us about one paper. Pure data: no DOM, no browser API. */

export type PageKind = 'daily' | 'weekly' | 'monthly' | 'trending' | 'search' | 'paper' | 'other';

export interface PaperInfo {
  /** arXiv id, e.g. "2508.19428" (no version suffix). */
  id: string;
  title: string;
  abstract?: string;
  /** Full names when the page JSON has them, else the HF handles shown on the card. */
  authors: string[];
  /** "N authors" as the card shows it, when it does. */
  authorCount?: number;
  organization?: string;
  upvotes?: number;
  comments?: number;
  githubUrl?: string;
  /** Publication date, ISO `YYYY-MM-DD`, when known. */
  date?: string;
  /** HF's AI keywords, from the page JSON only. */
  keywords?: string[];
}

/** Where a paper was seen: recorded with every save and hide. */
export interface PageSource {
  url: string;
  kind: PageKind;
}

/** New-style arXiv id without version (the only kind HF lists), e.g. "2508.19428". */
export const ARXIV_ID_RE = /^\d{4}\.\d{4,5}$/;

export const hfPaperUrl = (id: string) => `https://huggingface.co/papers/${id}`;
export const arxivAbsUrl = (id: string) => `https://arxiv.org/abs/${id}`;
export const arxivPdfUrl = (id: string) => `https://arxiv.org/pdf/${id}`;

/** Longest URL we keep. */
export const MAX_URL_LENGTH = 2048;

/** A GitHub link we may store and show: https on github.com only (never `javascript:` or another host). */
export function safeGithubUrl(url: string | undefined): string | undefined {
  if (!url || url.length > MAX_URL_LENGTH) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && (u.hostname === 'github.com' || u.hostname === 'www.github.com') ? u.href : undefined;
  } catch {
    return undefined;
  }
}
