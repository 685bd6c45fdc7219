/**
 * Reads one detected card into a PaperInfo. The DOM is the truth; the hydration hint only fills
 * what the card does not show, and only when its title matches the card's title (the JSON goes
 * stale after in-page navigation). Text is read from text nodes only; nothing is ever parsed as HTML.
 */

import type { PaperInfo } from '../model/paper';
import { copyScope, linksToPaper } from './card-scope';
import { parseDisplayedDate, resolveDisplayedDate, sameMonthDay, type DisplayedDate } from './dates';
import { titleTextOf, type DetectedCard } from './detect-cards';
import { headingOfLink, isOurs, queryAllPage, textNodesOf, textOf } from './dom';
import { matchingHint, type HydrationPaper } from './hydration';
import { paperLinkTarget } from './links';
import {
  ABSTRACT_BLOCK_SELECTOR,
  ABSTRACT_HEADING_RE,
  ABSTRACT_MIN_CHARS,
  AUTHORS_LABEL_RE,
  AUTHOR_COUNT_RE,
  AUTHOR_LIST_SELECTOR,
  AUTHOR_NAME_SELECTOR,
  AVATAR_SELECTOR,
  COMMENTS_HASH,
  GITHUB_LINK_SELECTOR,
  GITHUB_URL_RE,
  HEADING_SELECTOR,
  ISO_DATE_PREFIX_RE,
  LINK_SELECTOR,
  MEDIA_SELECTOR,
  ORG_PATH_RE,
  RESERVED_TOP_PATHS,
  SUBMITTED_BY_RE,
  TIME_SELECTOR,
  UPVOTE_BOX_SELECTOR,
} from './selectors';
import { collapse, trailingCount } from './text';


export { parseCount } from './text';

export function extractPaper(card: DetectedCard, hints: Map<string, HydrationPaper>): PaperInfo {
  let title = '';
  try {
    title = titleTextOf(card);
    return readCard(card, title, matchingHint(card.id, title, hints), new Date());
  } catch {
    // A card we cannot read still counts as a paper: the caller can save or hide it by id.
    return { id: card.id, title, authors: [] };
  }
}

function readCard(card: DetectedCard, title: string, hint: HydrationPaper | undefined, now: Date): PaperInfo {
  const onPaperPage = card.layout === 'paper';
  const scope = onPaperPage ? card.root : copyScope(card.root, card.titleEl, card.id);
  const texts = ownTexts(scope, card.titleEl);
  const info: PaperInfo = { id: card.id, title, authors: [] };

  const abstractEl = onPaperPage ? paperPageAbstractElement(scope) : cardAbstractElement(scope, card);
  set(info, 'abstract', (abstractEl ? textOf(abstractEl) : '') || hint?.abstract);

  const countLabel = texts.find((t) => AUTHOR_COUNT_RE.test(t.text));
  if (countLabel) info.authorCount = Number(AUTHOR_COUNT_RE.exec(countLabel.text)![1]!.replace(/,/g, ''));
  if (onPaperPage) {
    // The paper page lists full names; list cards show only handles, so there the JSON's full names win.
    const named = paperPageAuthors(texts);
    info.authors = named.length > 0 ? named : (hint?.authors ?? []);
  } else {
    const handles = countLabel ? avatarHandles(countLabel.el) : [];
    info.authors = hint && hint.authors.length > 0 ? [...hint.authors] : handles;
  }

  set(info, 'organization', organisation(scope) ?? hint?.organization);
  set(info, 'upvotes', upvotes(scope) ?? hint?.upvotes);
  set(info, 'comments', commentCount(scope, card.id) ?? hint?.comments);
  set(info, 'githubUrl', githubUrl(scope) ?? hint?.githubUrl);
  set(info, 'date', cardDate(scope, texts, hint, now) ?? hint?.date);
  if (hint?.keywords) info.keywords = [...hint.keywords];
  return info;
}

/** Assigns only defined, non-empty values, so absent fields stay absent (not `undefined` keys). */
function set<K extends keyof PaperInfo>(info: PaperInfo, key: K, value: PaperInfo[K] | undefined | ''): void {
  if (value !== undefined && value !== '') info[key] = value as PaperInfo[K];
}

interface OwnText {
  el: Element;
  text: string;
}

/**
 * Each element's own text (its direct text nodes joined), in document order, outside the title.
 * Joining per element survives Svelte's `<!---->` markers splitting one label into several nodes.
 */
function ownTexts(scope: Element, titleEl: Element): OwnText[] {
  const byEl = new Map<Element, string>();
  for (const node of textNodesOf(scope)) {
    const el = node.parentElement;
    if (!el || titleEl.contains(el)) continue;
    byEl.set(el, (byEl.get(el) ?? '') + node.data);
  }
  const out: OwnText[] = [];
  for (const [el, raw] of byEl) {
    const text = collapse(raw);
    if (text !== '') out.push({ el, text });
  }
  return out;
}

