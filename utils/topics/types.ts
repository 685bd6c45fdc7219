/** Topic model and matcher result types. Pure data: no DOM, no browser API. */

export type TopicField = 'title' | 'abstract' | 'keywords' | 'authors' | 'organization';

/** Every field, in the order hits are reported. A topic without fields watches all of them. */
export const ALL_TOPIC_FIELDS: readonly TopicField[] = ['title', 'abstract', 'keywords', 'authors', 'organization'];

export interface Topic {
  id: string;
  name: string;
  /** `#rrggbb`, normally from TOPIC_PALETTE. */
  colour: string;
  /** Words, phrases (`world model` or `"world model"`), prefixes (`ensembl*`) or `/regex/flags`. */
  terms: string[];
  /** Same syntax as terms; see applyExclusions for how they veto hits. */
  exclusions: string[];
  fields: TopicField[];
  mode: 'highlight' | 'mute';
  createdAt: number;
}

export interface MatchableText {
  title?: string;
  abstract?: string;
  keywords?: string[];
  authors?: string[];
  organization?: string;
}

/**
 * One matched term occurrence. `start`/`end` are UTF-16 offsets into the ORIGINAL field string, so
 * `original.slice(start, end)` is the text as written. For `keywords` and `authors` the field string is
 * the list joined with FIELD_JOINER (see fieldText).
 */
export interface TermHit {
  term: string;
  field: TopicField;
  start: number;
  end: number;
}

export interface TopicMatch {
  topicId: string;
  name: string;
  colour: string;
  mode: 'highlight' | 'mute';
  /** Weighted hit count (see FIELD_WEIGHTS / scoreHits); higher is stronger. */
  score: number;
  /** Sorted by field (ALL_TOPIC_FIELDS order), then start offset. */
  hits: TermHit[];
}

export interface RefusedTerm {
  topicId: string;
  /** The term or exclusion as the topic spells it. */
  term: string;
  reason: string;
}

export interface CompiledMatcher {
  /** Matches one paper; results sorted strongest first. Topics without surviving hits are left out. */
  match(paper: MatchableText): TopicMatch[];
  readonly topicCount: number;
  /** Accepted terms (not exclusions) over all topics. */
  readonly termCount: number;
  /** Terms and exclusions that were not compiled, with the reason. */
  readonly refused: RefusedTerm[];
}
