/**
 * The compiled matcher: built once per change of topics, then used for every card.
 *
 * Each field is normalised and tokenised once; every word is looked up in hash maps built here, so the
 * cost per field does not grow with the number of terms:
 * - word and phrase terms are indexed by the lookup keys (plural.ts) of their first word; the rest of a
 *   phrase is checked against the following tokens only when the first word hits;
 * - prefix terms (`ensembl*`) live in one map per prefix length; a word is looked up once per length;
 * - regex terms (rare, validated by regex-safety.ts) are the only per-term scans.
 */
import { applyExclusions, type Span } from './exclusions';
import { fieldText } from './fields';
import { cleanForRegex, normaliseForMatching, toOriginalRange, type MappedText } from './normalise';
import { hasOnlyItself, wordCandidates } from './plural';
import { scanRegex } from './regex-scan';
import { compareHits, compareMatches, scoreHits } from './score';
import { parseTerm, type Atom } from './term-syntax';
import { isSoftGap, tokenize, type Tokens } from './tokenize';
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

interface WordsEntry {
  id: number;
  topic: number;
  fieldMask: number;
  source: string;
  exclusion: boolean;
  atoms: Atom[];
  gaps: Array<string | null>;
  /** Lookup keys of each word atom, as a set (null for prefix atoms). */
  keySets: Array<Set<string> | null>;
}

interface RegexEntry {
  topic: number;
  fieldMask: number;
  source: string;
  exclusion: boolean;
  regex: RegExp;
}

/** Term and exclusion hits of one topic in the field being scanned. */
interface FieldHits {
  hits: TermHit[];
  exclusions: Span[];
}

function tokenHasKey(word: string, keys: Set<string>): boolean {
  if (hasOnlyItself(word)) return keys.has(word);
  for (const key of wordCandidates(word)) if (keys.has(key)) return true;
  return false;
}

class TopicMatcher implements CompiledMatcher {
  readonly refused: RefusedTerm[] = [];
  readonly topicCount: number;
  termCount = 0;

  private readonly wordIndex = new Map<string, WordsEntry[]>();
  private readonly prefixIndex = new Map<number, Map<string, WordsEntry[]>>();
  private prefixLengths: number[] = [];
  private readonly entries: WordsEntry[] = [];
  private readonly regexEntries: RegexEntry[] = [];
  private readonly watchedFields: number;
  private readonly wordFields: number;

  // Scratch state for match(): stamps avoid clearing arrays per token / per field.
  private seenAt: Float64Array;
  private blockedIn: Float64Array;
  private blockedUntil: Int32Array;
  private tokenStamp = 0;
  private fieldStamp = 0;

  constructor(private readonly topics: readonly Topic[]) {
    this.topicCount = topics.length;
    let watched = 0;
    topics.forEach((topic, t) => {
      const mask = fieldMask(topic);
      watched |= mask;
      for (const term of topic.terms ?? []) this.add(topic, t, mask, term, false);
      for (const term of topic.exclusions ?? []) this.add(topic, t, mask, term, true); // tolerate old records
    });
    this.watchedFields = watched;
    this.wordFields = this.entries.reduce((mask, e) => mask | e.fieldMask, 0);
    this.prefixLengths = [...this.prefixIndex.keys()].sort((a, b) => a - b);
    this.seenAt = new Float64Array(this.entries.length);
    this.blockedIn = new Float64Array(this.entries.length);
    this.blockedUntil = new Int32Array(this.entries.length);
  }

  private add(topic: Topic, t: number, mask: number, raw: string, exclusion: boolean): void {
    const parsed = parseTerm(raw);
    if (!parsed.ok) {
      this.refused.push({ topicId: topic.id, term: raw, reason: exclusion ? `exclusion: ${parsed.reason}` : parsed.reason });
      return;
    }
    if (!exclusion) this.termCount++;
    const term = parsed.term;
    if (term.kind === 'regex') {
      this.regexEntries.push({ topic: t, fieldMask: mask, source: raw, exclusion, regex: term.regex });
      return;
    }
    const entry: WordsEntry = {
      id: this.entries.length,
      topic: t,
      fieldMask: mask,
      source: raw,
      exclusion,
      atoms: term.atoms,
      gaps: term.gaps,
      keySets: term.atoms.map((a) => (a.kind === 'word' ? new Set(a.keys) : null)),
    };
    this.entries.push(entry);
    const first = term.atoms[0]!;
    if (first.kind === 'word') {
      for (const key of entry.keySets[0]!) pushTo(this.wordIndex, key, entry);
    } else {
      let byPrefix = this.prefixIndex.get(first.prefix.length);
      if (!byPrefix) this.prefixIndex.set(first.prefix.length, (byPrefix = new Map()));
      pushTo(byPrefix, first.prefix, entry);
    }
  }

