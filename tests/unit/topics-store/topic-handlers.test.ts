import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '../../../entrypoints/background/handlers';
import { RECENT_DELETE_MS } from '../../../entrypoints/background/recent-deletes';
import { isBackgroundMessage, TOPIC_LIMITS, validateRequest } from '../../../entrypoints/background/validate-request';
import { LAST_PAGE_KEY, LAST_PAGE_LIMITS, readLastPage } from '../../../utils/storage/last-page';
import { readPrefs } from '../../../utils/storage/prefs';
import { SYNC_OFF_REASON } from '../../../utils/storage/topic-store';
import type { Topic } from '../../../utils/topics/types';
import { ALL_TOPIC_FIELDS } from '../../../utils/topics/types';
import { CHROME_ERRORS, hugeTopic, topic } from './sample-topics';
import { value, error } from '../replies';

afterEach(() => {
  vi.restoreAllMocks();
});

const put = (t: unknown) => handleRequest({ type: 'topics/put', topic: t } as never);
const list = async () => value(await handleRequest({ type: 'topics/list' }));
const keysIn = async (area: 'sync' | 'local') =>
  Object.keys(await fakeBrowser.storage[area].get(null))
    .filter((k) => k.startsWith('topic:'))
    .sort();

const A = topic({ id: 'a', name: 'Agents', createdAt: 30 });
const B = topic({ id: 'b', name: 'Benchmarks', createdAt: 10, mode: 'mute' });

