import { describe, expect, it } from 'vitest';
import dailyHtml from '../../fixtures/daily-2026.html?raw';
import trendingHtml from '../../fixtures/trending-2026.html?raw';
import searchHtml from '../../fixtures/search-2026.html?raw';
import paperHtml from '../../fixtures/paper-2026.html?raw';
import { defaultIsVisible, detectCards, detectCardsInSteps, rawTitleOf, titleTextOf, type DetectedCard } from '../../../utils/hf/detect-cards';
import { extractPaper } from '../../../utils/hf/extract';

const DAILY_URL = 'https://huggingface.co/papers/date/2026-11-27';
const TRENDING_URL = 'https://huggingface.co/papers/trending';
const SEARCH_URL = 'https://huggingface.co/papers?q=attention';
const PAPER_URL = 'https://huggingface.co/papers/2410.24210';

/** Parses a fixture. Its stylesheet link is dropped: it cannot load offline and happy-dom logs the failure. */
function load(html: string): Document {
  return new DOMParser().parseFromString(html.replace(/<link rel="stylesheet"[^>]*>/g, ''), 'text/html');
}

/** Paper ids in the order of the page's own data-props JSON (read here without the code under test). */
function jsonIds(doc: Document): string[] {
  const raw = doc.querySelector('[data-target="DailyPapers"]')!.getAttribute('data-props')!;
  const props = JSON.parse(raw) as { dailyPapers?: Array<{ paper: { id: string } }>; searchResults?: Array<{ paper: { id: string } }> };
  return (props.dailyPapers ?? props.searchResults ?? []).map((e) => e.paper.id);
}

const ids = (cards: DetectedCard[]) => cards.map((c) => c.id);

/** A minimal page: header with an h1, then a grid holding `cards`. */
function page(cards: string, extra = ''): Document {
  return new DOMParser().parseFromString(
    `<html><body><main><section><h1>Daily Papers</h1>${extra}<div class="grid">${cards}</div></section></main></body></html>`,
    'text/html',
  );
}
const card = (id: string, title = `Paper ${id}`) =>
  `<article><a href="/papers/${id}"><img alt=""></a><h3><a href="/papers/${id}">${title}</a></h3>` +
  `<a href="/papers/${id}#community">3</a></article>`;

