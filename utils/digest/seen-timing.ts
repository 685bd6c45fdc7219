/**
 * When a card counts as seen on a page: at least half of it inside the viewport for a whole second (a card flicked
 * past while scrolling is not seen). Pure: positions in, ids out, so the rule is unit tested without a browser.
 */

/** How long a card must stay half in view. */
export const SEEN_AFTER_MS = 1_000;
/** The part of a card that must be in view. */
export const SEEN_FRACTION = 0.5;

/** Top and bottom of a card in page coordinates (from the top of the document), px. */
export type Span = readonly [top: number, bottom: number];

/** Is at least half of the card inside the viewport `[scrollY, scrollY + height)`? A card without height never is. */
export function halfInView(span: Span, scrollY: number, height: number): boolean {
  const [top, bottom] = span;
  const size = bottom - top;
  if (!(size > 0)) return false;
  const shown = Math.min(bottom, scrollY + height) - Math.max(top, scrollY);
  return shown >= size * SEEN_FRACTION || shown >= height * SEEN_FRACTION; // a card taller than the screen: half the screen
}

/**
 * Follows the cards in view over time. `look` is called with the ids half in view at `now`; it returns the ids
 * that have now been in view for SEEN_AFTER_MS without a break. A card that leaves the view starts over.
 */
export class SeenClock {
  private readonly since = new Map<string, number>();

  look(inView: Iterable<string>, now: number): string[] {
    const still = new Set(inView);
    for (const id of this.since.keys()) if (!still.has(id)) this.since.delete(id);
    const done: string[] = [];
    for (const id of still) {
      const from = this.since.get(id);
      if (from === undefined) this.since.set(id, now);
      else if (now - from >= SEEN_AFTER_MS) {
        done.push(id);
        this.since.delete(id);
      }
    }
    return done;
  }

  /** Nothing is in view any more (the tab was hidden). */
  reset(): void {
    this.since.clear();
  }

  /** Cards being timed now. */
  get timing(): number {
    return this.since.size;
  }
}