  match(paper: MatchableText): TopicMatch[] {
    const perTopic: Array<TermHit[] | undefined> = [];
    for (const field of ALL_TOPIC_FIELDS) {
      const bit = FIELD_BIT[field];
      if (!(this.watchedFields & bit)) continue;
      const original = fieldText(paper, field);
      if (original === '') continue;
      const found = new Map<number, FieldHits>();
      if (this.wordFields & bit) this.scanWords(original, field, bit, found);
      this.scanRegexes(original, field, bit, found);
      for (const [t, fh] of found) {
        const kept = applyExclusions(fh.hits, fh.exclusions);
        if (kept.length > 0) (perTopic[t] ??= []).push(...kept);
      }
    }
    const matches: TopicMatch[] = [];
    perTopic.forEach((hits, t) => {
      if (!hits || hits.length === 0) return;
      const topic = this.topics[t]!;
      hits.sort(compareHits);
      matches.push({
        topicId: topic.id,
        name: topic.name,
        colour: topic.colour,
        mode: topic.mode,
        score: scoreHits(hits),
        hits,
      });
    });
    return matches.sort(compareMatches);
  }

  private scanWords(original: string, field: TopicField, bit: number, found: Map<number, FieldHits>): void {
    const mapped = normaliseForMatching(original);
    const tokens = tokenize(mapped.text);
    const fieldStamp = ++this.fieldStamp;
    const { words } = tokens;
    for (let i = 0; i < tokens.count; i++) {
      const stamp = ++this.tokenStamp;
      const word = words[i]!;
      if (hasOnlyItself(word)) {
        const list = this.wordIndex.get(word);
        if (list) this.tryEntries(list, i, stamp, fieldStamp, bit, field, tokens, mapped, found);
      } else {
        for (const key of wordCandidates(word)) {
          const list = this.wordIndex.get(key);
          if (list) this.tryEntries(list, i, stamp, fieldStamp, bit, field, tokens, mapped, found);
        }
      }
      for (const length of this.prefixLengths) {
        if (length > word.length) break;
        const list = this.prefixIndex.get(length)!.get(length === word.length ? word : word.slice(0, length));
        if (list) this.tryEntries(list, i, stamp, fieldStamp, bit, field, tokens, mapped, found);
      }
    }
  }

  private tryEntries(
    list: WordsEntry[],
    i: number,
    stamp: number,
    fieldStamp: number,
    bit: number,
    field: TopicField,
    tokens: Tokens,
    mapped: MappedText,
    found: Map<number, FieldHits>,
  ): void {
    for (const entry of list) {
      const id = entry.id;
      if (this.seenAt[id] === stamp || !(entry.fieldMask & bit)) continue;
      this.seenAt[id] = stamp;
      // Hits of one term never overlap (as with a global regex scan).
      if (this.blockedIn[id] === fieldStamp && i <= this.blockedUntil[id]!) continue;
      const last = this.matchRest(entry, i, tokens, mapped.text);
      if (last < 0) continue;
      this.blockedIn[id] = fieldStamp;
      this.blockedUntil[id] = last;
      const [start, end] = toOriginalRange(mapped, tokens.starts[i]!, tokens.ends[last]!);
      let fh = found.get(entry.topic);
      if (!fh) found.set(entry.topic, (fh = { hits: [], exclusions: [] }));
      if (entry.exclusion) fh.exclusions.push({ start, end });
      else fh.hits.push({ term: entry.source, field, start, end });
    }
  }

  /** Index of the last token of the phrase starting at token i, or -1. The first atom already matched. */
  private matchRest(entry: WordsEntry, i: number, tokens: Tokens, text: string): number {
    const { atoms, gaps } = entry;
    for (let a = 1; a < atoms.length; a++) {
      const j = i + a;
      if (j >= tokens.count) return -1;
      const gapStart = tokens.ends[j - 1]!;
      const gapEnd = tokens.starts[j]!;
      const gap = gaps[a]!;
      if (gap === null) {
        if (!isSoftGap(text, gapStart, gapEnd)) return -1;
      } else if (gapEnd - gapStart !== gap.length || !text.startsWith(gap, gapStart)) {
        return -1;
      }
      const atom = atoms[a]!;
      const word = tokens.words[j]!;
      if (atom.kind === 'prefix' ? !word.startsWith(atom.prefix) : !tokenHasKey(word, entry.keySets[a]!)) return -1;
    }
    return i + atoms.length - 1;
  }

  private scanRegexes(original: string, field: TopicField, bit: number, found: Map<number, FieldHits>): void {
    let cleaned: MappedText | null = null;
    for (const entry of this.regexEntries) {
      if (!(entry.fieldMask & bit)) continue;
      cleaned ??= cleanForRegex(original);
      for (const [s, e] of scanRegex(entry.regex, cleaned.text)) {
        const [start, end] = toOriginalRange(cleaned, s, e);
        let fh = found.get(entry.topic);
        if (!fh) found.set(entry.topic, (fh = { hits: [], exclusions: [] }));
        if (entry.exclusion) fh.exclusions.push({ start, end });
        else fh.hits.push({ term: entry.source, field, start, end });
      }
    }
  }
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
