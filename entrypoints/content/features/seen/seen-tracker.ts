/**
 * Seen state on a papers page. On a list page it asks the background once which of the cards are new since the
 * reader's last visit (none on the very first visit) and marks them (`data-papersift-new`, the summary bar's
 * "N new since your last visit", "Only new"); then it tells the background which cards the reader has seen: half in
 * view for a second (utils/digest/seen-timing.ts), or opened. Saving and hiding count as seen in the background.
 * Seen never hides anything.
 *
 * Cheap on a 1,000-card page: no IntersectionObserver (one target per card made Chromium recompute every card's
 * intersection in every frame; see near-viewport.ts). Instead, while the tab is visible and some cards are not yet
 * seen, a look every 250 ms: the cards' page positions are read after a frame only when something moved them (a
 * pass, a resize, every few seconds at most otherwise) — scrolling moves no card on the page — and checking the
 * viewport against them is arithmetic. Once every card is seen, nothing runs.
 */
import { halfInView, SeenClock, type Span } from '../../../../utils/digest/seen-timing';
import { paperIdFromUrl } from '../../../../utils/hf/page-kind';
import type { PageKind } from '../../../../utils/model/paper';
import type { PageContext } from '../registry';

export interface SeenBackend {
  visit(ids: string[]): Promise<{ unseen: string[]; first: boolean }>;
  mark(ids: string[]): Promise<unknown>;
}

const LOOK_MS = 250;
const FLUSH_MS = 1_000;
/** Positions are read again at least this often (images and fonts move cards without telling anyone). */
const POSITIONS_MAX_AGE_MS = 5_000;
/** ...and at most this often: on the month page every read is 1,000 rects, and the page changes in every slice. */
const POSITIONS_MIN_AGE_MS = 1_000;
const LIST_KINDS: ReadonlySet<PageKind> = new Set<PageKind>(['daily', 'weekly', 'monthly', 'trending', 'search']);

export class SeenTracker {
  private kind: PageKind = 'other';
  /** Ids the background was asked about (or is being asked). */
  private readonly asked = new Set<string>();
  /** Cards to watch: not seen by the reader yet. */
  private readonly watching = new Set<string>();
  private readonly fresh = new Set<string>();
  /** Cards the background already counted as seen when the page asked: seen on an earlier visit. */
  private readonly seenBefore = new Set<string>();
  private first: boolean | null = null;
  private readonly clock = new SeenClock();
  private readonly pending = new Set<string>();
  private readonly spans = new Map<string, Span>();
  private positionsAt = -Infinity;
  private stale = true;
  private timer: ReturnType<typeof setInterval> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private reading = false;
  private visiting: Promise<void> = Promise.resolve();

  constructor(
    private readonly page: PageContext,
    private readonly backend: SeenBackend,
    private readonly signal: AbortSignal,
    private readonly win: Window = window,
  ) {
    page.passed.add(({ kind }) => this.passed(kind), signal);
    page.changed.add(() => (this.stale = true), signal);
    const doc = page.doc;
    const onVisibility = () => {
      if (doc.visibilityState === 'hidden') {
        this.clock.reset();
        this.flush();
      }
      this.schedule();
    };
    const onOpen = (e: Event) => this.opened(e);
    const onResize = () => (this.stale = true);
    doc.addEventListener('visibilitychange', onVisibility);
    doc.addEventListener('click', onOpen, true);
    doc.addEventListener('auxclick', onOpen, true);
    win.addEventListener('resize', onResize);
    win.addEventListener('pagehide', () => this.flush());
    signal.addEventListener(
      'abort',
      () => {
        doc.removeEventListener('visibilitychange', onVisibility);
        doc.removeEventListener('click', onOpen, true);
        doc.removeEventListener('auxclick', onOpen, true);
        win.removeEventListener('resize', onResize);
        this.stop();
        if (this.flushTimer) clearTimeout(this.flushTimer);
      },
      { once: true },
    );
  }

  private passed(kind: PageKind): void {
    this.kind = kind;
    if (kind === 'paper') {
      const id = paperIdFromUrl(this.win.location.href);
      if (id && !this.asked.has(id)) {
        this.asked.add(id);
        this.seen([id]);
      }
      return;
    }
    if (!LIST_KINDS.has(kind)) return;
    const ask: string[] = [];
    this.page.decorator.forEachCard((id) => {
      if (!this.asked.has(id)) {
        this.asked.add(id);
        ask.push(id);
      }
    });
    if (this.fresh.size > 0) this.page.decorator.markFresh(); // the page may have re-rendered a card
    this.stale = true;
    if (ask.length > 0) this.visiting = this.visiting.then(() => this.visit(ask));
    this.schedule();
  }

