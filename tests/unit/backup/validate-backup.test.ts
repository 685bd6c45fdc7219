import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_FORMAT, BACKUP_SCHEMA, makeBackup, serializeBackup } from '../../../utils/backup/backup-file';
import { BACKUP_LIMITS } from '../../../utils/backup/limits';
import { utf8Length, validateBackup, type BackupValidation } from '../../../utils/backup/validate-backup';
import { edited, NOW, validBackup, validText } from './backup-fixtures';

/** The errors of a rejected validation (fails the test if it was accepted). */
function errorsOf(result: BackupValidation) {
  if (result.ok) throw new Error('expected the backup to be rejected');
  return result.errors;
}

const only = (text: string, options?: Parameters<typeof validateBackup>[1]) => {
  const errors = errorsOf(validateBackup(text, options));
  expect(errors).toHaveLength(1);
  return errors[0]!;
};

afterEach(() => vi.restoreAllMocks());

describe('makeBackup', () => {
  it('wraps the data with format, schema and the export time', () => {
    const backup = makeBackup({ saved: [], hidden: [], topics: [], settings: null }, new Date(NOW));
    expect(backup).toEqual({
      format: 'papersift-backup', schema: 1, exportedAt: '2026-11-29T08:30:00.000Z', saved: [], hidden: [], topics: [], settings: null,
    });
  });
});

describe('validateBackup: valid files', () => {
  it('accepts its own output and returns exactly the same data', () => {
    const result = validateBackup(validText());
    expect(result).toEqual({ ok: true, backup: validBackup(), warnings: [] });
  });

  it('accepts a UTF-8 byte order mark and an empty library', () => {
    expect(validateBackup('\ufeff' + validText()).ok).toBe(true);
    const empty = serializeBackup(makeBackup({ saved: [], hidden: [], topics: [], settings: {} }, NOW));
    expect(validateBackup(empty).ok).toBe(true);
  });

  it('ignores unknown top-level fields with a warning and leaves them out of the result', () => {
    const result = validateBackup(edited((d) => { d.exportedBy = 'PaperSift 9'; }));
    expect(result.ok && result.warnings).toEqual(['Ignored unknown field "exportedBy" at the top of the file.']);
    expect(result.ok && Object.keys(result.backup)).toEqual(['format', 'schema', 'exportedAt', 'saved', 'hidden', 'topics', 'settings']);
  });

  it('accepts values exactly at the limits', () => {
    const result = validateBackup(edited((d) => {
      d.saved[0].title = 'x'.repeat(2000);
      d.saved[0].abstract = 'a'.repeat(20_000);
      d.saved[0].note = 'n'.repeat(100_000);
      d.saved[0].authors = Array.from({ length: 500 }, (_, i) => `Author ${i}`);
      d.saved[0].tags = Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(100, 't'));
    }));
    expect(result.ok).toBe(true);
  });
});

