import { CardActionsView, MAX_CHIPS, type TopicChip } from '../ui/card-actions';
import { defaultIsVisible, detectCardsInSteps, type DetectedCard } from '../../../utils/hf/detect-cards';
import { textOf } from '../../../utils/hf/dom';
import { extractPaper } from '../../../utils/hf/extract';
import { readHydration, type HydrationPaper } from '../../../utils/hf/hydration';
import { listContainerOf } from '../../../utils/hf/list-container';
import { pageKindOf } from '../../../utils/hf/page-kind';
import { ARXIV_ID_RE } from '../../../utils/hf/selectors';
import type { PageStats } from '../../../utils/messaging/protocol';
import type { PageKind, PaperInfo, PageSource } from '../../../utils/model/paper';
import type { HideReason } from '../../../utils/storage/records';
import { pagePaperFrom, type PagePaper } from '../../../utils/storage/last-page-record';
import type { Topic } from '../../../utils/topics';
import { setAttr, writeAttr } from './attributes';
import { createCardHost, UI_ATTR } from '../ui/card-host';
import { cardChips, cardMarks, cardMatches, type CardTopicResult } from '../features/topics/card-topics';
import { hiddenReasonOf, type Precedence } from '../features/hide/card-visibility';
import type { LibraryMirror } from './library-state';
import { createNearViewport, type NearViewport } from '../features/near-viewport/near-viewport';
import { afterNextFrame, SlicedQueue } from './schedule';
import { TopicEngine } from '../features/topics/topic-engine';
import { TopicRequests, type AskedCard } from '../features/topics/topic-requests';
import type { TopicHighlights } from '../features/topics/topic-highlights';

/** The public hooks on HF's elements (see README: they are a contract for user styles, bug reports and tests). */
export const HOOKS = {
  id: 'data-papersift-id',
  saved: 'data-papersift-saved',
  hidden: 'data-papersift-hidden',
  topics: 'data-papersift-topics',
  cards: 'data-papersift-cards',
  /** On <html> while PaperSift still has work queued or a match request out (benchmarks wait for it to go). */
  busy: 'data-papersift-busy',
  // Private to PaperSift's own CSS:
  layout: 'data-papersift-layout',
  revealed: 'data-papersift-revealed',
  /**
   * Hidden, on a list page, and not revealed: what collapses a card to its placeholder, in one attribute. A rule that
   * combined hidden, layout and revealed made the browser restyle a card's whole subtree whenever any of them was
   * written (traced), and every card gets its layout written once.
   */
  collapsed: 'data-papersift-collapsed',
  current: 'data-papersift-current',
} as const;

/** What the decorator asks of the background. Writes go there and nowhere else. */
export interface LibraryActions {
  save(paper: PaperInfo, source: PageSource): Promise<unknown>;
  unsave(id: string): Promise<unknown>;
  hide(id: string, title: string, reason: HideReason, source: PageSource): Promise<unknown>;
  unhide(id: string): Promise<unknown>;
}

/** Page-wide view toggles from the summary bar. None of them changes stored data. */
export interface ViewToggles {
  showHidden: boolean;
  topicsFirst: boolean;
  onlyMatches: boolean;
}

/** One card PaperSift knows: its topic fields (AskedCard) are kept by TopicRequests. */
export interface Entry extends AskedCard {
  /** The control's host, its mount point and view; created when the entry is first prepared (in a slice). */
  host: HTMLElement | null;
  mount: HTMLElement | null;
  view: CardActionsView | null;
  /** The title as shown (`textOf`), cached against the title element's raw text. */
  titleRaw: string | null;
  titleText: string;
  mounted: boolean;
  /** The words of `topics` are marked (done once the card is near the viewport). */
  painted: boolean;
  /** The topic hooks last written on the root (see markTopics); null = read the element. */
  marked: { hidden: string | null; topics: string | null; collapsed: boolean } | null;
  /** Chips of `topics`, made when first drawn. */
  chips: { of: CardTopicResult; list: TopicChip[] } | null;
  /** Last rendered view (the chips by identity: the same array until the card's topics change), to skip renders that would change nothing. */
  viewKey: string;
  viewChips: TopicChip[] | null;
}

