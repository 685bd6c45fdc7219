import type { Feature } from '../registry';
import { applyDisplaySettings, clearDisplaySettings } from './display-settings';

/** The reader's hide style, highlight style and toolbar setting, as `<html>` hooks for hooks.css. */
export const displaySettings: Feature = {
  name: 'display settings',
  start(page, signal) {
    const html = page.doc.documentElement;
    page.settings.add(({ prefs }) => applyDisplaySettings(html, prefs), signal);
    signal.addEventListener('abort', () => clearDisplaySettings(html), { once: true });
  },
};