describe('validateBackup: the file as a whole', () => {
  it('refuses an oversized text before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const text = validText();
    expect(only(text, { maxBytes: 1000 })).toEqual({ path: '', message: 'The file is at least 6.5 KB; backups are limited to 1000 bytes.' });
    expect(parse).not.toHaveBeenCalled();
    expect(validateBackup(text, { maxBytes: utf8Length(text) }).ok).toBe(true);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const text = validText();
    const bytes = utf8Length(text);
    expect(bytes).toBe(new TextEncoder().encode(text).length);
    expect(bytes).toBeGreaterThan(text.length);
    expect(only(text, { maxBytes: bytes - 1 }).message).toBe(`The file is ${(bytes / 1024).toFixed(1)} KB; backups are limited to ${((bytes - 1) / 1024).toFixed(1)} KB.`);
  });

  it('defaults to a 50 MB limit', () => {
    expect(BACKUP_LIMITS.maxBytes).toBe(50 * 1024 * 1024);
    const huge = ' '.repeat(BACKUP_LIMITS.maxBytes + 1);
    expect(only(huge).message).toBe('The file is at least 50 MB; backups are limited to 50 MB.');
  });

  it('says where JSON syntax breaks, with line and column', () => {
    const text = validText().replace('"schema": 1,', '"schema": 1');
    expect(only(text)).toEqual({ path: '', message: "The file is not valid JSON: expected ',' or '}' after a property value, found '\"' (line 4, column 3)." });
  });

  it('recognises a truncated file', () => {
    const text = validText();
    const cut = text.slice(0, text.lastIndexOf('}'));
    const lines = cut.split('\n');
    expect(only(cut)).toEqual({
      path: '',
      message: `The file is cut off: the text ends inside an unfinished object (line ${lines.length}, column ${lines.at(-1)!.length + 1}). It may be an incomplete download or copy.`,
    });
    expect(only(text.slice(0, 60)).message).toMatch(/^The file is cut off: the text ends inside a string \(line 4, column \d+\)\./);
  });

  it('refuses empty files, non-objects and other formats', () => {
    expect(only('')).toEqual({ path: '', message: 'The file is empty.' });
    expect(only('[1, 2]')).toEqual({ path: '', message: 'The file is JSON but not a PaperSift backup: it holds an array, not an object.' });
    expect(only(edited((d) => { delete d.format; }))).toEqual({ path: 'format', message: 'is missing: this is not a PaperSift backup' });
    expect(only(edited((d) => { d.format = 'zotero-rdf'; }))).toEqual({ path: 'format', message: 'must be "papersift-backup", not "zotero-rdf": this is not a PaperSift backup' });
  });

  it('refuses a backup from a newer PaperSift with a precise message', () => {
    expect(only(edited((d) => { d.schema = BACKUP_SCHEMA + 1; }))).toEqual({
      path: 'schema',
      message: 'is 2: this backup was made by a newer version of PaperSift, and this version reads backup schema 1 and older. Update PaperSift, then import the file again.',
    });
    expect(only(edited((d) => { d.schema = '1'; }))).toEqual({ path: 'schema', message: 'must be a whole number, not a string' });
    expect(only(edited((d) => { d.schema = 1.5; }))).toEqual({ path: 'schema', message: 'must be a whole number, not 1.5' });
  });

  it('refuses an older schema this version has no upgrade for', () => {
    expect(only(edited((d) => { d.schema = 0; }))).toEqual({
      path: 'schema',
      message: 'backup schema 0 is too old: this version of PaperSift cannot upgrade it (no step from schema 0)',
    });
  });

  it('requires every top-level field', () => {
    const errors = errorsOf(validateBackup(JSON.stringify({ format: BACKUP_FORMAT, schema: 1 })));
    expect(errors).toEqual(['exportedAt', 'saved', 'hidden', 'topics', 'settings'].map((path) => ({ path, message: 'is missing' })));
  });

  it('checks exportedAt is a real ISO instant', () => {
    expect(only(edited((d) => { d.exportedAt = '2026-02-30T00:00:00.000Z'; }))).toEqual({
      path: 'exportedAt', message: 'must be an ISO date-time like 2026-11-29T08:30:00.000Z, not "2026-02-30T00:00:00.000Z"',
    });
  });
});

