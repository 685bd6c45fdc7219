/**
 * Which cards are on screen or about to be (one screen above and below). Topic chips and word marks are drawn only
 * for those: on a 1,000-card page, drawing them for every card costs more than everything else PaperSift does,
 * for cards nobody sees. Everything else (the card's hooks, hiding, counts) is applied to every card at once.
 *
 * A card that has come near stays near (its chips stay drawn), so only cards not seen yet are watched.
 */
export interface NearViewport {
  observe(el: Element): void;
  unobserve(el: Element): void;
  isNear(el: Element): boolean;
  /** Called with the elements that came near since the last call. */
  onNear: (els: Element[]) => void;
  /** Told after each look at the cards' positions (drawing for those that came near included): its main-thread work. */
  onWork: (start: number) => void;
  /** Cards may have moved without a scroll or a resize (e.g. reordered): look again. */
  recheck(): void;
  /**
   * Whether anything is drawn for near cards (no topics: nothing). Until it is, cards are only kept, not looked at:
   * reading 1,000 positions on every scroll for nothing is not free.
   */
  setWanted(wanted: boolean): void;
  disconnect(): void;
}

/** How far around the viewport a card counts as near, in viewport heights: chips are there before it is. */
const MARGIN_SCREENS = 1;
/** While the reader scrolls, look at most this often. */
const SCROLL_CHECK_MS = 100;

/**
 * Watches by reading the cards' positions after a frame has been drawn (layout is fresh then: reading it costs no
 * layout of its own), on scroll, resize, a change of the page's size, and when cards are added. Scrolling the page
 * moves no card on it, so a scroll reuses the positions last read (1,000 reads every 100 ms while the reader scrolls
 * the month page were 2–3 ms each time); anything else reads them again. Not an
 * IntersectionObserver: with one target per card, Chromium recomputed 1,000 intersections in every frame of the month
 * page, load and scrolling alike (traced: 33 ms of its main thread during the load, more than the decorator's
 * slices of that time).
 */
export function createNearViewport(win: Window = window): NearViewport {
  if (typeof win.requestAnimationFrame !== 'function') return everythingNear();
  const waiting = new Set<Element>();
  const near = new WeakSet<Element>();
  let scheduled = false;
  let lastCheck = -Infinity;
  let disposed = false;
  let wanted = true;
  /** Where each waiting card was on the page (top, bottom from the page's top) at the last read; null: it took no room. */
  const positions = new WeakMap<Element, readonly [number, number] | null>();
  /** Something other than a scroll of the page happened since the last read: read the positions again. */
  let stale = true;

  const check = () => {
    scheduled = false;
    const start = (lastCheck = performance.now());
    if (disposed || !wanted || waiting.size === 0) return;
    const h = win.innerHeight || win.document.documentElement.clientHeight;
    const y = win.scrollY || 0;
    const arrived: Element[] = [];
    for (const el of waiting) {
      let at = stale ? undefined : positions.get(el);
      if (at === undefined) {
        const r = el.getBoundingClientRect();
        // A card that takes no room (display: none) is nowhere; it is looked at again when the page changes.
        at = r.width > 0 || r.height > 0 ? [r.top + y, r.bottom + y] : null;
        positions.set(el, at);
      }
      if (at && at[1] - y >= -MARGIN_SCREENS * h && at[0] - y <= (1 + MARGIN_SCREENS) * h) arrived.push(el);
    }
    stale = false;
    for (const el of arrived) {
      waiting.delete(el);
      near.add(el);
    }
    try {
      if (arrived.length) tracker.onNear(arrived);
    } finally {
      tracker.onWork(start);
    }
  };
  /** After the next frame (a setTimeout from a frame callback runs once it is drawn), at most every `minGapMs`. */
  const schedule = (minGapMs = 0) => {
    if (scheduled || disposed || !wanted || waiting.size === 0) return;
    scheduled = true;
    const wait = Math.max(0, lastCheck + minGapMs - performance.now());
    win.requestAnimationFrame(() => win.setTimeout(check, wait));
  };
  const readAgain = () => {
    stale = true;
    schedule();
  };
  const onScroll = (e: Event) => {
    // A scrolling box inside the page moves the cards in it: that is not the page's own scroll.
    if (e.target !== win.document && e.target !== win) stale = true;
    schedule(SCROLL_CHECK_MS);
  };
  const onResize = readAgain;
  win.addEventListener('scroll', onScroll, { passive: true, capture: true }); // capture: scrolling boxes too
  win.addEventListener('resize', onResize, { passive: true });
  // The page grows or shrinks without a scroll: cards collapsed or filtered, images loaded, a list replaced.
  const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(onResize) : null;
  resizes?.observe(win.document.documentElement);

  const tracker: NearViewport = {
    onNear: () => {},
    onWork: () => {},
    observe: (el) => {
      if (near.has(el)) return;
      waiting.add(el);
      schedule(); // a new card has no position yet: it alone is read
    },
    unobserve: (el) => {
      waiting.delete(el);
      near.delete(el);
    },
    isNear: (el) => near.has(el),
    recheck: readAgain,
    setWanted: (value) => {
      if (value === wanted) return; // asked after every pass: only a change means anything
      wanted = value;
      readAgain();
    },
    disconnect: () => {
      disposed = true;
      waiting.clear();
      win.removeEventListener('scroll', onScroll, { capture: true });
      win.removeEventListener('resize', onResize);
      resizes?.disconnect();
    },
  };
  return tracker;
}

/** Every element counts as near: for engines without frames to wait for, and for tests of the full drawing. */
export function everythingNear(): NearViewport {
  return {
    onNear: () => {},
    onWork: () => {},
    observe: () => {},
    unobserve: () => {},
    isNear: () => true,
    recheck: () => {},
    setWanted: () => {},
    disconnect: () => {},
  };
}
