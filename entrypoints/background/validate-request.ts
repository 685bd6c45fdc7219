/*
 * Over 300 lines on purpose: one check per request type of the protocol, side by side, so a new message's check
 * is written next to the others and none is missed.
 */
/**
 * Check that an incoming message is a well-formed `BackgroundRequest` and copy out only the known fields.
 * Pure: no browser API. Messages cross a context boundary, so their static types prove nothing.
 */
import type { PageSource, PaperInfo } from '../../utils/model/paper';
import type { BackgroundRequest } from '../../utils/messaging/protocol';
import type { PagePaper } from '../../utils/storage/last-page-record';
import { LAST_PAGE_LIMITS } from '../../utils/storage/last-page-record';
import type { Prefs } from '../../utils/storage/prefs-schema';
import { isPrefKey, PREF_CHECKS } from '../../utils/storage/prefs-schema';
import { checkNote, checkTags, EDIT_LIMITS } from '../../utils/library/edit-limits';
import { safeGithubUrl } from './build-record';
import type { SavedPaper } from '../../utils/storage/records';
import { isArxivId, isHideReason, isPageKind, normalizeSaved } from '../../utils/storage/record-migrations';
import { isTopicId } from '../../utils/storage/topic-item';
import { isHexColour } from '../../utils/topics/palette';
import type { Topic, TopicField } from '../../utils/topics/types';
import { ALL_TOPIC_FIELDS } from '../../utils/topics/types';
import { MAX_TOPIC_NAME_LENGTH } from '../../utils/topics/validate';

export type Validated = { ok: true; req: BackgroundRequest } | { ok: false; error: string };

export const BACKGROUND_TYPES = [
  'library/save',
  'library/unsave',
  'library/recent',
  'hidden/hide',
  'hidden/unhide',
  'state/get',
  'topics/list',
  'topics/put',
  'topics/delete',
  'prefs/set',
  'page/papers',
  'topics/worker-source',
  'library/list',
  'library/update',
  'library/tag',
  'library/remove',
  'library/restore-records',
  'hidden/list',
  'backup/export',
  'backup/restore',
  'data/reset',
  'digest/get',
  'digest/check',
  'seen/mark',
  'seen/visit',
] as const satisfies readonly BackgroundRequest['type'][];

/** Most records `library/recent` returns, whatever limit is asked for. */
export const MAX_RECENT = 1_000;

/**
 * Bounds on a topic, so one message cannot bloat storage. Generous: a 5,000-term topic is allowed (it is
 * kept in storage.local when too large to sync). The topic rules themselves (unique name, terms that parse, …)
 * are `validateTopic`'s, applied by the handler.
 */
export const TOPIC_LIMITS = { name: MAX_TOPIC_NAME_LENGTH, terms: 10_000, exclusions: 10_000, term: 1_000 } as const;

/** Most papers one `seen/mark` or `seen/visit` may name: a month page has ~1,000 cards. */
export const MAX_SEEN_IDS = 5_000;

/** Most papers one bulk request (remove, Undo) may name: as many as a backup may hold. */
export const MAX_BULK = 100_000;
/** A record put back by Undo is JSON of at most this many characters (a full record is far smaller). */
export const MAX_RECORD_CHARS = 1_000_000;

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

function strings(v: unknown, field: string, maxItems: number, required: boolean): string[] {
  if (v === undefined && !required) return [];
  if (!isStringArray(v)) return fail(`${field} must be an array of strings (got ${show(v)})`);
  if (required && v.length === 0) fail(`${field} must have at least one term`);
  if (v.length > maxItems) fail(`${field} has ${v.length} entries; at most ${maxItems} are allowed`);
  return v.map((x, i) => {
    const t = x.trim();
    if (t === '') fail(`${field}[${i}] is empty`);
    if (t.length > TOPIC_LIMITS.term) fail(`${field}[${i}] is longer than ${TOPIC_LIMITS.term} characters`);
    return t;
  });
}

const isTopicField = (x: unknown): x is TopicField => typeof x === 'string' && (ALL_TOPIC_FIELDS as readonly string[]).includes(x);

