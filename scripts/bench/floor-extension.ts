/**
 * The floor: the least a content script can do of PaperSift's job, measured in the same run, so the issues' speed
 * goals can be read against what this machine and this Chromium cost at all. It knows HF's current markup (one
 * selector, no fallback), keeps no state, asks the background nothing, and puts one Save button in a shadow root on
 * each card: what any "save from the list" extension must do, and nothing PaperSift adds (robust detection, library
 * state, hooks, summary bar, keyboard).
 *
 * With topics (`writeFloorExtension(topics)`) it also does the least of matching them: the page's `data-props` JSON
 * and the cards' titles go to a worker in one message; the worker matches each topic as one RegExp of its terms
 * (no exclusions, no explanations); the answer, one string of topic names per card, is written to each matched
 * card's attribute, and the first NEAR_CARDS cards (about what PaperSift finds near the viewport) get a chip for
 * each of their first MAX_CHIPS topics in their shadow root. No word marks, no placeholders, no summary.
 *
 * It publishes its own main-thread time like PaperSift does: `data-floor-ms` (the sum of its tasks), and
 * `data-floor-cards` when done (with topics: once the answer is applied).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAPERS_MATCH_PATTERNS } from '../../utils/hf/selectors';
import type { Topic } from '../../utils/topics/types';

export const FLOOR_MS_ATTR = 'data-floor-ms';
export const FLOOR_CARDS_ATTR = 'data-floor-cards';
const NEAR_CARDS = 30;
/** Chips per card, as PaperSift shows them before folding the rest into "+N". */
const MAX_CHIPS = 3;

/** The worker's code (a Blob URL): parses the JSON, matches each card's title, abstract, keywords and authors. */
const WORKER = `onmessage = (e) => {
  const { raws, titles, topics } = e.data;
  const byId = new Map();
  for (const raw of raws) {
    try {
      const props = JSON.parse(raw);
      for (const key of ['dailyPapers', 'searchResults', 'papers']) for (const x of props[key] || []) {
        const p = x.paper || x;
        if (p && p.id && !byId.has(p.id)) byId.set(p.id, [p.summary || '', (p.ai_keywords || []).join(' '), (p.authors || []).map((a) => a.name).join(' ')].join(' '));
      }
    } catch {}
  }
  const res = topics.map((t) => new RegExp('\\\\b(?:' + t.terms.map((s) => s.endsWith('*') ? s.slice(0, -1).replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&') + '\\\\w*' : s.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&') + 's?').join('|') + ')\\\\b', 'i'));
  postMessage(titles.map(([id, title]) => {
    const text = title + ' ' + (byId.get(id) || '');
    return topics.filter((t, i) => res[i].test(text)).map((t) => t.name).join(',');
  }));
};`;

/** Plain JS, as it is loaded: no bundler, no polyfill. */
const floorScript = (topics: Array<Pick<Topic, 'name' | 'terms' | 'colour'>>) => `(() => {
  const html = document.documentElement;
  let work = 0;
  const timed = (fn) => (...args) => {
    const start = performance.now();
    try { return fn(...args); } finally { work += performance.now() - start; html.setAttribute('${FLOOR_MS_ATTR}', work.toFixed(2)); }
  };
  const TOPICS = ${JSON.stringify(topics)};
  timed(() => {
    const css = ':host{display:block;margin-top:4px}button,span{font:inherit;padding:2px 8px;border:1px solid #ccc;border-radius:6px;background:#fff}';
    const cards = [];
    for (const a of document.querySelectorAll('article h3 a[href^="/papers/"]')) {
      const article = a.closest('article');
      const href = a.getAttribute('href');
      if (!article || !/^\\/papers\\/\\d{4}\\.\\d{4,5}$/.test(href)) continue;
      const host = document.createElement('div');
      const shadow = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = css;
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = 'Save';
      button.addEventListener('click', () => chrome.runtime.sendMessage({ save: href }));
      shadow.append(style, button);
      article.append(host);
      cards.push({ id: href.slice('/papers/'.length), title: a.textContent, article, shadow });
    }
    if (!TOPICS.length) return html.setAttribute('${FLOOR_CARDS_ATTR}', String(cards.length));
    const colour = new Map(TOPICS.map((t) => [t.name, t.colour]));
    const worker = new Worker(URL.createObjectURL(new Blob([${JSON.stringify(WORKER)}], { type: 'text/javascript' })));
    worker.onmessage = timed((e) => {
      e.data.forEach((names, i) => {
        if (!names) return;
        cards[i].article.setAttribute('data-floor-topics', names);
        if (i >= ${NEAR_CARDS}) return;
        for (const name of names.split(',').slice(0, ${MAX_CHIPS})) {
          const chip = document.createElement('span');
          chip.textContent = name;
          chip.style.borderColor = colour.get(name);
          cards[i].shadow.append(chip);
        }
      });
      worker.terminate();
      html.setAttribute('${FLOOR_CARDS_ATTR}', String(cards.length));
    });
    const raws = Array.from(document.querySelectorAll('[data-props]'), (el) => el.getAttribute('data-props'));
    worker.postMessage({ raws, titles: cards.map((c) => [c.id, c.title]), topics: TOPICS.map((t) => ({ name: t.name, terms: t.terms })) });
  })();
})();
`;

/**
 * Writes the floor extension (MV3, one content script at document_idle on PaperSift's pages) into a temp folder;
 * with `topics`, it matches them too (see above).
 */
export function writeFloorExtension(topics: Topic[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'papersift-floor-'));
  mkdirSync(dir, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'PaperSift bench floor',
    version: '1.0.0',
    content_scripts: [{ matches: PAPERS_MATCH_PATTERNS, js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const plain = topics.map(({ name, terms, colour }) => ({ name, colour, terms: terms.filter((t) => !t.startsWith('/')) }));
  writeFileSync(join(dir, 'content.js'), floorScript(plain));
  return dir;
}
