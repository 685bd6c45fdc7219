/** Where the live preview gets the last visited page's papers (the background stores them; see last-page.ts). */
import { browser } from 'wxt/browser';
import { LAST_PAGE_KEY, readLastPage, type LastPage } from '../../../utils/storage/last-page';

export interface LastPageSource {
  read(): Promise<LastPage | null>;
  /** Calls `onChange` when another page visit replaces the record. Returns an unsubscribe. */
  watch(onChange: () => void): () => void;
}

export const browserLastPageSource: LastPageSource = {
  read: readLastPage,
  watch(onChange) {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && LAST_PAGE_KEY in changes) onChange();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};
