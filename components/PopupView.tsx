import { useEffect, useState } from 'preact/hooks';
import type { PopupData } from '../utils/popup/load-popup-data';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function PageSummary({ page }: { page: PopupData['page'] }) {
  if (page.state === 'not-papers') {
    return (
      <p class="hint">
        Open <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">Hugging Face Daily Papers</a> to
        highlight, save and hide papers.
      </p>
    );
  }
  if (page.state === 'no-answer') {
    return <p class="warn">PaperSift is not running on this tab yet. Reload the page to start it.</p>;
  }
  const { stats } = page;
  if (stats.found === 0) {
    return (
      <p class="warn" role="alert">
        PaperSift found no papers on this page. The site may have changed its layout — PaperSift may need an update.
      </p>
    );
  }
  return (
    <ul class="counts" aria-label="On this page">
      <li><strong>{stats.found}</strong> {stats.found === 1 ? 'paper found' : 'papers found'}</li>
      <li><strong>{stats.saved}</strong> saved</li>
      <li><strong>{stats.hidden}</strong> hidden</li>
    </ul>
  );
}

export function PopupView({ load }: { load: () => Promise<PopupData> }) {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    load().then(setData, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, [load]);

  return (
    <main class="popup">
      <h1>PaperSift</h1>
      {error && <p class="warn" role="alert">Something went wrong: {error}</p>}
      {!data && !error && <p class="hint">Loading…</p>}
      {data && (
        <>
          <PageSummary page={data.page} />
          <section aria-labelledby="recent-heading">
            <h2 id="recent-heading">Recently saved</h2>
            {data.recentError && <p class="warn" role="alert">Could not read your library: {data.recentError}</p>}
            {!data.recentError && data.recent.length === 0 && <p class="hint">Nothing saved yet. Press Save on a paper card.</p>}
            <ol class="recent">
              {data.recent.map((p) => (
                <li key={p.id}>
                  <a href={p.links.hf} target="_blank" rel="noreferrer">{p.title || p.id}</a>
                </li>
              ))}
            </ol>
            {data.recent.length > 0 && <p class="hint">{plural(data.recent.length, 'recent paper')} shown.</p>}
          </section>
        </>
      )}
    </main>
  );
}
