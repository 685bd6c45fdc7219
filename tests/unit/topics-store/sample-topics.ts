/** Topics for the tests. */
import type { Topic } from '../../../utils/topics/types';

export function topic(over: Partial<Topic> = {}): Topic {
  return {
    id: 'llm-agents',
    name: 'LLM agents',
    colour: '#3b82f6',
    terms: ['agent*', 'tool use', '"world model"'],
    exclusions: ['survey'],
    fields: ['title', 'abstract'],
    mode: 'highlight',
    createdAt: 1_000,
    ...over,
  };
}

/** A topic whose stored item is far above sync's 8,192-byte per-item limit. */
export function hugeTopic(over: Partial<Topic> = {}): Topic {
  return topic({
    id: 'huge',
    name: 'Every model name',
    terms: Array.from({ length: 5_000 }, (_, i) => `model-${i}`),
    createdAt: 2_000,
    ...over,
  });
}

/** The messages browsers really reject sync writes with (Chrome old and new wording, Firefox). */
export const CHROME_ERRORS = {
  perItem: 'QUOTA_BYTES_PER_ITEM quota exceeded',
  perItemNew: 'Resource::kQuotaBytesPerItem quota exceeded',
  total: 'QUOTA_BYTES quota exceeded',
  totalNew: 'Resource::kQuotaBytes quota exceeded',
  items: 'MAX_ITEMS quota exceeded',
  perMinute: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
  perHour: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.',
  firefox: 'QuotaExceededError: storage.sync API call exceeded its quota limitations.',
} as const;