describe('detectCards on the fixtures', () => {
  it('daily: 27 article cards in page order, matching the JSON', () => {
    const doc = load(dailyHtml);
    const cards = detectCards(doc, DAILY_URL);
    expect(cards).toHaveLength(27);
    expect(ids(cards)).toEqual(jsonIds(doc));
    expect(ids(cards).slice(0, 3)).toEqual(['2508.19428', '2410.17396', '2410.24210']);
    expect(ids(cards).slice(-3)).toEqual(['2404.15574', '2405.20838', '2409.14595']);
    for (const c of cards) {
      expect(c.root.tagName).toBe('ARTICLE');
      expect(c.titleEl.tagName).toBe('A');
      expect(c.titleEl.closest('h3')).not.toBeNull();
      expect(c.layout).toBe('media');
    }
    expect(cards[0]!.titleEl.textContent).toBe(
      'Heterogeneous LLM Methods for Ontology Learning (Few-Shot Prompting, Ensemble Typing, and Attention-Based Taxonomies)',
    );
    // Each root is its own article.
    expect(new Set(cards.map((c) => c.root)).size).toBe(27);
  });

  it('trending: 12 cards, one per article although each holds two copies', () => {
    const doc = load(trendingHtml);
    const cards = detectCards(doc, TRENDING_URL);
    expect(cards).toHaveLength(12);
    expect(ids(cards)).toEqual(jsonIds(doc));
    expect(ids(cards).slice(0, 3)).toEqual(['2609.18063', '2412.20138', '2501.00663']);
    expect(ids(cards).slice(-3)).toEqual(['2405.17381', '2404.15574', '2405.13956']);
    const articles = Array.from(doc.querySelectorAll('article'));
    expect(cards.map((c) => c.root)).toEqual(articles);
    for (const c of cards) expect(c.layout).toBe('media');
  });

  it('search: 27 plain cards in page order, matching the JSON', () => {
    const doc = load(searchHtml);
    const cards = detectCards(doc, SEARCH_URL);
    expect(cards).toHaveLength(27);
    expect(ids(cards)).toEqual(jsonIds(doc));
    expect(ids(cards).slice(0, 3)).toEqual(['2508.19428', '2410.17396', '2410.24210']);
    expect(ids(cards).slice(-3)).toEqual(['2404.15574', '2405.20838', '2409.14595']);
    for (const c of cards) {
      expect(c.root.tagName).toBe('ARTICLE');
      expect(c.layout).toBe('plain');
      // The title link, not the abstract link to the same paper.
      expect(c.titleEl.closest('h3')).not.toBeNull();
    }
  });

  it('paper page: exactly one card, the h1 in its section; community links are not cards', () => {
    const doc = load(paperHtml);
    const cards = detectCards(doc, PAPER_URL);
    expect(cards).toHaveLength(1);
    const [c] = cards;
    expect(c!.id).toBe('2410.24210');
    expect(c!.layout).toBe('paper');
    expect(c!.titleEl.tagName).toBe('H1');
    expect(c!.titleEl.textContent).toBe('TabM: Advancing Tabular Deep Learning with Parameter-Efficient Ensembling');
    expect(c!.root.tagName).toBe('SECTION');
    expect(c!.root.contains(doc.getElementById('community'))).toBe(false);
    // The community section does link other papers; they must not surface.
    expect(doc.querySelectorAll('a[href^="https://huggingface.co/papers/"]')).toHaveLength(3);
  });

  it('paper page read as a list page would still not turn comment links into cards', () => {
    const doc = load(paperHtml);
    expect(detectCards(doc, 'https://huggingface.co/papers')).toEqual([]);
  });

  it('paper page without an h1 → []', () => {
    const doc = load(paperHtml);
    doc.querySelector('h1')!.remove();
    expect(detectCards(doc, PAPER_URL)).toEqual([]);
  });
});

describe('trending: the visible copy supplies titleEl', () => {
  const inMobileCopy = (el: Element) => el.closest('[class~="md:hidden"]') !== null;
  const inDesktopCopy = (el: Element) => el.closest('[class~="md:flex"]') !== null;

  it('desktop visible → titleEl in the desktop copy', () => {
    const doc = load(trendingHtml);
    const cards = detectCards(doc, TRENDING_URL, (el) => !inMobileCopy(el));
    expect(cards).toHaveLength(12);
    for (const c of cards) {
      expect(inDesktopCopy(c.titleEl)).toBe(true);
      expect(c.root.tagName).toBe('ARTICLE');
    }
  });

  it('mobile visible → titleEl in the mobile copy, same roots', () => {
    const doc = load(trendingHtml);
    const desktop = detectCards(doc, TRENDING_URL, (el) => !inMobileCopy(el));
    const mobile = detectCards(doc, TRENDING_URL, (el) => !inDesktopCopy(el));
    expect(ids(mobile)).toEqual(ids(desktop));
    expect(mobile.map((c) => c.root)).toEqual(desktop.map((c) => c.root));
    for (const c of mobile) expect(inMobileCopy(c.titleEl)).toBe(true);
  });

  it('default visibility without layout falls back to the first copy', () => {
    const doc = load(trendingHtml);
    const cards = detectCards(doc, TRENDING_URL);
    expect(cards).toHaveLength(12);
    for (const c of cards) expect(inDesktopCopy(c.titleEl)).toBe(true);
  });

  it('nothing visible, or a throwing isVisible, also falls back to the first copy', () => {
    const doc = load(trendingHtml);
    for (const isVisible of [() => false, () => { throw new Error('boom'); }]) {
      const cards = detectCards(doc, TRENDING_URL, isVisible);
      expect(cards).toHaveLength(12);
      for (const c of cards) expect(inDesktopCopy(c.titleEl)).toBe(true);
    }
  });

  it('default visibility honours CSS when the document has it', () => {
    // A live document with a rule hiding the desktop copy: checkVisibility sees it.
    document.documentElement.innerHTML =
      '<head><style>.desk { display: none }</style></head><body><main><h1>Trending</h1><div>' +
      ['2501.00001', '2501.00002']
        .map(
          (id) =>
            `<article><div class="desk"><h3><a href="/papers/${id}">T ${id}</a></h3></div>` +
            `<div class="mob"><h3><a href="/papers/${id}">T ${id}</a></h3></div></article>`,
        )
        .join('') +
      '</div></main></body>';
    const cards = detectCards(document, TRENDING_URL);
    expect(ids(cards)).toEqual(['2501.00001', '2501.00002']);
    for (const c of cards) expect(c.titleEl.closest('.mob')).not.toBeNull();
    document.documentElement.innerHTML = '<head></head><body></body>';
  });
});

