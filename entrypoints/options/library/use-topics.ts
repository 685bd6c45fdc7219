/** The reader's topics and where they are stored (`topics/list`), refreshed when a topic item changes anywhere. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../../utils/messaging/client';
import type { TopicsList } from '../../../utils/messaging/protocol';
import { isTopicKey } from '../../../utils/storage/topic-item';

export interface TopicsData {
  list: TopicsList | null;
  error: string | null;
  reload: () => Promise<void>;
}

export function useTopics(): TopicsData {
  const [list, setList] = useState<TopicsList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setList(await sendToBackground({ type: 'topics/list' }));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChanged = (changes: Record<string, unknown>) => {
      // Moving a topic between areas shows up as a write in one and a removal in the other: re-read the whole list.
      if (!Object.keys(changes).some((k) => isTopicKey(k) || k === 'prefs')) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), 100);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [reload]);
  return { list, error, reload };
}
