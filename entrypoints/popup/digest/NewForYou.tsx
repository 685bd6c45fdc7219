/**
 * The popup's "New for you": the day's papers that match a highlighted topic and that the reader has not seen,
 * saved or hidden (what the toolbar badge counts), newest first, each with its topic chips and matched words,
 * Save and Hide; "Mark all seen"; when the last check ran, and why it failed if it did.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DigestView } from '../../../utils/messaging/protocol';
import type { NewPaper } from '../../../utils/digest/new-for-you';
import { browserDigestClient, type DigestClient } from './digest-client';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const time = (at: number) => new Date(at).toLocaleString(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit' });

function CheckStatus({ view }: { view: DigestView }) {
  const last = view.lastCheck;
  if (view.every === 'off' && !last) return <p class="hint">Checking for new papers is off (Settings).</p>;
  if (!last) return <p class="hint">Not checked yet.</p>;
  if (last.ok) {
    return (
      <p class="hint digest-status">
        Last checked {time(last.at)}: {last.found === 1 ? '1 paper' : `${last.found ?? 0} papers`} on {last.day}.
      </p>
    );
  }
  return (
    <p class="warn digest-status" role="alert">
      The last check ({time(last.at)}) failed: {last.error}
      {view.retryAt !== null && <> It will try again at {time(view.retryAt)}.</>}
    </p>
  );
}

function Item({ p, busy, act }: { p: NewPaper; busy: boolean; act: (p: NewPaper, what: 'save' | 'hide' | 'open') => void }) {
  return (
    <li class="digest-item" data-id={p.id}>
      <a href={`https://huggingface.co/papers/${p.id}`} target="_blank" rel="noreferrer" onClick={() => act(p, 'open')}>
        {p.title}
      </a>
      <ul class="digest-chips" aria-label="Matched topics">
        {p.chips.map((c) => (
          <li key={c.name} class="digest-chip">
            <span class="topic-swatch" style={{ background: c.colour }} aria-hidden="true" />
            <strong>{c.name}</strong> <span class="digest-words">{c.detail}</span>
          </li>
        ))}
      </ul>
      <span class="digest-actions">
        <button type="button" aria-disabled={busy} onClick={() => !busy && act(p, 'save')} aria-label={`Save “${p.title}”`}>
          Save
        </button>
        <button type="button" aria-disabled={busy} onClick={() => !busy && act(p, 'hide')} aria-label={`Hide “${p.title}”`}>
          Hide
        </button>
      </span>
    </li>
  );
}

export function NewForYou({ client = browserDigestClient }: { client?: DigestClient }) {
  const [view, setView] = useState<DigestView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const reload = () => client.get().then((v) => (setView(v), setError(null)), (e: unknown) => setError(errorText(e)));
  useEffect(() => void reload(), [client]);

  async function run(id: string, work: () => Promise<unknown>) {
    setBusy(id);
    setError(null);
    try {
      await work();
      await reload();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  }

  const act = (p: NewPaper, what: 'save' | 'hide' | 'open') => {
    if (what === 'open') {
      void client.markSeen([p.id]).then(reload, () => undefined);
      return;
    }
    void run(p.id, () => (what === 'save' ? client.save(p) : client.hide(p)));
  };

  const items = view?.items ?? [];
  return (
    <section aria-labelledby="digest-heading" class="digest">
      <h2 id="digest-heading">New for you{items.length > 0 ? ` (${items.length})` : ''}</h2>
      {error && <p class="error" role="alert">{error}</p>}
      {!view && !error && <p class="hint">Loading…</p>}
      {view && items.length === 0 && <p class="hint">Nothing new for your topics.</p>}
      {items.length > 0 && (
        <ol class="digest-list">
          {items.map((p) => (
            <Item key={p.id} p={p} busy={busy !== null} act={act} />
          ))}
        </ol>
      )}
      {view && (
        <>
          <CheckStatus view={view} />
          <p class="digest-links">
            <a href={view.listUrl} target="_blank" rel="noreferrer">Today’s papers</a>
            {items.length > 0 && (
              <button type="button" aria-disabled={busy !== null} onClick={() => busy === null && void run('all', () => client.markSeen(items.map((p) => p.id)))}>
                Mark all seen
              </button>
            )}
            <button type="button" aria-disabled={busy !== null} onClick={() => busy === null && void run('check', async () => setView(await client.check()))}>
              {busy === 'check' ? 'Checking…' : 'Check now'}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
