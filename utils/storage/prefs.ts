/**
 * Small reader preferences in `storage.local` (WXT storage item, versioned so later shapes can migrate).
 * To change the shape: bump `version`, add `migrations[n]` turning a v(n-1) value into v(n).
 * Not shipped yet, so v1 already has the full shape; `readPrefs` fills keys a stored value lacks (a value
 * written by an earlier build, or damaged), so readers always get a complete `Prefs`.
 * Reading is allowed from any context; only the background writes (`prefs/set`).
 */
import { storage } from 'wxt/utils/storage';
import type { Prefs } from './prefs-schema';
import { DEFAULT_PREFS, normalizePrefs } from './prefs-schema';

export type { Prefs } from './prefs-schema';
export { DEFAULT_PREFS, normalizePrefs } from './prefs-schema';

export const PREFS_KEY = 'local:prefs' as const;

export const prefsItem = storage.defineItem<Prefs>(PREFS_KEY, {
  version: 1,
  fallback: DEFAULT_PREFS,
  migrations: {},
});

export async function readPrefs(): Promise<Prefs> {
  return normalizePrefs(await prefsItem.getValue());
}

/** Apply a (validated) patch and store the complete result. */
export async function writePrefs(patch: Partial<Prefs>): Promise<Prefs> {
  const next = normalizePrefs({ ...(await readPrefs()), ...patch });
  await prefsItem.setValue(next);
  return next;
}
