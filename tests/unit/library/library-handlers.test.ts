import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isBackgroundMessage, validateRequest } from '../../../entrypoints/background/validate-request';
import { BACKUP_FORMAT, BACKUP_SCHEMA } from '../../../utils/backup/backup-file';
import { LibraryMirror } from '../../../entrypoints/content/pipeline/library-state';
import { CHANGE_KEY, type ChangeEvent } from '../../../utils/messaging/protocol';
import { clearHidden, clearSaved, getSaved, listSaved, putHidden, putSaved } from '../../../utils/storage/library-db';
import { DEFAULT_PREFS } from '../../../utils/storage/prefs';
import type { SavedPaper } from '../../../utils/storage/records';
import { topic } from '../topics-store/sample-topics';
import { hidden, saved } from './records';
import { value, error, send } from '../replies';

beforeEach(async () => {
  await clearSaved();
  await clearHidden();
});

const lastChange = async () => (await fakeBrowser.storage.local.get(CHANGE_KEY))[CHANGE_KEY] as ChangeEvent | undefined;

async function seed(...recs: SavedPaper[]) {
  for (const r of recs) await putSaved(r);
}

describe('library/list and hidden/list', () => {
  it('list every record, newest first', async () => {
    await seed(saved(0), saved(2), saved(1));
    await putHidden(hidden(5));
    expect(value(await send({ type: 'library/list' }))).toEqual([saved(2), saved(1), saved(0)]);
    expect(value(await send({ type: 'hidden/list' }))).toEqual([hidden(5)]);
  });
});

describe('library/update', () => {
  it('changes tags and note only; every other field stays', async () => {
    const rec = saved(0, { tags: ['old'], note: 'first thoughts' });
    await seed(rec);
    const updated = value(await send({ type: 'library/update', id: rec.id, tags: ['  LLM ', 'ontology', 'llm', ''] }));
    expect(updated).toEqual({ ...rec, tags: ['LLM', 'ontology'] });
    expect(await getSaved(rec.id)).toEqual(updated);

    const noted = value(await send({ type: 'library/update', id: rec.id, note: 'Read §3 again' }));
    expect(noted).toEqual({ ...rec, tags: ['LLM', 'ontology'], note: 'Read §3 again' });
    expect(await getSaved(rec.id)).toEqual(noted);
    expect((await lastChange())?.change).toEqual({ type: 'saved', id: rec.id });
  });

  it('saving the paper again from a page keeps the edited note and tags', async () => {
    const rec = saved(0);
    await seed(rec);
    value(await send({ type: 'library/update', id: rec.id, tags: ['keep'], note: 'mine' }));
    const again = value(
      await send({ type: 'library/save', paper: { id: rec.id, title: rec.title, authors: rec.authors, upvotes: 999 }, source: rec.source }),
    );
    expect(again).toMatchObject({ tags: ['keep'], note: 'mine', upvotes: 999, savedAt: rec.savedAt });
    expect(await listSaved()).toHaveLength(1);
  });

  it('refuses oversized tags and notes, naming the limit, and leaves the record alone', async () => {
    const rec = saved(0, { note: 'kept' });
    await seed(rec);
    const tooMany = error(await send({ type: 'library/update', id: rec.id, tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }));
    expect(tooMany).toMatch(/^Bad request \(library\/update\): tags: That is 101 tags; a paper can have at most 100/);
    expect(error(await send({ type: 'library/update', id: rec.id, tags: ['x'.repeat(101)] }))).toMatch(/101 characters long; tags can have at most 100/);
    expect(error(await send({ type: 'library/update', id: rec.id, note: 'n'.repeat(100_001) }))).toMatch(/note: The note is 100,001 characters long/);
    expect(error(await send({ type: 'library/update', id: rec.id, note: 42 }))).toMatch(/note must be a string/);
    expect(error(await send({ type: 'library/update', id: rec.id }))).toMatch(/give tags, a note, or both/);
    // Exactly at the limits is fine.
    value(await send({ type: 'library/update', id: rec.id, tags: Array.from({ length: 100 }, (_, i) => `${'x'.repeat(96)}${i}`) }));
    expect(await getSaved(rec.id)).toMatchObject({ note: 'kept' });
  });

  it('says when the paper is not in the library', async () => {
    expect(error(await send({ type: 'library/update', id: '2601.00001', note: 'x' }))).toBe(
      'Could not save the changes to paper 2601.00001: paper 2601.00001 is not in the library (it may have been removed in another tab)',
    );
    expect(await listSaved()).toEqual([]);
  });
});

describe('library/tag (bulk)', () => {
  it('adds and removes tags on many papers in one go, leaving other fields and unknown ids alone', async () => {
    const recs = [saved(0, { tags: ['old', 'keep'], note: 'n0' }), saved(1, { tags: ['OLD'] }), saved(2, { tags: ['new'] })];
    await seed(...recs);
    const { updated } = value(await send({ type: 'library/tag', ids: [recs[0]!.id, recs[1]!.id, recs[2]!.id, '2601.00001'], add: ['new'], remove: ['old'] }));
    // recs[2] already had exactly that: not rewritten.
    expect(updated).toEqual([
      { ...recs[0], tags: ['keep', 'new'] },
      { ...recs[1], tags: ['new'] },
    ]);
    expect((await listSaved()).map((r) => [r.id, r.tags, r.note])).toEqual([
      [recs[2]!.id, ['new'], ''],
      [recs[1]!.id, ['new'], ''],
      [recs[0]!.id, ['keep', 'new'], 'n0'],
    ]);
  });

  it('refuses the whole edit when one paper would get too many tags', async () => {
    const full = saved(1, { tags: Array.from({ length: 100 }, (_, i) => `t${i}`) });
    await seed(saved(0), full);
    const message = error(await send({ type: 'library/tag', ids: [saved(0).id, full.id], add: ['one-more'], remove: [] }));
    expect(message).toMatch(new RegExp(`paper ${full.id.replace('.', '\\.')} .*101 tags; a paper can have at most 100`));
    expect(await getSaved(saved(0).id)).toEqual(saved(0));
    expect(error(await send({ type: 'library/tag', ids: [saved(0).id], add: [], remove: [] }))).toMatch(/give tags to add or to remove/);
  });
});

