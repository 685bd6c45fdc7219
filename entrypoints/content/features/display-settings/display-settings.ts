import { DEFAULT_PREFS, type Prefs } from '../../../../utils/storage/prefs-schema';
import { setAttr } from '../../pipeline/attributes';

export const HIDE_STYLE_ATTR = 'data-papersift-hide-style';

/** The settings hooks.css styles by, as `<html>` attributes, and the value each one takes. */
const STYLED: ReadonlyArray<[attr: string, value: (p: Prefs) => string]> = [
  [HIDE_STYLE_ATTR, (p) => p.hideStyle],
  ['data-papersift-highlight-style', (p) => p.highlightStyle],
  ['data-papersift-toolbar', (p) => (p.showToolbar ? 'on' : 'off')],
];

/** Diagnostics (bug reports, tests): every display setting as applied, e.g. "hide-style=remove highlight-style=accent toolbar=on". */
export const SETTINGS_ATTR = 'data-papersift-settings';

/**
 * Puts the reader's display settings on `<html>` for hooks.css: only those that differ from their default (the
 * rules style only those), and only when they change. A change of one of these attributes makes the browser check
 * every element of the page (the rules are `html[…] [data-papersift-…]`), and every change of topics re-applies them.
 */
export function applyDisplaySettings(html: Element, prefs: Prefs): void {
  const all: string[] = [];
  for (const [attr, valueOf] of STYLED) {
    const value = valueOf(prefs);
    all.push(`${attr.slice('data-papersift-'.length)}=${value}`);
    setAttr(html, attr, value === valueOf(DEFAULT_PREFS) ? null : value);
  }
  setAttr(html, SETTINGS_ATTR, all.join(' ')); // no rule reads it
}

/** Takes them all away again (PaperSift stops on the page). */
export function clearDisplaySettings(html: Element): void {
  for (const [attr] of STYLED) html.removeAttribute(attr);
  html.removeAttribute(SETTINGS_ATTR);
}
