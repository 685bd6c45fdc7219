import type { PageSource } from '../model/paper';

/** Version of the records kept in IndexedDB. Bump it and add a step in `record-migrations.ts` when they change. */
export const RECORD_SCHEMA = 1;

export interface PaperLinks {
  hf: string;
  arxiv: string;
  pdf: string;
  github?: string;
}

/** One saved paper: a snapshot of what the page said when the reader saved it, plus the reader's own fields. */
export interface SavedPaper {
  schema: number;
  id: string;
  title: string;
  authors: string[];
  organization?: string;
  abstract?: string;
  links: PaperLinks;
  upvotes?: number;
  /** Publication date (ISO `YYYY-MM-DD`) when known. */
  date?: string;
  keywords?: string[];
  /** Epoch milliseconds. */
  savedAt: number;
  source: PageSource;
  tags: string[];
  note: string;
}

/** Why a paper is hidden: `manual` (the Hide button) or `topic:<name>` (a muted topic, later). */
export type HideReason = 'manual' | `topic:${string}`;

export interface HiddenPaper {
  schema: number;
  id: string;
  title: string;
  reason: HideReason;
  hiddenAt: number;
  source: PageSource;
}
