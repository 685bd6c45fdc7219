/**
 * Property test of the card detector: random HF-like pages (a shell with a page h1 and a grid, 0–60 cards of
 * random shape, distractor links outside the cards) must yield exactly the generated cards, once each, in DOM
 * order, each rooted at its own card element (or at a wrapper holding that card and nothing else).
 *
 * The pages are HTML strings parsed with DOMParser, as the detector meets them. The generator marks its cards
 * with `data-gen-card` and its distractors with `data-gen-distractor`; the detector reads neither.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectCards } from '../../../utils/hf/detect-cards';

const PAGE_URL = 'https://huggingface.co/papers/date/2026-11-27';

// ---- the random page, as plain data ----

type CardTag = 'article' | 'div' | 'li';
type HrefForm = 'relative' | 'absolute';

interface CardSpec {
  tag: CardTag;
  /** Wrapper divs around the card element (inside the grid). */
  outer: number;
  /** Wrapper divs between the card element and its content. */
  inner: number;
  classes: string;
  thumbnail: boolean;
  heading: 'h2' | 'h3' | 'h4';
  titleForm: HrefForm;
  titleVersion: boolean;
  title: string;
  abstract: 'none' | 'link' | 'p';
  community: boolean;
  upvote: boolean;
  org: boolean;
  extraLinks: string[];
  mobileCopy: boolean;
}

interface DistractorSpec {
  /** Prose links (no heading) before the grid; may point at a card's paper or at another paper. */
  prose: Array<{ toCard: boolean; pick: number }>;
  /** Prose links between cards inside the grid: always to papers that are not cards. */
  inGrid: Array<{ after: number }>;
  /** Comment links after the grid, under a "Comments" heading. */
  comments: Array<{ toCard: boolean; pick: number }>;
  loginLinks: number;
  headingNav: boolean;
}

interface PageSpec {
  /** Card papers first, then papers only distractors link to. All distinct. */
  ids: string[];
  cards: CardSpec[];
  distractors: DistractorSpec;
  /** The h1 and the grid share a <section>, or sit straight in <main>. */
  sectioned: boolean;
}

const TAILWIND = [
  'flex', 'flex-col', 'grid', 'gap-2', 'gap-6', 'relative', 'overflow-hidden', 'rounded-xl', 'border', 'px-6', 'pb-6',
  'pt-8', 'md:hidden', 'md:flex', 'lg:grid-cols-2', 'xl:grid-cols-3', 'dark:bg-gray-900', 'shadow-alternate-sm',
  'line-clamp-2', 'text-lg/6', 'font-semibold', 'hover:underline', 'w-full', 'min-w-0', '*:[content-visibility:auto]',
];
const WORDS = ['Scaling', 'Diffusion', 'Agents', 'Tabular', 'Ensembles', 'World', 'Models', 'for', 'of', 'LLM', 'RL', 'Vision', 'Video', '&', '<b>', '"quoted"', 'Ünïcode'];
const NON_PAPER_LINKS = [
  '/models/meta-llama/Llama-3', '/datasets/squad', '/spaces/akhaliq/demo', 'https://github.com/org/repo',
  'https://arxiv.org/abs/2501.00001', '/papers/date/2026-11-26', '/paperswithcode', '/papers?q=diffusion',
  '/collections/akhaliq/x', '/papers/trending',
];

const arxivId = fc
  .tuple(fc.integer({ min: 20, max: 26 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99_999 }), fc.boolean())
  .map(([yy, mm, n, five]) => `${yy}${String(mm).padStart(2, '0')}.${five ? String(n).padStart(5, '0') : String(n % 10_000).padStart(4, '0')}`);

const classes = fc.subarray(TAILWIND, { maxLength: 5 }).map((c) => c.join(' '));

const cardSpec: fc.Arbitrary<CardSpec> = fc.record({
  tag: fc.constantFrom<CardTag>('article', 'div', 'li'),
  outer: fc.integer({ min: 0, max: 4 }),
  inner: fc.integer({ min: 0, max: 4 }),
  classes,
  thumbnail: fc.boolean(),
  heading: fc.constantFrom('h2' as const, 'h3' as const, 'h4' as const),
  titleForm: fc.constantFrom<HrefForm>('relative', 'absolute'),
  titleVersion: fc.boolean(),
  title: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
  abstract: fc.constantFrom('none' as const, 'link' as const, 'p' as const),
  community: fc.boolean(),
  upvote: fc.boolean(),
  org: fc.boolean(),
  extraLinks: fc.array(fc.constantFrom(...NON_PAPER_LINKS), { maxLength: 3 }),
  mobileCopy: fc.boolean(),
});

const pick = fc.nat({ max: 10_000 });

