import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOLD_MAX_MS, startEarlyHide, type EarlyState } from '../../../../../entrypoints/content/features/hide/early-hide';
import { EARLY_ATTR, HOLD_ATTR } from '../../../../../entrypoints/content/features/hide/hide-rules';
import type { Topic } from '../../../../../utils/topics';
import { ATTENTION, DAILY_URL, IDS, loadDaily, PAPERS, titleOf } from '../../daily-page';

const ready = (hidden: string[], topics: Topic[] = []): EarlyState => ({
  state: { savedIds: [], hidden: hidden.map((id) => ({ id, reason: 'manual' as const })), rev: 1 },
  topics,
  precedence: 'highlight-wins',
  hideStyle: 'placeholder',
});
const html = document.documentElement;
const styleText = () => document.getElementById('papersift-early-hide')?.textContent ?? '';
/** The cards marked so, by paper id. */
const marked = (verdict: string) =>
  [...document.querySelectorAll(`article[${EARLY_ATTR}="${verdict}"]`)].map((a) => a.querySelector('h3 a')!.getAttribute('href')!.replace('/papers/', '')).sort();
const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('early hide', () => {
  it('holds the cards back until it knows, then marks exactly the hidden and muted cards of the page', async () => {
    loadDaily();
    let answer!: (r: EarlyState) => void;
    const early = startEarlyHide(document, DAILY_URL, () => new Promise((r) => (answer = r)));
    expect(html.hasAttribute(HOLD_ATTR)).toBe(true);
    answer(ready([IDS[1]!, '2999.99999'], [ATTENTION]));
    await settle();
    expect(html.hasAttribute(HOLD_ATTR)).toBe(false);
    const muted = PAPERS.filter((p) => /\battention\b/i.test(p.title)).map((p) => p.id);
    expect(muted.length).toBeGreaterThan(0);
    expect(marked('hide')).toEqual([...new Set([IDS[1]!, ...muted])].sort());
    expect(marked('wait')).toEqual([]);
    // What the decorator asks before the worker answers: the JSON's verdict while the card shows the same title.
    expect(early.muteFromJson(muted[0]!, PAPERS.find((p) => p.id === muted[0])!.title)).toBe('Attention');
    expect(early.muteFromJson(muted[0]!, 'Another title now')).toBeUndefined();
    early.stop();
    expect(styleText()).toBe('');
  });

  it('without the JSON (malformed), muted cards are decided by the title they show', async () => {
    loadDaily();
    for (const el of document.querySelectorAll('[data-props]')) el.setAttribute('data-props', '{"dailyPapers": [{"paper": ');
    const early = startEarlyHide(document, DAILY_URL, async () => ready([IDS[0]!], [ATTENTION]));
    await settle();
    const muted = PAPERS.filter((p) => /\battention\b/i.test(p.title)).map((p) => p.id);
    expect(marked('hide')).toEqual([...new Set([IDS[0]!, ...muted])].sort());
    expect(early.muteFromJson(muted[0]!, titleOf(muted[0]!))).toBeUndefined();
    early.stop();
  });

  it('holds nothing for long: released after HOLD_MAX_MS even when storage never answers', async () => {
    vi.useFakeTimers();
    loadDaily();
    const early = startEarlyHide(document, DAILY_URL, () => new Promise(() => {}));
    vi.advanceTimersByTime(HOLD_MAX_MS - 1);
    expect(html.hasAttribute(HOLD_ATTR)).toBe(true);
    vi.advanceTimersByTime(1);
    expect(html.hasAttribute(HOLD_ATTR)).toBe(false);
    early.stop();
  });

  it('says so when storage cannot be read, and lets the cards show', async () => {
    loadDaily();
    const early = startEarlyHide(document, DAILY_URL, () => Promise.reject(new Error('IO error')));
    const problems: string[] = [];
    early.onProblem((p) => problems.push(p));
    await settle();
    expect(html.hasAttribute(HOLD_ATTR)).toBe(false);
    expect(problems).toEqual(['PaperSift could not read your hidden papers']);
    early.stop();
  });

  it('releases at once with nothing to hide, and never holds on a paper page', async () => {
    loadDaily();
    const early = startEarlyHide(document, DAILY_URL, async () => ready([]));
    await settle();
    expect(html.hasAttribute(HOLD_ATTR)).toBe(false);
    expect(marked('hide')).toEqual([]);
    early.stop();
    const paper = startEarlyHide(document, 'https://huggingface.co/papers/2410.24210', async () => ready(['2410.24210']));
    expect(html.hasAttribute(HOLD_ATTR)).toBe(false);
    paper.stop();
  });
});
