import { browser } from 'wxt/browser';
import { sendToBackground } from '../../../../utils/messaging/client';
import { prefsItem, readPrefs, type Prefs } from '../../../../utils/storage/prefs';
import { isTopicKey } from '../../../../utils/storage/topic-item';
import type { Topic } from '../../../../utils/topics';
import { frameBatcher } from '../../pipeline/schedule';

/**
 * Topics and preferences for this tab, kept live: any change to a `topic:` item (sync or local) or to the prefs,
 * made in any tab, the popup or the options page, is picked up without a reload.
 */
export function followTopicsAndPrefs(onChange: (topics: Topic[], prefs: Prefs) => void): () => void {
  let disposed = false;
  const load = async () => {
    try {
      const [listing, prefs] = await Promise.all([sendToBackground({ type: 'topics/list' }), readPrefs()]);
      if (!disposed) onChange(listing.topics, prefs);
    } catch (err) {
      console.warn('[PaperSift] could not read topics; cards are shown without them', err);
    }
  };
  // A move between sync and local is a write plus a removal: batch them so the page re-matches once.
  const reload = frameBatcher(() => void load(), 100);
  const onStorage = (changes: Record<string, unknown>) => {
    if (Object.keys(changes).some(isTopicKey)) reload();
  };
  browser.storage.onChanged.addListener(onStorage);
  const unwatchPrefs = prefsItem.watch(() => reload());
  void load();
  return () => {
    disposed = true;
    browser.storage.onChanged.removeListener(onStorage);
    unwatchPrefs();
  };
}