const MESSAGE_MS = 8000;
/** Detection work per task; what is left of a long page's detection goes on in the next task. */
const PASS_BUDGET_MS = 20;
/**
 * Controls put in between two frames; the next slice waits until a frame is drawn. The controls cost the browser's
 * next rendering more than they cost us (their shadow trees' style and layout), on top of what any frame of the
 * month page costs (20–30 ms: layers, intersections): traced, 250 per frame made rendering tasks of 40–70 ms, and
 * 100 kept them at 25–45.
 */
const MOUNTS_PER_FRAME = 100;
const NO_CHIPS: TopicChip[] = [];
const NO_HINTS = new Map<string, HydrationPaper>();

/**
 * Finds the cards on the page and keeps exactly one PaperSift control on each: new cards get one, removed cards
 * take theirs with them, a control the page dropped is put back. Reads the library from the mirror, matches
 * topics, sends every change to the background, and shows each click at once (optimistic), rolling back with a
 * message on failure.
 */
export class PageDecorator {
  private entries = new Map<HTMLElement, Entry>();
  private kind: PageKind = 'other';
  private container: HTMLElement | null = null;
  private hints: Map<string, HydrationPaper> | null = null;
  /** Asking the topic engine about the cards (see topic-requests.ts). */
  private readonly topics: TopicRequests<Entry>;
  private precedence: Precedence = 'highlight-wins';
  private readonly pendingSave = new Map<string, boolean>();
  private readonly pendingHide = new Map<string, HideReason | null>();
  private readonly revealed = new Set<string>();
  private readonly messages = new Map<string, string>();
  private readonly mountQueue: SlicedQueue<Entry>;
  readonly view: ViewToggles = { showHidden: false, topicsFirst: false, onlyMatches: false };
  /** Called whenever counts or the list container may have changed (the summary bar listens). */
  onChange: () => void = () => {};

  constructor(
    private readonly doc: Document,
    private readonly url: () => string,
    private readonly mirror: LibraryMirror,
    private readonly actions: LibraryActions,
    private readonly highlights: TopicHighlights,
    /** Called after the decorator changed the DOM, so the observer can forget those mutations. */
    private readonly afterOwnMutations: () => void = () => {},
    /** Where topics are matched: a worker in the extension, or (default, and in tests) this thread. */
    private readonly engine: TopicEngine = new TopicEngine(),
    /** Which cards are near the viewport: only those draw chips and word marks. */
    private readonly near: NearViewport = createNearViewport(),
  ) {
    near.onNear = (els) => {
      for (const el of els) {
        const entry = this.entries.get(el as HTMLElement);
        if (!entry) continue;
        this.paint(entry);
        if (entry.mounted) this.renderEntry(entry);
      }
      this.afterOwnMutations();
    };
    near.onWork = (start) => this.recordWork('papersift:slice', start, 'near');
    near.setWanted(false); // until there are topics (see wantNear)
    this.topics = new TopicRequests<Entry>(
      doc,
      engine,
      {
        isCurrent: (entry) => this.entries.get(entry.card.root) === entry,
        apply: (entry, previous) => this.applyTopics(entry, previous),
        sent: (start) => this.recordWork('papersift:slice', start, 'match-send'),
        held: () => this.mountQueue.pending > 0,
        applied: (start) => {
          this.onChange();
          this.afterOwnMutations();
          this.recordWork('papersift:slice', start, 'match-apply');
        },
      },
      MAX_CHIPS,
    );
    this.mountQueue = new SlicedQueue<Entry>(
      (e) => this.prepareEntry(e),
      (start) => {
        this.onChange();
        this.afterOwnMutations();
        this.recordWork('papersift:slice', start, 'mount');
        if (this.mountQueue.pending === 0) {
          this.topics.resume();
          this.wantNear();
        }
      },
      { maxPerSlice: MOUNTS_PER_FRAME, next: afterNextFrame },
    );
  }

