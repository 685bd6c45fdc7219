/**
 * Topics on the page, in real Chromium: highlight and mute topics, precedence, the summary bar and its toggles,
 * keyboard triage, live updates from another page, the "remove" hide style, the popup's per-topic counts and the
 * page report kept for the options preview. Expected cards are computed here from the fixture's own data.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { API_DAILY, fixtureHtml, listedPapers } from '../../scripts/lib/fixtures';
import type { PaperSiftBrowser } from '../../scripts/lib/browser';
import { firstTopicIs } from '../../entrypoints/content/features/topics/topic-highlights';
import { compileTopics, type MatchableText, type Topic } from '../../utils/topics';
import type { Prefs } from '../../utils/storage/prefs-schema';
import {
  cardById,
  CROSS_TAB_MS,
  eventually,
  normaliseLine,
  pressed,
  saveButton,
  showButton,
  SETTLE_MS,
  uiText,
  useBrowser,
  waitForDecoration,
} from './support';
import { controlPage, putTopics, send } from './messages';

// ---- the fixture's papers, read without the extension ----

interface ApiEntry {
  paper: { id: string; title: string; summary: string; ai_keywords?: string[] };
}
const api = JSON.parse(readFileSync(API_DAILY.file, 'utf8')) as ApiEntry[];
const daily = listedPapers(fixtureHtml('daily'));
const IDS = daily.map((p) => p.id);
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
/** What the matcher sees for each card: the card's title, the page JSON's abstract and keywords. */
const PAPERS = daily.map((p) => {
  const entry = api.find((e) => e.paper.id === p.id)!;
  return { id: p.id, title: p.title, abstract: collapse(entry.paper.summary), keywords: entry.paper.ai_keywords ?? [] };
});
const titleOf = (id: string) => PAPERS.find((p) => p.id === id)!.title;

const topic = (over: Partial<Topic> & Pick<Topic, 'id' | 'name' | 'terms'>): Topic => ({
  colour: '#16a34a',
  exclusions: [],
  fields: ['title', 'abstract', 'keywords'],
  mode: 'highlight',
  createdAt: 1_000,
  ...over,
});
const ENSEMBLES = topic({ id: 'ensembles', name: 'Ensembles', terms: ['ensemble'], colour: '#16a34a', createdAt: 1_000 });
const TABULAR = topic({ id: 'tabular', name: 'Tabular', terms: ['tabular'], colour: '#9333ea', createdAt: 2_000 });
const ATTENTION = topic({ id: 'attention', name: 'Attention', terms: ['attention'], fields: ['title'], mode: 'mute', colour: '#dc2626', createdAt: 3_000 });
const TRANSFORMERS = topic({ id: 'transformers', name: 'Transformers', terms: ['transformer'], fields: ['title'], mode: 'mute', colour: '#ea580c', createdAt: 4_000 });

/** Ids of the cards a topic matches, by the project's matcher run here in node. */
const matchedBy = (t: Topic) => {
  const m = compileTopics([t]);
  return PAPERS.filter((p) => m.match(p as MatchableText).length > 0).map((p) => p.id);
};
/** The same, by a plain whole-word check ("word" or "words") over the topic's fields. */
const plainMatch = (word: string, fields: Topic['fields']) => {
  const re = new RegExp(`\\b${word}s?\\b`, 'i');
  return PAPERS.filter((p) =>
    fields.some((f) => (f === 'keywords' ? p.keywords.some((k) => re.test(k)) : re.test(f === 'title' ? p.title : p.abstract))),
  ).map((p) => p.id);
};
const ENSEMBLE_IDS = matchedBy(ENSEMBLES);
const ATTENTION_IDS = matchedBy(ATTENTION);
const TRANSFORMER_IDS = matchedBy(TRANSFORMERS);
const BOTH_IDS = ATTENTION_IDS.filter((id) => ENSEMBLE_IDS.includes(id));
const MUTED_IDS = ATTENTION_IDS.filter((id) => !ENSEMBLE_IDS.includes(id));
/** Words of titles the Ensembles topic marks: "Ensemble" / "Ensembles" as written. */
/** '#16a34a' → 'rgb(22, 163, 74)', as getComputedStyle writes colours. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
const ensembleTitleWords = (id: string) => [...titleOf(id).matchAll(/\bensembles?\b/gi)].map((m) => m[0]);

// ---- talking to the extension ----

const setPrefs = (ctl: Page, patch: Partial<Prefs>) => send<Prefs>(ctl, { type: 'prefs/set', patch });

// ---- reading the page ----

/** Opens the daily page and waits until every card is decorated and the topics and prefs were applied once. */
async function openDaily(b: PaperSiftBrowser): Promise<Page> {
  const page = await b.open('daily');
  await waitForDecoration(page, IDS.length);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-papersift-settings'), undefined, {
    timeout: SETTLE_MS,
  });
  return page;
}

