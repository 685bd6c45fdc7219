import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { restoreBackupText } from '../../../entrypoints/background/restore';
import { makeBackup, serializeBackup, type BackupFile } from '../../../utils/backup/backup-file';
import { LibraryMirror } from '../../../entrypoints/content/pipeline/library-state';
import { CHANGE_KEY, type ChangeEvent } from '../../../utils/messaging/protocol';
import * as db from '../../../utils/storage/library-db';
import { clearHidden, clearSaved, putHidden, putSaved, snapshotHidden, snapshotSaved } from '../../../utils/storage/library-db';
import { readLastPage } from '../../../utils/storage/last-page';
import { DEFAULT_PREFS, readPrefs } from '../../../utils/storage/prefs';
import { listTopics } from '../../../utils/storage/topic-store';
import { topic } from '../topics-store/sample-topics';
import { hidden, saved } from './records';
import { value, error, send } from '../replies';

beforeEach(async () => {
  await clearSaved();
  await clearHidden();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const restore = (text: string) => send({ type: 'backup/restore', text });
const lastChange = async () => (await fakeBrowser.storage.local.get(CHANGE_KEY))[CHANGE_KEY] as ChangeEvent | undefined;

/** Everything PaperSift keeps, exactly as stored (raw IndexedDB entries, both storage areas). */
async function everything() {
  return {
    saved: await snapshotSaved(),
    hidden: await snapshotHidden(),
    local: await fakeBrowser.storage.local.get(null),
    sync: await fakeBrowser.storage.sync.get(null),
  };
}

const AGENTS = topic({ id: 'agents', name: 'Agents', createdAt: 10 });
const ATTENTION = topic({ id: 'attention', name: 'Attention', terms: ['attention'], createdAt: 20, colour: '#16a34a' });

/** A library with a bit of everything, set up through the background like a reader would. */
async function seedState() {
  await putSaved(saved(0, { tags: ['ontology'], note: 'mine' }));
  await putSaved(saved(1));
  await putHidden(hidden(7));
  value(await send({ type: 'topics/put', topic: AGENTS }));
  value(await send({ type: 'prefs/set', patch: { keyboard: false } }));
}

function backupText(over: Partial<BackupFile> = {}): string {
  const base = makeBackup(
    {
      saved: [saved(0, { tags: ['ontology', 'from-backup'], note: 'mine, and longer' }), saved(1), saved(2), saved(3)],
      hidden: [hidden(7), hidden(8)],
      topics: [AGENTS, ATTENTION],
      settings: { ...DEFAULT_PREFS, keyboard: false, hideStyle: 'remove' },
    },
    Date.UTC(2026, 10, 29),
  );
  return serializeBackup({ ...base, ...over });
}

describe('backup/restore', () => {
  it('merges the backup in and reports what it did', async () => {
    await seedState();
    const result = value(await restore(backupText()));
    expect(result).toEqual({
      summary: '2 new, 1 updated, 1 skipped because already identical; 1 hidden paper added; 1 topic added, 1 skipped because you already have it; 1 setting restored',
      applied: true,
      warnings: [],
    });
    const lib = value(await send({ type: 'library/list' }));
    expect(lib.map((p) => p.id)).toEqual([saved(3).id, saved(2).id, saved(1).id, saved(0).id]);
    expect(lib.at(-1)).toMatchObject({ tags: ['ontology', 'from-backup'], note: 'mine, and longer' });
    expect(value(await send({ type: 'hidden/list' })).map((h) => h.id).sort()).toEqual([hidden(7).id, hidden(8).id].sort());
    expect((await listTopics()).map((t) => t.id)).toEqual(['agents', 'attention']);
    expect(await readPrefs()).toEqual({ ...DEFAULT_PREFS, keyboard: false, hideStyle: 'remove' });
  });

  it('backup → reset → restore gives back the same data', async () => {
    await seedState();
    const before = await Promise.all([db.listSaved(), db.listHidden(), listTopics(), readPrefs()]);
    const text = serializeBackup(value(await send({ type: 'backup/export' })));
    expect(value(await send({ type: 'data/reset' }))).toEqual({ ok: true });
    expect(await db.listSaved()).toEqual([]);
    value(await restore(text));
    expect(await Promise.all([db.listSaved(), db.listHidden(), listTopics(), readPrefs()])).toEqual(before);
    // Restoring the same file again changes nothing.
    expect(value(await restore(text)).summary).toBe(
      '0 new, 0 updated, 2 skipped because already identical; 0 topics added, 1 skipped because you already have it; settings unchanged',
    );
  });

  it('tells open tabs to reload after a restore', async () => {
    const mirror = new LibraryMirror();
    mirror.load({ savedIds: [], hidden: [], rev: 0 });
    value(await restore(backupText()));
    const event = (await lastChange())!;
    expect(mirror.applyEvent(event)).toBe(false);
  });

  it('all or nothing: a failing hidden-papers write leaves saved, hidden, topics and settings exactly as before', async () => {
    await seedState();
    const before = await everything();
    const spy = vi.spyOn(db, 'putHiddenMany').mockRejectedValue(new DOMException('disk full', 'QuotaExceededError'));
    const message = error(await restore(backupText()));
    expect(spy).toHaveBeenCalled();
    expect(message).toBe('Could not restore the backup: disk full. Nothing was changed: your data is as it was before.');
    expect(await everything()).toEqual(before);
  });

  it('all or nothing: a failure in the last step (a topic write) also undoes the papers and the settings', async () => {
    await seedState();
    const before = await everything();
    const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    const realSyncSet = fakeBrowser.storage.sync.set.bind(fakeBrowser.storage.sync);
    const refuseTopic = (items: Record<string, unknown>) => Object.keys(items).includes('topic:attention');
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockImplementation(async (items) => {
      if (refuseTopic(items)) throw new Error('QUOTA_BYTES quota exceeded');
      return realSyncSet(items);
    });
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (refuseTopic(items)) throw new Error('storage is broken');
      return realSet(items);
    });
    const message = error(await restore(backupText()));
    expect(message).toMatch(/^Could not restore the backup: storage is broken\. Nothing was changed/);
    expect(await everything()).toEqual(before);
  });

  it('says so when even putting the old data back fails', async () => {
    await seedState();
    vi.spyOn(db, 'putHiddenMany').mockRejectedValue(new Error('disk full'));
    vi.spyOn(db, 'restoreSavedSnapshot').mockRejectedValue(new Error('disk gone'));
    expect(error(await restore(backupText()))).toBe(
      'Could not restore the backup: disk full. Putting the previous data back failed too: could not put back the saved papers (disk gone). Restore a backup to recover.',
    );
  });

  describe('a bad file changes nothing and says precisely what is wrong', () => {
    const cases: Array<[string, () => string, RegExp]> = [
      ['not JSON', () => 'this is not json', /not valid JSON: .*line 1, column 1/],
      ['truncated', () => backupText().slice(0, 700), /The file is cut off: .*\(line \d+, column \d+\)/],
      ['empty', () => '', /The file is empty/],
      ['oversized (over 50 MB)', () => `{"format":"papersift-backup","pad":"${'x'.repeat(50 * 1024 * 1024)}"}`, /backups are limited to 50 MB/],
      ['from a newer PaperSift', () => backupText({ schema: 99 as 1 }), /schema is 99: this backup was made by a newer version of PaperSift/],
      ['not a PaperSift backup', () => JSON.stringify({ hello: 'world' }), /format is missing: this is not a PaperSift backup/],
      ['a bad field in an entry', () => backupText().replace(`"title": ${JSON.stringify(saved(2).title)}`, '"title": 42'), /saved\[2\]\.title must be a string, not a number/],
      ['a duplicate key that could reach the prototype', () => backupText().replace('"saved": [', '"__proto__": {"polluted": true}, "saved": ['), /__proto__/],
      ['a javascript: link', () => backupText().replace('"hf": "https://huggingface.co/papers/2508.19428"', '"hf": "javascript:alert(1)"'), /saved\[0\]\.links\.hf/],
      ['runaway nesting', () => backupText({ settings: JSON.parse('['.repeat(100) + ']'.repeat(100)) }), /nest|deep/i],
      ['a bad topic', () => backupText({ topics: [AGENTS, { ...ATTENTION, colour: 'red' }] }), /topics\[1\]\.colour must be a colour/],
      ['a topic that breaks the topic rules', () => backupText({ topics: [{ ...ATTENTION, terms: ['/(a+)+$/'] }] }), /topics\[0\] \(topic "Attention"\)/],
      ['a bad setting', () => backupText({ settings: { ...DEFAULT_PREFS, hideStyle: 'explode' } }), /settings\.hideStyle must be "placeholder" or "remove", not "explode"/],
    ];
    for (const [name, text, expected] of cases) {
      it(name, async () => {
        await seedState();
        const before = await everything();
        const message = error(await restore(text()));
        if (process.env.SHOW_MESSAGES) console.log(name, '→', message.slice(0, 400));
        expect(message).toMatch(/^Could not restore the backup: the file has (a problem|\d+ problems), so nothing was changed\.\n/);
        expect(message).toMatch(expected);
        expect(await everything()).toEqual(before);
      });
    }
  });

  it('upgrades a backup from an older schema through the migration steps', async () => {
    const v1 = JSON.parse(backupText()) as Record<string, unknown>;
    // A made-up schema 0 that called the library "papers" and had no hidden list.
    const { saved: papers, hidden: _hidden, ...rest } = v1;
    const v0 = JSON.stringify({ ...rest, schema: 0, papers });
    const migrations = { 0: (doc: Record<string, unknown>) => ({ ...doc, saved: doc.papers, papers: undefined, hidden: [] }) };
    const result = await restoreBackupText(v0, { migrations });
    expect(result.warnings).toContain('Upgraded the backup from schema 0 to 1.');
    expect((await db.listSaved()).map((p) => p.id).sort()).toEqual([0, 1, 2, 3].map((i) => saved(i).id).sort());
    // Without a step for it, an older schema is refused with the reason.
    await expect(restoreBackupText(v0)).rejects.toThrow(/schema 0 is too old/);
  });
});