  /** Called when a pass has finished (at once, or a few tasks later on a long page): what it found. */
  onPass: (result: { kind: PageKind; found: number }) => void = () => {};
  /** A detection spread over several tasks is under way (long pages); a pass asked for meanwhile runs after it. */
  private detecting: Generator<void, DetectedCard[], void> | null = null;
  private passAgain = false;
  /** Detection work per task (tests set 0 to make every step a task of its own). */
  passBudgetMs = PASS_BUDGET_MS;

  /**
   * One pass over the page: detect, reconcile, mark. Cheap when nothing changed. Detection runs in steps: on a
   * long page whatever is left after PASS_BUDGET_MS goes on in the next task, so no pass grows into a long task.
   * Returns what was found when the pass finished at once, else the cards known so far (onPass tells the end).
   */
  pass(): { kind: PageKind; found: number } {
    if (this.detecting) {
      this.passAgain = true; // the page changed meanwhile: look again once this pass is done
      return { kind: this.kind, found: this.entries.size };
    }
    const t0 = performance.now();
    const url = this.url();
    this.kind = pageKindOf(url);
    this.hints = null; // the hydration JSON may have changed with the page; parse it again when needed
    this.topics.pageChanged();
    // Our hosts, looked up once per pass for detection and for removing strays (each lookup walks the whole page).
    this.passHosts = Array.from(this.doc.querySelectorAll(`[${UI_ATTR}]`));
    if (this.kind === 'other') return this.reconcile([], t0);
    return this.detect(detectCardsInSteps(this.doc, url, defaultIsVisible, this.passHosts), t0) ?? { kind: this.kind, found: this.entries.size };
  }

  /** Runs detection steps until done or out of budget; then reconciles, or goes on in the next task. */
  private detect(steps: Generator<void, DetectedCard[], void>, start: number): { kind: PageKind; found: number } | null {
    let step = steps.next();
    while (!step.done && performance.now() - start < this.passBudgetMs) step = steps.next();
    if (step.done) {
      this.detecting = null;
      return this.reconcile(step.value, start);
    }
    this.detecting = steps;
    this.wantNear();
    this.recordWork('papersift:pass', start, 'pass');
    setTimeout(() => {
      if (this.detecting !== steps) return; // destroyed meanwhile
      // Elements may have gone since the last step: the pass asked for by the observer then runs right after.
      this.detect(steps, performance.now());
    }, 0);
    return null;
  }

  private reconcile(cards: DetectedCard[], t0: number): { kind: PageKind; found: number } {
    const live = new Set<HTMLElement>();
    for (const card of cards) {
      if (!card.root.isConnected) continue; // removed while a long detection went on
      live.add(card.root);
      let entry = this.entries.get(card.root);
      if (entry && entry.card.id !== card.id) {
        this.unmount(entry); // the page reused this element for another paper
        entry = undefined;
      }
      if (!entry) {
        // New cards are marked and given their control in slices, so a 1,000-card page never blocks a frame long.
        this.newEntry(card);
        continue;
      }
      entry.card = card;
      if (entry.mounted && !this.isPlaced(entry)) this.place(entry); // the page re-rendered and dropped or moved it
      if (this.topics.active || entry.topics) this.matchIfChanged(entry); // its title may have changed under us
      this.markRoot(entry);
      if (entry.mounted) this.renderEntry(entry);
    }
    for (const [root, entry] of this.entries) {
      if (!live.has(root)) this.unmount(entry);
    }
    this.removeStrayHosts();
    this.setContainer(listContainerOf(cards.filter((c) => live.has(c.root))));
    this.doc.documentElement.setAttribute(HOOKS.cards, String(live.size));
    this.wantNear();
    this.onChange();
    this.afterOwnMutations();
    this.recordWork('papersift:pass', t0, 'pass');
    const result = { kind: this.kind, found: live.size };
    this.onPass(result);
    if (this.passAgain) {
      this.passAgain = false;
      queueMicrotask(() => this.pass());
    }
    return result;
  }

