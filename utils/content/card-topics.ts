import type { DetectedCard } from '../hf/detect-cards';
import { abstractElement, extractMatchable } from '../hf/extract';
import type { HydrationPaper } from '../hf/hydration';
import type { PaperInfo } from '../model/paper';
import { fieldText, matchableFromPaper, type CompiledMatcher, type TopicMatch } from '../topics';
import { MAX_CHIPS, type TopicChip } from '../../components/CardActions';
import { describeHits, highlightMatches } from './card-visibility';
import { mapElementText } from './text-ranges';

export interface CardTopicResult {
  /** The fields that were matched (not a full paper: see `extractMatchable`). */
  paper: PaperInfo;
  matches: TopicMatch[];
  chips: TopicChip[];
  /** Ranges of matched words in the card's title and shown abstract, per highlighted topic. */
  marks: Array<{ topicId: string; range: Range }>;
}

/**
 * Reads one card, matches it against the compiled topics, and finds the DOM ranges of the matched words.
 * Words are marked only where the text we matched is the text the card shows (a hint's abstract is not on screen).
 */
export function matchCard(
  card: DetectedCard,
  hints: Map<string, HydrationPaper>,
  matcher: CompiledMatcher,
): CardTopicResult {
  const paper = extractMatchable(card, hints);
  const matchable = matchableFromPaper(paper);
  const matches = matcher.match(matchable);
  const highlighted = highlightMatches(matches);
  // Only the chips a card shows explain their matches; the rest are just named in its "+N" chip.
  const chips = highlighted.map((m, i) => ({
    name: m.name,
    colour: m.colour,
    detail: i < MAX_CHIPS ? describeHits(m, (field) => fieldText(matchable, field)) : '',
  }));
  const marks: CardTopicResult['marks'] = [];
  if (highlighted.some((m) => m.hits.some((h) => h.field === 'title' || h.field === 'abstract'))) {
    const title = mapElementText(card.titleEl);
    const absEl = highlighted.some((m) => m.hits.some((h) => h.field === 'abstract')) ? abstractElement(card) : null;
    const abstract = absEl ? mapElementText(absEl) : null;
    for (const m of highlighted) {
      for (const hit of m.hits) {
        const source = hit.field === 'title' && title.text === paper.title ? title
          : hit.field === 'abstract' && abstract && abstract.text === paper.abstract ? abstract
          : null;
        const range = source?.range(hit.start, hit.end);
        if (range) marks.push({ topicId: m.topicId, range });
      }
    }
  }
  return { paper, matches, chips, marks };
}