const pageSpec: fc.Arbitrary<PageSpec> = fc
  .record({
    cards: fc.array(cardSpec, { maxLength: 60 }),
    distractors: fc.record({
      prose: fc.array(fc.record({ toCard: fc.boolean(), pick }), { maxLength: 4 }),
      inGrid: fc.array(fc.record({ after: pick }), { maxLength: 3 }),
      comments: fc.array(fc.record({ toCard: fc.boolean(), pick }), { maxLength: 5 }),
      loginLinks: fc.integer({ min: 0, max: 3 }),
      headingNav: fc.boolean(),
    }),
    sectioned: fc.boolean(),
  })
  .chain((p) =>
    fc
      // Enough distinct ids for the cards and for every distractor that links elsewhere.
      .uniqueArray(arxivId, { minLength: p.cards.length + 12, maxLength: p.cards.length + 12 })
      .map((ids) => ({ ...p, ids })),
  );

// ---- rendering ----

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const cls = (c: string) => (c ? ` class="${esc(c)}"` : '');

function paperHref(id: string, form: HrefForm, version: boolean): string {
  return `${form === 'absolute' ? 'https://huggingface.co' : ''}/papers/${id}${version ? 'v2' : ''}`;
}

function titleBlock(c: CardSpec, id: string): string {
  return `<${c.heading}${cls('mb-1 text-lg/6 font-semibold')}><a href="${paperHref(id, c.titleForm, c.titleVersion)}"${cls('line-clamp-2')}>${esc(c.title)}</a></${c.heading}>`;
}

function cardContent(c: CardSpec, id: string): string {
  const parts: string[] = [];
  if (c.thumbnail) parts.push(`<a href="/papers/${id}"${cls('relative block h-48')}><div><img alt="" src="https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png"></div></a>`);
  if (c.upvote) {
    parts.push(`<a href="/login?next=%2Fpapers%2F${id}"><div role="checkbox"><input disabled type="checkbox"><div class="leading-none">${id.length * 7}</div></div></a>`);
  }
  parts.push(`<div${cls(c.classes)}>${titleBlock(c, id)}</div>`);
  const abstract = `We study ${esc(c.title)} and show that it scales to very long inputs without any loss in quality whatsoever.`;
  if (c.abstract === 'link') parts.push(`<a href="/papers/${id}"${cls('line-clamp-3')}>${abstract}</a>`);
  if (c.abstract === 'p') parts.push(`<p>${abstract}</p>`);
  if (c.org) parts.push(`<a href="/Edge0"${cls('flex items-center')}>Edge0</a>`);
  if (c.community) parts.push(`<a href="https://huggingface.co/papers/${id}#community"${cls('flex items-center')}>12</a>`);
  for (const href of c.extraLinks) parts.push(`<a href="${href}">more</a>`);
  if (c.mobileCopy) parts.push(`<div${cls('md:hidden')}>${titleBlock(c, id)}<a href="/papers/${id}#community">12</a></div>`);
  let body = parts.join(' ');
  for (let i = 0; i < c.inner; i++) body = `<div${cls(c.classes)}>${body}</div>`;
  return body;
}

function renderCard(c: CardSpec, id: string): string {
  let html = `<${c.tag}${cls(c.classes)} data-gen-card="${id}">${cardContent(c, id)}</${c.tag}>`;
  for (let i = 0; i < c.outer; i++) html = `<div${cls('flex')}>${html}</div>`;
  return html;
}

