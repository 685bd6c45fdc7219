/**
 * The options page's copy of the library: every saved record (from `library/list`) and its search index.
 * Own edits are applied locally from the background's replies; changes from other tabs (a change event under
 * CHANGE_KEY) make it fetch the list again, keeping the objects of unchanged records so their cached topic matches
 * and index entries stay valid.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { LibrarySearch } from '../../../utils/library/search-index';
import { sendToBackground } from '../../../utils/messaging/client';
import { CHANGE_KEY } from '../../../utils/messaging/protocol';
import type { SavedPaper } from '../../../utils/storage/records';

export interface LibraryData {
  records: SavedPaper[] | null;
  loadError: string | null;
  /** null until the index is built (large libraries take a moment). */
  search: LibrarySearch | null;
  /** Indexing progress, 0–1, while the index is being built. */
  indexing: number | null;
  /** Changes whenever records or the index change, for memoised views. */
  version: number;
  reload: () => Promise<void>;
  /** Put records in (new or edited), as the background returned them. */
  upsert: (recs: readonly SavedPaper[]) => void;
  drop: (ids: readonly string[]) => void;
}

/** Refetch this long after the last change event, so a burst of events costs one fetch. */
const REFETCH_DELAY_MS = 250;

const same = (a: SavedPaper, b: SavedPaper) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function useLibrary(): LibraryData {
  const [records, setRecords] = useState<SavedPaper[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [search, setSearch] = useState<LibrarySearch | null>(null);
  const [indexing, setIndexing] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const recordsRef = useRef<SavedPaper[] | null>(null);
  const searchRef = useRef<LibrarySearch | null>(null);
  const building = useRef(false);

  const commit = useCallback((next: SavedPaper[]) => {
    recordsRef.current = next;
    setRecords(next);
    searchRef.current?.sync(next);
    setVersion((v) => v + 1);
  }, []);

  const buildIndex = useCallback(async (recs: SavedPaper[]) => {
    if (building.current || searchRef.current) return;
    building.current = true;
    setIndexing(0);
    const index = await LibrarySearch.create(recs, (done, total) => setIndexing(total ? done / total : 1));
    // Records may have changed while the index was built: bring it up to date before using it.
    if (recordsRef.current) index.sync(recordsRef.current);
    searchRef.current = index;
    setSearch(index);
    setIndexing(null);
    setVersion((v) => v + 1);
    building.current = false;
  }, []);

  const reload = useCallback(async () => {
    try {
      const fresh = await sendToBackground({ type: 'library/list' });
      const old = new Map((recordsRef.current ?? []).map((r) => [r.id, r]));
      const merged = fresh.map((r) => {
        const prev = old.get(r.id);
        return prev && same(prev, r) ? prev : r;
      });
      setLoadError(null);
      commit(merged);
      void buildIndex(merged);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, [commit, buildIndex]);

  useEffect(() => {
    void reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'local' || !(CHANGE_KEY in changes)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void reload(), REFETCH_DELAY_MS);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      clearTimeout(timer);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [reload]);

  const upsert = useCallback(
    (recs: readonly SavedPaper[]) => {
      const byId = new Map(recs.map((r) => [r.id, r]));
      const current = recordsRef.current ?? [];
      const next = current.map((r) => byId.get(r.id) ?? r);
      const known = new Set(current.map((r) => r.id));
      for (const r of recs) if (!known.has(r.id)) next.push(r);
      commit(next);
    },
    [commit],
  );

  const drop = useCallback(
    (ids: readonly string[]) => {
      const gone = new Set(ids);
      commit((recordsRef.current ?? []).filter((r) => !gone.has(r.id)));
    },
    [commit],
  );

  return { records, loadError, search, indexing, version, reload, upsert, drop };
}
