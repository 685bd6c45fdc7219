import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerTopicMenus } from './context-menu';
import { handleRequest } from './handlers';
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
});