  private async visit(ids: string[]): Promise<void> {
    let answer: { unseen: string[]; first: boolean };
    try {
      answer = await this.backend.visit(ids);
    } catch (err) {
      for (const id of ids) this.asked.delete(id); // asked again on the next pass
      console.warn('[PaperSift] could not read which papers are new:', err);
      return;
    }
    if (this.signal.aborted) return;
    this.first ??= answer.first;
    for (const id of answer.unseen) this.watching.add(id);
    const unseen = new Set(answer.unseen);
    const before = ids.filter((id) => !unseen.has(id));
    if (before.length > 0) {
      for (const id of before) this.seenBefore.add(id);
      this.page.decorator.setSeenBefore(new Set(this.seenBefore));
    }
    if (!this.first && answer.unseen.length > 0) {
      for (const id of answer.unseen) this.fresh.add(id);
      this.page.timed('seen', () => this.page.decorator.setFresh(new Set(this.fresh)));
    }
    this.stale = true;
    this.schedule();
  }

  /** Opening a card's paper (a click on its link, any button) makes it seen at once: the page may be left now. */
  private opened(e: Event): void {
    const target = e.target instanceof Element ? e.target : null;
    const link = target?.closest('a[href]');
    const card = link?.closest('[data-papersift-id]');
    const id = card?.getAttribute('data-papersift-id');
    if (!id || !link || !(link as HTMLAnchorElement).href.includes(`/papers/${id}`)) return;
    this.seen([id]);
    this.flush();
  }

  private seen(ids: string[]): void {
    for (const id of ids) {
      this.pending.add(id);
      this.watching.delete(id);
      this.spans.delete(id);
    }
    this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    if (this.pending.size === 0) return;
    const ids = [...this.pending];
    this.pending.clear();
    this.backend.mark(ids).catch((err) => {
      console.warn('[PaperSift] could not remember the papers seen:', err);
      for (const id of ids) this.pending.add(id); // sent with the next ones
    });
  }

  /** Looks run while the tab is visible and there are cards left to see. */
  private schedule(): void {
    const wanted = !this.signal.aborted && LIST_KINDS.has(this.kind) && this.watching.size > 0 && this.page.doc.visibilityState !== 'hidden';
    if (wanted && !this.timer) this.timer = setInterval(() => this.look(), LOOK_MS);
    if (!wanted) this.stop();
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private look(): void {
    this.page.timed('seen', () => this.lookNow());
  }

  private lookNow(): void {
    const now = performance.now();
    const age = now - this.positionsAt;
    if ((this.stale && age >= POSITIONS_MIN_AGE_MS) || age > POSITIONS_MAX_AGE_MS) {
      // Not while PaperSift is still decorating: layout is dirty then, and reading it would force it.
      if (!this.reading && !this.page.doc.documentElement.hasAttribute('data-papersift-busy')) {
        this.reading = true;
        // After the frame is drawn layout is fresh: reading positions then costs no layout of its own.
        this.win.requestAnimationFrame(() => setTimeout(() => this.readPositions(), 0));
      }
      if (this.spans.size === 0) return;
      // Meanwhile the positions last read are used: a card moved since is looked at again within a second.
    }
    const y = this.win.scrollY || 0;
    const h = this.win.innerHeight || this.page.doc.documentElement.clientHeight;
    const inView: string[] = [];
    for (const [id, span] of this.spans) if (halfInView(span, y, h)) inView.push(id);
    const done = this.clock.look(inView, now);
    if (done.length > 0) this.seen(done);
    this.schedule();
  }

  private readPositions(): void {
    this.reading = false;
    if (this.signal.aborted) return;
    this.page.timed('seen', () => {
      const y = this.win.scrollY || 0;
      this.spans.clear();
      this.page.decorator.forEachCard((id, root) => {
        if (!this.watching.has(id)) return;
        const r = root.getBoundingClientRect();
        this.spans.set(id, [r.top + y, r.bottom + y]);
      });
    });
    this.stale = false;
    this.positionsAt = performance.now();
  }
}
