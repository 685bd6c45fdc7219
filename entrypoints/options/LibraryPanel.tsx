/**
 * The options page's Library tab: every saved paper, searchable as you type, filtered and sorted, with inline tags
 * and notes, Undo for removals, bulk actions and export. Only PAGE_SIZE rows are rendered at first ("Show more"
 * adds more), so a library of 10,000 papers stays quick.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { exportPapers } from '../../utils/export/export-papers';
import { exportFileName, exportFormat, type ExportFormatId } from '../../utils/export/formats';
import { downloadText } from '../../utils/library/download';
import { PAGE_SIZE } from '../../utils/library/paging';
import { substringHits } from '../../utils/library/search-index';
import { filterProblem, NO_FILTERS, selectPapers, tagCounts, type LibraryFilters, type SortKey } from '../../utils/library/select-papers';
import { TopicMatchCache } from '../../utils/library/topic-matches';
import { sendToBackground } from '../../utils/messaging/client';
import type { SavedPaper } from '../../utils/storage/records';
import { compileTopics } from '../../utils/topics/compile';
import { Notice } from '../../components/common/Notice';
import { UndoToast, type ToastMessage } from '../../components/common/UndoToast';
import { BulkBar } from './library/BulkBar';
import { HiddenPapers } from './library/HiddenPapers';
import { LibraryToolbar } from './library/LibraryToolbar';
import { PaperRow } from './library/PaperRow';
import { useLibrary } from './library/use-library';
import { useTopics } from './library/use-topics';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Wait after the last key before searching. */
const SEARCH_PAUSE_MS = 60;

/** `value` once it has stopped changing for `ms` (at once when it becomes empty: clearing should feel instant). */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (value.trim() === '') {
      setSettled(value);
      return;
    }
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Whether a key press happened in a place that takes text (then "/" is just a character). */
const typingIn = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

