import { showPageNotice } from './page-notice';

/** The hidden set could not be applied before the page showed (see early-hide.ts): say so, once, on the page. */
export function showHideProblemNotice(problem: string): HTMLElement {
  const host = showPageNotice('hide-problem', `${problem}, so some may have shown for a moment. They are hidden now.`, [
    ['Dismiss', () => host.remove()],
  ]);
  return host;
}
