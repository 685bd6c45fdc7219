import type { ChangeEvent, LibraryChange, LibraryState } from '../../../utils/messaging/protocol';
import type { HideReason } from '../../../utils/storage/records';

/**
 * The content script's read-only mirror of what the background stores: which ids are saved and hidden.
 * It never writes storage; it follows the background's change events and refetches when it missed one.
 */
export class LibraryMirror {
  readonly saved = new Set<string>();
  readonly hidden = new Map<string, HideReason>();
  rev = -1;

  /**
   * Takes the whole state; returns false and keeps what it has when the state is older than the events already
   * applied (a `state/get` answered before a save, arriving after that save's event: rev only grows, even on reset).
   */
  load(state: LibraryState): boolean {
    if (state.rev < this.rev) return false;
    this.saved.clear();
    this.hidden.clear();
    for (const id of state.savedIds) this.saved.add(id);
    for (const h of state.hidden) this.hidden.set(h.id, h.reason);
    this.rev = state.rev;
    return true;
  }

  /** Applies one event; returns false when events were missed (the caller should reload the whole state). */
  applyEvent(event: ChangeEvent): boolean {
    if (event.rev <= this.rev) return true; // already seen (our own optimistic update or a duplicate)
    // A mirror that never loaded (the background did not answer yet) cannot trust a lone event.
    const inOrder = this.rev >= 0 && event.rev === this.rev + 1;
    this.apply(event.change);
    this.rev = event.rev;
    return inOrder;
  }

  apply(change: LibraryChange): void {
    switch (change.type) {
      case 'saved': this.saved.add(change.id); break;
      case 'unsaved': this.saved.delete(change.id); break;
      case 'hidden': this.hidden.set(change.id, change.reason); break;
      case 'unhidden': this.hidden.delete(change.id); break;
    }
  }
}
