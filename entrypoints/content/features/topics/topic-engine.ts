import type { PagePaper } from '../../../../utils/storage/last-page-record';
import { failedReply, TopicWorkerCore } from '../../../../utils/topic-worker/core';
import { packBatch, type CardMatch, type CardToMatch, type FromWorker, type MatchedBatch, type ToWorker } from '../../../../utils/topic-worker/protocol';
import type { Topic } from '../../../../utils/topics/types';

/** How long a worker may take to start before the page matches in its own thread instead. */
const START_TIMEOUT_MS = 4000;
/** Cards matched per task when the page matches them itself. */
const INLINE_CHUNK = 250;

type Pending = { msg: ToWorker; resolve(reply: FromWorker): void; reject(err: Error): void };

/**
 * Topic matching for one page, in a dedicated worker so the page's main thread only reads titles and applies
 * results. The worker's script comes from the extension (`loadSource`) and runs from a blob: URL, since a page may
 * not start a worker from an extension URL. When no worker can run (no source, a CSP that forbids blob: workers,
 * a crash, no answer), the same core runs in the page, one request per task, and nothing is lost: requests still
 * waiting are sent again there.
 */
export class TopicEngine {
  private worker: Worker | null = null;
  private inline: TopicWorkerCore | null = null;
  private ready = false;
  private startTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Map<number, Pending>();
  /** Messages the worker has not taken yet (it is still starting), in order. */
  private queue: ToWorker[] = [];
  private lastTopics: ToWorker | null = null;
  private lastPage: ToWorker | null = null;
  private lastRaws: string[] = [];
  private nextReq = 1;
  private destroyed = false;
  /** Told when matching moves to the worker or into the page (for the page's diagnostics hook). */
  onMode: (mode: 'worker' | 'inline') => void = () => {};
  /** Told of main-thread work done here (reading a worker's reply copies it in), for the page's work total. */
  onWork: (start: number, phase: string) => void = () => {};

  private started = false;

  constructor(private readonly loadSource?: () => Promise<string>) {
    if (!loadSource || typeof Worker === 'undefined' || typeof Blob === 'undefined' || typeof URL.createObjectURL !== 'function') {
      this.inline = new TopicWorkerCore();
    }
  }

  /** The worker starts with the first match request: a page without topics never pays for it. */
  private start(): void {
    if (this.started || this.inline || !this.loadSource) return;
    this.started = true;
    this.startTimer = setTimeout(() => this.fallBack('the topic worker did not start'), START_TIMEOUT_MS);
    this.loadSource().then(
      (source) => {
        const start = performance.now();
        try {
          this.startWorker(source);
        } finally {
          this.onWork(start, 'match-start');
        }
      },
      (err: unknown) => this.fallBack(`no topic worker script (${String(err)})`),
    );
  }

  /** 'worker' once the worker answers, 'inline' when matching runs in the page, 'starting' before either. */
  get mode(): 'worker' | 'inline' | 'starting' | 'idle' {
    return this.inline ? 'inline' : this.ready ? 'worker' : this.started ? 'starting' : 'idle';
  }

  setTopics(gen: number, topics: Topic[], maxDetails: number): void {
    this.lastTopics = { type: 'topics', gen, topics, maxDetails };
    this.post(this.lastTopics);
  }

  /** The page's hydration texts; sent again only when one of them changed. */
  setPage(raws: string[]): void {
    if (raws.length === this.lastRaws.length && raws.every((r, i) => r === this.lastRaws[i])) return;
    this.lastRaws = raws;
    this.lastPage = { type: 'page', raws };
    this.post(this.lastPage);
  }

  async match(gen: number, cards: CardToMatch[]): Promise<{ gen: number; batch: MatchedBatch }> {
    this.start();
    const reply = await this.request({ type: 'match', req: this.nextReq++, gen, cards });
    if (reply.type !== 'matched') throw new Error(`unexpected reply ${reply.type}`);
    return reply;
  }

  async papers(cards: CardToMatch[]): Promise<Array<PagePaper | null>> {
    const msg = { type: 'papers' as const, req: this.nextReq++, cards };
    // Not worth starting a worker for: read the JSON here, in a task of its own.
    if (this.mode === 'idle') return new Promise((resolve) => setTimeout(() => resolve(this.readOnce(msg)), 0));
    const reply = await this.request(msg);
    if (reply.type !== 'papers') throw new Error(`unexpected reply ${reply.type}`);
    return reply.papers;
  }

