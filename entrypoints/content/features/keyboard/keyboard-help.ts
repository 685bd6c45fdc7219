import { createPageHost } from '../../ui/card-host';

const CSS = `
:host { all: initial; position: fixed; inset: 0; z-index: 2147483000; display: grid; place-items: center; background: rgb(0 0 0 / .35); }
.dialog { min-width: 280px; padding: 16px 20px; border-radius: 12px; background: var(--ps-bg, #fff); color: var(--ps-fg, #1f2937);
  font: 14px/1.5 ui-sans-serif, system-ui, sans-serif; border: 1px solid var(--ps-border, #e5e7eb); box-shadow: 0 10px 30px rgb(0 0 0 / .25); }
h2 { font-size: 16px; margin: 0 0 8px; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 4px 14px; margin: 0 0 12px; }
kbd { font: 600 13px ui-monospace, monospace; padding: 1px 6px; border: 1px solid var(--ps-border, #e5e7eb); border-radius: 4px; }
button { all: unset; cursor: pointer; font-weight: 600; color: var(--ps-link, #2563eb); }
button:focus-visible { outline: 2px solid var(--ps-focus, #3b82f6); outline-offset: 2px; }
`;

/** The `?` overlay listing PaperSift's keys. Plain DOM: it is a handful of static nodes. */
export class KeyboardHelp {
  private host: HTMLElement | null = null;

  constructor(private readonly keys: ReadonlyArray<[string, string]>) {}

  get isOpen(): boolean {
    return this.host !== null;
  }

  toggle(): void {
    if (this.host) this.close();
    else this.open();
  }

  close(): void {
    this.host?.remove();
    this.host = null;
  }

  private open(): void {
    const { host, shadow } = createPageHost('keys', CSS);
    const dialog = document.createElement('div');
    dialog.className = 'dialog';
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-label', 'PaperSift keyboard shortcuts');
    const title = document.createElement('h2');
    title.textContent = 'PaperSift keys';
    const list = document.createElement('dl');
    for (const [key, what] of this.keys) {
      const dt = document.createElement('dt');
      const kbd = document.createElement('kbd');
      kbd.textContent = key;
      dt.append(kbd);
      const dd = document.createElement('dd');
      dd.style.margin = '0';
      dd.textContent = what;
      list.append(dt, dd);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Close (Esc)';
    close.addEventListener('click', () => this.close());
    host.addEventListener('click', (e) => {
      if (e.composedPath()[0] === host) this.close();
    });
    dialog.append(title, list, close);
    shadow.append(dialog);
    document.body.append(host);
    this.host = host;
    close.focus();
  }
}
