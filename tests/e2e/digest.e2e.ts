/**
 * "What's new for me" in real Chromium: the background's digest check (at startup and on its alarm), the toolbar
 * badge, the popup's "New for you", seen state on the pages, and every way a check can fail. The Daily Papers API is
 * answered at its real URL from the recorded JSON (tests/fixtures/api-daily_papers.json) or with a fault.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchPaperSift } from '../../scripts/lib/browser';
import { API_DAILY } from '../../scripts/lib/fixtures';
import type { Topic } from '../../utils/topics';
import {
  alarm,
  badge,
  checkBy,
  clearAlarm,
  DailyApi,
  digestState,
  DIGEST_ALARM,
  fireAlarm,
  RETRY_ALARM,
  setWorkerOnline,
  type StoredDigest,
} from './digest-support';
import { controlPage, putTopics, send } from './messages';
import { cardById, eventually, normaliseLine, SETTLE_MS, useBrowser, waitForDecoration } from './support';

const RECORDED = readFileSync(API_DAILY.file, 'utf8');
interface Entry {
  paper: { id: string; title: string; summary: string; ai_keywords?: string[]; publishedAt: string };
}
const ENTRIES = JSON.parse(RECORDED) as Entry[];
const MIN = 60_000;

const topic = (over: Partial<Topic>): Topic => ({
  id: 'ensemble',
  name: 'ensemble',
  colour: '#3b82f6',
  terms: ['ensembl*'],
  exclusions: [],
  fields: ['title', 'abstract', 'keywords', 'authors', 'organization'],
  mode: 'highlight',
  createdAt: 1,
  ...over,
});
const ENSEMBLE = topic({});

/** The recorded papers that say "ensembl…" in title, abstract or keywords, newest (published) first. */
const ENSEMBLE_IDS = ENTRIES.filter((e) => /\bensembl/i.test([e.paper.title, e.paper.summary, ...(e.paper.ai_keywords ?? [])].join(' ')))
  .sort((a, b) => b.paper.publishedAt.localeCompare(a.paper.publishedAt))
  .map((e) => e.paper.id);
const ONTOLOGY_ID = '2508.19428'; // the only ensemble paper that says "ontology"
const LOW_ID = '2104.00597'; // an ensemble paper far down the daily page (card 17 of 27)

interface View {
  items: Array<{ id: string; title: string; chips: Array<{ name: string; detail: string }> }>;
  lastCheck: StoredDigest['lastCheck'];
}

