/**
 * "27 papers · 6 match your topics · 4 hidden [Show hidden] [My topics first] [Only matches]" above the list.
 * Plain DOM, built once and patched (like the card controls): it updates while a long page is decorated, and the
 * counts' live region and the focused toggle must stay the same elements.
 */
import type { ViewToggles } from './view-toggles';
import { el } from '../../ui/el';

export interface SummaryBarProps {
  total: number;
  matched: number;
  hidden: number;
  /** Cards not seen before this visit (0: nothing said, no "Only new"). */
  fresh: number;
  view: ViewToggles;
  onToggle(key: keyof ViewToggles): void;
}

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const TOGGLES: Array<[keyof ViewToggles, string]> = [
  ['showHidden', 'Show hidden'],
  ['topicsFirst', 'My topics first'],
  ['onlyMatches', 'Only matches'],
  ['onlyNew', 'Only new'],
];

export class SummaryBarView {
  private props: SummaryBarProps | null = null;
  private readonly counts: HTMLElement;
  private readonly buttons = new Map<keyof ViewToggles, HTMLButtonElement>();

  constructor(mount: HTMLElement) {
    this.counts = el('span', { class: 'counts', role: 'status' });
    const toggles = el('span', { class: 'toggles' });
    for (const [key, label] of TOGGLES) {
      const b = el('button', { type: 'button', class: 'toggle' }, label);
      b.addEventListener('click', () => this.props?.onToggle(key));
      this.buttons.set(key, b);
      toggles.append(b);
    }
    mount.replaceChildren(el('div', { class: 'bar', role: 'region', 'aria-label': 'PaperSift summary' }, this.counts, toggles));
  }

  update(p: SummaryBarProps): void {
    this.props = p;
    let text = `${n(p.total, 'paper', 'papers')} · ${n(p.matched, 'matches your topics', 'match your topics')} · ${p.hidden} hidden`;
    if (p.fresh > 0) text += ` · ${p.fresh} new since your last visit`;
    if (this.counts.textContent !== text) this.counts.textContent = text;
    // A toggle that can change nothing is disabled, unless it is on (so it can always be turned off).
    const nothingFor = { showHidden: p.hidden === 0, topicsFirst: p.matched === 0, onlyMatches: p.matched === 0, onlyNew: p.fresh === 0 };
    for (const [key, b] of this.buttons) {
      const on = p.view[key];
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
      b.disabled = nothingFor[key] && !on;
    }
    // "Only new" only on a visit with new cards (the first visit ever has none).
    this.buttons.get('onlyNew')!.hidden = p.fresh === 0 && !p.view.onlyNew;
  }
}
