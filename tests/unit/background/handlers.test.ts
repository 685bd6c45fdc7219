import * as idb from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '../../../entrypoints/background/handlers';
import { CHANGE_KEY } from '../../../utils/messaging/protocol';
import type { BackgroundRequest, ChangeEvent } from '../../../utils/messaging/protocol';
import type { PaperInfo } from '../../../utils/model/paper';
import { clearHidden, clearSaved, getSaved, listSaved } from '../../../utils/storage/library-db';
import { DAILY, paper, TRENDING } from './sample';
import { value } from '../replies';

// Wrap idb-keyval's `set` so a test can make the store fail; by default it is the real one.
vi.mock('idb-keyval', async (importOriginal) => {
  const real = await importOriginal<typeof import('idb-keyval')>();
  return { ...real, set: vi.fn(real.set) };
});

beforeEach(async () => {
  await clearSaved();
  await clearHidden();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const save = (p: PaperInfo = paper(0), source = DAILY) => handleRequest({ type: 'library/save', paper: p, source });
const state = async () => value(await handleRequest({ type: 'state/get' }));
const lastChange = async () => (await fakeBrowser.storage.local.get(CHANGE_KEY))[CHANGE_KEY] as ChangeEvent | undefined;

describe('library/save', () => {
  it('stores the paper; it is listed and in state/get', async () => {
    const rec = value(await save());
    expect(rec).toMatchObject({ id: '2508.19428', title: paper(0).title, tags: [], note: '', source: DAILY });
    expect(rec.links.pdf).toBe('https://arxiv.org/pdf/2508.19428');
    expect((await listSaved()).map((r) => r.id)).toEqual(['2508.19428']);
    expect((await state()).savedIds).toEqual(['2508.19428']);
    const recent = value(await handleRequest({ type: 'library/recent', limit: 10 }));
    expect(recent).toEqual([rec]);
  });

  it('saving again keeps note, tags and savedAt, refreshes the snapshot, never duplicates', async () => {
    const first = value(await save());
    // The reader annotated it (a later feature writes these fields); simulate with a direct write.
    await idb.set(first.id, { ...first, note: 'my note', tags: ['ontology'] }, idb.createStore('papersift-saved', 'saved'));

    const again = value(await save({ ...paper(0), upvotes: 999 }, TRENDING));
    expect(again).toMatchObject({ note: 'my note', tags: ['ontology'], savedAt: first.savedAt, upvotes: 999 });
    expect(again.source).toEqual(TRENDING);
    expect(await listSaved()).toHaveLength(1);
    expect((await getSaved(first.id))?.note).toBe('my note');
  });

  it('stores a hostile title literally, as text', async () => {
    const title = '<img src=x onerror="alert(1)"><script>steal()</script> &amp; "quotes"';
    const rec = value(await save({ ...paper(0), title }));
    expect(rec.title).toBe(title);
    expect((await getSaved(rec.id))?.title).toBe(title);
  });

  it('drops a non-GitHub or javascript: link from the page', async () => {
    const rec = value(await save({ ...paper(0), githubUrl: 'javascript:alert(1)' }));
    expect(rec.links.github).toBeUndefined();
  });
});

describe('library/unsave', () => {
  it('removes a saved paper and reports it', async () => {
    value(await save());
    expect(value(await handleRequest({ type: 'library/unsave', id: '2508.19428' }))).toEqual({ removed: true });
    expect(await listSaved()).toEqual([]);
    expect((await state()).savedIds).toEqual([]);
  });

  it('an unknown id is not an error', async () => {
    const reply = await handleRequest({ type: 'library/unsave', id: '2601.00001' });
    expect(reply).toEqual({ ok: true, value: { removed: false } });
    expect(await lastChange()).toBeUndefined();
  });
});

describe('hidden/hide and hidden/unhide', () => {
  const hide = (id: string, reason: 'manual' | `topic:${string}`) =>
    handleRequest({ type: 'hidden/hide', id, title: 'T', reason, source: DAILY });

  it('hides with a reason, shows in state/get, unhides', async () => {
    value(await hide('2508.19428', 'manual'));
    value(await hide('2410.17396', 'topic:robotics'));
    expect((await state()).hidden).toEqual(
      expect.arrayContaining([
        { id: '2508.19428', reason: 'manual' },
        { id: '2410.17396', reason: 'topic:robotics' },
      ]),
    );
    expect(value(await handleRequest({ type: 'hidden/unhide', id: '2508.19428' }))).toEqual({ removed: true });
    expect((await state()).hidden).toEqual([{ id: '2410.17396', reason: 'topic:robotics' }]);
    expect(value(await handleRequest({ type: 'hidden/unhide', id: '2508.19428' }))).toEqual({ removed: false });
  });

  it('a topic hide does not downgrade a manual hide; hiddenAt is kept', async () => {
    const first = value(await hide('2508.19428', 'manual'));
    const again = value(await hide('2508.19428', 'topic:llm'));
    expect(again.reason).toBe('manual');
    expect(again.hiddenAt).toBe(first.hiddenAt);
  });

  it('hiding does not unsave, and saving does not unhide', async () => {
    value(await save());
    value(await hide('2508.19428', 'manual'));
    const s = await state();
    expect(s.savedIds).toEqual(['2508.19428']);
    expect(s.hidden).toEqual([{ id: '2508.19428', reason: 'manual' }]);
  });
});

describe('change events', () => {
  it('each write bumps rev and publishes the change under CHANGE_KEY', async () => {
    expect((await state()).rev).toBe(0);
    value(await save());
    expect(await lastChange()).toMatchObject({ rev: 1, change: { type: 'saved', id: '2508.19428' } });
    value(await handleRequest({ type: 'hidden/hide', id: '2410.17396', title: 'T', reason: 'topic:x', source: DAILY }));
    expect(await lastChange()).toMatchObject({
      rev: 2,
      change: { type: 'hidden', id: '2410.17396', reason: 'topic:x' },
    });
    value(await handleRequest({ type: 'library/unsave', id: '2508.19428' }));
    expect(await lastChange()).toMatchObject({ rev: 3, change: { type: 'unsaved', id: '2508.19428' } });
    value(await handleRequest({ type: 'hidden/unhide', id: '2410.17396' }));
    expect(await lastChange()).toMatchObject({ rev: 4, change: { type: 'unhidden', id: '2410.17396' } });
    expect((await state()).rev).toBe(4);
  });

  it('rev continues from storage, not memory (a restarted worker keeps counting)', async () => {
    await fakeBrowser.storage.local.set({ [CHANGE_KEY]: { rev: 41, at: 1, change: { type: 'saved', id: '2410.17396' } } });
    value(await save());
    expect((await lastChange())?.rev).toBe(42);
    expect((await state()).rev).toBe(42);
  });

  it('reads produce no change event', async () => {
    await state();
    await handleRequest({ type: 'library/recent', limit: 5 });
    expect(await lastChange()).toBeUndefined();
  });

  it('a change that is stored but cannot be published still reports success', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValueOnce(new Error('storage.local is full'));
    const reply = await save();
    expect(reply.ok).toBe(true);
    expect(await getSaved('2508.19428')).toBeDefined();
    expect(warn).toHaveBeenCalled();
  });
});

describe('storage failures', () => {
  it('a failing store gives ok:false with a clear message and leaves previous data intact', async () => {
    const before = value(await save());
    vi.mocked(idb.set).mockRejectedValueOnce(new DOMException('', 'QuotaExceededError'));

    const reply = await save({ ...paper(0), title: 'Overwritten?' });
    expect(reply).toEqual({ ok: false, error: 'Could not save paper 2508.19428: QuotaExceededError' });
    expect(await getSaved('2508.19428')).toEqual(before);
    // No change is announced for a write that did not happen.
    expect((await lastChange())?.rev).toBe(1);
  });

  it('the queue keeps working after a failure', async () => {
    vi.mocked(idb.set).mockRejectedValueOnce(new Error('disk I/O error'));
    const [failed, ok] = await Promise.all([save(paper(0)), save(paper(1))]);
    expect(failed).toEqual({ ok: false, error: 'Could not save paper 2508.19428: disk I/O error' });
    expect(ok.ok).toBe(true);
    expect((await state()).savedIds).toEqual([paper(1).id]);
  });

  it('a failing hide says so', async () => {
    vi.mocked(idb.set).mockRejectedValueOnce(new Error('boom'));
    const reply = await handleRequest({ type: 'hidden/hide', id: '2508.19428', title: 'T', reason: 'manual', source: DAILY });
    expect(reply).toEqual({ ok: false, error: 'Could not hide paper 2508.19428: boom' });
    expect((await state()).hidden).toEqual([]);
  });
});

describe('concurrency', () => {
  /**
   * Real storage answers a read some time after taking its snapshot; the fake answers within the same task, which
   * would let unsynchronized read-modify-writes pass by luck. Delay each answer to open that window.
   */
  function slowStorageReads() {
    const local = fakeBrowser.storage.local;
    const get = local.get.bind(local);
    vi.spyOn(local, 'get').mockImplementation(async (keys) => {
      const snapshot = await get(keys);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return snapshot;
    });
  }

  it('50 concurrent saves all land, no duplicates, one rev per write', async () => {
    slowStorageReads();
    const papers = Array.from({ length: 50 }, (_, i) => ({
      ...paper(i % 27),
      id: `2601.${String(i + 1).padStart(5, '0')}`,
    }));
    const replies = await Promise.all(papers.map((p) => save(p)));
    expect(replies.every((r) => r.ok)).toBe(true);
    const ids = (await listSaved()).map((r) => r.id);
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    expect((await state()).rev).toBe(50);
  });

  it('concurrent saves of the same paper keep one record and the first savedAt', async () => {
    slowStorageReads();
    // Every save happens at a different instant, so a save that missed the earlier one would show a later savedAt.
    let clock = 1_000;
    vi.spyOn(Date, 'now').mockImplementation(() => ++clock);
    const replies = await Promise.all(Array.from({ length: 20 }, () => save()));
    const savedAts = new Set(replies.map((r) => value(r).savedAt));
    expect(savedAts.size).toBe(1);
    expect(await listSaved()).toHaveLength(1);
  });
});

describe('library/recent', () => {
  it('returns the newest `limit` records', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      for (let i = 0; i < 5; i++) {
        vi.setSystemTime(1_000 * (i + 1));
        value(await save(paper(i)));
      }
    } finally {
      vi.useRealTimers();
    }
    const recent = value(await handleRequest({ type: 'library/recent', limit: 2 }));
    expect(recent.map((r) => r.id)).toEqual([paper(4).id, paper(3).id]);
    expect(value(await handleRequest({ type: 'library/recent', limit: 0 }))).toEqual([]);
  });
});