describe('topics/put, topics/list, topics/delete through handleRequest', () => {
  it('round trip, sorted by createdAt, one sync item per topic', async () => {
    expect(await list()).toEqual({ topics: [], storage: { area: 'sync', reason: null }, skipped: [] });
    expect(value(await put(A))).toEqual(A);
    expect(value(await put(B))).toEqual(B);
    expect(await list()).toEqual({ topics: [B, A], storage: { area: 'sync', reason: null }, skipped: [] });
    expect(await keysIn('sync')).toEqual(['topic:a', 'topic:b']);

    expect(value(await handleRequest({ type: 'topics/delete', id: 'a' }))).toEqual({ removed: A });
    expect((await list()).topics).toEqual([B]);
    // Sent again (its first reply was lost when the worker stopped): the same answer, so Undo still works.
    expect(value(await handleRequest({ type: 'topics/delete', id: 'a' }))).toEqual({ removed: A });
    expect((await list()).topics).toEqual([B]);
    expect(value(await handleRequest({ type: 'topics/delete', id: 'never-was' }))).toEqual({ removed: null });
  });

  it('a repeated delete is answered with the topic only for two minutes', async () => {
    const now = vi.spyOn(Date, 'now');
    now.mockReturnValue(1_000_000);
    value(await put(A));
    expect(value(await handleRequest({ type: 'topics/delete', id: 'a' }))).toEqual({ removed: A });
    now.mockReturnValue(1_000_000 + RECENT_DELETE_MS - 1);
    expect(value(await handleRequest({ type: 'topics/delete', id: 'a' }))).toEqual({ removed: A });
    now.mockReturnValue(1_000_000 + RECENT_DELETE_MS);
    expect(value(await handleRequest({ type: 'topics/delete', id: 'a' }))).toEqual({ removed: null });
  });

  it('undo: putting the deleted topic back restores it as it was', async () => {
    value(await put(A));
    value(await put(B));
    const { removed } = value(await handleRequest({ type: 'topics/delete', id: 'a' }));
    expect(value(await put(removed))).toEqual(A);
    expect((await list()).topics).toEqual([B, A]);
  });

  it('trims the name and terms, lowercases the colour, fills optional lists, copies only known fields', async () => {
    const sent = { ...A, name: '  Agents  ', terms: [' agent* '], colour: '#3B82F6', exclusions: undefined, fields: undefined, evil: 1 };
    const stored = value(await put(sent));
    expect(stored).toEqual({ ...A, terms: ['agent*'], exclusions: [], fields: ALL_TOPIC_FIELDS });
    expect((await list()).topics).toEqual([stored]);
  });

  it('refuses a duplicate name (case- and accent-insensitive) among other ids, allows renaming the same id', async () => {
    value(await put(A));
    expect(error(await put({ ...B, name: ' aGENTS ' }))).toBe('Could not save topic "aGENTS": A topic named "Agents" already exists.');
    value(await put(topic({ id: 'cafe', name: 'Café', createdAt: 50 })));
    expect(error(await put({ ...B, name: 'CAFE' }))).toBe('Could not save topic "CAFE": A topic named "Café" already exists.');
    expect((await list()).topics.map((t) => t.id)).toEqual(['a', 'cafe']);
    expect(value(await put({ ...A, name: 'AGENTS', mode: 'mute' }))).toMatchObject({ name: 'AGENTS', mode: 'mute' });
  });

  it('applies the options page rules (validateTopic): terms must parse, colours need contrast, all messages at once', async () => {
    expect(error(await put({ ...A, terms: ['a*', 'agents', 'Agents'], colour: '#ffff00' }))).toBe(
      'Could not save topic "Agents": Term "a*": the prefix "a*" is too short (at least 2 letters). ' +
        'Term "Agents" duplicates "agents". The colour #ffff00 has too little contrast on light or dark pages.',
    );
    expect(error(await put({ ...A, fields: [] }))).toBe('Could not save topic "Agents": Choose at least one field to search.');
    expect(await keysIn('sync')).toEqual([]);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['no topic', undefined, /^Bad request \(topics\/put\): topic must be an object/],
    ['an empty name', { ...A, name: '' }, /topic\.name must not be empty/],
    ['a blank name', { ...A, name: '   \n ' }, /topic\.name must not be empty/],
    ['a numeric name', { ...A, name: 5 }, /topic\.name must be a string \(got 5\)/],
    ['a too long name', { ...A, name: 'x'.repeat(TOPIC_LIMITS.name + 1) }, /topic\.name is longer than 80 characters/],
    ['no terms', { ...A, terms: [] }, /topic\.terms must have at least one term/],
    ['terms as a string', { ...A, terms: 'agents' }, /topic\.terms must be an array of strings/],
    ['an empty term', { ...A, terms: ['agents', '  '] }, /topic\.terms\[1\] is empty/],
    ['an empty exclusion', { ...A, exclusions: [''] }, /topic\.exclusions\[0\] is empty/],
    ['a bad colour', { ...A, colour: 'blue' }, /topic\.colour must be a colour like "#3b82f6" \(got "blue"\)/],
    ['a bad mode', { ...A, mode: 'hide' }, /topic\.mode must be "highlight" or "mute"/],
    ['an unknown field', { ...A, fields: ['title', 'body'] }, /topic\.fields must be a list of "title", "abstract"/],
    ['a bad id', { ...A, id: 'a b' }, /topic\.id must be 1–64 letters/],
    ['no createdAt', { ...A, createdAt: undefined }, /topic\.createdAt must be a time in ms/],
  ];

  it.each(bad)('refuses a topic with %s, storing nothing', async (_label, t, expected) => {
    expect(error(await put(t))).toMatch(expected);
    expect(await keysIn('sync')).toEqual([]);
    expect(await keysIn('local')).toEqual([]);
  });

  it('a 5,000-term topic is accepted and kept in local, and the list says why', async () => {
    const big = hugeTopic();
    expect(value(await put(big))).toEqual(big);
    value(await put(A));
    expect(await keysIn('local')).toEqual(['topic:huge']);
    const l = await list();
    expect(l.topics).toEqual([A, big]);
    expect(l.storage).toEqual({ area: 'mixed', reason: expect.stringMatching(/"Every model name" is too large to sync/) });
  });

  it('a sync quota rejection still saves the topic (in local) and the list says why', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error(CHROME_ERRORS.total));
    expect(value(await put(A))).toEqual(A);
    expect(await list()).toEqual({
      topics: [A],
      storage: { area: 'local', reason: expect.stringMatching(/^Sync storage is full .*"Agents"/) },
      skipped: [],
    });
  });

  it('a corrupt item is skipped and reported by topics/list, not fatal', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    value(await put(A));
    await fakeBrowser.storage.sync.set({ 'topic:zzz': { v: 1, topic: 'garbage' } });
    expect(await list()).toEqual({ topics: [A], storage: { area: 'sync', reason: null }, skipped: [{ area: 'sync', key: 'topic:zzz' }] });
    expect(warn).toHaveBeenCalled();
  });

  it('a storage failure is reported with what failed', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error(CHROME_ERRORS.perMinute));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('disk full'));
    expect(error(await put(A))).toBe('Could not save topic "Agents": disk full');
  });

  it('refuses a bad id for topics/delete', async () => {
    expect(error(await handleRequest({ type: 'topics/delete', id: 'a/b' }))).toMatch(
      /^Bad request \(topics\/delete\): id must be a topic id \(got "a\/b"\)/,
    );
  });

  it('concurrent puts from many tabs all land', async () => {
    const topics: Topic[] = Array.from({ length: 30 }, (_, i) => topic({ id: `t${i}`, name: `Topic ${i}`, createdAt: i }));
    const replies = await Promise.all(topics.map((t) => put(t)));
    expect(replies.every((r) => r.ok)).toBe(true);
    expect((await list()).topics).toEqual(topics);
  });

  it('concurrent puts of the same new name: exactly one wins', async () => {
    const replies = await Promise.all([put(topic({ id: 'x1', name: 'Same' })), put(topic({ id: 'x2', name: 'same' }))]);
    expect(replies.filter((r) => r.ok)).toHaveLength(1);
    expect((await list()).topics).toHaveLength(1);
  });
});