describe('digest', () => {
  const browser = useBrowser();
  const api = new DailyApi();
  let atStartup: StoredDigest | null = null;
  let ctl: Page;

  beforeAll(async () => {
    // The check the browser's start made (before any test reset): the day's list was asked for by itself.
    const end = Date.now() + 20_000;
    while (!atStartup?.lastCheck && Date.now() < end) {
      atStartup = await digestState(browser());
      await new Promise((r) => setTimeout(r, 200));
    }
    await api.install(browser());
  });

  beforeEach(async () => {
    await clearAlarm(browser(), RETRY_ALARM);
    api.requests.length = 0;
    api.json(RECORDED);
    ctl = await controlPage(browser());
  });

  const view = () => send<View>(ctl, { type: 'digest/get' });
  const ids = async () => (await view()).items.map((i) => i.id);
  const popupIds = (popup: Page) => popup.locator('.digest-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));

  it('checks at startup, then on its alarm every 3 hours by default (the setting changes it)', async () => {
    expect(atStartup?.lastCheck).toBeTruthy();
    expect(atStartup!.lastCheck!.day).toBe(new Date().toISOString().slice(0, 10));
    expect((await alarm(browser(), DIGEST_ALARM))?.periodInMinutes).toBe(180);
    await send(ctl, { type: 'prefs/set', patch: { digestEvery: '1h' } });
    expect((await alarm(browser(), DIGEST_ALARM))?.periodInMinutes).toBe(60);
    await send(ctl, { type: 'prefs/set', patch: { digestEvery: 'off' } });
    expect(await alarm(browser(), DIGEST_ALARM)).toBeUndefined();
    await send(ctl, { type: 'prefs/set', patch: { digestEvery: 'daily' } });
    expect((await alarm(browser(), DIGEST_ALARM))?.periodInMinutes).toBe(1440);
    await send(ctl, { type: 'prefs/set', patch: { digestEvery: '3h' } });
  });

  it('counts on the badge exactly the matching unseen papers, lists them in the popup, newest first', async () => {
    expect(ENSEMBLE_IDS).toHaveLength(7);
    await putTopics(ctl, ENSEMBLE, topic({ id: 'quiet', name: 'quiet', terms: ['ontology'], mode: 'mute' }));
    const state = await checkBy(browser(), DIGEST_ALARM);
    expect(api.requests).toEqual([`https://huggingface.co/api/daily_papers?date=${state.lastCheck!.day}`]); // one request
    expect(state.lastCheck).toMatchObject({ ok: true, found: 27 });
    await eventually(() => badge(browser()), (t) => expect(t).toBe('7'));

    const popup = await browser().openPopup();
    await popup.locator('.digest-item').first().waitFor({ timeout: SETTLE_MS });
    expect(await popupIds(popup)).toEqual(ENSEMBLE_IDS);
    const first = popup.locator(`.digest-item[data-id="${ENSEMBLE_IDS[0]}"]`);
    expect(normaliseLine(await first.locator('.digest-chip').innerText())).toMatch(/^ensemble .*ensembl/i);
    expect(await first.getByRole('link').getAttribute('href')).toBe(`https://huggingface.co/papers/${ENSEMBLE_IDS[0]}`);
    expect(await popup.getByRole('link', { name: 'Today’s papers' }).getAttribute('href')).toBe('https://huggingface.co/papers');
    expect(await popup.locator('.digest-status').innerText()).toMatch(/Last checked .*27 papers/);

    // Muted: with "mute wins" the paper the pages hide never counts; with "highlight wins" the pages show it.
    await send(ctl, { type: 'prefs/set', patch: { precedence: 'mute-wins' } });
    await eventually(() => badge(browser()), (t) => expect(t).toBe('6'));
    expect(await ids()).toEqual(ENSEMBLE_IDS.filter((id) => id !== ONTOLOGY_ID));
    // A topic that is only muted adds nothing; deleting the highlighted one leaves no badge at all (not "0").
    await send(ctl, { type: 'topics/delete', id: ENSEMBLE.id });
    await eventually(() => badge(browser()), (t) => expect(t).toBe(''));
    expect(await ids()).toEqual([]);
  });

  it('Mark all seen and opening a paper from the popup stop it counting; the badge goes', async () => {
    await putTopics(ctl, ENSEMBLE);
    await checkBy(browser(), DIGEST_ALARM);
    await eventually(() => badge(browser()), (t) => expect(t).toBe('7'));
    const popup = await browser().openPopup();
    const link = popup.locator(`.digest-item[data-id="${ENSEMBLE_IDS[1]}"]`).getByRole('link');
    await link.waitFor({ timeout: SETTLE_MS });
    await link.click({ modifiers: ['ControlOrMeta'] }); // opens in a background tab
    await eventually(() => badge(browser()), (t) => expect(t).toBe('6'));
    await eventually(() => popupIds(popup), (v) => expect(v).toEqual(ENSEMBLE_IDS.filter((id) => id !== ENSEMBLE_IDS[1])));
    await popup.getByRole('button', { name: 'Mark all seen' }).click();
    await eventually(() => badge(browser()), (t) => expect(t).toBe(''));
    await popup.getByText('Nothing new for your topics.').waitFor({ timeout: SETTLE_MS });
    // A later check of the same list brings nothing back.
    await checkBy(browser(), DIGEST_ALARM);
    expect(await badge(browser())).toBe('');
  });

  it('Save and Hide in the popup reach the page\'s cards live', async () => {
    await putTopics(ctl, ENSEMBLE);
    await checkBy(browser(), DIGEST_ALARM);
    const page = await browser().open('daily');
    await waitForDecoration(page, 27);
    const popup = await browser().openPopup();
    const [saveId, hideId] = [LOW_ID, '1508.04525'];
    await popup.getByRole('button', { name: /^Save “One-Shot Neural Ensemble/ }).click();
    await eventually(() => cardById(page, saveId).getAttribute('data-papersift-saved'), (v) => expect(v).toBe(''));
    const hideTitle = ENTRIES.find((e) => e.paper.id === hideId)!.paper.title;
    await popup.getByRole('button', { name: `Hide “${hideTitle}”` }).click();
    await eventually(() => cardById(page, hideId).getAttribute('data-papersift-hidden'), (v) => expect(v).toBe('manual'));
    await eventually(() => popupIds(popup), (v) => expect(v).not.toContain(saveId));
    expect(await popupIds(popup)).not.toContain(hideId);
    const saved = await send<Array<{ id: string; source: { url: string } }>>(ctl, { type: 'library/list' });
    expect(saved.map((s) => s.id)).toEqual([saveId]);
    const items = (await view()).items.length;
    await eventually(() => badge(browser()), (t) => expect(t).toBe(items ? String(items) : ''));
  });

  it('a card half in view for a second is seen: it stops counting; the next visit marks only the others New', async () => {
    await putTopics(ctl, ENSEMBLE);
    await checkBy(browser(), DIGEST_ALARM);
    const page = await browser().open('daily');
    await waitForDecoration(page, 27);
    // The first visit ever marks nothing new.
    const bar = page.locator('[data-papersift-ui="summary"] .counts');
    await bar.waitFor();
    expect(await page.locator('[data-papersift-new]').count()).toBe(0);
    expect(await bar.innerText()).not.toMatch(/new since/);
    // The top card is in view: seen after a second; the card far down is not.
    await eventually(ids, (v) => expect(v).not.toContain(ONTOLOGY_ID));
    expect(await ids()).toContain(LOW_ID);
    await cardById(page, LOW_ID).scrollIntoViewIfNeeded();
    await eventually(ids, (v) => expect(v).not.toContain(LOW_ID));
    const left = await ids();
    await eventually(() => badge(browser()), (t) => expect(t).toBe(left.length ? String(left.length) : ''));

    // The next visit (any tab): the cards not seen carry New, the bar counts them, "Only new" shows only them.
    await page.evaluate(() => window.scrollTo(0, 0));
    await new Promise((r) => setTimeout(r, 1_500)); // let the last looks be sent
    const seenBefore = new Set(await browser().evalInWorker(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const q = indexedDB.open('papersift-seen');
        q.onsuccess = () => res(q.result);
        q.onerror = () => rej(q.error);
      });
      const ids = await new Promise<string[]>((res) => {
        const q = db.transaction('seen').objectStore('seen').get('ids');
        q.onsuccess = () => res(q.result as string[]);
      });
      db.close();
      return ids;
    }));
    expect(seenBefore.has(ONTOLOGY_ID) && seenBefore.has(LOW_ID)).toBe(true);
    await send(ctl, { type: 'prefs/set', patch: { keyboardSkipSeen: true } }); // for j/k, below
    const again = await browser().open('daily');
    await waitForDecoration(again, 27);
    const expectedNew = ENTRIES.map((e) => e.paper.id).filter((id) => !seenBefore.has(id));
    expect(expectedNew.length).toBeGreaterThan(0);
    await eventually(
      () => again.locator('[data-papersift-new]').evaluateAll((els) => els.map((e) => e.getAttribute('data-papersift-id'))),
      (v) => expect(v.sort()).toEqual([...expectedNew].sort()),
    );
    const bar2 = again.locator('[data-papersift-ui="summary"] .counts');
    await eventually(() => bar2.innerText(), (t) => expect(t).toMatch(new RegExp(`${expectedNew.length} new since your last visit`)));
    const onlyNew = again.locator('[data-papersift-ui="summary"]').getByRole('button', { name: 'Only new' });
    await onlyNew.click();
    await eventually(() => cardById(again, ONTOLOGY_ID).isVisible(), (v) => expect(v).toBe(false));
    expect(await cardById(again, expectedNew[0]!).isVisible()).toBe(true);
    await onlyNew.click();
    await eventually(() => cardById(again, ONTOLOGY_ID).isVisible(), (v) => expect(v).toBe(true)); // seen never hides

    // With "j and k skip papers seen before" on, j walks the cards not seen on the earlier visit, in page order.
    const pageOrder = await again.evaluate(() => [...document.querySelectorAll('[data-papersift-id]')].map((r) => r.getAttribute('data-papersift-id')!));
    const walk = pageOrder.filter((id) => !seenBefore.has(id));
    await again.bringToFront();
    const visited: string[] = [];
    for (let i = 0; i < walk.length; i++) {
      await again.keyboard.press('j');
      visited.push((await again.locator('[data-papersift-current]').getAttribute('data-papersift-id'))!);
    }
    expect(visited).toEqual(walk);
  });

  describe('a check that fails says why, retries later, and loses or doubles nothing', () => {
    async function checkedOnce(): Promise<string[]> {
      await putTopics(ctl, ENSEMBLE);
      await checkBy(browser(), DIGEST_ALARM);
      await eventually(() => badge(browser()), (t) => expect(t).toBe('7'));
      api.requests.length = 0;
      return ids();
    }

    /** After a failure: the popup's message, the retry alarm at `waitMs`, the papers and badge as they were. */
    async function expectFailure(message: RegExp, waitMs: number, before: string[], state: StoredDigest) {
      expect(state.lastCheck).toMatchObject({ ok: false });
      expect(state.lastCheck!.error).toMatch(message);
      const retry = await alarm(browser(), RETRY_ALARM);
      expect(retry).toBeTruthy();
      expect(retry!.scheduledTime - state.lastCheck!.at).toBeGreaterThanOrEqual(waitMs - 1_000);
      expect(retry!.scheduledTime - state.lastCheck!.at).toBeLessThanOrEqual(waitMs + 1_000);
      expect(await ids()).toEqual(before);
      expect(await badge(browser())).toBe('7');
      const popup = await browser().openPopup();
      const status = popup.locator('.digest-status');
      await status.waitFor({ timeout: SETTLE_MS });
      expect(await status.innerText()).toMatch(message);
      expect(await status.innerText()).toMatch(/failed.*try again at/s);
      await popup.close();
    }

    /** The retry, once the site answers again: the same papers, once each. */
    async function retrySucceeds(before: string[]) {
      api.json(RECORDED);
      const state = await checkBy(browser(), RETRY_ALARM);
      expect(state).toMatchObject({ failures: 0, retryAt: null, lastCheck: { ok: true } });
      expect(state.papers.map((p) => p.id).sort()).toEqual(ENTRIES.map((e) => e.paper.id).sort());
      expect(await ids()).toEqual(before);
      expect(await alarm(browser(), RETRY_ALARM)).toBeUndefined();
    }

    it('a 500 backs off 2, then 4 minutes', async () => {
      const before = await checkedOnce();
      api.answer = (route) => route.fulfill({ status: 500, body: 'oops' });
      await expectFailure(/answered 500/, 2 * MIN, before, await checkBy(browser(), DIGEST_ALARM));
      const second = await checkBy(browser(), RETRY_ALARM);
      expect(second.failures).toBe(2);
      await expectFailure(/answered 500/, 4 * MIN, before, second);
      expect(api.requests).toHaveLength(2); // one per check
      await retrySucceeds(before);
    });

    it('a 429 waits for its Retry-After; scheduled checks before it ask nothing', async () => {
      const before = await checkedOnce();
      api.json('{"error":"rate limited"}', 429, { 'retry-after': '900' });
      await expectFailure(/too many requests \(429\)/, 15 * MIN, before, await checkBy(browser(), DIGEST_ALARM));
      await fireAlarm(browser(), DIGEST_ALARM);
      await new Promise((r) => setTimeout(r, 2_500));
      expect(api.requests).toHaveLength(1);
      await retrySucceeds(before);
    });

    it('a 503 with Retry-After as a date', async () => {
      const before = await checkedOnce();
      const at = new Date(Date.now() + 30 * MIN).toUTCString();
      api.json('', 503, { 'retry-after': at });
      const state = await checkBy(browser(), DIGEST_ALARM);
      await expectFailure(/unavailable \(503\)/, Date.parse(at) - state.lastCheck!.at, before, state);
      await retrySucceeds(before);
    });

    it('malformed JSON', async () => {
      const before = await checkedOnce();
      api.json('[{"paper": {"id": "2508.19428", "title": ');
      await expectFailure(/not JSON, so nothing was changed/, 2 * MIN, before, await checkBy(browser(), DIGEST_ALARM));
      await retrySucceeds(before);
    });

    it('a 10 MB answer is not read', async () => {
      const before = await checkedOnce();
      const big = `[${JSON.stringify(ENTRIES[0]).padEnd(10 * 1024 * 1024, ' ')}]`;
      api.json(big);
      await expectFailure(/larger than 5 MB/, 2 * MIN, before, await checkBy(browser(), DIGEST_ALARM));
      await retrySucceeds(before);
    });

    it('offline: nothing is asked', async () => {
      const before = await checkedOnce();
      await setWorkerOnline(browser(), false);
      const state = await checkBy(browser(), DIGEST_ALARM);
      expect(api.requests).toHaveLength(0);
      await expectFailure(/offline/, 2 * MIN, before, state);
      await setWorkerOnline(browser(), true);
      await retrySucceeds(before);
      expect(api.requests).toHaveLength(1);
    });
  });
});

