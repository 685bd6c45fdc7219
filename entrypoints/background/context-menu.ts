/**
 * Context menu on a text selection in an HF papers page: "Highlight “…” as a topic" and "Mute “…”".
 * `browser.contextMenus` is used because Chrome knows only that name; Firefox accepts it as an alias of `menus`.
 * The click runs in the background's write queue like every other write (see topic-handlers.ts).
 */
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import type { Topic } from '../../utils/topics/types';
import { runInWriteQueue } from './handlers';
import { PAPERS_MATCH_PATTERNS } from '../../utils/hf/selectors';
import type { SelectionTopic } from './selection-topic';
import { topicFromMenu } from './topic-handlers';

/** The pages the menu appears on: the papers listings and single paper pages (as the content script). */
export const HF_PAPERS_PATTERNS = PAPERS_MATCH_PATTERNS;

export const TOPIC_MENU_IDS = {
  highlight: 'papersift-topic-highlight',
  mute: 'papersift-topic-mute',
} as const;

const MENUS: Array<{ id: string; title: string }> = [
  { id: TOPIC_MENU_IDS.highlight, title: 'Highlight “%s” as a topic' },
  { id: TOPIC_MENU_IDS.mute, title: 'Mute “%s”' },
];

async function recreateMenus(): Promise<void> {
  const menus = browser.contextMenus;
  await menus.removeAll();
  await Promise.all(
    MENUS.map(
      ({ id, title }) =>
        new Promise<void>((resolve) => {
          menus.create({ id, title, contexts: ['selection'], documentUrlPatterns: HF_PAPERS_PATTERNS }, () => {
            const error = browser.runtime.lastError;
            if (error) console.warn(`[PaperSift] context menu "${id}" not created:`, error.message);
            resolve();
          });
        }),
    ),
  );
}

let menusReady: Promise<void> = Promise.resolve();

/**
 * (Re)create the menu items; idempotent, so it is safe on install, update and startup alike. Calls run one
 * after another: on a fresh profile onInstalled and onStartup can both fire, and interleaved removeAll/create
 * calls would clash on the ids.
 */
export function createTopicMenus(): Promise<void> {
  const run = menusReady.then(recreateMenus);
  menusReady = run.catch(() => undefined);
  return run;
}

function modeOf(menuItemId: string | number): Topic['mode'] | null {
  if (menuItemId === TOPIC_MENU_IDS.highlight) return 'highlight';
  if (menuItemId === TOPIC_MENU_IDS.mute) return 'mute';
  return null;
}

/**
 * Handle a click on one of our items (others are ignored: resolves undefined). Never rejects: there is no one
 * to answer, so a failure is logged.
 */
export async function onTopicMenuClicked(info: Browser.contextMenus.OnClickData): Promise<SelectionTopic | null | undefined> {
  const mode = modeOf(info.menuItemId);
  if (!mode || !info.selectionText) return undefined;
  const selection = info.selectionText;
  try {
    return await runInWriteQueue(() => topicFromMenu(selection, mode));
  } catch (e) {
    console.warn('[PaperSift] could not make a topic from the selection:', e);
    return null;
  }
}

/**
 * Wire the menus; call synchronously at the top of the background so a click that wakes the worker finds its
 * listener. Items are created on install/update and again on browser startup: Chrome keeps them, but Firefox
 * drops them on restart when the background page is persistent.
 */
export function registerTopicMenus(): void {
  // Firefox for Android has no menus API.
  if (!browser.contextMenus) return;
  const create = () => {
    createTopicMenus().catch((e: unknown) => console.warn('[PaperSift] context menus not created:', e));
  };
  browser.runtime.onInstalled.addListener(create);
  browser.runtime.onStartup.addListener(create);
  browser.contextMenus.onClicked.addListener((info) => {
    void onTopicMenuClicked(info);
  });
}
