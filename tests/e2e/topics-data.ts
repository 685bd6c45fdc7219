/**
 * What the topics e2e files share: the daily fixture's papers read without the extension, the topics they use with
 * the cards each must match (computed by the project's matcher and checked against a plain word match), and reads
 * of the page's topic hooks that work the same in every browser.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { API_DAILY, fixtureHtml, listedPapers } from '../../scripts/lib/fixtures';
import type { Prefs } from '../../utils/storage/prefs-schema';
import { compileTopics, type MatchableText, type Topic } from '../../utils/topics';
import { eventually, normaliseLine, waitForDecoration, type E2EBrowser, type E2EPage } from './harness';

interface ApiEntry {
  paper: { id: string; title: string; summary: string; ai_keywords?: string[] };
}
const api = JSON.parse(readFileSync(API_DAILY.file, 'utf8')) as ApiEntry[];
const daily = listedPapers(fixtureHtml('daily'));
export const IDS = daily.map((p) => p.id);
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
/** What the matcher sees for each card: the card's title, the page JSON's abstract and keywords. */
export const PAPERS = daily.map((p) => {
  const entry = api.find((e) => e.paper.id === p.id)!;
  return { id: p.id, title: p.title, abstract: collapse(entry.paper.summary), keywords: entry.paper.ai_keywords ?? [] };
});
export const titleOf = (id: string) => PAPERS.find((p) => p.id === id)!.title;

const topic = (over: Partial<Topic> & Pick<Topic, 'id' | 'name' | 'terms'>): Topic => ({
  colour: '#16a34a',
  exclusions: [],
  fields: ['title', 'abstract', 'keywords'],
  mode: 'highlight',
  createdAt: 1_000,
  ...over,
});
export const ENSEMBLES = topic({ id: 'ensembles', name: 'Ensembles', terms: ['ensemble'], colour: '#16a34a', createdAt: 1_000 });
export const TABULAR = topic({ id: 'tabular', name: 'Tabular', terms: ['tabular'], colour: '#9333ea', createdAt: 2_000 });
export const ATTENTION = topic({ id: 'attention', name: 'Attention', terms: ['attention'], fields: ['title'], mode: 'mute', colour: '#dc2626', createdAt: 3_000 });
export const TRANSFORMERS = topic({ id: 'transformers', name: 'Transformers', terms: ['transformer'], fields: ['title'], mode: 'mute', colour: '#ea580c', createdAt: 4_000 });

/** Ids of the cards a topic matches, by the project's matcher run here in node. */
export const matchedBy = (t: Topic) => {
  const m = compileTopics([t]);
  return PAPERS.filter((p) => m.match(p as MatchableText).length > 0).map((p) => p.id);
};
/** The same, by a plain whole-word check ("word" or "words") over the topic's fields. */
export const plainMatch = (word: string, fields: Topic['fields']) => {
  const re = new RegExp(`\\b${word}s?\\b`, 'i');
  return PAPERS.filter((p) =>
    fields.some((f) => (f === 'keywords' ? p.keywords.some((k) => re.test(k)) : re.test(f === 'title' ? p.title : p.abstract))),
  ).map((p) => p.id);
};
export const ENSEMBLE_IDS = matchedBy(ENSEMBLES);
export const ATTENTION_IDS = matchedBy(ATTENTION);
export const TRANSFORMER_IDS = matchedBy(TRANSFORMERS);
export const BOTH_IDS = ATTENTION_IDS.filter((id) => ENSEMBLE_IDS.includes(id));
export const MUTED_IDS = ATTENTION_IDS.filter((id) => !ENSEMBLE_IDS.includes(id));
/** '#16a34a' → 'rgb(22, 163, 74)', as getComputedStyle writes colours. */
export const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
/** Words of titles the Ensembles topic marks: "Ensemble" / "Ensembles" as written. */
export const ensembleTitleWords = (id: string) => [...titleOf(id).matchAll(/\bensembles?\b/gi)].map((m) => m[0]);

// ---- talking to the extension ----

export const putTopics = async (b: E2EBrowser, ...topics: Topic[]) => {
  for (const t of topics) await b.send({ type: 'topics/put', topic: t });
};
export const setPrefs = (b: E2EBrowser, patch: Partial<Prefs>) => b.send<Prefs>({ type: 'prefs/set', patch });

// ---- reading the page ----

/** Opens the daily page and waits until every card is decorated and the topics and prefs were applied once. */
export async function openDaily(b: E2EBrowser): Promise<E2EPage> {
  const page = await b.open('daily');
  await waitForDecoration(page, IDS.length);
  await eventually(() => page.evaluate(() => document.documentElement.hasAttribute('data-papersift-settings'), undefined), (v) => expect(v).toBe(true));
  return page;
}

export const idsWith = (page: E2EPage, attr: string) =>
  page.evaluate((a) => [...document.querySelectorAll(`[data-papersift-id][${a}]`)].map((r) => r.getAttribute('data-papersift-id')!), attr);
