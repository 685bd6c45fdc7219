/**
 * Titles for cards without a title heading (a re-skin, a widget): a link's text, or the thumbnail's `alt`. A part of
 * detect-cards.ts, which calls it only for papers that have links but none in a heading.
 */
import { precedes, textOf } from './dom';
import { HEADING_SELECTOR, MEDIA_SELECTOR, NEVER_ROOT_TAGS, PROSE_SELECTOR } from './selectors';
import { collapse } from './text';

/** A title link found by detection, with its heading's rank (HEADINGLESS_RANK without one). */
export interface TitleLink {
  a: HTMLElement;
  id: string;
  rank: number;
}

/** A title found outside any heading ranks below every heading: any page or section heading bounds its card. */
const HEADINGLESS_RANK = 7;
/** A plain link's text with a letter and this long is a title, not a count. */
const MIN_LINK_TITLE_CHARS = 4;

/**
 * The title of a paper none of whose links sits in a heading: the first link whose text reads like a title, else the
 * first thumbnail link with an `alt`. Only for a paper linked as a card links it — by a thumbnail, or twice (thumbnail
 * and title) within one element that links to no other paper: links in running text (a citation in a comment, a
 * sponsored line) are not cards. Runs only for such papers, which are rare.
 */
function headinglessTitle(id: string, all: readonly HTMLElement[], state: Map<Element, string>): { a: HTMLElement; alt?: string } | null {
  const links = all.filter((a) => !a.closest(PROSE_SELECTOR));
  if (links.length === 0) return null;
  const thumbnail = links.some((a) => a.querySelector(MEDIA_SELECTOR));
  if (!thumbnail && !(links.length >= 2 && inOneCard(id, links, state))) return null;
  const text = links.find((a) => {
    const t = textOf(a);
    return t.length >= MIN_LINK_TITLE_CHARS && /\p{L}/u.test(t);
  });
  if (text) return { a: text };
  for (const a of links) {
    const alt = collapse(a.querySelector(MEDIA_SELECTOR)?.getAttribute('alt'));
    if (alt.length > 0) return { a, alt };
  }
  return null;
}

/** True when one element holds all of `links`, links to no other paper and holds no heading (a section's). */
function inOneCard(id: string, links: readonly HTMLElement[], state: Map<Element, string>): boolean {
  let top: Element = links[0]!;
  for (let p = top.parentElement; p && state.get(p) === id && !NEVER_ROOT_TAGS.has(p.tagName.toUpperCase()); p = p.parentElement) top = p;
  return links.every((a) => top.contains(a)) && top.querySelector(HEADING_SELECTOR) === null;
}

/**
 * Adds a title for each paper that has links but none in a heading, keeping the titles in page order.
 * Returns the thumbnail links that stand as titles, with their `alt`.
 */
export function addHeadinglessTitles(titles: TitleLink[], plainLinks: Map<string, HTMLElement[]>, state: Map<Element, string>): Map<HTMLElement, string> {
  const titled = new Set(titles.map((t) => t.id));
  const alts = new Map<HTMLElement, string>();
  let added = false;
  for (const [id, links] of plainLinks) {
    if (titled.has(id)) continue;
    const found = headinglessTitle(id, links, state);
    if (!found) continue;
    titles.push({ a: found.a, id, rank: HEADINGLESS_RANK });
    if (found.alt !== undefined) alts.set(found.a, found.alt);
    added = true;
  }
  if (added) titles.sort((x, y) => (x.a === y.a ? 0 : precedes(x.a, y.a) ? -1 : 1));
  return alts;
}
