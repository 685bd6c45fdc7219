import { AST, parse } from 'astrocite-ris';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRis } from '../../../utils/export/ris';
import { arxivAbsUrl } from '../../../utils/model/paper';
import { AWKWARD_PAPERS, expectedDate, oneLine, paper } from './paper-fixtures';

/** RIS "Family, Given" back to the "Given Family" order the papers pages use. */
const displayName = (ris: string) => {
  const [family, given, suffix] = ris.split(', ');
  return [given, family, suffix].filter(Boolean).join(' ');
};

describe('toRis read back by astrocite-ris', () => {
  const ris = toRis(AWKWARD_PAPERS);
  const items = parse(ris) as Array<Record<string, any>>;
  const entries = AST.parse(ris).children;

  it('writes one JOUR record per paper with arXiv as container, the DOI, the URL and the arXiv id', () => {
    expect(items).toHaveLength(AWKWARD_PAPERS.length);
    entries.forEach((entry) => expect(entry.type).toBe('JOUR'));
    items.forEach((item, i) => {
      const p = AWKWARD_PAPERS[i]!;
      expect(item.type).toBe('article-journal');
      expect(item['container-title']).toBe('arXiv');
      expect(item.DOI).toBe(`10.48550/arXiv.${p.id}`);
      expect(item.URL).toBe(arxivAbsUrl(p.id));
      expect(item.number).toBe(`arXiv:${p.id}`);
    });
  });

  it('uses CRLF line endings and ends every record with ER', () => {
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ris.match(/^ER {2}- $/gm)).toHaveLength(AWKWARD_PAPERS.length);
  });

  it('keeps title, abstract and note (line breaks become spaces) and one KW per tag', () => {
    items.forEach((item, i) => {
      const p = AWKWARD_PAPERS[i]!;
      expect(item.title).toBe(oneLine(p.title));
      expect(item.abstract).toBe(p.abstract ? oneLine(p.abstract) : undefined);
      expect(item.note).toBe(p.note ? oneLine(p.note) : undefined);
      expect(item.keyword ?? []).toEqual(p.tags);
    });
  });

  it('writes one AU per author as "Family, Given[, Suffix]", which readers split into names', () => {
    entries.forEach((entry, i) => {
      const au = entry.properties.filter((prop) => prop.key === 'AU').map((prop) => prop.value);
      expect(au.map(displayName)).toEqual(AWKWARD_PAPERS[i]!.authors);
    });
    expect(items[0]!.author[0]).toEqual({ family: 'Berg', given: 'Jean-Luc', 'non-dropping-particle': 'van der' });
    expect(items[1]!.author[0]).toEqual({ family: 'Петров', given: 'Иван' });
    expect(items[2]!.author).toBeUndefined();
  });

  it('writes PY then DA, so the full date wins', () => {
    items.forEach((item, i) => {
      const d = expectedDate(AWKWARD_PAPERS[i]!);
      const parts = [String(d.year), d.month && String(d.month).padStart(2, '0'), d.day && String(d.day).padStart(2, '0')].filter(Boolean);
      expect(item.issued).toEqual({ 'date-parts': [parts] });
    });
  });

  it('round-trips any Unicode title as a single line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }).filter((t) => oneLine(t) !== ''), (title) => {
        const [item] = parse(toRis([paper('2501.00007', { title })])) as Array<Record<string, any>>;
        expect(item!.title).toBe(oneLine(title));
      }),
      { numRuns: 300 },
    );
  });
});
