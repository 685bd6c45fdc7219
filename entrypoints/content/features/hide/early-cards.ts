/**
 * Marks the cards the parser has made, before the frame that would paint them: called from requestAnimationFrame
 * (which runs before each frame's style, layout and paint) while the page is parsed, and once when it is. Each call
 * looks only at cards it has not decided yet, through the document's live list of card elements, so a 1,000-card
 * page costs one look per card. A MutationObserver on the whole document cost the month page's parse 0.3–1.3 s.
 */
import { headingOfLink, textOf } from '../../../../utils/hf/dom';
import { paperLinkTarget } from '../../../../utils/hf/links';
import { EARLY_ANY_PAPER_LINK, EARLY_CARD_TAG, HEADING_SELECTOR } from '../../../../utils/hf/selectors';
import { HOOKS } from '../../hooks';
import { EARLY_ATTR } from './hide-rules';

/** What can be read of a card as it is parsed. `complete`: the parser has moved past it. */
export interface EarlyCard {
  id: string | null;
  /** Its heading's text, once parsed (null: no heading yet, or none). */
  title: string | null;
  complete: boolean;
}

/** `wait`: not enough of the card is parsed to decide; it stays invisible, in place, for `maxWaitMs` at most. */
export type EarlyVerdict = 'hide' | 'show' | 'wait';

export type CardMarker = (parsed: boolean) => void;

export function createCardMarker(
  doc: Document,
  decide: (card: EarlyCard) => EarlyVerdict,
  maxWaitMs: number,
  now: () => number = () => performance.now(),
): CardMarker {
  const cards = doc.getElementsByTagName(EARLY_CARD_TAG);
  let next = 0;
  let waitingSince = -1;
  return (parsed) => {
    while (next < cards.length) {
      const el = cards[next]!;
      const complete = parsed || next + 1 < cards.length;
      let verdict: EarlyVerdict = el.hasAttribute(HOOKS.id) ? 'show' : decide(readCard(el, complete));
      if (verdict === 'wait') {
        if (waitingSince < 0) waitingSince = now();
        if (!complete && now() - waitingSince < maxWaitMs) {
          el.setAttribute(EARLY_ATTR, 'wait');
          return; // the rest of the page is not parsed yet
        }
        verdict = 'show';
      }
      waitingSince = -1;
      if (verdict === 'hide') el.setAttribute(EARLY_ATTR, 'hide');
      else if (el.hasAttribute(EARLY_ATTR)) el.removeAttribute(EARLY_ATTR);
      next++;
    }
  };
}

function readCard(el: Element, complete: boolean): EarlyCard {
  let id: string | null = null;
  let title: string | null = null;
  for (const a of el.querySelectorAll(EARLY_ANY_PAPER_LINK)) {
    const target = paperLinkTarget(a.getAttribute('href'));
    if (!target || target.hash) continue;
    id ??= target.id;
    if (target.id !== id) continue;
    const heading = headingOfLink(a);
    if (heading?.matches(HEADING_SELECTOR)) {
      // Still being parsed while nothing follows it: its text may not all be there yet.
      if (complete || isFollowed(heading, el)) title = textOf(heading);
      break;
    }
  }
  return { id, title, complete };
}

/** True when some node follows `node` inside `root` (the parser has closed it). */
function isFollowed(node: Node, root: Node): boolean {
  for (let n: Node | null = node; n && n !== root; n = n.parentNode) if (n.nextSibling) return true;
  return false;
}
