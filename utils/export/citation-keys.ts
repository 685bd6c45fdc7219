/**
 * Citation keys shared by BibTeX and CSL-JSON (so `[@key]` works with either file in Pandoc):
 * `<firstAuthorFamily><year><firstTitleWord>`, ASCII-folded and lowercased, e.g. `vaswani2017attention`.
 * Clashing keys get a, b, c … suffixes; the order inside a clash comes from the arXiv ids, so the same papers
 * get the same keys whatever order they are exported in.
 */
import type { SavedPaper } from '../storage/records';
import { paperDateParts } from './paper-fields';
import { splitPersonName } from './person-name';
import { asciiFold } from './text';

const MAX_PART = 24;
// Words that say nothing about a paper; BibTeX tools conventionally skip them in keys.
const SKIPPED_TITLE_WORDS = new Set([
  'a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'from', 'by', 'at', 'via', 'is', 'are',
  'towards', 'toward',
]);

type KeyedPaper = Pick<SavedPaper, 'id' | 'title' | 'authors' | 'date'>;

export function baseCitationKey(paper: KeyedPaper): string {
  const author = firstAuthorKeyPart(paper.authors) || 'anon';
  const year = paperDateParts(paper)?.year ?? '';
  const word = firstTitleWord(paper.title);
  return `${author}${year}${word}`;
}

function firstAuthorKeyPart(authors: readonly string[] | undefined): string {
  const first = authors?.find((a) => typeof a === 'string' && a.trim() !== '');
  if (!first) return '';
  const name = splitPersonName(first);
  if (!name) return '';
  const family = name.kind === 'person' ? name.family : name.literal.split(',')[0]!.trim().split(' ')[0]!;
  return asciiFold(family).slice(0, MAX_PART);
}

function firstTitleWord(title: string | undefined): string {
  const words = (title ?? '').split(/[\s\-–—:;,.!?/()[\]{}"'`]+/u);
  for (const word of words) {
    const folded = asciiFold(word);
    if (folded !== '' && !SKIPPED_TITLE_WORDS.has(folded)) return folded.slice(0, MAX_PART);
  }
  return '';
}

/** Keys for `papers`, in the same order: unique within the list, deterministic, independent of list order. */
export function citationKeys(papers: readonly KeyedPaper[]): string[] {
  const entries = papers.map((paper, index) => ({ index, id: String(paper.id), base: baseCitationKey(paper) }));
  // Sorting by (base, id) makes suffix assignment independent of input order; index only separates exact duplicates.
  const sorted = [...entries].sort((a, b) => cmp(a.base, b.base) || cmp(a.id, b.id) || a.index - b.index);
  const used = new Set<string>();
  const nextSuffix = new Map<string, number>(); // keeps large clashes linear
  const keys: string[] = new Array(papers.length);
  for (const entry of sorted) {
    let key = entry.base;
    let n = nextSuffix.get(entry.base) ?? 0;
    // A suffixed key can still collide with another paper's base key ("smith2025a"): keep counting.
    while (used.has(key)) key = entry.base + alphaSuffix(n++);
    nextSuffix.set(entry.base, n);
    used.add(key);
    keys[entry.index] = key;
  }
  return keys;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** 0 → a, 25 → z, 26 → aa, 27 → ab …: bijective base 26, so suffixes never run out. */
function alphaSuffix(n: number): string {
  let s = '';
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  return s;
}
