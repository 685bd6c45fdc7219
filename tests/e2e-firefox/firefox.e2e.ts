/**
 * The Firefox leg: the built Firefox add-on (.output/firefox-mv2) in headless firefox-esr, on the same offline
 * pages and with the same hooks the Chromium files check. Driven by puppeteer-core over WebDriver BiDi
 * (scripts/lib/firefox.ts says why not Playwright).
 *
 * Not covered here, and why: stopping/starting the background (Chromium's CDP ServiceWorker domain; Firefox MV2
 * has a persistent background page and BiDi has no control over it), the per-frame no-flash probe and the
 * 1,000-card month page (Chromium-only timing checks), the popup opened for a given tab (needs `tabs.query` from
 * the background, which BiDi cannot evaluate in), the dark system theme (Playwright's emulateMedia; here only HF's
 * `dark` class is toggled), keyboard triage, backup/restore and exports (downloads), which are Chromium files only
 * so far.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page as PwPage } from 'playwright-core';
import { decorationSnapshot, type DecorationSnapshot } from '../../scripts/lib/decoration';
import { fixtureHtml, listedPapers, PAGES } from '../../scripts/lib/fixtures';
import { launchPaperSiftFirefox, type PaperSiftFirefox } from '../../scripts/lib/firefox';
import { paletteHighlightName } from '../../entrypoints/content/features/topics/topic-highlights';
import { appendCards, monthCards, switchPeriodInPage } from '../../scripts/lib/page-sim';
import { compileTopics } from '../../utils/topics';
import type { Topic } from '../../utils/topics';

const daily = listedPapers(fixtureHtml('daily'));
const SETTLE_MS = 10_000;

/** page-sim.ts only calls `page.evaluate(fn, arg)`, the same in both drivers. */
const pw = (page: Page) => page as unknown as PwPage;

/** The decoration snapshot of scripts/lib/decoration.ts (it only calls `page.evaluate`, which both drivers have). */
const snapshot = (page: Page): Promise<DecorationSnapshot> => decorationSnapshot(page as unknown as PwPage);

async function waitForDecoration(page: Page, n: number, timeout = SETTLE_MS): Promise<void> {
  await page.waitForFunction(
    (n) => {
      if (document.documentElement.getAttribute('data-papersift-cards') !== String(n)) return false;
      const roots = document.querySelectorAll('[data-papersift-id]');
      return roots.length === n && [...roots].every((r) => r.querySelector('[data-papersift-ui]'));
    },
    { timeout, polling: 50 },
    n,
  );
}

/** Clicks the button of a card's control (inside its open shadow root) whose accessible name matches. */
async function clickCardButton(page: Page, id: string, name: RegExp): Promise<void> {
  const clicked = await page.evaluate(
    (id, source) => {
      const re = new RegExp(source);
      const host = document.querySelector(`[data-papersift-id="${id}"] [data-papersift-ui]`);
      const button = [...(host?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) =>
        re.test(b.getAttribute('aria-label') ?? b.textContent ?? ''),
      );
      button?.click();
      return !!button;
    },
    id,
    name.source,
  );
  expect(clicked, `button ${name} on ${id}`).toBe(true);
}

const attr = (page: Page, id: string, name: string) =>
  page.evaluate((id, name) => document.querySelector(`[data-papersift-id="${id}"]`)?.getAttribute(name) ?? null, id, name);
const uiText = (page: Page, id: string) =>
  page.evaluate(
    (id) => (document.querySelector(`[data-papersift-id="${id}"] [data-papersift-ui]`)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' '),
    id,
  );

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeout = SETTLE_MS): Promise<T> {
  const end = Date.now() + timeout;
  let v = await read();
  while (!ok(v)) {
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(v)} after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  return v;
}

