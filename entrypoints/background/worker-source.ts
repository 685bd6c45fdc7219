import { browser } from 'wxt/browser';

let cached: Promise<string> | null = null;

/**
 * The topic worker's script, for content scripts: a page may not start a worker from an extension URL, so the
 * content script starts it from a blob: URL of this text. Read once per background lifetime.
 */
export function readWorkerSource(): Promise<string> {
  cached ??= fetch(browser.runtime.getURL('/topic-worker.js')).then((r) => {
    if (!r.ok) throw new Error(`topic-worker.js: HTTP ${r.status}`);
    return r.text();
  });
  cached.catch(() => (cached = null)); // try again next time
  return cached;
}
