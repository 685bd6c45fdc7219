import { createPageHost } from './card-host';
import { NOTICE_CSS } from './no-cards-notice';

/**
 * After PaperSift was updated or reloaded, a page opened before keeps an old content script that can no longer
 * reach the extension. Its controls are removed (they could only fail); this says why, and how to get them back.
 * Plain DOM with its own styles: the extension's files may be gone by now.
 */
export function showReloadNotice(): void {
  const { host, shadow } = createPageHost('reload-notice', NOTICE_CSS);
  const box = document.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = 'PaperSift was updated or reloaded since this page opened. Reload the page to use it again.';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload page';
  reload.addEventListener('click', () => location.reload());
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'Dismiss';
  close.addEventListener('click', () => host.remove());
  box.append(text, reload, close);
  shadow.append(box);
  document.body.append(host);
}
