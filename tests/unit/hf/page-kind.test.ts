import { describe, expect, it } from 'vitest';
import type { PageKind } from '../../../utils/model/paper';
import { pageKindOf, paperIdFromUrl } from '../../../utils/hf/page-kind';

const table: Array<[string, PageKind]> = [
  ['https://huggingface.co/papers', 'daily'],
  ['https://huggingface.co/papers/', 'daily'],
  ['http://huggingface.co/papers', 'daily'],
  ['https://www.huggingface.co/papers', 'daily'],
  ['https://huggingface.co/papers?date=2026-11-27', 'daily'],
  ['https://huggingface.co/papers/date/2026-11-27', 'daily'],
  ['https://huggingface.co/papers/date/2026-11-27/', 'daily'],
  ['https://huggingface.co/papers?q=', 'daily'],
  ['https://huggingface.co/papers?periodType=day&date=2026-11-27', 'daily'],
  ['https://huggingface.co/papers/week/2026-W48', 'weekly'],
  ['https://huggingface.co/papers?week=2026-W48', 'weekly'],
  ['https://huggingface.co/papers?periodType=week', 'weekly'],
  ['https://huggingface.co/papers/month/2026-11', 'monthly'],
  ['https://huggingface.co/papers?month=2026-11', 'monthly'],
  ['https://huggingface.co/papers?periodType=month&date=2026-11-01', 'monthly'],
  ['https://huggingface.co/papers/trending', 'trending'],
  ['https://huggingface.co/papers/trending/', 'trending'],
  ['https://huggingface.co/papers?q=attention', 'search'],
  ['https://huggingface.co/papers?q=state+space+models', 'search'],
  ['https://huggingface.co/papers/date/2026-11-27?q=attention', 'search'],
  ['https://huggingface.co/papers/2410.24210', 'paper'],
  ['https://huggingface.co/papers/2410.24210/', 'paper'],
  ['https://huggingface.co/papers/2410.24210v2', 'paper'],
  ['https://huggingface.co/papers/2410.24210#community', 'paper'],
  ['https://huggingface.co/papers/1801.02475', 'paper'],
  ['https://huggingface.co/papers/2410.24210/discussion', 'other'],
  ['https://huggingface.co/papers/date/yesterday', 'other'],
  ['https://huggingface.co/papers/24.1', 'other'],
  ['https://huggingface.co/paperswithcode', 'other'],
  ['https://huggingface.co/models', 'other'],
  ['https://huggingface.co/', 'other'],
  ['https://example.com/papers/2410.24210', 'other'],
  ['https://huggingface.co.evil.example/papers', 'other'],
  ['https://arxiv.org/abs/2410.24210', 'other'],
  ['not a url', 'other'],
  ['', 'other'],
];

describe('pageKindOf', () => {
  it.each(table)('%s → %s', (url, kind) => {
    expect(pageKindOf(url)).toBe(kind);
  });

  it('accepts URL objects', () => {
    expect(pageKindOf(new URL('https://huggingface.co/papers/trending'))).toBe('trending');
    expect(pageKindOf(new URL('https://huggingface.co/papers/2410.24210'))).toBe('paper');
  });
});

describe('paperIdFromUrl', () => {
  it('returns the id without version for paper pages only', () => {
    expect(paperIdFromUrl('https://huggingface.co/papers/2410.24210v3')).toBe('2410.24210');
    expect(paperIdFromUrl('https://huggingface.co/papers/2410.24210')).toBe('2410.24210');
    expect(paperIdFromUrl('https://huggingface.co/papers/trending')).toBeNull();
    expect(paperIdFromUrl('https://example.com/papers/2410.24210')).toBeNull();
  });
});
