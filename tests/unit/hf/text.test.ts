import { describe, expect, it } from 'vitest';
import { parseCount } from '../../../utils/hf/extract';
import { trailingCount, titleKey } from '../../../utils/hf/text';
import { parseDisplayedDate, resolveDisplayedDate } from '../../../utils/hf/dates';
import { paperLinkTarget } from '../../../utils/hf/links';

describe('parseCount', () => {
  it.each([
    ['186', 186],
    [' 186 ', 186],
    ['0', 0],
    ['2.27k', 2270],
    ['3.29K', 3290],
    ['1.2M', 1_200_000],
    ['1,234', 1234],
    ['12 k', 12_000],
  ])('%s → %d', (text, n) => {
    expect(parseCount(text)).toBe(n);
  });

  it.each(['-', '', '  ', 'Upvote', 'abc', '1.2.3', 'k', 'NaN'])('%j → undefined', (text) => {
    expect(parseCount(text)).toBeUndefined();
  });
});

describe('trailingCount', () => {
  it('reads the number at the end of a control label', () => {
    expect(trailingCount('Upvote 25')).toBe(25);
    expect(trailingCount('  Upvote\n 2.27k ')).toBe(2270);
    expect(trailingCount('Upvote -')).toBeUndefined();
    expect(trailingCount('Upvote')).toBeUndefined();
  });
});

describe('titleKey', () => {
  it('ignores whitespace runs and case', () => {
    expect(titleKey('  Attention as\n an  RNN ')).toBe(titleKey('attention AS an rnn'));
    expect(titleKey('Attention as an RNN')).not.toBe(titleKey('Attention as a RNN'));
  });
});

describe('displayed dates', () => {
  it('parses the forms the cards show', () => {
    expect(parseDisplayedDate('Published on Sep 16, 2026')).toEqual({ month: 9, day: 16, year: 2026 });
    expect(parseDisplayedDate('Oct 22, 2024')).toEqual({ month: 10, day: 22, year: 2024 });
    expect(parseDisplayedDate('Aug 26')).toEqual({ month: 8, day: 26 });
    expect(parseDisplayedDate('September 3, 2025')).toEqual({ month: 9, day: 3, year: 2025 });
  });

  it('rejects other text and impossible days', () => {
    for (const text of ['Submitted by akhaliq', '2 authors', 'Feb 30, 2025', 'Foo 3, 2024', 'Aug 26 2024 extra']) {
      expect(parseDisplayedDate(text)).toBeNull();
    }
  });

  it('gives a year-less date the latest year not in the future', () => {
    const now = new Date('2026-11-29T09:00:00Z');
    expect(resolveDisplayedDate({ month: 8, day: 26 }, now)).toBe('2026-08-26');
    expect(resolveDisplayedDate({ month: 12, day: 24 }, now)).toBe('2025-12-24');
    expect(resolveDisplayedDate({ month: 11, day: 30 }, now)).toBe('2026-11-30'); // one day of time-zone slack
    expect(resolveDisplayedDate({ month: 2, day: 29 }, now)).toBe('2024-02-29');
    expect(resolveDisplayedDate({ month: 5, day: 1, year: 2019 }, now)).toBe('2019-05-01');
  });
});

describe('paperLinkTarget', () => {
  it.each([
    ['/papers/2410.24210', '2410.24210', ''],
    ['/papers/2410.24210v2', '2410.24210', ''],
    ['/papers/2410.24210/', '2410.24210', ''],
    ['/papers/2410.24210#community', '2410.24210', '#community'],
    ['https://huggingface.co/papers/2410.02604', '2410.02604', ''],
    ['//huggingface.co/papers/2410.02604?x=1', '2410.02604', ''],
  ])('%s → %s %s', (href, id, hash) => {
    expect(paperLinkTarget(href)).toEqual({ id, hash });
  });

  it.each([
    '/login?next=%2Fpapers%2F2410.24210',
    '/papers/trending',
    '/papers/date/2026-11-27',
    '/papers',
    'https://arxiv.org/abs/2410.24210',
    'https://example.com/papers/2410.24210',
    '/papers/2410.24210/discussion',
    'javascript:alert(1)',
    '',
  ])('%s → null', (href) => {
    expect(paperLinkTarget(href)).toBeNull();
  });
});
