import { HOOKS } from '../hooks';
import { setAttr } from './attributes';

/**
 * Adds up PaperSift's main-thread work on this page and publishes it on `<html>` (`data-papersift-perf-ms`, and
 * `data-papersift-busy` while work is queued): what benchmarks and bug reports read. Each piece of work is also a
 * `performance.measure` whose detail names its phase, for profiles.
 */
export class WorkMeter {
  private workMs = 0;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    /** Whether work is still queued or out (read after each piece of work). */
    private readonly busy: () => boolean,
  ) {}

  /** Runs `fn` as PaperSift work of this phase. */
  timed(phase: string, fn: () => void): void {
    const start = performance.now();
    try {
      fn();
    } finally {
      this.record('papersift:slice', start, phase);
    }
  }

  record(name: string, start: number, phase: string): void {
    if (this.stopped) return; // a task queued before the end: the page's hooks are no longer ours to write
    const end = performance.now();
    this.workMs += end - start;
    performance.measure(name, { start, end, detail: phase });
    const html = this.doc.documentElement;
    setAttr(html, HOOKS.busy, this.busy() ? '' : null);
    html.setAttribute('data-papersift-perf-ms', this.workMs.toFixed(2));
  }

  stop(): void {
    this.stopped = true;
    this.doc.documentElement.removeAttribute(HOOKS.busy);
  }
}
