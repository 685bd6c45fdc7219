import { describe, expect, it } from 'vitest';
import apiDaily from '../../fixtures/api-daily_papers.json';
import { newestFirst, parseDailyPapers } from '../../../utils/digest/daily-api';
import { matchDigest, type NewPaper } from '../../../utils/digest/new-for-you';
import { digestNotification, type NotificationInput } from '../../../utils/digest/notification';
import type { Topic } from '../../../utils/topics/types';

const DAY = '2026-11-27';
const topic = (id: string, name: string, terms: string[]): Topic => ({
  id, name, colour: '#3b82f6', terms, exclusions: [], fields: ['title', 'abstract', 'keywords'], mode: 'highlight', createdAt: 1,
});

/** New for you on the recorded day, through the same matcher as the badge. */
function items(topics: Topic[]): NewPaper[] {
  const parsed = parseDailyPapers(JSON.stringify(apiDaily), DAY);
  if (!parsed.ok) throw new Error(parsed.error);
  return matchDigest(newestFirst(parsed.papers), topics, 'highlight-wins');
}

const ENSEMBLE = topic('e', 'ensembles', ['ensembl*']);
const base = (over: Partial<NotificationInput> = {}): NotificationInput => {
  const list = items([ENSEMBLE]);
  return { enabled: true, count: list.length, day: DAY, notifiedDay: null, known: new Set(), items: list, ...over };
};

describe('the digest notification', () => {
  it('names the count and the topics, and lists the first three titles', () => {
    const input = base();
    expect(input.count).toBeGreaterThan(3);
    const shown = digestNotification(input)!;
    expect(shown.title).toBe(`${input.count} new papers on ensembles`);
    expect(shown.message.split('\n')).toEqual(input.items.slice(0, 3).map((p) => p.title));
  });

  it('names the topics with the most papers first, and says how many more there are', () => {
    const topics = [ENSEMBLE, topic('a', 'attention', ['attention']), topic('l', 'LLMs', ['language model*']), topic('d', 'diffusion', ['diffusion']), topic('r', 'reasoning', ['reasoning'])];
    const list = items(topics);
    const perTopic = new Map(topics.map((t) => [t.name, list.filter((p) => p.chips.some((c) => c.name === t.name)).length]));
    const named = [...perTopic].filter(([, n]) => n > 0);
    expect(named.length).toBeGreaterThan(3);
    const top = [...named].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name]) => name);
    const shown = digestNotification(base({ items: list, count: list.length }))!;
    expect(shown.title).toBe(`${list.length} new papers on ${top.join(', ')} and ${named.length - 3} more`);
  });

  it('says "paper" for one', () => {
    const one = items([ENSEMBLE]).slice(0, 1);
    expect(digestNotification(base({ items: one, count: 1 }))!.title).toBe('1 new paper on ensembles');
  });

  it('shows nothing when off, when nothing is new, once already today, or when this check brought nothing', () => {
    expect(digestNotification(base({ enabled: false }))).toBeNull();
    expect(digestNotification(base({ count: 0, items: [] }))).toBeNull();
    expect(digestNotification(base({ notifiedDay: DAY }))).toBeNull();
    expect(digestNotification(base({ notifiedDay: '2026-11-26' }))).not.toBeNull(); // a new day: one more
    const list = items([ENSEMBLE]);
    expect(digestNotification(base({ known: new Set(list.map((p) => p.id)) }))).toBeNull();
    expect(digestNotification(base({ known: new Set(list.slice(1).map((p) => p.id)) }))).not.toBeNull();
  });
});
