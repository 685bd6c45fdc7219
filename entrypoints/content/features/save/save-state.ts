import type { PaperInfo, PageSource } from '../../../../utils/model/paper';
import type { LibraryMirror } from '../../pipeline/library-state';
import type { LibraryActions, PaperRequests } from '../../pipeline/paper-requests';

/** Whether each paper is saved as the reader sees it: the stored state, overridden by a click still in flight. */
export class SaveState {
  private readonly pending = new Map<string, boolean>();

  constructor(
    private readonly mirror: LibraryMirror,
    private readonly actions: LibraryActions,
    private readonly requests: PaperRequests,
    private readonly refresh: (id: string) => void,
  ) {}

  isSaved(id: string): boolean {
    return this.pending.get(id) ?? this.mirror.saved.has(id);
  }

  /** Saves or unsaves at once on the card, then in the library; rolls back with a message when that fails. */
  async toggle(id: string, paperOf: () => PaperInfo, source: PageSource): Promise<void> {
    const want = !this.isSaved(id);
    this.pending.set(id, want);
    this.requests.clearMessage(id);
    this.refresh(id);
    try {
      // Read the card now, as the reader saw it when clicking.
      const paper = want ? paperOf() : null;
      await this.requests.inOrder(id, () => (paper ? this.actions.save(paper, source) : this.actions.unsave(id)));
      this.mirror.apply(want ? { type: 'saved', id } : { type: 'unsaved', id });
    } catch (err) {
      this.requests.fail(id, want ? 'Could not save this paper' : 'Could not remove this paper', err);
    } finally {
      if (this.pending.get(id) === want) this.pending.delete(id);
      this.refresh(id);
    }
  }
}
