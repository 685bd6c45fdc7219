/** A valid backup with awkward content, and helpers to corrupt its JSON in precise ways. */
import { makeBackup, serializeBackup, type BackupFile } from '../../../utils/backup/backup-file';
import type { HiddenPaper } from '../../../utils/storage/records';
import { AWKWARD_PAPERS } from '../export/paper-fixtures';

export const NOW = Date.UTC(2026, 10, 29, 8, 30);

export function hidden(id: string, over: Partial<HiddenPaper> = {}): HiddenPaper {
  return {
    schema: 1,
    id,
    title: `Hidden ${id}`,
    reason: 'manual',
    hiddenAt: NOW - 1000,
    source: { url: 'https://huggingface.co/papers/trending', kind: 'trending' },
    ...over,
  };
}

export function validBackup(): BackupFile {
  return makeBackup(
    {
      saved: structuredClone(AWKWARD_PAPERS),
      hidden: [hidden('2507.00001'), hidden('2507.00002', { reason: 'topic:Robotics' })],
      topics: [{ name: 'RL', keywords: ['reinforcement learning'], muted: false }],
      settings: { highlight: true, theme: 'auto', nested: { a: [1, 2, { b: null }] } },
    },
    NOW,
  );
}

export const validText = () => serializeBackup(validBackup());

/** Serialize a backup after `edit` changed its plain-object form. */
export function edited(edit: (doc: any) => void): string {
  const doc = JSON.parse(validText());
  edit(doc);
  return JSON.stringify(doc, null, 2);
}
