/** The sentence the Topics tab shows when topics do not all sync across the reader's browsers. Pure. */
import type { TopicsList } from '../messaging/protocol';

/**
 * Null when every topic is in sync storage as wanted. The background's reason is already a full sentence that
 * says where and why ("Topic sync is turned off, so topics are kept in this browser only."); without one,
 * say where.
 */
export function storageNoteText(list: Pick<TopicsList, 'storage'>): string | null {
  const { area, reason } = list.storage;
  if (reason !== null) return reason;
  if (area === 'mixed') return 'Some topics are kept in this browser only; the others sync across your browsers.';
  if (area === 'local') return 'Topics are kept in this browser only.';
  return null;
}

export function skippedNoteText(list: Pick<TopicsList, 'skipped'>): string | null {
  const n = list.skipped.length;
  if (n === 0) return null;
  return `${n} stored ${n === 1 ? 'topic' : 'topics'} could not be read and ${n === 1 ? 'was' : 'were'} left untouched.`;
}
