/**
 * "27 papers · 6 match your topics · 4 hidden [Show hidden] [My topics first] [Only matches]" above the list.
 * Plain DOM, built once and patched (like the card controls): it updates while a long page is decorated, and the
 * counts' live region and the focused toggle must stay the same elements.
 */
import type { ViewToggles } from '../utils/content/page-decorator';

export interface SummaryBarProps {
  total: number;
  matched: number;
  hidden: number;
  view: ViewToggles;
  onToggle(key: keyof ViewToggles): void;
}

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const TOGGLES: Array<[keyof ViewToggles, string]> = [
  ['showHidden', 'Show hidden'],
  ['topicsFirst', 'My topics first'],
  ['onlyMatches', 'Only matches'],
];

export class SummaryBarView {
  private props: SummaryBarProps | null = null;
  private readonly counts: HTMLElement;
  private readonly buttons = new Map<keyof ViewToggles, HTMLButtonElement>();

  constructor(mount: HTMLElement) {
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', 'PaperSift summary');
    this.counts = document.createElement('span');
    this.counts.className = 'counts';
    this.counts.setAttribute('role', 'status');
    const toggles = document.createElement('span');
    toggles.className = 'toggles';
    for (const [key, label] of TOGGLES) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'toggle';
      b.textContent = label;
      b.addEventListener('click', () => this.props?.onToggle(key));
      this.buttons.set(key, b);
      toggles.append(b);
    }
    bar.append(this.counts, toggles);
    mount.replaceChildren(bar);
  }

  update(p: SummaryBarProps): void {
    this.props = p;
    const text = `${n(p.total, 'paper', 'papers')} · ${n(p.matched, 'matches your topics', 'match your topics')} · ${p.hidden} hidden`;
    if (this.counts.textContent !== text) this.counts.textContent = text;
    // A toggle that can change nothing is disabled, unless it is on (so it can always be turned off).
    const nothingFor = { showHidden: p.hidden === 0, topicsFirst: p.matched === 0, onlyMatches: p.matched === 0 };
    for (const [key, b] of this.buttons) {
      const on = p.view[key];
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
      b.disabled = nothingFor[key] && !on;
    }
  }
}
