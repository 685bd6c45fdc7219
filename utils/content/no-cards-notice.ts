import { createPageHost } from './card-host';

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
 * A papers list where no card was detected means HF changed its markup: say so on the page instead of failing
 * silently. Shown only after the page had time to load its list, and gone as soon as cards appear.
 */
export class NoCardsNotice {
  private host: HTMLElement | null = null;
  private dismissed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly delayMs = 1500) {}

  update(listPageWithoutCards: boolean): void {
    if (!listPageWithoutCards || this.dismissed) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.host?.remove();
      this.host = null;
      return;
    }
    if (this.host || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.show();
    }, this.delayMs);
  }

  destroy(): void {
    this.dismissed = true;
    this.update(false);
  }

  private show(): void {
    const { host, shadow } = createPageHost('notice', NOTICE_CSS);
    const box = document.createElement('div');
    box.className = 'notice';
    box.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = 'PaperSift found no papers on this page. The site may have changed; PaperSift may need an update.';
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dismiss';
    close.addEventListener('click', () => {
      this.dismissed = true;
      this.update(false);
    });
    box.append(text, close);
    shadow.append(box);
    document.body.append(host);
    this.host = host;
  }
}