/** Shape and basic rules of a topic; a missing field list means all fields (validateTopic's default). */
function topic(v: unknown, at = 'topic'): Topic {
  if (!isObject(v)) return fail(`${at} must be an object (got ${show(v)})`);
  if (!isTopicId(v.id)) fail(`${at}.id must be 1–64 letters, digits, "-" or "_" (got ${show(v.id)})`);
  if (typeof v.name !== 'string') fail(`${at}.name must be a string (got ${show(v.name)})`);
  const name = (v.name as string).trim();
  if (name === '') fail(`${at}.name must not be empty`);
  if (name.length > TOPIC_LIMITS.name) fail(`${at}.name is longer than ${TOPIC_LIMITS.name} characters`);
  if (typeof v.colour !== 'string' || !isHexColour(v.colour)) fail(`${at}.colour must be a colour like "#3b82f6" (got ${show(v.colour)})`);
  const terms = strings(v.terms, `${at}.terms`, TOPIC_LIMITS.terms, true);
  const exclusions = strings(v.exclusions, `${at}.exclusions`, TOPIC_LIMITS.exclusions, false);
  const fields = v.fields === undefined ? [...ALL_TOPIC_FIELDS] : v.fields;
  if (!Array.isArray(fields) || !fields.every(isTopicField))
    fail(`${at}.fields must be a list of ${ALL_TOPIC_FIELDS.map((f) => `"${f}"`).join(', ')} (got ${show(v.fields)})`);
  if (v.mode !== 'highlight' && v.mode !== 'mute') fail(`${at}.mode must be "highlight" or "mute" (got ${show(v.mode)})`);
  if (!isFiniteNumber(v.createdAt) || v.createdAt < 0) fail(`${at}.createdAt must be a time in ms (got ${show(v.createdAt)})`);
  return {
    id: v.id as string,
    name,
    colour: (v.colour as string).toLowerCase(),
    terms,
    exclusions,
    fields: [...new Set(fields as TopicField[])],
    mode: v.mode as Topic['mode'],
    createdAt: v.createdAt as number,
  };
}

/**
 * The shape check of `topics/put`, for topics from elsewhere (a backup): the topic as it would be stored, or
 * the first problem, its message starting with `at` (e.g. `topics[2].colour must be …`).
 */
