/**
 * Small reader preferences in `storage.local` (WXT storage item, versioned so later shapes can migrate).
 * To change the shape: bump `version`, add `migrations[n]` turning a v(n-1) value into v(n).
 */
import { storage } from 'wxt/utils/storage';

export interface Prefs {
  /** Show PaperSift's toolbar on the papers pages. */
  showToolbar: boolean;
}

export const DEFAULT_PREFS: Prefs = { showToolbar: true };

export const PREFS_KEY = 'local:prefs' as const;

export const prefsItem = storage.defineItem<Prefs>(PREFS_KEY, {
  version: 1,
  fallback: DEFAULT_PREFS,
  migrations: {},
});
