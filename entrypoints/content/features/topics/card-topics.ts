import type { DetectedCard } from '../../../../utils/hf/detect-cards';
import { abstractElement } from '../../../../utils/hf/extract';
import type { Topic, TopicMatch } from '../../../../utils/topics';
import { cardInt, cardNames, readCard, SPAN_FIELD, type CardMatch, type MatchedBatch } from '../../../../utils/topic-worker/protocol';
import { collapse } from '../../../../utils/hf/text';
import type { TopicChip } from '../../ui/card-actions';
import { mapElementText, type MappedElementText } from './text-ranges';

export interface CardTopicResult {
  /** Names of the highlighted topics, comma-separated (the `data-papersift-topics` value); null when none. */
  highlightNames: string | null;
  /** Name of the strongest muted topic, null when none: with `highlightNames`, all that decides topic hiding. */
  muteName: string | null;
  /** Where the worker's answer is, read in full only for what some cards need: chips, word marks, the popup's counts. */
  batch: MatchedBatch;
  index: number;
  /** The title as sent to be matched (raw `textContent`): marks are drawn only while the card still shows it. */
  rawTitle: string;
  /** The topics `batch` indexes into (those of its generation, even after the topics changed). */
  templates: readonly TopicMatch[];
}

export type CardMarks = Array<{ topicId: string; range: AbstractRange }>;

/** One match object per topic, shared by every card it matches (the page needs names and modes, not hits). */
export function topicMatchTemplates(topics: readonly Topic[]): TopicMatch[] {
  return topics.map((t) => ({ topicId: t.id, name: t.name, colour: t.colour, mode: t.mode, score: 0, hits: [] }));
}

/** What every card needs at once from card `index` of the worker's answer: its hook (which also sets its ring) and hiding. */
export function cardTopicResult(batch: MatchedBatch, index: number, rawTitle: string, templates: readonly TopicMatch[]): CardTopicResult {
  return {
    highlightNames: cardNames(batch, index),
    muteName: templates[cardInt(batch, index, 'mute')]?.name ?? null,
    batch,
    index,
    rawTitle,
    templates,
  };
}

/** The card's whole answer (read again each time: only cards near the viewport and the popup's counts need it). */
function matchOf(result: CardTopicResult): CardMatch {
  return readCard(result.batch, result.index);
}

/** The card's matched topics, strongest first (shared per-topic objects: no hits, no score). */
export function cardMatches(result: CardTopicResult): TopicMatch[] {
  return Array.from(matchOf(result).topics, (i) => result.templates[i]).filter((m): m is TopicMatch => m !== undefined);
}

/** The chips of a card, strongest first (drawn only near the viewport, so made only there). */
export function cardChips(result: CardTopicResult): TopicChip[] {
  const { details } = matchOf(result);
  return cardMatches(result)
    .filter((m) => m.mode === 'highlight')
    .map((m, i) => ({ name: m.name, colour: m.colour, detail: details[i] ?? '' }));
}

/**
 * DOM ranges for the matched words of a card. Words are marked only where the text matched is the text the card
 * shows (the JSON's abstract is not on screen on most cards).
 */
export function cardMarks(card: DetectedCard, result: CardTopicResult): CardMarks {
  const { templates } = result;
  const match = matchOf(result);
  const marks: CardMarks = [];
  let title: MappedElementText | null | undefined;
  let abstract: MappedElementText | null | undefined;
  const s = match.spans;
  for (let i = 0; i + 3 < s.length; i += 4) {
    const topic = templates[s[i]!];
    if (!topic) continue;
    let source: MappedElementText | null;
    if (s[i + 1] === SPAN_FIELD.title) {
      title ??= mapElementText(card.titleEl);
      source = title.text === collapse(result.rawTitle) ? title : null; // the worker matched the collapsed title
    } else {
      abstract ??= shownAbstract(card, match.abstractLength);
      source = abstract;
    }
    const range = source?.range(s[i + 2]!, s[i + 3]!);
    if (range) marks.push({ topicId: topic.topicId, range });
  }
  return marks;
}

/** The abstract the card shows, when it is the one that was matched (same length); most list cards show none. */
function shownAbstract(card: DetectedCard, matchedLength: number): MappedElementText | null {
  // Cheap test first: a card whose whole text is shorter than the abstract cannot be showing it.
  if (matchedLength === 0 || (card.root.textContent?.length ?? 0) < matchedLength) return null;
  const el = abstractElement(card);
  const mapped = el ? mapElementText(el) : null;
  return mapped && mapped.text.length === matchedLength ? mapped : null;
}
