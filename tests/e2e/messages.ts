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
