import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerTopicMenus } from './context-menu';
import { registerDigest, scheduleBadge } from './digest';
import { handleRequest, runInWriteQueue } from './handlers';
import { refreshReadyState, storageChangesReadyState } from './ready-state';
import { isBackgroundMessage } from './validate-request';

// Wiring only. Listeners are registered synchronously so an event that wakes the MV3 worker is not missed.
export default defineBackground(() => {
  browser.runtime.onMessage.addListener((msg: unknown, _sender, sendResponse: (reply: unknown) => void) => {
    // Messages for other contexts (e.g. the popup's tab requests) are left alone so they are not swallowed.
    if (!isBackgroundMessage(msg)) return undefined;
    void handleRequest(msg).then(sendResponse);
    return true;
  });
  registerTopicMenus();
  // The digest: a check at startup and on the reader's schedule, the toolbar badge (digest.ts).
  registerDigest(runInWriteQueue);
  // An install, an update (an older version kept no ready state) or a new browser session: make sure it is there.
  const prepare = () => void runInWriteQueue(refreshReadyState).catch((e) => console.warn('[PaperSift] could not prepare the page state:', e));
  browser.runtime.onInstalled.addListener(prepare);
  browser.runtime.onStartup.addListener(prepare);
  browser.storage.onChanged.addListener((changes) => {
    if (storageChangesReadyState(Object.keys(changes))) {
      prepare();
      // Topics or prefs changed (maybe on another device, through sync): the badge counts with them.
      scheduleBadge(runInWriteQueue);
    }
  });
});