const idsWith = (page: Page, attr: string) =>
  page.evaluate((a) => [...document.querySelectorAll(`[data-papersift-id][${a}]`)].map((r) => r.getAttribute('data-papersift-id')!), attr);
const attrOf = (page: Page, id: string, attr: string) => cardById(page, id).getAttribute(attr);

const summaryHost = (page: Page) => page.locator('[data-papersift-ui="summary"]');
const summaryText = async (page: Page) => normaliseLine(await summaryHost(page).locator('.counts').innerText());
const toggle = (page: Page, name: string) => summaryHost(page).getByRole('button', { name, exact: true });

/** Card roots with their boxes, in DOM order. */
function layout(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-papersift-id]')].map((r) => {
      const b = r.getBoundingClientRect();
      return {
        id: r.getAttribute('data-papersift-id')!,
        top: Math.round(b.top + window.scrollY),
        left: Math.round(b.left),
        shown: b.width > 0 && b.height > 0,
      };
    }),
  );
}
type Layout = Awaited<ReturnType<typeof layout>>;
/** Ids of the shown cards in reading order: row by row, left to right. */
const visualOrder = (l: Layout) =>
  l
    .filter((c) => c.shown)
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map((c) => c.id);

/** Every PaperSift highlight (`papersift-c<palette index>`, `papersift-topic-<index>`), its ranges as `<card id>|<text>`. */
function highlightRanges(page: Page) {
  return page.evaluate(() => {
    const out: Record<string, string[]> = {};
    for (const [name, h] of CSS.highlights as unknown as Map<string, Set<AbstractRange>>) {
      if (!/^papersift-(c|topic-)\d+$/.test(String(name))) continue;
      out[name] = [...h].map((r) => {
        const el = r.startContainer.parentElement;
        const live = document.createRange(); // marks are StaticRanges, which have no text of their own
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return `${el?.closest('[data-papersift-id]')?.getAttribute('data-papersift-id') ?? '?'}|${live.toString()}`;
      });
    }
    return out;
  });
}

const currentIds = (page: Page) => idsWith(page, 'data-papersift-current');