export function LibraryPanel() {
  const lib = useLibrary();
  const topicsData = useTopics();
  const topics = topicsData.list?.topics ?? [];
  const [query, setQuery] = useState('');
  // The box shows every key at once; the search runs when typing pauses briefly, so fast typing never lags.
  const searchQuery = useSettled(query, SEARCH_PAUSE_MS);
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [sort, setSort] = useState<SortKey>('saved');
  const [shown, setShown] = useState(PAGE_SIZE);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const toastKey = useRef(0);

  const showToast = useCallback((text: string, undo?: () => Promise<void>) => {
    setToast({ key: ++toastKey.current, text, undo });
  }, []);

  // The matcher is compiled once per change of topics; matches are cached per record object.
  const matches = useMemo(() => {
    try {
      return new TopicMatchCache(topics.length > 0 ? compileTopics(topics) : null);
    } catch {
      return new TopicMatchCache(null);
    }
  }, [topics]);

  const records = lib.records ?? [];
  const hits = useMemo(
    () => (lib.search ? lib.search.search(searchQuery) : substringHits(records, searchQuery)),
    [searchQuery, lib.search, lib.version, records],
  );
  const list = useMemo(
    () => selectPapers(records, filters, sort, { hits, topicIdsOf: matches.topicIds }),
    [records, filters, sort, hits, matches],
  );
  const tags = useMemo(() => tagCounts(records), [records]);

  // A new search or filter starts again at the top of the list.
  useEffect(() => setShown(PAGE_SIZE), [searchQuery, filters, sort]);
  // The selection only ever holds papers that are listed, so bulk actions do what the reader sees.
  useEffect(() => {
    setSelected((s) => {
      if (s.size === 0) return s;
      const listed = new Set(list.map((p) => p.id));
      const kept = [...s].filter((id) => listed.has(id));
      return kept.length === s.size ? s : new Set(kept);
    });
  }, [list]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !e.altKey && !typingIn(e.target)) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);

  const onSelect = useCallback((id: string, on: boolean) => {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const onEdit = useCallback(
    async (id: string, patch: { tags?: string[]; note?: string }) => {
      const rec = await sendToBackground({ type: 'library/update', id, ...patch });
      lib.upsert([rec]);
      return rec;
    },
    [lib.upsert],
  );

  const remove = useCallback(
    async (ids: string[], what: string) => {
      setProblem(null);
      setBusy(true);
      try {
        const { removed } = await sendToBackground({ type: 'library/remove', ids });
        lib.drop(removed.map((r) => r.id));
        showToast(`Removed ${what}.`, async () => {
          await sendToBackground({ type: 'library/restore-records', records: removed });
          lib.upsert(removed);
        });
      } catch (e) {
        setProblem(errorText(e));
      } finally {
        setBusy(false);
      }
    },
    [lib.drop, lib.upsert, showToast],
  );

  const onRemove = useCallback((p: SavedPaper) => void remove([p.id], `“${p.title || p.id}”`), [remove]);

  const selectedPapers = () => list.filter((p) => selected.has(p.id));

  const onTag = async (mode: 'add' | 'remove', tagList: string[]) => {
    const ids = selectedPapers().map((p) => p.id);
    setBusy(true);
    try {
      const { updated } = await sendToBackground({
        type: 'library/tag',
        ids,
        add: mode === 'add' ? tagList : [],
        remove: mode === 'remove' ? tagList : [],
      });
      lib.upsert(updated);
      showToast(`${mode === 'add' ? 'Tagged' : 'Untagged'} ${plural(updated.length, 'paper')}.`);
    } finally {
      setBusy(false);
    }
  };

  const onExport = (format: ExportFormatId, scope: 'selected' | 'all') => {
    setProblem(null);
    try {
      // "All" is the whole library, newest saved first; a selection keeps the order on screen.
      const papers = scope === 'all' ? selectPapers(records, NO_FILTERS, 'saved', { hits: null }) : selectedPapers();
      const text = exportPapers(format, papers);
      downloadText(text, exportFileName(format, papers.length, new Date()), exportFormat(format).mime);
      showToast(`Exported ${plural(papers.length, 'paper')} as ${exportFormat(format).label}.`);
    } catch (e) {
      setProblem(`Could not export: ${errorText(e)}`);
    }
  };

  const filterNote = filterProblem(filters);
  const filtering = hits !== null || Object.values(filters).some((v) => v !== null);

  return (
    <section class="lib" aria-labelledby="lib-heading">
      <h2 id="lib-heading">
        Library{lib.records ? <span class="lib-count"> · {plural(records.length, 'paper')}</span> : null}
      </h2>

      {lib.loadError && (
        <Notice kind="error">
          Could not read your library: {lib.loadError}{' '}
          <button type="button" class="ps-button" onClick={() => void lib.reload()}>
            Try again
          </button>
        </Notice>
      )}
      {!lib.records && !lib.loadError && <p class="ps-hint">Loading your library…</p>}

      {lib.records && records.length === 0 && (
        <p class="lib-empty">
          Nothing saved yet. Press <strong>Save</strong> on a paper card on{' '}
          <a href="https://huggingface.co/papers" target="_blank" rel="noreferrer">Hugging Face Papers</a>; it shows up here.
        </p>
      )}

      {lib.records && records.length > 0 && (
        <>
          <LibraryToolbar
            query={query}
            onQuery={setQuery}
            searchRef={searchRef}
            filters={filters}
            onFilters={setFilters}
            sort={sort}
            onSort={setSort}
            tags={tags}
            topics={topics}
          />
          {lib.indexing !== null && query.trim() !== '' && (
            <p class="ps-hint">Preparing full-text search ({Math.round(lib.indexing * 100)}%); until then titles, authors, tags and notes are searched.</p>
          )}
          {filterNote && <Notice kind="warn">{filterNote}</Notice>}
          {topicsData.error && <Notice kind="warn">Topics could not be read, so matches are not shown: {topicsData.error}</Notice>}
          <BulkBar
            matching={list.length}
            total={records.length}
            selected={selected.size}
            allMatchingSelected={list.length > 0 && list.every((p) => selected.has(p.id))}
            onSelectAll={(on) => setSelected(on ? new Set(list.map((p) => p.id)) : new Set())}
            onClearSelection={() => setSelected(new Set())}
            onTag={onTag}
            onRemoveSelected={() => {
              const ids = selectedPapers().map((p) => p.id);
              void remove(ids, plural(ids.length, 'paper'));
            }}
            onExport={onExport}
            busy={busy}
          />
          {problem && <Notice kind="error">{problem}</Notice>}
          <p class="lib-result-count" role="status">
            {filtering ? `${plural(list.length, 'paper')} of ${records.length.toLocaleString('en')} match` : `${plural(list.length, 'paper')}`}
            {list.length > shown ? `, showing the first ${shown}` : ''}
          </p>
          {list.length === 0 ? (
            <p class="lib-empty">
              No paper matches.{' '}
              <button
                type="button"
                class="ps-button"
                onClick={() => {
                  setQuery('');
                  setFilters(NO_FILTERS);
                }}
              >
                Clear search and filters
              </button>
            </p>
          ) : (
            <ul class="lib-list" aria-label="Saved papers">
              {list.slice(0, shown).map((p) => (
                <PaperRow
                  key={p.id}
                  paper={p}
                  topics={matches.hasTopics ? matches.matches(p) : null}
                  selected={selected.has(p.id)}
                  onSelect={onSelect}
                  onEdit={onEdit}
                  onRemove={onRemove}
                />
              ))}
            </ul>
          )}
          {list.length > shown && (
            <button type="button" class="ps-button lib-more" onClick={() => setShown((n) => n + PAGE_SIZE)}>
              Show more ({(list.length - shown).toLocaleString('en')} more)
            </button>
          )}
        </>
      )}

      <HiddenPapers onToast={showToast} />
      <UndoToast toast={toast} onClose={() => setToast(null)} />
    </section>
  );
}
