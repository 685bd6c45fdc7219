import { describe, expect, it } from 'vitest';
import {
  SYNC_LIMITS,
  fitsSyncItem,
  oversizedReason,
  syncItemBytes,
  syncRefusalReason,
} from '../../../utils/storage/sync-quota';
import {
  isTopicKey,
  makeTopicItem,
  migrateTopicItem,
  newerCopy,
  readTopicItem,
  TOPIC_ITEM_VERSION,
  TOPIC_KEY_PREFIX,
  topicKey,
} from '../../../utils/storage/topic-item';
import { CHROME_ERRORS, hugeTopic, topic } from './sample-topics';

describe('topic keys', () => {
  it('one key per topic id, recognised in either area', () => {
    expect(TOPIC_KEY_PREFIX).toBe('topic:');
    expect(topicKey('abc-1')).toBe('topic:abc-1');
    expect(isTopicKey('topic:abc-1')).toBe(true);
    expect(isTopicKey('topic:')).toBe(false);
    expect(isTopicKey('topic:has space')).toBe(false);
    expect(isTopicKey('papersift:topicStorage')).toBe(false);
    expect(isTopicKey('prefs')).toBe(false);
  });
});

describe('migrateTopicItem', () => {
  it('reads a current item back unchanged', () => {
    const t = topic();
    const item = makeTopicItem(t, 5_000);
    expect(item).toEqual({ v: TOPIC_ITEM_VERSION, topic: t, updatedAt: 5_000 });
    expect(migrateTopicItem(structuredClone(item))).toEqual(t);
    expect(readTopicItem(structuredClone(item))).toEqual(item);
  });

  it('upgrades a bare topic (schema 0, no envelope)', () => {
    const t = topic();
    expect(readTopicItem(structuredClone(t))).toEqual({ v: 1, topic: t, updatedAt: t.createdAt });
  });

  it('reads an item from a newer version through the fields it knows', () => {
    const t = topic();
    expect(migrateTopicItem({ v: 7, topic: { ...t, sparkle: true }, updatedAt: 9, extra: [] })).toEqual(t);
  });

  it('is null for junk and for a missing or mistyped required field', () => {
    const t = topic();
    const junk: unknown[] = [
      undefined,
      null,
      42,
      'topic',
      [t],
      { v: 'one', topic: t },
      { v: -1, topic: t },
      { v: 1, topic: 'x' },
      { v: 1, topic: { ...t, id: 'bad id!' } },
      { v: 1, topic: { ...t, name: '   ' } },
      { v: 1, topic: { ...t, name: 7 } },
      { v: 1, topic: { ...t, mode: 'hide' } },
      { v: 1, topic: { ...t, terms: [] } },
      { v: 1, topic: { ...t, terms: 'agents' } },
      { v: 1, topic: { ...t, terms: ['', 3, null] } },
    ];
    for (const raw of junk) expect(migrateTopicItem(raw), JSON.stringify(raw) ?? String(raw)).toBeNull();
  });

  it('gives mistyped optional fields their defaults instead of losing the topic', () => {
    const raw = {
      v: 1,
      topic: { ...topic(), colour: 'red', exclusions: 'none', fields: ['title', 'body', 'title'], createdAt: 'then', terms: ['ok', 5, ''] },
      updatedAt: 'now',
    };
    expect(readTopicItem(raw)).toEqual({
      v: 1,
      topic: { ...topic(), colour: '#3b82f6', exclusions: [], fields: ['title'], createdAt: 0, terms: ['ok'] },
      updatedAt: 0,
    });
  });
});

describe('newerCopy', () => {
  const copy = (area: 'sync' | 'local', updatedAt: number) => ({ area, item: makeTopicItem(topic(), updatedAt) });

  it('the copy written last wins; the local copy wins a tie', () => {
    expect(newerCopy(copy('sync', 2), copy('local', 1)).area).toBe('sync');
    expect(newerCopy(copy('local', 1), copy('sync', 2)).area).toBe('sync');
    expect(newerCopy(copy('sync', 1), copy('local', 2)).area).toBe('local');
    expect(newerCopy(copy('sync', 5), copy('local', 5)).area).toBe('local');
    expect(newerCopy(copy('local', 5), copy('sync', 5)).area).toBe('local');
  });
});

describe('sync quota', () => {
  it('uses the browser constants', () => {
    expect(SYNC_LIMITS).toEqual({
      QUOTA_BYTES: 102_400,
      QUOTA_BYTES_PER_ITEM: 8_192,
      MAX_ITEMS: 512,
      MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
      MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
    });
  });

  it('agrees with what Chromium accepts and refuses (measured with a 1-byte key and a string value)', () => {
    const cases: Array<[string, number, number]> = [
      // [character, most that fit, first count refused], as measured in Chromium's storage.sync
      ['a', 8_189, 8_190],
      ['>', 8_189, 8_190],
      ['é', 4_094, 4_095],
      ['😀', 2_047, 2_048],
      ['<', 1_364, 1_365],
      ['\u2028', 1_364, 1_365],
    ];
    for (const [ch, fits, refused] of cases) {
      expect(fitsSyncItem('k', ch.repeat(fits)), `${ch} × ${fits}`).toBe(true);
      expect(fitsSyncItem('k', ch.repeat(refused)), `${ch} × ${refused}`).toBe(false);
    }
  });

  it('measures key + JSON value in UTF-8 bytes', () => {
    expect(syncItemBytes('k', { a: 'é' })).toBe(1 + '{"a":"é"}'.length + 1);
    const key = topicKey('x');
    const ascii = { s: 'a'.repeat(8_192 - key.length - '{"s":""}'.length) };
    expect(syncItemBytes(key, ascii)).toBe(8_192);
    expect(fitsSyncItem(key, ascii)).toBe(true);
    expect(fitsSyncItem(key, { s: `${ascii.s}a` })).toBe(false);
    // Two bytes per "é": half as many characters already exceed the limit.
    expect(fitsSyncItem(key, { s: 'é'.repeat(4_100) })).toBe(false);
    expect(fitsSyncItem(topicKey('huge'), makeTopicItem(hugeTopic(), 1))).toBe(false);
    expect(fitsSyncItem(topicKey('llm-agents'), makeTopicItem(topic(), 1))).toBe(true);
  });

  it('explains each real refusal message in a sentence naming the topic', () => {
    const cases: Array<[string, RegExp]> = [
      [CHROME_ERRORS.perItem, /too large to sync/],
      [CHROME_ERRORS.perItemNew, /too large to sync/],
      [CHROME_ERRORS.total, /Sync storage is full/],
      [CHROME_ERRORS.totalNew, /Sync storage is full/],
      [CHROME_ERRORS.items, /too many items/],
      [CHROME_ERRORS.perMinute, /Too many changes in one minute/],
      [CHROME_ERRORS.perHour, /Too many changes in one hour/],
      [CHROME_ERRORS.firefox, /quota is used up/],
      ['Please set webextensions.storage.sync.enabled to true in about:config', /could not store .*about:config/],
    ];
    for (const [message, expected] of cases) {
      const reason = syncRefusalReason(new Error(message), 'LLM agents');
      expect(reason, message).toMatch(expected);
      expect(reason).toContain('"LLM agents"');
      expect(reason).toMatch(/this browser only/);
    }
  });

  it('says how large an oversized topic is', () => {
    expect(oversizedReason('Every model name', 61_234)).toBe(
      'The topic "Every model name" is too large to sync (61,234 bytes; the browser syncs at most 8,192 bytes per topic), ' +
        'so it is kept in this browser only.',
    );
  });
});
