/*
 * Over 300 lines on purpose: the term kinds (words, phrases, prefixes, regexes, exclusions) share the index built
 * here, and matching them in one pass per field is what keeps 500 terms as cheap as one.
 */
/**
 * The compiled matcher: built once per change of topics, then used for every card.
 *
 * Each field is normalised and tokenised once; every word is looked up in hash tables built here, so the
 * cost per field does not grow with the number of terms:
 * - word and phrase terms are indexed by every text word their first word accepts (plurals and
 *   possessives expanded here, plural.ts), so a token needs one probe; the rest of a phrase is checked
 *   against the following tokens only when the first word hits;
 * - prefix terms (`ensembl*`) are grouped by their first two letters (prefix-index.ts);
 * - tokens are hashed while tokenising and probed in place (key-table.ts): no substring or object is made
 *   for a token that hits nothing, and offsets are mapped back only for hits;
 * - regex terms (rare, validated by regex-safety.ts) are the only per-term scans.
 */
import { applyExclusions, type Span } from './exclusions';
import { fieldText } from './fields';
import { KeyTable } from './key-table';
import { cleanForRegex, normaliseForMatching, toOriginalRange, type MappedText } from './normalise';
import { wordsMatchingKeys } from './plural';
import { matchesPrefix, PrefixIndex } from './prefix-index';
import { scanRegex } from './regex-scan';
import { compareHits, HitScorer } from './score';
import { parseTerm, type Atom } from './term-syntax';
import { isSoftGap, TokenSpans, tokenSpans } from './tokenize';
import {
  ALL_TOPIC_FIELDS,
  type CompiledMatcher,
  type MatchableText,
  type RefusedTerm,
  type TermHit,
  type Topic,
  type TopicField,
  type TopicMatch,
} from './types';

const FIELD_BIT: Readonly<Record<TopicField, number>> = { title: 1, abstract: 2, keywords: 4, authors: 8, organization: 16 };

/** Fields a topic watches: all of them when the list is missing or empty. */
export function topicFields(topic: Pick<Topic, 'fields'>): readonly TopicField[] {
  return topic.fields && topic.fields.length > 0 ? topic.fields : ALL_TOPIC_FIELDS;
}

function fieldMask(topic: Topic): number {
  return topicFields(topic).reduce((mask, f) => mask | FIELD_BIT[f], 0);
}

/** What a hit of a term records: shared by word, phrase, prefix and regex terms. */
interface TermRef {
  topic: number;
  fieldMask: number;
  source: string;
  /** One id per distinct source, for scoring (HitScorer). */
  termId: number;
  exclusion: boolean;
}

/**
 * An atom as the matcher checks it: a word atom carries every text word it accepts (its plurals and
 * possessives included, see wordsMatchingKeys), so checking a token is one table probe.
 */
type MatchAtom = { kind: 'word'; accepts: KeyTable<true> } | { kind: 'prefix'; prefix: string };

interface WordsEntry extends TermRef {
  id: number;
  /** The atoms after the first (which the index lookup matches), checked by matchRest. */
  rest: MatchAtom[];
  /** gaps[a] is what must separate atom a-1 and atom a (see WordsTerm). */
  gaps: Array<string | null>;
}

interface RegexEntry extends TermRef {
  regex: RegExp;
}

/**
 * The terms whose first atom is one text word. When many phrases share that word ("attention"), those
 * whose second atom is a word are keyed again by the words it accepts: one probe of the next token
 * instead of one phrase check per term.
 */
interface FirstWord {
  /** Checked one by one: single words, and the phrases not in bySecond. */
  entries: WordsEntry[];
  bySecond: KeyTable<WordsEntry[]> | null;
}

/** Phrases sharing a first word below this count are just checked one by one (fewer tables to build). */
const BY_SECOND_MIN = 4;

/** A FirstWord while compiling: phrases (second atom a word) come with the words their second atom accepts. */
interface FirstWordDraft {
  entries: WordsEntry[];
  phrases: Array<[WordsEntry, string[]]>;
}

