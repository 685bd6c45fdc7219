/** An in-memory TopicsClient that applies the background's rules (validateTopic), for component tests. */
import { vi } from 'vitest';
import type { TopicsList } from '../../../utils/messaging/protocol';
import type { TopicsClient } from '../../../entrypoints/popup/data/topics-client';
import type { Topic } from '../../../utils/topics/types';
import { validateTopic } from '../../../utils/topics/validate';

export interface FakeTopicsClient extends TopicsClient {
  topics: Topic[];
  storage: TopicsList['storage'];
  /** Simulates a change made elsewhere (another tab, sync): stores it and wakes the watchers. */
  changeElsewhere(update: (topics: Topic[]) => Topic[]): void;
  put: ReturnType<typeof vi.fn<(topic: Topic) => Promise<Topic>>>;
  remove: ReturnType<typeof vi.fn<(id: string) => Promise<{ removed: Topic | null }>>>;
}

export function fakeTopicsClient(initial: Topic[] = []): FakeTopicsClient {
  const watchers = new Set<() => void>();
  const notify = () => watchers.forEach((w) => w());
  const client: FakeTopicsClient = {
    topics: [...initial],
    storage: { area: 'sync', reason: null },
    list: async () => ({ topics: [...client.topics].sort((a, b) => a.createdAt - b.createdAt), storage: client.storage, skipped: [] }),
    put: vi.fn(async (topic: Topic) => {
      const checked = validateTopic(topic, client.topics);
      if (!checked.ok) throw new Error(`Could not store the topic: ${checked.errors.join(' ')}`);
      client.topics = [...client.topics.filter((t) => t.id !== topic.id), checked.topic];
      notify();
      return checked.topic;
    }),
    remove: vi.fn(async (id: string) => {
      const removed = client.topics.find((t) => t.id === id) ?? null;
      client.topics = client.topics.filter((t) => t.id !== id);
      notify();
      return { removed };
    }),
    watch(onChange) {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    changeElsewhere(update) {
      client.topics = update(client.topics);
      notify();
    },
  };
  return client;
}

export function topic(over: Partial<Topic> = {}): Topic {
  return {
    id: 'attn',
    name: 'attention',
    colour: '#3b82f6',
    terms: ['attention'],
    exclusions: [],
    fields: ['title', 'abstract', 'keywords', 'authors', 'organization'],
    mode: 'highlight',
    createdAt: 1,
    ...over,
  };
}
