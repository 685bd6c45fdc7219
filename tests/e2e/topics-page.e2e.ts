/**
 * Topics on the page, in both browsers: highlight and mute topics, precedence, live updates from another page, the
 * "remove" hide style, the popup's per-topic counts, the page report kept for the options preview, and matching in
 * a worker or in the page. Expected cards are computed from the fixture's own data (topics-data.ts).
 * The summary bar's reordering toggles and keyboard triage are in topics-triage.e2e.ts.
 */
import { describe, expect, it } from 'vitest';
import { fixtureHtml } from '../../scripts/lib/fixtures';
import { firstTopicIs } from '../../entrypoints/content/features/topics/topic-highlights';
import { compileTopics } from '../../utils/topics';
import { cardById, eventually, useE2EBrowser, waitForDecoration, type E2EPage } from './harness';
import {
  allChipCount,
  ATTENTION,
  ATTENTION_IDS,
  BOTH_IDS,
  cardStyle,
  chips,
  ENSEMBLE_IDS,
  ENSEMBLES,
  ensembleTitleWords,
  highlightRanges,
  htmlAttr,
  IDS,
  idsWith,
  matchedBy,
  MUTED_IDS,
  openDaily,
  PAPERS,
  plainMatch,
  putTopics,
  rgb,
  setPrefs,
  summaryText,
  summaryToggle,
  TABULAR,
  titleOf,
  TRANSFORMER_IDS,
  TRANSFORMERS,
} from './topics-data';

const ring = (page: E2EPage, id: string) => cardStyle(page, id, 'boxShadow');

