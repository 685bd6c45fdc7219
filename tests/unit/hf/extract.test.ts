import { afterEach, describe, expect, it, vi } from 'vitest';
import dailyHtml from '../../fixtures/daily-2026.html?raw';
import trendingHtml from '../../fixtures/trending-2026.html?raw';
import searchHtml from '../../fixtures/search-2026.html?raw';
import paperHtml from '../../fixtures/paper-2026.html?raw';
import { detectCards, type DetectedCard } from '../../../utils/hf/detect-cards';
import { extractPaper } from '../../../utils/hf/extract';
import { readHydration, type HydrationPaper } from '../../../utils/hf/hydration';

const DAILY_URL = 'https://huggingface.co/papers/date/2026-11-27';
const TRENDING_URL = 'https://huggingface.co/papers/trending';
const SEARCH_URL = 'https://huggingface.co/papers?q=attention';
const PAPER_URL = 'https://huggingface.co/papers/2410.24210';

function load(html: string): Document {
  return new DOMParser().parseFromString(html.replace(/<link rel="stylesheet"[^>]*>/g, ''), 'text/html');
}

const NO_HINTS = new Map<string, HydrationPaper>();

function cardOf(cards: DetectedCard[], id: string): DetectedCard {
  const c = cards.find((x) => x.id === id);
  if (!c) throw new Error(`no card ${id}`);
  return c;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('extractPaper: daily fixture', () => {
  const doc = load(dailyHtml);
  const cards = detectCards(doc, DAILY_URL);
  const hints = readHydration(doc);

  it('reads the card and fills the rest from the matching hint', () => {
    const p = extractPaper(cardOf(cards, '2508.19428'), hints);
    expect(p).toMatchObject({
      id: '2508.19428',
      title:
        'Heterogeneous LLM Methods for Ontology Learning (Few-Shot Prompting, Ensemble Typing, and Attention-Based Taxonomies)',
      upvotes: 186, // the upvote box, not the 2.27k GitHub stars
      comments: 0,
      authorCount: 2,
      authors: ['Aleksandra Beliaeva', 'Temurbek Rahmatullaev'],
      githubUrl: 'https://github.com/BelyaevaAlex/LLMs4OL-Challenge-Alexbek',
      date: '2025-08-26',
    });
    expect(p.abstract!.startsWith('We present a comprehensive system for addressing Tasks A, B, and C of the LLMs4OL 2025 challenge')).toBe(true);
    expect(p.keywords).toContain('taxonomy discovery');
    expect(p.organization).toBeUndefined();
  });

  it('without hints, only what the card shows', () => {
    const p = extractPaper(cardOf(cards, '2508.19428'), NO_HINTS);
    expect(p).toEqual({
      id: '2508.19428',
      title:
        'Heterogeneous LLM Methods for Ontology Learning (Few-Shot Prompting, Ensemble Typing, and Attention-Based Taxonomies)',
      authors: ['TemurbekRahmatullaev', 'AleksandraBeliaeva'],
      authorCount: 2,
      upvotes: 186,
      comments: 0,
    });
  });

  it('organisation chips', () => {
    expect(extractPaper(cardOf(cards, '2410.24210'), NO_HINTS)).toMatchObject({ organization: 'Yandex', upvotes: 153, comments: 5 });
    expect(extractPaper(cardOf(cards, '2409.14595'), NO_HINTS)).toMatchObject({
      organization: "Huawei Noah's Ark Lab",
      upvotes: 10,
      comments: 5,
    });
    expect(extractPaper(cardOf(cards, '2409.14595'), NO_HINTS).authorCount).toBeUndefined();
  });
});

describe('extractPaper: trending fixture', () => {
  const inMobileCopy = (el: Element) => el.closest('[class~="md:hidden"]') !== null;
  const inDesktopCopy = (el: Element) => el.closest('[class~="md:flex"]') !== null;

  it('reads the visible copy', () => {
    const doc = load(trendingHtml);
    const hints = readHydration(doc);
    const card = cardOf(detectCards(doc, TRENDING_URL), '2609.18063');
    const p = extractPaper(card, hints);
    expect(p).toMatchObject({
      title: 'The Other Half of the Memory Wall: Serving 35B MoEs from SSD with Trained Routing Prediction',
      organization: 'Edge0',
      upvotes: 25,
      comments: 4, // not on the card: from the hint
      githubUrl: 'https://github.com/Edge0-AI/edge0',
      date: '2026-09-16',
    });
    expect(p.abstract!.startsWith('Mixture-of-experts (MoE) inference on consumer hardware is bounded by weight memory')).toBe(true);
    // The abstract's line break is collapsed.
    expect(p.abstract).toContain('On a single 24GB machine, Edge0 serves a 35B MoE at 20tok/s');
    expect(extractPaper(card, NO_HINTS).comments).toBeUndefined();

    expect(extractPaper(cardOf(detectCards(doc, TRENDING_URL), '2412.20138'), NO_HINTS)).toMatchObject({
      title: 'TradingAgents: Multi-Agents LLM Financial Trading Framework',
      authorCount: 4,
      upvotes: 149,
      githubUrl: 'https://github.com/tauricresearch/tradingagents',
      date: '2024-12-28',
    });
  });

  it('the desktop and mobile copies are read separately', () => {
    const doc = load(trendingHtml);
    const article = doc.querySelector('article')!;
    // Make the copies differ so the test can tell which one was read.
    const mobile = article.querySelector('[class~="md:hidden"]')!;
    mobile.querySelector('[role="checkbox"] .font-semibold')!.textContent = '99';
    mobile.querySelector('a[href^="https://github.com/"]')!.setAttribute('href', 'https://github.com/mobile/copy');
    const desktopCard = detectCards(doc, TRENDING_URL, (el) => !inMobileCopy(el))[0]!;
    const mobileCard = detectCards(doc, TRENDING_URL, (el) => !inDesktopCopy(el))[0]!;
    expect(extractPaper(desktopCard, NO_HINTS)).toMatchObject({ upvotes: 25, githubUrl: 'https://github.com/Edge0-AI/edge0' });
    expect(extractPaper(mobileCard, NO_HINTS)).toMatchObject({
      upvotes: 99,
      githubUrl: 'https://github.com/mobile/copy',
      date: '2026-09-16', // "Sep 16, 2026" without "Published on"
      organization: 'Edge0',
    });
  });
});

describe('extractPaper: search fixture', () => {
  const doc = load(searchHtml);
  const cards = detectCards(doc, SEARCH_URL);
  const hints = readHydration(doc);

  it('abstract from the second link, upvotes, comments, org, full date', () => {
    const p = extractPaper(cardOf(cards, '2410.11842'), NO_HINTS);
    expect(p).toMatchObject({
      title: 'MoH: Multi-Head Attention as Mixture-of-Head Attention',
      organization: 'Skywork',
      upvotes: 2,
      comments: 1,
      date: '2024-10-15',
    });
    expect(p.abstract!.startsWith('In this work, we upgrade the multi-head attention mechanism')).toBe(true);
    expect(extractPaper(cardOf(cards, '2410.17396'), NO_HINTS)).toMatchObject({ authorCount: 4, date: '2024-10-22' });
  });

  it('"-" upvotes: undefined from the card; the matching hint knows it is 0', () => {
    expect(extractPaper(cardOf(cards, '2508.19428'), NO_HINTS).upvotes).toBeUndefined();
    expect(extractPaper(cardOf(cards, '2508.19428'), hints).upvotes).toBe(0);
  });

  it('year-less "Aug 26": the hint supplies the year, else the latest past Aug 26', () => {
    expect(extractPaper(cardOf(cards, '2508.19428'), hints).date).toBe('2025-08-26');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-29T12:00:00Z'));
    expect(extractPaper(cardOf(cards, '2508.19428'), NO_HINTS).date).toBe('2026-08-26');
    vi.setSystemTime(new Date('2026-03-01T12:00:00Z'));
    expect(extractPaper(cardOf(cards, '2508.19428'), NO_HINTS).date).toBe('2025-08-26');
  });

  it('GitHub repo named only in the abstract text is not a link: it comes from the hint', () => {
    expect(extractPaper(cardOf(cards, '2508.19428'), NO_HINTS).githubUrl).toBeUndefined();
    expect(extractPaper(cardOf(cards, '2508.19428'), hints).githubUrl).toBe('https://github.com/BelyaevaAlex/LLMs4OL-Challenge-Alexbek');
  });
});

describe('extractPaper: paper page', () => {
  it('title, abstract after the Abstract heading, author buttons, upvotes, org, date', () => {
    const doc = load(paperHtml);
    const [card] = detectCards(doc, PAPER_URL);
    const p = extractPaper(card!, NO_HINTS);
    expect(p).toMatchObject({
      id: '2410.24210',
      title: 'TabM: Advancing Tabular Deep Learning with Parameter-Efficient Ensembling',
      authors: ['Yury Gorishniy', 'Akim Kotelnikov', 'Artem Babenko'],
      upvotes: 37,
      organization: 'Yandex',
      date: '2024-10-31',
    });
    // The full abstract, not the one-sentence AI summary above it.
    expect(p.abstract!.startsWith('Deep learning architectures for supervised learning on tabular data')).toBe(true);
    expect(p.abstract!.endsWith('a simple and powerful baseline for researchers and practitioners.')).toBe(true);
    expect(p.authorCount).toBeUndefined();
    expect(p.comments).toBeUndefined();
    expect(p.githubUrl).toBeUndefined();
    expect(extractPaper(card!, readHydration(doc)).comments).toBe(2);
  });
});

describe('extractPaper: hints only when titles match', () => {
  it('a stale hint (JSON title differs) is not used', () => {
    const doc = load(dailyHtml);
    const hints = readHydration(doc);
    const card = detectCards(doc, DAILY_URL)[0]!;
    card.titleEl.textContent = 'A Different Paper Now Shown Here';
    const p = extractPaper(card, hints);
    expect(p.title).toBe('A Different Paper Now Shown Here');
    expect(p.abstract).toBeUndefined();
    expect(p.githubUrl).toBeUndefined();
    expect(p.keywords).toBeUndefined();
    expect(p.date).toBeUndefined();
    expect(p.authors).toEqual(['TemurbekRahmatullaev', 'AleksandraBeliaeva']);
    expect(p.upvotes).toBe(186); // the DOM still counts
  });

  it('stale hint on a search card: its abstract is not used in place of the missing DOM abstract', () => {
    const doc = load(searchHtml);
    const card = detectCards(doc, SEARCH_URL)[0]!;
    const abstractLink = Array.from(card.root.querySelectorAll('a[href="/papers/2508.19428"]')).find((a) => !a.closest('h3'))!;
    abstractLink.remove();
    expect(extractPaper(card, new Map()).abstract).toBeUndefined();
    const hints = readHydration(doc);
    expect(extractPaper(card, hints).abstract!.startsWith('We present a comprehensive system')).toBe(true);
    const stale = new Map(hints);
    stale.set('2508.19428', { ...hints.get('2508.19428')!, title: 'Old title from before navigation', abstract: 'STALE' });
    expect(extractPaper(card, stale).abstract).toBeUndefined();
  });

  it('whitespace and case differences still match', () => {
    const doc = load(dailyHtml);
    const hints = readHydration(doc);
    const card = detectCards(doc, DAILY_URL)[0]!;
    card.titleEl.textContent =
      '  HETEROGENEOUS llm methods for Ontology Learning\n (Few-Shot Prompting, Ensemble Typing, and Attention-Based Taxonomies) ';
    expect(extractPaper(card, hints).githubUrl).toBe('https://github.com/BelyaevaAlex/LLMs4OL-Challenge-Alexbek');
  });
});

describe('extractPaper on bad input', () => {
  it('a hostile title comes back as literal text; no element is created', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const doc = new DOMParser().parseFromString(
      '<main><h1>Papers</h1><div>' +
        '<article><h3><a href="/papers/2501.00001">&lt;img src=x onerror=alert(1)&gt;</a></h3></article>' +
        '<article><h3><a href="/papers/2501.00002">Fine</a></h3></article></div></main>',
      'text/html',
    );
    const hints = new Map<string, HydrationPaper>([
      ['2501.00001', { id: '2501.00001', title: hostile, authors: ['<b>x</b>'], abstract: '<script>alert(2)</script>' }],
    ]);
    const before = doc.getElementsByTagName('*').length;
    const cards = detectCards(doc, DAILY_URL);
    const p = extractPaper(cards[0]!, hints);
    expect(p.title).toBe(hostile);
    expect(p.abstract).toBe('<script>alert(2)</script>');
    expect(p.authors).toEqual(['<b>x</b>']);
    expect(doc.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(doc.getElementsByTagName('*').length).toBe(before);
  });

  it('a card whose title is missing still yields a PaperInfo with title "" and no hint', () => {
    const doc = load(dailyHtml);
    const hints = readHydration(doc);
    const card = detectCards(doc, DAILY_URL)[0]!;
    card.titleEl.textContent = '';
    const p = extractPaper(card, hints);
    expect(p.title).toBe('');
    expect(p.id).toBe('2508.19428');
    expect(p.abstract).toBeUndefined();
    expect(p.upvotes).toBe(186);
  });

  it('never throws, even on a card that is not wired up', () => {
    const doc = new DOMParser().parseFromString('<div></div>', 'text/html');
    const lone = doc.createElement('a');
    const weird: DetectedCard = { id: '2501.00001', root: doc.body, titleEl: lone, layout: 'plain' };
    expect(extractPaper(weird, NO_HINTS)).toEqual({ id: '2501.00001', title: '', authors: [] });
    const paper: DetectedCard = { id: '2501.00001', root: lone, titleEl: lone, layout: 'paper' };
    expect(() => extractPaper(paper, NO_HINTS)).not.toThrow();
  });

  it('ignores our own UI inside a card', () => {
    const doc = load(dailyHtml);
    const card = detectCards(doc, DAILY_URL)[0]!;
    const ours = doc.createElement('span');
    ours.setAttribute('data-papersift-ui', '');
    ours.textContent = 'Published on Jan 1, 2020 · 9 authors';
    const box = doc.createElement('div');
    box.setAttribute('role', 'checkbox');
    box.textContent = '777';
    ours.append(box);
    card.titleEl.append(ours.cloneNode(true));
    card.root.prepend(ours);
    const p = extractPaper(card, NO_HINTS);
    expect(p.title).toBe(
      'Heterogeneous LLM Methods for Ontology Learning (Few-Shot Prompting, Ensemble Typing, and Attention-Based Taxonomies)',
    );
    expect(p.upvotes).toBe(186);
    expect(p.authorCount).toBe(2);
    expect(p.date).toBeUndefined();
  });
});
