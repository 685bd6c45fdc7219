/**
 * The reader's topics as the background lists them, kept fresh: re-fetched whenever topics change anywhere
 * (this page, another tab, another browser through sync). Used by the popup and the options page.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { TopicsList } from '../../../utils/messaging/protocol';
import type { TopicsClient } from '../data/topics-client';

export interface TopicListState {
  list: TopicsList | null;
  error: string | null;
  reload: () => Promise<void>;
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function useTopicList(client: TopicsClient): TopicListState {
  const [list, setList] = useState<TopicsList | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only the newest request may update the state: answers can arrive out of order.
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const next = await client.list();
      if (ticket === latest.current) {
        setList(next);
        setError(null);
      }
    } catch (e) {
      if (ticket === latest.current) setError(errorText(e));
    }
  }, [client]);
  useEffect(() => {
    void reload();
    return client.watch(() => void reload());
  }, [client, reload]);
  return { list, error, reload };
}
