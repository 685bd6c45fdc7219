/**
 * Reading PaperSift's own pages (popup, options) by what the reader sees, the same way in every browser: the
 * innermost elements whose whole text is a given string (as Playwright's exact `getByText`), and links by name.
 */
import type { PageEvaluator } from '../../../scripts/lib/page-evaluator';
import { eventually } from './wait';
import { expect } from 'vitest';

/** How many innermost elements read exactly `text` (whitespace normalised). */
export function countExactText(page: PageEvaluator, text: string): Promise<number> {
  return page.evaluate((want) => {
    const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
    return [...document.body.querySelectorAll('*')].filter(
      (el) => norm(el.textContent) === want && ![...el.children].some((c) => norm(c.textContent) === want),
    ).length;
  }, text);
}

/** The text of the innermost element whose text contains `part`, or null. */
export function textContaining(page: PageEvaluator, part: string): Promise<string | null> {
  return page.evaluate((want) => {
    const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
    const all = [...document.body.querySelectorAll('*')].filter((el) => norm(el.textContent).includes(want));
    const inner = all.filter((el) => ![...el.children].some((c) => norm(c.textContent).includes(want)));
    return inner[0] ? norm((inner[0] as HTMLElement).innerText ?? inner[0].textContent) : null;
  }, part);
}

/** The hrefs of the links whose accessible name (aria-label, else text) is exactly `name`. */
export function linkHrefs(page: PageEvaluator, name: string): Promise<string[]> {
  return page.evaluate((want) => {
    const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
    return [...document.querySelectorAll('a[href]')]
      .filter((a) => norm(a.getAttribute('aria-label') ?? a.textContent) === want)
      .map((a) => a.getAttribute('href')!);
  }, name);
}

/** Waits until exactly one innermost element reads `text`. */
export const waitForExactText = (page: PageEvaluator, text: string, timeoutMs?: number) =>
  eventually(() => countExactText(page, text), (n) => expect(n, `"${text}" on ${page.url()}`).toBe(1), timeoutMs);
