/*
 * Over 300 lines on purpose: this is the one owner of the page's card entries, and the rules that tie an entry's
 * detection, mounting and topic answers together (is it still current, mounted, asked about the title it shows)
 * are kept in one class. What a card shows (card-view.ts), save and hide (features/), the request order
 * (paper-requests.ts) and the published work (work-meter.ts) live in their own files.
 */
import { MAX_CHIPS } from '../ui/card-actions';
import { defaultIsVisible, detectCardsInSteps, rawTitleOf, type DetectedCard } from '../../../utils/hf/detect-cards';
import { extractPaper } from '../../../utils/hf/extract';
import { readHydration, type HydrationPaper } from '../../../utils/hf/hydration';
import { listContainerOf } from '../../../utils/hf/list-container';
import { pageKindOf } from '../../../utils/hf/page-kind';
import { ARXIV_ID_RE } from '../../../utils/hf/selectors';
import type { PageStats } from '../../../utils/messaging/protocol';
import type { PageKind, PaperInfo, PageSource } from '../../../utils/model/paper';

export type { Entry } from './card-entry';
import type { HideReason } from '../../../utils/storage/records';
import { CARD_HOOKS, HOOKS } from '../hooks';
import { setAttr } from './attributes';
import { HideState } from '../features/hide/hide-state';
import { SaveState } from '../features/save/save-state';
import { clearViewContainer, markViewContainer, type ViewToggles } from '../features/summary-bar/view-toggles';
import { PaperRequests, type LibraryActions } from './paper-requests';
import { pagePaperFrom, type PagePaper } from '../../../utils/storage/last-page-record';
import type { Topic } from '../../../utils/topics';
import { isControlPlaced, newEntry, placeControl, shownTitle, type Entry } from './card-entry';
import { CardView } from './card-view';
import { WorkMeter } from './work-meter';
import { createCardHost, UI_ATTR } from '../ui/card-host';
import { cardMatches, type CardTopicResult } from '../features/topics/card-topics';
import type { Precedence } from '../features/hide/card-visibility';
import { ProvisionalMutes } from '../features/hide/provisional-mutes';
import type { LibraryMirror } from './library-state';
import { createNearViewport, type NearViewport } from '../features/near-viewport/near-viewport';
import { afterNextFrame, SlicedQueue } from './schedule';
import { TopicEngine } from '../features/topics/topic-engine';
import { TopicRequests } from '../features/topics/topic-requests';
import type { TopicHighlights } from '../features/topics/topic-highlights';

/** Detection work per task; what is left of a long page's detection goes on in the next task. */
const PASS_BUDGET_MS = 20;
/**
 * Controls put in between two frames; the next slice waits until a frame is drawn. The controls cost the browser's
 * next rendering more than they cost us (their shadow trees' style and layout), on top of what any frame of the
 * month page costs (20–30 ms: layers, intersections): traced, 250 per frame made rendering tasks of 40–70 ms, and
 * 100 kept them at 25–45.
 */