/** The page's HTML, and the ids its cards show, in order. */
function renderPage(p: PageSpec): { html: string; cardIds: string[] } {
  const cardIds = p.ids.slice(0, p.cards.length);
  const otherIds = p.ids.slice(p.cards.length);
  const target = (toCard: boolean, n: number) =>
    toCard && cardIds.length > 0 ? cardIds[n % cardIds.length]! : otherIds[n % otherIds.length]!;
  const d = p.distractors;
  const D = ' data-gen-distractor=""';

  const nav: string[] = [];
  for (let i = 0; i < d.loginLinks; i++) nav.push(`<a${D} href="/login?next=%2Fpapers%2F${target(true, i)}">Log in</a>`);
  nav.push(`<a${D} href="/papers/date/2026-11-26" aria-label="Previous day">‹</a>`);
  nav.push(`<a${D} href="/paperswithcode">Papers with code</a>`);
  if (d.headingNav) nav.push(`<h2${D}><a href="/papers/date/2026-11-26">Previous day</a></h2><h3${D}><a href="/paperswithcode">Trending</a></h3>`);

  const prose = d.prose.map((x) => `<p${D}>Also see <a href="/papers/${target(x.toCard, x.pick)}">this paper</a> from last week.</p>`);

  const inGridAfter = new Map<number, string[]>();
  d.inGrid.forEach((x, i) => {
    const at = p.cards.length === 0 ? 0 : x.after % p.cards.length;
    const list = inGridAfter.get(at) ?? [];
    list.push(`<p${D}>Sponsored: <a href="/papers/${otherIds[(x.after + i) % otherIds.length]}">a paper</a></p>`);
    inGridAfter.set(at, list);
  });
  const grid: string[] = [];
  if (p.cards.length === 0) grid.push(...(inGridAfter.get(0) ?? []));
  p.cards.forEach((c, i) => {
    grid.push(renderCard(c, cardIds[i]!));
    grid.push(...(inGridAfter.get(i) ?? []));
  });
  const gridTag = p.cards.some((c) => c.tag === 'li') ? 'ul' : 'div';

  const comments =
    `<section${D}><h2>Comments</h2><ul>` +
    d.comments.map((x) => `<li><p>Related: <a href="https://huggingface.co/papers/${target(x.toCard, x.pick)}">here</a></p></li>`).join('') +
    `</ul></section>`;

  const head = `<nav>${nav.join(' ')}</nav><h1>Daily Papers</h1>${prose.join('')}`;
  const gridHtml = `<${gridTag}${cls('relative grid gap-5 lg:grid-cols-2')}>${grid.join('')}</${gridTag}>`;
  const mainBody = p.sectioned ? `<section>${head}${gridHtml}</section>${comments}` : `${head}${gridHtml}${comments}`;
  return { html: `<!doctype html><html><head><title>Daily Papers</title></head><body><header><a href="/">Hugging Face</a></header><main>${mainBody}</main></body></html>`, cardIds };
}

// ---- the property ----

/** Links the detector considers paper links (same shape as the site's /papers/<id> links, any form). */
const PAPER_LINK = /^(?:https:\/\/huggingface\.co)?\/papers\/\d{4}\.\d{4,5}/;

function checkPage(p: PageSpec): void {
  const { html, cardIds } = renderPage(p);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const cardEls = Array.from(doc.querySelectorAll<HTMLElement>('[data-gen-card]'));
  // The parser kept the generated structure (else the property would test the parser).
  expect(cardEls.map((e) => e.getAttribute('data-gen-card'))).toEqual(cardIds);

  const found = detectCards(doc, PAGE_URL);
  expect(found.map((c) => c.id)).toEqual(cardIds);

  found.forEach((card, i) => {
    const own = cardEls[i]!;
    const root = card.root;
    // The semantic card element wins over wider wrappers (README: cards are <article>s when HF uses them).
    if (own.tagName === 'ARTICLE') expect(root, `root of ${card.id}`).toBe(own);
    if (root !== own) {
      // A wider root is allowed only when it holds this card and nothing else that is paper content.
      expect(root.contains(own), `root of ${card.id} is inside or beside its card`).toBe(true);
      for (const other of cardEls) if (other !== own) expect(root.contains(other), `root of ${card.id} holds card ${other.getAttribute('data-gen-card')}`).toBe(false);
      for (const a of Array.from(root.querySelectorAll('a[href]'))) {
        if (PAPER_LINK.test(a.getAttribute('href')!)) expect(own.contains(a), `root of ${card.id} holds a paper link outside its card`).toBe(true);
      }
      expect(root.querySelector('[data-gen-distractor]')).toBeNull();
      expect(root.tagName).not.toBe('MAIN');
    }
    expect(own.contains(card.titleEl)).toBe(true);
    expect(card.titleEl.closest('h2, h3, h4')).not.toBeNull();
  });
}

describe('detectCards on random HF-like pages (property)', () => {
  it('finds exactly the generated cards, once each, in DOM order, each rooted at its own card', () => {
    fc.assert(fc.property(pageSpec, checkPage), { numRuns: 200 });
    // ~4 s alone; the generous timeout is for a machine shared with other test runs.
  }, 30_000);

  it('a planted heading link to a paper does become a card: the distractors above are real near-misses', () => {
    // The same generated page plus one heading link outside the grid: detection must report it too, first.
    // This shows the property compares exactly (a detector ignoring everything outside the grid would fail here).
    const spec = fc.sample(pageSpec.filter((p) => p.cards.length >= 2), { numRuns: 1, seed: 7 })[0]!;
    const { html, cardIds } = renderPage(spec);
    const extra = spec.ids[spec.ids.length - 1]!;
    const planted = html.replace('<h1>Daily Papers</h1>', `<h1>Daily Papers</h1><h2><a href="/papers/${extra}">Not a card?</a></h2>`);
    const doc = new DOMParser().parseFromString(planted, 'text/html');
    expect(detectCards(doc, PAGE_URL).map((c) => c.id)).toEqual([extra, ...cardIds]);
  });
});
