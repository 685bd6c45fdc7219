/**
 * Messages between the content script and the topic worker, which matches cards off the page's main thread.
 * Everything is structured-cloned, so replies are kept compact: topics travel as indexes into the list last sent.
 */
import type { PagePaper } from '../storage/last-page-record';
import type { Topic } from '../topics/types';

/** A card to match: its id and the title it shows. `fields` only when the page's JSON cannot describe it. */
export interface CardToMatch {
  id: string;
  /** The title element's text as is (`textContent`): the worker collapses its whitespace, off the page's thread. */
  title: string;
  fields?: PagePaper;
}

export type ToWorker =
  /** New topics (generation `gen`); `maxDetails` = how many chips per card explain their matches. */
  | { type: 'topics'; gen: number; topics: Topic[]; maxDetails: number }
  /** The page's raw hydration texts (`data-props`), parsed in the worker. */
  | { type: 'page'; raws: string[] }
  | { type: 'match'; req: number; gen: number; cards: CardToMatch[] }
  /** The fields of these cards as the JSON describes them (for the options page's preview). */
  | { type: 'papers'; req: number; cards: CardToMatch[] };

/** Field codes in `CardMatch.spans`. */
export const SPAN_FIELD = { title: 0, abstract: 1 } as const;

/** Plain numbers while a card is worked out; views into its batch's buffer once read back. */
export type IntList = readonly number[] | Int32Array;

/** What the worker found for one card (its side of the wire; replies carry these as a MatchedBatch). */
export interface CardMatch {
  /** No JSON entry has this card's title: send it again with `fields`. */
  needFields?: true;
  /** Every matched topic (both modes) as an index into the topic list, strongest first. */
  topics: IntList;
  /** What every card needs at once, worked out here so the page only copies it onto the card: the highlighted
   *  topics' names comma-separated, strongest first (the `data-papersift-topics` value; the first one's colour is
   *  the card's ring), and the strongest muted topic's index (-1 = none). */
  names: string | null;
  mute: number;
  /** For the highlighted topics in `topics` order: what matched where (the first `maxDetails` only). */
  details: string[];
  /** Title and abstract hits of highlighted topics, flat: topic index, SPAN_FIELD, start, end; … */
  spans: IntList;
  /** Length of the abstract matched, so abstract spans are used only on a shown abstract of the same text. */
  abstractLength: number;
}

/**
 * The answers for a batch of cards, in the order they were asked, as columns: a structured clone copies a typed array
 * in one go and a few strings cheaply, where a thousand small objects are copied field by field (measured: that was
 * most of what a 1,000-card reply cost the page). Read with `cardNames` / `cardInt` or `readCard`.
 */
export interface MatchedBatch {
  /** CARD_STRIDE ints per card, at the offsets of CARD_FIELD. */
  cards: Int32Array;
  /** The distinct `data-papersift-topics` values: most cards share a handful of them. */
  names: string[];
  topics: Int32Array;
  spans: Int32Array;
  details: string[];
}

/** Offsets in a card's row of `MatchedBatch.cards`; lists end where the card's `*End` says and start where the previous card's ended. */
export const CARD_FIELD = { names: 0, mute: 1, needFields: 2, abstractLength: 3, topicsEnd: 4, spansEnd: 5, detailsEnd: 6 } as const;
export const CARD_STRIDE = 7;

export function batchSize(batch: MatchedBatch): number {
  return batch.cards.length / CARD_STRIDE;
}

/** One field of card `i`'s row. */
export function cardInt(batch: MatchedBatch, i: number, field: keyof typeof CARD_FIELD): number {
  return batch.cards[i * CARD_STRIDE + CARD_FIELD[field]]!;
}

export function cardNames(batch: MatchedBatch, i: number): string | null {
  return batch.names[cardInt(batch, i, 'names')] ?? null;
}

/** Card `i`'s slice of one of the flat lists. */
function listOf<T extends Int32Array | string[]>(batch: MatchedBatch, i: number, list: T, end: 'topicsEnd' | 'spansEnd' | 'detailsEnd'): T {
  const from = i === 0 ? 0 : cardInt(batch, i - 1, end);
  return (list instanceof Int32Array ? list.subarray(from, cardInt(batch, i, end)) : list.slice(from, cardInt(batch, i, end))) as T;
}

/** Everything about card `i` (for what only some cards need: chips, word marks, counts). */
export function readCard(batch: MatchedBatch, i: number): CardMatch {
  const card: CardMatch = {
    topics: listOf(batch, i, batch.topics, 'topicsEnd'),
    names: cardNames(batch, i),
    mute: cardInt(batch, i, 'mute'),
    details: listOf(batch, i, batch.details, 'detailsEnd'),
    spans: listOf(batch, i, batch.spans, 'spansEnd'),
    abstractLength: cardInt(batch, i, 'abstractLength'),
  };
  if (cardInt(batch, i, 'needFields')) card.needFields = true;
  return card;
}

/** Builds a MatchedBatch card by card (in the worker). */
export function packBatch(cards: CardMatch[]): MatchedBatch {
  const rows = new Int32Array(cards.length * CARD_STRIDE);
  const nameIndex = new Map<string, number>();
  const names: string[] = [];
  const topics: number[] = [];
  const spans: number[] = [];
  const details: string[] = [];
  cards.forEach((c, i) => {
    let n = -1;
    if (c.names !== null) {
      n = nameIndex.get(c.names) ?? -1;
      if (n < 0) nameIndex.set(c.names, (n = names.push(c.names) - 1));
    }
    for (let k = 0; k < c.topics.length; k++) topics.push(c.topics[k]!);
    for (let k = 0; k < c.spans.length; k++) spans.push(c.spans[k]!);
    details.push(...c.details);
    rows.set([n, c.mute, c.needFields ? 1 : 0, c.abstractLength, topics.length, spans.length, details.length], i * CARD_STRIDE);
  });
  return { cards: rows, names, topics: Int32Array.from(topics), spans: Int32Array.from(spans), details };
}

export type FromWorker =
  /** Sent once the worker's script runs: until then the content script cannot tell a slow start from a blocked one. */
  | { type: 'ready' }
  | { type: 'matched'; req: number; gen: number; batch: MatchedBatch }
  | { type: 'papers'; req: number; papers: Array<PagePaper | null> }
  | { type: 'failed'; req: number; error: string };
