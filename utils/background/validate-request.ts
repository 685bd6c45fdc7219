/**
 * Check that an incoming message is a well-formed `BackgroundRequest` and copy out only the known fields.
 * Pure: no browser API. Messages cross a context boundary, so their static types prove nothing.
 */
import type { PageSource, PaperInfo } from '../model/paper';
import type { BackgroundRequest } from '../messaging/protocol';
import { isArxivId, isHideReason, isPageKind } from '../storage/record-migrations';

export type Validated = { ok: true; req: BackgroundRequest } | { ok: false; error: string };

export const BACKGROUND_TYPES = [
  'library/save',
  'library/unsave',
  'library/recent',
  'hidden/hide',
  'hidden/unhide',
  'state/get',
] as const satisfies readonly BackgroundRequest['type'][];

/** Most records `library/recent` returns, whatever limit is asked for. */
export const MAX_RECENT = 1_000;

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Short, printable echo of a bad value for error messages (never the whole of a huge string). */
function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : String(v);
}

class Invalid extends Error {}
const fail = (msg: string): never => {
  throw new Invalid(msg);
};

function id(v: unknown, field: string): string {
  return isArxivId(v) ? v : fail(`${field} must be an arXiv id like "2508.19428" (got ${show(v)})`);
}

function source(v: unknown): PageSource {
  if (!isObject(v)) return fail(`source must be an object { url, kind } (got ${show(v)})`);
  if (typeof v.url !== 'string') fail(`source.url must be a string (got ${show(v.url)})`);
  if (!isPageKind(v.kind)) fail(`source.kind must be a page kind (got ${show(v.kind)})`);
  return { url: v.url as string, kind: v.kind as PageSource['kind'] };
}

function optional<T>(p: Raw, key: string, check: (x: unknown) => x is T, what: string): T | undefined {
  const v = p[key];
  if (v === undefined) return undefined;
  return check(v) ? v : fail(`paper.${key} must be ${what} (got ${show(v)})`);
}

function paper(v: unknown): PaperInfo {
  if (!isObject(v)) return fail(`paper must be an object (got ${show(v)})`);
  const out: PaperInfo = {
    id: id(v.id, 'paper.id'),
    title: typeof v.title === 'string' ? v.title : fail(`paper.title must be a string (got ${show(v.title)})`),
    authors: isStringArray(v.authors) ? [...v.authors] : fail(`paper.authors must be an array of strings (got ${show(v.authors)})`),
  };
  const isString = (x: unknown): x is string => typeof x === 'string';
  const abstract = optional(v, 'abstract', isString, 'a string');
  const authorCount = optional(v, 'authorCount', isFiniteNumber, 'a number');
  const organization = optional(v, 'organization', isString, 'a string');
  const upvotes = optional(v, 'upvotes', isFiniteNumber, 'a number');
  const comments = optional(v, 'comments', isFiniteNumber, 'a number');
  const githubUrl = optional(v, 'githubUrl', isString, 'a string');
  const date = optional(v, 'date', isString, 'a string');
  const keywords = optional(v, 'keywords', isStringArray, 'an array of strings');
  if (abstract !== undefined) out.abstract = abstract;
  if (authorCount !== undefined) out.authorCount = authorCount;
  if (organization !== undefined) out.organization = organization;
  if (upvotes !== undefined) out.upvotes = upvotes;
  if (comments !== undefined) out.comments = comments;
  if (githubUrl !== undefined) out.githubUrl = githubUrl;
  if (date !== undefined) out.date = date;
  if (keywords !== undefined) out.keywords = [...keywords];
  return out;
}

function parse(m: Raw, type: BackgroundRequest['type']): BackgroundRequest {
  switch (type) {
    case 'library/save':
      return { type, paper: paper(m.paper), source: source(m.source) };
    case 'library/unsave':
      return { type, id: id(m.id, 'id') };
    case 'library/recent': {
      const limit = m.limit;
      if (!isFiniteNumber(limit) || !Number.isInteger(limit) || limit < 0)
        fail(`limit must be a whole number ≥ 0 (got ${show(limit)})`);
      return { type, limit: Math.min(limit as number, MAX_RECENT) };
    }
    case 'hidden/hide': {
      const hideId = id(m.id, 'id');
      if (typeof m.title !== 'string') fail(`title must be a string (got ${show(m.title)})`);
      if (!isHideReason(m.reason)) fail(`reason must be "manual" or "topic:<name>" (got ${show(m.reason)})`);
      return { type, id: hideId, title: m.title as string, reason: m.reason as 'manual', source: source(m.source) };
    }
    case 'hidden/unhide':
      return { type, id: id(m.id, 'id') };
    case 'state/get':
      return { type };
  }
}

export function isBackgroundType(t: unknown): t is BackgroundRequest['type'] {
  return typeof t === 'string' && (BACKGROUND_TYPES as readonly string[]).includes(t);
}

export function validateRequest(msg: unknown): Validated {
  if (!isObject(msg)) return { ok: false, error: `Bad request: expected an object with a "type" (got ${show(msg)})` };
  const type = msg.type;
  if (!isBackgroundType(type)) return { ok: false, error: `Bad request: unknown type ${show(type)}` };
  try {
    return { ok: true, req: parse(msg, type) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: `Bad request (${type}): ${e.message}` };
    throw e;
  }
}

/** Namespaces the background answers; a typo inside them gets a clear error instead of silence. */
const BACKGROUND_NAMESPACES = ['library/', 'hidden/', 'state/'];

/** Should the background answer this message? (It still gets validated in full.) */
export function isBackgroundMessage(msg: unknown): boolean {
  if (!isObject(msg) || typeof msg.type !== 'string') return false;
  const type = msg.type;
  return BACKGROUND_NAMESPACES.some((ns) => type.startsWith(ns));
}
