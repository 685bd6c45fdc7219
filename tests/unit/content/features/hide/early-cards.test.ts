import { describe, expect, it } from 'vitest';
import { createCardMarker, type EarlyCard, type EarlyVerdict } from '../../../../../entrypoints/content/features/hide/early-cards';
import { EARLY_ATTR } from '../../../../../entrypoints/content/features/hide/hide-rules';

/** A grid the test fills as a parser would: card by card, each one child at a time. */
function grid(): HTMLElement {
  document.body.innerHTML = '<main><div id="grid"></div></main>';
  return document.getElementById('grid')!;
}
const mark = (id: string) => document.querySelector(`[data-test="${id}"]`)!.getAttribute(EARLY_ATTR);

function article(id: string, parts: Array<'thumb' | 'title' | 'after'>, title = `Paper ${id}`): HTMLElement {
  const el = document.createElement('article');
  el.dataset.test = id;
  for (const part of parts) {
    if (part === 'thumb') el.insertAdjacentHTML('beforeend', `<a href="/papers/${id}"><img alt=""></a>`);
    if (part === 'title') el.insertAdjacentHTML('beforeend', `<div><h3><a href="/papers/${id}">${title}</a></h3></div>`);
    if (part === 'after') el.insertAdjacentHTML('beforeend', `<a href="/papers/${id}#community">3</a>`);
  }
  return el;
}

describe('the early card marker', () => {
  it('decides each card once, from its id and its parsed title, in page order', () => {
    const g = grid();
    const seen: EarlyCard[] = [];
    const decide = (c: EarlyCard): EarlyVerdict => {
      seen.push(c);
      if (!c.id) return 'wait';
      if (c.id === '2501.00002') return 'hide';
      if (c.title === null) return 'wait';
      return /attention/i.test(c.title) ? 'hide' : 'show';
    };
    const marker = createCardMarker(document, decide, 300, () => 0);
    g.append(article('2501.00001', ['thumb', 'title', 'after']), article('2501.00002', ['thumb']));
    marker(false);
    expect(mark('2501.00001')).toBeNull();
    expect(mark('2501.00002')).toBe('hide'); // its id is enough, even while it is still being parsed
    // The third card is parsed up to its heading: nothing follows the heading yet, so its title may be partial.
    const third = article('2501.00003', ['thumb', 'title'], 'Attention is');
    g.append(third);
    marker(false);
    expect(mark('2501.00003')).toBe('wait');
    third.querySelector('h3 a')!.append(' all you need');
    third.insertAdjacentHTML('beforeend', '<a href="/papers/2501.00003#community">3</a>');
    marker(false);
    expect(mark('2501.00003')).toBe('hide');
    const decided = seen.filter((c) => c.id === '2501.00001');
    expect(decided).toHaveLength(1); // never looked at again
  });

  it('a card still undecided after maxWaitMs is shown; the end of parsing decides every card', () => {
    const g = grid();
    let t = 0;
    const marker = createCardMarker(document, (c) => (c.title === null ? 'wait' : 'show'), 300, () => t);
    g.append(article('2501.00001', ['thumb']));
    marker(false);
    expect(mark('2501.00001')).toBe('wait');
    t = 299;
    marker(false);
    expect(mark('2501.00001')).toBe('wait');
    t = 300;
    marker(false);
    expect(mark('2501.00001')).toBeNull();

    g.append(article('2501.00002', ['thumb']));
    marker(false);
    expect(mark('2501.00002')).toBe('wait');
    marker(true); // parsed: nothing more will come
    expect(mark('2501.00002')).toBeNull();
  });

  it('a card followed by another is complete: decided without waiting', () => {
    const g = grid();
    const marker = createCardMarker(document, (c) => (c.title === null && !c.complete ? 'wait' : 'show'), 300, () => 0);
    g.append(article('2501.00001', ['thumb']), article('2501.00002', ['thumb']));
    marker(false);
    expect(mark('2501.00001')).toBeNull();
    expect(mark('2501.00002')).toBe('wait');
  });

  it('leaves cards the decorator has marked alone', () => {
    const g = grid();
    const el = article('2501.00001', ['thumb', 'title', 'after']);
    el.setAttribute('data-papersift-id', '2501.00001');
    g.append(el);
    createCardMarker(document, () => 'hide', 300)(true);
    expect(mark('2501.00001')).toBeNull();
  });
});
