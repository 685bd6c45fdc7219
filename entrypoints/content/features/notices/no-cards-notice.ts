import { showPageNotice } from './page-notice';

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
    this.host = showPageNotice(
      'notice',
      'PaperSift found no papers on this page. The site may have changed; PaperSift may need an update.',
      [['Dismiss', () => {
        this.dismissed = true;
        this.update(false);
      }]],
    );
  }
}