/** Index contents while compiling; frozen into tables at the end of the constructor. */
interface IndexBuilder {
  /**
   * Per term word that starts a term: the terms, and every text word it accepts. Kept per term word rather than per
   * text word: a word accepts five or so text words (plurals, possessives), and a 5,000-term topic made 27,000 drafts.
   */
  starts: Map<string, { draft: FirstWordDraft; accepts: string[] }>;
  prefixes: Map<string, WordsEntry[]>;
  forms: WordForms;
}

const byEntryId = (a: WordsEntry, b: WordsEntry) => a.id - b.id;

/** Text word → the terms it starts, for the word table: one frozen FirstWord per term word, shared by its text words. */
function firstWordTable(starts: IndexBuilder['starts']): Array<[string, FirstWord]> {
  const byText = new Map<string, FirstWordDraft | FirstWordDraft[]>();
  for (const { draft, accepts } of starts.values()) {
    for (const text of accepts) {
      const seen = byText.get(text);
      if (seen === undefined) byText.set(text, draft);
      else if (Array.isArray(seen)) seen.push(draft);
      else byText.set(text, [seen, draft]);
    }
  }
  const frozen = new Map<FirstWordDraft, FirstWord>();
  const freeze = (draft: FirstWordDraft) => {
    let first = frozen.get(draft);
    if (!first) frozen.set(draft, (first = freezeFirstWord(draft)));
    return first;
  };
  // A text word two term words accept ("boxes": "box" and "boxes") takes the terms of both, in the order they were added.
  const merged = (drafts: FirstWordDraft[]): FirstWord =>
    freezeFirstWord({
      entries: drafts.flatMap((d) => d.entries).sort(byEntryId),
      phrases: drafts.flatMap((d) => d.phrases).sort((a, b) => byEntryId(a[0], b[0])),
    });
  return Array.from(byText, ([text, d]): [string, FirstWord] => [text, Array.isArray(d) ? merged(d) : freeze(d)]);
}

function freezeFirstWord({ entries, phrases }: FirstWordDraft): FirstWord {
  if (phrases.length < BY_SECOND_MIN) return { entries: [...entries, ...phrases.map(([entry]) => entry)], bySecond: null };
  const bySecond = new Map<string, WordsEntry[]>();
  for (const [entry, nextWords] of phrases) for (const next of nextWords) pushTo(bySecond, next, entry);
  return { entries, bySecond: new KeyTable(bySecond) };
}

/** Per term word, the text words it accepts and their table, built once per compile (terms share words). */
class WordForms {
  private readonly words = new Map<string, string[]>();
  private readonly tables = new Map<string, KeyTable<true>>();

  /** Every text word a word atom accepts; null for a prefix atom. */
  accepted(atom: Atom): string[] | null {
    if (atom.kind === 'prefix') return null;
    let words = this.words.get(atom.word);
    if (!words) this.words.set(atom.word, (words = wordsMatchingKeys(atom.keys)));
    return words;
  }

  toMatchAtom(atom: Atom): MatchAtom {
    if (atom.kind === 'prefix') return atom;
    let accepts = this.tables.get(atom.word);
    if (!accepts) this.tables.set(atom.word, (accepts = new KeyTable(this.accepted(atom)!.map((w): [string, true] => [w, true]))));
    return { kind: 'word', accepts };
  }
}

class TopicMatcher implements CompiledMatcher {
  readonly refused: RefusedTerm[] = [];
  readonly topicCount: number;
  termCount = 0;

  /** Every text word that is a first word of some term (plural forms included) → those terms. */
  private readonly wordTable: KeyTable<FirstWord>;
  /** Prefix of a prefix term's first atom → those terms. */
  private readonly prefixIndex: PrefixIndex<WordsEntry[]>;
  private readonly entries: WordsEntry[] = [];
  private readonly regexEntries: RegexEntry[] = [];
  private readonly watchedFields: number;
  private readonly wordFields: number;
  private readonly regexFields: number;
  private readonly termIds = new Map<string, number>();
  private readonly scorer: HitScorer;

