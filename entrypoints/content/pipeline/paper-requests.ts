import type { PaperInfo, PageSource } from '../../../utils/model/paper';
import type { HideReason } from '../../../utils/storage/records';

/** What the page asks of the background. Writes go there and nowhere else. */
export interface LibraryActions {
  save(paper: PaperInfo, source: PageSource): Promise<unknown>;
  unsave(id: string): Promise<unknown>;
  hide(id: string, title: string, reason: HideReason, source: PageSource): Promise<unknown>;
  unhide(id: string): Promise<unknown>;
}

const MESSAGE_MS = 8000;

/**
 * Sends a card's requests to the background one after another, and keeps the message a failed one leaves on its
 * card for a few seconds. Shared by save and hide: a retried save can never land after a later unsave.
 */
export class PaperRequests {
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly messages = new Map<string, string>();

  /** `refresh` re-renders the card of an id whose message went away. */
  constructor(private readonly refresh: (id: string) => void) {}

  inOrder<T>(id: string, send: () => Promise<T>): Promise<T> {
    const prev = this.inFlight.get(id);
    // Nothing pending: send at once (in the click's own task), else after the previous one settles.
    const next = prev ? prev.then(send) : send();
    const tail = next.catch(() => {});
    this.inFlight.set(id, tail);
    void tail.then(() => {
      if (this.inFlight.get(id) === tail) this.inFlight.delete(id);
    });
    return next;
  }

  message(id: string): string | null {
    return this.messages.get(id) ?? null;
  }

  clearMessage(id: string): void {
    this.messages.delete(id);
  }

  /** Shows `what` failed on the card (e.g. "Could not save this paper") with the reason and what to do. */
  fail(id: string, what: string, err: unknown): void {
    // After PaperSift is updated or reloaded, this page's old script can no longer reach it: say what helps.
    const message = /Extension context invalidated/i.test(err instanceof Error ? err.message : String(err ?? ''))
      ? 'PaperSift was updated or reloaded since this page opened. Reload the page to use it again.'
      : `${what}: ${reason(err)}. Nothing changed — try again.`;
    this.messages.set(id, message);
    setTimeout(() => {
      if (this.messages.get(id) === message) {
        this.messages.delete(id);
        this.refresh(id);
      }
    }, MESSAGE_MS);
  }
}

function reason(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/[.\s]+$/, '') || 'unknown error';
}
