/**
 * Which cards are on screen or about to be (one screen above and below). Topic chips and word marks are drawn only
 * for those: on a 1,000-card page, drawing them for every card costs more than everything else PaperSift does,
 * for cards nobody sees. Everything else (the card's hooks, hiding, counts) is applied to every card at once.
 */
export interface NearViewport {
  observe(el: Element): void;
  unobserve(el: Element): void;
  isNear(el: Element): boolean;
  /** Called with the elements that came near since the last call. */
  onNear: (els: Element[]) => void;
  disconnect(): void;
}

/** Margin around the viewport in which a card counts as near: a screen's height, so chips are there before it is. */
const MARGIN = '100% 0px 100% 0px';

export function createNearViewport(): NearViewport {
  if (typeof IntersectionObserver === 'undefined') return everythingNear();
  const near = new WeakSet<Element>();
  const tracker: NearViewport = {
    onNear: () => {},
    observe: (el) => io.observe(el),
    unobserve: (el) => {
      io.unobserve(el);
      near.delete(el);
    },
    isNear: (el) => near.has(el),
    disconnect: () => io.disconnect(),
  };
  const io = new IntersectionObserver(
    (records) => {
      const arrived: Element[] = [];
      for (const r of records) {
        if (r.isIntersecting) {
          if (!near.has(r.target)) arrived.push(r.target);
          near.add(r.target);
        } else near.delete(r.target);
      }
      if (arrived.length) tracker.onNear(arrived);
    },
    { rootMargin: MARGIN },
  );
  return tracker;
}

/** Every element counts as near: for engines without IntersectionObserver, and for tests of the full drawing. */
export function everythingNear(): NearViewport {
  return { onNear: () => {}, observe: () => {}, unobserve: () => {}, isNear: () => true, disconnect: () => {} };
}
