/**
 * Prefix terms (`ensembl*`) grouped by their first two UTF-16 units (a prefix has at least
 * MIN_PREFIX_LENGTH = 2): most words start with a pair that no prefix has, so they cost one array read,
 * with no hashing and no substring.
 */
/** The prefixes sharing one bucket, with their values at the same index. */
export interface PrefixBucket<V> {
  prefixes: string[];
  values: V[];
}

const BUCKETS = 1 << 14;

/** Unique for two ASCII units; other pairs may share a bucket, which matchesPrefix sorts out. */
function bucketOf(first: number, second: number): number {
  return ((first << 7) ^ second) & (BUCKETS - 1);
}

export class PrefixIndex<V> {
  /** Words shorter than every prefix (most "a", "of", "the") skip the lookup. Infinity when empty. */
  private readonly shortest: number;
  /** Dense (a sparse array would turn into a slow dictionary); undefined = no prefix. */
  private readonly buckets: Array<PrefixBucket<V> | undefined> = new Array(BUCKETS).fill(undefined);

  constructor(entries: Iterable<[string, V]>) {
    let shortest = Infinity;
    for (const [prefix, value] of entries) {
      shortest = Math.min(shortest, prefix.length);
      if (prefix.length < 2) throw new Error(`prefix too short: ${prefix}`);
      const bucket = (this.buckets[bucketOf(prefix.charCodeAt(0), prefix.charCodeAt(1))] ??= { prefixes: [], values: [] });
      bucket.prefixes.push(prefix);
      bucket.values.push(value);
    }
    this.shortest = shortest;
  }

  /** The bucket of prefixes that text[start, end) may start with; check each with matchesPrefix. */
  candidates(text: string, start: number, end: number): PrefixBucket<V> | undefined {
    if (end - start < this.shortest) return undefined;
    return this.buckets[bucketOf(text.charCodeAt(start), text.charCodeAt(start + 1))];
  }
}

/** True when the word text[start, end) starts with `prefix`. A plain loop: prefixes are short, and it beats a startsWith call. */
export function matchesPrefix(prefix: string, text: string, start: number, end: number): boolean {
  if (prefix.length > end - start) return false;
  for (let k = 0; k < prefix.length; k++) if (prefix.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}
