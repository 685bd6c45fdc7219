/**
 * "What's new for me": the background checks the day's Daily Papers when the browser starts and on the reader's
 * schedule (an alarm), matches them with the pages' topic core, and shows on the toolbar badge how many match a
 * highlighted topic and are not seen, saved or hidden. One request per check, only to huggingface.co; nothing while
 * offline; after a failure it retries with exponential backoff, or when a 429/503's Retry-After says.
 * Nothing is kept in memory between events except what seen-state.ts caches: the MV3 worker may stop at any time.
 */
import { browser } from 'wxt/browser';
import { dailyPageUrl, mergeDay } from '../../utils/digest/daily-api';
import { DIGEST_KEY, readDigestState, type DigestState } from '../../utils/digest/digest-state';
import { fetchDay, type FetchLike } from '../../utils/digest/fetch-day';
import { badgeText, matchDigest, unseenOnly, type NewPaper } from '../../utils/digest/new-for-you';
import { digestNotification } from '../../utils/digest/notification';
import { intervalMinutes, retryDelayMs, utcDay } from '../../utils/digest/schedule';
import type { BackgroundRequest, DigestView } from '../../utils/messaging/protocol';
import { hiddenIds, savedIds } from '../../utils/storage/library-db';
import { readPrefs, type Prefs } from '../../utils/storage/prefs';
import { listTopics } from '../../utils/storage/topic-store';
import type { Topic } from '../../utils/topics';
import { reasonOf } from './error-reason';
import { seenIds } from './seen-state';

export const DIGEST_ALARM = 'papersift:digest';
export const RETRY_ALARM = 'papersift:digest-retry';
const NOTIFICATION_ID = 'papersift:digest';
/** The notification's icon (PaperSift ships no icon files): a 48 px amber disc, the badge's colour. */
const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAjklEQVR42u3aMRaAIBADUVrP51W9X6zt9AGSDVPMAX6nG9p1Hq1yDcAzvcwKoM6WATS43wCa3FSAfmo4QIsaAtDiugAyaU+AzPoEkGl7AGReNkBFAmAJULEAAAAAAACALADfQgAGAPgjcwBwlXAAlD9scRt1AZQ/r0cMHBETU8zIFzGzxgzdMU8NeK3S0w026YLq1yFKpQAAAABJRU5ErkJggg==';

export type CheckKind = 'startup' | 'schedule' | 'retry' | 'manual';

/** Requests after which the badge is counted again (which papers are seen, saved or hidden, the topics, the prefs). */
const CHANGES_BADGE: ReadonlySet<BackgroundRequest['type']> = new Set<BackgroundRequest['type']>([
  'library/save',
  'library/unsave',
  'hidden/hide',
  'hidden/unhide',
  'library/remove',
  'library/restore-records',
  'topics/put',
  'topics/delete',
  'prefs/set',
  'backup/restore',
  'data/reset',
  'seen/mark',
]);

export const changesBadge = (type: BackgroundRequest['type']): boolean => CHANGES_BADGE.has(type);

export async function readDigest(): Promise<DigestState> {
  return readDigestState((await browser.storage.local.get(DIGEST_KEY))[DIGEST_KEY]);
}

async function writeDigest(state: DigestState): Promise<void> {
  await browser.storage.local.set({ [DIGEST_KEY]: state });
}

/** The papers new for the reader now, newest first. */
async function newForYou(state?: DigestState): Promise<NewPaper[]> {
  const [digest, topics, prefs, seen, saved, hidden] = await Promise.all([
    state ?? readDigest(),
    listTopics(),
    readPrefs(),
    seenIds(),
    savedIds(),
    hiddenIds(),
  ]);
  const matched = matchedMemo(digest, topics, prefs.precedence);
  return unseenOnly(matched, { seen, saved: new Set(saved), hidden: new Set(hidden) });
}

/**
 * The last match, kept while the papers, topics and precedence are the same: a save, a hide or a seen card changes
 * only which matched papers count, and matching 500 papers again after each of them held the write queue up.
 */
