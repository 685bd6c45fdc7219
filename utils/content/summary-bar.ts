import { h, render } from 'preact';
import css from '../../components/summary-bar.css?inline';
import { SummaryBar } from '../../components/SummaryBar';
import { createPageHost } from './card-host';
import type { PageDecorator } from './page-decorator';

/** Keeps the summary bar right above the list of cards, with the page's counts and the view toggles. */
export class SummaryBarHost {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;

  constructor(private readonly decorator: PageDecorator) {}

  update(): void {
    const container = this.decorator.listContainer();
    if (!container) return this.remove();
    if (!this.host) this.create();
    if (this.host!.nextElementSibling !== container) container.before(this.host!);
    const stats = this.decorator.stats();
    const matched = stats.matched;
    render(
      h(SummaryBar, {
        total: stats.found,
        matched,
        hidden: stats.hidden,
        view: { ...this.decorator.view },
        onToggle: (key) => this.decorator.setView({ [key]: !this.decorator.view[key] }),
      }),
      this.mount!,
    );
  }

  remove(): void {
    if (this.mount) render(null, this.mount);
    this.host?.remove();
    this.host = this.mount = null;
  }

  private create(): void {
    const { host, shadow } = createPageHost('summary', css);
    const mount = document.createElement('div');
    shadow.append(mount);
    this.host = host;
    this.mount = mount;
  }
}
