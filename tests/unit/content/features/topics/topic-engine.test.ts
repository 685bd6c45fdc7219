import { afterEach, describe, expect, it, vi } from 'vitest';
import { TopicEngine } from '../../../../../entrypoints/content/features/topics/topic-engine';
import { TopicWorkerCore } from '../../../../../utils/topic-worker/core';
import { batchSize, readCard, type FromWorker, type ToWorker } from '../../../../../utils/topic-worker/protocol';
import { ENSEMBLES } from '../../daily-page';

const CARD = { id: '1801.02475', title: 'Ensemble methods', fields: { id: '1801.02475', title: 'Ensemble methods' } };

/** A stand-in for a dedicated worker that runs the real core in this thread, asynchronously like a worker. */
class FakeWorker {
  static made: FakeWorker[] = [];
  onmessage: ((e: { data: FromWorker }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  received: ToWorker[] = [];
  terminated = false;
  private core = new TopicWorkerCore();
  constructor(readonly url: string) {
    FakeWorker.made.push(this);
  }
  /** The script has run: say so, as topic-worker.ts does. */
  boot() {
    this.onmessage?.({ data: { type: 'ready' } });
  }
  postMessage(msg: ToWorker) {
    this.received.push(msg);
    setTimeout(() => {
      const reply = this.terminated ? null : this.core.handle(msg);
      if (reply) this.onmessage?.({ data: reply });
    }, 0);
  }
  crash(message: string) {
    this.onerror?.({ message, preventDefault: () => {} });
  }
  terminate() {
    this.terminated = true;
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.made = [];
});

function stubWorker() {
  vi.stubGlobal('Worker', FakeWorker);
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:fake', revokeObjectURL: () => {} }));
}

describe('TopicEngine', () => {
  it('without a worker script, matches in the page', async () => {
    const engine = new TopicEngine();
    expect(engine.mode).toBe('inline');
    engine.setTopics(1, [ENSEMBLES], 3);
    const { gen, batch } = await engine.match(1, [CARD]);
    expect(gen).toBe(1);
    expect([...readCard(batch, 0).topics]).toEqual([0]);
  });

  it('starts the worker only for the first match, sends what it missed once it runs, and answers through it', async () => {
    stubWorker();
    const loadSource = vi.fn(async () => 'self.onmessage = () => {}');
    const engine = new TopicEngine(loadSource);
    const modes: string[] = [];
    engine.onMode = (m) => modes.push(m);
    engine.setTopics(1, [ENSEMBLES], 3);
    engine.setPage(['{}']);
    expect(loadSource).not.toHaveBeenCalled();
    expect(engine.mode).toBe('idle');
    const answer = engine.match(1, [CARD]);
    await flush();
    expect(loadSource).toHaveBeenCalledTimes(1);
    const worker = FakeWorker.made[0]!;
    expect(worker.received).toEqual([]); // not before it said it runs
    worker.boot();
    expect(worker.received.map((m) => m.type)).toEqual(['topics', 'page', 'match']);
    expect([...readCard((await answer).batch, 0).topics]).toEqual([0]);
    expect(engine.mode).toBe('worker');
    expect(modes).toEqual(['worker']);
    // The same page JSON is not sent twice.
    engine.setPage(['{}']);
    expect(worker.received.filter((m) => m.type === 'page')).toHaveLength(1);
  });

  it('in the page, matches a long request in tasks of 250 cards and answers it whole, as the worker would', async () => {
    const cards = Array.from({ length: 600 }, (_, i) => ({ ...CARD, id: `2611.${10000 + i}`, fields: { ...CARD.fields, id: `2611.${10000 + i}` } }));
    const core = new TopicWorkerCore();
    core.handle({ type: 'topics', gen: 1, topics: [ENSEMBLES], maxDetails: 3 });
    const whole = core.handle({ type: 'match', req: 1, gen: 1, cards });
    const engine = new TopicEngine();
    engine.setTopics(1, [ENSEMBLES], 3);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const { batch } = await engine.match(1, cards);
    const tasks = timers.mock.calls.length;
    timers.mockRestore();
    expect(tasks).toBe(3); // 250 + 250 + 100
    expect(batch).toEqual(whole?.type === 'matched' ? whole.batch : null);
  });

  it('in the page, a long request whose topics change between two of its tasks is answered as nothing, for the new ones', async () => {
    const cards = Array.from({ length: 600 }, (_, i) => ({ ...CARD, id: `2611.${10000 + i}`, fields: { ...CARD.fields, id: `2611.${10000 + i}` } }));
    const engine = new TopicEngine();
    engine.setTopics(1, [ENSEMBLES], 3);
    const answer = engine.match(1, cards);
    await flush(); // the first 250 are matched
    engine.setTopics(2, [ENSEMBLES], 3);
    const { gen, batch } = await answer;
    expect(gen).toBe(2);
    expect(batchSize(batch)).toBe(0);
  });

  it('counts the work it does on the page\'s thread: starting the worker and taking its messages', async () => {
    stubWorker();
    const engine = new TopicEngine(async () => 'self.onmessage = () => {}');
    const phases: string[] = [];
    engine.onWork = (start, phase) => {
      expect(start).toBeLessThanOrEqual(performance.now());
      phases.push(phase);
    };
    engine.setTopics(1, [ENSEMBLES], 3);
    const answer = engine.match(1, [CARD]);
    await flush();
    expect(phases).toEqual(['match-start']);
    FakeWorker.made[0]!.boot();
    await answer;
    expect(phases).toEqual(['match-start', 'match-receive', 'match-receive']); // "ready", then the answer
  });

  it('when the worker fails, matches in the page and still answers every request that was waiting', async () => {
    stubWorker();
    const engine = new TopicEngine(async () => 'src');
    const modes: string[] = [];
    engine.onMode = (m) => modes.push(m);
    engine.setTopics(1, [ENSEMBLES], 3);
    const first = engine.match(1, [CARD]);
    await flush();
    const worker = FakeWorker.made[0]!;
    worker.crash('blocked by the page’s Content-Security-Policy');
    expect(worker.terminated).toBe(true);
    expect(engine.mode).toBe('inline');
    expect(modes).toEqual(['inline']);
    expect([...readCard((await first).batch, 0).topics]).toEqual([0]);
    expect([...readCard((await engine.match(1, [CARD])).batch, 0).topics]).toEqual([0]);
  });

  it('falls back when the worker script cannot be had, or never says it runs', async () => {
    stubWorker();
    const noScript = new TopicEngine(async () => {
      throw new Error('extension context invalidated');
    });
    noScript.setTopics(1, [ENSEMBLES], 3);
    expect([...readCard((await noScript.match(1, [CARD])).batch, 0).topics]).toEqual([0]);
    expect(noScript.mode).toBe('inline');

    vi.useFakeTimers();
    try {
      const silent = new TopicEngine(async () => 'src');
      silent.setTopics(1, [ENSEMBLES], 3);
      const answer = silent.match(1, [CARD]);
      await vi.advanceTimersByTimeAsync(5000);
      expect(silent.mode).toBe('inline');
      expect([...readCard((await answer).batch, 0).topics]).toEqual([0]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects what is still waiting when the page script stops', async () => {
    stubWorker();
    const engine = new TopicEngine(async () => 'src');
    engine.setTopics(1, [ENSEMBLES], 3);
    const answer = engine.match(1, [CARD]);
    engine.destroy();
    await expect(answer).rejects.toThrow(/stopped/);
  });
});