describe('validateBackup: records, with exact paths', () => {
  const cases: Array<[string, (d: any) => void, string, string]> = [
    ['title too long', (d) => { d.saved[3].title = 'x'.repeat(2001); }, 'saved[3].title', 'is 2001 characters long; the limit is 2000'],
    ['title wrong type', (d) => { d.saved[0].title = 42; }, 'saved[0].title', 'must be a string, not a number'],
    ['bad id', (d) => { d.saved[2].id = '2508.194'; }, 'saved[2].id', 'must be an arXiv id like 2508.19428, not "2508.194"'],
    ['id with version', (d) => { d.saved[2].id = '2508.19428v2'; }, 'saved[2].id', 'must be an arXiv id like 2508.19428, not "2508.19428v2"'],
    ['abstract too long', (d) => { d.saved[1].abstract = 'a'.repeat(20_001); }, 'saved[1].abstract', 'is 20001 characters long; the limit is 20000'],
    ['too many authors', (d) => { d.saved[0].authors = Array(501).fill('A'); }, 'saved[0].authors', 'has 501 items; the limit is 500'],
    ['author not a string', (d) => { d.saved[0].authors[2] = { name: 'x' }; }, 'saved[0].authors[2]', 'must be a string, not an object'],
    ['too many tags', (d) => { d.saved[0].tags = Array(101).fill('t'); }, 'saved[0].tags', 'has 101 items; the limit is 100'],
    ['tag too long', (d) => { d.saved[0].tags[1] = 't'.repeat(101); }, 'saved[0].tags[1]', 'is 101 characters long; the limit is 100'],
    ['note too long', (d) => { d.saved[4].note = 'n'.repeat(100_001); }, 'saved[4].note', 'is 100001 characters long; the limit is 100000'],
    ['note null', (d) => { d.saved[4].note = null; }, 'saved[4].note', 'must be a string, not null'],
    ['savedAt string', (d) => { d.saved[1].savedAt = '2026-11-29'; }, 'saved[1].savedAt', 'must be a number, not a string'],
    ['javascript link', (d) => { d.saved[0].links.github = 'javascript:alert(1)'; }, 'saved[0].links.github', 'must be an https URL, not "javascript:"'],
    ['http link', (d) => { d.saved[0].links.hf = 'http://huggingface.co/papers/2508.19428'; }, 'saved[0].links.hf', 'must be an https URL, not "http:"'],
    ['foreign host', (d) => { d.saved[0].links.pdf = 'https://arxiv.org.evil.example/pdf/1'; }, 'saved[0].links.pdf', 'must point to arxiv.org, not "arxiv.org.evil.example"'],
    ['credentials', (d) => { d.saved[0].links.arxiv = 'https://user:pw@arxiv.org/abs/1'; }, 'saved[0].links.arxiv', 'must not contain a user name or password'],
    ['non-canonical URL', (d) => { d.saved[0].links.hf = 'https:/\\huggingface.co/papers/1'; }, 'saved[0].links.hf', 'is not in canonical form (expected "https://huggingface.co/papers/1")'],
    ['missing links', (d) => { delete d.saved[2].links; }, 'saved[2].links', 'is missing'],
    ['unknown record field', (d) => { d.saved[2].starred = true; }, 'saved[2].starred', 'is not a known field'],
    ['bad page kind', (d) => { d.saved[2].source.kind = 'feed'; }, 'saved[2].source.kind', 'must be one of "daily", "weekly", "monthly", "trending", "search", "paper", "other", not "feed"'],
    ['impossible date', (d) => { d.saved[0].date = '2025-02-30'; }, 'saved[0].date', 'is not a real calendar date: 2025-02-30'],
    ['negative upvotes', (d) => { d.saved[0].upvotes = -1; }, 'saved[0].upvotes', 'must be between 0 and 1000000000, not -1'],
    ['newer record schema', (d) => { d.saved[0].schema = 2; }, 'saved[0].schema', 'record schema 2 is newer than this version of PaperSift reads (1)'],
    ['bad hide reason', (d) => { d.hidden[1].reason = 'topic:'; }, 'hidden[1].reason', 'must be "manual" or "topic:<name>" (name 1–200 characters)'],
    ['hidden not an object', (d) => { d.hidden[0] = '2507.00001'; }, 'hidden[0]', 'must be an object, not a string'],
    ['saved not an array', (d) => { d.saved = {}; }, 'saved', 'must be an array, not an object'],
    ['duplicate saved id', (d) => { d.saved[4].id = d.saved[1].id; }, 'saved[4].id', 'duplicates "2509.00001" already at saved[1]'],
    ['duplicate hidden id', (d) => { d.hidden[1].id = d.hidden[0].id; }, 'hidden[1].id', 'duplicates "2507.00001" already at hidden[0]'],
    ['too many topics', (d) => { d.topics = Array(1001).fill({}); }, 'topics', 'has 1001 items; the limit is 1000'],
  ];

  it.each(cases)('%s', (_label, edit, path, message) => {
    expect(errorsOf(validateBackup(edited(edit)))).toEqual([{ path, message }]);
  });

  it('refuses a number JSON reads as Infinity', () => {
    const text = validText().replace(`"savedAt": ${NOW}`, '"savedAt": 1e999');
    expect(errorsOf(validateBackup(text))[0]).toEqual({ path: 'saved[0].savedAt', message: 'must be a finite number' });
  });

  it('collects all errors across records, capped with a summary line', () => {
    const errors = errorsOf(validateBackup(edited((d) => {
      d.saved[0].title = 1;
      d.saved[2].tags = 'x';
      d.hidden[1].hiddenAt = null;
    })));
    expect(errors).toEqual([
      { path: 'saved[0].title', message: 'must be a string, not a number' },
      { path: 'saved[2].tags', message: 'must be an array, not a string' },
      { path: 'hidden[1].hiddenAt', message: 'must be a number, not null' },
    ]);
    const many = errorsOf(validateBackup(edited((d) => {
      d.saved = Array.from({ length: 80 }, (_, i) => ({ ...d.saved[0], id: `2501.${String(10000 + i)}`, title: i }));
    })));
    expect(many).toHaveLength(BACKUP_LIMITS.maxErrors + 1);
    expect(many[49]).toEqual({ path: 'saved[49].title', message: 'must be a string, not a number' });
    expect(many[50]).toEqual({ path: '', message: '…and 30 more errors not listed.' });
  });
});

