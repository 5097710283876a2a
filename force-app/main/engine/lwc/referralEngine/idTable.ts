/**
 * A table of per-advocate counters keyed by advocate id, laid out for the cache. Entries are
 * numbered densely in order of first appearance (0 .. count - 1) and live in one buffer of
 * 64-byte slots, one cache line each; an index of [tag, entry] pairs (open addressing, linear
 * probing, at most half full) finds them. A lookup reads one index pair and then the entry's
 * line, which the update that follows reuses; the memory grows with the number of advocates
 * (64 bytes each, plus 16 to 32 of index), not with a sparse table. Byte layout of an entry:
 *   0-7    a Float64 accumulator (`f64[s * F64_PER_SLOT]`)
 *   8-11   tag: the id's hash with the top bit set, 0 for an empty slot (Int32)
 *   12-23  three Int32 counters (`i32[s * I32_PER_SLOT + COUNTER + n]`, n = 0, 1, 2)
 *   24-25  id length, capped at 0xffff (Uint16)
 *   26-63  the first INLINE UTF-16 code units of the id (Uint16)
 * A lookup compares tag, then length and the inline code units within the entry's line; only an
 * id longer than INLINE is also compared as a string. Ids are compared exactly (case-sensitive, ordinal):
 * two ids with the same hash are different entries.
 */
const SLOT_BYTES = 64;
export const F64_PER_SLOT = SLOT_BYTES / 8;
export const I32_PER_SLOT = SLOT_BYTES / 4;
const U16_PER_SLOT = SLOT_BYTES / 2;
const TAG = 2;
export const COUNTER = 3;
const LENGTH = 12;
const CHARS = 13;
const INLINE = U16_PER_SLOT - CHARS;
const MAX_LENGTH = 0xffff;
const INITIAL_CAPACITY = 1024;

export interface IdTable {
  /** number of entries the arrays hold, a power of two */
  capacity: number;
  /** number of ids held: entries 0 .. count - 1 */
  count: number;
  /** 2 x capacity index slots of [tag, entry] (load at most one half) */
  index: Int32Array;
  f64: Float64Array;
  i32: Int32Array;
  u16: Uint16Array;
  /** the id of each entry */
  ids: string[];
}

function table(capacity: number, count: number): IdTable {
  const buffer = new ArrayBuffer(capacity * SLOT_BYTES);
  return {
    capacity,
    count,
    index: new Int32Array(capacity * 4),
    f64: new Float64Array(buffer),
    i32: new Int32Array(buffer),
    u16: new Uint16Array(buffer),
    ids: new Array<string>(capacity)
  };
}

/** An empty table with room for `expected` ids before it must grow (at least INITIAL_CAPACITY). */
export function newIdTable(expected = 0): IdTable {
  let capacity = INITIAL_CAPACITY;
  while (capacity <= expected) {
    capacity *= 2;
  }
  return table(capacity, 0);
}

/** FNV-1a over UTF-16 code units, as a non-negative 31-bit integer: the hash `slotOf` uses. */
export function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h >>> 1;
}

/** True when entry e holds `id`; its tag already matched. */
function holds(t: IdTable, e: number, id: string): boolean {
  const length = id.length;
  const u = e * U16_PER_SLOT;
  if (t.u16[u + LENGTH] !== (length > MAX_LENGTH ? MAX_LENGTH : length)) {
    return false;
  }
  const inline = length < INLINE ? length : INLINE;
  for (let c = 0; c < inline; c++) {
    if (t.u16[u + CHARS + c] !== id.charCodeAt(c)) {
      return false;
    }
  }
  return length <= INLINE || t.ids[e] === id;
}

/** Whether every entry is taken: time to `grow` the table. */
export function full(t: IdTable): boolean {
  return t.count === t.capacity;
}

/** The table at twice the capacity: the entries copied, the index rebuilt from their tags. */
export function grow(t: IdTable): IdTable {
  const next = table(t.capacity * 2, t.count);
  next.i32.set(t.i32);
  const index = next.index;
  const mask = next.capacity * 2 - 1;
  for (let e = 0; e < t.count; e++) {
    next.ids[e] = t.ids[e];
    const tag = t.i32[e * I32_PER_SLOT + TAG];
    let j = tag & mask;
    while (index[j * 2] !== 0) {
      j = (j + 1) & mask;
    }
    index[j * 2] = tag;
    index[j * 2 + 1] = e;
  }
  return next;
}

/**
 * The entry of `id`; when it is absent, -1, or with `add` a new zeroed entry for it (`count`
 * then grows by one; the caller replaces a `full` table by its `grow`n copy before the next
 * call: entry numbers stay).
 */
export function slotOf(t: IdTable, id: string, add: boolean): number {
  return slotOfHashed(t, id, hashOf(id), add);
}

/** `slotOf` with the id's hash, `hashOf(id)`, already computed. */
export function slotOfHashed(t: IdTable, id: string, h: number, add: boolean): number {
  const tag = h | -0x80000000;
  const index = t.index;
  const mask = t.capacity * 2 - 1;
  let j = h & mask;
  for (;;) {
    const x = index[j * 2];
    if (x === 0) {
      break;
    }
    if (x === tag) {
      const e = index[j * 2 + 1];
      if (holds(t, e, id)) {
        return e;
      }
    }
    j = (j + 1) & mask;
  }
  if (!add) {
    return -1;
  }
  const e = t.count;
  index[j * 2] = tag;
  index[j * 2 + 1] = e;
  const length = id.length;
  const u = e * U16_PER_SLOT;
  t.i32[e * I32_PER_SLOT + TAG] = tag;
  t.u16[u + LENGTH] = length > MAX_LENGTH ? MAX_LENGTH : length;
  const inline = length < INLINE ? length : INLINE;
  for (let c = 0; c < inline; c++) {
    t.u16[u + CHARS + c] = id.charCodeAt(c);
  }
  t.ids[e] = id;
  t.count++;
  return e;
}

/** What `prefetch` read, stored so that its loads are never optimised away. */
const prefetched = new Int32Array(1);

/**
 * Reads the index pair of each of hashes[0 .. n) and then the entry line the pair names, so that
 * the `slotOfHashed` calls that follow for those hashes find both in the cache. The loads do not
 * depend on each other (each loop body is a few instructions), so the processor keeps many cache
 * misses in flight at once instead of waiting for each in turn, as a lookup must. Only speed
 * depends on it: it reads and changes nothing else, whatever the hashes (an empty index pair
 * names entry 0, a colliding one another id's entry).
 */
// Stryker disable all: a cache prefetch with no effect on any result (docs/quality.md)
export function prefetch(t: IdTable, hashes: Int32Array, n: number): void {
  const index = t.index;
  const f64 = t.f64;
  const mask = t.capacity * 2 - 1;
  let x = 0;
  for (let k = 0; k < n; k++) {
    x |= index[(hashes[k] & mask) * 2 + 1];
  }
  for (let k = 0; k < n; k++) {
    x |= f64[index[(hashes[k] & mask) * 2 + 1] * F64_PER_SLOT] === 0 ? 0 : 1;
  }
  prefetched[0] = x;
}
// Stryker restore all
