import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateBackup, type BackupValidation } from '../../../utils/backup/validate-backup';
import { validText } from './backup-fixtures';

/*
 * The oracle: what a valid backup is, written as a JSON Schema checked by ajv, plus the two rules a schema
 * cannot state (unique ids, no prototype keys). It shares no code with utils/backup. For every corrupted
 * file, validateBackup must agree with it; when both accept, validateBackup must return exactly the data.
 */
const ajv = new Ajv({ strict: false, allErrors: false });

const canonicalHttps = (host: string) => (s: string) => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && u.username === '' && u.password === '' && [host, `www.${host}`].includes(u.hostname) && u.href === s;
  } catch {
    return false;
  }
};
ajv.addFormat('hf-url', canonicalHttps('huggingface.co'));
ajv.addFormat('arxiv-url', canonicalHttps('arxiv.org'));
ajv.addFormat('github-url', canonicalHttps('github.com'));
ajv.addFormat('calendar-date', (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
});
ajv.addFormat('utc-instant', (s: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se, ms] = m.slice(1).map(Number) as [number, number, number, number, number, number, number];
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, se, ms));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && t.getUTCHours() === h
    && t.getUTCMinutes() === mi && t.getUTCSeconds() === se && t.getUTCMilliseconds() === ms;
});

const str = (maxLength: number) => ({ type: 'string', maxLength });
const strings = (maxItems: number, maxLength: number) => ({ type: 'array', maxItems, items: str(maxLength) });
const source = {
  type: 'object', additionalProperties: false, required: ['url', 'kind'],
  properties: { url: { type: 'string', format: 'hf-url' }, kind: { enum: ['daily', 'weekly', 'monthly', 'trending', 'search', 'paper', 'other'] } },
};
const time = { type: 'number', minimum: 0, maximum: 8.64e15 };
const arxivId = { type: 'string', pattern: '^\\d{4}\\.\\d{4,5}$' };
const oracleSchema = {
  type: 'object',
  required: ['format', 'schema', 'exportedAt', 'saved', 'hidden', 'topics', 'settings'],
  properties: {
    format: { const: 'papersift-backup' },
    schema: { const: 1 },
    exportedAt: { type: 'string', format: 'utc-instant' },
    saved: {
      type: 'array', maxItems: 100_000,
      items: {
        type: 'object', additionalProperties: false,
        required: ['schema', 'id', 'title', 'authors', 'links', 'savedAt', 'source', 'tags', 'note'],
        properties: {
          schema: { const: 1 }, id: arxivId, title: str(2000), authors: strings(500, 500), organization: str(500),
          abstract: str(20_000), upvotes: { type: 'integer', minimum: 0, maximum: 1e9 },
          date: { type: 'string', format: 'calendar-date' }, keywords: strings(100, 100), savedAt: time, source,
          tags: strings(100, 100), note: str(100_000),
          links: {
            type: 'object', additionalProperties: false, required: ['hf', 'arxiv', 'pdf'],
            properties: {
              hf: { type: 'string', format: 'hf-url' }, arxiv: { type: 'string', format: 'arxiv-url' },
              pdf: { type: 'string', format: 'arxiv-url' }, github: { type: 'string', format: 'github-url' },
            },
          },
        },
      },
    },
    hidden: {
      type: 'array', maxItems: 500_000,
      items: {
        type: 'object', additionalProperties: false, required: ['schema', 'id', 'title', 'reason', 'hiddenAt', 'source'],
        properties: {
          schema: { const: 1 }, id: arxivId, title: str(2000), hiddenAt: time, source,
          reason: { anyOf: [{ const: 'manual' }, { type: 'string', pattern: '^topic:[\\s\\S]{1,200}$' }] },
        },
      },
    },
    topics: { type: 'array', maxItems: 1000 },
    settings: {},
  },
};
const oracleShape = ajv.compile(oracleSchema);

function hasForbiddenKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasForbiddenKey);
  return Object.keys(value).some((k) => k === '__proto__' || k === 'constructor' || k === 'prototype' || hasForbiddenKey((value as any)[k]));
}

const uniqueIds = (list: Array<{ id: string }>) => new Set(list.map((x) => x.id)).size === list.length;

type Verdict = { ok: false } | { ok: true; data: Record<string, unknown> };

function oracle(text: string): Verdict {
  let data: any;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  const shapeOk: boolean = oracleShape(data); // kept apart so `data` stays untyped JSON
  if (!shapeOk || hasForbiddenKey(data) || !uniqueIds(data.saved) || !uniqueIds(data.hidden)) return { ok: false };
  const { format, schema, exportedAt, saved, hidden, topics, settings } = data;
  return { ok: true, data: { format, schema, exportedAt, saved, hidden, topics, settings } };
}

