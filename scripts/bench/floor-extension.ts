/**
 * The floor: the least a content script can do of PaperSift's job, measured in the same run, so the daily page's
 * "under 3 ms" goal can be read against what this machine and this Chromium cost at all. It knows HF's current
 * markup (one selector, no fallback), keeps no state, asks the background nothing, and puts one Save button in a
 * shadow root on each card: what any "save from the list" extension must do, and nothing PaperSift adds (robust
 * detection, library state, hooks, summary bar, keyboard, topics).
 *
 * It publishes its own main-thread time like PaperSift does: `data-floor-ms` (from its first line to its last), and
 * `data-floor-cards` when done.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAPERS_MATCH_PATTERNS } from '../../utils/hf/selectors';

export const FLOOR_MS_ATTR = 'data-floor-ms';
export const FLOOR_CARDS_ATTR = 'data-floor-cards';

/** Plain JS, as it is loaded: no bundler, no polyfill. */
const FLOOR_SCRIPT = `(() => {
  const start = performance.now();
  const css = ':host{display:block;margin-top:4px}button{font:inherit;padding:2px 8px;border:1px solid #ccc;border-radius:6px;background:#fff}';
  let cards = 0;
  for (const a of document.querySelectorAll('article h3 a[href^="/papers/"]')) {
    const article = a.closest('article');
    if (!article || !/^\\/papers\\/\\d{4}\\.\\d{4,5}$/.test(a.getAttribute('href'))) continue;
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = css;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = 'Save';
    button.addEventListener('click', () => chrome.runtime.sendMessage({ save: a.getAttribute('href') }));
    shadow.append(style, button);
    article.append(host);
    cards++;
  }
  const html = document.documentElement;
  html.setAttribute('${FLOOR_MS_ATTR}', (performance.now() - start).toFixed(2));
  html.setAttribute('${FLOOR_CARDS_ATTR}', String(cards));
})();
`;

/** Writes the floor extension (MV3, one content script at document_idle on PaperSift's pages) into a temp folder. */
export function writeFloorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'papersift-floor-'));
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'PaperSift bench floor',
    version: '1.0.0',
    content_scripts: [{ matches: PAPERS_MATCH_PATTERNS, js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(dir, 'content.js'), FLOOR_SCRIPT);
  return dir;
}