export function checkTopicShape(v: unknown, at: string): { ok: true; topic: Topic } | { ok: false; error: string } {
  try {
    return { ok: true, topic: topic(v, at) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}

function ids(v: unknown): string[] {
  if (!Array.isArray(v)) return fail(`ids must be an array of arXiv ids (got ${show(v)})`);
  if (v.length === 0) fail('ids must name at least one paper');
  if (v.length > MAX_BULK) fail(`ids has ${v.length} entries; at most ${MAX_BULK} are allowed`);
  return [...new Set(v.map((x, i) => id(x, `ids[${i}]`)))];
}

function tagList(v: unknown, field = 'tags'): string[] {
  if (!isStringArray(v)) return fail(`${field} must be an array of strings (got ${show(v)})`);
  // Cheap bound before tidying: a list far over the limit is refused without looking at it.
  if (v.length > EDIT_LIMITS.tags * 10) fail(`${field} has ${v.length} entries; at most ${EDIT_LIMITS.tags} are allowed`);
  const checked = checkTags(v);
  return checked.ok ? checked.tags : fail(`${field}: ${checked.error}`);
}

/** A record for Undo: exactly what `library/remove` returned, so it must read back unchanged. */
function savedRecord(v: unknown, i: number): SavedPaper {
  const at = `records[${i}]`;
  const rec = normalizeSaved(v);
  if (!rec) return fail(`${at} is not a saved paper (it needs an arXiv id, a title, savedAt and a source)`);
  if (JSON.stringify(rec).length > MAX_RECORD_CHARS) fail(`${at} is larger than ${MAX_RECORD_CHARS} characters`);
  if (rec.tags.length > EDIT_LIMITS.tags || rec.tags.some((t) => t.length > EDIT_LIMITS.tag))
    fail(`${at}.tags: at most ${EDIT_LIMITS.tags} tags of at most ${EDIT_LIMITS.tag} characters`);
  const noteProblem = checkNote(rec.note);
  if (noteProblem) fail(`${at}.note: ${noteProblem}`);
  // The one link kept from the data (the others are rebuilt from the id); it becomes an href on the pages.
  const github = rec.links.github;
  if (github !== undefined && safeGithubUrl(github) !== github) fail(`${at}.links.github must be an https://github.com link (got ${show(github)})`);
  return rec;
}

function prefsPatch(v: unknown): Partial<Prefs> {
  if (!isObject(v)) return fail(`patch must be an object of preferences (got ${show(v)})`);
  const patch: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    // Unknown keys are refused, not ignored: a typo should fail loudly instead of silently doing nothing.
    if (!isPrefKey(k)) fail(`patch has an unknown preference ${show(k)}`);
    const check = PREF_CHECKS[k as keyof Prefs];
    if (!check.test(x)) fail(`patch.${k} must be ${check.what} (got ${show(x)})`);
    patch[k] = x;
  }
  return patch as Partial<Prefs>;
}

function pagePaper(v: unknown, i: number): PagePaper {
  const at = `papers[${i}]`;
  if (!isObject(v)) return fail(`${at} must be an object (got ${show(v)})`);
  const out: PagePaper = {
    id: id(v.id, `${at}.id`),
    title: typeof v.title === 'string' ? v.title : fail(`${at}.title must be a string (got ${show(v.title)})`),
  };
  const isString = (x: unknown): x is string => typeof x === 'string';
  for (const key of ['abstract', 'organization'] as const) {
    const x = v[key];
    if (x === undefined) continue;
    out[key] = isString(x) ? x : fail(`${at}.${key} must be a string (got ${show(x)})`);
  }
  for (const key of ['keywords', 'authors'] as const) {
    const x = v[key];
    if (x === undefined) continue;
    out[key] = isStringArray(x) ? [...x] : fail(`${at}.${key} must be an array of strings (got ${show(x)})`);
  }
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
    case 'topics/list':
    case 'topics/worker-source':
      return { type };
    case 'topics/put':
      return { type, topic: topic(m.topic) };
    case 'topics/delete':
      if (!isTopicId(m.id)) fail(`id must be a topic id (got ${show(m.id)})`);
      return { type, id: m.id as string };
    case 'prefs/set':
      return { type, patch: prefsPatch(m.patch) };
    case 'page/papers': {
      if (typeof m.url !== 'string') fail(`url must be a string (got ${show(m.url)})`);
      if (!/^https:\/\/huggingface\.co\//.test(m.url as string)) fail(`url must be a https://huggingface.co/ address (got ${show(m.url)})`);
      if (!Array.isArray(m.papers)) fail(`papers must be an array (got ${show(m.papers)})`);
      // Only the first ones are kept, so only those are checked: a huge list costs nothing.
      const papers = (m.papers as unknown[]).slice(0, LAST_PAGE_LIMITS.papers).map(pagePaper);
      return { type, url: m.url as string, papers };
    }
    case 'library/list':
    case 'hidden/list':
    case 'backup/export':
    case 'data/reset':
      return { type };
    case 'library/update': {
      const req: Extract<BackgroundRequest, { type: 'library/update' }> = { type, id: id(m.id, 'id') };
      if (m.tags === undefined && m.note === undefined) fail('give tags, a note, or both');
      if (m.tags !== undefined) req.tags = tagList(m.tags);
      if (m.note !== undefined) {
        if (typeof m.note !== 'string') fail(`note must be a string (got ${show(m.note)})`);
        const problem = checkNote(m.note as string);
        if (problem) fail(`note: ${problem}`);
        req.note = m.note as string;
      }
      return req;
    }
    case 'library/tag': {
      const add = m.add === undefined ? [] : tagList(m.add, 'add');
      const remove = m.remove === undefined ? [] : tagList(m.remove, 'remove');
      if (add.length === 0 && remove.length === 0) fail('give tags to add or to remove');
      return { type, ids: ids(m.ids), add, remove };
    }
    case 'library/remove':
      return { type, ids: ids(m.ids) };
    case 'digest/get':
    case 'digest/check':
      return { type };
    case 'seen/mark':
    case 'seen/visit': {
      if (!Array.isArray(m.ids)) fail(`ids must be an array of arXiv ids (got ${show(m.ids)})`);
      const list = m.ids as unknown[];
      if (list.length > MAX_SEEN_IDS) fail(`ids has ${list.length} entries; at most ${MAX_SEEN_IDS} are allowed`);
      return { type, ids: [...new Set(list.map((x, i) => id(x, `ids[${i}]`)))] };
    }
    case 'library/restore-records': {
      if (!Array.isArray(m.records)) fail(`records must be an array (got ${show(m.records)})`);
      const list = m.records as unknown[];
      if (list.length > MAX_BULK) fail(`records has ${list.length} entries; at most ${MAX_BULK} are allowed`);
      return { type, records: list.map(savedRecord) };
    }
    case 'backup/restore':
      // Only the type here: the background validates the text in full (validateBackup) before touching anything.
      if (typeof m.text !== 'string') fail(`text must be the backup file's text (got ${show(m.text)})`);
      return { type, text: m.text as string };
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
const BACKGROUND_NAMESPACES = ['library/', 'hidden/', 'state/', 'topics/', 'prefs/', 'backup/', 'data/', 'digest/', 'seen/'];

/** Background types in a namespace it shares: `page/stats` is for content scripts, `page/papers` for the background. */
const BACKGROUND_SHARED_NAMESPACE_TYPES = ['page/papers'];

/** Should the background answer this message? (It still gets validated in full.) */
export function isBackgroundMessage(msg: unknown): boolean {
  if (!isObject(msg) || typeof msg.type !== 'string') return false;
  const type = msg.type;
  return BACKGROUND_NAMESPACES.some((ns) => type.startsWith(ns)) || BACKGROUND_SHARED_NAMESPACE_TYPES.includes(type);
}
