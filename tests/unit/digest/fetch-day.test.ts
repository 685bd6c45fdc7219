import { describe, expect, it } from 'vitest';
import apiDaily from '../../fixtures/api-daily_papers.json';
import { fetchDay, type FetchLike } from '../../../utils/digest/fetch-day';

const DAY = '2026-12-06';

function answering(make: () => Response | Promise<Response>): { fetch: FetchLike; urls: string[]; inits: RequestInit[] } {
  const urls: string[] = [];
  const inits: RequestInit[] = [];
  return {
    urls,
    inits,
    fetch: async (url, init) => {
      urls.push(url);
      inits.push(init);
      return make();
    },
  };
}

describe('one check request', () => {
  it('asks huggingface.co once for the day, without cookies or redirects, and reads the papers', async () => {
    const f = answering(() => new Response(JSON.stringify(apiDaily), { status: 200 }));
    const r = await fetchDay(f.fetch, DAY);
    expect(f.urls).toEqual(['https://huggingface.co/api/daily_papers?date=2026-12-06']);
    expect(f.inits[0]).toMatchObject({ credentials: 'omit', redirect: 'error' });
    expect(r.ok && r.papers.length).toBe(27);
  });

  it('a 429 or 503 carries the Retry-After; a 500 none', async () => {
    const r429 = await fetchDay(answering(() => new Response('slow down', { status: 429, headers: { 'retry-after': '900' } })).fetch, DAY);
    expect(r429).toMatchObject({ ok: false, status: 429, retryAfterMs: 900_000, error: expect.stringMatching(/too many requests \(429\)/) });
    const r503 = await fetchDay(answering(() => new Response('', { status: 503, headers: { 'retry-after': '60' } })).fetch, DAY);
    expect(r503).toMatchObject({ ok: false, status: 503, retryAfterMs: 60_000 });
    const r500 = await fetchDay(answering(() => new Response('oops', { status: 500, headers: { 'retry-after': '60' } })).fetch, DAY);
    expect(r500).toMatchObject({ ok: false, status: 500, retryAfterMs: null, error: expect.stringMatching(/answered 500/) });
  });

  it('refuses malformed JSON and an answer over the size bound, unread', async () => {
    const bad = await fetchDay(answering(() => new Response('[{"paper": ', { status: 200 })).fetch, DAY);
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/not JSON, so nothing was changed/) });
    const big = 'x'.repeat(10 * 1024 * 1024);
    const large = await fetchDay(answering(() => new Response(big, { status: 200 })).fetch, DAY);
    expect(large).toMatchObject({ ok: false, error: expect.stringMatching(/larger than 5 MB/) });
    const declared = await fetchDay(answering(() => new Response('[]', { status: 200, headers: { 'content-length': String(10 * 1024 * 1024) } })).fetch, DAY);
    expect(declared).toMatchObject({ ok: false, error: expect.stringMatching(/larger than 5 MB/) });
  });

  it('a network failure or a timeout says Hugging Face could not be reached', async () => {
    const down = await fetchDay(answering(() => Promise.reject(new TypeError('Failed to fetch'))).fetch, DAY);
    expect(down).toMatchObject({ ok: false, error: 'Could not reach Hugging Face: Failed to fetch.' });
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const slow = await fetchDay(hang, DAY, { timeoutMs: 20 });
    expect(slow).toMatchObject({ ok: false, error: 'Could not reach Hugging Face: it did not answer in time.' });
  });
});
