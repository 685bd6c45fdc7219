/**
 * The topic worker's logic, with no browser API: it keeps the compiled topics and the page's JSON hints, and
 * answers match requests with compact results. The worker entrypoint wires it to `postMessage`; the content
 * script runs the same code in the page when a worker cannot be started (e.g. a page CSP forbids blob: workers).
 */
import { describeHits, highlightMatches } from '../topics/describe';
import { hintsFromRaw, matchableFromHint, type HydrationPaper } from '../hf/hydration';
import { collapse } from '../hf/text';
import type { PagePaper } from '../storage/last-page-record';
import { compileTopics } from '../topics/compile';
import { fieldText } from '../topics/fields';
import type { CompiledMatcher, MatchableText } from '../topics/types';
import { packBatch, SPAN_FIELD, type CardMatch, type CardToMatch, type FromWorker, type ToWorker } from './protocol';

/** The answer to a request that threw. */
export function failedReply(req: number, err: unknown): FromWorker {
  return { type: 'failed', req, error: err instanceof Error ? err.message : String(err) };
}

export class TopicWorkerCore {
  private matcher: CompiledMatcher | null = null;
  private indexOf = new Map<string, number>();
  private gen = -1;
  private maxDetails = 3;
  private raws: string[] = [];
  private hints: Map<string, HydrationPaper> | null = null;

  /** Like handle, but a request that throws is answered `failed`: the sender's promise settles whatever happens. */
  reply(msg: ToWorker): FromWorker | null {
    try {
      return this.handle(msg);
    } catch (err) {
      return 'req' in msg ? failedReply(msg.req, err) : null;
    }
  }

  /** The generation of the topics held (see `topics` messages). */
  get generation(): number {
    return this.gen;
  }

  /** The cards' matches for the topics of generation `gen`; none when the topics changed since (the sender drops them). */
  matchCards(gen: number, cards: CardToMatch[]): CardMatch[] {
    return gen === this.gen ? cards.map((c) => this.matchOne(c)) : [];
  }

  handle(msg: ToWorker): FromWorker | null {
    switch (msg.type) {
      case 'topics':
        this.gen = msg.gen;
        this.maxDetails = msg.maxDetails;
        this.matcher = compileTopics(msg.topics);
        this.indexOf = new Map(msg.topics.map((t, i) => [t.id, i]));
        return null;
      case 'page':
        this.raws = msg.raws;
        this.hints = null; // parsed when first needed
        return null;
      case 'match':
        // A request for topics we no longer have is answered empty; the sender drops it by its generation.
        return { type: 'matched', req: msg.req, gen: this.gen, batch: packBatch(this.matchCards(msg.gen, msg.cards)) };
      case 'papers':
        return { type: 'papers', req: msg.req, papers: msg.cards.map((c) => c.fields ?? this.fromHint(c)) };
    }
  }

  private hintMap(): Map<string, HydrationPaper> {
    this.hints ??= hintsFromRaw(this.raws);
    return this.hints;
  }

  /** What the matcher reads for a card, from the JSON entry with the card's title; null when there is none. */
  private fromHint(card: CardToMatch): PagePaper | null {
    return matchableFromHint(card.id, collapse(card.title), this.hintMap()) ?? null;
  }

  private matchOne(card: CardToMatch): CardMatch {
    const topics: number[] = [];
    const spans: number[] = [];
    const result: CardMatch = { topics, names: null, mute: -1, details: [], spans, abstractLength: 0 };
    const paper: MatchableText | null = card.fields ?? this.fromHint(card);
    if (!paper) {
      result.needFields = true;
      return result;
    }
    if (!this.matcher) return result;
    const matches = this.matcher.match(paper);
    for (const m of matches) topics.push(this.indexOf.get(m.topicId) ?? -1);
    const highlighted = highlightMatches(matches);
    if (highlighted.length) result.names = highlighted.map((m) => m.name).join(',');
    const mute = matches.find((m) => m.mode === 'mute');
    if (mute) result.mute = this.indexOf.get(mute.topicId) ?? -1;
    highlighted.forEach((m, i) => {
      if (i < this.maxDetails) result.details.push(describeHits(m, (field) => fieldText(paper, field)));
      const topic = this.indexOf.get(m.topicId) ?? -1;
      for (const hit of m.hits) {
        if (hit.field === 'title' || hit.field === 'abstract') spans.push(topic, SPAN_FIELD[hit.field], hit.start, hit.end);
      }
    });
    result.abstractLength = paper.abstract?.length ?? 0;
    return result;
  }
}
