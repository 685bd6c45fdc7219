import type { Feature } from '../registry';
import { NoCardsNotice } from './no-cards-notice';

/** A papers list where no card was recognised says so on the page. */
export const noCardsNotice: Feature = {
  name: 'no-cards notice',
  start(page, signal) {
    const notice = new NoCardsNotice();
    // A long page's pass ends some tasks after it starts: the notice follows its end, not its start.
    page.passed.add(({ kind, found }) => page.timed('notice', () => notice.update(found === 0 && kind !== 'paper' && kind !== 'other')), signal);
    signal.addEventListener('abort', () => notice.destroy(), { once: true });
  },
};
