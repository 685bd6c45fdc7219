/**
 * Counts the frames in which a card that should be hidden is visible: run in the page's main world from an init
 * script, before any of the page's HTML is parsed (so before PaperSift's content script and before the first paint).
 * Used by the e2e tests (none may ever be seen) and the bench (PaperSift next to the floor extension).
 *
 * It checks once per frame after the frame's animation callbacks and layout, just before paint: a ResizeObserver
 * callback on a 1px element whose size changes in every frame. A card counts as visible when one of HF's own links
 * to the paper is (Element.checkVisibility, with visibility:hidden counting as invisible): a collapsed placeholder
 * hides them, a held-back card is invisible, a removed card is not rendered.
 */
import type { Page } from 'playwright-core';

export interface FlashRecord {
  /** Frames checked since the document was created. */
  frames: number;
  /** Each (paper, frame) in which the paper's card was visible. */
  flashes: Array<{ id: string; frame: number }>;
}

interface ProbeWindow {
  __papersiftFlash?: FlashRecord & { watch: Set<string> };
}

/** The init script (its argument: the ids to watch from the start). */
function probe(ids: string[]): void {
  const w = window as unknown as ProbeWindow;
  const state = { frames: 0, flashes: [] as FlashRecord['flashes'], watch: new Set(ids) };
  w.__papersiftFlash = state;
  const check = () => {
    state.frames++;
    for (const id of state.watch) {
      for (const a of document.querySelectorAll(`a[href="/papers/${id}"]`)) {
        if (a.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) {
          state.flashes.push({ id, frame: state.frames });
          break;
        }
      }
    }
  };
  const start = () => {
    const el = document.createElement('div');
    el.setAttribute('aria-hidden', 'true');
    el.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;opacity:0';
    document.documentElement.append(el);
    let wide = false;
    const tick = () => {
      wide = !wide;
      el.style.width = wide ? '2px' : '1px';
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    new ResizeObserver(check).observe(el);
  };
  // Init scripts run before the parser has made <html>: start as soon as it has.
  if (document.documentElement) return start();
  const wait = new MutationObserver(() => {
    if (!document.documentElement) return;
    wait.disconnect();
    start();
  });
  wait.observe(document, { childList: true });
}

/** Installs the probe on a page for every document it loads from now on (reloads included). */
export async function installFlashProbe(page: Page, ids: readonly string[]): Promise<void> {
  await page.addInitScript({ content: initScript(probe, [...ids]) });
}

/**
 * A function and its argument as an init script's text. tsx (the bench, the demo) compiles with esbuild's keepNames,
 * which wraps nested functions in `__name(...)` calls that do not exist in the page: the text brings its own.
 */
export function initScript<A>(fn: (arg: A) => void, arg: A): string {
  return `(() => { const __name = (f) => f; (${fn.toString()})(${JSON.stringify(arg)}); })();`;
}

/** Watches more papers from now on (e.g. cards the page is about to load in place). */
export async function watchForFlash(page: Page, ids: readonly string[]): Promise<void> {
  await page.evaluate((more) => {
    const s = (window as unknown as ProbeWindow).__papersiftFlash;
    if (!s) throw new Error('no flash probe on this page');
    for (const id of more) s.watch.add(id);
  }, [...ids]);
}

export async function readFlashes(page: Page): Promise<FlashRecord> {
  return page.evaluate(() => {
    const s = (window as unknown as ProbeWindow).__papersiftFlash;
    if (!s) throw new Error('no flash probe on this page');
    return { frames: s.frames, flashes: s.flashes };
  });
}
