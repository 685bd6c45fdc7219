/** Talking to PaperSift's background from an extension page, as its own pages do (the one typed protocol). */
import type { Page } from 'playwright-core';
import type { PaperSiftBrowser } from '../../scripts/lib/browser';
import type { Topic } from '../../utils/topics';

/** An extension page to send messages from (the popup, opened as a tab). */
export async function controlPage(b: PaperSiftBrowser): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(`${b.extensionOrigin}/popup.html`);
  return page;
}

export async function send<T>(ctl: Page, message: unknown): Promise<T> {
  const reply = (await ctl.evaluate(
    (m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m),
    message,
  )) as { ok: boolean; value?: T; error?: string } | undefined;
  if (!reply?.ok) throw new Error(`${JSON.stringify(message).slice(0, 80)} failed: ${reply?.error ?? 'no reply'}`);
  return reply.value as T;
}

export const putTopics = async (ctl: Page, ...topics: Topic[]) => {
  for (const t of topics) await send(ctl, { type: 'topics/put', topic: t });
};

/**
 * Hides papers by hand and stores topics through the background, then waits until a page at `document_start` can
 * read them all (the ready state in storage.local). Returns the control page.
 */
export async function hideAndStore(b: PaperSiftBrowser, ids: readonly string[], topics: Topic[], source: { url: string; kind: string }): Promise<Page> {
  const ctl = await controlPage(b);
  for (const id of ids) await send(ctl, { type: 'hidden/hide', id, title: id, reason: 'manual', source });
  await putTopics(ctl, ...topics);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const got = await ctl.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      const ready = (await c.storage.local.get('papersift:ready'))['papersift:ready'] as { hiddenIds?: string[]; topics?: unknown[] } | undefined;
      return [ready?.hiddenIds?.length ?? 0, ready?.topics?.length ?? 0];
    });
    if (got[0] === ids.length && got[1] === topics.length) return ctl;
    if (Date.now() > deadline) throw new Error(`the ready state holds ${got.join(' hidden, ')} topics, not ${ids.length}, ${topics.length}`);
    await ctl.waitForTimeout(50);
  }
}
