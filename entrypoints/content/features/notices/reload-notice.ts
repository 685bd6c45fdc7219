import { showPageNotice } from './page-notice';

/**
 * After PaperSift was updated or reloaded, a page opened before keeps an old content script that can no longer
 * reach the extension. Its controls are removed (they could only fail); this says why, and how to get them back.
 */
export function showReloadNotice(): void {
  const host = showPageNotice(
    'reload-notice',
    'PaperSift was updated or reloaded since this page opened. Reload the page to use it again.',
    [
      ['Reload page', () => location.reload()],
      ['Dismiss', () => host.remove()],
    ],
  );
}