  /** Total main-thread time PaperSift spent on this page, published for benchmarks and bug reports. */
  private workMs = 0;
  private destroyed = false;

  /** Runs `fn` as PaperSift work of this phase (for work done outside the decorator: the bar, the notice, …). */
  timed(phase: string, fn: () => void): void {
    const start = performance.now();
    try {
      fn();
    } finally {
      this.recordWork('papersift:slice', start, phase);
    }
  }

  /** `phase` says what the work was (in the measure's detail), for profiling and bug reports. */
  recordWork(name: string, start: number, phase: string): void {
    if (this.destroyed) return; // a task queued before the end: the page's hooks are no longer ours to write
    const end = performance.now();
    this.workMs += end - start;
    performance.measure(name, { start, end, detail: phase });
    const busy = this.mountQueue.pending > 0 || this.topics.busy;
    setAttr(this.doc.documentElement, HOOKS.busy, busy ? '' : null);
    this.doc.documentElement.setAttribute('data-papersift-perf-ms', this.workMs.toFixed(2));
  }

  /** New topics or precedence: every card is matched again (in the engine), then re-rendered. */
  setTopics(topics: Topic[] | null, precedence: Precedence): void {
    this.topics.setTopics(topics ?? []);
    this.precedence = precedence;
    this.wantNear();
    for (const entry of this.entries.values()) {
      if (!this.topics.active) {
        this.matchEntry(entry, ''); // no topics left: the card's go at once, its hooks and control in slices
        if (entry.mounted) this.mountQueue.push(entry);
        continue;
      }
      // Every card is asked at once: one request and one answer cost the page far less than one per slice, and an
      // answer applied while the worker is still matching the next request competes with it for the CPU (measured:
      // applying 1,000 answers took twice as long). The answer re-renders what it changes.
      this.matchIfChanged(entry);
    }
  }

  /**
   * Near cards get chips and word marks: with topics, once the cards are found and have their controls. Reading
   * positions while controls are still going in forces a layout of the whole page each time (measured on the month
   * page: 15–20 ms per look).
   */
  private wantNear(): void {
    this.near.setWanted(this.topics.active && !this.detecting && this.mountQueue.pending === 0);
  }

  setView(patch: Partial<ViewToggles>): void {
    Object.assign(this.view, patch);
    this.markContainer();
    this.refresh();
    this.afterOwnMutations();
    this.near.recheck(); // reordered or filtered cards move without a scroll
  }

  private markContainer(): void {
    const c = this.container;
    if (!c) return;
    setAttr(c, 'data-papersift-order', this.view.topicsFirst ? 'topics-first' : null);
    setAttr(c, 'data-papersift-only-matches', this.view.onlyMatches ? '' : null);
  }

  /** Re-render the cards of these ids (after a change from the background or another tab). */
  refresh(ids?: Iterable<string>): void {
    const wanted = ids ? new Set(ids) : null;
    for (const entry of this.entries.values()) {
      if (wanted && !wanted.has(entry.card.id)) continue;
      this.markRoot(entry);
      if (entry.mounted) this.renderEntry(entry);
    }
    this.onChange();
  }

  listContainer(): HTMLElement | null {
    return this.container;
  }

  /**
   * The summary bar's counts: cheap enough to take after every slice of a 1,000-card page. A card's hooks are
   * written (markTopics) whenever its hiding or topics change, so what was written is what is counted.
   */
  counts(): { found: number; matched: number; hidden: number } {
    let hidden = 0;
    let matched = 0;
    for (const e of this.entries.values()) {
      const m = e.marked;
      if (m ? m.hidden !== null : this.hiddenReason(e) !== null) hidden++;
      if (m ? m.topics !== null : this.highlightNames(e) !== null) matched++;
    }
    return { found: this.entries.size, matched, hidden };
  }

  /** Everything the popup shows about this page, with the cards of each topic. */
  stats(): PageStats & { matched: number } {
    let saved = 0;
    const counts = new Map<string, number>();
    for (const e of this.entries.values()) {
      if (this.isSaved(e.card.id)) saved++;
      if (e.topics) for (const m of cardMatches(e.topics)) counts.set(m.topicId, (counts.get(m.topicId) ?? 0) + 1);
    }
    return { kind: this.kind, url: this.url(), ...this.counts(), saved, topicCounts: Object.fromEntries(counts) };
  }

