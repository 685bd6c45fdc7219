/**
 * One check's request: a single GET of the day's Daily Papers from huggingface.co, bounded in time and size, read
 * into papers or into a sentence saying why not (with the server's Retry-After on 429/503). `fetch` is passed in,
 * so this runs the same in the background and in the unit tests. Never throws.
 */
import { dailyApiUrl, MAX_RESPONSE_BYTES, parseDailyPapers, type DigestPaper } from './daily-api';
import { parseRetryAfter } from './schedule';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type DayResult =
  | { ok: true; papers: DigestPaper[] }
  | { ok: false; error: string; status?: number; retryAfterMs: number | null };

export interface FetchDayOptions {
  timeoutMs?: number;
  maxBytes?: number;
  now?: number;
}

export const FETCH_TIMEOUT_MS = 30_000;

/** The body as text, or null past `maxBytes` (the rest is not read: the request is cancelled). */
async function readBounded(res: Response, maxBytes: number): Promise<string | null> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export async function fetchDay(fetchFn: FetchLike, day: string, options: FetchDayOptions = {}): Promise<DayResult> {
  const maxBytes = options.maxBytes ?? MAX_RESPONSE_BYTES;
  const now = options.now ?? Date.now();
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs ?? FETCH_TIMEOUT_MS);
  try {
    let res: Response;
    try {
      // No cookies, no redirects to elsewhere: one plain request to huggingface.co.
      res = await fetchFn(dailyApiUrl(day), { credentials: 'omit', redirect: 'error', cache: 'no-store', signal: abort.signal, headers: { accept: 'application/json' } });
    } catch (e) {
      const reason = abort.signal.aborted ? 'it did not answer in time' : e instanceof Error && e.message ? e.message : 'the network request failed';
      return { ok: false, error: `Could not reach Hugging Face: ${reason}.`, retryAfterMs: null };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      const retryAfterMs = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get('retry-after'), now) : null;
      const why =
        res.status === 429 ? 'too many requests (429)' : res.status === 503 ? 'the service is unavailable (503)' : `the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
      return { ok: false, status: res.status, error: `Hugging Face did not send the papers: ${why}.`, retryAfterMs };
    }
    let text: string | null;
    try {
      text = await readBounded(res, maxBytes);
    } catch (e) {
      return { ok: false, error: `The answer from Hugging Face was cut off: ${e instanceof Error ? e.message : String(e)}.`, retryAfterMs: null };
    }
    if (text === null) return { ok: false, status: res.status, error: `The answer from Hugging Face was larger than ${mb(maxBytes)}, so it was not read.`, retryAfterMs: null };
    const parsed = parseDailyPapers(text, day);
    if (!parsed.ok) return { ok: false, status: res.status, error: `${parsed.error}, so nothing was changed.`, retryAfterMs: null };
    return { ok: true, papers: parsed.papers };
  } finally {
    clearTimeout(timer);
  }
}