const MOUNTS_PER_FRAME = 100;
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
  private readonly requests = new PaperRequests((id) => this.refresh([id]));
  private readonly saves: SaveState;
  private readonly hides: HideState;
  private readonly cardView: CardView;
  /** Muted cards are hidden before the topic worker answers for them. */
  readonly mutes = new ProvisionalMutes();
  private readonly mountQueue: SlicedQueue<Entry>;
  readonly view: ViewToggles = { showHidden: false, topicsFirst: false, onlyMatches: false, onlyNew: false };
  /** Papers not seen before this visit (features/seen tells); their cards carry `data-papersift-new`. */
  private fresh: ReadonlySet<string> = new Set();
  /** Cards the reader had seen on an earlier visit (for j/k's skip-seen setting). */
  private seenBefore: ReadonlySet<string> = new Set();
  /** Called whenever counts or the list container may have changed (the summary bar listens). */
  onChange: () => void = () => {};
  /** PaperSift's published work on this page; features outside the decorator add theirs through `timed`. */
  readonly meter: WorkMeter;

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
        this.cardView.paint(entry);
        if (entry.mounted) this.cardView.render(entry);
      }
      this.afterOwnMutations();
    };
    this.meter = new WorkMeter(doc, () => this.mountQueue.pending > 0 || this.topics.busy);
    this.saves = new SaveState(mirror, actions, this.requests, (id) => this.refresh([id]));
    this.hides = new HideState(mirror, actions, this.requests, (id) => this.refresh([id]));
    this.cardView = new CardView(this.saves, this.hides, this.requests, near, highlights, {
      toggleSave: (entry) => void this.toggleSave(entry),
      setHidden: (entry, reason) => void this.setHidden(entry, reason),
    });
    near.onWork = (start) => this.meter.record('papersift:slice', start, 'near');
    near.setWanted(false); // until there are topics (see wantNear)
    this.topics = new TopicRequests<Entry>(
      doc,
      engine,
      {
        isCurrent: (entry) => this.entries.get(entry.card.root) === entry,
        apply: (entry, previous) => this.applyTopics(entry, previous),
        sent: (start) => this.meter.record('papersift:slice', start, 'match-send'),
        held: () => this.mountQueue.pending > 0,
        applied: (start) => {
          this.onChange();
          this.afterOwnMutations();
          this.meter.record('papersift:slice', start, 'match-apply');
        },
      },
      MAX_CHIPS,
    );
    this.mountQueue = new SlicedQueue<Entry>(
      (e) => this.prepareEntry(e),
      (start) => {
        this.onChange();
        this.afterOwnMutations();
        this.meter.record('papersift:slice', start, 'mount');
        if (this.mountQueue.pending === 0) {
          this.topics.resume();
          this.wantNear();
        }
      },
      { maxPerSlice: MOUNTS_PER_FRAME, next: afterNextFrame },
    );
  }

  /** Runs `fn` as PaperSift work of this phase (for work done outside the decorator: the bar, the notice, …). */
  timed(phase: string, fn: () => void): void {
    this.meter.timed(phase, fn);
  }

  recordWork(name: string, start: number, phase: string): void {
    this.meter.record(name, start, phase);
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
    this.meter.record('papersift:pass', start, 'pass');
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
      if (entry.mounted && !isControlPlaced(entry)) placeControl(entry); // the page re-rendered and dropped or moved it
      if (this.topics.active || entry.topics) this.matchIfChanged(entry); // its title may have changed under us
      this.cardView.markRoot(entry);
      if (entry.mounted) this.cardView.render(entry);
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
    this.meter.record('papersift:pass', t0, 'pass');
    const result = { kind: this.kind, found: live.size };
    this.onPass(result);
    if (this.passAgain) {
      this.passAgain = false;
      queueMicrotask(() => this.pass());
    }
    return result;
  }

  /** New topics or precedence: every card is matched again (in the engine), then re-rendered. */
  setTopics(topics: Topic[] | null, precedence: Precedence): void {
    this.topics.setTopics(topics ?? []);
    this.hides.precedence = precedence;
    this.mutes.setTopics(topics ?? [], precedence);
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
      if (!entry.topics) this.markProvisional(entry); // not answered yet: hidden by the new topics meanwhile
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
    this.hides.showHidden = this.view.showHidden;
    this.markContainer();
    this.refresh();
    this.afterOwnMutations();
    this.near.recheck(); // reordered or filtered cards move without a scroll
  }

  private markContainer(): void {
    if (this.container) markViewContainer(this.container, this.view);
  }

  /** Re-render the cards of these ids (after a change from the background or another tab). */
  refresh(ids?: Iterable<string>): void {
    const wanted = ids ? new Set(ids) : null;
    for (const entry of this.entries.values()) {
      if (wanted && !wanted.has(entry.card.id)) continue;
      this.cardView.markRoot(entry);
      if (entry.mounted) this.cardView.render(entry);
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
  counts(): { found: number; matched: number; hidden: number; fresh: number } {
    let hidden = 0;
    let matched = 0;
    let fresh = 0;
    for (const e of this.entries.values()) {
      const m = e.marked;
      if (m ? m.hidden !== null : this.hiddenReason(e) !== null) hidden++;
      if (m ? m.topics !== null : this.highlightNames(e) !== null) matched++;
      if (this.fresh.size > 0 && this.fresh.has(e.card.id)) fresh++;
    }
    return { found: this.entries.size, matched, hidden, fresh };
  }

  /** Every card on the page, in page order (features that watch cards: seen). */
  forEachCard(fn: (id: string, root: HTMLElement) => void): void {
    for (const e of this.entries.values()) fn(e.card.id, e.card.root);
  }

  /** Which papers are new on this visit: their cards get `data-papersift-new` and "Only new" keeps just them. */
  setFresh(ids: ReadonlySet<string>): void {
    this.fresh = ids;
    this.markFresh();
    this.onChange();
  }

  /** Writes `data-papersift-new` where it belongs (again after a pass: the page may have re-rendered a card). */
  markFresh(): void {
    for (const e of this.entries.values()) setAttr(e.card.root, HOOKS.fresh, this.fresh.has(e.card.id) ? '' : null);
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
    this.meter.record('papersift:slice', start, 'papers');
    const fromJson = await this.engine.papers(cards);
    start = performance.now();
    const papers = list.map((e, i) => fromJson[i] ?? pagePaperFrom(extractPaper(e.card, NO_HINTS)));
    this.meter.record('papersift:slice', start, 'papers');
    return papers;
  }

  /** Which of the page's cards the reader had seen before this visit (seen-tracker.ts); never hides anything. */
  setSeenBefore(ids: ReadonlySet<string>): void {
    this.seenBefore = ids;
  }

  /**
   * Cards a reader can move between with j/k: in the order they are shown, skipping collapsed and filtered ones —
   * except `keep` (the current card), so its neighbours can still be found after it collapsed. With `skipSeen`,
   * cards seen on an earlier visit are skipped too, unless that would leave none.
   */
  navigableCards(keep?: Entry, skipSeen = false): Entry[] {
    let list = [...this.entries.values()].filter((e) => e === keep || (this.isShown(e) && !this.isCollapsed(e)));
    if (skipSeen && this.seenBefore.size > 0) {
      const unseen = list.filter((e) => e === keep || !this.seenBefore.has(e.card.id));
      if (unseen.some((e) => e !== keep)) list = unseen;
    }
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

  toggleRevealed(entry: Entry): void {
    this.hides.toggleRevealed(entry.card.id);
  }

  /** Remove everything PaperSift added (the extension was reloaded or disabled). */
  destroy(): void {
    this.meter.stop();
    this.detecting = null;
    this.mountQueue.clear();
    this.topics.destroy();
    this.engine.destroy();
    this.near.disconnect();
    for (const entry of [...this.entries.values()]) this.unmount(entry);
    this.setContainer(null);
    this.doc.documentElement.removeAttribute(HOOKS.cards);
  }

  // ---- state as the reader sees it: stored state, overridden by clicks still in flight ----

  isSaved(id: string): boolean {
    return this.saves.isSaved(id);
  }

  /** Why the card is hidden, with these topic results (by default its own). */
  hiddenReason(entry: Entry, t: CardTopicResult | null = entry.topics): HideReason | null {
    return this.cardView.hiddenReason(entry, t);
  }

  /** Shown as its one-line placeholder: hidden, on a list page, not revealed. */
  isCollapsed(entry: Entry, hidden = this.hiddenReason(entry)): boolean {
    return this.cardView.isCollapsed(entry, hidden);
  }

  private isRevealed(id: string): boolean {
    return this.hides.isRevealed(id);
  }

  private isShown(entry: Entry): boolean {
    if (!this.container) return true;
    if (this.view.onlyNew && !this.fresh.has(entry.card.id)) return false;
    return !this.view.onlyMatches || this.highlightNames(entry) !== null;
  }

  private highlightNames(entry: Entry): string | null {
    return entry.topics?.highlightNames ?? null;
  }

  // ---- DOM ----

  private newEntry(card: DetectedCard): Entry {
    const entry = newEntry(card);
    this.entries.set(card.root, entry);
    // Its hooks at once (tests and user styles read them), hidden ones included: a card is never shown before it.
    if (this.mutes.active) entry.provisional = this.mutes.muteOf(card.id, shownTitle(entry));
    this.cardView.markRoot(entry);
    this.near.observe(card.root);
    // Asked now rather than when its control is made, so all of a pass's new cards go in one request (see setTopics).
    if (this.topics.active) this.matchEntry(entry, rawTitleOf(card));
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
      placeControl(entry);
      entry.mounted = true;
    }
    this.cardView.markRoot(entry);
    this.cardView.render(entry);
  }

  private markProvisional(entry: Entry): void {
    const mute = this.mutes.active ? this.mutes.muteOf(entry.card.id, shownTitle(entry)) : null;
    if (mute === entry.provisional) return;
    entry.provisional = mute;
    this.cardView.markTopics(entry);
    if (entry.mounted) this.cardView.render(entry);
  }

  /** Asks about the card when its topics are not those of the current topics and the title it shows now. */
  private matchIfChanged(entry: Entry): void {
    const rawTitle = rawTitleOf(entry.card); // read once: each read walks the title's text
    if (this.topics.needsMatch(entry, rawTitle)) this.matchEntry(entry, rawTitle);
  }

  /** Asks the engine about the card; with no topics left, takes its topics away at once. */
  private matchEntry(entry: Entry, rawTitle: string): void {
    if (this.topics.active) return this.topics.ask(entry, rawTitle);
    entry.topics = null;
    entry.provisional = null;
    entry.topicGen = this.topics.generation;
    entry.painted = false;
    this.highlights.clear(entry);
  }

  /** One card's answer: its hooks at once; its chips and word marks only near the viewport. */
  private applyTopics(entry: Entry, previous: CardTopicResult | null): void {
    const hiddenBefore = this.hiddenReason(entry, previous);
    entry.provisional = null; // the worker's answer replaces it
    entry.painted = false;
    const hidden = this.hiddenReason(entry);
    const near = this.near.isNear(entry.card.root);
    if (near) this.cardView.paint(entry);
    this.cardView.markTopics(entry, hidden);
    // Off screen a control shows no chips: it changes only when the card's hiding does.
    if (entry.mounted && (near || hidden !== hiddenBefore)) this.cardView.render(entry);
  }

  private unmount(entry: Entry): void {
    this.near.unobserve(entry.card.root);
    entry.view?.destroy();
    entry.host?.remove();
    this.highlights.clear(entry);
    this.entries.delete(entry.card.root);
    const root = entry.card.root;
    for (const attr of CARD_HOOKS) root.removeAttribute(attr);
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
    if (this.container) clearViewContainer(this.container);
    this.container = next;
    this.markContainer();
  }

  // ---- actions ----

  private source(): PageSource {
    return { url: this.url(), kind: this.kind };
  }

  private paperOf(entry: Entry): PaperInfo {
    this.hints ??= readHydration(this.doc);
    return extractPaper(entry.card, this.hints);
  }

  toggleSave(entry: Entry): Promise<void> {
    return this.saves.toggle(entry.card.id, () => this.paperOf(entry), this.source());
  }

  setHidden(entry: Entry, reasonWanted: HideReason | null): Promise<void> {
    return this.hides.set(entry.card.id, reasonWanted, () => shownTitle(entry), this.source());
  }
}