  /** Ids of the first `limit` cards, in page order. */
  cardIds(limit: number): string[] {
    return [...this.entries.values()].slice(0, limit).map((e) => e.card.id);
  }

  /** Papers of this page, for the options page's live preview: from the JSON in the engine, else from the cards. */
  async papers(limit: number): Promise<PagePaper[]> {
    let start = performance.now();
    const list = [...this.entries.values()].slice(0, limit);
    const cards = this.topics.forPreview(list);
    this.recordWork('papersift:slice', start, 'papers');
    const fromJson = await this.engine.papers(cards);
    start = performance.now();
    const papers = list.map((e, i) => fromJson[i] ?? pagePaperFrom(extractPaper(e.card, NO_HINTS)));
    this.recordWork('papersift:slice', start, 'papers');
    return papers;
  }

  /**
   * Cards a reader can move between with j/k: in the order they are shown, skipping collapsed and filtered ones —
   * except `keep` (the current card), so its neighbours can still be found after it collapsed.
   */
  navigableCards(keep?: Entry): Entry[] {
    const list = [...this.entries.values()].filter((e) => e === keep || (this.isShown(e) && !this.isCollapsed(e)));
    if (this.view.topicsFirst) {
      const matched = (e: Entry) => (this.highlightNames(e) ? 0 : 1);
      list.sort((a, b) => matched(a) - matched(b)); // stable: HF's order within each group, as CSS `order` shows it
    }
    return list;
  }

  /** Collapsed placeholders, in page order (for the "expand" key). */
  collapsedCards(): Entry[] {
    return [...this.entries.values()].filter((e) => this.isShown(e) && this.isCollapsed(e));
  }

  entryById(id: string): Entry | undefined {
    for (const e of this.entries.values()) if (e.card.id === id) return e;
    return undefined;
  }

  /** Shown as its one-line placeholder: hidden (for `hidden`, by default its own reason), on a list page, not revealed. */
  isCollapsed(entry: Entry, hidden = this.hiddenReason(entry)): boolean {
    return hidden !== null && entry.card.layout !== 'paper' && !this.isRevealed(entry.card.id);
  }

  toggleRevealed(entry: Entry): void {
    this.setRevealed(entry.card.id, !this.revealed.has(entry.card.id));
  }

  /** Remove everything PaperSift added (the extension was reloaded or disabled). */
  destroy(): void {
    this.destroyed = true;
    this.detecting = null;
    this.mountQueue.clear();
    this.topics.destroy();
    this.engine.destroy();
    this.near.disconnect();
    for (const entry of [...this.entries.values()]) this.unmount(entry);
    this.setContainer(null);
    this.doc.documentElement.removeAttribute(HOOKS.cards);
    this.doc.documentElement.removeAttribute(HOOKS.busy);
  }

  // ---- state as the reader sees it: stored state, overridden by clicks still in flight ----

  isSaved(id: string): boolean {
    return this.pendingSave.get(id) ?? this.mirror.saved.has(id);
  }

  /** Why the card is hidden, with these topic results (by default its own). */
  hiddenReason(entry: Entry, t: CardTopicResult | null = entry.topics): HideReason | null {
    const id = entry.card.id;
    const pending = this.pendingHide.get(id);
    const stored = pending !== undefined ? pending : (this.mirror.hidden.get(id) ?? null);
    return hiddenReasonOf(stored, t?.muteName ?? null, (t?.highlightNames ?? null) !== null, this.precedence);
  }

  private isRevealed(id: string): boolean {
    return this.view.showHidden || this.revealed.has(id);
  }

  private isShown(entry: Entry): boolean {
    return !this.view.onlyMatches || this.highlightNames(entry) !== null || !this.container;
  }

  private highlightNames(entry: Entry): string | null {
    return entry.topics?.highlightNames ?? null;
  }

