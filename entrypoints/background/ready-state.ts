import { browser } from 'wxt/browser';
import type { BackgroundRequest, LibraryState } from '../../utils/messaging/protocol';
import { packReadyState, READY_KEY } from '../../utils/messaging/ready-state';
import { listHidden, savedIds } from '../../utils/storage/library-db';
import { PREFS_KEY, readPrefs } from '../../utils/storage/prefs';
import { isTopicKey, listTopics } from '../../utils/storage/topic-store';
import { currentRev } from './change-bus';

/** Requests that can change which papers are saved or hidden: the ready state is rewritten after each. */
const CHANGES_IDS: ReadonlySet<BackgroundRequest['type']> = new Set<BackgroundRequest['type']>([
  'library/save',
  'library/unsave',
  'hidden/hide',
  'hidden/unhide',
  'library/remove',
  'library/restore-records',
  'backup/restore',
  'data/reset',
]);

export const changesReadyState = (type: BackgroundRequest['type']): boolean => CHANGES_IDS.has(type);

/** Which papers are saved and hidden, with the revision of the last change (run inside the write queue). */
export async function readLibraryState(): Promise<LibraryState> {
  const [ids, hidden, rev] = await Promise.all([savedIds(), listHidden(), currentRev()]);
  return { savedIds: ids, hidden: hidden.map(({ id, reason }) => ({ id, reason })), rev };
}

/** Rewrites the state pages read at `document_start` (utils/messaging/ready-state.ts). Run inside the write queue. */
export async function refreshReadyState(): Promise<void> {
  const [state, topics, prefs] = await Promise.all([readLibraryState(), listTopics(), readPrefs()]);
  const ready = packReadyState({ state, topics, precedence: prefs.precedence, hideStyle: prefs.hideStyle });
  await browser.storage.local.set({ [READY_KEY]: ready });
}

/** Topics and preferences change in storage (also from another device, through sync): then the ready state follows. */
export function storageChangesReadyState(keys: readonly string[]): boolean {
  const prefsKey = PREFS_KEY.slice('local:'.length);
  return keys.some((k) => k === prefsKey || isTopicKey(k));
}