  // Scratch state for match(). Stamps (one per scanned field) avoid clearing arrays.
  private readonly spans = new TokenSpans();
  private fieldStamp = 0;
  private readonly blockedIn: Float64Array;
  private readonly blockedUntil: Int32Array;
  /** Hits so far per topic in the current match() call, fields in ALL_TOPIC_FIELDS order. */
  private hitsOf: Array<TermHit[] | undefined> = [];
  /** The term id of each hit in hitsOf, index for index. */
  private idsOf: number[][] = [];
  /** Per topic: where the current field's hits start in hitsOf[t] (valid when hitStamp[t] = fieldStamp). */
  private readonly hitStamp: Float64Array;
  private readonly fieldStart: Int32Array;
  /** Per topic: exclusion spans found in the current field, and the topics that have some. */
  private readonly exclusionStamp: Float64Array;
  private readonly exclusionsOf: Span[][] = [];
  private readonly excludedTopics: number[] = [];

  constructor(private readonly topics: readonly Topic[]) {
    this.topicCount = topics.length;
    const index: IndexBuilder = { starts: new Map(), prefixes: new Map(), forms: new WordForms() };
    let watched = 0;
    topics.forEach((topic, t) => {
      const mask = fieldMask(topic);
      watched |= mask;
      for (const term of topic.terms ?? []) this.add(index, topic, t, mask, term, false);
      for (const term of topic.exclusions ?? []) this.add(index, topic, t, mask, term, true); // tolerate old records
    });
    this.watchedFields = watched;
    this.wordFields = this.entries.reduce((mask, e) => mask | e.fieldMask, 0);
    this.regexFields = this.regexEntries.reduce((mask, e) => mask | e.fieldMask, 0);
    this.wordTable = new KeyTable(firstWordTable(index.starts));
    this.prefixIndex = new PrefixIndex(index.prefixes);
    this.scorer = new HitScorer(this.termIds.size);
    this.blockedIn = new Float64Array(this.entries.length);
    this.blockedUntil = new Int32Array(this.entries.length);
    this.hitStamp = new Float64Array(topics.length);
    this.fieldStart = new Int32Array(topics.length);
    this.exclusionStamp = new Float64Array(topics.length);
  }

  private add(index: IndexBuilder, topic: Topic, t: number, mask: number, raw: string, exclusion: boolean): void {
    const parsed = parseTerm(raw);
    if (!parsed.ok) {
      this.refused.push({ topicId: topic.id, term: raw, reason: exclusion ? `exclusion: ${parsed.reason}` : parsed.reason });
      return;
    }
    if (!exclusion) this.termCount++;
    const term = parsed.term;
    let termId = this.termIds.get(raw);
    if (termId === undefined) this.termIds.set(raw, (termId = this.termIds.size));
    if (term.kind === 'regex') {
      this.regexEntries.push({ topic: t, fieldMask: mask, source: raw, termId, exclusion, regex: term.regex });
      return;
    }
    const accepted = term.atoms.map((atom) => index.forms.accepted(atom));
    const entry: WordsEntry = {
      id: this.entries.length,
      topic: t,
      fieldMask: mask,
      source: raw,
      termId,
      exclusion,
      rest: term.atoms.slice(1).map((atom) => index.forms.toMatchAtom(atom)),
      gaps: term.gaps,
    };
    this.entries.push(entry);
    const [first, second] = accepted;
    if (first) {
      const word = (term.atoms[0] as Atom & { kind: 'word' }).word;
      let start = index.starts.get(word);
      if (!start) index.starts.set(word, (start = { draft: { entries: [], phrases: [] }, accepts: first }));
      if (second) start.draft.phrases.push([entry, second]);
      else start.draft.entries.push(entry);
    } else {
      pushTo(index.prefixes, (term.atoms[0] as Atom & { kind: 'prefix' }).prefix, entry);
    }
  }

