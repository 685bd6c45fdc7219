/** Saved records for the library tests: real papers from the HF API fixture, with dates, tags and notes. */
import { buildHiddenRecord, buildSavedRecord } from '../../../entrypoints/background/build-record';
import type { HiddenPaper, SavedPaper } from '../../../utils/storage/records';
import api from '../../fixtures/api-daily_papers.json';
import { DAILY, paper, PAPERS } from '../background/sample';

interface ApiEntry {
  paper: { publishedAt?: string };
}
const published = (api as unknown as ApiEntry[]).map((e) => e.paper.publishedAt?.slice(0, 10));

/** Local noon of a day, so day-range filters do not depend on the time zone the tests run in. */
export const noon = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12).getTime();

/** Paper i of the fixture, saved at local noon on 2026-01-(i+1), with its publication date. */
export function saved(i: number, over: Partial<SavedPaper> = {}): SavedPaper {
  const p = paper(i);
  const date = published[i];
  return { ...buildSavedRecord({ ...p, ...(date ? { date } : {}) }, DAILY, noon(2026, 1, i + 1)), ...over };
}

export const ALL_SAVED = (): SavedPaper[] => PAPERS.map((_, i) => saved(i));

export function hidden(i: number, over: Partial<HiddenPaper> = {}): HiddenPaper {
  const p = paper(i);
  return { ...buildHiddenRecord(p.id, p.title, 'manual', DAILY, noon(2026, 2, i + 1)), ...over };
}
