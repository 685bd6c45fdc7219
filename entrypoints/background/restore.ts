/**
 * `backup/restore` and `data/reset` in the background. The backup text is checked here in full (validateBackup,
 * then the topics and settings in planFullRestore): the page's own check is only a preview and is not trusted.
 * Writing is all or nothing: a snapshot is taken first and put back if any step fails (see data-snapshot.ts).
 * Runs inside the write queue, so no other write can slip in between the snapshot and the writes.
 */
import type { LibraryChange, RestoreResult } from '../../utils/messaging/protocol';
import type { BackupError } from '../../utils/backup/problems';
import { validateBackup, type ValidateBackupOptions } from '../../utils/backup/validate-backup';
import { describeBackupError, planFullRestore } from '../../utils/library/restore-plan';
import { hiddenIds, listHidden, listSaved, putHiddenMany, putSavedMany, savedIds } from '../../utils/storage/library-db';
import { readPrefs } from '../../utils/storage/prefs';
import { clearLastPage } from '../../utils/storage/last-page';
import { listTopics, putTopic } from '../../utils/storage/topic-store';
import { announceBulk } from './bulk-change';
import { allOrNothing, clearAllData } from './data-snapshot';
import { setPrefs } from './topic-handlers';
import { mergeSeen } from '../../utils/digest/seen-set';
import { replaceSeen, seenList } from './seen-state';

/** The backup's seen papers join the reader's (a union, bounded); resolves to how many were new. */
async function restoreSeen(ids: readonly string[] | undefined): Promise<number> {
  if (!ids || ids.length === 0) return 0;
  const current = await seenList();
  const merged = mergeSeen(current, ids);
  if (merged === current) return 0;
  const have = new Set(current);
  await replaceSeen(merged);
  return merged.filter((id) => !have.has(id)).length;
}

const withSeen = (summary: string, added: number) => (added === 0 ? summary : `${summary}; ${added} seen ${added === 1 ? 'paper' : 'papers'} remembered`);

/** Errors listed in the refusal message; the rest are counted. */
const LISTED_ERRORS = 20;

/** "The backup was not restored … : saved[3].title must be …" — every error on its own line. */
export function refusal(errors: readonly BackupError[]): string {
  const listed = errors.slice(0, LISTED_ERRORS).map(describeBackupError);
  if (errors.length > LISTED_ERRORS) listed.push(`…and ${errors.length - LISTED_ERRORS} more.`);
  const head = errors.length === 1 ? 'the file has a problem' : `the file has ${errors.length} problems`;
  return `${head}, so nothing was changed.\n${listed.join('\n')}`;
}

export async function restoreBackupText(text: string, options: ValidateBackupOptions = {}, now: number = Date.now()): Promise<RestoreResult> {
  const checked = validateBackup(text, options);
  if (!checked.ok) throw new Error(refusal(checked.errors));
  const [saved, hidden, topics, prefs] = await Promise.all([listSaved(), listHidden(), listTopics(), readPrefs()]);
  const planning = planFullRestore({ saved, hidden, topics, prefs }, checked.backup);
  if (!planning.ok) throw new Error(refusal(planning.errors));
  const { plan } = planning;
  const warnings = [...checked.warnings, ...planning.warnings];
  if (plan.empty) return { summary: withSeen(plan.summary, await restoreSeen(checked.backup.seen)), applied: true, warnings };

  await allOrNothing(async () => {
    // Each store is written in one transaction; what spans stores is undone by allOrNothing.
    await putSavedMany([...plan.library.add, ...plan.library.update]);
    await putHiddenMany(plan.library.hiddenAdd);
    // Settings before topics: a changed topicSync moves the existing topics, and new ones go where it says.
    const after = Object.keys(plan.settings).length > 0 ? await setPrefs(plan.settings) : prefs;
    for (const topic of plan.topicsAdd) await putTopic(topic, { sync: after.topicSync, now });
  });
  // After the rest landed: the seen set is not part of the all-or-nothing snapshot, and adding to it undoes nothing.
  const seenAdded = await restoreSeen(checked.backup.seen);

  const first = plan.library.add[0] ?? plan.library.update[0];
  const hiddenFirst = plan.library.hiddenAdd[0];
  const change: LibraryChange | null = first
    ? { type: 'saved', id: first.id }
    : hiddenFirst
      ? { type: 'hidden', id: hiddenFirst.id, reason: hiddenFirst.reason }
      : null;
  await announceBulk(change);
  return { summary: withSeen(plan.summary, seenAdded), applied: true, warnings };
}

/**
 * Delete the library, hidden papers, topics and preferences, all or nothing; then the last page's papers kept for the
 * topic preview (a cache of what the reader visited: nothing to restore if the reset fails, nothing to keep after).
 */
export async function resetAllData(): Promise<{ ok: true }> {
  const [saved, hidden] = await Promise.all([savedIds(), hiddenIds()]);
  await allOrNothing(clearAllData);
  await clearLastPage();
  const change: LibraryChange | null = saved[0]
    ? { type: 'unsaved', id: saved[0] }
    : hidden[0]
      ? { type: 'unhidden', id: hidden[0] }
      : null;
  await announceBulk(change);
  return { ok: true };
}
