import { EARLY_ANY_PAPER_LINK, EARLY_CARD_SELECTOR, earlyPaperLinks } from '../../../../utils/hf/selectors';
import type { Prefs } from '../../../../utils/storage/prefs-schema';
import { HOOKS } from '../../hooks';

/** On `<html>` while cards are held back (not yet known whether they are hidden). */
export const HOLD_ATTR = 'data-papersift-hold';

/** A card PaperSift has not decorated yet: once it has, the hooks (hooks.css) say how it shows. */
const UNDECORATED = `${EARLY_CARD_SELECTOR}:not([${HOOKS.id}])`;

/** Every undecorated card is kept invisible, in its place (no layout moves), while HOLD_ATTR is on `<html>`. */
export const HOLD_CSS = `html[${HOLD_ATTR}] ${UNDECORATED}:has(${EARLY_ANY_PAPER_LINK}) { visibility: hidden !important; }\n`;

/**
 * Rules that hide these papers' cards before PaperSift has decorated them, in the reader's hide style: collapsed to
 * the height of the placeholder that replaces them, or removed. Pure.
 */
export function earlyHideCss(ids: readonly string[], hideStyle: Prefs['hideStyle']): string {
  if (ids.length === 0) return '';
  const card = `${UNDECORATED}:has(${ids.flatMap(earlyPaperLinks).join(', ')})`;
  if (hideStyle === 'remove') return `${card} { display: none !important; }\n`;
  return `${card} { align-self: start; min-height: 38px; }\n${card} > * { display: none !important; }\n`;
}
