/**
 * Asking the topic engine about the page's cards: which cards need asking (new topics, a changed title), one request
 * for all of them, the page's JSON shared once per pass, cards the JSON does not describe asked again with their own
 * fields, and answers for older topics or replaced cards dropped. What an answer does to the page is the
 * decorator's business (`Hooks.apply`).
 */
import { rawTitleOf, type DetectedCard } from '../../../../utils/hf/detect-cards';
import { extractPaper } from '../../../../utils/hf/extract';
import { rawHydration, type HydrationPaper } from '../../../../utils/hf/hydration';
import { pagePaperFrom } from '../../../../utils/storage/last-page-record';
import { batchSize, cardInt, type CardToMatch, type MatchedBatch } from '../../../../utils/topic-worker/protocol';
import type { Topic, TopicMatch } from '../../../../utils/topics';
import { cardTopicResult, topicMatchTemplates, type CardTopicResult } from './card-topics';
import { afterNextFrame } from '../../pipeline/schedule';
import type { TopicEngine } from './topic-engine';

/** What is tracked per card (the decorator's entries carry these; TopicRequests writes them). */
export interface AskedCard {
  card: DetectedCard;
  /** Topic result for the topics of `topicGen` and the title `topics.rawTitle`; null until matched. */
  topics: CardTopicResult | null;
  topicGen: number;
  /** The generation and raw title of the request in flight, so a card is not asked twice. */
  askedGen: number;
  askedTitle: string;
}

export interface TopicRequestHooks<E extends AskedCard> {
  /** The card is still the page's (not removed or replaced since it was asked). */
  isCurrent(card: E): boolean;
  /** The card has taken an answer for the current topics (`card.topics`); `previous` is what it had before. */
  apply(card: E, previous: CardTopicResult | null): void;
  /** A request went out / an answer was applied; `start` = when that work began (for the page's work total). */
  sent(start: number): void;
  applied(start: number): void;
  /**
   * The page's own first work is still under way (cards getting their controls): a request waits until `resume()`
   * (or HOLD_MAX_MS), so the worker's matching does not compete with it for the CPU. Measured on the 1,000-card month
   * page on 2 cores: detecting and mounting took 20–35 ms longer while the worker matched alongside, and the
   * highlights were not done any sooner.
   */
  held?(): boolean;
}

const NO_HINTS = new Map<string, HydrationPaper>();
/**
 * Answers applied per frame, each part in a task of its own after the frame is drawn. The browser restyles every
 * card whose hooks changed in the frame that follows: all of a 1,000-card page at once made one rendering task of
 * 65–80 ms; a quarter of it per frame made 35–47 ms (traced, 6 loads of the month page with 50 topics).
 */
const APPLY_PER_FRAME = 250;
/** A request waits for `resume()` at most this long: a page that keeps adding cards still gets its highlights. */
export const HOLD_MAX_MS = 1000;

export class TopicRequests<E extends AskedCard> {
  private list: Topic[] = [];
  /** One shared match object per topic (answers refer to topics by index). */
  private templates: TopicMatch[] = [];
  private gen = 0;
  private queue: E[] = [];
  /** The cards in `queue`: one asked again before the request went (new topics, a new title) goes once. */
  private queued = new Set<E>();
  private flushScheduled = false;
  private out = 0;
  /** Answers received and still being applied, frame by frame. */
  private applying = 0;
  /** The page may have new hydration JSON (read once per pass, not per request: it can be MBs). */
  private pageDirty = true;
  /** Set while a request waits for `resume()`: the timer that sends it anyway after HOLD_MAX_MS. */
  private holdTimer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor(
    private readonly doc: Document,
    private readonly engine: TopicEngine,
    private readonly hooks: TopicRequestHooks<E>,
    /** Chips per card whose matches are explained (the engine works out only those). */
    private readonly maxDetails: number,
  ) {}

  /** There are topics to match. */
  get active(): boolean {
    return this.list.length > 0;
  }

  /** Bumped by every change of topics: answers for an older one are dropped. */
  get generation(): number {
    return this.gen;
  }

  /** Cards waiting to be sent or answers not in yet. */
  get busy(): boolean {
    return this.queue.length > 0 || this.out > 0 || this.applying > 0;
  }

  setTopics(topics: Topic[]): void {
    this.list = topics;
    this.templates = topicMatchTemplates(topics);
    this.gen++;
    if (topics.length) this.engine.setTopics(this.gen, topics, this.maxDetails);
  }

  /** What held the requests back is done (see `TopicRequestHooks.held`): send what waited. */
  resume(): void {
    if (this.holdTimer === null) return;
    this.endWait();
    this.send();
  }

  /** PaperSift stops on this page: nothing waiting is sent. */
  destroy(): void {
    this.destroyed = true;
    this.endWait();
    this.queue = [];
    this.queued.clear();
  }

