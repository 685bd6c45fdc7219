import { describe, expect, it } from 'vitest';
import { BACKUP_SCHEMA } from '../../../utils/backup/backup-file';
import { BACKUP_MIGRATIONS, migrateBackup, type MigrationTable } from '../../../utils/backup/migrations';
import { validateBackup } from '../../../utils/backup/validate-backup';
import { validBackup } from './backup-fixtures';

/**
 * A made-up schema 0, only for this test: papers lived under `library`, hidden papers did not exist and the
 * format was called "papersift". The step below is injected; production code has no schema 0.
 */
function schemaZeroText(): string {
  const { saved, topics, settings, exportedAt } = validBackup();
  return JSON.stringify({ format: 'papersift-backup', schema: 0, exportedAt, library: saved, topics, settings });
}

const zeroToOne: MigrationTable = {
  0: ({ library, ...rest }) => ({ ...rest, saved: library, hidden: [] }),
};

describe('backup migrations', () => {
  it('has no steps yet: schema 1 is the first', () => {
    expect(BACKUP_SCHEMA).toBe(1);
    expect(Object.keys(BACKUP_MIGRATIONS)).toEqual([]);
  });

  it('upgrades an older file through the injected step table, then validates the result in full', () => {
    const result = validateBackup(schemaZeroText(), { migrations: zeroToOne });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual(['Upgraded the backup from schema 0 to 1.']);
    expect(result.backup).toEqual({ ...validBackup(), hidden: [] });
  });

  it('still rejects what a step produces when it is not a valid backup', () => {
    const broken: MigrationTable = { 0: (doc) => ({ ...doc, saved: 'oops', hidden: [] }) };
    const result = validateBackup(schemaZeroText(), { migrations: broken });
    expect(result).toEqual({ ok: false, errors: [{ path: 'saved', message: 'must be an array, not a string' }] });
  });

  it('does not hand hostile structure to the steps, and checks what the steps produce', () => {
    let called = false;
    const spy: MigrationTable = { 0: (doc) => { called = true; return doc; } };
    const hostile = schemaZeroText().replace('"highlight":true', '"__proto__":{"x":1}');
    expect(validateBackup(hostile, { migrations: spy })).toEqual({
      ok: false, errors: [{ path: 'settings.__proto__', message: '"__proto__" is not allowed as a key' }],
    });
    expect(called).toBe(false);
    const sneaky: MigrationTable = { 0: ({ library, ...rest }) => ({ ...rest, saved: JSON.parse('[{"__proto__": {}}]'), hidden: [] }) };
    const result = validateBackup(schemaZeroText(), { migrations: sneaky });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toEqual({ path: 'saved[0].__proto__', message: '"__proto__" is not allowed as a key' });
  });

  it('reports a step that throws instead of throwing', () => {
    const throwing: MigrationTable = { 0: () => { throw new Error('no library'); } };
    expect(validateBackup(schemaZeroText(), { migrations: throwing })).toEqual({
      ok: false, errors: [{ path: 'schema', message: 'upgrading from backup schema 0 failed: no library' }],
    });
  });

  it('chains steps in order and stamps each intermediate schema', () => {
    const seen: number[] = [];
    const steps: MigrationTable = {
      1: (doc) => { seen.push(doc.schema as number); return { ...doc, a: 1 }; },
      2: (doc) => { seen.push(doc.schema as number); return { ...doc, b: 2 }; },
    };
    const result = migrateBackup({ schema: 1 }, 1, steps, 3);
    expect(result).toEqual({ ok: true, doc: { schema: 3, a: 1, b: 2 }, applied: [1, 2] });
    expect(seen).toEqual([1, 2]);
  });

  it('refuses a gap in the chain', () => {
    expect(migrateBackup({ schema: 0 }, 0, { 1: (d) => d }, 2)).toEqual({
      ok: false, message: 'backup schema 0 is too old: this version of PaperSift cannot upgrade it (no step from schema 0)',
    });
  });
});