describe('validateBackup: hostile structure', () => {
  it('rejects prototype-pollution keys wherever they are, and pollutes nothing', () => {
    const text = validText()
      .replace('"highlight": true', '"__proto__": {"polluted": true}')
      .replace('"muted": false', '"constructor": {"prototype": {"polluted": true}}');
    const errors = errorsOf(validateBackup(text));
    expect(errors).toEqual([
      { path: 'topics[0].constructor', message: '"constructor" is not allowed as a key' },
      { path: 'settings.__proto__', message: '"__proto__" is not allowed as a key' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects __proto__ inside a record with its path', () => {
    const text = validText().replace('"note": ""', '"note": "", "__proto__": {"isAdmin": true}');
    expect(errorsOf(validateBackup(text))).toEqual([{ path: 'saved[2].__proto__', message: '"__proto__" is not allowed as a key' }]);
  });

  it('bounds nesting without recursion, even 100,000 levels deep', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const text = validText().replace('"settings": {', `"settings": {"deep": ${deep}, `);
    const [error] = errorsOf(validateBackup(text));
    expect(error!.path).toBe('settings.deep' + '[0]'.repeat(29));
    expect(error!.message).toBe('is nested more than 32 levels deep');
  });

  it('bounds the size of topics and settings', () => {
    const wide = JSON.stringify(Array.from({ length: BACKUP_LIMITS.maxUnknownNodes + 1 }, () => 0));
    const text = validText().replace('"settings": {', `"settings": {"wide": ${wide}, `);
    expect(errorsOf(validateBackup(text))).toEqual([{ path: 'settings', message: 'is too large: more than 100000 values' }]);
  });

  it('never throws, whatever it is given', () => {
    for (const input of [undefined, null, 42, {}, [], 'null', '"x"', '{"format":"papersift-backup","schema":1e400}', '{"format":"papersift-backup","schema":-1}']) {
      expect(() => validateBackup(input as string)).not.toThrow();
      expect(validateBackup(input as string).ok).toBe(false);
    }
  });
});
