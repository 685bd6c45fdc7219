import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TopicEngine } from '../../../../../entrypoints/content/features/topics/topic-engine';
import { HOLD_MAX_MS, TopicRequests, type AskedCard } from '../../../../../entrypoints/content/features/topics/topic-requests';
import { detectCards } from '../../../../../utils/hf/detect-cards';
import { ATTENTION, DAILY_URL, ENSEMBLE_IDS, ENSEMBLES, loadDaily, until } from '../../daily-page';

type Card = AskedCard;

function setup(engine = new TopicEngine(), copies = 1, held?: () => boolean) {
  const found = detectCards(document, DAILY_URL);
  const cards: Card[] = Array.from({ length: copies }, () => found)
    .flat()
    .map((card) => ({ card, topics: null, topicGen: -1, askedGen: -1, askedTitle: '' }));
  const current = new Set(cards);
  const applied: Array<{ id: string; names: string | null; gen: number }> = [];
  const slices: number[] = [];
  const requests = new TopicRequests<Card>(
    document,
    engine,
    {
      isCurrent: (c) => current.has(c),
      apply: (c) => applied.push({ id: c.card.id, names: c.topics!.highlightNames, gen: c.topicGen }),
      sent: () => {},
      applied: () => slices.push(applied.length),
      held,
    },
    3,
  );
  const askAll = () => {
    for (const c of cards) {
      const raw = c.card.titleEl.textContent ?? '';
      if (requests.needsMatch(c, raw)) requests.ask(c, raw);
    }
  };
  return { cards, current, applied, slices, requests, askAll, engine };
}

beforeEach(() => loadDaily());
afterEach(() => vi.unstubAllGlobals());

describe('TopicRequests', () => {
  it('asks about every card in one request, once, and applies the answers of the current topics', async () => {
    const { cards, applied, requests, askAll, engine } = setup();
    const match = vi.spyOn(engine, 'match');
    requests.setTopics([ENSEMBLES]);
    askAll();
    askAll(); // asked already: not again
    expect(requests.busy).toBe(true);
    await until(() => !requests.busy, 'answered');
    expect(match).toHaveBeenCalledTimes(1);
    expect(match.mock.calls[0]![1]).toHaveLength(cards.length);
    expect(applied.filter((a) => a.names).map((a) => a.id)).toEqual(ENSEMBLE_IDS);
    expect(cards.every((c) => !requests.needsMatch(c))).toBe(true);
  });

  it('drops answers for topics changed meanwhile, and for cards the page replaced', async () => {
    const { cards, current, applied, requests, askAll } = setup();
    requests.setTopics([ENSEMBLES]);
    askAll();
    current.delete(cards[0]!); // replaced before its answer came
    requests.setTopics([ENSEMBLES, ATTENTION]); // newer topics before the first answer
    askAll();
    await until(() => !requests.busy, 'answered');
    expect(new Set(applied.map((a) => a.gen))).toEqual(new Set([requests.generation]));
    expect(applied.map((a) => a.id)).not.toContain(cards[0]!.card.id);
    expect(applied).toHaveLength(cards.length - 1);
  });

  it('applies a long answer a few hundred cards per frame, each part in a task of its own after the frame, and is busy until the last', async () => {
    const { cards, applied, slices, requests, askAll } = setup(new TopicEngine(), 12); // 324 cards
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    requests.setTopics([ENSEMBLES]);
    askAll();
    await until(() => applied.length > 0, 'first part applied');
    expect(slices).toEqual([250]);
    expect(requests.busy).toBe(true);
    frames.shift()!(performance.now()); // the next frame
    expect(slices).toEqual([250]); // not in the frame's own task, which its rendering already makes long
    await until(() => slices.length === 2, 'the rest applied');
    expect(slices).toEqual([250, cards.length]);
    expect(requests.busy).toBe(false);
  });

  it('once destroyed between two frames of a long answer, applies none of the rest', async () => {
    const { applied, slices, requests, askAll } = setup(new TopicEngine(), 12); // 324 cards
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    requests.setTopics([ENSEMBLES]);
    askAll();
    await until(() => applied.length > 0, 'first part applied');
    requests.destroy(); // PaperSift stops on the page
    frames.shift()!(performance.now());
    await new Promise((r) => setTimeout(r, 150)); // past the frame's task and inNextFrame's timer fallback
    expect(slices).toEqual([250]);
    expect(applied).toHaveLength(250);
  });

  it('a failed request is asked again the next time', async () => {
    const { cards, applied, requests, askAll, engine } = setup();
    const match = vi.spyOn(engine, 'match').mockRejectedValueOnce(new Error('worker gone'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    requests.setTopics([ENSEMBLES]);
    askAll();
    await until(() => !requests.busy, 'failed');
    expect(applied).toEqual([]);
    askAll();
    await until(() => applied.length === cards.length, 'asked again and answered');
    expect(match).toHaveBeenCalledTimes(2);
  });

  it('waits while the page is held, sends one request on resume, and at the latest after HOLD_MAX_MS', async () => {
    let holding = true;
    const { cards, applied, requests, askAll, engine } = setup(new TopicEngine(), 1, () => holding);
    const match = vi.spyOn(engine, 'match');
    requests.setTopics([ENSEMBLES]);
    askAll();
    await Promise.resolve(); // the request's microtask
    expect(match).not.toHaveBeenCalled();
    expect(requests.busy).toBe(true); // still to be sent: the page is not done
    holding = false;
    requests.resume();
    requests.resume(); // nothing held any more: no second request
    await until(() => applied.length === cards.length, 'answered after resume');
    expect(match).toHaveBeenCalledTimes(1);

    // Held and never resumed: the time limit sends it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      holding = true;
      requests.setTopics([ENSEMBLES, ATTENTION]);
      askAll();
      await vi.advanceTimersByTimeAsync(HOLD_MAX_MS - 10);
      expect(match).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(20);
      expect(match).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
    await until(() => !requests.busy, 'answered after the time limit');
    expect(new Set(applied.slice(cards.length).map((a) => a.gen))).toEqual(new Set([requests.generation]));
  });
});
