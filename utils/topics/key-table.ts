/**
 * A read-only hash table of string keys probed with a range of a larger text, so the matcher can look a
 * token up without slicing it out as a new string. The tokenizer hashes each word with hashStep as it
 * reads it (tokenize.ts), and keys are hashed the same way (hashRange).
 */

export const HASH_SEED = 0x811c9dc5 | 0;

/** One FNV-1a step over a UTF-16 unit. */
export function hashStep(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

export function hashRange(text: string, start: number, end: number): number {
  let hash = HASH_SEED;
  for (let i = start; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

export class KeyTable<V> {
  private readonly values: V[] = [];
  private readonly hashes: Int32Array;
  /** Every key's UTF-16 units back to back (key i is units[keyStart[i], keyStart[i + 1])): compact and flat. */
  private readonly units: Uint16Array;
  private readonly keyStart: Int32Array;
  /** A one-bit-per-bucket summary of the hashes: most misses stop at this small array. */
  private readonly filter: Int32Array;
  private readonly filterMask: number;
  /** Open addressing, linear probing: key index + 1, 0 = empty. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(entries: Iterable<[string, V]>) {
    const keys: string[] = [];
    let units = 0;
    for (const [key, value] of entries) {
      keys.push(key);
      this.values.push(value);
      units += key.length;
    }
    const n = keys.length;
    this.units = new Uint16Array(units);
    this.keyStart = new Int32Array(n + 1);
    this.hashes = new Int32Array(n);
    // Load factor ≤ 1/4 keeps probe chains (and full compares on hash collisions) rare.
    let capacity = 8;
    while (capacity < n * 4) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity);
    // About 16 bits per key: few misses get past the filter.
    let filterWords = 1;
    while (filterWords * 2 < n) filterWords *= 2;
    this.filterMask = filterWords - 1;
    this.filter = new Int32Array(filterWords);
    let at = 0;
    for (let index = 0; index < n; index++) {
      const key = keys[index]!;
      for (let k = 0; k < key.length; k++) this.units[at + k] = key.charCodeAt(k);
      at += key.length;
      this.keyStart[index + 1] = at;
      const hash = hashRange(key, 0, key.length);
      this.hashes[index] = hash;
      this.filter[(hash >>> 5) & this.filterMask]! |= 1 << (hash & 31);
      let slot = spread(hash) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = index + 1;
    }
  }

  /** The value of the key equal to text[start, end), whose hash is `hash` (see hashRange). */
  find(text: string, start: number, end: number, hash: number): V | undefined {
    if ((this.filter[(hash >>> 5) & this.filterMask]! & (1 << (hash & 31))) === 0) return undefined;
    const { slots, mask } = this;
    let slot = spread(hash) & mask;
    for (;;) {
      const index = slots[slot]! - 1;
      if (index < 0) return undefined;
      if (this.hashes[index] === hash && this.keyIsAt(index, text, start, end)) return this.values[index];
      slot = (slot + 1) & mask;
    }
  }

  private keyIsAt(index: number, text: string, start: number, end: number): boolean {
    const from = this.keyStart[index]!;
    if (this.keyStart[index + 1]! - from !== end - start) return false;
    for (let k = start; k < end; k++) if (this.units[from + k - start] !== text.charCodeAt(k)) return false;
    return true;
  }
}

/** Mixes the high bits in: FNV's low bits alone make poor slot indexes. */
function spread(hash: number): number {
  return hash ^ (hash >>> 15);
}
