/** The one way tests talk to PaperSift's background: the typed protocol, sent from an extension page. */
import type { PageEvaluator } from '../../../scripts/lib/page-evaluator';

/** Sends `message` from an extension page (`browser.*` in Firefox, `chrome.*` in Chromium); throws unless ok. */
export async function sendFrom<T>(page: PageEvaluator, message: unknown): Promise<T> {
  const reply = (await page.evaluate((m) => {
    const g = globalThis as unknown as Record<'browser' | 'chrome', { runtime: { sendMessage(m: unknown): Promise<unknown> } } | undefined>;
    return (g.browser ?? g.chrome)!.runtime.sendMessage(m);
  }, message)) as { ok: boolean; value?: T; error?: string } | undefined;
  if (!reply?.ok) throw new Error(`${JSON.stringify(message).slice(0, 80)} failed: ${reply?.error ?? 'no reply'}`);
  return reply.value as T;
}
