import css from './summary-bar.css?inline';
import { SummaryBarView } from './summary-bar-view';
import { createPageHost } from '../../ui/card-host';
import type { PageDecorator } from '../../pipeline/page-decorator';

/** Keeps the summary bar right above the list of cards, with the page's counts and the view toggles. */
export class SummaryBarHost {
  private host: HTMLElement | null = null;
  private view: SummaryBarView | null = null;

  constructor(private readonly decorator: PageDecorator) {}

  update(): void {
    const container = this.decorator.listContainer();
    if (!container) return this.remove();
    if (!this.host) this.create();
    if (this.host!.nextElementSibling !== container) container.before(this.host!);
    const counts = this.decorator.counts();
    this.view!.update({
      total: counts.found,
      matched: counts.matched,
      hidden: counts.hidden,
      fresh: counts.fresh,
      view: { ...this.decorator.view },
      onToggle: (key) => this.decorator.setView({ [key]: !this.decorator.view[key] }),
    });
  }

  remove(): void {
    this.host?.remove();
    this.host = null;
    this.view = null;
  }

  private create(): void {
    const { host, shadow } = createPageHost('summary', css);
    const mount = document.createElement('div');
    shadow.append(mount);
    this.host = host;
    this.view = new SummaryBarView(mount);
  }
}
