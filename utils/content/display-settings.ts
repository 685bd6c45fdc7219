import { DEFAULT_PREFS, type Prefs } from '../storage/prefs-schema';

/** The settings page-hooks.css styles by, as `<html>` attributes, with the value each one takes when not the default. */
const STYLED: ReadonlyArray<[attr: string, value: (p: Prefs) => string, fallback: string]> = [
  ['data-papersift-hide-style', (p) => p.hideStyle, DEFAULT_PREFS.hideStyle],
  ['data-papersift-highlight-style', (p) => p.highlightStyle, DEFAULT_PREFS.highlightStyle],
  ['data-papersift-toolbar', (p) => (p.showToolbar ? 'on' : 'off'), 'on'],
];

/** Diagnostics (bug reports, tests): every display setting as applied, e.g. "hide-style=remove highlight-style=accent toolbar=on". */
export const SETTINGS_ATTR = 'data-papersift-settings';

/**
 * Puts the reader's display settings on `<html>` for page-hooks.css: only those that differ from their default (the
 * rules style only those), and only when they change. A change of one of these attributes makes the browser check
 * every element of the page (the rules are `html[…] [data-papersift-…]`): ~6 ms of style work in the month page's
 * first frame, and again on every later change of topics, which re-applies the settings.
 */
export function applyDisplaySettings(html: Element, prefs: Prefs): void {
  const all: string[] = [];
  for (const [attr, valueOf, fallback] of STYLED) {
    const value = valueOf(prefs);
    all.push(`${attr.slice('data-papersift-'.length)}=${value}`);
    const want = value === fallback ? null : value;
    if (html.getAttribute(attr) !== want) {
      if (want === null) html.removeAttribute(attr);
      else html.setAttribute(attr, want);
    }
  }
  const summary = all.join(' ');
  if (html.getAttribute(SETTINGS_ATTR) !== summary) html.setAttribute(SETTINGS_ATTR, summary); // no rule reads it
}

/** Takes them all away again (PaperSift stops on the page). */
export function clearDisplaySettings(html: Element): void {
  for (const [attr] of STYLED) html.removeAttribute(attr);
  html.removeAttribute(SETTINGS_ATTR);
}
