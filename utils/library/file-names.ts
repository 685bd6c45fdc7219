/** Names of the files the options page downloads. Pure. */
import { localDay } from './dates';

/** `papersift-backup-2026-11-29.json` (the local calendar day). */
export function backupFileName(now: Date | number): string {
  return `papersift-backup-${localDay(new Date(now).getTime())}.json`;
}
