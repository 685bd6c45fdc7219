/** Runs `fn` in the next animation frame, or after `fallbackMs` in a background tab (which gets no frames). */
export function inNextFrame(fn: () => void, fallbackMs = 100): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(raf);
    clearTimeout(timer);
    fn();
  };
  const raf = requestAnimationFrame(run);
  const timer = setTimeout(run, fallbackMs);
}

/**
 * Runs `fn` in a task of its own once the next frame is drawn: for work whose DOM changes should each get a frame.
 * Not in the frame's callback itself, where its time would lengthen the frame's task (traced: 250 cards' worth of
 * work there plus the rendering it caused made 50–70 ms tasks on the month page).
 */
export function afterNextFrame(fn: () => void): void {
  inNextFrame(() => setTimeout(fn, 0));
}

/** Runs `fn` once in the next frame, however often it is requested before then. Falls back to a timer because
 *  background tabs get no animation frames, and a tab updated from another tab must still catch up. */
export function frameBatcher(fn: () => void, fallbackMs = 250): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    inNextFrame(() => {
      scheduled = false;
      fn();
    }, fallbackMs);
  };
}

export interface SliceOptions {
  /** A slice stops after this much of its own time (default 16 ms), so no task of ours grows long. */
  budgetMs?: number;
  /** …and after this many jobs (default: no limit), for jobs whose cost comes later, in the browser's rendering. */
  maxPerSlice?: number;
  /** How the next slice is started (default: a task of its own). */
  next?: (slice: () => void) => void;
}

/** Runs queued jobs in slices (see SliceOptions), yielding between slices so no task grows long. */
export class SlicedQueue<T> {
  private items: T[] = [];
  private running = false;
  private readonly budgetMs: number;
  private readonly maxPerSlice: number;
  private readonly next: (slice: () => void) => void;
  constructor(
    private readonly work: (item: T) => void,
    private readonly afterSlice: (sliceStart: number) => void,
    { budgetMs = 16, maxPerSlice = Infinity, next = (slice) => void setTimeout(slice, 0) }: SliceOptions = {},
  ) {
    this.budgetMs = budgetMs;
    this.maxPerSlice = maxPerSlice;
    this.next = next;
  }

  push(item: T): void {
    this.items.push(item);
    if (!this.running) {
      this.running = true;
      queueMicrotask(() => this.drain());
    }
  }

  get pending(): number {
    return this.items.length;
  }

  clear(): void {
    this.items.length = 0;
  }

  private drain(): void {
    const start = performance.now();
    let i = 0;
    while (i < this.items.length && i < this.maxPerSlice && performance.now() - start < this.budgetMs) {
      try {
        this.work(this.items[i++]!);
      } catch (err) {
        // One card we cannot decorate must not stop the others (or any later ones).
        console.warn('[PaperSift] a queued job failed', err);
      }
    }
    this.items.splice(0, i);
    this.afterSlice(start);
    if (this.items.length) this.next(() => this.drain());
    else this.running = false;
  }
}

/**
 * Runs `fn` at most once per `ms`, always after the last request (trailing). For work that only reports, like the
 * summary bar's counts, which must not run once per mount slice on a 1,000-card page.
 */
export function throttle(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = -Infinity;
  return () => {
    if (timer !== undefined) return;
    const wait = Math.max(0, last + ms - performance.now());
    timer = setTimeout(() => {
      timer = undefined;
      last = performance.now();
      fn();
    }, wait);
  };
}
