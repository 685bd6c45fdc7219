import { beforeEach, describe, expect, it } from 'vitest';
import { handleRequest } from '../../../entrypoints/background/handlers';
import { forgetSeenCache } from '../../../entrypoints/background/seen-state';
import { serializeBackup } from '../../../utils/backup/backup-file';
import { clearHidden, clearSaved } from '../../../utils/storage/library-db';
import { clearSeen, readSeenRaw } from '../../../utils/storage/seen-db';
import { error, value } from '../replies';
import { DAILY, paper } from './sample';

beforeEach(async () => {
  await clearSaved();
  await clearHidden();
  await clearSeen();
  forgetSeenCache();
});

const visit = async (ids: string[]) => value(await handleRequest({ type: 'seen/visit', ids }));
const mark = async (ids: string[]) => value(await handleRequest({ type: 'seen/mark', ids }));

describe('the seen set in the background', () => {
  it('the very first visit marks nothing new but starts the set; the next one tells the unseen cards', async () => {
    expect(await visit(['2508.19428', '2410.17396'])).toEqual({ unseen: ['2508.19428', '2410.17396'], first: true });
    expect(await mark(['2508.19428'])).toEqual({ added: 1 });
    expect(await visit(['2508.19428', '2410.17396'])).toEqual({ unseen: ['2410.17396'], first: false });
  });

  it('survives the worker stopping (kept in IndexedDB, not only in memory)', async () => {
    await visit([]);
    await mark(['2508.19428', '2410.17396', '2508.19428']);
    forgetSeenCache();
    expect(await readSeenRaw()).toEqual(['2508.19428', '2410.17396']);
    expect((await visit(['2508.19428', '1801.02475'])).unseen).toEqual(['1801.02475']);
  });

  it('saving or hiding a paper by hand makes it seen', async () => {
    await visit([]);
    value(await handleRequest({ type: 'library/save', paper: paper(0), source: DAILY }));
    value(await handleRequest({ type: 'hidden/hide', id: '2410.17396', title: 'x', reason: 'manual', source: DAILY }));
    expect((await visit(['2508.19428', '2410.17396', '1801.02475'])).unseen).toEqual(['1801.02475']);
  });

  it('refuses ids that are not arXiv ids', async () => {
    expect(error(await handleRequest({ type: 'seen/mark', ids: ['../x'] } as never))).toMatch(/ids\[0\] must be an arXiv id/);
    expect(error(await handleRequest({ type: 'seen/visit', ids: 'all' } as never))).toMatch(/ids must be an array/);
  });

  it('goes into the backup, comes back on restore (merged), and goes with a reset', async () => {
    await visit([]);
    await mark(['2508.19428']);
    const backup = value(await handleRequest({ type: 'backup/export' }));
    expect(backup.seen).toEqual(['2508.19428']);
    await handleRequest({ type: 'data/reset' });
    expect(await visit(['2508.19428'])).toEqual({ unseen: ['2508.19428'], first: true });
    await mark(['2410.17396']);
    const restored = value(await handleRequest({ type: 'backup/restore', text: serializeBackup(backup) }));
    expect(restored.summary).toMatch(/1 seen paper remembered/);
    expect(await readSeenRaw()).toEqual(['2410.17396', '2508.19428']);
  });
});
