/**
 * Publish library changes through `storage.local`, so every open tab hears them via `storage.onChanged`.
 * The revision counter lives in storage too (it is the `rev` of the last published event): the MV3 worker can be
 * stopped at any moment, so nothing here is kept in memory. Callers serialize publishes (the write queue).
 */
import { browser } from 'wxt/browser';
import type { ChangeEvent, LibraryChange } from '../../utils/messaging/protocol';
import { CHANGE_KEY } from '../../utils/messaging/protocol';

/** Revision of the last published change; 0 before the first one. */
export async function currentRev(): Promise<number> {
  const stored = (await browser.storage.local.get(CHANGE_KEY))[CHANGE_KEY];
  // Only the counter matters here, so a damaged `change` part does not reset it.
  const rev = typeof stored === 'object' && stored !== null ? (stored as { rev?: unknown }).rev : undefined;
  return typeof rev === 'number' && Number.isInteger(rev) && rev >= 0 ? rev : 0;
}

export async function publishChange(change: LibraryChange, now: number = Date.now()): Promise<ChangeEvent> {
  const event: ChangeEvent = { rev: (await currentRev()) + 1, at: now, change };
  await browser.storage.local.set({ [CHANGE_KEY]: event });
  return event;
}
