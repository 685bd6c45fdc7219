/**
 * The background's work for the options page's library: list, edit, bulk remove and Undo, backup export.
 * handlers.ts runs these inside its write queue (requests arrive validated). Errors are thrown with a reason
 * only; handlers.ts turns them into "Could not <what>: <reason>".
 */
import { makeBackup, type BackupFile } from '../../utils/backup/backup-file';
import type { LibraryChange } from '../../utils/messaging/protocol';
import { checkTags } from '../../utils/library/edit-limits';
import { getSaved, getSavedMany, listHidden, listSaved, putSaved, putSavedMany, takeSaved } from '../../utils/storage/library-db';
import { readPrefs } from '../../utils/storage/prefs';
import type { SavedPaper } from '../../utils/storage/records';
import { listTopics } from '../../utils/storage/topic-store';
import { announceBulk } from './bulk-change';
import { publishChange } from './change-bus';
import { reasonOf } from './error-reason';
import { seenList } from './seen-state';

/** One paper changed: an ordinary event. Several: one bulk event that makes tabs reload. */
async function announce(changes: LibraryChange[]): Promise<void> {
  if (changes.length === 0) return;
  if (changes.length > 1) return announceBulk(changes[0]!);
  try {
    await publishChange(changes[0]!);
  } catch (e) {
    console.warn('[PaperSift] change stored but not published:', reasonOf(e));
  }
}

/** Change tags and/or note; everything else in the record stays as it is. */
export async function updateSaved(id: string, patch: { tags?: string[]; note?: string }): Promise<SavedPaper> {
  const rec = await getSaved(id);
  if (!rec) throw new Error(`paper ${id} is not in the library (it may have been removed in another tab)`);
  const next: SavedPaper = { ...rec, tags: patch.tags ? [...patch.tags] : rec.tags, note: patch.note ?? rec.note };
  await putSaved(next);
  // Saved ids did not change, but other open library pages should show the new tags and note.
  await announce([{ type: 'saved', id }]);
  return next;
}

/**
 * Bulk tag edit: add `add` and drop `remove` (case-insensitive) on every listed paper, in one transaction.
 * Refused as a whole when a paper would end up with too many tags; unchanged papers are not rewritten.
 */
export async function tagSaved(ids: readonly string[], add: readonly string[], remove: readonly string[]): Promise<{ updated: SavedPaper[] }> {
  const drop = new Set(remove.map((t) => t.toLowerCase()));
  const updated: SavedPaper[] = [];
  for (const rec of await getSavedMany(ids)) {
    const checked = checkTags([...rec.tags.filter((t) => !drop.has(t.toLowerCase())), ...add]);
    if (!checked.ok) throw new Error(`paper ${rec.id} ("${rec.title.slice(0, 60)}"): ${checked.error}`);
    if (checked.tags.join('\u0000') !== rec.tags.join('\u0000')) updated.push({ ...rec, tags: checked.tags });
  }
  await putSavedMany(updated);
  await announce(updated.map((r) => ({ type: 'saved', id: r.id })));
  return { updated };
}

export async function removeSaved(ids: readonly string[]): Promise<{ removed: SavedPaper[] }> {
  const removed = await takeSaved(ids);
  await announce(removed.map((r) => ({ type: 'unsaved', id: r.id })));
  return { removed };
}

/** Undo of a remove: the records go back exactly as given, in one transaction. */
export async function restoreRecords(records: readonly SavedPaper[]): Promise<{ restored: number }> {
  await putSavedMany(records);
  await announce(records.map((r) => ({ type: 'saved', id: r.id })));
  return { restored: records.length };
}

export async function exportBackup(now: number = Date.now()): Promise<BackupFile> {
  const [saved, hidden, topics, settings, seen] = await Promise.all([listSaved(), listHidden(), listTopics(), readPrefs(), seenList()]);
  return makeBackup({ saved, hidden, topics, settings, seen }, now);
}
