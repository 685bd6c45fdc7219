import type { PageKind } from '../../../utils/model/paper';
import type { Prefs } from '../../../utils/storage/prefs-schema';
import type { Topic } from '../../../utils/topics';
import type { PageDecorator } from '../pipeline/page-decorator';

/** Listeners of one kind of page event; each goes when the signal it was added with aborts. */
export class Listeners<T> {
  private readonly fns = new Set<(value: T) => void>();

  add(fn: (value: T) => void, signal: AbortSignal): void {
    if (signal.aborted) return;
    this.fns.add(fn);
    signal.addEventListener('abort', () => this.fns.delete(fn), { once: true });
  }

  emit(value: T): void {
    for (const fn of this.fns) {
      try {
        fn(value);
      } catch (err) {
        console.warn('[PaperSift] a page feature failed; the others go on', err);
      }
    }
  }
}

/** What the pipeline offers the features of one page. */
export interface PageContext {
  readonly doc: Document;
  readonly decorator: PageDecorator;
  /** Runs `fn` as PaperSift work of this phase (published in `data-papersift-perf-ms`). */
  timed(phase: string, fn: () => void): void;
  /** Counts, cards or the list container may have changed (throttled). */
  readonly changed: Listeners<void>;
  /** A pass over the page finished: its kind and the cards it found. */
  readonly passed: Listeners<{ kind: PageKind; found: number }>;
  /** The reader's topics or preferences, first read and every change. */
  readonly settings: Listeners<{ topics: Topic[]; prefs: Prefs }>;
}

/**
 * One feature on the page (after refined-github's features): it owns its DOM, styles and listeners, and removes
 * all of them when `signal` aborts (PaperSift was reloaded, updated or disabled).
 */
export interface Feature {
  name: string;
  start(page: PageContext, signal: AbortSignal): void;
}

/** Starts each feature; one that throws is reported and skipped, the others still start. */
export function startFeatures(features: readonly Feature[], page: PageContext, signal: AbortSignal): void {
  for (const feature of features) {
    try {
      feature.start(page, signal);
    } catch (err) {
      console.warn(`[PaperSift] the ${feature.name} feature could not start`, err);
    }
  }
}
