/** Download everything PaperSift keeps as one JSON file. */
import { useState } from 'preact/hooks';
import { BACKUP_SCHEMA } from '../../../utils/backup/backup-file';
import { Notice } from '../../../components/common/Notice';
import { describeDownload, downloadBackup } from './backup-actions';

export function BackupSection() {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      setStatus({ kind: 'ok', text: describeDownload(await downloadBackup()) });
    } catch (e) {
      setStatus({ kind: 'error', text: `Could not make the backup: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="set-section" aria-labelledby="set-backup-heading">
      <h3 id="set-backup-heading">Backup</h3>
      <p class="ps-hint" id="set-backup-hint">
        One JSON file with your library, hidden papers, topics and settings (backup schema {BACKUP_SCHEMA}). Keep it somewhere
        safe; restore it here in any browser.
      </p>
      <button type="button" class="ps-button" aria-describedby="set-backup-hint" disabled={busy} onClick={() => void run()}>
        {busy ? 'Preparing…' : 'Download backup'}
      </button>
      {status && <Notice kind={status.kind}>{status.text}</Notice>}
    </section>
  );
}
