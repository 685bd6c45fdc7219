import { sendToBackground } from '../../../../utils/messaging/client';
import type { Feature } from '../registry';
import { SeenTracker } from './seen-tracker';

/** New since the last visit, and which cards the reader has seen (seen-tracker.ts). */
export const seen: Feature = {
  name: 'seen',
  start(page, signal) {
    new SeenTracker(
      page,
      {
        visit: (ids) => sendToBackground({ type: 'seen/visit', ids }),
        mark: (ids) => sendToBackground({ type: 'seen/mark', ids }),
      },
      signal,
    );
  },
};
