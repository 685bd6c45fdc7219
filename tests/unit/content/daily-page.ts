/** The daily fixture in happy-dom's document, its papers read from the fixture's JSON, and small waits. */
import { vi } from 'vitest';
import dailyHtml from '../../fixtures/daily-2026.html?raw';
import apiDaily from '../../fixtures/api-daily_papers.json';
import type { LibraryActions } from '../../../entrypoints/content/pipeline/paper-requests';
import type { Topic } from '../../../utils/topics';

export const DAILY_URL = 'https://huggingface.co/papers/date/2026-11-27';

interface ApiEntry {
  paper: { id: string; title: string; summary: string; ai_keywords?: string[] };
}

/** The fixture's papers as its JSON lists them (read without the code under test), in card order. */
export const PAPERS = (apiDaily as unknown as ApiEntry[]).map((e) => ({
  id: e.paper.id,
  title: e.paper.title,
  abstract: e.paper.summary.replace(/\s+/g, ' ').trim(),
  keywords: e.paper.ai_keywords ?? [],
}));
export const IDS = PAPERS.map((p) => p.id);
export const titleOf = (id: string) => PAPERS.find((p) => p.id === id)!.title;

const word = (w: string) => new RegExp(`\\b${w}s?\\b`, 'i');
/** Cards naming "ensemble(s)" in title, abstract or keywords. */
export const ENSEMBLE_IDS = PAPERS.filter((p) => [p.title, p.abstract, ...p.keywords].some((t) => word('ensemble').test(t))).map(
  (p) => p.id,
);
/** Cards naming "attention(s)" in the title. */
export const ATTENTION_IDS = PAPERS.filter((p) => word('attention').test(p.title)).map((p) => p.id);

export const ENSEMBLES: Topic = {
  id: 'ensembles',
  name: 'Ensembles',
  colour: '#16a34a',
  terms: ['ensemble'],
  exclusions: [],
  fields: ['title', 'abstract', 'keywords'],
  mode: 'highlight',
  createdAt: 1,
};
export const ATTENTION: Topic = {
  id: 'attention',
  name: 'Attention',
  colour: '#dc2626',
  terms: ['attention'],
  exclusions: [],
  fields: ['title'],
  mode: 'mute',
  createdAt: 2,
};

/** Puts the daily fixture into `document` (scripts and the offline stylesheet left out) at its real URL. */
export function loadDaily(): void {
  (window as unknown as { happyDOM?: { setURL(u: string): void } }).happyDOM?.setURL(DAILY_URL);
  const inner = /<html[^>]*>([\s\S]*)<\/html>/i.exec(dailyHtml)![1]!;
  document.documentElement.innerHTML = inner
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<link rel="stylesheet"[^>]*>/g, '');
}

export const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));

/** Lets the mount queue's slices run until `ok()` holds. */
export async function until(ok: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (ok()) return;
    await macrotask();
  }
  throw new Error(`never happened: ${what}`);
}

export const roots = () => [...document.querySelectorAll<HTMLElement>('[data-papersift-id]')];
export const rootOf = (id: string) => document.querySelector<HTMLElement>(`[data-papersift-id="${id}"]`)!;
export const hostsIn = (root: Element) => root.querySelectorAll(':scope > [data-papersift-ui]');
export const shadowOf = (id: string) => hostsIn(rootOf(id))[0]!.shadowRoot!;
/** Every card holds one control that has rendered. */
export const allDecorated = (n = 27) =>
  roots().length === n && roots().every((r) => hostsIn(r).length === 1 && hostsIn(r)[0]!.shadowRoot!.querySelector('button'));

export type FakeActions = { [K in keyof LibraryActions]: ReturnType<typeof vi.fn> } & LibraryActions;

/** Library actions that succeed unless a test says otherwise (`mockReturnValueOnce`). */
export function fakeActions(): FakeActions {
  return {
    save: vi.fn(() => Promise.resolve({})),
    unsave: vi.fn(() => Promise.resolve({ removed: true })),
    hide: vi.fn(() => Promise.resolve({})),
    unhide: vi.fn(() => Promise.resolve({ removed: true })),
  } as never;
}
