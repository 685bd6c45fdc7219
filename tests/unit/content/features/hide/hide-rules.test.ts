import { describe, expect, it } from 'vitest';
import { earlyHideCss, HOLD_ATTR, HOLD_CSS } from '../../../../../entrypoints/content/features/hide/hide-rules';

/** Which of these cards a stylesheet's rules select (happy-dom's selector engine, no layout). */
function selected(css: string, html: string): string[] {
  document.body.innerHTML = html;
  const hit = new Set<string>();
  for (const rule of css.split('\n').filter(Boolean)) {
    const selector = rule.slice(0, rule.indexOf('{')).trim();
    for (const el of document.querySelectorAll(selector)) hit.add(el.closest('article')?.id ?? el.id);
  }
  return [...hit].sort();
}

const page = `
  <article id="a"><a href="/papers/2508.19428">A</a></article>
  <article id="b"><h3><a href="/papers/2509.00001">B</a></h3></article>
  <article id="c" data-papersift-id="2509.00002"><a href="/papers/2509.00002">C</a></article>
  <article id="d"><a href="/papers/2509.000011">D, a longer id</a></article>
  <div id="e"><a href="/papers/2508.19428">not a card element</a></div>`;

describe('early hide rules', () => {
  it('select exactly the undecorated cards of the given papers', () => {
    expect(selected(earlyHideCss(['2508.19428', '2509.00001', '2509.00002'], 'placeholder'), page)).toEqual(['a', 'b']);
    expect(selected(earlyHideCss(['2509.00001'], 'remove'), page)).toEqual(['b']);
  });

  it('are empty without papers to hide', () => {
    expect(earlyHideCss([], 'placeholder')).toBe('');
  });

  it('remove the card or collapse its content, by the hide style', () => {
    expect(earlyHideCss(['2509.00001'], 'remove')).toMatch(/\{ display: none !important; \}/);
    expect(earlyHideCss(['2509.00001'], 'placeholder')).toMatch(/> \* \{ display: none !important; \}/);
  });

  it('hold undecorated cards only while the hold is on', () => {
    expect(selected(HOLD_CSS, page)).toEqual([]);
    document.documentElement.setAttribute(HOLD_ATTR, '');
    try {
      expect(selected(HOLD_CSS, page)).toEqual(['a', 'b', 'd']);
    } finally {
      document.documentElement.removeAttribute(HOLD_ATTR);
    }
  });
});
