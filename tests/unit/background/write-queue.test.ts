import { describe, expect, it } from 'vitest';
import { createWriteQueue } from '../../../entrypoints/background/write-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createWriteQueue', () => {
  it('runs tasks one at a time in arrival order', async () => {
    const queue = createWriteQueue();
    const log: string[] = [];
    let running = 0;
    const task = (name: string) => async () => {
      running++;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all([queue(task('a')), queue(task('b')), queue(task('c'))]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('a failing task rejects its own caller only; later tasks still run', async () => {
    const queue = createWriteQueue();
    const failing = queue(async () => {
      throw new Error('nope');
    });
    const next = queue(async () => 'ran');
    await expect(failing).rejects.toThrow('nope');
    await expect(next).resolves.toBe('ran');
  });

  it('a read-modify-write through the queue never loses an update', async () => {
    const queue = createWriteQueue();
    let stored = 0;
    const increment = () =>
      queue(async () => {
        const read = stored;
        await tick();
        stored = read + 1;
      });
    await Promise.all(Array.from({ length: 25 }, increment));
    expect(stored).toBe(25);
  });
});