describe('topics on the daily page', () => {
  const browser = useE2EBrowser();

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
    await putTopics(browser(), ENSEMBLES, TABULAR);
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
    expect(await chips(page, far!)).toEqual([]);
    expect(await cardById(page, far!).attr('data-papersift-topics')).not.toBeNull();

    // Names strongest first, as the matcher ranks them; the ring takes the strongest topic's colour.
    const both = compileTopics([ENSEMBLES, TABULAR]);
    for (const p of PAPERS.filter((x) => expected.includes(x.id))) {
      const names = both.match(p).filter((m) => m.mode === 'highlight').map((m) => m.name);
      expect(await cardById(page, p.id).attr('data-papersift-topics')).toBe(names.join(','));
      expect(await ring(page, p.id)).toContain(rgb(names[0] === 'Tabular' ? TABULAR.colour : ENSEMBLES.colour));
      await page.evaluate((id) => document.querySelector(`[data-papersift-id="${id}"]`)!.scrollIntoView({ block: 'center' }), p.id);
      await eventually(
        () => chips(page, p.id),
        (cs) => expect(cs.map((c) => c.label!.split(':')[0])).toEqual(names.map((n) => `Topic ${n}`)),
      );
    }
    expect(await cardById(page, '2410.24210').attr('data-papersift-topics')).toBe('Tabular,Ensembles'); // by hand: TabM
    // The ring is drawn (box-shadow in the topic's colour: #16a34a = rgb(22, 163, 74)).
    const accent = await ring(page, '1801.02475');
    expect(accent).toContain('rgb(22, 163, 74)');
    expect(accent).not.toContain('inset');
    // The subtle style (a bar inside the card's edge, same colour), and back: a setting only its non-default writes.
    await setPrefs(browser(), { highlightStyle: 'subtle' });
    await eventually(() => ring(page, '1801.02475'), (v) => expect(v).toMatch(/rgb\(22, 163, 74\).*inset|inset.*rgb\(22, 163, 74\)/));
    await setPrefs(browser(), { highlightStyle: 'accent' });
    await eventually(() => ring(page, '1801.02475'), (v) => expect(v).toBe(accent));
    expect(await htmlAttr(page, 'data-papersift-highlight-style')).toBeNull();
    // The ring rules find a card's first topic by name in the browser's selector engine, whatever the name holds.
    const names = ['He said "hi"', 'back\\slash', '🧪 lab, bench', 'A'];
    const found = await page.evaluate((cases) => cases.map(({ name, sel }) => {
      const card = document.createElement('article');
      const is = (value: string) => (card.setAttribute('data-papersift-topics', value), card.matches(sel));
      return [is(name), is(`${name},Other`), is(`Other,${name}`), is(`${name}x`)];
    }), names.map((name) => ({ name, sel: firstTopicIs(name) })));
    expect(found).toEqual(names.map(() => [true, true, false, false]));

    // The chip says why, is focusable and has a tooltip.
    const [chip] = await chips(page, '1801.02475');
    expect(await chips(page, '1801.02475')).toHaveLength(1);
    expect(chip).toMatchObject({ label: 'Topic Ensembles: title: Ensemble · abstract: ensemble', tabindex: '0' });
    await page.focus(() => document.querySelector('[data-papersift-id="1801.02475"] [data-papersift-ui]')?.shadowRoot?.querySelector<HTMLElement>('.chip'), undefined);
    expect(await page.evaluate(() => document.querySelector('[data-papersift-id="1801.02475"] [data-papersift-ui]')!.shadowRoot!.activeElement?.className, undefined)).toBe('chip');
    expect((await chips(page, '1801.02475'))[0]).toMatchObject({ tip: 'title: Ensemble · abstract: ensemble', tipVisible: true });
    // Cards without a match have no chip.
    const unmatched = IDS.find((id) => !expected.includes(id))!;
    expect(await chips(page, unmatched)).toEqual([]);
    expect(await cardById(page, unmatched).attr('data-papersift-topics')).toBeNull();

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
    const tints = await page.evaluate(() => {
      const h3 = document.querySelector('[data-papersift-id="1801.02475"] h3')!;
      return ['papersift-c2', 'papersift-topic-1'].map((n) => getComputedStyle(h3, `::highlight(${n})`).backgroundColor);
    }, undefined);
    expect(tints).toEqual(['rgba(22, 163, 74, 0.3)', 'rgba(147, 51, 234, 0.3)']);
  });

  it('a mute topic collapses its cards to "Hidden by topic" placeholders; Show reveals; the bar counts them', async () => {
    await putTopics(browser(), ATTENTION);
    const page = await openDaily(browser());

    await eventually(() => idsWith(page, 'data-papersift-hidden'), (ids) => expect(ids).toEqual(ATTENTION_IDS));
    for (const id of ATTENTION_IDS) {
      expect(await cardById(page, id).attr('data-papersift-hidden')).toBe('topic:Attention');
      expect(await cardById(page, id).uiText()).toBe(`Hidden by topic 'Attention': ${titleOf(id)} · Show`);
    }
    expect(await cardById(page, ATTENTION_IDS[0]!).button('Undo').count()).toBe(0);
    const pointer = cardById(page, '1506.03134'); // "Pointer Networks": no "attention" in its title
    expect(await pointer.attr('data-papersift-hidden')).toBeNull();
    expect(await pointer.titleVisible()).toBe(true);
    await eventually(() => summaryText(page), (t) => expect(t).toBe(`27 papers · 0 match your topics · ${ATTENTION_IDS.length} hidden`));

    const card = cardById(page, ATTENTION_IDS[1]!);
    expect(await card.titleVisible()).toBe(false);
    await card.button('Show').click();
    await eventually(() => card.titleVisible(), (v) => expect(v).toBe(true));
    expect(await card.attr('data-papersift-hidden')).toBe('topic:Attention');
    expect(await card.attr('data-papersift-revealed')).not.toBeNull();
    // Still counted as hidden: it is hidden by the topic, only shown in this view.
    expect(await summaryText(page)).toBe(`27 papers · 0 match your topics · ${ATTENTION_IDS.length} hidden`);
  });

  it('precedence: a card matching both stays visible, until mute-wins is set (live, no reload)', async () => {
    await putTopics(browser(), ENSEMBLES, ATTENTION);
    const page = await openDaily(browser());
    const both = cardById(page, BOTH_IDS[0]!);

    // Cards hidden before the page paints come from the stored state; the topic matching lands a moment later.
    await eventually(() => idsWith(page, 'data-papersift-hidden'), (ids) => expect(ids).toEqual(MUTED_IDS));
    await eventually(() => idsWith(page, 'data-papersift-topics'), (ids) => expect(ids).toEqual(ENSEMBLE_IDS));
    expect(await both.attr('data-papersift-topics')).toBe('Ensembles');
    expect(await both.attr('data-papersift-hidden')).toBeNull();
    expect(await both.titleVisible()).toBe(true);
    await eventually(
      () => summaryText(page),
      (t) => expect(t).toBe(`27 papers · ${ENSEMBLE_IDS.length} match your topics · ${MUTED_IDS.length} hidden`),
    );

    await setPrefs(browser(), { precedence: 'mute-wins' });
    await eventually(() => both.attr('data-papersift-hidden'), (v) => expect(v).toBe('topic:Attention'));
    expect(await idsWith(page, 'data-papersift-hidden')).toEqual(ATTENTION_IDS);
    await eventually(() => both.uiText(), (t) => expect(t).toBe(`Hidden by topic 'Attention': ${titleOf(both.id)} · Show`));
    await eventually(() => summaryText(page), (t) => expect(t).toContain(`· ${ATTENTION_IDS.length} hidden`));

    await setPrefs(browser(), { precedence: 'highlight-wins' });
    await eventually(() => both.attr('data-papersift-hidden'), (v) => expect(v).toBeNull());
  });

  it('a topic added from another page reaches an open tab live; deleting it takes everything back', async () => {
    const page = await openDaily(browser());
    expect(await idsWith(page, 'data-papersift-topics')).toEqual([]);
    await putTopics(browser(), ENSEMBLES);
    await eventually(() => idsWith(page, 'data-papersift-topics'), (ids) => expect(ids).toEqual(ENSEMBLE_IDS));
    await eventually(() => chips(page, '1801.02475'), (cs) => expect(cs).toHaveLength(1));
    await eventually(() => highlightRanges(page), (h) => expect(h['papersift-c2']?.length).toBeGreaterThan(0));

    await browser().send({ type: 'topics/delete', id: ENSEMBLES.id });
    await eventually(() => idsWith(page, 'data-papersift-topics'), (ids) => expect(ids).toEqual([]));
    await eventually(() => allChipCount(page), (n) => expect(n).toBe(0));
    await eventually(() => highlightRanges(page), (h) => expect(Object.values(h).flat()).toEqual([]));
    const rings = await page.evaluate(
      () => [...document.querySelectorAll<HTMLElement>('[data-papersift-id]')].filter((r) => getComputedStyle(r).boxShadow !== 'none').length,
      undefined,
    );
    expect(rings).toBe(0);
  });

  it('hideStyle "remove" takes muted cards out of the page; the bar still counts them and "Show hidden" brings them back', async () => {
    await putTopics(browser(), ATTENTION);
    await setPrefs(browser(), { hideStyle: 'remove' });
    const page = await openDaily(browser());
    expect(await htmlAttr(page, 'data-papersift-hide-style')).toBe('remove');
    await eventually(() => idsWith(page, 'data-papersift-hidden'), (ids) => expect(ids).toEqual(ATTENTION_IDS));

    const collapsed = () =>
      page.evaluate(
        () => [...document.querySelectorAll<HTMLElement>('[data-papersift-id]')].filter((r) => getComputedStyle(r).display === 'none').map((r) => r.getAttribute('data-papersift-id')!),
        undefined,
      );
    await eventually(collapsed, (ids) => expect(ids.sort()).toEqual([...ATTENTION_IDS].sort()));
    await eventually(() => summaryText(page), (t) => expect(t).toBe(`27 papers · 0 match your topics · ${ATTENTION_IDS.length} hidden`));

    const showHidden = summaryToggle(page, 'Show hidden');
    await showHidden.click();
    await eventually(() => showHidden.pressed(), (v) => expect(v).toBe('true'));
    await eventually(collapsed, (ids) => expect(ids).toEqual([]));
    expect(await cardById(page, ATTENTION_IDS[0]!).titleVisible()).toBe(true);
    expect(await summaryText(page)).toBe(`27 papers · 0 match your topics · ${ATTENTION_IDS.length} hidden`);
    await showHidden.click();
    await eventually(collapsed, (ids) => expect(ids.sort()).toEqual([...ATTENTION_IDS].sort()));
  });

  it('the popup\'s page stats count the cards of each topic', async () => {
    await putTopics(browser(), ENSEMBLES, ATTENTION);
    const page = await openDaily(browser());
    await eventually(() => idsWith(page, 'data-papersift-hidden'), (ids) => expect(ids).toEqual(MUTED_IDS));
    await eventually(() => idsWith(page, 'data-papersift-topics'), (ids) => expect(ids).toEqual(ENSEMBLE_IDS));
    const tabId = await browser().tabId(page);
    const reply = (await browser().inExtension((id) => {
      const g = globalThis as unknown as Record<'browser' | 'chrome', { tabs: { sendMessage(t: number, m: unknown): Promise<unknown> } } | undefined>;
      return (g.browser ?? g.chrome)!.tabs.sendMessage(id, { type: 'page/stats' });
    }, tabId)) as { ok: boolean; value: { found: number; hidden: number; saved: number; topicCounts: Record<string, number> } };
    expect(reply.ok).toBe(true);
    expect(reply.value).toMatchObject({ found: 27, saved: 0, hidden: MUTED_IDS.length });
    expect(reply.value.topicCounts).toEqual({ ensembles: ENSEMBLE_IDS.length, attention: ATTENTION_IDS.length });
  });

  it('reports the page\'s papers to the background, stored as papersift:lastPage', async () => {
    const page = await openDaily(browser());
    const read = () =>
      browser().inExtension(async () => {
        const g = globalThis as unknown as Record<'browser' | 'chrome', { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } | undefined>;
        return (await (g.browser ?? g.chrome)!.storage.local.get('papersift:lastPage'))['papersift:lastPage'] as
          | { url: string; papers: Array<{ id: string; title: string; abstract?: string; keywords?: string[] }> }
          | undefined;
      }, undefined);
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
    await putTopics(browser(), ENSEMBLES, ATTENTION);
    const expectTopics = async (page: E2EPage) => {
      await eventually(() => idsWith(page, 'data-papersift-topics'), (ids) => expect(ids).toEqual(ENSEMBLE_IDS));
      await eventually(() => idsWith(page, 'data-papersift-hidden'), (ids) => expect(ids).toEqual(MUTED_IDS));
    };

    const normal = await openDaily(browser());
    await expectTopics(normal);
    expect(await htmlAttr(normal, 'data-papersift-matching')).toBe('worker');

    // The same page under a CSP that allows no worker at all (blob: workers included).
    const strictUrl = 'https://huggingface.co/papers/date/2026-11-27?csp=strict';
    browser().site.servePage(strictUrl, fixtureHtml('daily'), { 'content-security-policy': "worker-src 'none'" });
    const strict = await browser().open(strictUrl);
    await waitForDecoration(strict, IDS.length);
    await expectTopics(strict);
    expect(await htmlAttr(strict, 'data-papersift-matching')).toBe('page');
  });
});
