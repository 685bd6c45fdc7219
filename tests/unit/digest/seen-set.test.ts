import { describe, expect, it } from 'vitest';
import { addSeen, mergeSeen, normalizeSeen, SEEN_LIMIT } from '../../../utils/digest/seen-set';

const id = (n: number) => `2601.${String(n).padStart(5, '0')}`;

describe('the seen set', () => {
  it('appends new ids in order and reports only those', () => {
    const { list, added } = addSeen([id(1), id(2)], [id(2), id(3), id(3), id(4)]);
    expect(list).toEqual([id(1), id(2), id(3), id(4)]);
    expect(added).toEqual([id(3), id(4)]);
  });

  it('returns the same list when nothing is new (no write needed)', () => {
    const before = [id(1)];
    const { list, added } = addSeen(before, [id(1)]);
    expect(list).toBe(before);
    expect(added).toEqual([]);
  });

  it('keeps the last 50,000 ids: the oldest are dropped first', () => {
    expect(SEEN_LIMIT).toBe(50_000);
    const full = Array.from({ length: SEEN_LIMIT }, (_, i) => id(i));
    const { list } = addSeen(full, [id(60_000), id(60_001)]);
    expect(list).toHaveLength(SEEN_LIMIT);
    expect(list[0]).toBe(id(2));
    expect(list.at(-1)).toBe(id(60_001));
    expect(list).not.toContain(id(0));
    expect(list).not.toContain(id(1));
  });

  it('a batch larger than the bound keeps its own newest ids', () => {
    const { list } = addSeen([id(1)], [id(2), id(3), id(4)], 2);
    expect(list).toEqual([id(3), id(4)]);
  });

  it('an id seen again keeps its place (it is not refreshed)', () => {
    const { list } = addSeen([id(1), id(2)], [id(1), id(3)], 2);
    expect(list).toEqual([id(2), id(3)]);
  });

  it('reads a stored list back as arXiv ids without repeats, bounded; junk reads as empty', () => {
    expect(normalizeSeen([id(1), 'x', 5, id(1), null, id(2)])).toEqual([id(1), id(2)]);
    expect(normalizeSeen({ ids: [id(1)] })).toEqual([]);
    expect(normalizeSeen(undefined)).toEqual([]);
    expect(normalizeSeen([id(1), id(2), id(3)], 2)).toEqual([id(2), id(3)]);
  });

  it('merges a restored list into the current one', () => {
    expect(mergeSeen([id(1), id(2)], [id(2), id(3)])).toEqual([id(1), id(2), id(3)]);
  });
});
