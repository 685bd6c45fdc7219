import type { Feature } from '../registry';
import { SummaryBarHost } from './summary-bar-host';

/** "27 papers · 6 match your topics · 4 hidden" above the list, with the view toggles. */
export const summaryBar: Feature = {
  name: 'summary bar',
  start(page, signal) {
    const bar = new SummaryBarHost(page.decorator);
    page.changed.add(() => bar.update(), signal);
    signal.addEventListener('abort', () => bar.remove(), { once: true });
  },
};
