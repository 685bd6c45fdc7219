/**
 * Run async tasks one at a time, in arrival order. Saves and hides from many tabs go through one queue so no
 * read-modify-write (read record → build → put → bump rev) can interleave with another. A failed task does
 * not stop the ones behind it.
 */
export type WriteQueue = <T>(task: () => Promise<T>) => Promise<T>;

export function createWriteQueue(): WriteQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}
