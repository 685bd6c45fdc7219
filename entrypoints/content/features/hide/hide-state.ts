import type { PageSource } from '../../../../utils/model/paper';
import type { HideReason } from '../../../../utils/storage/records';
import type { LibraryMirror } from '../../pipeline/library-state';
import type { LibraryActions, PaperRequests } from '../../pipeline/paper-requests';
import { hiddenReasonOf, type Precedence } from './card-visibility';

/** The topic results hiding depends on (a card's CardTopicResult, or null before it was matched). */
interface TopicVerdict {
  muteName: string | null;
  highlightNames: string | null;
}

/**
 * Why each paper is hidden as the reader sees it (stored hides overridden by clicks in flight, muted topics, the
 * precedence setting), and which hidden cards the reader opened with Show.
 */
export class HideState {
  private readonly pending = new Map<string, HideReason | null>();
  private readonly revealed = new Set<string>();
  precedence: Precedence = 'highlight-wins';
  /** The summary bar's "Show hidden": every hidden card shown in full. */
  showHidden = false;

  constructor(
    private readonly mirror: LibraryMirror,
    private readonly actions: LibraryActions,
    private readonly requests: PaperRequests,
    private readonly refresh: (id: string) => void,
  ) {}

  reason(id: string, topics: TopicVerdict | null): HideReason | null {
    const pending = this.pending.get(id);
    const stored = pending !== undefined ? pending : (this.mirror.hidden.get(id) ?? null);
    return hiddenReasonOf(stored, topics?.muteName ?? null, (topics?.highlightNames ?? null) !== null, this.precedence);
  }

  isRevealed(id: string): boolean {
    return this.showHidden || this.revealed.has(id);
  }

  setRevealed(id: string, on: boolean): void {
    if (on) this.revealed.add(id);
    else this.revealed.delete(id);
    this.refresh(id);
  }

  toggleRevealed(id: string): void {
    this.setRevealed(id, !this.revealed.has(id));
  }

  /** Hides (or with null unhides) at once on the card, then in the library; rolls back with a message on failure. */
  async set(id: string, reasonWanted: HideReason | null, title: () => string, source: PageSource): Promise<void> {
    this.pending.set(id, reasonWanted);
    this.revealed.delete(id);
    this.requests.clearMessage(id);
    this.refresh(id);
    try {
      const shownTitle = title();
      await this.requests.inOrder(id, () => (reasonWanted ? this.actions.hide(id, shownTitle, reasonWanted, source) : this.actions.unhide(id)));
      this.mirror.apply(reasonWanted ? { type: 'hidden', id, reason: reasonWanted } : { type: 'unhidden', id });
    } catch (err) {
      this.requests.fail(id, reasonWanted ? 'Could not hide this paper' : 'Could not unhide this paper', err);
    } finally {
      if (this.pending.get(id) === reasonWanted) this.pending.delete(id);
      this.refresh(id);
    }
  }
}
