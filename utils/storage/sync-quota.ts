/**
 * `storage.sync` limits and readable reasons for a refused sync write. Pure: no browser API.
 *
 * The limits are Chrome's `storage.sync` constants (Firefox enforces the same numbers since version 79).
 * Chrome rejects a write with "<CONSTANT> quota exceeded" (newer versions: "Resource::k<Name> quota exceeded")
 * or "This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota."; Firefox with
 * "QuotaExceededError: storage.sync API call exceeded its quota limitations."
 */

export const SYNC_LIMITS = {
  /** Total bytes: JSON of every value plus every key's length. */
  QUOTA_BYTES: 102_400,
  /** Bytes per item: JSON of its value plus its key's length. */
  QUOTA_BYTES_PER_ITEM: 8_192,
  MAX_ITEMS: 512,
  MAX_WRITE_OPERATIONS_PER_HOUR: 1_800,
  MAX_WRITE_OPERATIONS_PER_MINUTE: 120,
} as const;

const utf8 = new TextEncoder();

/**
 * Size of one item the way Chrome counts it against QUOTA_BYTES_PER_ITEM: UTF-8 bytes of the key plus of the
 * value's JSON as Chrome writes it, which escapes "<" as \u003C (6 bytes) and U+2028/U+2029 as \u2028/\u2029
 * (6 bytes, not 3). Checked against Chromium: a 1-byte key with a string of 8,189 ASCII bytes fits, one more
 * does not; 1,364 "<" fit, 1,365 do not.
 */
export function syncItemBytes(key: string, value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  // Extra bytes of Chrome's escapes over the raw UTF-8 character: "<" 1 → 6, U+2028/U+2029 3 → 6.
  let extra = 0;
  for (const [ch] of json.matchAll(/[<\u2028\u2029]/g)) extra += ch === '<' ? 5 : 3;
  return utf8.encode(key).length + utf8.encode(json).length + extra;
}

export const fitsSyncItem = (key: string, value: unknown): boolean =>
  syncItemBytes(key, value) <= SYNC_LIMITS.QUOTA_BYTES_PER_ITEM;

const KEPT_HERE = 'so it is kept in this browser only';
const RETRY = 'It moves to sync the next time it is saved, or when topic sync is turned off and on again.';

/** Reason for a topic that is too large for one sync item; it never reaches sync. */
export function oversizedReason(name: string, bytes: number): string {
  return (
    `The topic "${name}" is too large to sync (${bytes.toLocaleString('en-US')} bytes; the browser syncs at most ` +
    `${SYNC_LIMITS.QUOTA_BYTES_PER_ITEM.toLocaleString('en-US')} bytes per topic), ${KEPT_HERE}.`
  );
}

const REFUSALS: Array<[RegExp, (name: string) => string]> = [
  [
    /QUOTA_BYTES_PER_ITEM|kQuotaBytesPerItem/,
    (n) => `The topic "${n}" is too large to sync (at most 8,192 bytes per topic), ${KEPT_HERE}.`,
  ],
  [
    /QUOTA_BYTES|kQuotaBytes/,
    (n) => `Sync storage is full (the browser syncs at most 100 KB per extension): the topic "${n}" is kept in this browser only.`,
  ],
  [
    /MAX_ITEMS|kMaxItems/,
    (n) => `Sync storage holds too many items (at most 512 per extension): the topic "${n}" is kept in this browser only.`,
  ],
  [
    /MAX_WRITE_OPERATIONS_PER_MINUTE|MAX_SUSTAINED_WRITE_OPERATIONS_PER_MINUTE|WriteOperationsPerMinute/,
    (n) =>
      `Too many changes in one minute for sync (at most 120): the topic "${n}" is kept in this browser only. ` +
      RETRY,
  ],
  [
    /MAX_WRITE_OPERATIONS_PER_HOUR|WriteOperationsPerHour/,
    (n) =>
      `Too many changes in one hour for sync (at most 1,800): the topic "${n}" is kept in this browser only. ` +
      RETRY,
  ],
  [
    /QuotaExceededError|exceeded its quota|quota/i,
    (n) => `Sync storage refused the topic "${n}" because its quota is used up, ${KEPT_HERE}.`,
  ],
];

function messageOf(e: unknown): string {
  if (e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException)) return e.message || e.name;
  return String(e);
}

/** A sentence for the options page saying why a sync write of topic `name` failed. */
export function syncRefusalReason(error: unknown, name: string): string {
  const msg = messageOf(error);
  for (const [re, say] of REFUSALS) if (re.test(msg)) return say(name);
  // Not a quota (sync disabled by policy or about:config, storage error, …): still keep the topic, and say why.
  return `Sync storage could not store the topic "${name}" (${msg.slice(0, 200)}), ${KEPT_HERE}.`;
}
