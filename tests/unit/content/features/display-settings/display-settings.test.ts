import { afterEach, describe, expect, it } from 'vitest';
import { applyDisplaySettings, clearDisplaySettings, SETTINGS_ATTR } from '../../../../../entrypoints/content/features/display-settings/display-settings';
import { DEFAULT_PREFS, type Prefs } from '../../../../../utils/storage/prefs-schema';

const html = document.documentElement;
const prefs = (patch: Partial<Prefs> = {}): Prefs => ({ ...DEFAULT_PREFS, ...patch });
const styled = () => ['data-papersift-hide-style', 'data-papersift-highlight-style', 'data-papersift-toolbar'].map((a) => html.getAttribute(a));

/** Attribute writes on <html> while `fn` runs (each one can make the browser check every element of the page). */
async function writesDuring(fn: () => void): Promise<string[]> {
  const seen: string[] = [];
  const observer = new MutationObserver((records) => seen.push(...records.map((r) => r.attributeName!)));
  observer.observe(html, { attributes: true });
  fn();
  await Promise.resolve();
  observer.disconnect();
  return seen;
}

afterEach(() => clearDisplaySettings(html));

describe('display settings on <html>', () => {
  it('writes only the settings that differ from their default, and says what all of them are', () => {
    applyDisplaySettings(html, prefs());
    expect(styled()).toEqual([null, null, null]);
    expect(html.getAttribute(SETTINGS_ATTR)).toBe('hide-style=placeholder highlight-style=accent toolbar=on');
    applyDisplaySettings(html, prefs({ hideStyle: 'remove', highlightStyle: 'subtle', showToolbar: false }));
    expect(styled()).toEqual(['remove', 'subtle', 'off']);
    expect(html.getAttribute(SETTINGS_ATTR)).toBe('hide-style=remove highlight-style=subtle toolbar=off');
    applyDisplaySettings(html, prefs({ highlightStyle: 'subtle' })); // back to the defaults but one
    expect(styled()).toEqual([null, 'subtle', null]);
  });

  it('writes nothing when the settings did not change (topics changes re-apply them)', async () => {
    applyDisplaySettings(html, prefs({ hideStyle: 'remove' }));
    expect(await writesDuring(() => applyDisplaySettings(html, prefs({ hideStyle: 'remove' })))).toEqual([]);
    expect(await writesDuring(() => applyDisplaySettings(html, prefs()))).toEqual(['data-papersift-hide-style', SETTINGS_ATTR]);
  });

  it('takes every attribute away when PaperSift stops', () => {
    applyDisplaySettings(html, prefs({ showToolbar: false }));
    clearDisplaySettings(html);
    expect(styled()).toEqual([null, null, null]);
    expect(html.hasAttribute(SETTINGS_ATTR)).toBe(false);
  });
});
