import { el } from '../../ui/el';
import { createPageHost } from '../../ui/card-host';

/** Styles of PaperSift's page-level notices (bottom-right corner, light and dark via the page hooks). */
export const NOTICE_CSS = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; }
.notice { display: flex; gap: 10px; align-items: center; max-width: 380px; padding: 10px 12px; border-radius: 10px;
  font: 13px/1.35 ui-sans-serif, system-ui, sans-serif; background: var(--ps-bg, #fff); color: var(--ps-fg, #1f2937);
  border: 1px solid var(--ps-border, #e5e7eb); box-shadow: 0 4px 16px rgb(0 0 0 / .12); }
button { all: unset; cursor: pointer; font-weight: 600; color: var(--ps-link, #2563eb); padding: 2px 4px; border-radius: 4px; }
button:focus-visible { outline: 2px solid var(--ps-focus, #3b82f6); }
`;

/**
 * Shows a one-line notice in the page's corner: a status message and its buttons, in its own shadow root.
 * Plain DOM and inline styles, so it also works from a script whose extension is gone. Returns the host.
 */
export function showPageNotice(name: string, message: string, buttons: Array<[label: string, onClick: () => void]>): HTMLElement {
  const { host, shadow } = createPageHost(name, NOTICE_CSS);
  const box = el('div', { class: 'notice', role: 'status' }, el('span', {}, message));
  for (const [label, onClick] of buttons) {
    const b = el('button', { type: 'button' }, label);
    b.addEventListener('click', onClick);
    box.append(b);
  }
  shadow.append(box);
  document.body.append(host);
  return host;
}