describe('malformed messages', () => {
  const save0 = (p: Record<string, unknown>, source: unknown = DAILY) => ({
    type: 'library/save',
    paper: { ...paper(0), ...p },
    source,
  });
  const hide0 = (m: Record<string, unknown>) => ({ type: 'hidden/hide', id: '2508.19428', title: 'T', reason: 'manual', source: DAILY, ...m });
  const bad: Array<[string, unknown, RegExp]> = [
    ['undefined', undefined, /expected an object/],
    ['a bare string', 'state/get', /expected an object/],
    ['no type', {}, /unknown type/],
    ['unknown type', { type: 'library/delete-everything' }, /unknown type "library\/delete-everything"/],
    ['save without paper', { type: 'library/save', source: DAILY }, /paper must be an object/],
    ['save with a bad id', save0({ id: 'abc' }), /paper\.id must be an arXiv id like "2508\.19428" \(got "abc"\)/],
    ['save with a numeric title', save0({ title: 5 }), /paper\.title must be a string \(got 5\)/],
    ['save with authors as a string', save0({ authors: 'x' }), /paper\.authors must be an array of strings/],
    ['save with upvotes as a string', save0({ upvotes: '12' }), /paper\.upvotes must be a number/],
    ['save with a bad page kind', save0({}, { url: 'u', kind: 'home' }), /source\.kind must be a page kind \(got "home"\)/],
    ['save without source', { type: 'library/save', paper: paper(0) }, /source must be an object/],
    ['unsave without id', { type: 'library/unsave' }, /id must be an arXiv id/],
    ['recent with limit -1', { type: 'library/recent', limit: -1 }, /limit must be a whole number/],
    ['recent with limit 1.5', { type: 'library/recent', limit: 1.5 }, /limit must be a whole number/],
    ['hide with a bad reason', hide0({ reason: 'dislike' }), /reason must be "manual" or "topic:<name>"/],
    ['hide without title', hide0({ title: undefined }), /title must be a string/],
    ['unhide with a numeric id', { type: 'hidden/unhide', id: 12 }, /id must be an arXiv id/],
  ];

  it.each(bad)('%s is rejected with a clear error', async (_label, msg, error) => {
    const reply = await handleRequest(msg);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(error);
    expect(await listSaved()).toEqual([]);
  });

  it('never throws, even on hostile objects', async () => {
    const hostile = {
      get type(): string {
        throw new Error('gotcha');
      },
    };
    await expect(handleRequest(hostile as unknown as BackgroundRequest)).resolves.toMatchObject({ ok: false });
  });

  it('extra fields are not stored', async () => {
    const msg = { type: 'library/save', paper: { ...paper(0), evil: 'x'.repeat(100) }, source: DAILY, more: 1 };
    const rec = value(await handleRequest(msg));
    expect(rec).not.toHaveProperty('evil');
    expect(rec).toMatchObject({ id: '2508.19428' });
    expect(await getSaved('2508.19428')).not.toHaveProperty('evil');
  });
});
