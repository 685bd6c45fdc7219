import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOLD_MAX_MS, startEarlyHide, type EarlyState } from '../../../../../entrypoints/content/features/hide/early-hide';
import { HOLD_ATTR } from '../../../../../entrypoints/content/features/hide/hide-rules';
import type { Topic } from '../../../../../utils/topics';
import { ATTENTION, DAILY_URL, IDS, loadDaily, PAPERS } from '../../daily-page';

const ready = (hidden: string[], topics: Topic[] = []): EarlyState => ({
  state: { savedIds: [], hidden: hidden.map((id) => ({ id, reason: 'manual' as const })), rev: 1 },
  topics,
  precedence: 'highlight-wins',
  hideStyle: 'placeholder',
});
const html = document.documentElement;
const styleText = () => document.getElementById('papersift-early-hide')?.textContent ?? '';
const settle = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('early hide', () => {
  it('holds the cards back until it knows, then writes rules for exactly the hidden and muted papers of the page', async () => {
    loadDaily();
    let answer!: (r: EarlyState) => void;
    const early = startEarlyHide(document, DAILY_URL, () => new Promise((r) => (answer = r)));
    expect(html.hasAttribute(HOLD_ATTR)).toBe(true);
    answer(ready([IDS[1]!, '2999.99999'], [ATTENTION]));
    await settle();
    expect(html.hasAttribute(HOLD_ATTR)).toBe(false);
    const css = styleText();
    const muted = PAPERS.filter((p) => /\battention\b/i.test(p.title)).map((p) => p.id);
    expect(muted.length).toBeGreaterThan(0);
    for (const id of [IDS[1]!, ...muted]) expect(css).toContain(`a[href="/papers/${id}"]`);
    expect(css).not.toContain('2999.99999'); // not on this page: no rule
    const shown = IDS.find((id) => id !== IDS[1] && !muted.includes(id))!;
    expect(css).not.toContain(`a[href="/papers/${shown}"]`);
    // What the decorator asks before the worker answers: the JSON's verdict while the card shows the same title.
    expect(early.muteFromJson(muted[0]!, PAPERS.find((p) => p.id === muted[0])!.title)).toBe('Attention');
    expect(early.muteFromJson(muted[0]!, 'Another title now')).toBeUndefined();
    early.stop();
    expect(styleText()).toBe('');
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
    expect(styleText()).not.toContain('/papers/2');
    early.stop();
    const paper = startEarlyHide(document, 'https://huggingface.co/papers/2410.24210', async () => ready(['2410.24210']));
    expect(html.hasAttribute(HOLD_ATTR)).toBe(false);
    paper.stop();
  });
});
