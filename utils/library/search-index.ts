/**
 * Full-text search over the library with MiniSearch: title, abstract, authors, tags and note.
 * Built once (`new LibrarySearch(records)`), then kept current with `sync` (only changed records are re-indexed),
 * so each keystroke costs one query, never a rebuild. Pure: no browser API.
 *
 * Query rules, for search as you type: every word must match (AND); the last word also matches as a prefix (it is
 * usually half typed; from 3 letters on); words of 4+ letters forgive one typo (one letter wrong, missing or
 * extra), words of 7+ two (a swapped pair counts as two). Accents and case are ignored ("schrodinger" finds
 * "Schrödinger"). Common English words ("the", "of", …) are neither indexed nor searched: they are in nearly every
 * abstract, so they would only make the index bigger and every search slower without narrowing anything.
 */
import MiniSearch from 'minisearch';
import type { SavedPaper } from '../storage/records';

type Field = 'title' | 'abstract' | 'authors' | 'tags' | 'note';
const FIELDS: Field[] = ['title', 'abstract', 'authors', 'tags', 'note'];
const BOOST: Record<Field, number> = { title: 3, authors: 2, tags: 2, note: 1.5, abstract: 1 };

/** Lower case without accents. */
export function foldTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Words too common in paper titles and abstracts to tell papers apart. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a an and are as at be been but by can do does for from had has have how in into is it its of on or our such than that ' +
    'the their them then there these they this those to via was we were what when where which while who will with')
    .split(' '),
);

/** The term as indexed and searched, or null to leave it out. */
function processTerm(term: string): string | null {
  const folded = foldTerm(term);
  return folded === '' || STOP_WORDS.has(folded) ? null : folded;
}

/** The words of a query that take part in the search (same folding and stop words as the index). */
export function queryWords(query: string): string[] {
  return (foldTerm(query).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOP_WORDS.has(w));
}

function fieldOf(doc: SavedPaper, field: string): string {
  switch (field as Field | 'id') {
    case 'title': return doc.title;
    case 'abstract': return doc.abstract ?? '';
    case 'authors': return doc.authors.join(' ');
    case 'tags': return doc.tags.join(' ');
    case 'note': return doc.note;
    default: return doc.id;
  }
}

const sameText = (a: SavedPaper, b: SavedPaper) =>
  a === b || FIELDS.every((f) => fieldOf(a, f) === fieldOf(b, f));

/** Edits a word may be off by: none for short words (too many false hits), 1 from 4 letters, 2 from 7 (a swapped pair is 2). */
export function typoAllowance(term: string): number | false {
  return term.length >= 7 ? 2 : term.length >= 4 ? 1 : false;
}

export class LibrarySearch {
  private readonly index: MiniSearch<SavedPaper>;
  /** The record each id was indexed from, to see which ones changed. */
  private readonly indexed = new Map<string, SavedPaper>();

  constructor(records: readonly SavedPaper[] = []) {
    this.index = new MiniSearch<SavedPaper>({
      idField: 'id',
      fields: FIELDS,
      extractField: fieldOf as (doc: SavedPaper, field: string) => string,
      processTerm,
      searchOptions: {
        boost: BOOST,
        combineWith: 'AND',
        // Only the word being typed is a prefix, from 3 letters: shorter prefixes match a large part of the
        // vocabulary (slow, and no help). Two letters still match whole words ("RL", "AI").
        prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
        fuzzy: typoAllowance,
      },
    });
    this.index.addAll(records);
    for (const r of records) this.indexed.set(r.id, r);
  }

  /**
   * Build the index a chunk at a time, yielding to the page in between, so a large library does not freeze it.
   * `onProgress(done, total)` after each chunk.
   */
  static async create(records: readonly SavedPaper[], onProgress?: (done: number, total: number) => void, chunk = 250): Promise<LibrarySearch> {
    const s = new LibrarySearch();
    for (let i = 0; i < records.length; i += chunk) {
      const part = records.slice(i, i + chunk);
      s.index.addAll(part);
      for (const r of part) s.indexed.set(r.id, r);
      onProgress?.(Math.min(i + chunk, records.length), records.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return s;
  }

  get size(): number {
    return this.indexed.size;
  }

  /** Index `rec` (new or changed); nothing happens when its searchable text is unchanged. */
  upsert(rec: SavedPaper): void {
    const old = this.indexed.get(rec.id);
    if (old && sameText(old, rec)) {
      this.indexed.set(rec.id, rec);
      return;
    }
    if (old) this.index.replace(rec);
    else this.index.add(rec);
    this.indexed.set(rec.id, rec);
  }

  remove(id: string): void {
    if (!this.indexed.has(id)) return;
    this.index.discard(id);
    this.indexed.delete(id);
  }

  /** Make the index hold exactly `records`; returns how many records were (re)indexed or dropped. */
  sync(records: readonly SavedPaper[]): number {
    let touched = 0;
    const keep = new Set<string>();
    for (const r of records) {
      keep.add(r.id);
      const old = this.indexed.get(r.id);
      if (!old || !sameText(old, r)) touched++;
      this.upsert(r);
    }
    for (const id of [...this.indexed.keys()]) {
      if (!keep.has(id)) {
        this.remove(id);
        touched++;
      }
    }
    return touched;
  }

  /** Ids matching every word of `query`, with their relevance; null when the query has no words (no filter). */
  search(query: string): Map<string, number> | null {
    // A single letter being typed at the end narrows nothing yet (and would match no whole word): wait for more.
    const q = query.replace(/(^|[^\p{L}\p{N}])[\p{L}\p{N}]$/u, '$1');
    // A query of only spaces, punctuation or common words has nothing to search for: "no filter", not "no match".
    if (queryWords(q).length === 0) return null;
    return new Map(this.index.search(q).map((h) => [String(h.id), h.score]));
  }
}

/**
 * Stand-in while the index is still being built: every query word must appear (as a substring, accents and case
 * ignored) in the title, authors, tags or note. No typo tolerance, no abstract; only for the first moments.
 */
export function substringHits(records: readonly SavedPaper[], query: string): Map<string, number> | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const hits = new Map<string, number>();
  for (const r of records) {
    const text = foldTerm(`${r.title} ${r.authors.join(' ')} ${r.tags.join(' ')} ${r.note}`);
    if (words.every((w) => text.includes(w))) hits.set(r.id, 1);
  }
  return hits;
}