  // ---- DOM ----

  private newEntry(card: DetectedCard): Entry {
    const entry: Entry = {
      card, host: null, mount: null, view: null, titleRaw: null, titleText: '', mounted: false, topics: null, topicGen: -1, askedGen: -1, askedTitle: '',
      painted: false, marked: null, chips: null, viewKey: '', viewChips: null,
    };
    this.entries.set(card.root, entry);
    this.near.observe(card.root);
    // Asked now rather than when its control is made, so all of a pass's new cards go in one request (see setTopics).
    if (this.topics.active) this.matchEntry(entry, card.titleEl.textContent ?? '');
    this.mountQueue.push(entry);
    return entry;
  }

  /**
   * Puts the card's control in place and its hooks on the card: one slice of the mount queue. Its topics were asked
   * for when it was found, or when its title or the topics changed (matchIfChanged).
   */
  private prepareEntry(entry: Entry): void {
    if (this.entries.get(entry.card.root) !== entry || !entry.card.root.isConnected) return;
    if (!entry.mounted) {
      if (!entry.host) Object.assign(entry, createCardHost(entry.card.id));
      this.place(entry);
      entry.mounted = true;
    }
    this.markRoot(entry);
    this.renderEntry(entry);
  }

  /** Asks about the card when its topics are not those of the current topics and the title it shows now. */
  private matchIfChanged(entry: Entry): void {
    const rawTitle = entry.card.titleEl.textContent ?? ''; // read once: each read walks the title's text
    if (this.topics.needsMatch(entry, rawTitle)) this.matchEntry(entry, rawTitle);
  }

  /** Asks the engine about the card; with no topics left, takes its topics away at once. */
  private matchEntry(entry: Entry, rawTitle: string): void {
    if (this.topics.active) return this.topics.ask(entry, rawTitle);
    entry.topics = null;
    entry.topicGen = this.topics.generation;
    entry.painted = false;
    this.highlights.clear(entry);
  }

  /** One card's answer: its hooks at once; its chips and word marks only near the viewport. */
  private applyTopics(entry: Entry, previous: CardTopicResult | null): void {
    const hiddenBefore = this.hiddenReason(entry, previous);
    entry.painted = false;
    const hidden = this.hiddenReason(entry);
    const near = this.near.isNear(entry.card.root);
    if (near) this.paint(entry);
    this.markTopics(entry, hidden);
    // Off screen a control shows no chips: it changes only when the card's hiding does.
    if (entry.mounted && (near || hidden !== hiddenBefore)) this.renderEntry(entry);
  }

  /** Marks the matched words of a card near the viewport (off-screen cards wait: see near-viewport.ts). */
  private paint(entry: Entry): void {
    if (entry.painted || !this.near.isNear(entry.card.root)) return;
    entry.painted = true;
    try {
      const marks = entry.topics ? cardMarks(entry.card, entry.topics) : [];
      this.highlights.paint(entry, marks);
    } catch (err) {
      console.warn('[PaperSift] could not mark the matched words on a card', entry.card.id, err);
    }
  }

  private isPlaced(entry: Entry): boolean {
    const { host, card } = entry;
    if (!host?.isConnected) return false;
    return card.layout === 'paper' ? host.previousElementSibling === card.titleEl : host.parentElement === card.root;
  }

  /** List cards: a direct child of the card root, floating over its corner. Paper page: right under the title. */
  private place(entry: Entry): void {
    const { host, card } = entry;
    if (!host) return;
    if (card.layout === 'paper') card.titleEl.after(host);
    else card.root.append(host);
  }

  private markRoot(entry: Entry): void {
    const { root, id, layout } = entry.card;
    setAttr(root, HOOKS.id, id);
    setAttr(root, HOOKS.layout, layout);
    setAttr(root, HOOKS.saved, this.isSaved(id) ? '' : null);
    setAttr(root, HOOKS.revealed, this.isRevealed(id) ? '' : null);
    entry.marked = null; // read the page's element again: it may have dropped our hooks
    this.markTopics(entry);
  }

