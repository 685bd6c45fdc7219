import { useEffect, useState } from 'preact/hooks';
import { loadPageReport, type PageReport, type PopupData } from './data/load-popup-data';
import { openLibrary, openTopicsEditor } from './data/open-options';
import { browserTopicsClient, type TopicsClient } from './data/topics-client';
import { PopupTopics } from './topics/PopupTopics';
import type { DigestClient } from './digest/digest-client';
import { NewForYou } from './digest/NewForYou';

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

/**
 * After a topic change the tab's content script re-matches its cards on its own schedule; its counts are asked
 * for again a little later, twice (a quick answer, then a settled one).
 */
const RECOUNT_DELAYS_MS = [300, 1500];

export interface PopupViewProps {
  load: () => Promise<PopupData>;
  /** Topic storage (the background by default; a fake in tests). */
  topics?: TopicsClient;
  /** Re-asks the tab for its stats (match counts) after topics change. */
  reloadPage?: () => Promise<PageReport>;
  openLibrary?: () => void;
  openTopicsEditor?: () => void;
  recountDelaysMs?: readonly number[];
  /** The digest (the background by default; a fake in tests). */
  digest?: DigestClient;
}

export function PopupView({
  load,
  topics = browserTopicsClient,
  reloadPage = loadPageReport,
  openLibrary: onOpenLibrary = openLibrary,
  openTopicsEditor: onOpenTopics = openTopicsEditor,
  recountDelaysMs = RECOUNT_DELAYS_MS,
  digest,
}: PopupViewProps) {
  const [data, setData] = useState<PopupData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    load().then(setData, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, [load]);

  useEffect(() => {
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const recount = () => {
      for (const delay of recountDelaysMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          reloadPage().then(
            (page) => setData((d) => (d ? { ...d, page } : d)),
            () => undefined, // keep the counts shown; the popup is short-lived
          );
        }, delay);
        timers.add(timer);
      }
    };
    const stop = topics.watch(recount);
    return () => {
      stop();
      for (const t of timers) clearTimeout(t);
    };
  }, [topics, reloadPage, recountDelaysMs]);

  const counts = data?.page.state === 'papers' ? (data.page.stats.topicCounts ?? {}) : null;
  return (
    <main class="popup">
      <h1>PaperSift</h1>
      {error && <p class="warn" role="alert">Something went wrong: {error}</p>}
      {!data && !error && <p class="hint">Loading…</p>}
      {data && <PageSummary page={data.page} />}
      <NewForYou client={digest} />
      <PopupTopics client={topics} counts={counts} />
      {data && (
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
      )}
      <nav class="popup-links" aria-label="PaperSift pages">
        <a
          href="options.html"
          onClick={(e) => {
            e.preventDefault();
            onOpenLibrary();
          }}
        >
          Open library
        </a>
        <a
          href="options.html#topics"
          onClick={(e) => {
            e.preventDefault();
            onOpenTopics();
          }}
        >
          Edit topics
        </a>
      </nav>
    </main>
  );
}