describe('topics on the daily page', () => {
  const browser = useBrowser();

  it('the expected cards agree between the matcher and a plain word check (and by hand)', () => {
    expect(ENSEMBLE_IDS).toEqual(plainMatch('ensemble', ENSEMBLES.fields));
    expect(ATTENTION_IDS).toEqual(plainMatch('attention', ATTENTION.fields));
    expect(TRANSFORMER_IDS).toEqual(plainMatch('transformer', TRANSFORMERS.fields));
    // Checked by hand in the fixture:
    expect(ENSEMBLE_IDS).toContain('1801.02475'); // "Ensemble One-dimensional Convolution Neural Networks …"
    expect(ENSEMBLE_IDS).toContain('2410.17396'); // abstract only: "… an ensemble of …"
    // "… Ensemble Typing, and Attention-Based Taxonomies"; "… CNN Attention-Based …" with "an ensemble" in its abstract.
    expect(BOTH_IDS).toEqual(['2508.19428', '2410.17396']);
    expect(TRANSFORMER_IDS).toEqual(['2407.13335', '2305.16300']);
    expect(MUTED_IDS.length).toBeGreaterThan(5);
  });

  it('a highlight topic marks exactly its cards, with chips and marked title words', async () => {
    const ctl = await controlPage(browser());
    await putTopics(ctl, ENSEMBLES, TABULAR);
    const page = await openDaily(browser());

    const tabularIds = matchedBy(TABULAR);
    const expected = IDS.filter((id) => ENSEMBLE_IDS.includes(id) || tabularIds.includes(id));
    await eventually(() => idsWith(page, 'data-papersift-topics'), (ids) => expect(ids).toEqual(expected));

    // Chips are drawn only near the viewport (a screen above and below): a matched card further down has its
    // hook and ring already, and its chip once it scrolls near.
    const far = await page.evaluate((ids) => ids.find((id) => {
      const r = document.querySelector(`[data-papersift-id="${id}"]`)!.getBoundingClientRect();
      return r.top > 2.2 * innerHeight;
    }), expected);
    expect(far).toBeDefined();
    expect(await cardById(page, far!).locator('.chip').count()).toBe(0);
    expect(await attrOf(page, far!, 'data-papersift-topics')).not.toBeNull();

    // Names strongest first, as the matcher ranks them; the ring takes the strongest topic's colour.
    const both = compileTopics([ENSEMBLES, TABULAR]);
    for (const p of PAPERS.filter((x) => expected.includes(x.id))) {
      const names = both.match(p).filter((m) => m.mode === 'highlight').map((m) => m.name);
      expect(await attrOf(page, p.id, 'data-papersift-topics')).toBe(names.join(','));
      const ringOf = await cardById(page, p.id).evaluate((r) => getComputedStyle(r).boxShadow);
      expect(ringOf).toContain(rgb(names[0] === 'Tabular' ? TABULAR.colour : ENSEMBLES.colour));
      await cardById(page, p.id).scrollIntoViewIfNeeded();
      await eventually(
        () => cardById(page, p.id).locator('.chip').evaluateAll((cs) => cs.map((c) => c.getAttribute('aria-label'))),
        (chips) => expect(chips.map((c) => c!.split(':')[0])).toEqual(names.map((n) => `Topic ${n}`)),
      );
    }
    expect(await attrOf(page, '2410.24210', 'data-papersift-topics')).toBe('Tabular,Ensembles'); // by hand: TabM
    // The ring is drawn (box-shadow in the topic's colour: #16a34a = rgb(22, 163, 74)).
    const ring = await cardById(page, '1801.02475').evaluate((r) => getComputedStyle(r).boxShadow);
    expect(ring).toContain('rgb(22, 163, 74)');
    expect(ring).not.toContain('inset');
    // The subtle style (a bar inside the card's edge, same colour), and back: a setting only its non-default writes.
    await setPrefs(ctl, { highlightStyle: 'subtle' });
    await eventually(() => cardById(page, '1801.02475').evaluate((r) => getComputedStyle(r).boxShadow), (v) => expect(v).toMatch(/rgb\(22, 163, 74\).*inset|inset.*rgb\(22, 163, 74\)/));
    await setPrefs(ctl, { highlightStyle: 'accent' });
    await eventually(() => cardById(page, '1801.02475').evaluate((r) => getComputedStyle(r).boxShadow), (v) => expect(v).toBe(ring));
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-papersift-highlight-style'))).toBe(false);
    // The ring rules find a card's first topic by name in Chromium's selector engine, whatever the name holds.
    const names = ['He said "hi"', 'back\\slash', '🧪 lab, bench', 'A'];
    const found = await page.evaluate((cases) => cases.map(({ name, sel }) => {
      const card = document.createElement('article');
      const is = (value: string) => (card.setAttribute('data-papersift-topics', value), card.matches(sel));
      return [is(name), is(`${name},Other`), is(`Other,${name}`), is(`${name}x`)];
    }), names.map((name) => ({ name, sel: firstTopicIs(name) })));
    expect(found).toEqual(names.map(() => [true, true, false, false]));

    // The chip says why, is focusable and has a tooltip.
    const chip = cardById(page, '1801.02475').locator('.chip');
    expect(await chip.count()).toBe(1);
    expect(await chip.getAttribute('aria-label')).toBe('Topic Ensembles: title: Ensemble · abstract: ensemble');
    expect(await chip.getAttribute('tabindex')).toBe('0');
    await chip.focus();
    expect(await cardById(page, '1801.02475').locator('[data-papersift-ui]').evaluate((h) => h.shadowRoot!.activeElement?.className)).toBe('chip');
    const tip = chip.locator('[role="tooltip"]');
    expect(await tip.textContent()).toBe('title: Ensemble · abstract: ensemble');
    expect(await tip.isVisible()).toBe(true);
    // Cards without a match have no chip.
    const unmatched = IDS.find((id) => !expected.includes(id))!;
    expect(await cardById(page, unmatched).locator('.chip').count()).toBe(0);
    expect(await attrOf(page, unmatched, 'data-papersift-topics')).toBeNull();

    // Marked words: exactly the title words, in their cards (abstracts are not on the daily cards).
    const wantEnsemble = ENSEMBLE_IDS.flatMap((id) => ensembleTitleWords(id).map((w) => `${id}|${w}`)).sort();
    const wantTabular = ['2410.24210|Tabular'];
    await eventually(
      () => highlightRanges(page),
      (h) => {
        // Ensembles has a palette colour (its highlight is coloured by hooks.css), Tabular a custom one.
        expect(Object.keys(h).sort()).toEqual(['papersift-c2', 'papersift-topic-1']);
        expect(h['papersift-c2']!.sort()).toEqual(wantEnsemble);
        expect(h['papersift-topic-1']).toEqual(wantTabular);
      },
    );
    expect(wantEnsemble).toContain('1801.02475|Ensemble');
    // Both are painted in their topic's colour: a 30% tint.
    const tints = await cardById(page, '1801.02475').locator('h3').evaluate((h3) =>
      ['papersift-c2', 'papersift-topic-1'].map((n) => getComputedStyle(h3, `::highlight(${n})`).backgroundColor));
    expect(tints).toEqual(['rgba(22, 163, 74, 0.3)', 'rgba(147, 51, 234, 0.3)']);
  });

  it('a mute topic collapses its cards to "Hidden by topic" placeholders; Show reveals; the bar counts them', async () => {
    const ctl = await controlPage(browser());
    await putTopics(ctl, ATTENTION);
    const page = await openDaily(browser());

    await eventually(() => idsWith(page, 'data-papersift-hidden'), (ids) => expect(ids).toEqual(ATTENTION_IDS));
    for (const id of ATTENTION_IDS) {
      expect(await attrOf(page, id, 'data-papersift-hidden')).toBe('topic:Attention');
      expect(await uiText(cardById(page, id))).toBe(`Hidden by topic 'Attention': ${titleOf(id)} · Show`);
    }
    expect(await cardById(page, ATTENTION_IDS[0]!).getByRole('button', { name: 'Undo' }).count()).toBe(0);
    const pointer = cardById(page, '1506.03134'); // "Pointer Networks": no "attention" in its title
    expect(await attrOf(page, '1506.03134', 'data-papersift-hidden')).toBeNull();
    expect(await pointer.locator('h3').first().isVisible()).toBe(true);
    await eventually(() => summaryText(page), (t) => expect(t).toBe(`27 papers · 0 match your topics · ${ATTENTION_IDS.length} hidden`));

    const card = cardById(page, ATTENTION_IDS[1]!);
    expect(await card.locator('h3').first().isVisible()).toBe(false);
    await showButton(card).click();
    await eventually(() => card.locator('h3').first().isVisible(), (v) => expect(v).toBe(true));
    expect(await card.getAttribute('data-papersift-hidden')).toBe('topic:Attention');
    expect(await card.getAttribute('data-papersift-revealed')).not.toBeNull();
    // Still counted as hidden: it is hidden by the topic, only shown in this view.
    expect(await summaryText(page)).toBe(`27 papers · 0 match your topics · ${ATTENTION_IDS.length} hidden`);
  });

  it('precedence: a card matching both stays visible, until mute-wins is set (live, no reload)', async () => {
    const ctl = await controlPage(browser());
    await putTopics(ctl, ENSEMBLES, ATTENTION);
    const page = await openDaily(browser());
    const both = BOTH_IDS[0]!;

    await eventually(() => idsWith(page, 'data-papersift-hidden'), (ids) => expect(ids).toEqual(MUTED_IDS));
    expect(await attrOf(page, both, 'data-papersift-topics')).toBe('Ensembles');
    expect(await attrOf(page, both, 'data-papersift-hidden')).toBeNull();
    expect(await cardById(page, both).locator('h3').first().isVisible()).toBe(true);
    await eventually(
      () => summaryText(page),
      (t) => expect(t).toBe(`27 papers · ${ENSEMBLE_IDS.length} match your topics · ${MUTED_IDS.length} hidden`),
    );

    await setPrefs(ctl, { precedence: 'mute-wins' });
    await eventually(() => attrOf(page, both, 'data-papersift-hidden'), (v) => expect(v).toBe('topic:Attention'));
    expect(await idsWith(page, 'data-papersift-hidden')).toEqual(ATTENTION_IDS);
    await eventually(() => uiText(cardById(page, both)), (t) => expect(t).toBe(`Hidden by topic 'Attention': ${titleOf(both)} · Show`));
    await eventually(() => summaryText(page), (t) => expect(t).toContain(`· ${ATTENTION_IDS.length} hidden`));

    await setPrefs(ctl, { precedence: 'highlight-wins' });
    await eventually(() => attrOf(page, both, 'data-papersift-hidden'), (v) => expect(v).toBeNull());
  });

  it('"My topics first" and "Only matches" change what is shown where, and turning them off restores HF\'s order exactly', async () => {
    const ctl = await controlPage(browser());
    await putTopics(ctl, ENSEMBLES);
    const page = await openDaily(browser());
    await eventually(() => idsWith(page, 'data-papersift-topics'), (ids) => expect(ids).toEqual(ENSEMBLE_IDS));
    await eventually(() => summaryText(page), (t) => expect(t).toBe(`27 papers · ${ENSEMBLE_IDS.length} match your topics · 0 hidden`));

    const baseline = await layout(page);
    expect(visualOrder(baseline)).toEqual(IDS);
    const grid = page.locator('[data-papersift-id]').first().locator('xpath=..');
    const rest = IDS.filter((id) => !ENSEMBLE_IDS.includes(id));

    const first = toggle(page, 'My topics first');
    expect(await pressed(first)).toBe('false');
    await first.click();
    await eventually(() => pressed(first), (v) => expect(v).toBe('true'));
    expect(await grid.getAttribute('data-papersift-order')).toBe('topics-first');
    await eventually(async () => visualOrder(await layout(page)), (o) => expect(o).toEqual([...ENSEMBLE_IDS, ...rest]));
    // The DOM itself is untouched.
    expect((await layout(page)).map((c) => c.id)).toEqual(IDS);
    await first.click();
    await eventually(() => pressed(first), (v) => expect(v).toBe('false'));
    expect(await grid.getAttribute('data-papersift-order')).toBeNull();
    await eventually(() => layout(page), (l) => expect(l).toEqual(baseline));

    const only = toggle(page, 'Only matches');
    await only.click();
    await eventually(() => pressed(only), (v) => expect(v).toBe('true'));
    await eventually(async () => visualOrder(await layout(page)), (o) => expect(o).toEqual(ENSEMBLE_IDS));
    expect(await cardById(page, rest[0]!).isVisible()).toBe(false);
    // The bar still counts the whole page.
    expect(await summaryText(page)).toBe(`27 papers · ${ENSEMBLE_IDS.length} match your topics · 0 hidden`);
    await only.click();
    await eventually(() => pressed(only), (v) => expect(v).toBe('false'));
    await eventually(() => layout(page), (l) => expect(l).toEqual(baseline));
  });

  it('keyboard triage: j/k skip collapsed cards, s/h/x act, ? and Escape, not while typing, off via prefs, o opens', async () => {
    const ctl = await controlPage(browser());
    await putTopics(ctl, TRANSFORMERS);
    const page = await openDaily(browser());
    await eventually(() => idsWith(page, 'data-papersift-hidden'), (ids) => expect(ids).toEqual(TRANSFORMER_IDS));
    const [t1, t2] = TRANSFORMER_IDS.map((id) => IDS.indexOf(id)) as [number, number]; // 7 and 9
    expect([t1, t2]).toEqual([7, 9]);
    await page.bringToFront();

    await page.keyboard.press('j');
    await eventually(() => currentIds(page), (c) => expect(c).toEqual([IDS[0]]));
    for (let i = 0; i < t1 - 1; i++) await page.keyboard.press('j');
    expect(await currentIds(page)).toEqual([IDS[t1 - 1]]);
    await page.keyboard.press('j'); // over the collapsed card
    expect(await currentIds(page)).toEqual([IDS[t1 + 1]]);
    await page.keyboard.press('k');
    expect(await currentIds(page)).toEqual([IDS[t1 - 1]]);
    await page.keyboard.press('j');
    const target = IDS[t1 + 1]!;

    await page.keyboard.press('s');
    await eventually(() => pressed(saveButton(cardById(page, target))), (v) => expect(v).toBe('true'));
    await page.keyboard.press('h');
    await eventually(() => attrOf(page, target, 'data-papersift-hidden'), (v) => expect(v).toBe('manual'));
    expect(await currentIds(page)).toEqual([IDS[t2 + 1]]); // the next shown card, past the second collapsed one

    // x: the next placeholder after the current card, or else the first one.
    await page.keyboard.press('x');
    await eventually(() => attrOf(page, IDS[t1]!, 'data-papersift-revealed'), (v) => expect(v).not.toBeNull());
    expect(await cardById(page, IDS[t1]!).locator('h3').first().isVisible()).toBe(true);
    expect(await currentIds(page)).toEqual([IDS[t1]]);
    await page.keyboard.press('x');
    await eventually(() => attrOf(page, IDS[t1]!, 'data-papersift-revealed'), (v) => expect(v).toBeNull());
    expect(await cardById(page, IDS[t1]!).locator('h3').first().isVisible()).toBe(false);

    const help = page.locator('[data-papersift-ui="keys"]');
    await page.keyboard.press('?');
    await help.getByRole('dialog').waitFor({ timeout: SETTLE_MS });
    expect(await help.getByRole('dialog').innerText()).toContain('Next paper');
    await page.keyboard.press('Escape');
    await eventually(() => help.count(), (n) => expect(n).toBe(0));

    // Typing in HF's search field is typing, not triage.
    const search = page.locator('input[name="daily-papers-search"]');
    const before = await currentIds(page);
    await search.click();
    await search.pressSequentially('jkx?h');
    expect(await search.inputValue()).toContain('jkx?h');
    expect(await currentIds(page)).toEqual(before);
    expect(await help.count()).toBe(0);
    expect(await idsWith(page, 'data-papersift-hidden')).toEqual([...TRANSFORMER_IDS, target].sort((a, b) => IDS.indexOf(a) - IDS.indexOf(b)));
    await search.blur();

    // Off in the settings: live, and the current mark goes.
    await setPrefs(ctl, { keyboard: false, highlightStyle: 'subtle' });
    await page.waitForFunction(() => document.documentElement.getAttribute('data-papersift-highlight-style') === 'subtle', undefined, {
      timeout: SETTLE_MS,
    });
    expect(await currentIds(page)).toEqual([]);
    await page.keyboard.press('j');
    await page.keyboard.press('?');
    expect(await currentIds(page)).toEqual([]);
    expect(await help.count()).toBe(0);

    // On again: o opens the current paper (the third card is the one the offline site has a page for).
    await setPrefs(ctl, { keyboard: true, highlightStyle: 'accent' });
    await page.waitForFunction(() => document.documentElement.getAttribute('data-papersift-settings')?.includes('highlight-style=accent'), undefined, {
      timeout: SETTLE_MS,
    });
    await page.bringToFront();
    for (let i = 0; i < 3; i++) await page.keyboard.press('j');
    expect(await currentIds(page)).toEqual(['2410.24210']);
    await Promise.all([page.waitForURL('https://huggingface.co/papers/2410.24210', { timeout: SETTLE_MS }), page.keyboard.press('o')]);
  });

  // BUG (reported): once the current card is collapsed again with x, j jumps back to the first card.
  it('j after collapsing the current card with x moves on to the next shown card', async () => {
    const ctl = await controlPage(browser());
    await putTopics(ctl, TRANSFORMERS);
    const page = await openDaily(browser());
    await eventually(() => idsWith(page, 'data-papersift-hidden'), (ids) => expect(ids).toEqual(TRANSFORMER_IDS));
    await page.bringToFront();
    const t1 = IDS.indexOf(TRANSFORMER_IDS[0]!);
    for (let i = 0; i < t1; i++) await page.keyboard.press('j');
    await eventually(() => currentIds(page), (c) => expect(c).toEqual([IDS[t1 - 1]]));
    await page.keyboard.press('x'); // expands the collapsed card after the current one and selects it
    await eventually(() => currentIds(page), (c) => expect(c).toEqual([IDS[t1]]));
    await page.keyboard.press('x'); // collapses it again
    await eventually(() => attrOf(page, IDS[t1]!, 'data-papersift-revealed'), (v) => expect(v).toBeNull());
    await page.keyboard.press('j');
    expect(await currentIds(page)).toEqual([IDS[t1 + 1]]);
  });

  it('a topic added from another page reaches an open tab within a second; deleting it takes everything back', async () => {
    const page = await openDaily(browser());
    expect(await idsWith(page, 'data-papersift-topics')).toEqual([]);
    const ctl = await controlPage(browser());
    await putTopics(ctl, ENSEMBLES);
    await eventually(() => idsWith(page, 'data-papersift-topics'), (ids) => expect(ids).toEqual(ENSEMBLE_IDS), CROSS_TAB_MS);
    await eventually(() => cardById(page, '1801.02475').locator('.chip').count(), (n) => expect(n).toBe(1));
    await eventually(() => highlightRanges(page), (h) => expect(h['papersift-c2']?.length).toBeGreaterThan(0));

    await send(ctl, { type: 'topics/delete', id: ENSEMBLES.id });
    await eventually(() => idsWith(page, 'data-papersift-topics'), (ids) => expect(ids).toEqual([]), CROSS_TAB_MS);
    await eventually(() => page.locator('[data-papersift-ui] .chip').count(), (n) => expect(n).toBe(0));
    await eventually(() => highlightRanges(page), (h) => expect(Object.values(h).flat()).toEqual([]));
    const rings = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-papersift-id]')].filter((r) => getComputedStyle(r).boxShadow !== 'none').length,
    );
    expect(rings).toBe(0);
  });

  it('hideStyle "remove" takes muted cards out of the page; the bar still counts them and "Show hidden" brings them back', async () => {
    const ctl = await controlPage(browser());
    await putTopics(ctl, ATTENTION);
    await setPrefs(ctl, { hideStyle: 'remove' });
    const page = await openDaily(browser());
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-papersift-hide-style'))).toBe('remove');
    await eventually(() => idsWith(page, 'data-papersift-hidden'), (ids) => expect(ids).toEqual(ATTENTION_IDS));

    const displays = () =>
      page.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll<HTMLElement>('[data-papersift-id]')].map((r) => [r.getAttribute('data-papersift-id'), getComputedStyle(r).display]),
        ),
      );
    const none = (d: Record<string, string>) => Object.keys(d).filter((id) => d[id] === 'none');
    await eventually(displays, (d) => expect(none(d).sort()).toEqual([...ATTENTION_IDS].sort()));
    await eventually(() => summaryText(page), (t) => expect(t).toBe(`27 papers · 0 match your topics · ${ATTENTION_IDS.length} hidden`));

    const showHidden = toggle(page, 'Show hidden');
    await showHidden.click();
    await eventually(() => pressed(showHidden), (v) => expect(v).toBe('true'));
    await eventually(displays, (d) => expect(none(d)).toEqual([]));
    expect(await cardById(page, ATTENTION_IDS[0]!).locator('h3').first().isVisible()).toBe(true);
    expect(await summaryText(page)).toBe(`27 papers · 0 match your topics · ${ATTENTION_IDS.length} hidden`);
    await showHidden.click();
    await eventually(displays, (d) => expect(none(d).sort()).toEqual([...ATTENTION_IDS].sort()));
  });

  it('the popup\'s page stats count the cards of each topic', async () => {
    const ctl = await controlPage(browser());
    await putTopics(ctl, ENSEMBLES, ATTENTION);
    const page = await openDaily(browser());
    await eventually(() => idsWith(page, 'data-papersift-hidden'), (ids) => expect(ids).toEqual(MUTED_IDS));
    const tabId = await browser().tabId(page);
    const reply = (await ctl.evaluate(
      (id) =>
        (globalThis as unknown as { chrome: { tabs: { sendMessage(t: number, m: unknown): Promise<unknown> } } }).chrome.tabs.sendMessage(id, {
          type: 'page/stats',
        }),
      tabId,
    )) as { ok: boolean; value: { found: number; hidden: number; saved: number; topicCounts: Record<string, number> } };
    expect(reply.ok).toBe(true);
    expect(reply.value).toMatchObject({ found: 27, saved: 0, hidden: MUTED_IDS.length });
    expect(reply.value.topicCounts).toEqual({ ensembles: ENSEMBLE_IDS.length, attention: ATTENTION_IDS.length });
  });

  it('reports the page\'s papers to the background, stored as papersift:lastPage', async () => {
    const page = await openDaily(browser());
    const read = () =>
      browser().evalInWorker(async () => {
        const c = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
        return (await c.storage.local.get('papersift:lastPage'))['papersift:lastPage'] as
          | { url: string; papers: Array<{ id: string; title: string; abstract?: string; keywords?: string[] }> }
          | undefined;
      });
    await eventually(read, (v) => expect(v?.papers.length).toBe(27));
    const last = (await read())!;
    expect(last.url).toBe(page.url());
    expect(last.papers.map((p) => p.id)).toEqual(IDS);
    for (const p of PAPERS) {
      const stored = last.papers.find((x) => x.id === p.id)!;
      expect(stored.title).toBe(p.title);
      expect(stored.abstract).toBe(p.abstract);
      expect(stored.keywords).toEqual(p.keywords);
    }
  });

  it('matches in a worker, and in the page itself where the page\'s CSP forbids workers: same cards either way', async () => {
    const ctl = await controlPage(browser());
    await putTopics(ctl, ENSEMBLES, ATTENTION);
    const expectTopics = async (page: Page) => {
      await eventually(() => idsWith(page, 'data-papersift-topics'), (ids) => expect(ids).toEqual(ENSEMBLE_IDS));
      await eventually(() => idsWith(page, 'data-papersift-hidden'), (ids) => expect(ids).toEqual(MUTED_IDS));
    };
    const matchingMode = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-papersift-matching'));

    const normal = await openDaily(browser());
    await expectTopics(normal);
    expect(await matchingMode(normal)).toBe('worker');

    // The same page under a CSP that allows no worker at all (blob: workers included).
    const strictUrl = 'https://huggingface.co/papers/date/2026-11-27?csp=strict';
    browser().site.servePage(strictUrl, fixtureHtml('daily'), { 'content-security-policy': "worker-src 'none'" });
    const strict = await browser().open(strictUrl);
    await waitForDecoration(strict, IDS.length);
    await expectTopics(strict);
    expect(await matchingMode(strict)).toBe('page');
  });
});
