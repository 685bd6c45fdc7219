/**
 * E2EPage's `click`, `withElement` and `focus`, written once over what Playwright's and puppeteer's element handles
 * both have (`click`, `focus`, `evaluate`, `dispose`): each driver only says how to get a handle.
 */
import type { E2EPage } from './e2e-browser';

export interface ElementHandleLike {
  click(): Promise<void>;
  focus(): Promise<void>;
  evaluate(fn: (el: Element, extra: unknown) => unknown, extra: unknown): Promise<unknown>;
  dispose(): Promise<void>;
}

/** The element `find(arg)` returns in the page, as a handle; null when it returns none. */
export type HandleOf = (find: (arg: unknown) => Element | null | undefined, arg: unknown) => Promise<ElementHandleLike | null>;

export function elementActions(handleOf: HandleOf): Pick<E2EPage, 'click' | 'withElement' | 'focus'> {
  const act = async <R>(what: string, find: (arg: never) => Element | null | undefined, arg: unknown, fn: (el: ElementHandleLike) => Promise<R>) => {
    const el = await handleOf(find as (arg: unknown) => Element | null | undefined, arg);
    if (!el) throw new Error(`${what}: no element from ${String(find).slice(0, 120)}`);
    try {
      return await fn(el);
    } finally {
      await el.dispose();
    }
  };
  return {
    click: (find, arg) => act('click', find, arg, (el) => el.click()),
    withElement: (find, arg, fn, extra) =>
      act('withElement', find, arg, (el) => el.evaluate(fn as (e: Element, x: unknown) => unknown, extra)) as Promise<Awaited<ReturnType<typeof fn>>>,
    focus: (find, arg) => act('focus', find, arg, (el) => el.focus()),
  };
}