describe('Firefox: PaperSift on the papers pages', () => {
  let ff: PaperSiftFirefox;
  beforeAll(async () => {
    ff = await launchPaperSiftFirefox();
  });
  afterAll(async () => {
    await ff?.close();
  });

  for (const name of ['daily', 'trending', 'search'] as const) {
    it(`${name}: every card decorated once, ids in page order`, async () => {
      const page = await ff.open(name);
      const expected = listedPapers(fixtureHtml(name)).map((p) => p.id);
      expect(expected).toHaveLength(PAGES[name].cards);
      await waitForDecoration(page, expected.length);
      const snap = await snapshot(page);
      expect(snap.cards.map((c) => c.id)).toEqual(expected);
      expect(snap.cards.map((c) => c.hosts)).toEqual(expected.map(() => 1));
      expect(snap.strayHosts).toBe(0);
      await page.close();
    });
  }

  it('paper page: one card', async () => {
    const page = await ff.open('paper');
    await waitForDecoration(page, 1);
    expect((await snapshot(page)).cards.map((c) => c.id)).toEqual(['2410.24210']);
    await page.close();
  });

  it('a save and a hide persist across a reload; Undo restores the card', async () => {
    const [saved, hidden] = [daily[0]!, daily[1]!];
    const page = await ff.open('daily');
    await waitForDecoration(page, daily.length);
    await clickCardButton(page, saved.id, /Save/);
    await until(() => attr(page, saved.id, 'data-papersift-saved'), (v) => v !== null, 'saved hook');
    await clickCardButton(page, hidden.id, /\bHide\b/);
    await until(() => attr(page, hidden.id, 'data-papersift-hidden'), (v) => v === 'manual', 'hidden hook');
    await until(() => uiText(page, hidden.id), (t) => t.includes(`Hidden: ${hidden.title}`), 'placeholder');

    await ff.reload(page);
    await waitForDecoration(page, daily.length);
    await until(() => attr(page, saved.id, 'data-papersift-saved'), (v) => v !== null, 'saved after reload');
    await until(() => attr(page, hidden.id, 'data-papersift-hidden'), (v) => v === 'manual', 'hidden after reload');
    expect(await attr(page, daily[2]!.id, 'data-papersift-saved')).toBeNull();

    await clickCardButton(page, hidden.id, /^Undo$/);
    await until(() => attr(page, hidden.id, 'data-papersift-hidden'), (v) => v === null, 'undone');
    await ff.reload(page);
    await waitForDecoration(page, daily.length);
    expect(await attr(page, hidden.id, 'data-papersift-hidden')).toBeNull();
    await page.close();
  });

  it('topics: a highlight topic rings its cards and marks words; a muted topic collapses its cards', async () => {
    const highlight: Topic = { exclusions: [], fields: ['title', 'abstract', 'keywords'], createdAt: 1_000, id: 'ff-ens', name: 'Ensembles', terms: ['ensemble'], colour: '#16a34a', mode: 'highlight' };
    const mute: Topic = { exclusions: [], fields: ['title'], id: 'ff-att', name: 'Attention', terms: ['attention'], colour: '#dc2626', mode: 'mute', createdAt: 2_000 };
    const ctl = await ff.openExtensionPage('options.html', 'body *');
    for (const topic of [highlight, mute]) {
      const reply = await ctl.evaluate(
        (t) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } } }).browser.runtime.sendMessage({ type: 'topics/put', topic: t }),
        topic as unknown as Record<string, unknown>,
      );
      expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true });
    }
    // Expected cards from the project's matcher on the titles (the page matches abstracts and keywords too).
    const titleMuted = daily.filter((p) => compileTopics([mute]).match({ title: p.title, abstract: '', keywords: [] } as never).length > 0);
    const page = await ff.open('daily');
    await waitForDecoration(page, daily.length);
    const ringed = await until(
      () => page.evaluate(() => [...document.querySelectorAll('[data-papersift-topics]')].map((c) => c.getAttribute('data-papersift-id'))),
      (ids) => ids.length > 0,
      'cards with data-papersift-topics',
    );
    expect(ringed.length).toBeGreaterThan(0);
    // Word marks: the CSS Custom Highlight API, filled from the content script (this threw in Firefox before).
    const markName = paletteHighlightName(highlight.colour);
    expect(markName, 'the topic uses a palette colour').not.toBeNull();
    await until(() => page.evaluate((n) => (CSS.highlights.get(n) as Set<unknown> | undefined)?.size ?? 0, markName!), (n) => n > 0, 'word marks');
    for (const p of titleMuted) {
      if (ringed.includes(p.id)) continue; // a highlighted card is not muted by default
      await until(() => attr(page, p.id, 'data-papersift-hidden'), (v) => v === 'topic:Attention', `muted ${p.id}`);
    }
    await page.close();
    await ctl.close();
  });
  it('lazy loading and the in-page period switch: new cards decorated once, old ones gone', async () => {
    const page = await ff.open('daily');
    await waitForDecoration(page, daily.length);
    const extra = monthCards(0, 5);
    await appendCards(pw(page), extra);
    await waitForDecoration(page, daily.length + 5);
    let snap = await snapshot(page);
    expect(snap.cards.map((c) => c.id)).toEqual([...daily.map((p) => p.id), ...extra.map((c) => c.id)]);
    expect(snap.cards.filter((c) => c.hosts !== 1)).toEqual([]);

    const monthly = monthCards(100, 30);
    await switchPeriodInPage(pw(page), 'https://huggingface.co/papers/month/2026-11', monthly, { listFirst: false });
    await waitForDecoration(page, monthly.length);
    snap = await snapshot(page);
    expect(snap.cards.map((c) => c.id)).toEqual(monthly.map((c) => c.id));
    expect(snap.cards.filter((c) => c.hosts !== 1)).toEqual([]);
    expect(snap.strayHosts).toBe(0);
    await page.close();
  });

  it('a papers page with no cards says so', async () => {
    const url = 'https://huggingface.co/papers/date/2026-11-28';
    ff.site.servePage(url, fixtureHtml('daily').replace(/<article[\s\S]*?<\/article>/g, ''));
    const page = await ff.open(url);
    await until(() => page.evaluate(() => document.documentElement.getAttribute('data-papersift-cards')), (v) => v === '0', 'card count 0');
    const notice = await until(
      () => page.evaluate(() => document.querySelector('[data-papersift-ui="notice"]')?.shadowRoot?.textContent ?? ''),
      (t) => t.length > 0,
      'notice',
    );
    expect(notice).toMatch(/found no papers on this page/i);
    await page.close();
  });
  it('library page (options.html): saved papers listed newest first, with their titles', async () => {
    const [older, newer] = [daily[3]!, daily[4]!];
    const page = await ff.open('daily');
    await waitForDecoration(page, daily.length);
    for (const p of [older, newer]) {
      await clickCardButton(page, p.id, /Save/);
      await until(() => attr(page, p.id, 'data-papersift-saved'), (v) => v !== null, `saved ${p.id}`);
    }
    const lib = await ff.openExtensionPage('options.html#library', '.lib-row');
    const rows = await until(
      () => lib.evaluate(() => [...document.querySelectorAll('.lib-row')].map((r) => [r.getAttribute('data-paper-id'), r.querySelector('.lib-title')?.textContent?.trim()])),
      (r) => r.some(([id]) => id === newer.id) && r.some(([id]) => id === older.id),
      'library rows',
    );
    const ids = rows.map(([id]) => id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(rows.find(([id]) => id === newer.id)![1]).toBe(newer.title);
    await lib.close();
    await page.close();
  });
  it('dark mode: the controls follow the dark class HF toggles on <html>', async () => {
    const page = await ff.open('daily');
    await waitForDecoration(page, daily.length);
    const id = daily[0]!.id;
    const saveStyle = () =>
      page.evaluate((id) => {
        const host = document.querySelector(`[data-papersift-id="${id}"] [data-papersift-ui]`);
        const b = [...(host?.shadowRoot?.querySelectorAll('button') ?? [])].find((x) => /Save/.test(x.getAttribute('aria-label') ?? x.textContent ?? ''));
        if (!b) return 'no button';
        const s = getComputedStyle(b);
        return `${s.backgroundColor} / ${s.color}`;
      }, id);
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
    const light = await saveStyle();
    expect(light).not.toBe('no button');
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    await until(saveStyle, (s) => s !== light, 'dark controls');
    await page.evaluate(() => document.documentElement.classList.remove('dark'));
    await until(saveStyle, (s) => s === light, 'light again');
    await page.close();
  });
});