/** validateBackup never throws, never hits its internal-error path, and agrees with the oracle. */
function checkAgainstOracle(text: string, tally?: { accepted: number; rejected: number }): BackupValidation {
  let result!: BackupValidation;
  expect(() => { result = validateBackup(text); }).not.toThrow();
  const verdict = oracle(text);
  if (!result.ok) {
    for (const e of result.errors) expect(e.message).not.toMatch(/^Internal error/);
    expect(result.errors.length).toBeGreaterThan(0);
  }
  expect(result.ok).toBe(verdict.ok);
  if (result.ok && verdict.ok) expect(result.backup).toStrictEqual(verdict.data);
  if (tally) tally[result.ok ? 'accepted' : 'rejected']++;
  return result;
}

// ---------- corruptions ----------

const original = validText();
const originalBytes = new TextEncoder().encode(original);
const parsedOriginal = () => JSON.parse(original);

type Path = Array<string | number>;
function allPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      const key = Array.isArray(value) ? Number(k) : k;
      out.push([...path, key]);
      allPaths(v, [...path, key], out);
    }
  }
  return out;
}
const objectKeyPaths = allPaths(parsedOriginal()).filter((p) => typeof p[p.length - 1] === 'string');
/** Values whose type the backup layout fixes: everything but the insides of topics and settings (any JSON). */
const typedPaths = allPaths(parsedOriginal()).filter((p) => p[0] !== 'settings' && !(p[0] === 'topics' && p.length > 1));

const getAt = (doc: any, path: Path) => path.reduce((v, k) => v[k], doc);
const parentOf = (doc: any, path: Path) => getAt(doc, path.slice(0, -1));

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
const OTHER_TYPED_VALUES: unknown[] = ['text', 7, 0.5, true, null, [], {}, ['x'], { x: 1 }];

describe('validateBackup under random corruption', () => {
  it('the oracle accepts the intact file and validateBackup agrees', () => {
    expect(oracle(original).ok).toBe(true);
    expect(checkAgainstOracle(original).ok).toBe(true);
  });

  it('always rejects a file cut short at any offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: original.trimEnd().length - 1 }), (cut) => {
        const result = checkAgainstOracle(original.slice(0, cut));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors[0]!.message).toMatch(/^The file (is cut off|is empty|is not valid JSON)/);
      }),
      { numRuns: 400 },
    );
  });

  it('agrees with the oracle after random byte flips, and both outcomes really occur', () => {
    const tally = { accepted: 0, rejected: 0 };
    const flips = fc.array(fc.tuple(fc.nat({ max: originalBytes.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(flips, (changes) => {
        const bytes = originalBytes.slice();
        for (const [at, value] of changes) bytes[at] = value;
        checkAgainstOracle(new TextDecoder().decode(bytes), tally);
      }),
      {
        numRuns: 400,
        // One flip inside a note (still valid) and one in a URL scheme (invalid), so neither branch is vacuous.
        examples: [
          [[[original.indexOf('First line') + 2, 0x58]]],
          [[[original.indexOf('https://github.com') + 4, 0x3a]]],
        ],
      },
    );
    expect(tally.accepted).toBeGreaterThan(0);
    expect(tally.rejected).toBeGreaterThan(0);
  });

  it('agrees with the oracle after deleting a random key: required keys rejected, optional ones accepted', () => {
    const tally = { accepted: 0, rejected: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...objectKeyPaths), (path) => {
        const doc = parsedOriginal();
        delete parentOf(doc, path)[path[path.length - 1]!];
        checkAgainstOracle(JSON.stringify(doc), tally);
      }),
      { numRuns: 300, examples: [[['saved', 0, 'abstract']], [['saved', 0, 'title']]] },
    );
    expect(tally.accepted).toBeGreaterThan(0);
    expect(tally.rejected).toBeGreaterThan(0);
  });

  it('always rejects a value replaced by one of another JSON type, with the path of that value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...typedPaths), fc.constantFrom(...OTHER_TYPED_VALUES), (path, replacement) => {
        const doc = parsedOriginal();
        const before = getAt(doc, path);
        fc.pre(jsonType(before) !== jsonType(replacement));
        parentOf(doc, path)[path[path.length - 1]!] = replacement;
        const result = checkAgainstOracle(JSON.stringify(doc));
        expect(result.ok).toBe(false);
        if (result.ok) return;
        // The error names the replaced value itself, or (for format and schema) the whole file is refused there.
        const where = path.reduce<string>((p, k) => (typeof k === 'number' ? `${p}[${k}]` : p ? `${p}.${k}` : k), '');
        expect(result.errors.map((e) => e.path)).toContain(where);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary text or arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ format: 'papersift-backup', schema: 1, saved: [v], hidden: v, topics: v, settings: v, exportedAt: v }))), (text) => {
        checkAgainstOracle(text);
      }),
      { numRuns: 500 },
    );
  });
});
