/** The popup's ways into the options page. */
import { browser } from 'wxt/browser';

/** The library (the options page's default tab); reuses an open options tab when there is one. */
export function openLibrary(): void {
  void browser.runtime.openOptionsPage();
}

/** The options page's Topics tab, in a new tab (openOptionsPage cannot pick a tab of the page). */
export function openTopicsEditor(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('/options.html#topics') });
}
