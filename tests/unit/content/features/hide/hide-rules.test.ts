import { describe, expect, it } from 'vitest';
import { EARLY_ATTR, EARLY_CSS, HOLD_ATTR } from '../../../../../entrypoints/content/features/hide/hide-rules';

/** Which of these cards the stylesheet's rules select, with the declarations each gets (happy-dom, no layout). */
function selected(html: string): Record<string, string> {
  document.body.innerHTML = html;
  const hit: Record<string, string> = {};
  for (const rule of EARLY_CSS.split('\n').filter(Boolean)) {
    const selector = rule.slice(0, rule.indexOf('{')).trim();
    const body = rule.slice(rule.indexOf('{') + 1, rule.lastIndexOf('}')).trim();
    for (const el of document.querySelectorAll(selector)) hit[el.id] = [hit[el.id], body].filter(Boolean).join(' ');
  }
  return hit;
}

const page = `
  <article id="a" ${EARLY_ATTR}="hide"><a href="/papers/2508.19428">A</a></article>
  <article id="b"><h3><a href="/papers/2509.00001">B</a></h3></article>
  <article id="c" ${EARLY_ATTR}="hide" data-papersift-id="2509.00002"><a href="/papers/2509.00002">C</a></article>
  <article id="d" ${EARLY_ATTR}="wait"></article>
  <div id="e" ${EARLY_ATTR}="hide"><a href="/papers/2508.19428">not a card element</a></div>`;

describe('early hide rules', () => {
  it('collapse undecorated cards marked hide, keep those marked wait invisible in place, and nothing else', () => {
    const hit = selected(page);
    expect(Object.keys(hit).sort()).toEqual(['a', 'd']);
    expect(hit.a).toMatch(/content-visibility: hidden/);
    expect(hit.a).toMatch(/min-height: 38px/);
    expect(hit.d).toMatch(/visibility: hidden/);
  });

  it('remove marked cards with the hide style "remove"', () => {
    document.documentElement.setAttribute('data-papersift-hide-style', 'remove');
    try {
      expect(selected(page).a).toMatch(/display: none/);
    } finally {
      document.documentElement.removeAttribute('data-papersift-hide-style');
    }
  });

  it('hold every undecorated card holding a paper link, only while the hold is on', () => {
    const plain = page.replace(/data-papersift-early="\w+"/g, '');
    expect(selected(plain)).toEqual({});
    document.documentElement.setAttribute(HOLD_ATTR, '');
    try {
      expect(Object.keys(selected(plain)).sort()).toEqual(['a', 'b']);
    } finally {
      document.documentElement.removeAttribute(HOLD_ATTR);
    }
  });

  it('select by attributes only: no :has() naming papers', () => {
    expect(EARLY_CSS).not.toMatch(/\/papers\/\d/);
  });
});