let memo: { key: string; matched: ReturnType<typeof matchDigest> } | null = null;
function matchedMemo(digest: DigestState, topics: Topic[], precedence: Prefs['precedence']): ReturnType<typeof matchDigest> {
  const key = JSON.stringify([digest.lastCheck, digest.papers.length, digest.papers[0]?.id, topics, precedence]);
  if (memo?.key !== key) memo = { key, matched: matchDigest(digest.papers, topics, precedence) };
  return memo.matched;
}

/** Bursts of changes (a reader saving ten cards, three tabs at once) are counted once, this long after the first. */
const BADGE_DELAY_MS = 250;
let badgeDue = false;

/** Counts the badge again soon, in the write queue: once for all the changes until it runs. */
export function scheduleBadge(queue: (job: () => Promise<unknown>) => Promise<unknown>): void {
  if (badgeDue) return;
  badgeDue = true;
  setTimeout(() => {
    void queue(() => {
      badgeDue = false; // a change from now on needs another count
      return refreshBadge();
    }).catch((e) => console.warn('[PaperSift] could not count the new papers:', e));
  }, BADGE_DELAY_MS);
}

const action = () => browser.action ?? browser.browserAction;

/** Counts the badge again (run inside the write queue, after anything that changes what counts). */
export async function refreshBadge(): Promise<number> {
  const items = await newForYou();
  const text = badgeText(items.length);
  const badge = action();
  if (badge) {
    await badge.setBadgeText({ text });
    if (text) await badge.setBadgeBackgroundColor({ color: '#b45309' });
    await badge.setTitle({ title: text ? `PaperSift: ${items.length} new for your topics` : 'PaperSift' });
  }
  return items.length;
}

export async function digestView(): Promise<DigestView> {
  const [state, prefs, alarm] = await Promise.all([readDigest(), readPrefs(), browser.alarms.get(DIGEST_ALARM).catch(() => undefined)]);
  const items = await newForYou(state);
  const day = state.papers[0]?.day ?? state.lastCheck?.day ?? utcDay(Date.now());
  return {
    items,
    lastCheck: state.lastCheck,
    retryAt: state.retryAt,
    nextCheckAt: alarm ? alarm.scheduledTime : null,
    every: prefs.digestEvery,
    dayUrl: dailyPageUrl(day),
    listUrl: 'https://huggingface.co/papers',
  };
}

/** Keeps the periodic alarm in step with the reader's interval (created or changed only when it differs). */
export async function ensureSchedule(prefs?: Prefs): Promise<void> {
  const minutes = intervalMinutes((prefs ?? (await readPrefs())).digestEvery);
  const alarm = await browser.alarms.get(DIGEST_ALARM);
  if (minutes === null) {
    if (alarm) await browser.alarms.clear(DIGEST_ALARM);
    await browser.alarms.clear(RETRY_ALARM);
    return;
  }
  if (!alarm || alarm.periodInMinutes !== minutes) browser.alarms.create(DIGEST_ALARM, { delayInMinutes: minutes, periodInMinutes: minutes });
}

let running: Promise<DigestView | null> | null = null;

export interface CheckDeps {
  /** Runs a task in the background's write queue (state writes must not interleave with the requests'). */
  queue: <T>(task: () => Promise<T>) => Promise<T>;
  fetch?: FetchLike;
  now?: () => number;
  online?: () => boolean;
}

/**
 * One check: asks for today's papers (at most one request), stores the answer or why it failed, schedules the retry,
 * counts the badge and maybe notifies. A check already running is joined, not doubled. Scheduled and startup checks
 * wait while a retry is pending; a manual one waits only for what the server asked (Retry-After).
 */
export function runCheck(kind: CheckKind, deps: CheckDeps): Promise<DigestView | null> {
  running ??= check(kind, deps).finally(() => {
    running = null;
  });
  return running;
}