describe('digest at a browser restart', () => {
  // What this proves: a check at every browser start. Which listener fires is Chromium's choice: an unpacked
  // extension loaded with --load-extension gets onInstalled again at each start as well as onStartup, so removing
  // either one alone still passes here; removing both fails.
  it('checks again when the same profile starts again (a browser restart)', async () => {
    const profileDir = mkdtempSync(join(tmpdir(), 'papersift-restart-'));
    try {
      const first = await launchPaperSift({ profileDir });
      await eventually(() => digestState(first), (s) => expect(s?.lastCheck).toBeTruthy(), 20_000);
      // The install's check ran before any route answered; its retry is answered here, so no backoff is pending
      // at the restart (a pending retry rightly holds a startup check back).
      const api = new DailyApi();
      await api.install(first);
      api.json(RECORDED);
      await clearAlarm(first, RETRY_ALARM);
      const ok = await checkBy(first, RETRY_ALARM);
      expect(ok).toMatchObject({ failures: 0, retryAt: null, lastCheck: { ok: true } });
      const firstAt = ok.lastCheck!.at;
      await first.close();

      const restartedAt = Date.now();
      const again = await launchPaperSift({ profileDir });
      try {
        // A check of the browser's start: nothing else writes lastCheck (the alarms are hours away).
        await eventually(() => digestState(again), (s) => expect(s?.lastCheck?.at ?? 0).toBeGreaterThanOrEqual(restartedAt), 20_000);
        const after = await digestState(again);
        expect(after!.lastCheck!.at).toBeGreaterThan(firstAt);
        expect(after!.lastCheck!.day).toBe(new Date().toISOString().slice(0, 10));
      } finally {
        await again.close();
      }
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  }, 90_000);
});