describe('prefs/set', () => {
  const set = (patch: unknown) => handleRequest({ type: 'prefs/set', patch } as never);

  it('applies a patch and returns the complete prefs', async () => {
    expect(value(await set({ precedence: 'mute-wins', hideStyle: 'remove' }))).toEqual({
      showToolbar: true,
      precedence: 'mute-wins',
      keyboard: true,
      keyboardSkipSeen: false,
      highlightStyle: 'accent',
      hideStyle: 'remove',
      topicSync: true,
      digestEvery: '3h',
      digestNotify: false,
    });
    expect(await readPrefs()).toMatchObject({ precedence: 'mute-wins', hideStyle: 'remove' });
    expect(value(await set({}))).toMatchObject({ precedence: 'mute-wins' });
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['no patch', undefined, /^Bad request \(prefs\/set\): patch must be an object of preferences/],
    ['an array', [], /patch must be an object/],
    ['an unknown key', { topicsync: false }, /patch has an unknown preference "topicsync"/],
    ['a string boolean', { keyboard: 'false' }, /patch\.keyboard must be true or false \(got "false"\)/],
    ['an unknown precedence', { precedence: 'both' }, /patch\.precedence must be "highlight-wins" or "mute-wins"/],
    ['an unknown style', { highlightStyle: 'loud' }, /patch\.highlightStyle must be "accent" or "subtle"/],
    ['an unknown hide style', { hideStyle: 'blur' }, /patch\.hideStyle must be "placeholder" or "remove"/],
  ];

  it.each(bad)('refuses %s and changes nothing', async (_label, patch, expected) => {
    expect(error(await set(patch))).toMatch(expected);
    expect(await fakeBrowser.storage.local.get('prefs')).toEqual({});
  });

  it('turning topicSync off then on moves the topics without loss', async () => {
    value(await put(A));
    value(await put(B));
    value(await set({ topicSync: false }));
    expect(await keysIn('sync')).toEqual([]);
    expect(await list()).toEqual({ topics: [B, A], storage: { area: 'local', reason: SYNC_OFF_REASON }, skipped: [] });
    // New topics go to local while sync is off.
    const C = topic({ id: 'c', name: 'Compilers', createdAt: 40 });
    value(await put(C));
    expect(await keysIn('local')).toEqual(['topic:a', 'topic:b', 'topic:c']);

    value(await set({ topicSync: true }));
    expect(await keysIn('local')).toEqual([]);
    expect(await keysIn('sync')).toEqual(['topic:a', 'topic:b', 'topic:c']);
    expect(await list()).toEqual({ topics: [B, A, C], storage: { area: 'sync', reason: null }, skipped: [] });
  });

  it('if the move fails, the preference is not changed', async () => {
    value(await put(A));
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('disk full'));
    expect(error(await set({ topicSync: false }))).toBe('Could not save the preferences: disk full');
    vi.restoreAllMocks();
    expect((await readPrefs()).topicSync).toBe(true);
    expect(await keysIn('sync')).toEqual(['topic:a']);
  });
});

