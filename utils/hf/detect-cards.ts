/**
 * Finds paper cards on an HF papers page from what has always been true of them: a card is the
 * element around a heading link to `/papers/<arXiv id>`, holding no link to any other paper.
 * No Tailwind class is consulted, so a re-skin of the site does not break detection.
 */

import { hasOurLightDom, headingOfLink, headingRank, isOurs, precedes, textOf } from './dom';
import { addHeadinglessTitles, type TitleLink } from './headingless-titles';
import { collapse } from './text';
import { paperLinkTarget } from './links';
import { pageKindOf, paperIdFromUrl } from './page-kind';
import {
  CARD_ELEMENT_SELECTOR,
  HEADING_SELECTOR,
  PAPER_LINK_SELECTOR,
  MAIN_SELECTOR,
  MEDIA_SELECTOR,
  NEVER_ROOT_TAGS,
  OUR_UI_ATTR,
  PAPER_PAGE_ROOT_SELECTOR,
  PAPER_PAGE_TITLE_SELECTOR,
} from './selectors';

export interface DetectedCard {
  /** arXiv id without version. */
  id: string;
  /** The card's root element (article on list pages; the section holding the h1 on a paper page). */
  root: HTMLElement;
  /** The title link (list pages) or h1 (paper page), in the copy that is visible. */
  titleEl: HTMLElement;
  /** 'media' when the card starts with a thumbnail/video link, 'plain' otherwise, 'paper' on a paper page. */
  layout: 'media' | 'plain' | 'paper';
  /** A card without a title heading whose title is only its thumbnail's `alt` (then `titleEl` is that link). */
  titleAlt?: string;
}

/** The card's title as the DOM holds it (uncollapsed): what changes when the title does. */
export function rawTitleOf(card: DetectedCard): string {
  return card.titleAlt ?? card.titleEl.textContent ?? '';
}

/** The card's title as it reads. */
export function titleTextOf(card: DetectedCard): string {
  return card.titleAlt !== undefined ? collapse(card.titleAlt) : textOf(card.titleEl);
}

type IsVisible = (el: Element) => boolean;

/**
 * Visible when the browser says so. Without layout (DOMParser documents, happy-dom) this may say
 * true or false for every copy alike; detectCards then falls back to the first copy.
 */
export function defaultIsVisible(el: Element): boolean {
  try {
    const check = (el as Element & { checkVisibility?: () => boolean }).checkVisibility;
    if (typeof check !== 'function' || !el.isConnected || !el.ownerDocument.defaultView) return true;
    return check.call(el);
  } catch {
    return true;
  }
}

