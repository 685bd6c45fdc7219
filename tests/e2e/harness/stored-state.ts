/** Putting PaperSift's stored state in place through the background, in either browser. */
import type { Topic } from '../../../utils/topics';
import type { E2EBrowser } from './e2e-browser';

/**
 * Hides papers by hand and stores topics through the background (the one typed protocol), then waits until a page
 * at `document_start` can read them all: the ready state in storage.local, which early hide reads before any card.
 */
export async function hideAndStore(b: E2EBrowser, ids: readonly string[], topics: Topic[], source: { url: string; kind: string }): Promise<void> {
  for (const id of ids) await b.send({ type: 'hidden/hide', id, title: id, reason: 'manual', source });
  for (const topic of topics) await b.send({ type: 'topics/put', topic });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const got = await b.inExtension(async () => {
      const api = (globalThis as unknown as { browser?: unknown; chrome?: unknown }).browser ?? (globalThis as unknown as { chrome: unknown }).chrome;
      const local = (api as { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } }).storage.local;
      const ready = (await local.get('papersift:ready'))['papersift:ready'] as { hiddenIds?: string[]; topics?: unknown[] } | undefined;
      return [ready?.hiddenIds?.length ?? 0, ready?.topics?.length ?? 0];
    }, undefined);
    if (got[0] === ids.length && got[1] === topics.length) return;
    if (Date.now() > deadline) throw new Error(`the ready state holds ${got.join(' hidden, ')} topics, not ${ids.length}, ${topics.length}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
