/** The PaperSift backup file: everything the reader owns, in one JSON document. */
import type { HiddenPaper, SavedPaper } from '../storage/records';

export const BACKUP_FORMAT = 'papersift-backup';
/** Version of the backup file layout. Bump it and add a step to BACKUP_MIGRATIONS (migrations.ts) when it changes. */
export const BACKUP_SCHEMA = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  schema: typeof BACKUP_SCHEMA;
  /** ISO 8601 instant, e.g. 2026-11-29T08:30:00.000Z. */
  exportedAt: string;
  saved: SavedPaper[];
  hidden: HiddenPaper[];
  /** Owned by the topics feature; the backup only bounds their size and nesting. */
  topics: unknown[];
  settings: unknown;
  /**
   * The papers the reader has seen (arXiv ids, oldest first; the digest and "new since your last visit").
   * Optional within schema 1: older backups have none, and an older PaperSift ignores it with a warning.
   */
  seen?: string[];
}

export interface BackupContents {
  saved: SavedPaper[];
  hidden: HiddenPaper[];
  topics: unknown[];
  settings: unknown;
  seen?: readonly string[];
}

export function makeBackup(contents: BackupContents, now: Date | number): BackupFile {
  return {
    format: BACKUP_FORMAT,
    schema: BACKUP_SCHEMA,
    exportedAt: new Date(now).toISOString(),
    saved: contents.saved,
    hidden: contents.hidden,
    topics: contents.topics,
    settings: contents.settings,
    ...(contents.seen ? { seen: [...contents.seen] } : {}),
  };
}

/** The file text: indented JSON, so a reader can open and diff it. */
export function serializeBackup(backup: BackupFile): string {
  return JSON.stringify(backup, null, 2) + '\n';
}
