import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBibTeX } from '../../../utils/export/bibtex';
import { arxivAbsUrl } from '../../../utils/model/paper';
import { AWKWARD_PAPERS, expectedDate, oneLine, paper } from './paper-fixtures';

/** Read BibTeX the way Zotero's Better BibTeX does (the parser's defaults: TeX → Unicode, sentence-casing on). */
function readBib(bib: string): Entry[] {
  const library = parse(bib);
  expect(library.errors).toEqual([]);
  return library.entries;
}

/** The parser marks case-protected text with Zotero's nocase spans; the text itself is what we compare. */
const plainTitle = (title: string | undefined) => (title ?? '').replace(/<span class="nocase">|<\/span>/g, '');

const creatorText = (c: Creator) => c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ');

const expectedTags = (tags: string[]) => tags.map((t) => oneLine(t.replace(/[,;{}\\]/g, ' '))).filter(Boolean).sort();

describe('toBibTeX read back by @retorquere/bibtex-parser', () => {
  const entries = readBib(toBibTeX(AWKWARD_PAPERS));

  it('writes one @misc entry per paper, in order, with arXiv eprint fields', () => {
    expect(entries).toHaveLength(AWKWARD_PAPERS.length);
    entries.forEach((entry, i) => {
      const p = AWKWARD_PAPERS[i]!;
      expect(entry.type).toBe('misc');
      expect(entry.fields.eprint).toBe(p.id);
      expect(entry.fields.archiveprefix).toBe('arXiv');
      expect(entry.fields.primaryclass).toBeUndefined();
      expect(entry.fields.doi).toBe(`10.48550/arXiv.${p.id}`);
      expect(entry.fields.url).toBe(arxivAbsUrl(p.id));
    });
  });

  it('keeps every title exactly (braces, TeX accents, specials, quotes, scripts, 2,000 chars)', () => {
    entries.forEach((entry, i) => expect(plainTitle(entry.fields.title)).toBe(oneLine(AWKWARD_PAPERS[i]!.title)));
    // The literal TeX in a title reads back as the same characters, not as "Schrödinger".
    expect(plainTitle(entries[0]!.fields.title)).toContain('Schr\\"odinger');
    expect(plainTitle(entries[0]!.fields.title)).toContain('{GPT}-4 and {LLaMA}');
    expect(plainTitle(entries[3]!.fields.title)).toHaveLength(2000);
  });

  it('protects capitalisation: a sentence-casing reader leaves Title Case alone', () => {
    expect(plainTitle(entries[4]!.fields.title)).toBe('Attention Is All You Need (Again): {BERT}, T5 & Émile Zola’s ÉLAN');
  });

  it('keeps authors, splitting particles and suffixes, single names as literals', () => {
    entries.forEach((entry, i) => {
      const authors = AWKWARD_PAPERS[i]!.authors;
      if (authors.length === 0) return expect(entry.fields.author).toBeUndefined();
      expect((entry.fields.author ?? []).map(creatorText)).toEqual(authors);
    });
    expect(entries[0]!.fields.author![0]).toEqual({ lastName: 'Berg', firstName: 'Jean-Luc', prefix: 'van der' });
    expect(entries[0]!.fields.author![2]).toEqual({ lastName: 'Smith', firstName: 'John', suffix: 'Jr.' });
    expect(entries[0]!.fields.author![3]).toEqual({ name: 'akhaliq' });
  });

  it('writes year and month from the date, or from the arXiv id when the date is missing', () => {
    entries.forEach((entry, i) => {
      const date = expectedDate(AWKWARD_PAPERS[i]!);
      expect(entry.fields.year).toBe(String(date.year));
      expect(entry.fields.month).toBe(String(date.month));
    });
    expect(entries[2]!.fields.year).toBe('2025');
    expect(entries[2]!.fields.month).toBe('10');
  });

  it('keeps abstract and note text (line breaks become spaces), and tags as keywords', () => {
    entries.forEach((entry, i) => {
      const p = AWKWARD_PAPERS[i]!;
      expect(entry.fields.abstract).toBe(p.abstract ? oneLine(p.abstract) : undefined);
      expect(entry.fields.note).toBe(p.note ? oneLine(p.note) : undefined);
      expect([...(entry.fields.keywords ?? [])].sort()).toEqual(expectedTags(p.tags));
    });
  });

  it('replaces keyword separators inside a tag instead of splitting it', () => {
    const [entry] = readBib(toBibTeX([paper('2501.00001', { tags: ['a,b', 'c;d', '{e}', 'f\\g', ' ', 'a,b'] })]));
    expect([...(entry!.fields.keywords ?? [])].sort()).toEqual(['a b', 'c d', 'e', 'f g']);
  });

  it('writes only https arXiv URLs: a javascript: link in a record is replaced by the canonical one', () => {
    const bad = paper('2501.00002', { links: { hf: 'javascript:alert(1)', arxiv: 'javascript:alert(1)', pdf: 'http://x' } });
    const [entry] = readBib(toBibTeX([bad]));
    expect(entry!.fields.url).toBe('https://arxiv.org/abs/2501.00002');
  });

  it('gives unique keys across 1,000 papers with identical authors, years and titles, parsed without clashes', () => {
    const same = Array.from({ length: 1000 }, (_, i) =>
      paper(`2501.${String(10000 + i)}`, { title: 'The Same Title', authors: ['Jane Doe'], date: '2025-01-15' }));
    const read = readBib(toBibTeX(same));
    const keys = read.map((e) => e.key);
    expect(new Set(keys).size).toBe(1000);
    expect(keys[0]).toBe('doe2025same');
    expect(keys[1]).toBe('doe2025samea');
    expect(keys[26]).toBe('doe2025samez');
    expect(keys[27]).toBe('doe2025sameaa');
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+$/);
  }, 60_000);

  it('survives random titles and notes over the documented safe alphabet', () => {
    // Safe alphabet: all of Unicode. What BibTeX cannot carry is whitespace layout (runs of ASCII whitespace
    // read back as one space, as TeX reads them, ends trimmed) and control characters (dropped).
    const unit = fc.oneof(
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), // all TeX specials, often
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), // any code point
      fc.constantFrom('É', 'Ж', '日', 'ع', '🚀', '’', 'ǅ', ' ', '\n', '\t', '--', "''", '``', ',,', '!`'),
    );
    const text = fc.string({ unit, maxLength: 60 });
    fc.assert(
      fc.property(text, text, (title, note) => {
        const [entry] = readBib(toBibTeX([paper('2501.00003', { title, note })]));
        expect(plainTitle(entry!.fields.title)).toBe(oneLine(title));
        expect(entry!.fields.note ?? '').toBe(oneLine(note));
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});