describe('library/remove and library/restore-records (Undo)', () => {
  it('remove returns the exact records; putting them back restores the library exactly', async () => {
    const recs = [saved(0, { tags: ['a', 'b'], note: 'note 0' }), saved(1), saved(2, { note: 'x\ny' })];
    await seed(...recs);
    const before = await listSaved();
    const { removed } = value(await send({ type: 'library/remove', ids: [recs[2]!.id, recs[0]!.id, '2601.00001', recs[0]!.id] }));
    expect(removed).toEqual([recs[2], recs[0]]);
    expect((await listSaved()).map((r) => r.id)).toEqual([recs[1]!.id]);

    // The reply crosses a message boundary (JSON) before Undo sends it back.
    const echoed = JSON.parse(JSON.stringify(removed)) as SavedPaper[];
    expect(value(await send({ type: 'library/restore-records', records: echoed }))).toEqual({ restored: 2 });
    expect(await listSaved()).toEqual(before);
  });

  it('one removed paper publishes an ordinary event; several publish one event that makes tabs reload', async () => {
    await seed(saved(0), saved(1), saved(2));
    const mirror = new LibraryMirror();
    const start = (await lastChange())?.rev ?? 0;
    mirror.load({ savedIds: [saved(0).id, saved(1).id, saved(2).id], hidden: [], rev: start });

    value(await send({ type: 'library/remove', ids: [saved(0).id] }));
    const single = (await lastChange())!;
    expect(single).toMatchObject({ rev: start + 1, change: { type: 'unsaved', id: saved(0).id } });
    expect(mirror.applyEvent(single)).toBe(true);

    value(await send({ type: 'library/remove', ids: [saved(1).id, saved(2).id] }));
    const bulk = (await lastChange())!;
    expect(bulk.change).toEqual({ type: 'unsaved', id: saved(1).id });
    // The skipped revision tells the tab it must reload the whole state.
    expect(mirror.applyEvent(bulk)).toBe(false);
  });

  it('refuses bad ids and bad records with the index of the culprit', async () => {
    expect(error(await send({ type: 'library/remove', ids: [] }))).toMatch(/at least one paper/);
    expect(error(await send({ type: 'library/remove', ids: ['2508.19428', 'nope'] }))).toMatch(/ids\[1\] must be an arXiv id/);
    expect(error(await send({ type: 'library/remove', ids: '2508.19428' }))).toMatch(/ids must be an array/);
    const bad = [saved(0), { ...saved(1), savedAt: 'yesterday' }];
    expect(error(await send({ type: 'library/restore-records', records: bad }))).toMatch(/records\[1\] is not a saved paper/);
    const longNote = [{ ...saved(0), note: 'n'.repeat(100_001) }];
    expect(error(await send({ type: 'library/restore-records', records: longNote }))).toMatch(/records\[0\]\.note/);
    expect(await listSaved()).toEqual([]);
  });
});

describe('backup/export', () => {
  it('holds the library, hidden papers, topics and settings with the schema version', async () => {
    await seed(saved(0), saved(1));
    await putHidden(hidden(3));
    value(await send({ type: 'topics/put', topic: topic() }));
    value(await send({ type: 'prefs/set', patch: { hideStyle: 'remove' } }));
    const backup = value(await send({ type: 'backup/export' }));
    expect(backup).toMatchObject({ format: BACKUP_FORMAT, schema: BACKUP_SCHEMA, saved: [saved(1), saved(0)], hidden: [hidden(3)] });
    expect(backup.topics).toEqual([topic()]);
    expect(backup.settings).toEqual({ ...DEFAULT_PREFS, hideStyle: 'remove' });
    expect(Number.isFinite(Date.parse(backup.exportedAt))).toBe(true);
  });
});

describe('routing and validation', () => {
  it('the background answers the new namespaces', () => {
    for (const type of ['library/list', 'library/update', 'library/remove', 'library/restore-records', 'hidden/list', 'backup/export', 'backup/restore', 'data/reset', 'backup/typo']) {
      expect(isBackgroundMessage({ type }), type).toBe(true);
    }
  });

  it('copies only known fields', () => {
    expect(validateRequest({ type: 'library/list', extra: 1 })).toEqual({ ok: true, req: { type: 'library/list' } });
    expect(validateRequest({ type: 'backup/restore', text: '{}', junk: true })).toEqual({ ok: true, req: { type: 'backup/restore', text: '{}' } });
    expect(validateRequest({ type: 'backup/restore', text: 42 })).toMatchObject({ ok: false, error: expect.stringMatching(/text must be the backup file's text/) });
  });
});
