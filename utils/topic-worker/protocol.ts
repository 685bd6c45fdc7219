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

export interface CardMatch {
  id: string;
  /** The title that was matched (whitespace collapsed), to check the card still shows it before marking words. */
  title: string;
  /** No JSON entry has this card's title: send it again with `fields`. */
  needFields?: true;
  /** Every matched topic (both modes) as an index into the topic list, strongest first. */
  topics: number[];
  /** What every card needs at once, worked out here so the page only copies it onto the card: the highlighted
   *  topics' names comma-separated, the strongest one's id (its accent), the strongest muted topic's name. */
  names: string | null;
  accent: string | null;
  mute: string | null;
  /** For the highlighted topics in `topics` order: what matched where (first `maxDetails`, '' after). */
  details: string[];
  /** Title and abstract hits of highlighted topics, flat: topic index, SPAN_FIELD, start, end; … */
  spans: number[];
  /** Length of the abstract matched, so abstract spans are used only on a shown abstract of the same text. */
  abstractLength: number;
}

export type FromWorker =
  /** Sent once the worker's script runs: until then the content script cannot tell a slow start from a blocked one. */
  | { type: 'ready' }
  | { type: 'matched'; req: number; gen: number; results: CardMatch[] }
  | { type: 'papers'; req: number; papers: Array<PagePaper | null> }
  | { type: 'failed'; req: number; error: string };
