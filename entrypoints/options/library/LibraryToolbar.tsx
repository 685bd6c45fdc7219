/** Search box, filters (tag, topic, day range saved) and sort order of the library list. */
import type { Ref } from 'preact';
import type { LibraryFilters, SortKey, TagCount } from '../../../utils/library/select-papers';
import { SORT_LABELS } from '../../../utils/library/select-papers';
import type { Topic } from '../../../utils/topics/types';

export interface ToolbarProps {
  query: string;
  onQuery: (q: string) => void;
  searchRef: Ref<HTMLInputElement>;
  filters: LibraryFilters;
  onFilters: (f: LibraryFilters) => void;
  sort: SortKey;
  onSort: (s: SortKey) => void;
  tags: TagCount[];
  /** Empty: the topic filter is left out. */
  topics: readonly Topic[];
}

export function LibraryToolbar({ query, onQuery, searchRef, filters, onFilters, sort, onSort, tags, topics }: ToolbarProps) {
  const set = (patch: Partial<LibraryFilters>) => onFilters({ ...filters, ...patch });
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <div class="lib-toolbar" role="search" aria-label="Search and filter the library">
      <div class="ps-field lib-search">
        <label for="lib-search">Search</label>
        <input
          ref={searchRef}
          id="lib-search"
          type="search"
          value={query}
          placeholder="Title, abstract, authors, tags, notes"
          aria-describedby="lib-search-hint"
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => onQuery(value(e))}
        />
        <span id="lib-search-hint" class="sr-only">Results update as you type. Press / to come back here.</span>
      </div>
      <div class="ps-field">
        <label for="lib-tag">Tag</label>
        <select id="lib-tag" value={filters.tag ?? ''} onChange={(e) => set({ tag: value(e) || null })}>
          <option value="">Any tag</option>
          {tags.map((t) => (
            <option key={t.tag.toLowerCase()} value={t.tag}>
              {t.tag} ({t.count})
            </option>
          ))}
        </select>
      </div>
      {topics.length > 0 && (
        <div class="ps-field">
          <label for="lib-topic">Topic</label>
          <select id="lib-topic" value={filters.topicId ?? ''} onChange={(e) => set({ topicId: value(e) || null })}>
            <option value="">Any topic</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {t.mode === 'mute' ? ' (muted)' : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="ps-field">
        <label for="lib-from">Saved from</label>
        <input id="lib-from" type="date" value={filters.savedFrom ?? ''} onChange={(e) => set({ savedFrom: value(e) || null })} />
      </div>
      <div class="ps-field">
        <label for="lib-to">Saved until</label>
        <input id="lib-to" type="date" value={filters.savedTo ?? ''} onChange={(e) => set({ savedTo: value(e) || null })} />
      </div>
      <div class="ps-field">
        <label for="lib-sort">Sort by</label>
        <select id="lib-sort" value={sort} onChange={(e) => onSort(value(e) as SortKey)}>
          {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
            <option key={k} value={k}>
              {SORT_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
