/**
 * The one message protocol between PaperSift's contexts.
 * Content scripts and the popup send `BackgroundRequest`s; the background is the only writer of stored data.
 * The popup sends `TabRequest`s to the content script of the active tab.
 * Every reply is wrapped in `Reply<T>` so errors cross contexts as data, not as lost exceptions.
 */
import type { BackupFile } from '../backup/backup-file';
import type { LastCheck } from '../digest/digest-state';
import type { NewPaper } from '../digest/new-for-you';
import type { DigestEvery } from '../digest/schedule';
import type { PaperInfo, PageKind, PageSource } from '../model/paper';
import type { PagePaper } from '../storage/last-page-record';
import type { Prefs } from '../storage/prefs-schema';
import type { HiddenPaper, HideReason, SavedPaper } from '../storage/records';
import type { Topic } from '../topics/types';

export type { PagePaper } from '../storage/last-page-record';

export interface LibraryState {
  savedIds: string[];
  hidden: Array<Pick<HiddenPaper, 'id' | 'reason'>>;
  /** Revision of the last change, to spot missed change events. */
  rev: number;
}

export type BackgroundRequest =
  | { type: 'library/save'; paper: PaperInfo; source: PageSource }
  | { type: 'library/unsave'; id: string }
  | { type: 'library/recent'; limit: number }
  | { type: 'hidden/hide'; id: string; title: string; reason: HideReason; source: PageSource }
  | { type: 'hidden/unhide'; id: string }
  | { type: 'state/get' }
  | { type: 'topics/list' }
  /** Create or replace the topic with this id. Putting back a deleted topic (Undo) restores it as it was. */
  | { type: 'topics/put'; topic: Topic }
  | { type: 'topics/delete'; id: string }
  /** Only the given preferences change. Changing `topicSync` also moves the topics to the chosen area. */
  | { type: 'prefs/set'; patch: Partial<Prefs> }
  /** The papers on the page a content script is showing (the first 300 are kept), for the options preview. */
  | { type: 'page/papers'; url: string; papers: PagePaper[] }
  /** The topic worker's script (content scripts start it from a blob: URL; see entrypoints/content/features/topics/topic-engine.ts). */
  | { type: 'topics/worker-source' }
  /** Every saved paper, newest `savedAt` first (the options page's library). */
  | { type: 'library/list' }
  /** Change the reader's fields of a saved paper; only the fields given change. Tags are trimmed and deduplicated. */
  | { type: 'library/update'; id: string; tags?: string[]; note?: string }
  /** Add and/or remove tags on many papers at once (bulk edit); papers not in the library are skipped. */
  | { type: 'library/tag'; ids: string[]; add: string[]; remove: string[] }
  /** Remove these papers; the reply carries the removed records so Undo can put them back exactly. */
  | { type: 'library/remove'; ids: string[] }
  /** Put records back exactly as given (Undo of `library/remove`); replaces a record with the same id. */
  | { type: 'library/restore-records'; records: SavedPaper[] }
  /** Every hidden paper, newest `hiddenAt` first. */
  | { type: 'hidden/list' }
  /** Everything PaperSift keeps, as a backup file's data (the page serializes and downloads it). */
  | { type: 'backup/export' }
  /** Restore a backup file's text: validated again here, then applied all or nothing. */
  | { type: 'backup/restore'; text: string }
  /** Delete the library, hidden papers, topics and preferences. */
  | { type: 'data/reset' }
  /** The digest as the popup shows it: the papers new for the reader, and how the last check went. */
  | { type: 'digest/get' }
  /** Check the day's papers now (the popup's "Check now"); answers once the check is done. */
  | { type: 'digest/check' }
  /** The reader has seen these papers (a card in view for a second, opened, or "Mark all seen"). */
  | { type: 'seen/mark'; ids: string[] }
  /** A list page shows these cards: which the reader has not seen, and whether this is the very first visit (then none is "new"). */
  | { type: 'seen/visit'; ids: string[] };

/** The popup's "New for you". */
export interface DigestView {
  /** Matching a highlighted topic, not seen, saved, hidden or muted; newest first. */
  items: NewPaper[];
  lastCheck: LastCheck | null;
  /** When the retry after a failed check is due. */
  retryAt: number | null;
  /** When the next scheduled check is due; null when checks are off. */
  nextCheckAt: number | null;
  every: DigestEvery;
  /** The list page of the newest day checked. */
  dayUrl: string;
  /** Today's list on the site. */
  listUrl: string;
}

export interface TopicsList {
  /** Sorted by `createdAt`. */
  topics: Topic[];
  storage: {
    /** Where the topics are; with no topics, where new ones go. */
    area: 'sync' | 'local' | 'mixed';
    /** Why topics are (partly) kept in this browser only, as a sentence; null when they sync as wanted. */
    reason: string | null;
  };
  /** Stored `topic:` items that could not be read (left untouched); normally empty. */
  skipped: Array<{ area: 'sync' | 'local'; key: string }>;
}

export interface BackgroundResponses {
  'library/save': SavedPaper;
  'library/unsave': { removed: boolean };
  'library/recent': SavedPaper[];
  'hidden/hide': HiddenPaper;
  'hidden/unhide': { removed: boolean };
  'state/get': LibraryState;
  'topics/list': TopicsList;
  'topics/put': Topic;
  /** The deleted topic, so the UI can offer Undo by putting it back; null when there was none. */
  'topics/delete': { removed: Topic | null };
  'prefs/set': Prefs;
  'page/papers': { stored: number };
  'topics/worker-source': string;
  'library/list': SavedPaper[];
  'library/update': SavedPaper;
  'library/tag': { updated: SavedPaper[] };
  'library/remove': { removed: SavedPaper[] };
  'library/restore-records': { restored: number };
  'hidden/list': HiddenPaper[];
  'backup/export': BackupFile;
  'backup/restore': RestoreResult;
  'data/reset': { ok: true };
  'digest/get': DigestView;
  'digest/check': DigestView;
  'seen/mark': { added: number };
  'seen/visit': { unseen: string[]; first: boolean };
}

export interface RestoreResult {
  /** e.g. "124 new, 3 updated, 2 skipped because already identical; 2 topics added; settings restored". */
  summary: string;
  applied: true;
  /** Things the reader may want to know (an upgraded schema, ignored unknown fields). */
  warnings: string[];
}

export interface PageStats {
  kind: PageKind;
  url: string;
  found: number;
  saved: number;
  hidden: number;
  /** Cards on this page matched by each topic (by topic id); topics with no match are absent. */
  topicCounts: Record<string, number>;
}

export type TabRequest = { type: 'page/stats' };
export interface TabResponses {
  'page/stats': PageStats;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** A change the background made, published through `storage.local` so every open tab hears it. */
export type LibraryChange =
  | { type: 'saved'; id: string }
  | { type: 'unsaved'; id: string }
  | { type: 'hidden'; id: string; reason: HideReason }
  | { type: 'unhidden'; id: string };

export interface ChangeEvent {
  rev: number;
  at: number;
  change: LibraryChange;
}

/** `storage.local` key under which the background publishes the latest `ChangeEvent`. */
export const CHANGE_KEY = 'papersift:change';
