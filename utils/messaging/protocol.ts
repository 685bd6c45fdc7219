/**
 * The one message protocol between PaperSift's contexts.
 * Content scripts and the popup send `BackgroundRequest`s; the background is the only writer of stored data.
 * The popup sends `TabRequest`s to the content script of the active tab.
 * Every reply is wrapped in `Reply<T>` so errors cross contexts as data, not as lost exceptions.
 */
import type { PaperInfo, PageKind, PageSource } from '../model/paper';
import type { HiddenPaper, HideReason, SavedPaper } from '../storage/records';

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
  | { type: 'state/get' };

export interface BackgroundResponses {
  'library/save': SavedPaper;
  'library/unsave': { removed: boolean };
  'library/recent': SavedPaper[];
  'hidden/hide': HiddenPaper;
  'hidden/unhide': { removed: boolean };
  'state/get': LibraryState;
}

export interface PageStats {
  kind: PageKind;
  url: string;
  found: number;
  saved: number;
  hidden: number;
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
