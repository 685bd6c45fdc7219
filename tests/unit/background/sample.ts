/** Test data: real papers from the HF API fixture, turned into what a content script would send. */
import type { PageSource, PaperInfo } from '../../../utils/model/paper';
import api from '../../fixtures/api-daily_papers.json';

interface ApiEntry {
  paper: { id: string; title: string; summary?: string; authors: Array<{ name: string }>; upvotes?: number };
}

export const PAPERS: PaperInfo[] = (api as unknown as ApiEntry[]).map(({ paper }) => ({
  id: paper.id,
  title: paper.title,
  abstract: paper.summary,
  authors: paper.authors.map((a) => a.name),
  upvotes: paper.upvotes,
}));

export const paper = (i = 0): PaperInfo => {
  const p = PAPERS[i];
  if (!p) throw new Error(`fixture has no paper #${i}`);
  return structuredClone(p);
};

export const DAILY: PageSource = { url: 'https://huggingface.co/papers/date/2026-11-27', kind: 'daily' };
export const TRENDING: PageSource = { url: 'https://huggingface.co/papers/trending', kind: 'trending' };