  private readOnce(msg: Extract<ToWorker, { type: 'papers' }>): Array<PagePaper | null> {
    const core = new TopicWorkerCore();
    if (this.lastPage) core.handle(this.lastPage);
    const reply = core.handle(msg);
    return reply?.type === 'papers' ? reply.papers : msg.cards.map(() => null);
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.startTimer);
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new Error('PaperSift stopped on this page'));
    this.pending.clear();
  }

  private request(msg: Extract<ToWorker, { req: number }>): Promise<FromWorker> {
    if (this.destroyed) return Promise.reject(new Error('PaperSift stopped on this page'));
    return new Promise((resolve, reject) => {
      this.pending.set(msg.req, { msg, resolve, reject });
      this.post(msg);
    });
  }

  private post(msg: ToWorker): void {
    if (this.destroyed) return;
    if (this.inline) this.runInline(msg);
    else if (this.worker && this.ready) this.worker.postMessage(msg);
    else this.queue.push(msg);
  }

  private startWorker(source: string): void {
    if (this.destroyed || this.inline) return;
    let url = '';
    try {
      url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const worker = new Worker(url);
      worker.onmessage = (e: MessageEvent<FromWorker>) => {
        const start = performance.now();
        try {
          this.receive(e.data); // the reply is deserialised on the page's thread: part of what the page pays
        } finally {
          this.onWork(start, 'match-receive');
        }
      };
      worker.onerror = (e) => {
        e.preventDefault();
        this.fallBack(`the topic worker failed: ${e.message || 'blocked or crashed'}`);
      };
      worker.onmessageerror = () => this.fallBack('a topic worker message could not be read');
      this.worker = worker;
    } catch (err) {
      this.fallBack(`no topic worker on this page (${String(err)})`);
    } finally {
      // The worker has fetched its script by the time it runs; the URL is not needed after that.
      if (url) setTimeout(() => URL.revokeObjectURL(url), START_TIMEOUT_MS);
    }
  }

  private receive(reply: FromWorker): void {
    if (reply.type === 'ready') {
      clearTimeout(this.startTimer);
      this.ready = true;
      const queued = this.queue;
      this.queue = [];
      for (const msg of queued) this.worker!.postMessage(msg);
      this.onMode('worker');
      return;
    }
    const p = this.pending.get(reply.req);
    if (!p) return;
    this.pending.delete(reply.req);
    if (reply.type === 'failed') p.reject(new Error(reply.error));
    else p.resolve(reply);
  }

  /** From now on the page matches in its own thread; what the worker had not answered is asked again. */
  private fallBack(why: string): void {
    if (this.inline || this.destroyed) return;
    console.info(`[PaperSift] matching topics in the page: ${why}`);
    clearTimeout(this.startTimer);
    this.worker?.terminate();
    this.worker = null;
    this.ready = false;
    this.queue = [];
    this.inline = new TopicWorkerCore();
    if (this.lastTopics) this.runInline(this.lastTopics);
    if (this.lastPage) this.runInline(this.lastPage);
    for (const p of [...this.pending.values()].sort((a, b) => reqOf(a.msg) - reqOf(b.msg))) this.runInline(p.msg);
    this.onMode('inline');
  }

  /**
   * One task per message, and a long match request in tasks of INLINE_CHUNK cards, so a long page is matched in
   * pieces between which the page stays responsive. (A worker takes a whole page at once: one answer, applied once.)
   */
  private runInline(msg: ToWorker): void {
    const core = this.inline!;
    if (msg.type === 'topics' || msg.type === 'page') {
      core.reply(msg); // cheap: the JSON is parsed when first needed
      return;
    }
    if (msg.type === 'match' && msg.cards.length > INLINE_CHUNK) {
      this.matchInlineInSteps(core, msg);
      return;
    }
    setTimeout(() => {
      if (this.destroyed) return;
      const reply = core.reply(msg);
      if (reply) this.receive(reply);
    }, 0);
  }

  private matchInlineInSteps(core: TopicWorkerCore, msg: Extract<ToWorker, { type: 'match' }>): void {
    const found: CardMatch[] = [];
    const step = (from: number) =>
      setTimeout(() => {
        if (this.destroyed) return;
        try {
          found.push(...core.matchCards(msg.gen, msg.cards.slice(from, from + INLINE_CHUNK)));
        } catch (err) {
          return this.receive(failedReply(msg.req, err));
        }
        // Topics changed between two steps: what was matched is for the old ones, and is answered as nothing.
        const stale = core.generation !== msg.gen;
        if (!stale && from + INLINE_CHUNK < msg.cards.length) return step(from + INLINE_CHUNK);
        this.receive({ type: 'matched', req: msg.req, gen: core.generation, batch: packBatch(stale ? [] : found) });
      }, 0);
    step(0);
  }
}

const reqOf = (msg: ToWorker) => ('req' in msg ? msg.req : 0);