  /**
   * The hooks that follow the card's topics: its topic names (the first one colours its ring, by TopicHighlights'
   * rules) and why it is hidden. Written from what we last wrote, without reading the element back: applying answers
   * for 1,000 cards is mostly these writes. markRoot (every pass) checks the element itself.
   */
  private markTopics(entry: Entry, hidden = this.hiddenReason(entry)): void {
    const root = entry.card.root;
    const topics = this.highlightNames(entry);
    const collapsed = this.isCollapsed(entry, hidden);
    const last = entry.marked;
    if (!last) {
      setAttr(root, HOOKS.hidden, hidden);
      setAttr(root, HOOKS.topics, topics);
      setAttr(root, HOOKS.collapsed, collapsed ? '' : null);
    } else {
      if (last.hidden !== hidden) writeAttr(root, HOOKS.hidden, hidden);
      if (last.topics !== topics) writeAttr(root, HOOKS.topics, topics);
      if (last.collapsed !== collapsed) writeAttr(root, HOOKS.collapsed, collapsed ? '' : null);
    }
    entry.marked = { hidden, topics, collapsed };
  }

  private unmount(entry: Entry): void {
    this.near.unobserve(entry.card.root);
    entry.view?.destroy();
    entry.host?.remove();
    this.highlights.clear(entry);
    this.entries.delete(entry.card.root);
    const root = entry.card.root;
    for (const attr of Object.values(HOOKS)) if (attr !== HOOKS.cards && attr !== HOOKS.busy) root.removeAttribute(attr);
  }

  /** Hosts on the page when this pass began; one the page adds meanwhile is the next pass's to judge. */
  private passHosts: Element[] = [];

  /** A host that is not the one we track for its card (e.g. copied by the page along with a card) must go. */
  private removeStrayHosts(): void {
    const ours = new Set<Element>();
    for (const e of this.entries.values()) if (e.host) ours.add(e.host);
    for (const el of this.passHosts) {
      // Card hosts carry the paper id; page-level UI (notices, the summary bar) carries a name and is not ours to judge.
      if (!ours.has(el) && ARXIV_ID_RE.test(el.getAttribute(UI_ATTR) ?? '')) el.remove();
    }
  }

  private setContainer(next: HTMLElement | null): void {
    if (next === this.container) return;
    if (this.container) {
      this.container.removeAttribute('data-papersift-order');
      this.container.removeAttribute('data-papersift-only-matches');
    }
    this.container = next;
    this.markContainer();
  }

  private title(entry: Entry, raw = entry.card.titleEl.textContent): string {
    if (raw !== entry.titleRaw) {
      entry.titleRaw = raw;
      entry.titleText = textOf(entry.card.titleEl);
    }
    return entry.titleText;
  }

  private chipsOf(entry: Entry): TopicChip[] | undefined {
    const result = entry.topics;
    if (!result) return undefined;
    if (entry.chips?.of !== result) entry.chips = { of: result, list: cardChips(result) };
    return entry.chips.list;
  }

  private renderEntry(entry: Entry): void {
    if (!entry.host || !entry.mount) return;
    const { host, mount } = entry;
    const id = entry.card.id;
    const saved = this.isSaved(id);
    const hidden = this.hiddenReason(entry);
    const revealed = this.isRevealed(id);
    const message = this.messages.get(id) ?? null;
    const title = hidden ? this.title(entry) : ''; // only a placeholder shows it
    // Chips only near the viewport: rendering them on every card of a long page costs more than all the rest.
    const chips = (this.near.isNear(entry.card.root) ? this.chipsOf(entry) : undefined) ?? NO_CHIPS;
    const key = `${saved}|${hidden}|${revealed}|${message}|${title}|${entry.card.layout}`;
    if (key === entry.viewKey && chips === entry.viewChips) return;
    const hadFocus = host.shadowRoot?.activeElement != null;
    entry.viewKey = key;
    entry.viewChips = chips;
    entry.view ??= new CardActionsView(mount);
    entry.view.update({
      title,
      topics: chips,
      saved,
      hidden,
      revealed,
      collapsible: entry.card.layout !== 'paper',
      message,
      onToggleSave: () => void this.toggleSave(entry),
      onHide: () => void this.setHidden(entry, 'manual'),
      onShow: () => this.setRevealed(id, true),
      onCollapse: () => this.setRevealed(id, false),
      onUndoHide: () => void this.setHidden(entry, null),
    });
    // The toolbar and the placeholder are different elements: keep a keyboard user's focus inside the card.
    if (hadFocus && !host.shadowRoot?.activeElement) mount.querySelector('button')?.focus();
  }

