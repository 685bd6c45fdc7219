import { describe, expect, it } from 'vitest';
import { makeBackup, serializeBackup } from '../../../utils/backup/backup-file';
import { validateBackup } from '../../../utils/backup/validate-backup';
import { SEEN_LIMIT } from '../../../utils/digest/seen-set';
import { edited, NOW, validBackup } from './backup-fixtures';

describe('the seen set in a backup', () => {
  it('is written when given and read back exactly', () => {
    const backup = makeBackup({ saved: [], hidden: [], topics: [], settings: {}, seen: ['2508.19428', '2410.17396'] }, NOW);
    expect(backup.seen).toEqual(['2508.19428', '2410.17396']);
    const checked = validateBackup(serializeBackup(backup));
    expect(checked).toMatchObject({ ok: true, warnings: [] });
    expect(checked.ok && checked.backup.seen).toEqual(['2508.19428', '2410.17396']);
  });

  it('is optional: a backup made before it still reads, without a seen list', () => {
    const checked = validateBackup(serializeBackup(validBackup()));
    expect(checked.ok).toBe(true);
    expect(checked.ok && 'seen' in checked.backup).toBe(false);
  });

  it('refuses anything but arXiv ids, and more than the seen set keeps', () => {
    const bad = validateBackup(edited((d) => (d.seen = ['2508.19428', 'javascript:alert(1)'])));
    expect(bad).toMatchObject({ ok: false, errors: [{ path: 'seen[1]', message: expect.stringMatching(/arXiv id/) }] });
    expect(validateBackup(edited((d) => (d.seen = 'all'))).ok).toBe(false);
    const many = Array.from({ length: SEEN_LIMIT + 1 }, (_, i) => `2601.${String(i).padStart(5, '0')}`);
    expect(validateBackup(edited((d) => (d.seen = many)))).toMatchObject({ ok: false, errors: [{ path: 'seen', message: expect.stringMatching(/limit is 50000/) }] });
  });

  it('drops repeated ids', () => {
    const checked = validateBackup(edited((d) => (d.seen = ['2508.19428', '2508.19428'])));
    expect(checked.ok && checked.backup.seen).toEqual(['2508.19428']);
  });
});
