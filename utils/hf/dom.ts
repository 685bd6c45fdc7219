/** DOM reading helpers for the HF readers: read-only, text via text nodes only (never innerHTML). */

import { HEADING_SELECTOR, HEADING_TAG_RE, NON_CONTENT_TAG_RE, OUR_UI_ATTR } from './selectors';
import { collapse } from './text';

/** True when `el` is, or sits inside, PaperSift's own injected UI. */
export function isOurs(el: Element): boolean {
  return el.closest(`[${OUR_UI_ATTR}]`) !== null;
}

/** Rank of a heading element (h1 → 1 … h6 → 6), or 0 when it is not a heading. */
export function headingRank(el: Element): number {
  const m = HEADING_TAG_RE.exec(el.tagName);
  return m ? Number(m[1]) : 0;
}

/** The heading a link sits in or wraps, if any. */
export function headingOfLink(a: Element): Element | null {
  return a.closest(HEADING_SELECTOR) ?? a.querySelector(HEADING_SELECTOR);
}

/** All text nodes under `root` in document order, skipping our own UI subtrees. */
export function textNodesOf(root: Node): Text[] {
  const out: Text[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      out.push(node as Text);
      continue;
    }
    if (node.nodeType === 1 && node !== root && (node as Element).hasAttribute(OUR_UI_ATTR)) continue;
    if (node.nodeType === 1 && NON_CONTENT_TAG_RE.test((node as Element).tagName)) continue;
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}

/** Whitespace-collapsed text of a node, like textContent but without our UI (and scripts/styles). */
export function textOf(el: Node | null | undefined): string {
  if (!el) return '';
  let s = '';
  for (const t of textNodesOf(el)) s += t.data;
  return collapse(s);
}

/**
 * True when some element under `scope` sits inside our UI. PaperSift renders into shadow roots, so normally
 * nothing does, and the per-element ancestor walk of `isOurs` can be skipped (it dominates on 1,000-card pages).
 * `hosts`: our UI's hosts, when the caller has looked them up already.
 */
export function hasOurLightDom(scope: ParentNode, hosts: Iterable<Element> = scope.querySelectorAll(`[${OUR_UI_ATTR}]`)): boolean {
  // Not `[ui] *`: a descendant selector checks every element's ancestors, which costs more than the whole pass.
  for (const el of hosts) if (el.firstElementChild) return true;
  return false;
}

/** Elements matching `selector` under `scope`, excluding our own UI. */
export function queryAllPage<E extends Element = Element>(scope: ParentNode, selector: string): E[] {
  return Array.from(scope.querySelectorAll<E>(selector)).filter((el) => !isOurs(el));
}

/** True when `a` comes before `b` in document order. */
export function precedes(a: Node, b: Node): boolean {
  // 4 = Node.DOCUMENT_POSITION_FOLLOWING (numeric: no global Node needed in pure contexts).
  return (a.compareDocumentPosition(b) & 4) !== 0;
}
