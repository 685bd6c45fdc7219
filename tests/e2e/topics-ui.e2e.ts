/**
 * Topics in the popup and the options page's Topics tab, in real Chromium with the built extension:
 * quick add (highlight, muted), delete + Undo, refusals shown, the full editor with its live preview on the last
 * visited page, a catastrophic regex refused with its reason, and axe-core on both UIs in light and dark mode.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PaperSiftBrowser } from '../../scripts/lib/browser';
import { fixtureHtml, listedPapers, PAGES } from '../../scripts/lib/fixtures';
import { FIXTURES_DIR, ROOT } from '../../scripts/lib/paths';
import type { LastPage, PagePaper } from '../../utils/storage/last-page';
import { compileTopics } from '../../utils/topics/compile';
import { eventually, SETTLE_MS, useBrowser, waitForDecoration } from './support';

const daily = listedPapers(fixtureHtml('daily'));
const LAST_PAGE_KEY = 'papersift:lastPage';

const topicInput = (popup: Page) => popup.getByRole('textbox', { name: /topic/i });
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const topicRow = (popup: Page, name: string) =>
  popup.locator('.topic-row').filter({ has: popup.locator('.topic-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) });
const listedNames = (popup: Page) => popup.locator('.topic-row .topic-name').allInnerTexts();

async function addInPopup(popup: Page, text: string): Promise<void> {
  const input = topicInput(popup);
  await input.fill(text);
  await input.press('Enter');
}

/** The daily page open and decorated, and its popup. */
async function dailyWithPopup(b: PaperSiftBrowser): Promise<{ page: Page; popup: Page }> {
  const page = await b.open('daily');
  await waitForDecoration(page, daily.length);
  const popup = await b.openPopup(await b.tabId(page));
  await topicInput(popup).waitFor({ timeout: SETTLE_MS });
  return { page, popup };
}

const readLastPage = (b: PaperSiftBrowser) =>
  b.evalInWorker(async (key: string) => {
    const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return ((await c.storage.local.get(key))[key] ?? null) as LastPage | null;
  }, LAST_PAGE_KEY);

/** The daily fixture's papers as a content script would report them (from the page's API JSON). */
function dailyPapersFromApi(): PagePaper[] {
  type Entry = { title: string; paper: { id: string; summary: string; ai_keywords?: string[]; authors: Array<{ name: string }> } };
  const entries = JSON.parse(readFileSync(join(FIXTURES_DIR, 'api-daily_papers.json'), 'utf8')) as Entry[];
  return entries.map((e) => ({
    id: e.paper.id,
    title: e.title,
    abstract: e.paper.summary,
    keywords: e.paper.ai_keywords ?? [],
    authors: e.paper.authors.map((a) => a.name),
  }));
}

/**
 * The last page's papers as the options preview will read them. The content script reports the daily page's papers
 * through `page/papers` once it does so; until then (or if it has not yet), the record is seeded here with the
 * same papers, written the way the background's writeLastPage does.
 */
async function ensureLastPage(b: PaperSiftBrowser): Promise<{ page: LastPage; seeded: boolean }> {
  const deadline = Date.now() + 3_000;
  while (Date.now() < deadline) {
    const stored = await readLastPage(b);
    if (stored && stored.url === PAGES.daily.url && stored.papers.length > 0) return { page: stored, seeded: false };
    await new Promise((r) => setTimeout(r, 200));
  }
  const record: LastPage = { v: 1, url: PAGES.daily.url, at: Date.now(), papers: dailyPapersFromApi() };
  await b.evalInWorker(
    async ([key, value]: [string, LastPage]) => {
      const c = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome;
      await c.storage.local.set({ [key]: value });
    },
    [LAST_PAGE_KEY, record] as [string, LastPage],
  );
  return { page: record, seeded: true };
}

async function openTopicsTab(b: PaperSiftBrowser): Promise<Page> {
  const options = await b.context.newPage();
  await options.goto(`${b.extensionOrigin}/options.html#topics`);
  await options.getByRole('heading', { name: 'Topics', level: 2 }).waitFor({ timeout: SETTLE_MS });
  return options;
}

const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  // Extension pages' CSP forbids inline scripts, so addScriptTag cannot be used; evaluate bypasses the CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const { violations } = await axe.run();
    return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

