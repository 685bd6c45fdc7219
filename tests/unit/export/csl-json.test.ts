import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCslJson, toCslJsonString } from '../../../utils/export/csl-json';
import { toBibTeX } from '../../../utils/export/bibtex';
import { arxivAbsUrl } from '../../../utils/model/paper';
import cslSchema from './csl-data-subset.schema.json';
import { AWKWARD_PAPERS, expectedDate, paper } from './paper-fixtures';

const ajv = new Ajv({ allErrors: true, strict: false });
const validateCsl = ajv.compile(cslSchema);

interface ReadName { family?: string; given?: string; 'non-dropping-particle'?: string; suffix?: string; literal?: string }
const nameText = (n: ReadName) => n.literal ?? [n.given, n['non-dropping-particle'], n.family, n.suffix].filter(Boolean).join(' ');

/** Parse the file text back with JSON.parse and check it against the CSL schema: never trust our own objects. */
function readCsl(text: string): Array<Record<string, any>> {
  const data: unknown = JSON.parse(text);
  const valid = validateCsl(data);
  expect(validateCsl.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
  return data as Array<Record<string, any>>;
}

describe('toCslJson', () => {
  const items = readCsl(toCslJsonString(AWKWARD_PAPERS));

  it('is valid CSL-JSON: type article, arXiv as publisher, the id as number, the arXiv DOI', () => {
    expect(items).toHaveLength(AWKWARD_PAPERS.length);
    items.forEach((item, i) => {
      const p = AWKWARD_PAPERS[i]!;
      expect(item.type).toBe('article');
      expect(item.publisher).toBe('arXiv');
      expect(item.number).toBe(p.id);
      expect(item.DOI).toBe(`10.48550/arXiv.${p.id}`);
      expect(item.URL).toBe(arxivAbsUrl(p.id));
    });
  });

  it('keeps title, abstract, note and tags exactly, line breaks included', () => {
    items.forEach((item, i) => {
      const p = AWKWARD_PAPERS[i]!;
      expect(item.title).toBe(p.title);
      expect(item.abstract).toBe(p.abstract);
      expect(item.note).toBe(p.note === '' ? undefined : p.note);
      expect(item.keyword).toBe(p.tags.length ? p.tags.join(', ') : undefined);
    });
  });

  it('splits authors into family/given (with particles) and keeps single names as literals', () => {
    items.forEach((item, i) => {
      const authors = AWKWARD_PAPERS[i]!.authors;
      expect((item.author ?? []).map(nameText)).toEqual(authors);
    });
    expect(items[0]!.author[0]).toEqual({ family: 'Berg', given: 'Jean-Luc', 'non-dropping-particle': 'van der' });
    expect(items[0]!.author[3]).toEqual({ literal: 'akhaliq' });
    expect(items[2]!.author).toBeUndefined();
  });

  it('writes issued date-parts from the date, or year and month from the arXiv id', () => {
    items.forEach((item, i) => {
      const d = expectedDate(AWKWARD_PAPERS[i]!);
      expect(item.issued).toEqual({ 'date-parts': [[d.year, d.month, d.day].filter((x) => x !== undefined)] });
    });
    expect(items[2]!.issued).toEqual({ 'date-parts': [[2025, 10]] });
  });

  it('uses the same citation keys as the BibTeX export', () => {
    const bibKeys = [...toBibTeX(AWKWARD_PAPERS).matchAll(/^@misc\{([^,]+),/gm)].map((m) => m[1]);
    expect(items.map((item) => item.id)).toEqual(bibKeys);
  });

  it('the schema check is not vacuous: it rejects fields and shapes CSL does not define', () => {
    const [item] = toCslJson([paper('2501.00006')]);
    expect(validateCsl([{ ...item, arxivId: '2501.00006' }])).toBe(false);
    expect(validateCsl([{ ...item, issued: { 'date-parts': [[2025, 1, 2, 3]] } }])).toBe(false);
    expect(validateCsl([{ ...item, author: [{ name: 'X' }] }])).toBe(false);
    expect(validateCsl([{ ...item, type: 'preprint' }])).toBe(false);
  });

  it('toCslJson returns the same items as the string form', () => {
    expect(toCslJson(AWKWARD_PAPERS)).toEqual(items);
  });

  it('round-trips any Unicode title and note exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 }), (title, note) => {
        const [item] = readCsl(toCslJsonString([paper('2501.00004', { title, note })]));
        expect(item!.title).toBe(title);
        expect(item!.note ?? '').toBe(note);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips strings with lone surrogates too (JSON escapes them)', () => {
    const title = 'broken \ud800 pair \udc00';
    const [item] = readCsl(toCslJsonString([paper('2501.00005', { title })]));
    expect(item!.title).toBe(title);
  });
});
