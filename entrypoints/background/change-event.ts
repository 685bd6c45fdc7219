/** Read a `ChangeEvent` back from storage. Pure: listeners get `unknown` from `storage.onChanged`. */
import type { ChangeEvent, LibraryChange } from '../../utils/messaging/protocol';
import { isArxivId, isHideReason } from '../../utils/storage/record-migrations';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function readChange(v: unknown): LibraryChange | null {
  if (!isObject(v) || !isArxivId(v.id)) return null;
  switch (v.type) {
    case 'saved':
    case 'unsaved':
    case 'unhidden':
      return { type: v.type, id: v.id };
    case 'hidden':
      return isHideReason(v.reason) ? { type: 'hidden', id: v.id, reason: v.reason } : null;
    default:
      return null;
  }
}

export function readChangeEvent(raw: unknown): ChangeEvent | null {
  if (!isObject(raw)) return null;
  const { rev, at } = raw;
  if (typeof rev !== 'number' || !Number.isInteger(rev) || rev < 0) return null;
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  const change = readChange(raw.change);
  return change ? { rev, at, change } : null;
}