  /** A new pass: the page's JSON may have changed with the page. */
  pageChanged(): void {
    this.pageDirty = true;
  }

  /** The card's topics are not those of the current topics and the title it shows (`rawTitle`, its textContent). */
  needsMatch(card: E, rawTitle: string = rawTitleOf(card.card)): boolean {
    if (!this.active) return card.topics !== null;
    return card.topicGen !== this.gen || card.topics?.rawTitle !== rawTitle;
  }

  /** Asks about the card once for these topics and this title; everything asked in one task goes in one request. */
  ask(card: E, rawTitle: string): void {
    if (card.askedGen === this.gen && card.askedTitle === rawTitle) return; // already asked
    card.askedGen = this.gen;
    card.askedTitle = rawTitle;
    if (!this.queued.has(card)) {
      this.queued.add(card);
      this.queue.push(card);
    }
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  /** The cards as the engine takes them, for the options page's preview (the JSON's fields, else the card's). */
  forPreview(cards: E[]): CardToMatch[] {
    this.sharePage();
    return cards.map((c) => this.toMatch(c, false));
  }

  private sharePage(): void {
    if (!this.pageDirty) return;
    this.pageDirty = false;
    this.engine.setPage(rawHydration(this.doc));
  }

  /** What the engine needs of a card: its id and title; the card's own fields where the page JSON cannot help. */
  private toMatch(c: E, withFields: boolean): CardToMatch {
    // The raw text: the worker collapses it (reading it as the card shows it, `textOf`, costs a tree walk here).
    const card: CardToMatch = { id: c.card.id, title: c.askedTitle || rawTitleOf(c.card) };
    if (withFields || c.card.layout === 'paper') card.fields = pagePaperFrom(extractPaper(c.card, NO_HINTS));
    return card;
  }

  /** Sends what was asked, unless the page holds requests back for now (see `TopicRequestHooks.held`). */
  private flush(): void {
    this.flushScheduled = false;
    if (this.holdTimer !== null) return; // waiting already: resume() or the timer sends it
    if (this.queue.length && this.hooks.held?.()) {
      this.holdTimer = setTimeout(() => {
        this.holdTimer = null;
        this.send();
      }, HOLD_MAX_MS);
      return;
    }
    this.send();
  }

  /** One request for every card asked (`withFields`: with the cards' own fields, for those the JSON lacks). */
  private send(withFields = false): void {
    if (this.destroyed) return;
    const batch = this.queue;
    this.queue = [];
    this.queued.clear();
    if (!batch.length) return;
    const start = performance.now();
    const gen = this.gen;
    this.sharePage();
    const cards = batch.map((c) => this.toMatch(c, withFields));
    this.out++;
    this.hooks.sent(start);
    this.engine.match(gen, cards).then(
      (reply) => {
        this.out--;
        this.take(batch, cards, reply.gen, reply.batch);
      },
      (err: unknown) => {
        this.out--;
        for (const c of batch) if (c.askedGen === gen) c.askedGen = -1; // ask again on the next pass
        console.warn('[PaperSift] could not match topics on this page', err);
      },
    );
  }

  private endWait(): void {
    if (this.holdTimer !== null) clearTimeout(this.holdTimer);
    this.holdTimer = null;
  }

  /**
   * Applies the answers for cards that did not change meanwhile, APPLY_PER_FRAME of them per frame (the first at once);
   * asks again, with fields, about those the JSON lacks. Topics changed meanwhile: the rest is dropped.
   */
  private take(batch: E[], cards: CardToMatch[], gen: number, results: MatchedBatch): void {
    const n = Math.min(batch.length, batchSize(results));
    const again: E[] = [];
    let from = 0;
    const step = () => {
      if (this.destroyed) return;
      const start = performance.now();
      if (gen !== this.gen) from = n; // the topics changed meanwhile: the rest of the answer is for older ones
      const to = Math.min(n, from + APPLY_PER_FRAME);
      for (let i = from; i < to; i++) {
        const c = batch[i]!;
        if (!this.hooks.isCurrent(c) || c.card.id !== cards[i]!.id) continue;
        if (cardInt(results, i, 'needFields')) {
          if (!cards[i]!.fields) again.push(c); // the JSON does not describe it: send the card's own fields
          continue;
        }
        // A title changed since it was asked is caught by the next pass (needsMatch compares it with the result's).
        const previous = c.topics;
        c.topics = cardTopicResult(results, i, cards[i]!.title, this.templates); // the title that was matched
        c.topicGen = gen;
        this.hooks.apply(c, previous);
      }
      from = to;
      const more = from < n;
      if (more) {
        this.applying++;
        afterNextFrame(() => {
          this.applying--;
          step();
        });
      } else if (again.length && gen === this.gen) {
        this.queue.push(...again);
        this.send(true); // part of an answer: never held
      }
      this.hooks.applied(start);
    };
    step();
  }
}