  // ---- actions ----

  private source(): PageSource {
    return { url: this.url(), kind: this.kind };
  }

  private paperOf(entry: Entry): PaperInfo {
    this.hints ??= readHydration(this.doc);
    return extractPaper(entry.card, this.hints);
  }

  /** Requests about one paper go out one after another, so a retried save can never land after a later unsave. */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  private inOrder<T>(id: string, send: () => Promise<T>): Promise<T> {
    const prev = this.inFlight.get(id);
    // Nothing pending: send at once (in the click's own task), else after the previous one settles.
    const next = prev ? prev.then(send) : send();
    const tail = next.catch(() => {});
    this.inFlight.set(id, tail);
    void tail.then(() => {
      if (this.inFlight.get(id) === tail) this.inFlight.delete(id);
    });
    return next;
  }

  async toggleSave(entry: Entry): Promise<void> {
    const id = entry.card.id;
    const want = !this.isSaved(id);
    this.pendingSave.set(id, want);
    this.messages.delete(id);
    this.refresh([id]);
    try {
      // Read the card now, as the reader saw it when clicking.
      const paper = want ? this.paperOf(entry) : null;
      const source = this.source();
      await this.inOrder(id, () => (paper ? this.actions.save(paper, source) : this.actions.unsave(id)));
      this.mirror.apply(want ? { type: 'saved', id } : { type: 'unsaved', id });
    } catch (err) {
      this.flash(id, `${want ? 'Could not save' : 'Could not remove'} this paper: ${reason(err)}. Nothing changed — try again.`, err);
    } finally {
      if (this.pendingSave.get(id) === want) this.pendingSave.delete(id);
      this.refresh([id]);
    }
  }

  async setHidden(entry: Entry, reasonWanted: HideReason | null): Promise<void> {
    const id = entry.card.id;
    this.pendingHide.set(id, reasonWanted);
    this.revealed.delete(id);
    this.messages.delete(id);
    this.refresh([id]);
    try {
      const title = this.title(entry);
      const source = this.source();
      await this.inOrder(id, () => (reasonWanted ? this.actions.hide(id, title, reasonWanted, source) : this.actions.unhide(id)));
      this.mirror.apply(reasonWanted ? { type: 'hidden', id, reason: reasonWanted } : { type: 'unhidden', id });
    } catch (err) {
      this.flash(id, `${reasonWanted ? 'Could not hide' : 'Could not unhide'} this paper: ${reason(err)}. Nothing changed — try again.`, err);
    } finally {
      if (this.pendingHide.get(id) === reasonWanted) this.pendingHide.delete(id);
      this.refresh([id]);
    }
  }

  private setRevealed(id: string, on: boolean): void {
    if (on) this.revealed.add(id);
    else this.revealed.delete(id);
    this.refresh([id]);
  }

  private flash(id: string, message: string, err?: unknown): void {
    // After PaperSift is updated or reloaded, this page's old script can no longer reach it: say what helps.
    if (/Extension context invalidated/i.test(err instanceof Error ? err.message : String(err ?? ''))) {
      message = 'PaperSift was updated or reloaded since this page opened. Reload the page to use it again.';
    }
    this.messages.set(id, message);
    setTimeout(() => {
      if (this.messages.get(id) === message) {
        this.messages.delete(id);
        this.refresh([id]);
      }
    }, MESSAGE_MS);
  }
}

function reason(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/[.\s]+$/, '') || 'unknown error';
}
