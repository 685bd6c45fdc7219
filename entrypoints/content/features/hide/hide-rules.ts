import { EARLY_ANY_PAPER_LINK, EARLY_CARD_TAG } from '../../../../utils/hf/selectors';
import { HOOKS } from '../../hooks';

/** On `<html>` while cards are held back (not yet known whether they are hidden). */
export const HOLD_ATTR = 'data-papersift-hold';
/**
 * On a card PaperSift has not decorated yet: `hide` (a hidden or muted paper) or `wait` (its link or title is not
 * parsed yet). Written by early-cards.ts before the frame is painted.
 */
export const EARLY_ATTR = 'data-papersift-early';

/** A card PaperSift has not decorated yet: once it has, the hooks (hooks.css) say how it shows. */
const UNDECORATED = `${EARLY_CARD_TAG}:not([${HOOKS.id}])`;

/**
 * Every undecorated card is kept invisible, in its place (no layout moves), while HOLD_ATTR is on `<html>`; a card
 * marked `wait` likewise. Then cards marked `hide` collapse to the placeholder's height, or go (hide style
 * `remove`). Attribute selectors only: a `:has()` listing the hidden papers made the month page parse 1 s slower and
 * restyle for 2–3 s more (docs/architecture.md).
 */
export const EARLY_CSS = [
  `html[${HOLD_ATTR}] ${UNDECORATED}:has(${EARLY_ANY_PAPER_LINK}), ${UNDECORATED}[${EARLY_ATTR}="wait"] { visibility: hidden !important; }`,
  `${UNDECORATED}[${EARLY_ATTR}="hide"] { align-self: start; min-height: 38px; content-visibility: hidden !important; }`,
  `html[data-papersift-hide-style="remove"] ${UNDECORATED}[${EARLY_ATTR}="hide"] { display: none !important; }`,
  '',
].join('\n');
