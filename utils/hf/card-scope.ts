/**
 * Inside one card root: which links are its title links, and which part of the card is the copy
 * that holds the chosen title (trending cards carry a desktop and a mobile copy of everything).
 */

import { headingOfLink, queryAllPage } from './dom';
import { paperLinkTarget } from './links';
import { LINK_SELECTOR } from './selectors';

/** A title link: a paper link without `#…` that sits in a heading or wraps one. */
export function isTitleLinkFor(a: Element, id: string): boolean {
  const t = paperLinkTarget(a.getAttribute('href'));
  return t !== null && t.id === id && t.hash === '' && headingOfLink(a) !== null;
}

/** Links to paper `id` under `scope` (any hash), excluding our UI. */
export function linksToPaper(scope: ParentNode, id: string): HTMLAnchorElement[] {
  return queryAllPage<HTMLAnchorElement>(scope, LINK_SELECTOR).filter(
    (a) => paperLinkTarget(a.getAttribute('href'))?.id === id,
  );
}

/**
 * The largest part of `root` around `titleEl` that holds no other title link of the same paper:
 * the visible copy on a two-copy card, the whole root otherwise.
 */
export function copyScope(root: HTMLElement, titleEl: HTMLElement, id: string): HTMLElement {
  if (titleEl === root || !root.contains(titleEl)) return root;
  const others = queryAllPage(root, LINK_SELECTOR).filter(
    (a) => a !== titleEl && isTitleLinkFor(a, id),
  );
  if (others.length === 0) return root;
  let scope: HTMLElement = titleEl;
  for (let p = titleEl.parentElement; p && p !== root; p = p.parentElement) {
    if (others.some((o) => p.contains(o))) break;
    scope = p;
  }
  return scope;
}