describe('page/papers', () => {
  const send = (msg: Record<string, unknown>) => handleRequest({ type: 'page/papers', ...msg } as never);
  const URL_ = 'https://huggingface.co/papers/date/2026-11-27';
  const paper = (i: number) => ({ id: `2601.${String(i).padStart(5, '0')}`, title: `Paper ${i}` });

  it('stores the papers for readLastPage', async () => {
    const papers = [{ ...paper(1), abstract: 'A.', keywords: ['k'], authors: ['Ada'], organization: 'Org' }, paper(2)];
    expect(value(await send({ url: URL_, papers }))).toEqual({ stored: 2 });
    expect(await readLastPage()).toEqual({ v: 1, url: URL_, at: expect.any(Number), papers });
  });

  it('keeps at most 300 papers and clamps every string', async () => {
    const oversized = {
      title: 't'.repeat(10_000),
      abstract: 'a'.repeat(100_000),
      keywords: new Array<string>(500).fill('k'.repeat(1_000)),
      authors: new Array<string>(500).fill('n'.repeat(1_000)),
      organization: 'o'.repeat(10_000),
    };
    const papers = Array.from({ length: 350 }, (_, i) => ({ ...paper(i + 1), ...oversized }));
    expect(value(await send({ url: `${URL_}?${'q'.repeat(10_000)}`, papers }))).toEqual({ stored: 300 });
    const page = (await readLastPage())!;
    expect(page.papers).toHaveLength(LAST_PAGE_LIMITS.papers);
    // An address longer than we keep is dropped rather than cut (a cut URL would be a link to the wrong page).
    expect(page.url).toBe('');
    const p = page.papers[299]!;
    expect(p.id).toBe('2601.00300');
    expect(p.title).toHaveLength(LAST_PAGE_LIMITS.title);
    expect(p.abstract).toHaveLength(LAST_PAGE_LIMITS.abstract);
    expect(p.keywords).toHaveLength(LAST_PAGE_LIMITS.keywords);
    expect(p.keywords![0]).toHaveLength(LAST_PAGE_LIMITS.keyword);
    expect(p.authors).toHaveLength(LAST_PAGE_LIMITS.authors);
    expect(p.authors![0]).toHaveLength(LAST_PAGE_LIMITS.author);
    expect(p.organization).toHaveLength(LAST_PAGE_LIMITS.organization);
    // Small enough to rewrite on every visit.
    expect(JSON.stringify(page).length).toBeLessThan(4_000_000);
  });

  it('an identical report is not rewritten', async () => {
    value(await send({ url: URL_, papers: [paper(1)] }));
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    expect(value(await send({ url: URL_, papers: [paper(1)] }))).toEqual({ stored: 1 });
    expect(set).not.toHaveBeenCalled();
    value(await send({ url: URL_, papers: [paper(1), paper(2)] }));
    expect(set).toHaveBeenCalledTimes(1);
  });

  const bad: Array<[string, Record<string, unknown>, RegExp]> = [
    ['no url', { papers: [] }, /^Bad request \(page\/papers\): url must be a string/],
    ['papers not a list', { url: URL_, papers: 'x' }, /papers must be an array/],
    ['a paper with a bad id', { url: URL_, papers: [paper(1), { id: 'x', title: 'T' }] }, /papers\[1\]\.id must be an arXiv id/],
    ['a paper without title', { url: URL_, papers: [{ id: '2601.00001' }] }, /papers\[0\]\.title must be a string/],
    ['authors as a string', { url: URL_, papers: [{ ...paper(1), authors: 'Ada' }] }, /papers\[0\]\.authors must be an array of strings/],
    ['a numeric abstract', { url: URL_, papers: [{ ...paper(1), abstract: 3 }] }, /papers\[0\]\.abstract must be a string \(got 3\)/],
  ];

  it.each(bad)('refuses %s', async (_label, msg, expected) => {
    expect(error(await send(msg))).toMatch(expected);
    expect(await fakeBrowser.storage.local.get(LAST_PAGE_KEY)).toEqual({});
  });

  it('readLastPage tolerates junk in storage', async () => {
    await fakeBrowser.storage.local.set({ [LAST_PAGE_KEY]: 'junk' });
    expect(await readLastPage()).toBeNull();
    await fakeBrowser.storage.local.set({ [LAST_PAGE_KEY]: { url: URL_, at: 'x', papers: [paper(1), { id: 5 }, null, { ...paper(2), authors: [1] }] } });
    expect(await readLastPage()).toEqual({ v: 1, url: URL_, at: 0, papers: [paper(1), paper(2)] });
  });
});

describe('routing', () => {
  it('the background claims the new types, but not the content script\'s page/stats', () => {
    for (const type of ['topics/list', 'topics/put', 'topics/delete', 'prefs/set', 'page/papers', 'topics/typo', 'prefs/typo']) {
      expect(isBackgroundMessage({ type }), type).toBe(true);
    }
    expect(isBackgroundMessage({ type: 'page/stats' })).toBe(false);
    expect(isBackgroundMessage({ type: 'page/other' })).toBe(false);
  });

  it('validateRequest accepts well-formed new requests', () => {
    for (const req of [
      { type: 'topics/list' },
      { type: 'topics/put', topic: A },
      { type: 'topics/delete', id: 'a' },
      { type: 'prefs/set', patch: { keyboard: false } },
      { type: 'page/papers', url: 'https://huggingface.co/papers', papers: [{ id: '2601.00001', title: 'T' }] },
    ]) {
      expect(validateRequest(req)).toEqual({ ok: true, req });
    }
    expect(validateRequest({ type: 'topics/typo' })).toEqual({ ok: false, error: 'Bad request: unknown type "topics/typo"' });
  });
});
