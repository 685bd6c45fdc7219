/**
 * What the popup and the options page's Topics tab need from the background for topics, behind one interface
 * so components can be tested with a fake. The background is the only writer; these only send messages and
 * listen for storage changes.
 */
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../../utils/messaging/client';
import type { TopicsList } from '../../../utils/messaging/protocol';
import { PREFS_KEY } from '../../../utils/storage/prefs';
import { isTopicKey, TOPIC_STORAGE_KEY } from '../../../utils/storage/topic-store';
import type { Topic } from '../../../utils/topics/types';

export interface TopicsClient {
  list(): Promise<TopicsList>;
  /** Create or replace; rejects with the background's message (e.g. a validation error). */
  put(topic: Topic): Promise<Topic>;
  /** Resolves to the removed topic, to put back for Undo. */
  remove(id: string): Promise<{ removed: Topic | null }>;
  /** Calls `onChange` whenever topics (or where they are stored) change, here or anywhere else. Returns an unsubscribe. */
  watch(onChange: () => void): () => void;
}

/** WXT storage items live under the key without their area prefix. */
const PREFS_STORAGE_KEY = PREFS_KEY.replace(/^local:/, '');

/** Storage keys whose change can change what `topics/list` answers. */
export function affectsTopicList(key: string): boolean {
  return isTopicKey(key) || key === TOPIC_STORAGE_KEY || key === PREFS_STORAGE_KEY;
}

export const browserTopicsClient: TopicsClient = {
  list: () => sendToBackground({ type: 'topics/list' }),
  put: (topic) => sendToBackground({ type: 'topics/put', topic }),
  remove: (id) => sendToBackground({ type: 'topics/delete', id }),
  watch(onChange) {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if ((area === 'sync' || area === 'local') && Object.keys(changes).some(affectsTopicList)) onChange();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};
