/**
 * Restore from a backup file: the whole file is checked first (nothing is written), the page shows what restoring
 * would do, and only on confirmation the background applies it, all or nothing, after checking the text again.
 */
import { useState } from 'preact/hooks';
import type { BackupError } from '../../../utils/backup/problems';
import { BACKUP_LIMITS } from '../../../utils/backup/limits';
import { validateBackup } from '../../../utils/backup/validate-backup';
import { describeBackupError, planFullRestore, type FullRestorePlan } from '../../../utils/library/restore-plan';
import { sendToBackground } from '../../../utils/messaging/client';
import type { RestoreResult } from '../../../utils/messaging/protocol';
import { readPrefs } from '../../../utils/storage/prefs';
import { Notice } from '../../../components/common/Notice';

type State =
  | { step: 'idle' }
  | { step: 'checking'; name: string }
  | { step: 'invalid'; name: string; errors: BackupError[] }
  | { step: 'preview'; name: string; text: string; plan: FullRestorePlan; warnings: string[] }
  | { step: 'applying'; name: string }
  | { step: 'done'; name: string; result: RestoreResult }
  | { step: 'failed'; name: string; error: string };

const MB = 1024 * 1024;
/** Errors shown in the list; the rest are counted (the file needs fixing anyway). */
const SHOWN_ERRORS = 20;

async function planFor(text: string): Promise<{ errors: BackupError[] } | { plan: FullRestorePlan; warnings: string[] }> {
  const checked = validateBackup(text);
  if (!checked.ok) return { errors: checked.errors };
  const [saved, hidden, topics, prefs] = await Promise.all([
    sendToBackground({ type: 'library/list' }),
    sendToBackground({ type: 'hidden/list' }),
    sendToBackground({ type: 'topics/list' }),
    readPrefs(),
  ]);
  const planning = planFullRestore({ saved, hidden, topics: topics.topics, prefs }, checked.backup);
  if (!planning.ok) return { errors: planning.errors };
  return { plan: planning.plan, warnings: [...checked.warnings, ...planning.warnings] };
}

export function RestoreSection({ onRestored }: { onRestored: () => void }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [inputKey, setInputKey] = useState(0);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const name = file.name;
    // Refuse a huge file before reading it into memory.
    if (file.size > BACKUP_LIMITS.maxBytes) {
      const size = `${(file.size / MB).toFixed(1).replace(/\.0$/, '')} MB`;
      setState({ step: 'invalid', name, errors: [{ path: '', message: `The file is ${size}; backups are limited to ${BACKUP_LIMITS.maxBytes / MB} MB.` }] });
      return;
    }
    setState({ step: 'checking', name });
    try {
      const text = await file.text();
      const result = await planFor(text);
      if ('errors' in result) setState({ step: 'invalid', name, errors: result.errors });
      else setState({ step: 'preview', name, text, plan: result.plan, warnings: result.warnings });
    } catch (e) {
      setState({ step: 'failed', name, error: `Could not read the file: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  const apply = async (name: string, text: string) => {
    setState({ step: 'applying', name });
    try {
      const result = await sendToBackground({ type: 'backup/restore', text });
      setState({ step: 'done', name, result });
      onRestored();
    } catch (e) {
      setState({ step: 'failed', name, error: e instanceof Error ? e.message : String(e) });
    }
  };

  const reset = () => {
    setState({ step: 'idle' });
    setInputKey((k) => k + 1); // a new input, so choosing the same file again fires a change
  };

  return (
    <section class="set-section" aria-labelledby="set-restore-heading">
      <h3 id="set-restore-heading">Restore from a backup</h3>
      <p class="ps-hint" id="set-restore-hint">
        The file is checked in full first; you then see what it would change and confirm. Papers already in your library
        are merged (tags combined, the longer note kept); topics you have stay as they are. If anything goes wrong while
        restoring, nothing changes.
      </p>
      <div class="ps-field">
        <label for="set-restore-file">Backup file (.json)</label>
        <input
          key={inputKey}
          id="set-restore-file"
          type="file"
          accept=".json,application/json"
          aria-describedby="set-restore-hint"
          disabled={state.step === 'checking' || state.step === 'applying'}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            void onFile(input.files?.[0]);
            input.value = ''; // so choosing the same file again (after fixing it) is seen as a change
          }}
        />
      </div>

      {state.step === 'checking' && <p class="ps-hint" role="status">Checking {state.name}…</p>}

      {state.step === 'invalid' && (
        <Notice kind="error" class="set-restore-errors">
          <p>
            <strong>{state.name} cannot be restored.</strong> Nothing was changed.{' '}
            {state.errors.length === 1 ? 'The problem:' : `${state.errors.length} problems:`}
          </p>
          <ul>
            {state.errors.slice(0, SHOWN_ERRORS).map((e, i) => (
              <li key={i}>
                {e.path && <code>{e.path}</code>} {e.path ? e.message : describeBackupError(e)}
              </li>
            ))}
            {state.errors.length > SHOWN_ERRORS && <li>…and {state.errors.length - SHOWN_ERRORS} more.</li>}
          </ul>
        </Notice>
      )}

      {state.step === 'preview' && (
        <div class="set-restore-preview" role="group" aria-labelledby="set-restore-preview-heading">
          <h4 id="set-restore-preview-heading">Restoring {state.name} will do this:</h4>
          <p class="set-restore-summary">{state.plan.summary}.</p>
          {state.warnings.length > 0 && (
            <ul class="ps-hint">
              {state.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
          {state.plan.empty ? (
            <p>Your data already has everything in this backup.</p>
          ) : null}
          <div class="set-actions">
            <button
              type="button"
              class="ps-button ps-button-primary"
              disabled={state.plan.empty}
              onClick={() => void apply(state.name, state.text)}
            >
              Restore
            </button>
            <button type="button" class="ps-button" onClick={reset}>
              Cancel
            </button>
          </div>
        </div>
      )}

      {state.step === 'applying' && <p class="ps-hint" role="status">Restoring {state.name}…</p>}
      {state.step === 'done' && (
        <Notice kind="ok">
          Restored {state.name}: {state.result.summary}.
          {state.result.warnings.length > 0 && ` ${state.result.warnings.join(' ')}`}
        </Notice>
      )}
      {state.step === 'failed' && (
        <Notice kind="error" class="set-restore-failed">
          {state.error}
        </Notice>
      )}
    </section>
  );
}
