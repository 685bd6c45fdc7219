/**
 * What the page readers and simulators (decoration.ts, page-sim.ts) need of a tab: run a function in it. Playwright's
 * and puppeteer's pages both fit, and so does the e2e harness's browser-neutral page.
 */
export interface PageEvaluator {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  url(): string;
}

/** Polls `fn` in the page every 50 ms until it returns something truthy (works the same in every driver). */
export async function pollInPage<A>(page: PageEvaluator, fn: (arg: A) => unknown, arg: A, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    // A navigation can destroy the realm mid-call; that is "not yet", not a failure.
    if (await page.evaluate(fn, arg).catch(() => false)) return;
    if (Date.now() > end) throw new Error(`not true within ${timeoutMs} ms: ${String(fn).slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
