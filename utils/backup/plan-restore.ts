/**
 * What restoring a backup would change, computed before anything is written (pure; the caller shows the
 * summary, then applies `add`, `update` and `hiddenAdd`).
 *
 * A paper already in the library is merged with its backup copy:
 * - tags: the union (library order first, then new ones from the backup);
 * - note: the longer of the two, so a note that was only extended is kept whole (equal length: the library's);
 * - savedAt and source: those of the earlier save;
 * - upvotes: the higher count (they only grow); other optional fields missing in the library copy
 *   (abstract, organization, date, keywords, GitHub link) are filled from the backup;
 * - everything else (title, authors, links) stays as the library has it.
 * A backup copy equal to the library's is skipped as "already identical"; one that would change nothing
 * after merging is skipped as "already up to date". Hidden papers not hidden yet are added; the others stay.
 */
import type { HiddenPaper, SavedPaper } from '../storage/records';
import type { BackupFile } from './backup-file';

export interface RestorePlan {
  add: SavedPaper[];
  update: SavedPaper[];
  skip: Array<{ id: string; reason: string }>;
  hiddenAdd: HiddenPaper[];
  /** e.g. "124 new, 3 updated, 2 skipped because already identical; 5 hidden papers added". */
  summary: string;
}

export const SKIP_IDENTICAL = 'already identical';
export const SKIP_UP_TO_DATE = 'already up to date';
export const SKIP_DUPLICATE = 'listed twice in the backup';

export function planRestore(
  current: { saved: readonly SavedPaper[]; hidden: readonly HiddenPaper[] },
  backup: Pick<BackupFile, 'saved' | 'hidden'>,
): RestorePlan {
  const library = new Map(current.saved.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const plan: RestorePlan = { add: [], update: [], skip: [], hiddenAdd: [], summary: '' };

  for (const paper of backup.saved) {
    if (seen.has(paper.id)) {
      plan.skip.push({ id: paper.id, reason: SKIP_DUPLICATE });
      continue;
    }
    seen.add(paper.id);
    const mine = library.get(paper.id);
    if (!mine) {
      plan.add.push(paper);
    } else if (sameJson(mine, paper)) {
      plan.skip.push({ id: paper.id, reason: SKIP_IDENTICAL });
    } else {
      const merged = mergeSavedPaper(mine, paper);
      if (sameJson(merged, mine)) plan.skip.push({ id: paper.id, reason: SKIP_UP_TO_DATE });
      else plan.update.push(merged);
    }
  }

  const hiddenIds = new Set(current.hidden.map((h) => h.id));
  for (const hidden of backup.hidden) {
    if (hiddenIds.has(hidden.id)) continue;
    hiddenIds.add(hidden.id);
    plan.hiddenAdd.push(hidden);
  }
  plan.summary = summarize(plan);
  return plan;
}

export function mergeSavedPaper(mine: SavedPaper, theirs: SavedPaper): SavedPaper {
  const merged: SavedPaper = { ...mine, links: { ...mine.links }, tags: [...mine.tags] };
  for (const tag of theirs.tags) if (!merged.tags.includes(tag)) merged.tags.push(tag);
  if (theirs.note.length > mine.note.length) merged.note = theirs.note;
  if (theirs.savedAt < mine.savedAt) {
    merged.savedAt = theirs.savedAt;
    merged.source = theirs.source;
  }
  if (theirs.upvotes !== undefined && (mine.upvotes === undefined || theirs.upvotes > mine.upvotes)) merged.upvotes = theirs.upvotes;
  if (mine.abstract === undefined && theirs.abstract !== undefined) merged.abstract = theirs.abstract;
  if (mine.organization === undefined && theirs.organization !== undefined) merged.organization = theirs.organization;
  if (mine.date === undefined && theirs.date !== undefined) merged.date = theirs.date;
  if (mine.keywords === undefined && theirs.keywords !== undefined) merged.keywords = theirs.keywords;
  if (mine.links.github === undefined && theirs.links.github !== undefined) merged.links.github = theirs.links.github;
  return merged;
}

function summarize(plan: RestorePlan): string {
  let text = `${plan.add.length} new, ${plan.update.length} updated, ${plan.skip.length} skipped`;
  if (plan.skip.length > 0) {
    const counts = new Map<string, number>();
    for (const { reason } of plan.skip) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    const parts = [...counts].map(([reason, n]) => (n === plan.skip.length ? reason : `${n} ${reason}`));
    text += ` because ${parts.join(', ')}`;
  }
  if (plan.hiddenAdd.length > 0) text += `; ${plan.hiddenAdd.length} hidden paper${plan.hiddenAdd.length === 1 ? '' : 's'} added`;
  return text;
}

/** Structural equality for JSON-shaped records; key order does not matter, an absent key equals undefined. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const key of keys) if (!sameJson(ra[key], rb[key])) return false;
  return true;
}