export function detectCards(doc: Document, url: string | URL, isVisible: IsVisible = defaultIsVisible): DetectedCard[] {
  const steps = detectCardsInSteps(doc, url, isVisible);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * detectCards in small steps: each `next()` does a bounded piece of the work (a few hundred links or cards), so a
 * caller can spread a 1,000-card page over several tasks and keep each one short. The result is the same.
 * The DOM must not be trusted to stay put between steps: a caller that yields detects again after a mutation.
 */
export function* detectCardsInSteps(
  doc: Document,
  url: string | URL,
  isVisible: IsVisible = defaultIsVisible,
  /** Our UI's hosts on the page (`[data-papersift-ui]`), when the caller has looked them up already. */
  ourHosts?: readonly Element[],
): Generator<void, DetectedCard[], void> {
  if (pageKindOf(url) === 'paper') return detectPaperPage(doc, url);
  return yield* listCardSteps(doc, isVisible, ourHosts);
}

/** Links, titles or cards handled between two steps of detectCardsInSteps. */
const STEP = 250;

/** Paper page: one card, the paper of the URL, titled by the page's h1. */
function detectPaperPage(doc: Document, url: string | URL): DetectedCard[] {
  const id = paperIdFromUrl(url);
  if (!id) return [];
  const scope = doc.querySelector(MAIN_SELECTOR) ?? doc;
  const h1 =
    Array.from(scope.querySelectorAll<HTMLElement>(PAPER_PAGE_TITLE_SELECTOR)).find((h) => !isOurs(h)) ?? null;
  if (!h1) return [];
  const root = h1.closest<HTMLElement>(PAPER_PAGE_ROOT_SELECTOR) ?? h1.parentElement ?? h1;
  return [{ id, root, titleEl: h1, layout: 'paper' }];
}

/** 'h1, h2, h3' for 3: the selector for headings of rank 1 to `rank`. */
function headingsUpTo(rank: number): string {
  return HEADING_SELECTOR.split(',').slice(0, Math.min(6, Math.max(1, rank))).join(',');
}

/** Marker for an ancestor whose subtree links to more than one paper. */
const MIXED = '\u0000mixed';

/**
 * Records, for every ancestor of `start`, the one paper id its subtree links to (or MIXED).
 * Each element changes state at most twice (unset → id → MIXED) and a walk stops at the first
 * ancestor that already knows, so marking all links costs linear time in the page size.
 */
function markPaperUp(start: Element, id: string, state: Map<Element, string>): void {
  let value = id;
  for (let el: Element | null = start; el; el = el.parentElement) {
    const cur = state.get(el);
    if (cur === MIXED || cur === value) return;
    if (cur === undefined) {
      state.set(el, value);
    } else {
      value = MIXED;
      state.set(el, MIXED);
    }
  }
}

/** Records, for every ancestor of a non-title heading, the strongest (lowest) heading rank below it. */
function markHeadingUp(heading: Element, rank: number, minRank: Map<Element, number>): void {
  for (let el = heading.parentElement; el; el = el.parentElement) {
    const cur = minRank.get(el);
    if (cur !== undefined && cur <= rank) return;
    minRank.set(el, rank);
  }
}

function* listCardSteps(doc: Document, isVisible: IsVisible, ourHosts?: readonly Element[]): Generator<void, DetectedCard[], void> {
  // Our UI lives in shadow roots, so light-DOM elements inside it are rare: skip the ancestor walk without them.
  const deep = hasOurLightDom(doc, ourHosts);
  const ours = (el: Element) => el.hasAttribute(OUR_UI_ATTR) || (deep && isOurs(el));

  const state = new Map<Element, string>();
  const titles: TitleLink[] = [];
  const titleHeadings = new Set<Element>();
  // Every plain (hash-less) link to each paper, in page order: lets layoutOf work without querying each card.
  const plainLinks = new Map<string, HTMLElement[]>();
  let n = 0;
  for (const a of Array.from(doc.querySelectorAll<HTMLElement>(PAPER_LINK_SELECTOR))) {
    if (++n % STEP === 0) yield;
    const target = paperLinkTarget(a.getAttribute('href'));
    if (!target || ours(a)) continue;
    markPaperUp(a, target.id, state);
    if (target.hash !== '') continue;
    const list = plainLinks.get(target.id);
    if (list) list.push(a);
    else plainLinks.set(target.id, [a]);
    const heading = headingOfLink(a);
    if (!heading) continue;
    titleHeadings.add(heading);
    titles.push({ a, id: target.id, rank: headingRank(heading) });
  }
  const alts = titles.length < plainLinks.size ? addHeadinglessTitles(titles, plainLinks, state) : null;
  if (titles.length === 0) return [];

  // Page and section headings bound a card from above (matters when a page lists a single paper). Only those ranked
  // at or above the lowest-ranked title can stop a climb, so only those are looked up (h1–h3 on HF's pages).
  const minRank = new Map<Element, number>();
  const maxTitleRank = Math.max(...titles.map((t) => t.rank));
  const long = titles.length >= STEP; // a short page is detected in one step, however slow the machine
  if (long) yield;
  for (const h of Array.from(doc.querySelectorAll(headingsUpTo(maxTitleRank)))) {
    if (!titleHeadings.has(h) && !ours(h)) markHeadingUp(h, headingRank(h), minRank);
  }
  if (long) yield;

  // id → root → title links in that root (Map order = first appearance in the page).
  const groups = new Map<string, Map<HTMLElement, HTMLElement[]>>();
  for (const t of titles) {
    if (++n % STEP === 0) yield;
    const root = climbToRoot(t, state, minRank);
    let byRoot = groups.get(t.id);
    if (!byRoot) groups.set(t.id, (byRoot = new Map()));
    const links = byRoot.get(root);
    if (links) links.push(t.a);
    else byRoot.set(root, [t.a]);
  }

  const cards: DetectedCard[] = [];
  for (const [id, byRoot] of groups) {
    if (++n % STEP === 0) yield;
    const candidates = Array.from(byRoot, ([root, links]) => ({ root, links, titleEl: pickVisible(links, isVisible) }));
    const chosen =
      candidates.length === 1 ? candidates[0]! : (candidates.find((c) => safeVisible(isVisible, c.titleEl)) ?? candidates[0]!);
    const alt = alts?.get(chosen.titleEl);
    if (alt !== undefined) {
      cards.push({ id, root: chosen.root, titleEl: chosen.titleEl, layout: 'media', titleAlt: alt });
      continue;
    }
    const layout = layoutOf(chosen.root, chosen.titleEl, chosen.links, plainLinks.get(id) ?? []);
    cards.push({ id, root: chosen.root, titleEl: chosen.titleEl, layout });
  }
  return cards;
}

/**
 * Highest ancestor of the title link that links to no other paper and holds no page/section heading
 * (narrowed to the title's <article> when that lies inside it).
 */
function climbToRoot(t: TitleLink, state: Map<Element, string>, minRank: Map<Element, number>): HTMLElement {
  let root: HTMLElement = t.a;
  for (let p = t.a.parentElement; p && !NEVER_ROOT_TAGS.has(p.tagName.toUpperCase()); p = p.parentElement) {
    if (state.get(p) !== t.id) break;
    if ((minRank.get(p) ?? Infinity) <= t.rank) break;
    root = p;
  }
  const article = t.a.closest<HTMLElement>(CARD_ELEMENT_SELECTOR);
  return article && article !== root && root.contains(article) ? article : root;
}

/** The visible copy's link; the first when visibility cannot tell them apart. */
function pickVisible(links: HTMLElement[], isVisible: IsVisible): HTMLElement {
  if (links.length === 1) return links[0]!;
  return links.find((a) => safeVisible(isVisible, a)) ?? links[0]!;
}

function safeVisible(isVisible: IsVisible, el: Element): boolean {
  try {
    return isVisible(el);
  } catch {
    return false;
  }
}

/**
 * 'media' when, in the title's copy, a thumbnail/video link to the same paper comes before the title.
 * `titleLinks` are the paper's title links in this root (several on a two-copy card); `plainLinks` all its
 * hash-less links on the page, so no per-card query is needed (this runs for every card of a 1,000-card page).
 */
function layoutOf(root: HTMLElement, titleEl: HTMLElement, titleLinks: HTMLElement[], plainLinks: HTMLElement[]): 'media' | 'plain' {
  const others = titleLinks.filter((a) => a !== titleEl);
  let scope: HTMLElement = root;
  if (others.length > 0) {
    scope = titleEl;
    for (let p = titleEl.parentElement; p && p !== root; p = p.parentElement) {
      if (others.some((o) => p.contains(o))) break;
      scope = p;
    }
  }
  const media = plainLinks.some(
    (a) =>
      a !== titleEl &&
      precedes(a, titleEl) &&
      scope.contains(a) &&
      headingOfLink(a) === null &&
      (a.querySelector(MEDIA_SELECTOR) !== null || textOf(a) === ''),
  );
  return media ? 'media' : 'plain';
}
