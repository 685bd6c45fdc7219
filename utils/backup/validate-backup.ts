/**
 * Check a backup file's text completely before anything is restored from it. Order: size (before parsing),
 * JSON syntax (with line and column), dangerous keys and nesting, format, schema (newer → refused,
 * older → upgraded by migrations.ts), then every field of every record. All errors are collected (up to
 * BACKUP_LIMITS.maxErrors, then one summary line), each with the path of the value it is about. Never throws.
 */
import type { HiddenPaper, SavedPaper } from '../storage/records';
import { BACKUP_FORMAT, BACKUP_SCHEMA, type BackupFile } from './backup-file';
import { walkDocument } from './document-walk';
import { findJsonSyntaxError } from './json-syntax';
import { BACKUP_LIMITS } from './limits';
import { BACKUP_MIGRATIONS, migrateBackup, type MigrationTable } from './migrations';
import { childPath, Problems, type BackupError } from './problems';
import { checkHiddenPaper, checkSavedPaper } from './record-specs';
import { anyJson, arrayOf, FORBIDDEN_KEYS, isPlainObject, quote, string, typeName, type Check } from './value-checks';
import { ARXIV_ID_RE } from '../hf/selectors';
import { SEEN_LIMIT } from '../digest/seen-set';

export interface ValidateBackupOptions {
  /** Refuse larger files without parsing them. Default 50 MB. */
  maxBytes?: number;
  /** Upgrade steps for older schemas; injectable for tests. Default BACKUP_MIGRATIONS. */
  migrations?: MigrationTable;
}

export type BackupValidation =
  | { ok: true; backup: BackupFile; warnings: string[] }
  | { ok: false; errors: BackupError[] };

