/**
 * Finding things on an extension page the way a reader names them, in every browser. A spec is JSON (`el()`), and
 * `named` runs in the page (self-contained: it is sent as source) to find the element it describes.
 */
import type { E2EPage } from './e2e-browser';

type Match = 'exact' | 'prefix' | 'contains';

/**
 * The first element matching CSS `sel` (within `scope`, when given) whose accessible name (aria-label, else its
 * <label>'s text, else its text) equals / starts with / contains `name`; without a name, the first match of `sel`.
 */
export function named(spec: string): HTMLElement | null {
  const { sel, name, match, scope } = JSON.parse(spec) as { sel: string; name?: string; match: Match; scope?: string };
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const nameOf = (el: Element) =>
    norm(el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.closest('label')?.textContent ?? el.textContent);
  const root = scope ? document.querySelector(scope) : document;
  const els = [...(root?.querySelectorAll<HTMLElement>(sel) ?? [])];
  if (name === undefined) return els[0] ?? null;
  return els.find((el) => (match === 'exact' ? nameOf(el) === name : match === 'prefix' ? nameOf(el).startsWith(name) : nameOf(el).includes(name))) ?? null;
}

/** A spec for `named`: CSS `sel`, with an accessible name to match, inside the first element matching `scope`. */
export const el = (sel: string, name?: string, match: Match = 'exact', scope?: string) => JSON.stringify({ sel, name, match, scope });
export const button = (name: string, match: 'exact' | 'prefix' = 'exact', within = '') => el(`${within} button`.trim(), name, match);
export const field = (name: string, match: 'exact' | 'prefix' = 'exact') => el('input, textarea, select', name, match);

export const valueOf = (page: E2EPage, spec: string) => page.withElement(named, spec, (e) => (e as HTMLInputElement).value, undefined);
export const isChecked = (page: E2EPage, spec: string) => page.withElement(named, spec, (e) => (e as HTMLInputElement).checked, undefined);
export const attrOf = (page: E2EPage, spec: string, attr: string) => page.withElement(named, spec, (e, a) => e.getAttribute(a), attr);
/** innerText of the first match of CSS `css`, null when there is none. */
export const textOf = (page: E2EPage, css: string) =>
  page.evaluate((s) => (document.querySelector(s) as HTMLElement | null)?.innerText ?? null, css);
export const textsOf = (page: E2EPage, css: string) =>
  page.evaluate((s) => [...document.querySelectorAll<HTMLElement>(s)].map((e) => e.innerText), css);
export const countOf = (page: E2EPage, css: string) => page.evaluate((s) => document.querySelectorAll(s).length, css);
/** Whether `named` finds something for the spec. */
export const exists = (page: E2EPage, spec: string) => page.withElement(named, spec, () => true, undefined).catch(() => false);