  match(paper: MatchableText): TopicMatch[] {
    const hitsOf: Array<TermHit[] | undefined> = (this.hitsOf = []);
    const idsOf: number[][] = (this.idsOf = []);
    for (const field of ALL_TOPIC_FIELDS) {
      const bit = FIELD_BIT[field];
      if (!(this.watchedFields & bit)) continue;
      const original = fieldText(paper, field);
      if (original === '') continue;
      this.fieldStamp++;
      if (this.wordFields & bit) this.scanWords(original, field, bit);
      if (this.regexFields & bit) this.scanRegexes(original, field, bit);
      if (this.excludedTopics.length > 0) this.applyFieldExclusions();
    }
    this.hitsOf = [];
    this.idsOf = [];
    return this.collect(hitsOf, idsOf);
  }

  private collect(hitsOf: Array<TermHit[] | undefined>, idsOf: number[][]): TopicMatch[] {
    const ranked: RankedMatch[] = [];
    for (let t = 0; t < hitsOf.length; t++) {
      const hits = hitsOf[t];
      if (!hits || hits.length === 0) continue;
      const topic = this.topics[t]!;
      const score = this.scorer.score(hits, idsOf[t]!); // before sorting: ids follow the hits' order
      // Hits arrive nearly in order (fields in order, tokens left to right): sort only when needed.
      if (!isSorted(hits)) hits.sort(compareHits);
      const match: TopicMatch = { topicId: topic.id, name: topic.name, colour: topic.colour, mode: topic.mode, score, hits };
      insertRanked(ranked, { match, distinct: this.scorer.distinct });
    }
    return ranked.map((r) => r.match);
  }

  /**
   * Tokenises the normalised field once; each token costs one word-table probe with the hash the
   * tokenizer took, plus one array read for prefix terms, without slicing the token out.
   */
  private scanWords(original: string, field: TopicField, bit: number): void {
    const mapped = normaliseForMatching(original);
    const text = mapped.text;
    const { count, starts, ends, hashes } = tokenSpans(text, this.spans);
    for (let i = 0; i < count; i++) {
      const start = starts[i]!;
      const end = ends[i]!;
      const first = this.wordTable.find(text, start, end, hashes[i]!);
      if (first) {
        if (first.entries.length > 0) this.tryEntries(first.entries, i, bit, field, mapped);
        const next = i + 1 < count && first.bySecond?.find(text, starts[i + 1]!, ends[i + 1]!, hashes[i + 1]!);
        if (next) this.tryEntries(next, i, bit, field, mapped);
      }
      const bucket = this.prefixIndex.candidates(text, start, end);
      if (bucket) {
        const { prefixes, values } = bucket;
        for (let k = 0; k < prefixes.length; k++) {
          if (matchesPrefix(prefixes[k]!, text, start, end)) this.tryEntries(values[k]!, i, bit, field, mapped);
        }
      }
    }
  }

  /** Terms whose first atom matched token i: check the rest of the phrase and record the hit. */
  private tryEntries(list: WordsEntry[], i: number, bit: number, field: TopicField, mapped: MappedText): void {
    for (const entry of list) {
      if (!(entry.fieldMask & bit)) continue;
      const id = entry.id;
      // Hits of one term never overlap (as with a global regex scan).
      if (this.blockedIn[id] === this.fieldStamp && i <= this.blockedUntil[id]!) continue;
      const last = entry.rest.length === 0 ? i : this.matchRest(entry, i, mapped.text);
      if (last < 0) continue;
      this.blockedIn[id] = this.fieldStamp;
      this.blockedUntil[id] = last;
      const [start, end] = toOriginalRange(mapped, this.spans.starts[i]!, this.spans.ends[last]!);
      this.record(entry, field, start, end);
    }
  }

  /** Index of the last token of the phrase starting at token i, or -1. The first atom already matched. */
  private matchRest(entry: WordsEntry, i: number, text: string): number {
    const { rest, gaps } = entry;
    const { count, starts, ends, hashes } = this.spans;
    for (let a = 1; a <= rest.length; a++) {
      const j = i + a;
      if (j >= count) return -1;
      const gapStart = ends[j - 1]!;
      const gapEnd = starts[j]!;
      const gap = gaps[a]!;
      if (gap === null) {
        if (!isSoftGap(text, gapStart, gapEnd)) return -1;
      } else if (gapEnd - gapStart !== gap.length || !text.startsWith(gap, gapStart)) {
        return -1;
      }
      const atom = rest[a - 1]!;
      const start = starts[j]!;
      const end = ends[j]!;
      if (atom.kind === 'prefix') {
        if (!matchesPrefix(atom.prefix, text, start, end)) return -1;
      } else if (atom.accepts.find(text, start, end, hashes[j]!) === undefined) {
        return -1;
      }
    }
    return i + rest.length;
  }

