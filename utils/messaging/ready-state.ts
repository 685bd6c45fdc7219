/**
 * What a page needs before it paints, kept ready in `storage.local`: which papers are saved and hidden, the topics
 * and the display preferences. A content script reads it at `document_start` in one read, without waking the
 * background (an MV3 worker may take hundreds of ms to answer). The background rewrites it after every change;
 * `state/get`, `topics/list` and the prefs stay the source of truth. Pure: packing and checking.
 */
import type { LibraryState } from './protocol';
import { DEFAULT_PREFS, type Prefs } from '../storage/prefs-schema';
import type { HideReason } from '../storage/records';
import { isHideReason } from '../storage/record-migrations';
import type { Topic } from '../topics/types';

export const READY_KEY = 'papersift:ready';

/** Flat arrays of strings: the quickest shape to clone into a page that reads it on every load. */
export interface ReadyState {
  v: 1;
  rev: number;
  savedIds: string[];
  hiddenIds: string[];
  hiddenReasons: string[];
  topics: Topic[];
  precedence: Prefs['precedence'];
  hideStyle: Prefs['hideStyle'];
}

/** The ready state as a page uses it. */
export interface PageReady {
  state: LibraryState;
  topics: Topic[];
  precedence: Prefs['precedence'];
  hideStyle: Prefs['hideStyle'];
}

export function packReadyState({ state, topics, precedence, hideStyle }: PageReady): ReadyState {
  return {
    v: 1,
    rev: state.rev,
    savedIds: state.savedIds,
    hiddenIds: state.hidden.map((h) => h.id),
    hiddenReasons: state.hidden.map((h) => h.reason),
    topics,
    precedence,
    hideStyle,
  };
}

/** What a page needs from a stored record, or null when it is missing or damaged (then ask the background). */
export function unpackReadyState(raw: unknown): PageReady | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Partial<ReadyState>;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (r.v !== 1 || typeof r.rev !== 'number' || !strings(r.savedIds) || !strings(r.hiddenIds) || !strings(r.hiddenReasons)) return null;
  if (r.hiddenIds.length !== r.hiddenReasons.length || !Array.isArray(r.topics)) return null;
  // The topics were checked when they were stored; a record from a damaged profile can still hold junk.
  const topics = r.topics.filter((t): t is Topic => typeof t === 'object' && t !== null && Array.isArray(t.terms) && typeof t.name === 'string');
  const hidden: Array<{ id: string; reason: HideReason }> = [];
  for (let i = 0; i < r.hiddenIds.length; i++) {
    const reason = r.hiddenReasons[i];
    if (!isHideReason(reason)) return null;
    hidden.push({ id: r.hiddenIds[i]!, reason });
  }
  return {
    state: { savedIds: r.savedIds, hidden, rev: r.rev },
    topics,
    precedence: r.precedence === 'mute-wins' ? 'mute-wins' : DEFAULT_PREFS.precedence,
    hideStyle: r.hideStyle === 'remove' ? 'remove' : DEFAULT_PREFS.hideStyle,
  };
}