describe('topics in the popup', () => {
  const browser = useBrowser();

  it('adds a topic with Enter, a muted one with a leading minus, and shows both with their counts', async () => {
    const { popup } = await dailyWithPopup(browser());
    await addInPopup(popup, 'attention');
    await topicRow(popup, 'attention').waitFor({ timeout: SETTLE_MS });
    expect(await topicInput(popup).inputValue()).toBe('');

    await addInPopup(popup, '-diffusion');
    const muted = topicRow(popup, 'diffusion');
    await muted.waitFor({ timeout: SETTLE_MS });
    expect(await muted.getAttribute('data-topic-mode')).toBe('mute');
    expect(await muted.innerText()).toContain('muted');
    expect(await muted.getByRole('button', { name: 'Mute diffusion' }).getAttribute('aria-pressed')).toBe('true');
    expect(await topicRow(popup, 'attention').getByRole('button', { name: 'Mute attention' }).getAttribute('aria-pressed')).toBe('false');
    expect(await listedNames(popup)).toEqual(['attention', 'diffusion']);

    // A count per topic for this page: 0 until the content script fills PageStats.topicCounts; never missing.
    for (const name of ['attention', 'diffusion']) {
      expect(await topicRow(popup, name).locator('.topic-count').innerText()).toMatch(/^\d+\s+papers? on this page$/);
    }

    // Stored by the background: another view (a second popup) lists them too.
    const again = await browser().openPopup();
    await topicRow(again, 'diffusion').waitFor({ timeout: SETTLE_MS });

    // "Open library" opens the options page (runtime.openOptionsPage).
    const [options] = await Promise.all([
      browser().context.waitForEvent('page', { timeout: SETTLE_MS }),
      again.getByRole('link', { name: 'Open library' }).click(),
    ]);
    await options.waitForLoadState();
    expect(options.url()).toBe(`${browser().extensionOrigin}/options.html`);
  });

  it('toggles mute, deletes with Undo, and says why a duplicate is refused', async () => {
    const { popup } = await dailyWithPopup(browser());
    await addInPopup(popup, 'attention');
    const row = topicRow(popup, 'attention');
    await row.waitFor({ timeout: SETTLE_MS });

    const mute = row.getByRole('button', { name: 'Mute attention' });
    await mute.click();
    await eventually(() => mute.getAttribute('aria-pressed'), (v) => expect(v).toBe('true'));
    await mute.press('Enter');
    await eventually(() => mute.getAttribute('aria-pressed'), (v) => expect(v).toBe('false'));

    await addInPopup(popup, 'Attention');
    const alert = popup.locator('#add-topic-error');
    await alert.waitFor({ timeout: SETTLE_MS });
    expect(await alert.innerText()).toBe('A topic named "attention" already exists.');
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await listedNames(popup)).toEqual(['attention']);

    await row.getByRole('button', { name: 'Delete attention' }).click();
    await eventually(() => row.count(), (n) => expect(n).toBe(0));
    const bar = popup.locator('.undo-bar');
    expect(await bar.innerText()).toMatch(/Deleted “attention”/);
    // The focus moved to Undo (the deleted row's button is gone): Enter restores the topic.
    await popup.keyboard.press('Enter');
    await row.waitFor({ timeout: SETTLE_MS });
    expect(await bar.count()).toBe(0);
  });

  it('refuses empty input and a catastrophic regex with a message', async () => {
    const { popup } = await dailyWithPopup(browser());
    await addInPopup(popup, '   ');
    expect(await popup.locator('#add-topic-error').innerText()).toMatch(/Type a word/);
    await addInPopup(popup, '/(a+)+$/');
    await eventually(() => popup.locator('#add-topic-error').innerText(), (t) => expect(t).toMatch(/nested quantifiers/));
    expect(await popup.locator('.topic-row').count()).toBe(0);
  });
});