  private scanRegexes(original: string, field: TopicField, bit: number): void {
    let cleaned: MappedText | null = null;
    for (const entry of this.regexEntries) {
      if (!(entry.fieldMask & bit)) continue;
      cleaned ??= cleanForRegex(original);
      for (const [s, e] of scanRegex(entry.regex, cleaned.text)) {
        const [start, end] = toOriginalRange(cleaned, s, e);
        this.record(entry, field, start, end);
      }
    }
  }

  /** Adds a term hit to its topic, or an exclusion span to the topic's spans for this field. */
  private record(ref: TermRef, field: TopicField, start: number, end: number): void {
    const t = ref.topic;
    if (ref.exclusion) {
      if (this.exclusionStamp[t] !== this.fieldStamp) {
        this.exclusionStamp[t] = this.fieldStamp;
        this.exclusionsOf[t] = [];
        this.excludedTopics.push(t);
      }
      this.exclusionsOf[t]!.push({ start, end });
      return;
    }
    let hits = this.hitsOf[t];
    if (!hits) {
      this.hitsOf[t] = hits = [];
      this.idsOf[t] = [];
    }
    if (this.hitStamp[t] !== this.fieldStamp) {
      this.hitStamp[t] = this.fieldStamp;
      this.fieldStart[t] = hits.length;
    }
    hits.push({ term: ref.source, field, start, end });
    this.idsOf[t]!.push(ref.termId);
  }

  /** Exclusions veto hits of their own topic and field only (see applyExclusions). */
  private applyFieldExclusions(): void {
    for (const t of this.excludedTopics) {
      const hits = this.hitsOf[t];
      if (!hits || this.hitStamp[t] !== this.fieldStamp) continue; // no hits in this field: nothing to veto
      const from = this.fieldStart[t]!;
      const kept = applyExclusions(hits.slice(from), this.exclusionsOf[t]!);
      // kept is a subsequence of the field's hits: compact hits and their ids together.
      const ids = this.idsOf[t]!;
      let to = from;
      for (let k = from, next = 0; k < hits.length && next < kept.length; k++) {
        if (hits[k] !== kept[next]) continue;
        hits[to] = hits[k]!;
        ids[to++] = ids[k]!;
        next++;
      }
      hits.length = ids.length = to;
    }
    this.excludedTopics.length = 0;
  }
}

function isSorted(hits: TermHit[]): boolean {
  for (let k = 1; k < hits.length; k++) if (compareHits(hits[k - 1]!, hits[k]!) > 0) return false;
  return true;
}

/** A match with its distinct-term count, so ranking does not recount terms per comparison. */
interface RankedMatch {
  match: TopicMatch;
  distinct: number;
}

/** compareMatches (score.ts) < 0, with the precomputed distinct-term counts. */
function ranksBefore(a: RankedMatch, b: RankedMatch): boolean {
  return (b.match.score - a.match.score || b.match.hits.length - a.match.hits.length || b.distinct - a.distinct) < 0;
}

/**
 * Insertion into compareMatches order. Topics arrive in their own order and an equal match goes after
 * the ones already there, so ties keep the topics' order, as the stable sort in naiveMatch does.
 */
function insertRanked(ranked: RankedMatch[], item: RankedMatch): void {
  let k = ranked.length;
  ranked.push(item);
  while (k > 0 && ranksBefore(item, ranked[k - 1]!)) {
    ranked[k] = ranked[k - 1]!;
    k--;
  }
  ranked[k] = item;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Compiles topics once; call again whenever topics change. Bad terms are skipped and listed in `refused`. */
export function compileTopics(topics: Topic[]): CompiledMatcher {
  return new TopicMatcher(topics);
}
