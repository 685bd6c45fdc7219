/**
 * "Reset everything": first offers a backup download, then asks for confirmation with what will be deleted;
 * the background deletes it all (or, if something fails, nothing).
 */
import { useRef, useState, useEffect } from 'preact/hooks';
import { sendToBackground } from '../../../utils/messaging/client';
import { Notice } from '../../../components/common/Notice';
import { describeDownload, downloadBackup, plural } from './backup-actions';

type Step =
  | { step: 'idle' }
  | { step: 'offer'; downloaded: string | null; error: string | null }
  | { step: 'confirm'; what: string }
  | { step: 'resetting' }
  | { step: 'done' }
  | { step: 'failed'; error: string };

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function ResetSection({ onReset }: { onReset: () => void }) {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const focusTarget = useRef<HTMLHeadingElement>(null);

  // Each step moves focus to its heading, so keyboard and screen reader users follow the flow.
  useEffect(() => {
    if (state.step === 'offer' || state.step === 'confirm') focusTarget.current?.focus();
  }, [state.step]);

  const backup = async () => {
    try {
      const d = await downloadBackup();
      setState({ step: 'offer', downloaded: describeDownload(d), error: null });
    } catch (e) {
      setState({ step: 'offer', downloaded: null, error: `Could not make the backup: ${errorText(e)}` });
    }
  };

  const toConfirm = async () => {
    try {
      const [state, topics] = await Promise.all([sendToBackground({ type: 'state/get' }), sendToBackground({ type: 'topics/list' })]);
      setState({
        step: 'confirm',
        what: `${plural(state.savedIds.length, 'saved paper')} with their tags and notes, ${plural(state.hidden.length, 'hidden paper')}, ${plural(topics.topics.length, 'topic')} and your settings`,
      });
    } catch {
      setState({ step: 'confirm', what: 'your library, hidden papers, topics and settings' });
    }
  };

  const reset = async () => {
    setState({ step: 'resetting' });
    try {
      await sendToBackground({ type: 'data/reset' });
      setState({ step: 'done' });
      onReset();
    } catch (e) {
      setState({ step: 'failed', error: errorText(e) });
    }
  };

  return (
    <section class="set-section set-danger" aria-labelledby="set-reset-heading">
      <h3 id="set-reset-heading">Reset everything</h3>
      <p class="ps-hint">Deletes your library, hidden papers, topics and settings from this browser (and synced topics), and the last page's papers kept for the topic preview.</p>
      {(state.step === 'idle' || state.step === 'done' || state.step === 'failed') && (
        <button type="button" class="ps-button ps-button-danger" onClick={() => setState({ step: 'offer', downloaded: null, error: null })}>
          Reset everything…
        </button>
      )}
      {state.step === 'offer' && (
        <div class="set-step" role="group" aria-labelledby="set-reset-offer">
          <h4 id="set-reset-offer" tabIndex={-1} ref={focusTarget}>
            Step 1 of 2: keep a backup?
          </h4>
          <p>Download a backup first, so you can restore everything later.</p>
          {state.downloaded && <Notice kind="ok">{state.downloaded}</Notice>}
          {state.error && <Notice kind="error">{state.error}</Notice>}
          <div class="set-actions">
            <button type="button" class="ps-button ps-button-primary" onClick={() => void backup()}>
              Download backup
            </button>
            <button type="button" class="ps-button" onClick={() => void toConfirm()}>
              {state.downloaded ? 'Continue' : 'Continue without a backup'}
            </button>
            <button type="button" class="ps-button" onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.step === 'confirm' && (
        <div class="set-step" role="group" aria-labelledby="set-reset-confirm">
          <h4 id="set-reset-confirm" tabIndex={-1} ref={focusTarget}>
            Step 2 of 2: delete everything?
          </h4>
          <p>This deletes {state.what}. It cannot be undone.</p>
          <div class="set-actions">
            <button type="button" class="ps-button ps-button-danger" onClick={() => void reset()}>
              Delete everything
            </button>
            <button type="button" class="ps-button" onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.step === 'resetting' && <p class="ps-hint" role="status">Deleting…</p>}
      {state.step === 'done' && <Notice kind="ok">PaperSift was reset: nothing is stored any more.</Notice>}
      {state.step === 'failed' && <Notice kind="error">{state.error}</Notice>}
    </section>
  );
}
