import type { HideReason } from '../../../utils/storage/records';
import type { HideState } from '../features/hide/hide-state';
import type { NearViewport } from '../features/near-viewport/near-viewport';
import type { SaveState } from '../features/save/save-state';
import { cardChips, cardMarks, type CardTopicResult } from '../features/topics/card-topics';
import type { TopicHighlights } from '../features/topics/topic-highlights';
import { HOOKS } from '../hooks';
import { CardActionsView, type TopicChip } from '../ui/card-actions';
import { setAttr, writeAttr } from './attributes';
import { shownTitle, type Entry } from './card-entry';
import type { PaperRequests } from './paper-requests';

const NO_CHIPS: TopicChip[] = [];

/** What a card's control asks for when clicked. */
export interface CardCommands {
  toggleSave(entry: Entry): void;
  setHidden(entry: Entry, reason: HideReason | null): void;
}

/**
 * Writes one card's state onto the page: its hooks on HF's element, its control's view, and (near the viewport)
 * the marks on its matched words. Reads the state from the save and hide features and the card's topics.
 */
export class CardView {
  constructor(
    private readonly saves: SaveState,
    private readonly hides: HideState,
    private readonly requests: PaperRequests,
    private readonly near: NearViewport,
    private readonly highlights: TopicHighlights,
    private readonly commands: CardCommands,
  ) {}

  /** Why the card is hidden, with these topic results (by default its own). */
  hiddenReason(entry: Entry, t: CardTopicResult | null = entry.topics): HideReason | null {
    return this.hides.reason(entry.card.id, t ?? (entry.provisional === null ? null : { muteName: entry.provisional, highlightNames: null }));
  }

  /** Shown as its one-line placeholder: hidden (for `hidden`, by default its own reason), on a list page, not revealed. */
  isCollapsed(entry: Entry, hidden = this.hiddenReason(entry)): boolean {
    return hidden !== null && entry.card.layout !== 'paper' && !this.hides.isRevealed(entry.card.id);
  }

  markRoot(entry: Entry): void {
    const { root, id, layout } = entry.card;
    setAttr(root, HOOKS.id, id);
    setAttr(root, HOOKS.layout, layout);
    setAttr(root, HOOKS.saved, this.saves.isSaved(id) ? '' : null);
    setAttr(root, HOOKS.revealed, this.hides.isRevealed(id) ? '' : null);
    entry.marked = null; // read the page's element again: it may have dropped our hooks
    this.markTopics(entry);
  }

  /**
   * The hooks that follow the card's topics: its topic names (the first one colours its ring, by TopicHighlights'
   * rules) and why it is hidden. Written from what we last wrote, without reading the element back: applying answers
   * for 1,000 cards is mostly these writes. markRoot (every pass) checks the element itself.
   */
  markTopics(entry: Entry, hidden = this.hiddenReason(entry)): void {
    const root = entry.card.root;
    const topics = entry.topics?.highlightNames ?? null;
    const collapsed = this.isCollapsed(entry, hidden);
    const last = entry.marked;
    if (!last) {
      setAttr(root, HOOKS.hidden, hidden);
      setAttr(root, HOOKS.topics, topics);
      setAttr(root, HOOKS.collapsed, collapsed ? '' : null);
    } else {
      if (last.hidden !== hidden) writeAttr(root, HOOKS.hidden, hidden);
      if (last.topics !== topics) writeAttr(root, HOOKS.topics, topics);
      if (last.collapsed !== collapsed) writeAttr(root, HOOKS.collapsed, collapsed ? '' : null);
    }
    entry.marked = { hidden, topics, collapsed };
  }

  /** Marks the matched words of a card near the viewport (off-screen cards wait: see near-viewport.ts). */
  paint(entry: Entry): void {
    if (entry.painted || !this.near.isNear(entry.card.root)) return;
    entry.painted = true;
    try {
      const marks = entry.topics ? cardMarks(entry.card, entry.topics) : [];
      this.highlights.paint(entry, marks);
    } catch (err) {
      console.warn('[PaperSift] could not mark the matched words on a card', entry.card.id, err);
    }
  }

  render(entry: Entry): void {
    if (!entry.host || !entry.mount) return;
    const { host, mount } = entry;
    const id = entry.card.id;
    const saved = this.saves.isSaved(id);
    const hidden = this.hiddenReason(entry);
    const revealed = this.hides.isRevealed(id);
    const message = this.requests.message(id);
    const title = hidden ? shownTitle(entry) : ''; // only a placeholder shows it
    // Chips only near the viewport: rendering them on every card of a long page costs more than all the rest.
    const chips = (this.near.isNear(entry.card.root) ? this.chipsOf(entry) : undefined) ?? NO_CHIPS;
    const key = `${saved}|${hidden}|${revealed}|${message}|${title}|${entry.card.layout}`;
    if (key === entry.viewKey && chips === entry.viewChips) return;
    const hadFocus = host.shadowRoot?.activeElement != null;
    entry.viewKey = key;
    entry.viewChips = chips;
    entry.view ??= new CardActionsView(mount);
    const { commands } = this;
    entry.view.update({
      title,
      topics: chips,
      saved,
      hidden,
      revealed,
      collapsible: entry.card.layout !== 'paper',
      message,
      onToggleSave: () => commands.toggleSave(entry),
      onHide: () => commands.setHidden(entry, 'manual'),
      onShow: () => this.hides.setRevealed(id, true),
      onCollapse: () => this.hides.setRevealed(id, false),
      onUndoHide: () => commands.setHidden(entry, null),
    });
    // The toolbar and the placeholder are different elements: keep a keyboard user's focus inside the card.
    if (hadFocus && !host.shadowRoot?.activeElement) mount.querySelector('button')?.focus();
  }

  private chipsOf(entry: Entry): TopicChip[] | undefined {
    const result = entry.topics;
    if (!result) return undefined;
    if (entry.chips?.of !== result) entry.chips = { of: result, list: cardChips(result) };
    return entry.chips.list;
  }
}
