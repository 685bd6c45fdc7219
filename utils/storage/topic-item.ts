/**
 * How one topic is stored: one item per topic, key `topic:<id>`, value `{ v, topic, updatedAt }`, in either
 * `storage.sync` or `storage.local`. Pure: no browser API (content scripts use the key helpers too).
 *
 * Items are read through `readTopicItem`, which upgrades old schemas and tolerates junk the way
 * record-migrations.ts does: a missing or mistyped required field (id, name, terms, mode) → null, so one damaged
 * item is skipped instead of breaking the list; a mistyped optional field gets its default.
 * To change the shape: bump TOPIC_ITEM_VERSION and add `STEPS[n]` turning a v(n-1) item into v(n).
 */
import { isHexColour, TOPIC_PALETTE } from '../topics/palette';
import type { Topic, TopicField } from '../topics/types';
import { ALL_TOPIC_FIELDS } from '../topics/types';

export const TOPIC_KEY_PREFIX = 'topic:';
export const TOPIC_ITEM_VERSION = 1;

/** Topic ids end up in storage keys; generated ids (UUIDs) fit easily. */
export const TOPIC_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

export const isTopicId = (v: unknown): v is string => typeof v === 'string' && TOPIC_ID_RE.test(v);

/**
 * True for a storage key holding a topic (in either area). Listeners of `storage.onChanged` should re-read the
 * whole list when one changes: moving a topic between areas shows up as a write in one area and a removal in
 * the other, so a removal alone does not mean the topic is gone.
 */
export const isTopicKey = (key: string): boolean => key.startsWith(TOPIC_KEY_PREFIX) && isTopicId(key.slice(TOPIC_KEY_PREFIX.length));

export const topicKey = (id: string): string => `${TOPIC_KEY_PREFIX}${id}`;

export const topicIdOfKey = (key: string): string | null => (isTopicKey(key) ? key.slice(TOPIC_KEY_PREFIX.length) : null);

export interface TopicItem {
  v: number;
  topic: Topic;
  /** Epoch ms of the last write; decides which copy wins if a topic is found in both areas. */
  updatedAt: number;
}

export function makeTopicItem(topic: Topic, now: number): TopicItem {
  return { v: TOPIC_ITEM_VERSION, topic, updatedAt: now };
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isTopicField = (v: unknown): v is TopicField => typeof v === 'string' && (ALL_TOPIC_FIELDS as readonly string[]).includes(v);

/**
 * `STEPS[n]` turns a v(n-1) item into v(n). A bare Topic object (no wrapper) counts as v0: it is what a topic
 * looks like when written without the envelope, e.g. by hand or by an import.
 */
const STEPS: Record<number, (r: Raw) => Raw> = {
  1: (r) => ({ v: 1, topic: r, updatedAt: isFiniteNumber(r.createdAt) ? r.createdAt : 0 }),
};

function upgrade(raw: Raw): Raw | null {
  const from = raw.v === undefined ? 0 : raw.v;
  if (!isFiniteNumber(from) || !Number.isInteger(from) || from < 0) return null;
  let r = raw;
  for (let v = from + 1; v <= TOPIC_ITEM_VERSION; v++) r = STEPS[v]?.(r) ?? r;
  // An item from a newer version (extension downgraded) is still read through the fields we know.
  return r;
}

const cleanStrings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];

function readTopic(t: unknown): Topic | null {
  if (!isObject(t) || !isTopicId(t.id)) return null;
  if (typeof t.name !== 'string' || t.name.trim() === '') return null;
  if (t.mode !== 'highlight' && t.mode !== 'mute') return null;
  const terms = cleanStrings(t.terms);
  if (terms.length === 0) return null;
  return {
    id: t.id,
    name: t.name,
    colour: typeof t.colour === 'string' && isHexColour(t.colour) ? t.colour.toLowerCase() : TOPIC_PALETTE[0]!,
    terms,
    exclusions: cleanStrings(t.exclusions),
    fields: Array.isArray(t.fields) ? [...new Set(t.fields.filter(isTopicField))] : [],
    mode: t.mode,
    createdAt: isFiniteNumber(t.createdAt) ? t.createdAt : 0,
  };
}

/** The stored item as a current-schema TopicItem, or null when it cannot be read. */
export function readTopicItem(raw: unknown): TopicItem | null {
  if (!isObject(raw)) return null;
  const r = upgrade(raw);
  if (!r) return null;
  const topic = readTopic(r.topic);
  if (!topic) return null;
  return { v: TOPIC_ITEM_VERSION, topic, updatedAt: isFiniteNumber(r.updatedAt) ? r.updatedAt : 0 };
}

/** The topic in a stored item (any schema version), or null for junk. */
export function migrateTopicItem(raw: unknown): Topic | null {
  return readTopicItem(raw)?.topic ?? null;
}

export type TopicArea = 'sync' | 'local';

export interface StoredTopic {
  area: TopicArea;
  item: TopicItem;
}

/**
 * When a topic is in both areas (only after an interrupted move or fallback), the copy written last wins;
 * on a tie the local copy wins, since local holds this browser's fallback writes.
 */
export function newerCopy(a: StoredTopic, b: StoredTopic): StoredTopic {
  if (a.item.updatedAt !== b.item.updatedAt) return a.item.updatedAt > b.item.updatedAt ? a : b;
  return a.area === 'local' ? a : b;
}

export const byCreation = (a: Topic, b: Topic): number => a.createdAt - b.createdAt || a.id.localeCompare(b.id);