describe('detectCards on odd input', () => {
  it('a page with no cards → []', () => {
    expect(detectCards(new DOMParser().parseFromString('', 'text/html'), DAILY_URL)).toEqual([]);
    const doc = load(dailyHtml);
    for (const a of Array.from(doc.querySelectorAll('article'))) a.remove();
    expect(detectCards(doc, DAILY_URL)).toEqual([]);
  });

  it('links that are not a title make no card', () => {
    const doc = page(
      card('2501.00001') +
        // a heading whose only link is the comments hash
        '<article><h3><a href="/papers/2501.00003#community">5</a></h3></article>' +
        // a login link in a heading
        '<article><h3><a href="/login?next=%2Fpapers%2F2501.00004">Log in</a></h3></article>' +
        // thumbnail (no alt) and a count, no title anywhere
        '<article><a href="/papers/2501.00006"><img alt=""></a><a href="/papers/2501.00006">12</a></article>' +
        card('2501.00005'),
    );
    expect(ids(detectCards(doc, DAILY_URL))).toEqual(['2501.00001', '2501.00005']);
  });

  it('a card without a heading is still a card, titled by its plain link or its thumbnail alt', () => {
    const doc = page(
      card('2501.00001') +
        '<article><a href="/papers/2501.00002"><img alt=""></a><div><a href="/papers/2501.00002">No heading here</a></div></article>' +
        '<article><a href="/papers/2501.00007"><img alt="  Only in the   alt "></a><span>3 authors</span></article>' +
        card('2501.00005'),
    );
    const cards = detectCards(doc, DAILY_URL);
    expect(ids(cards)).toEqual(['2501.00001', '2501.00002', '2501.00007', '2501.00005']);
    const [, plain, alt] = cards;
    expect(plain!.root.tagName).toBe('ARTICLE');
    expect(titleTextOf(plain!)).toBe('No heading here');
    expect(plain!.titleAlt).toBeUndefined();
    expect(alt!.root.tagName).toBe('ARTICLE');
    expect(alt!.titleAlt).toBe('Only in the alt');
    expect(titleTextOf(alt!)).toBe('Only in the alt');
    expect(rawTitleOf(alt!)).toBe('Only in the alt');
    expect(extractPaper(alt!, new Map()).title).toBe('Only in the alt');
  });

  it('daily fixture with its headings gone: the same 27 cards, roots and titles', () => {
    const before = detectCards(load(dailyHtml), DAILY_URL);
    const doc = load(dailyHtml);
    for (const h of Array.from(doc.querySelectorAll('article h3'))) {
      const div = doc.createElement('div');
      div.append(...Array.from(h.childNodes));
      h.replaceWith(div);
    }
    const cards = detectCards(doc, DAILY_URL);
    expect(ids(cards)).toEqual(ids(before));
    expect(cards.map((c) => c.root.tagName)).toEqual(before.map(() => 'ARTICLE'));
    expect(cards.map(titleTextOf)).toEqual(before.map(titleTextOf));
    // One card whose title link is gone too: its thumbnail's alt is its title.
    const third = doc.querySelectorAll('article')[2]!;
    const title = cards[2]!.titleEl;
    third.querySelector('img')!.setAttribute('alt', title.textContent!);
    title.remove();
    const again = detectCards(doc, DAILY_URL);
    expect(ids(again)).toEqual(ids(before));
    expect(again[2]!.titleAlt).toBe(titleTextOf(before[2]!));
  });

  it('a card with its thumbnail missing is still detected, as plain', () => {
    const doc = load(dailyHtml);
    const third = doc.querySelectorAll('article')[2]!;
    const thumb = Array.from(third.querySelectorAll('a[href="/papers/2410.24210"]')).find((a) => !a.closest('h3'))!;
    expect(thumb.querySelector('img')).not.toBeNull();
    thumb.remove();
    const cards = detectCards(doc, DAILY_URL);
    expect(cards).toHaveLength(27);
    expect(cards[2]!.id).toBe('2410.24210');
    expect(cards[2]!.root).toBe(third);
    expect(cards[2]!.layout).toBe('plain');
    expect(cards[1]!.layout).toBe('media');
  });

  it('a link to a paper inside a <p> is not a card and does not disturb the cards', () => {
    const doc = load(dailyHtml);
    const grid = doc.querySelector('article')!.parentElement!;
    const p = doc.createElement('p');
    p.append('Related: ');
    const a = doc.createElement('a');
    a.href = '/papers/2410.02604';
    a.textContent = 'Long-Sequence Recommendation Models';
    p.append(a);
    grid.before(p);
    // Also a prose link inside a card, to another paper.
    const first = doc.querySelector('article')!;
    const q = doc.createElement('p');
    const b = doc.createElement('a');
    b.href = '/papers/2104.00597';
    b.textContent = 'see also';
    q.append(b);
    first.append(q);

    const cards = detectCards(doc, DAILY_URL);
    expect(cards).toHaveLength(27);
    expect(ids(cards)).toEqual(jsonIds(doc));
    // 2410.02604 is a real card later on; the prose link did not add or move it.
    expect(ids(cards).indexOf('2410.02604')).toBe(18);
  });

  it('ignores everything inside data-papersift-ui', () => {
    const doc = load(dailyHtml);
    const ours = doc.createElement('div');
    ours.setAttribute('data-papersift-ui', '');
    const h = doc.createElement('h3');
    const a = doc.createElement('a');
    a.href = '/papers/2501.99999';
    a.textContent = 'Our own panel';
    h.append(a);
    ours.append(h);
    doc.querySelector('article')!.parentElement!.prepend(ours);
    // Our badge inside a card linking another paper must not shrink that card's root.
    const badge = doc.createElement('span');
    badge.setAttribute('data-papersift-ui', 'badge');
    const other = doc.createElement('a');
    other.href = '/papers/2410.17396';
    other.textContent = 'similar';
    badge.append(other);
    const first = doc.querySelector('article')!;
    first.querySelector('h3')!.after(badge);

    const cards = detectCards(doc, DAILY_URL);
    expect(ids(cards)).toEqual(jsonIds(doc));
    expect(cards[0]!.root).toBe(first);
    // The same when the caller hands over our hosts, looked up already (the decorator does, once per pass).
    const steps = detectCardsInSteps(doc, DAILY_URL, defaultIsVisible, Array.from(doc.querySelectorAll('[data-papersift-ui]')));
    let step = steps.next();
    while (!step.done) step = steps.next();
    expect(step.value.map((c) => [c.id, c.root, c.titleEl])).toEqual(cards.map((c) => [c.id, c.root, c.titleEl]));
  });

  it('accepts absolute and versioned title links; each paper once', () => {
    const doc = page(
      '<article><h3><a href="https://huggingface.co/papers/2501.00001v2">A</a></h3></article>' +
        card('2501.00002') +
        '<article><h2><a href="/papers/2501.00003"><span>C</span></a></h2></article>' +
        // a link wrapping its heading
        '<article><a href="/papers/2501.00004"><h3>D</h3></a></article>' +
        card('2501.00002'),
    );
    const cards = detectCards(doc, DAILY_URL);
    expect(ids(cards)).toEqual(['2501.00001', '2501.00002', '2501.00003', '2501.00004']);
    expect(cards.every((c) => c.root.tagName === 'ARTICLE')).toBe(true);
  });

  it('a page listing a single paper: the root stays the card, not the page', () => {
    const doc = page(card('2501.00001'), '<a href="/papers/date/2026-11-26">Previous</a>');
    const cards = detectCards(doc, DAILY_URL);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.root.tagName).toBe('ARTICLE');
    // Without <article>, the page heading still bounds the root from above.
    const bare = page('<div class="c"><h3><a href="/papers/2501.00001">Only</a></h3><span>3 authors</span></div>');
    const [only] = detectCards(bare, DAILY_URL);
    expect(only!.root.querySelector('h1')).toBeNull();
    expect(only!.root.textContent).toContain('3 authors');
  });

  it('works without <article>: the highest ancestor linking no other paper', () => {
    const doc = page(
      ['2501.00001', '2501.00002', '2501.00003']
        .map((id) => `<div class="x"><div><a href="/papers/${id}"><img alt=""></a></div><div><h4><a href="/papers/${id}">T${id}</a></h4><a href="/papers/${id}#community">1</a></div></div>`)
        .join(''),
    );
    const cards = detectCards(doc, DAILY_URL);
    expect(ids(cards)).toEqual(['2501.00001', '2501.00002', '2501.00003']);
    for (const c of cards) {
      expect(c.root.className).toBe('x');
      expect(c.layout).toBe('media');
    }
  });
});

