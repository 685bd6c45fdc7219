import { beforeEach, describe, expect, it } from 'vitest';
import { rawHydration } from '../../../utils/hf/hydration';
import { TopicWorkerCore } from '../../../utils/topic-worker/core';
import { batchSize, readCard, SPAN_FIELD, type CardMatch, type FromWorker, type MatchedBatch } from '../../../utils/topic-worker/protocol';
import { compileTopics, type Topic } from '../../../utils/topics';
import { ATTENTION, ENSEMBLES, IDS, loadDaily, PAPERS, titleOf } from '../content/daily-page';

const TOPICS: Topic[] = [ATTENTION, ENSEMBLES];

function core(topics = TOPICS, gen = 1): TopicWorkerCore {
  const c = new TopicWorkerCore();
  c.handle({ type: 'topics', gen, topics, maxDetails: 3 });
  c.handle({ type: 'page', raws: rawHydration(document) });
  return c;
}

function batchOf(reply: FromWorker | null): MatchedBatch {
  if (reply?.type !== 'matched') throw new Error(`expected "matched", got ${reply?.type}`);
  return reply.batch;
}

/** Every card of a reply, in the order asked. */
function matched(reply: FromWorker | null): CardMatch[] {
  const batch = batchOf(reply);
  return Array.from({ length: batchSize(batch) }, (_, i) => readCard(batch, i));
}

beforeEach(() => loadDaily());

describe('TopicWorkerCore', () => {
  it('matches cards from the page JSON exactly as the matcher does on the papers themselves', () => {
    const results = matched(core().handle({ type: 'match', req: 1, gen: 1, cards: IDS.map((id) => ({ id, title: titleOf(id) })) }));
    const direct = compileTopics(TOPICS);
    expect(results).toHaveLength(IDS.length);
    let some = 0;
    for (const [i, r] of results.entries()) {
      const p = PAPERS.find((x) => x.id === IDS[i])!;
      expect(r.needFields).toBeUndefined();
      // Same topics, strongest first, as indexes into the list sent.
      const want = direct.match({ ...p, authors: undefined }).map((m) => TOPICS.findIndex((t) => t.id === m.topicId));
      expect([...r.topics]).toEqual(want);
      if (want.length) some++;
      // Title spans point at the matched words of the title as shown.
      for (let i = 0; i < r.spans.length; i += 4) {
        if (r.spans[i + 1] !== SPAN_FIELD.title) continue;
        expect(p.title.slice(r.spans[i + 2], r.spans[i + 3])).toMatch(/^ensembles?$/i);
      }
    }
    expect(some).toBeGreaterThan(5);
  });

  it('answers with columns: typed arrays and strings, cheap to copy, read back the same after a structured clone', () => {
    const cards = IDS.map((id) => ({ id, title: titleOf(id) }));
    const batch = batchOf(core().handle({ type: 'match', req: 1, gen: 1, cards }));
    const results = matched(core().handle({ type: 'match', req: 1, gen: 1, cards }));
    for (const list of [batch.cards, batch.topics, batch.spans]) expect(list).toBeInstanceOf(Int32Array);
    for (const list of [batch.names, batch.details]) expect(list.every((x) => typeof x === 'string')).toBe(true);
    // Cards that match the same topics share one names string.
    expect(batch.names.length).toBeLessThan(results.filter((r) => r.names !== null).length);
    expect(results.some((r) => r.spans.length > 0)).toBe(true);
    const copy = structuredClone(batch);
    const plain = (r: CardMatch) => ({ ...r, topics: [...r.topics], spans: [...r.spans] });
    expect(Array.from({ length: batchSize(copy) }, (_, i) => plain(readCard(copy, i)))).toEqual(results.map(plain));
  });

  it('explains the highlighted topics word for word, from the title element\'s raw text', () => {
    const raw = `\n    ${titleOf('1801.02475').replace(/ /g, '\n  ')}  \n`; // as textContent reads an indented heading
    const [r] = matched(core().handle({ type: 'match', req: 1, gen: 1, cards: [{ id: '1801.02475', title: raw }] }));
    expect([...r!.topics]).toEqual([1]);
    expect(r!.names).toBe(ENSEMBLES.name);
    expect(r!.details).toEqual(['title: Ensemble · abstract: ensemble']);
  });

  it('asks for the card\'s own fields when no JSON entry has its title, and matches those', () => {
    const c = core();
    const [r] = matched(c.handle({ type: 'match', req: 1, gen: 1, cards: [{ id: IDS[0]!, title: 'A title the JSON never had' }] }));
    expect(r).toMatchObject({ needFields: true, names: null, mute: -1 });
    expect(r!.topics).toHaveLength(0);
    const fields = { id: IDS[0]!, title: 'Attention for ensembles' };
    const [again] = matched(c.handle({ type: 'match', req: 2, gen: 1, cards: [{ ...fields, fields }] }));
    expect(again!.needFields).toBeUndefined();
    expect([...again!.topics].sort()).toEqual([0, 1]);
  });

  it('answers a request for older topics with nothing, naming the current generation', () => {
    const c = core(TOPICS, 2);
    const reply = c.handle({ type: 'match', req: 7, gen: 1, cards: [{ id: IDS[0]!, title: titleOf(IDS[0]!) }] });
    expect(reply).toMatchObject({ type: 'matched', req: 7, gen: 2 });
    expect(batchSize(batchOf(reply))).toBe(0);
  });

  it('gives the preview the JSON\'s fields, and null for a card it does not describe', () => {
    const reply = core().handle({ type: 'papers', req: 3, cards: [{ id: IDS[1]!, title: titleOf(IDS[1]!) }, { id: IDS[2]!, title: 'Other' }] });
    if (reply?.type !== 'papers') throw new Error('expected papers');
    expect(reply.papers[0]).toMatchObject({ id: IDS[1], title: titleOf(IDS[1]!), abstract: PAPERS[1]!.abstract });
    expect(reply.papers[1]).toBeNull();
  });

  it('reads new page JSON when it is sent (after in-page navigation)', () => {
    const c = core();
    c.handle({ type: 'page', raws: [] });
    const [r] = matched(c.handle({ type: 'match', req: 1, gen: 1, cards: [{ id: IDS[0]!, title: titleOf(IDS[0]!) }] }));
    expect(r!.needFields).toBe(true);
  });
});
