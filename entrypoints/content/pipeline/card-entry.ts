import { rawTitleOf, titleTextOf, type DetectedCard } from '../../../utils/hf/detect-cards';
import type { CardTopicResult } from '../features/topics/card-topics';
import type { AskedCard } from '../features/topics/topic-requests';
import type { CardActionsView, TopicChip } from '../ui/card-actions';

/** One card PaperSift knows: its topic fields (AskedCard) are kept by TopicRequests. */
export interface Entry extends AskedCard {
  /** The control's host, its mount point and view; created when the entry is first prepared (in a slice). */
  host: HTMLElement | null;
  mount: HTMLElement | null;
  view: CardActionsView | null;
  /** The title as shown (`textOf`), cached against the title element's raw text. */
  titleRaw: string | null;
  titleText: string;
  mounted: boolean;
  /** Until the topic worker answers for it (topics null): the muted topic hiding it, if any (provisional-mutes.ts). */
  provisional: string | null;
  /** The words of `topics` are marked (done once the card is near the viewport). */
  painted: boolean;
  /** The topic hooks last written on the root (see markTopics); null = read the element. */
  marked: { hidden: string | null; topics: string | null; collapsed: boolean } | null;
  /** Chips of `topics`, made when first drawn. */
  chips: { of: CardTopicResult; list: TopicChip[] } | null;
  /** Last rendered view (the chips by identity: the same array until the card's topics change), to skip renders that would change nothing. */
  viewKey: string;
  viewChips: TopicChip[] | null;
}

export function newEntry(card: DetectedCard): Entry {
  return {
    card, host: null, mount: null, view: null, titleRaw: null, titleText: '', mounted: false, topics: null, topicGen: -1, askedGen: -1, askedTitle: '',
    provisional: null, painted: false, marked: null, chips: null, viewKey: '', viewChips: null,
  };
}

/** The card's title as shown, read again only when the title element's text changed. */
export function shownTitle(entry: Entry, raw: string = rawTitleOf(entry.card)): string {
  if (raw !== entry.titleRaw) {
    entry.titleRaw = raw;
    entry.titleText = titleTextOf(entry.card);
  }
  return entry.titleText;
}

export function isControlPlaced(entry: Entry): boolean {
  const { host, card } = entry;
  if (!host?.isConnected) return false;
  return card.layout === 'paper' ? host.previousElementSibling === card.titleEl : host.parentElement === card.root;
}

/** List cards: a direct child of the card root, floating over its corner. Paper page: right under the title. */
export function placeControl(entry: Entry): void {
  const { host, card } = entry;
  if (!host) return;
  if (card.layout === 'paper') card.titleEl.after(host);
  else card.root.append(host);
}