describe('the Topics tab of the options page', () => {
  const browser = useBrowser();

  it('creates a topic with a phrase and an exclusion, previews it on the last page, refuses a catastrophic regex, and saves it', async () => {
    const { page } = await dailyWithPopup(browser());
    const { page: lastPage, seeded } = await ensureLastPage(browser());
    if (seeded) console.info('[topics-ui.e2e] no page/papers report from the content script yet: last page seeded via storage');

    const options = await openTopicsTab(browser());
    await options.getByRole('button', { name: 'New topic' }).click();
    await options.getByLabel('Name').fill('Multi-head attention');
    await options.getByLabel('Terms').fill('"multi-head attention"');
    await options.getByLabel('Exclusions').fill('softmax');

    const expected = compileTopics([
      { id: 'x', name: 'x', colour: '#3b82f6', terms: ['"multi-head attention"'], exclusions: ['softmax'], fields: [], mode: 'highlight', createdAt: 0 },
    ]);
    const matching = lastPage.papers.filter((p) => expected.match(p).length > 0);
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.length).toBeLessThan(lastPage.papers.length);
    const count = options.locator('.preview-count');
    await eventually(
      () => count.innerText(),
      (t) => expect(t).toBe(`Matches ${matching.length} of ${lastPage.papers.length} papers on huggingface.co/papers/date/2026-11-27`),
    );
    const titles = await options.locator('.preview-title').allInnerTexts();
    expect(titles).toEqual(matching.map((p) => p.title));
    const marked = await options.locator('.topic-preview mark').allInnerTexts();
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked) expect(m.toLowerCase()).toMatch(/multi-head\s+attention/);

    // A regex that backtracks catastrophically is refused, with the reason, next to the terms.
    await options.getByLabel('Terms').fill('"multi-head attention"\n/(a+)+$/');
    await options.getByLabel('Terms').blur();
    const termErrors = options.locator('#topic-terms-errors');
    await eventually(() => termErrors.innerText(), (t) => expect(t).toMatch(/\/\(a\+\)\+\$\/ is refused: nested quantifiers.*exponential/s));
    await options.getByRole('button', { name: 'Save' }).click();
    expect(await options.locator('.topic-index-item').count()).toBe(0);

    await options.getByLabel('Terms').fill('"multi-head attention"');
    await eventually(() => termErrors.count(), (n) => expect(n).toBe(0));
    await options.getByRole('button', { name: 'Save' }).click();
    await options.locator('.topic-index-item', { hasText: 'Multi-head attention' }).waitFor({ timeout: SETTLE_MS });
    expect(await options.locator('#topic-editor-title').innerText()).toBe('Edit “Multi-head attention”');

    const popup = await browser().openPopup(await browser().tabId(page));
    await topicRow(popup, 'Multi-head attention').waitFor({ timeout: SETTLE_MS });
    expect(await topicRow(popup, 'Multi-head attention').locator('.topic-terms').innerText()).toBe('"multi-head attention" · not softmax');
  });

  it('follows topics added elsewhere, and deletes with Undo', async () => {
    const { popup } = await dailyWithPopup(browser());
    const options = await openTopicsTab(browser());
    await addInPopup(popup, 'attention');
    const item = options.locator('.topic-index-item', { hasText: 'attention' });
    await item.waitFor({ timeout: SETTLE_MS });

    await item.click();
    await options.getByRole('button', { name: 'Delete topic' }).click();
    await eventually(() => item.count(), (n) => expect(n).toBe(0));
    await eventually(() => topicRow(popup, 'attention').count(), (n) => expect(n).toBe(0));
    await options.getByRole('button', { name: 'Undo' }).click();
    await item.waitFor({ timeout: SETTLE_MS });
    await topicRow(popup, 'attention').waitFor({ timeout: SETTLE_MS });
  });

  it('says how to get a preview when no papers page was visited', async () => {
    const options = await openTopicsTab(browser());
    await options.getByRole('button', { name: 'New topic' }).click();
    await options.getByLabel('Terms').fill('attention');
    await eventually(() => options.locator('.topic-preview').innerText(), (t) => expect(t).toMatch(/No papers to preview yet\. Visit a Hugging Face papers page/));
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`accessibility (axe-core, ${colorScheme})`, () => {
    const browser = useBrowser({ colorScheme });

    /** Realistic content: two topics (one muted), a deletion waiting for Undo. */
    async function populatedPopup(): Promise<Page> {
      const { popup } = await dailyWithPopup(browser());
      await addInPopup(popup, 'attention, "language models"');
      await topicRow(popup, 'attention').waitFor({ timeout: SETTLE_MS });
      await addInPopup(popup, '-diffusion');
      await topicRow(popup, 'diffusion').waitFor({ timeout: SETTLE_MS });
      await addInPopup(popup, 'ensembl*');
      await topicRow(popup, 'ensembl*').waitFor({ timeout: SETTLE_MS });
      await topicRow(popup, 'ensembl*').getByRole('button', { name: 'Delete ensembl*' }).click();
      await popup.locator('.undo-bar').waitFor();
      await addInPopup(popup, 'attention');
      await popup.locator('#add-topic-error').waitFor();
      return popup;
    }

    it('the popup has no violations', async () => {
      const popup = await populatedPopup();
      expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      expect(await axeViolations(popup)).toEqual([]);
    });

    it('the Topics tab has no violations, with the editor, its messages and the preview open', async () => {
      await populatedPopup();
      await ensureLastPage(browser());
      const options = await openTopicsTab(browser());
      await options.locator('.topic-index-item', { hasText: 'attention' }).click();
      await options.locator('.preview-count').filter({ hasText: 'Matches' }).waitFor({ timeout: SETTLE_MS });
      await options.locator('.preview-missed summary').click();
      await options.getByLabel('Exclusions').fill('x*\n/(a+)+$/');
      await options.locator('#topic-colour-errors').count(); // none yet
      await options.locator('input[type="color"]').evaluate((el: HTMLInputElement) => {
        el.value = '#fef08a';
        el.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await options.locator('#topic-exclusions-errors').waitFor({ timeout: SETTLE_MS });
      await options.locator('#topic-colour-errors').waitFor({ timeout: SETTLE_MS });
      expect(await axeViolations(options)).toEqual([]);
    });
  });
}