/** Search cards: a second link to the paper whose text is the abstract; trending cards: a paragraph. */
function cardAbstractElement(scope: HTMLElement, card: DetectedCard): Element | null {
  for (const a of linksToPaper(scope, card.id)) {
    if (a === card.titleEl || a.contains(card.titleEl) || headingOfLink(a) !== null) continue;
    if (paperLinkTarget(a.getAttribute('href'))?.hash !== '') continue;
    if (textOf(a).length >= ABSTRACT_MIN_CHARS) return a;
  }
  for (const p of queryAllPage(scope, ABSTRACT_BLOCK_SELECTOR)) {
    if (p.contains(card.titleEl) || card.titleEl.contains(p) || p.closest(HEADING_SELECTOR)) continue;
    if (textOf(p).length >= ABSTRACT_MIN_CHARS) return p;
  }
  return null;
}

/** Paper page: the block after the "Abstract" heading. */
function paperPageAbstractElement(root: HTMLElement): Element | null {
  for (const h of queryAllPage(root, HEADING_SELECTOR)) {
    if (!ABSTRACT_HEADING_RE.test(textOf(h))) continue;
    let el: Element | null = h;
    while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
    for (let next = el?.nextElementSibling ?? null; next; next = next.nextElementSibling) {
      if (isOurs(next)) continue;
      if (next.matches(HEADING_SELECTOR)) break;
      if (textOf(next) !== '') return next;
    }
  }
  return null;
}

/** The element whose text is the abstract the card shows (in its visible copy), or null when it shows none. */
export function abstractElement(card: DetectedCard): Element | null {
  if (card.layout === 'paper') return paperPageAbstractElement(card.root);
  return cardAbstractElement(copyScope(card.root, card.titleEl, card.id), card);
}

/** Paper page: the names (buttons or links) next to an "Authors:" label. */
function paperPageAuthors(texts: OwnText[]): string[] {
  const label = texts.find((t) => AUTHORS_LABEL_RE.test(t.text));
  const container = label?.el.parentElement;
  if (!label || !container) return [];
  return queryAllPage(container, AUTHOR_NAME_SELECTOR)
    .filter((el) => !el.contains(label.el))
    .map((el) => textOf(el))
    .filter((name) => name !== '');
}

/** List cards: HF handles from the avatar list that the "N authors" label belongs to. */
function avatarHandles(label: Element): string[] {
  const list = label.closest(AUTHOR_LIST_SELECTOR) ?? label.parentElement?.parentElement;
  if (!list) return [];
  const names = queryAllPage(list, AVATAR_SELECTOR).map((el) => collapse(el.getAttribute('title')));
  return Array.from(new Set(names.filter((n) => n !== '')));
}

/** Organisation chip: a one-segment link (`/Edge0`) with an avatar and a name, not the submitter. */
function organisation(scope: HTMLElement): string | undefined {
  for (const a of queryAllPage(scope, LINK_SELECTOR)) {
    const m = ORG_PATH_RE.exec(a.getAttribute('href') ?? '');
    if (!m || RESERVED_TOP_PATHS.has(m[1]!.toLowerCase())) continue;
    if (a.querySelector(MEDIA_SELECTOR) === null || a.closest(HEADING_SELECTOR)) continue;
    const name = textOf(a);
    if (name === '' || isSubmitter(a, scope)) continue;
    return name;
  }
  return undefined;
}

/** Inside a "Submitted by <user>" badge: some ancestor's own text starts with that label. */
function isSubmitter(a: Element, scope: Element): boolean {
  for (let el = a.parentElement; el; el = el.parentElement) {
    let own = '';
    for (const node of Array.from(el.childNodes)) if (node.nodeType === 3) own += (node as Text).data;
    if (SUBMITTED_BY_RE.test(collapse(own))) return true;
    if (el === scope) break;
  }
  return false;
}

/** The number in the upvote control; "-" (no votes shown) gives undefined. */
function upvotes(scope: HTMLElement): number | undefined {
  const box = queryAllPage(scope, UPVOTE_BOX_SELECTOR)[0];
  return box ? trailingCount(textOf(box)) : undefined;
}

/** The number shown in the card's `/papers/<id>#community` link. */
function commentCount(scope: HTMLElement, id: string): number | undefined {
  const link = linksToPaper(scope, id).find((a) => paperLinkTarget(a.getAttribute('href'))?.hash === COMMENTS_HASH);
  return link ? trailingCount(textOf(link)) : undefined;
}

function githubUrl(scope: HTMLElement): string | undefined {
  for (const a of queryAllPage(scope, GITHUB_LINK_SELECTOR)) {
    const href = a.getAttribute('href')?.trim() ?? '';
    if (GITHUB_URL_RE.test(href)) return href;
  }
  return undefined;
}

/** `time[datetime]`, else a displayed date ("Published on Sep 16, 2026", "· Aug 26"). */
function cardDate(scope: HTMLElement, texts: OwnText[], hint: HydrationPaper | undefined, now: Date): string | undefined {
  for (const t of queryAllPage(scope, TIME_SELECTOR)) {
    const m = ISO_DATE_PREFIX_RE.exec(t.getAttribute('datetime') ?? '');
    if (m) return m[1];
  }
  let shown: DisplayedDate | null = null;
  for (const t of texts) {
    shown = parseDisplayedDate(t.text);
    if (shown) break;
  }
  if (!shown) return undefined;
  // "Aug 26" omits the year: the matching JSON knows it; otherwise assume the latest past such day.
  if (shown.year === undefined && hint?.date && sameMonthDay(shown, hint.date)) return hint.date;
  return resolveDisplayedDate(shown, now);
}