export const currentIds = (page: E2EPage) => idsWith(page, 'data-papersift-current');
export const htmlAttr = (page: E2EPage, name: string) => page.evaluate((n) => document.documentElement.getAttribute(n), name);
/** A computed style property of a card's root (`boxShadow`, `display`). */
export const cardStyle = (page: E2EPage, id: string, prop: 'boxShadow' | 'display') =>
  page.evaluate(({ id, prop }) => getComputedStyle(document.querySelector(`[data-papersift-id="${id}"]`)!)[prop], { id, prop });

/** The summary bar's counts line, normalised. */
export const summaryText = async (page: E2EPage) =>
  normaliseLine(
    await page.evaluate(
      () => (document.querySelector('[data-papersift-ui="summary"]')?.shadowRoot?.querySelector('.counts') as HTMLElement | null)?.innerText ?? '',
      undefined,
    ),
  );

/** In the page (self-contained): the summary bar's button named exactly `name`. */
function summaryButton(name: string): HTMLButtonElement | null {
  const root = document.querySelector('[data-papersift-ui="summary"]')?.shadowRoot;
  return [...(root?.querySelectorAll('button') ?? [])].find((b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').trim() === name) ?? null;
}
/** A toggle of the summary bar, by its exact name. */
export const summaryToggle = (page: E2EPage, name: string) => ({
  click: () => page.click(summaryButton, name),
  pressed: () => page.evaluate((n) => {
    const root = document.querySelector('[data-papersift-ui="summary"]')?.shadowRoot;
    const b = [...(root?.querySelectorAll('button') ?? [])].find((x) => (x.getAttribute('aria-label') ?? x.textContent ?? '').trim() === n);
    return b?.getAttribute('aria-pressed') ?? null;
  }, name),
});

/** The topic chips of a card: their aria-labels (what a screen reader says), tabindex and tooltip. */
export const chips = (page: E2EPage, id: string) =>
  page.evaluate((id) => {
    const hosts = [...(document.querySelector(`[data-papersift-id="${id}"]`)?.querySelectorAll('[data-papersift-ui]') ?? [])];
    return hosts
      .flatMap((h) => [...(h.shadowRoot?.querySelectorAll('.chip') ?? [])])
      .map((c) => {
        const tip = c.querySelector('[role="tooltip"]');
        return { label: c.getAttribute('aria-label'), tabindex: c.getAttribute('tabindex'), tip: tip?.textContent ?? null, tipVisible: !!tip?.checkVisibility() };
      });
  }, id);
export const allChipCount = (page: E2EPage) =>
  page.evaluate(() => [...document.querySelectorAll('[data-papersift-ui]')].reduce((n, h) => n + (h.shadowRoot?.querySelectorAll('.chip').length ?? 0), 0), undefined);

/** Card roots with their boxes, in DOM order. */
export function layout(page: E2EPage) {
  return page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('[data-papersift-id]')].map((r) => {
        const b = r.getBoundingClientRect();
        return { id: r.getAttribute('data-papersift-id')!, top: Math.round(b.top + window.scrollY), left: Math.round(b.left), shown: b.width > 0 && b.height > 0 };
      }),
    undefined,
  );
}
type Layout = Awaited<ReturnType<typeof layout>>;

/**
 * What PaperSift may change about where each card is: its CSS `order` and `display`, its column, whether it shows.
 * Not its top: HF's grid gives every card `content-visibility: auto` with no intrinsic size, so a card far below the
 * viewport is 22 px tall until the browser finds it near, which headless Firefox on a busy machine does frames late;
 * row heights are the browser's rendering of HF's page, not PaperSift's (the reading order is `visualOrder`).
 */
export function placement(page: E2EPage) {
  return page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>('[data-papersift-id]')].map((r) => {
        const style = getComputedStyle(r);
        return { id: r.getAttribute('data-papersift-id')!, order: style.order, display: style.display, left: Math.round(r.getBoundingClientRect().left), shown: r.checkVisibility() };
      }),
    undefined,
  );
}
/** Ids of the shown cards in reading order: row by row, left to right. */
export const visualOrder = (l: Layout) =>
  l
    .filter((c) => c.shown)
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((c) => c.id);

/**
 * Every PaperSift highlight (`papersift-c<palette index>`, `papersift-topic-<index>`), its ranges as
 * `<card id>|<text>`. Read from the page's own world, where iterating `CSS.highlights` works in both browsers (only a
 * Firefox content script cannot iterate it).
 */
export function highlightRanges(page: E2EPage) {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
      if (!/^papersift-(c|topic-)\d+$/.test(String(name))) continue;
      out[name] = [...h].map((r) => {
        const el = r.startContainer.parentElement;
        const live = document.createRange(); // marks are StaticRanges, which have no text of their own
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return `${el?.closest('[data-papersift-id]')?.getAttribute('data-papersift-id') ?? '?'}|${live.toString()}`;
      });
    }
    return out;
  }, undefined);
}