describe('detectCards at month scale', () => {
  it('finds 1,000 synthetic cards once each, in order', { timeout: 60_000 }, () => {
    const doc = load(dailyHtml);
    const templates = Array.from(doc.querySelectorAll('article'));
    const grid = templates[0]!.parentElement!;
    const tail = Array.from(grid.children).filter((el) => el.tagName !== 'ARTICLE');
    const expected: string[] = [];
    const parts: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const template = templates[i % templates.length]!;
      const oldId = template.querySelector('h3 a')!.getAttribute('href')!.split('/').pop()!;
      const id = `2611.${String(10000 + i)}`;
      // Test setup: the template's own markup with the paper id swapped everywhere.
      parts.push(template.outerHTML.split(oldId).join(id));
      expected.push(id);
    }
    grid.innerHTML = parts.join('') + tail.map((el) => el.outerHTML).join('');
    const cards = detectCards(doc, 'https://huggingface.co/papers/month/2026-11');
    expect(cards).toHaveLength(1000);
    expect(ids(cards)).toEqual(expected);
    expect(new Set(cards.map((c) => c.root)).size).toBe(1000);
    expect(cards.every((c) => c.root.tagName === 'ARTICLE')).toBe(true);

    // In steps, the same cards; a long page takes many short steps, a short one a single step.
    const steps = detectCardsInSteps(doc, 'https://huggingface.co/papers/month/2026-11');
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      yields++;
      step = steps.next();
    }
    expect(step.value).toEqual(cards);
    expect(yields).toBeGreaterThanOrEqual(10); // 3,000 links, 1,000 titles, 1,000 cards, by 250
    const short = detectCardsInSteps(load(dailyHtml), DAILY_URL).next();
    expect(short.done).toBe(true);
    expect(short.value).toHaveLength(27);
  });
});