export function validateBackup(text: string, options: ValidateBackupOptions = {}): BackupValidation {
  try {
    return validate(text, options);
  } catch (err) {
    // Only reachable through a bug in the checks; a restore must still get an answer, not an exception.
    return refuse('', `Internal error while checking the backup: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const refuse = (path: string, message: string): BackupValidation => ({ ok: false, errors: [{ path, message }] });

const TOP_LEVEL_KEYS = new Set(['format', 'schema', 'exportedAt', 'saved', 'hidden', 'topics', 'settings', 'seen']);

/** `seen`: arXiv ids, as many as the seen set keeps. */
const seenIds = arrayOf(string({ max: 40, pattern: ARXIV_ID_RE, patternHint: 'an arXiv id like "2508.19428"' }), { max: SEEN_LIMIT });

function validate(text: unknown, options: ValidateBackupOptions): BackupValidation {
  const maxBytes = options.maxBytes ?? BACKUP_LIMITS.maxBytes;
  if (typeof text !== 'string') return refuse('', `The backup must be text, not ${typeName(text)}.`);
  // Every UTF-16 unit is at least one UTF-8 byte, so this refuses huge text without measuring it.
  if (text.length > maxBytes) return refuse('', `The file is at least ${formatSize(text.length)}; backups are limited to ${formatSize(maxBytes)}.`);
  const bytes = utf8Length(text);
  if (bytes > maxBytes) return refuse('', `The file is ${formatSize(bytes)}; backups are limited to ${formatSize(maxBytes)}.`);

  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (body.trim() === '') return refuse('', 'The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    return refuse('', jsonErrorMessage(body, err));
  }
  if (!isPlainObject(data)) return refuse('', `The file is JSON but not a PaperSift backup: it holds ${typeName(data)}, not an object.`);

  const problems = new Problems();
  walkDocument(data, problems);

  if (!Object.prototype.hasOwnProperty.call(data, 'format')) return refuse('format', 'is missing: this is not a PaperSift backup');
  if (data.format !== BACKUP_FORMAT) {
    const found = typeof data.format === 'string' ? quote(data.format) : typeName(data.format);
    return refuse('format', `must be "${BACKUP_FORMAT}", not ${found}: this is not a PaperSift backup`);
  }
  const schema = data.schema;
  if (typeof schema !== 'number' || !Number.isInteger(schema) || schema < 0) {
    return refuse('schema', `must be a whole number, not ${typeof schema === 'number' ? String(schema) : typeName(schema)}`);
  }
  if (schema > BACKUP_SCHEMA) {
    return refuse('schema', `is ${schema}: this backup was made by a newer version of PaperSift, and this version reads backup schema ${BACKUP_SCHEMA} and older. Update PaperSift, then import the file again.`);
  }
  let doc: Record<string, unknown> = data;
  if (schema < BACKUP_SCHEMA) {
    // Upgrade steps handle untrusted data: never hand them dangerous keys or runaway nesting.
    if (problems.hasErrors) return { ok: false, errors: problems.errorList() };
    const migrated = migrateBackup(data, schema, options.migrations ?? BACKUP_MIGRATIONS);
    if (!migrated.ok) return refuse('schema', migrated.message);
    if (!isPlainObject(migrated.doc)) return refuse('schema', `upgrading from backup schema ${schema} did not produce an object`);
    doc = migrated.doc;
    walkDocument(doc, problems);
    problems.warn(`Upgraded the backup from schema ${schema} to ${BACKUP_SCHEMA}.`);
  }

  const backup = checkTopLevel(doc, problems);
  if (!backup && !problems.hasErrors) problems.error('', 'The backup could not be read.'); // never an empty error list
  if (problems.hasErrors || !backup) return { ok: false, errors: problems.errorList() };
  return { ok: true, backup, warnings: problems.warningList() };
}

function checkTopLevel(doc: Record<string, unknown>, problems: Problems): BackupFile | undefined {
  for (const key of Object.keys(doc)) {
    if (!TOP_LEVEL_KEYS.has(key) && !FORBIDDEN_KEYS.has(key)) problems.warn(`Ignored unknown field ${quote(key)} at the top of the file.`);
  }
  const field = <T>(key: string, check: Check<T>): T | undefined => {
    if (!Object.prototype.hasOwnProperty.call(doc, key)) return void problems.error(key, 'is missing');
    return check(doc[key], key, problems);
  };
  const exportedAt = field('exportedAt', isoInstant);
  const saved = field('saved', arrayOf(checkSavedPaper, { max: BACKUP_LIMITS.saved }));
  reportDuplicateIds(doc.saved, 'saved', problems);
  const hidden = field('hidden', arrayOf(checkHiddenPaper, { max: BACKUP_LIMITS.hidden }));
  reportDuplicateIds(doc.hidden, 'hidden', problems);
  const topics = field('topics', arrayOf(anyJson, { max: BACKUP_LIMITS.topics }));
  const hasSettings = Object.prototype.hasOwnProperty.call(doc, 'settings');
  if (!hasSettings) problems.error('settings', 'is missing');
  // Optional: backups made before the seen set have none.
  const hasSeen = Object.prototype.hasOwnProperty.call(doc, 'seen');
  const seen = hasSeen ? seenIds(doc.seen, 'seen', problems) : undefined;
  if (exportedAt === undefined || saved === undefined || hidden === undefined || topics === undefined || !hasSettings) return undefined;
  if (hasSeen && seen === undefined) return undefined;
  return {
    format: BACKUP_FORMAT,
    schema: BACKUP_SCHEMA,
    exportedAt,
    saved: saved as SavedPaper[],
    hidden: hidden as HiddenPaper[],
    topics,
    settings: doc.settings,
    ...(seen ? { seen: [...new Set(seen)] } : {}),
  };
}

const isoInstant: Check<string> = (value, path, problems) => {
  if (typeof value !== 'string') return void problems.error(path, `must be a date-time string, not ${typeName(value)}`);
  const time = value.length <= 30 ? Date.parse(value) : NaN;
  if (!Number.isFinite(time) || new Date(time).toISOString() !== value) {
    return void problems.error(path, `must be an ISO date-time like 2026-11-29T08:30:00.000Z, not ${quote(value)}`);
  }
  return value;
};

/** Same id twice in `saved` (or in `hidden`): the second and later copies are errors, naming the first. */
function reportDuplicateIds(list: unknown, key: string, problems: Problems): void {
  if (!Array.isArray(list) || list.length > BACKUP_LIMITS.hidden) return;
  const first = new Map<string, number>();
  list.forEach((item, i) => {
    if (!isPlainObject(item) || typeof item.id !== 'string') return;
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else problems.error(childPath(childPath(key, i), 'id'), `duplicates ${quote(item.id)} already at ${key}[${seen}]`);
  });
}

function jsonErrorMessage(body: string, err: unknown): string {
  const where = findJsonSyntaxError(body);
  if (!where) return `The file is not valid JSON: ${err instanceof Error ? err.message : String(err)}.`;
  if (where.truncated) {
    return `The file is cut off: ${where.message} (line ${where.line}, column ${where.column}). It may be an incomplete download or copy.`;
  }
  return `The file is not valid JSON: ${where.message} (line ${where.line}, column ${where.column}).`;
}

/** UTF-8 size without encoding: 1–3 bytes per UTF-16 unit, 4 per surrogate pair (a lone surrogate becomes U+FFFD, 3). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} byte${bytes === 1 ? '' : 's'}`;
}
