import type { ViewToggles } from '../utils/content/page-decorator';

export interface SummaryBarProps {
  total: number;
  matched: number;
  hidden: number;
  view: ViewToggles;
  onToggle(key: keyof ViewToggles): void;
}

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "27 papers · 6 match your topics · 4 hidden [show hidden] [my topics first] [only matches]" above the list. */
export function SummaryBar(p: SummaryBarProps) {
  const toggle = (key: keyof ViewToggles, label: string, disabled = false) => (
    <button type="button" class="toggle" aria-pressed={p.view[key] ? 'true' : 'false'} disabled={disabled} onClick={() => p.onToggle(key)}>
      {label}
    </button>
  );
  return (
    <div class="bar" role="region" aria-label="PaperSift summary">
      <span class="counts" role="status">
        {n(p.total, 'paper', 'papers')} · {n(p.matched, 'matches your topics', 'match your topics')} · {p.hidden} hidden
      </span>
      <span class="toggles">
        {toggle('showHidden', 'Show hidden', p.hidden === 0 && !p.view.showHidden)}
        {toggle('topicsFirst', 'My topics first', p.matched === 0 && !p.view.topicsFirst)}
        {toggle('onlyMatches', 'Only matches', p.matched === 0 && !p.view.onlyMatches)}
      </span>
    </div>
  );
}
