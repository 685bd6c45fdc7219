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
import type { PageEvaluator } from './page-evaluator';

export interface FlashRecord {
  /** Frames checked since the document was created. */
  frames: number;
  /** Each (paper, frame) in which the paper's card was visible. */
  flashes: Array<{ id: string; frame: number }>;
  /** Longest time (ms) cards were held back: the page-wide hold, or one card waiting to be decided. */
  longestHoldMs: number;
}

interface ProbeState {
  frames: number;
  flashes: FlashRecord['flashes'];
  watch: Set<string>;
  /** When each hold began (key: 'page' or the card), and the longest one that ended. */
  holding: Map<unknown, number>;
  longest: number;
}

interface ProbeWindow {
  __papersiftFlash?: ProbeState;
}

/** The init script (its argument: the ids to watch from the start). */
function probe(ids: string[]): void {
  const w = window as unknown as ProbeWindow;
  const state: ProbeState = { frames: 0, flashes: [], watch: new Set(ids), holding: new Map(), longest: 0 };
  w.__papersiftFlash = state;
  const hold = (key: unknown, on: boolean) => {
    const since = state.holding.get(key);
    if (on && since === undefined) state.holding.set(key, performance.now());
    if (!on && since !== undefined) {
      state.longest = Math.max(state.longest, performance.now() - since);
      state.holding.delete(key);
    }
  };
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
    // PaperSift's holds (data-papersift-hold on <html>, data-papersift-early="wait" on a card), timed as they change.
    if (document.documentElement.hasAttribute('data-papersift-hold')) hold('page', true);
    new MutationObserver((records) => {
      for (const r of records) {
        const t = r.target as Element;
        if (r.attributeName === 'data-papersift-hold') hold('page', t.hasAttribute('data-papersift-hold'));
        else hold(t, t.getAttribute('data-papersift-early') === 'wait');
      }
    }).observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['data-papersift-hold', 'data-papersift-early'] });
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

/** The probe as init-script source, watching `ids` (for a driver that takes init scripts as text). */
export const flashProbeScript = (ids: readonly string[]): string => initScript(probe, [...ids]);

/** Installs the probe on a Playwright page for every document it loads from now on (reloads included). */
export async function installFlashProbe(page: Page, ids: readonly string[]): Promise<void> {
  await page.addInitScript({ content: flashProbeScript(ids) });
}

/**
 * A function and its argument as an init script's text. tsx (the bench, the demo) compiles with esbuild's keepNames,
 * which wraps nested functions in `__name(...)` calls that do not exist in the page: the text brings its own.
 */
export function initScript<A>(fn: (arg: A) => void, arg: A): string {
  return `(() => { const __name = (f) => f; (${fn.toString()})(${JSON.stringify(arg)}); })();`;
}

/** Watches more papers from now on (e.g. cards the page is about to load in place). */
export async function watchForFlash(page: PageEvaluator, ids: readonly string[]): Promise<void> {
  await page.evaluate((more) => {
    const s = (window as unknown as ProbeWindow).__papersiftFlash;
    if (!s) throw new Error('no flash probe on this page');
    for (const id of more) s.watch.add(id);
  }, [...ids]);
}

export async function readFlashes(page: PageEvaluator): Promise<FlashRecord> {
  return page.evaluate(() => {
    const s = (window as unknown as ProbeWindow).__papersiftFlash;
    if (!s) throw new Error('no flash probe on this page');
    const now = performance.now();
    const open = [...s.holding.values()].map((since) => now - since);
    return { frames: s.frames, flashes: s.flashes, longestHoldMs: Math.max(s.longest, ...open) };
  }, undefined);
}