describe('data/reset', () => {
  it('clears the library, hidden papers, topics, settings and the last page seen, and tells tabs to reload', async () => {
    await seedState();
    const url = 'https://huggingface.co/papers/date/2026-11-27';
    value(await send({ type: 'page/papers', url, papers: [{ id: '2410.24210', title: 'TabM', abstract: 'Tabular models.' }] }));
    expect(await readLastPage()).toMatchObject({ url });
    const mirror = new LibraryMirror();
    mirror.load(value(await send({ type: 'state/get' })));
    expect(value(await send({ type: 'data/reset' }))).toEqual({ ok: true });
    expect(await db.listSaved()).toEqual([]);
    expect(await db.listHidden()).toEqual([]);
    expect(await listTopics()).toEqual([]);
    expect(await readPrefs()).toEqual(DEFAULT_PREFS);
    expect(await readLastPage()).toBeNull();
    const sync = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(sync).filter((k) => k.startsWith('topic:'))).toEqual([]);
    expect(mirror.applyEvent((await lastChange())!)).toBe(false);
    expect(value(await send({ type: 'state/get' }))).toMatchObject({ savedIds: [], hidden: [] });
  });

  it('a failure part-way puts everything back', async () => {
    await seedState();
    const before = await everything();
    vi.spyOn(db, 'clearHidden').mockRejectedValue(new Error('disk says no'));
    expect(error(await send({ type: 'data/reset' }))).toBe('Could not reset PaperSift: disk says no. Nothing was changed: your data is as it was before.');
    expect(await everything()).toEqual(before);
  });
});
