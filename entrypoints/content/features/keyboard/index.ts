import type { Feature } from '../registry';
import { KeyboardTriage } from './keyboard-triage';

/** j/k/s/h/o/x/? triage keys, on unless the reader turned them off. */
export const keyboard: Feature = {
  name: 'keyboard',
  start(page, signal) {
    const triage = new KeyboardTriage(page.decorator);
    page.doc.addEventListener('keydown', triage.onKeyDown, { signal });
    page.settings.add(({ prefs }) => {
      triage.setEnabled(prefs.keyboard);
      triage.setSkipSeen(prefs.keyboardSkipSeen);
    }, signal);
    signal.addEventListener('abort', () => triage.destroy(), { once: true });
  },
};
