/**
 * Announce a change to many papers at once (bulk remove, Undo, restore, reset) with ONE event instead of one per
 * paper. The event skips a revision on purpose: a tab's LibraryMirror sees the gap (`applyEvent` returns false)
 * and reloads the whole state with `state/get`, which is what a bulk change needs. The change it carries is one
 * real change among them, so a reader of the event that does not reload still sees a valid event.
 */
import { browser } from 'wxt/browser';
import type { ChangeEvent, LibraryChange } from '../../utils/messaging/protocol';
import { CHANGE_KEY } from '../../utils/messaging/protocol';
import { currentRev } from './change-bus';
import { reasonOf } from './error-reason';

/** Revisions a bulk event advances by: anything above 1 makes every listening tab reload. */
export const BULK_REV_STEP = 2;

export async function publishBulkChange(change: LibraryChange, now: number = Date.now()): Promise<ChangeEvent> {
  const event: ChangeEvent = { rev: (await currentRev()) + BULK_REV_STEP, at: now, change };
  await browser.storage.local.set({ [CHANGE_KEY]: event });
  return event;
}

/** Publish, but a change that landed is not reported as failed because the notice could not be sent. */
export async function announceBulk(change: LibraryChange | null): Promise<void> {
  if (!change) return;
  try {
    await publishBulkChange(change);
  } catch (e) {
    console.warn('[PaperSift] change stored but not published:', reasonOf(e));
  }
}
