/** Backup download, shared by the backup section and the "Reset everything" flow. */
import { serializeBackup } from '../../../utils/backup/backup-file';
import { downloadText } from '../../../utils/library/download';
import { backupFileName } from '../../../utils/library/file-names';
import { sendToBackground } from '../../../utils/messaging/client';

export interface BackupDownload {
  fileName: string;
  saved: number;
  hidden: number;
  topics: number;
}

/** Ask the background for everything, and download it as one JSON file. */
export async function downloadBackup(): Promise<BackupDownload> {
  const backup = await sendToBackground({ type: 'backup/export' });
  const fileName = backupFileName(new Date());
  downloadText(serializeBackup(backup), fileName, 'application/json');
  return { fileName, saved: backup.saved.length, hidden: backup.hidden.length, topics: backup.topics.length };
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

export const describeDownload = (d: BackupDownload) =>
  `Downloaded ${d.fileName}: ${plural(d.saved, 'saved paper')}, ${plural(d.hidden, 'hidden paper')}, ${plural(d.topics, 'topic')} and your settings.`;
