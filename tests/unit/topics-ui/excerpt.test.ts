import { describe, expect, it } from 'vitest';
import { excerptAround } from '../../../utils/topics-ui/excerpt';

const words = (n: number, w = 'word') => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
const render = (x: ReturnType<typeof excerptAround>) =>
  x.windows.map((w) => `${w.before ? '…' : ''}${w.pieces.map((p) => (p.terms ? `[${p.text}]` : p.text)).join('')}${w.after ? '…' : ''}`);

describe('excerptAround', () => {
  it('shows a short text whole', () => {
    const text = 'diffusion models for audio';
    const x = excerptAround(text, [{ start: 0, end: 9, term: 'diffusion' }]);
    expect(render(x)).toEqual(['[diffusion] models for audio']);
    expect(x.omittedHits).toBe(0);
  });

  it('cuts a long text around the hit at word boundaries and says text was left out', () => {
    const text = `${words(30)} diffusion ${words(30, 'tail')}`;
    const start = text.indexOf('diffusion');
    const [w] = excerptAround(text, [{ start, end: start + 9, term: 'diffusion' }], { radius: 20 }).windows;
    expect(w!.before).toBe(true);
    expect(w!.after).toBe(true);
    const shown = w!.pieces.map((p) => p.text).join('');
    expect(shown).toContain('diffusion');
    expect(shown.length).toBeLessThanOrEqual(9 + 2 * 20);
    // Starts and ends on whole words.
    expect(text.slice(0, text.indexOf(shown) ).endsWith(' ')).toBe(true);
    expect(text[text.indexOf(shown) + shown.length]).toBe(' ');
  });

  it('joins nearby hits into one window and caps the number of windows', () => {
    const text = `alpha beta ${words(40)} gamma ${words(40)} delta ${words(40)} alpha`;
    const at = (w: string, from = 0) => text.indexOf(w, from);
    const hits = [
      { start: at('alpha'), end: at('alpha') + 5, term: 'alpha' },
      { start: at('beta'), end: at('beta') + 4, term: 'beta' },
      { start: at('gamma'), end: at('gamma') + 5, term: 'gamma' },
      { start: at('delta'), end: at('delta') + 5, term: 'delta' },
      { start: text.lastIndexOf('alpha'), end: text.lastIndexOf('alpha') + 5, term: 'alpha' },
    ];
    const x = excerptAround(text, hits, { radius: 15, maxWindows: 2 });
    expect(x.windows).toHaveLength(2);
    expect(render(x)[0]).toMatch(/^\[alpha\] \[beta\] /);
    expect(render(x)[1]).toContain('[gamma]');
    expect(x.omittedHits).toBe(2);
  });
});
