import { afterEach, describe, expect, it } from 'vitest';
import { createNearViewport, type NearViewport } from '../../../../../entrypoints/content/features/near-viewport/near-viewport';
import { until } from '../../daily-page';

/** Reads of a box's position, in order. */
const reads: Element[] = [];
/** An element whose box is `top` px from the page's top, 100 px tall (0 × 0 when `top` is null: display none). */
function box(top: number | null): HTMLElement & { top: number | null } {
  const el = document.createElement('article') as HTMLElement & { top: number | null };
  el.top = top;
  el.getBoundingClientRect = () => {
    reads.push(el);
    return el.top === null ? new DOMRect(0, 0, 0, 0) : new DOMRect(0, el.top - window.scrollY, 300, 100);
  };
  document.body.append(el);
  return el;
}

/** The page scrolled to `y`, as the browser reports it (the event goes to the document). */
function scrollPageTo(y: number): void {
  Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
  document.dispatchEvent(new Event('scroll', { bubbles: true }));
}

const frames = (ms = 0) => new Promise((r) => setTimeout(r, ms + 50));

let tracker: NearViewport | null = null;

/** A new tracker (disconnected after the test) watching `els`, and what it reports as near, in order. */
function watch(...els: Element[]): { tracker: NearViewport; seen: Element[] } {
  const seen: Element[] = [];
  const t = (tracker = createNearViewport());
  t.onNear = (near) => seen.push(...near);
  for (const el of els) t.observe(el);
  return { tracker: t, seen };
}
afterEach(() => {
  tracker?.disconnect();
  document.body.replaceChildren();
  reads.length = 0;
  Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
});

describe('createNearViewport', () => {
  it('reports the cards within a screen of the viewport once, after the next frame; the others when they come near', async () => {
    const h = window.innerHeight;
    expect(h).toBeGreaterThan(0);
    const [inView, below, far, none] = [box(100), box(1.5 * h), box(5 * h), box(null)];
    tracker = createNearViewport();
    const seen: Element[][] = [];
    tracker.onNear = (els) => seen.push(els);
    for (const el of [inView, below, far, none]) tracker.observe(el);
    expect(seen).toEqual([]); // not before a frame
    await until(() => seen.length > 0, 'first look');
    expect(seen).toEqual([[inView, below]]);
    expect([inView, below, far, none].map((el) => tracker!.isNear(el))).toEqual([true, true, false, false]);

    // Scrolling brings the far card near (checked at most every 100 ms while scrolling), from the positions last read.
    reads.length = 0;
    scrollPageTo(4.5 * h);
    await until(() => seen.length > 1, 'look after the scroll');
    expect(seen).toEqual([[inView, below], [far]]);
    expect(reads).toEqual([]);

    // A card that took no room and now does (shown again): found on the next look.
    none.top = 4.5 * h + 10; // on screen, at the scroll position
    tracker.recheck();
    await until(() => seen.length > 2, 'look again');
    expect(seen.at(-1)).toEqual([none]);

    // Near stays near: scrolling away keeps its chips; nothing is reported twice.
    scrollPageTo(20 * h);
    await frames(100);
    expect(tracker.isNear(inView)).toBe(true);
    expect(seen).toHaveLength(3);
  });

  it('forgets an unobserved card, and stops looking once disconnected', async () => {
    const h = window.innerHeight;
    const [a, b] = [box(5 * h), box(6 * h)];
    const { tracker, seen } = watch(a, b);
    await frames();
    tracker.unobserve(a);
    a.top = 0;
    b.top = 0;
    window.dispatchEvent(new Event('resize'));
    await until(() => seen.length > 0, 'look after the resize');
    expect(seen).toEqual([b]);
    tracker.disconnect();
    const c = box(0);
    tracker.observe(c);
    await frames();
    expect(seen).toEqual([b]);
  });

  it('looks at no position while nothing is wanted of near cards, and counts each look as work', async () => {
    const a = box(100);
    tracker = createNearViewport();
    const seen: Element[] = [];
    const work: number[] = [];
    tracker.onNear = (els) => seen.push(...els);
    tracker.onWork = (start) => work.push(start);
    tracker.setWanted(false); // e.g. no topics: nothing to draw
    tracker.observe(a);
    scrollPageTo(10);
    await frames(100);
    expect(reads).toEqual([]);
    expect(work).toEqual([]);
    expect(tracker.isNear(a)).toBe(false);
    const before = performance.now();
    tracker.setWanted(true); // topics came: the cards waiting are looked at
    await until(() => seen.length > 0, 'look once wanted');
    expect(seen).toEqual([a]);
    expect(reads).toEqual([a]);
    expect(work).toHaveLength(1);
    expect(work[0]).toBeGreaterThanOrEqual(before);
    // Said again (the decorator says it after every pass): no new look.
    const b = box(9 * window.innerHeight);
    tracker.observe(b);
    await until(() => reads.length === 2, 'the new card read');
    reads.length = 0;
    tracker.setWanted(true);
    scrollPageTo(20);
    await frames(100);
    expect(reads).toEqual([]);
  });

  it('reads the positions again after anything but a scroll of the page: a resize, a recheck, a scrolling box', async () => {
    const h = window.innerHeight;
    const [a, b] = [box(5 * h), box(8 * h)];
    const { tracker, seen } = watch(a, b);
    await until(() => reads.length >= 2, 'first look');
    // The page moved a card without scrolling (e.g. a list above it collapsed): a resize of the page says so.
    a.top = 0;
    reads.length = 0;
    window.dispatchEvent(new Event('resize'));
    await until(() => seen.length > 0, 'look after the resize');
    expect(seen).toEqual([a]);
    expect(reads).toEqual([a, b]);
    // A scrolling box inside the page moved its cards: read again.
    b.top = 0;
    reads.length = 0;
    const scroller = document.createElement('div');
    document.body.append(scroller);
    scroller.dispatchEvent(new Event('scroll'));
    await until(() => seen.length > 1, 'look after the box scrolled');
    expect(seen).toEqual([a, b]);
    expect(reads).toEqual([b]);
  });
});
