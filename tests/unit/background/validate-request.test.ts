import { describe, expect, it } from 'vitest';
import { isBackgroundMessage, MAX_RECENT, validateRequest } from '../../../entrypoints/background/validate-request';
import { DAILY, paper } from './sample';

describe('validateRequest', () => {
  it('accepts every well-formed request and copies only known fields', () => {
    const p = { ...paper(0), githubUrl: 'https://github.com/a/b', keywords: ['ontology'], date: '2025-08-26', junk: 1 };
    const checked = validateRequest({ type: 'library/save', paper: p, source: { ...DAILY, extra: 2 }, other: 3 });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const { junk: _j, ...known } = p;
    expect(checked.req).toEqual({ type: 'library/save', paper: known, source: DAILY });

    for (const req of [
      { type: 'library/unsave', id: '2508.19428' },
      { type: 'library/recent', limit: 20 },
      { type: 'hidden/hide', id: '2508.19428', title: 'T', reason: 'topic:llm agents', source: DAILY },
      { type: 'hidden/unhide', id: '2508.19428' },
      { type: 'state/get' },
    ]) {
      expect(validateRequest(req)).toEqual({ ok: true, req });
    }
  });

  it('clamps a huge limit', () => {
    expect(validateRequest({ type: 'library/recent', limit: 1e9 })).toEqual({
      ok: true,
      req: { type: 'library/recent', limit: MAX_RECENT },
    });
  });

  it('names the request type and field, and shortens echoed values', () => {
    const checked = validateRequest({ type: 'library/unsave', id: 'x'.repeat(10_000) });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error).toMatch(/^Bad request \(library\/unsave\): id must be an arXiv id/);
    expect(checked.error.length).toBeLessThan(200);
  });
});

describe('isBackgroundMessage', () => {
  it('claims the background namespaces only', () => {
    expect(isBackgroundMessage({ type: 'state/get' })).toBe(true);
    expect(isBackgroundMessage({ type: 'library/typo' })).toBe(true);
    expect(isBackgroundMessage({ type: 'hidden/hide' })).toBe(true);
    expect(isBackgroundMessage({ type: 'page/stats' })).toBe(false);
    expect(isBackgroundMessage({})).toBe(false);
    expect(isBackgroundMessage('state/get')).toBe(false);
    expect(isBackgroundMessage(null)).toBe(false);
  });
});
