/**
 * Upgrading backups written by older versions. A step turns a document of schema N into one of schema N+1;
 * `migrateBackup` chains them up to the current schema. Only schema 1 exists so far, so the table is empty:
 * when the layout changes, bump BACKUP_SCHEMA and add `{ [old]: (doc) => newDoc }` here. Steps receive
 * untrusted data and need not validate it: the result is validated in full afterwards.
 */
import { BACKUP_SCHEMA } from './backup-file';

export type BackupDocument = Record<string, unknown>;
export type MigrationStep = (doc: BackupDocument) => BackupDocument;
/** Keyed by the schema a step upgrades from. */
export type MigrationTable = Readonly<Record<number, MigrationStep>>;

export const BACKUP_MIGRATIONS: MigrationTable = {};

export type MigrationResult =
  | { ok: true; doc: BackupDocument; applied: number[] }
  | { ok: false; message: string };

export function migrateBackup(
  doc: BackupDocument,
  fromSchema: number,
  steps: MigrationTable = BACKUP_MIGRATIONS,
  toSchema: number = BACKUP_SCHEMA,
): MigrationResult {
  let current = doc;
  const applied: number[] = [];
  for (let schema = fromSchema; schema < toSchema; schema++) {
    const step = Object.prototype.hasOwnProperty.call(steps, schema) ? steps[schema] : undefined;
    if (!step) {
      return { ok: false, message: `backup schema ${fromSchema} is too old: this version of PaperSift cannot upgrade it (no step from schema ${schema})` };
    }
    try {
      current = { ...step(current), schema: schema + 1 };
    } catch (err) {
      return { ok: false, message: `upgrading from backup schema ${schema} failed: ${err instanceof Error ? err.message : String(err)}` };
    }
    applied.push(schema);
  }
  return { ok: true, doc: current, applied };
}