async function check(kind: CheckKind, deps: CheckDeps): Promise<DigestView | null> {
  const now = deps.now ?? Date.now;
  const prefs = await readPrefs();
  if (prefs.digestEvery === 'off' && kind !== 'manual') return null;
  const before = await readDigest();
  const pending = before.retryAt !== null && now() < before.retryAt;
  const serverAsked = before.lastCheck?.status === 429 || before.lastCheck?.status === 503;
  if (pending && (kind === 'startup' || kind === 'schedule' || (kind === 'manual' && serverAsked))) return deps.queue(digestView);

  const day = utcDay(now());
  const online = deps.online ?? (() => navigator.onLine !== false);
  const result = online()
    ? await fetchDay(deps.fetch ?? ((url, init) => fetch(url, init)), day, { now: now() })
    : ({ ok: false, error: 'You are offline, so PaperSift did not ask Hugging Face.', retryAfterMs: null } as const);

  return deps.queue(async () => {
    const state = await readDigest(); // read again: a reset may have happened while the request was out
    const at = now();
    let next: DigestState;
    if (result.ok) {
      next = { ...state, papers: mergeDay(state.papers, day, result.papers), lastCheck: { at, day, ok: true, found: result.papers.length }, failures: 0, retryAt: null };
      await browser.alarms.clear(RETRY_ALARM);
    } else {
      const failures = state.failures + 1;
      const retryAt = at + retryDelayMs(failures, result.retryAfterMs);
      next = { ...state, lastCheck: { at, day, ok: false, error: result.error, ...(result.ok === false && 'status' in result && result.status ? { status: result.status } : {}) }, failures, retryAt };
      browser.alarms.create(RETRY_ALARM, { when: retryAt });
    }
    await writeDigest(next);
    const started = performance.now();
    const count = await refreshBadge();
    if (next.lastCheck) {
      next = { ...next, lastCheck: { ...next.lastCheck, countMs: Math.round((performance.now() - started) * 100) / 100 } };
      await writeDigest(next);
    }
    if (result.ok) await maybeNotify(next, before, count, day, prefs).catch((e) => console.warn('[PaperSift] could not notify:', reasonOf(e)));
    return digestView();
  });
}

/** At most one notification a day, only when turned on and allowed, and only for papers this check brought. */
async function maybeNotify(state: DigestState, before: DigestState, count: number, day: string, prefs: Prefs): Promise<void> {
  if (!prefs.digestNotify || count === 0 || state.notifiedDay === day) return; // before reading anything more
  if (!browser.notifications || !(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  const shown = digestNotification({
    enabled: prefs.digestNotify,
    count,
    day,
    notifiedDay: state.notifiedDay,
    known: new Set(before.papers.map((p) => p.id)),
    items: await newForYou(state),
  });
  if (!shown) return;
  await browser.notifications.create(NOTIFICATION_ID, { type: 'basic', iconUrl: NOTIFICATION_ICON, ...shown });
  await writeDigest({ ...state, notifiedDay: day });
}

/** Wiring for index.ts: alarms, startup, notification clicks. Listeners are added synchronously. */
export function registerDigest(queue: CheckDeps['queue']): void {
  const deps: CheckDeps = { queue };
  const start = (kind: CheckKind) => {
    void ensureSchedule()
      .then(() => queue(refreshBadge))
      .then(() => runCheck(kind, deps))
      .catch((e) => console.warn('[PaperSift] the digest check failed:', reasonOf(e)));
  };
  browser.runtime.onStartup.addListener(() => start('startup'));
  browser.runtime.onInstalled.addListener(() => start('startup'));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== DIGEST_ALARM && alarm.name !== RETRY_ALARM) return;
    void runCheck(alarm.name === RETRY_ALARM ? 'retry' : 'schedule', deps)
      .then(() => ensureSchedule()) // alarms may be lost (a browser restart): the periodic one is kept there
      .catch((e) => console.warn('[PaperSift] the digest check failed:', reasonOf(e)));
  });
  browser.notifications?.onClicked.addListener((id) => {
    if (id !== NOTIFICATION_ID) return;
    void readDigest().then((s) => browser.tabs.create({ url: dailyPageUrl(s.papers[0]?.day ?? utcDay(Date.now())) }));
    void browser.notifications.clear(id);
  });
}
