/**
 * A table of per-advocate counters keyed by advocate id, laid out for the cache: open addressing
 * (linear probing) over one buffer of 64-byte slots, so a lookup and the update that follows
 * touch one cache line. Byte layout of a slot:
 *   0-7    a Float64 accumulator (`f64[s * F64_PER_SLOT]`)
 *   8-11   tag: the id's hash with the top bit set, 0 for an empty slot (Int32)
 *   12-23  three Int32 counters (`i32[s * I32_PER_SLOT + COUNTER + n]`, n = 0, 1, 2)
 *   24-25  id length, capped at 0xffff (Uint16)
 *   26-63  the first INLINE UTF-16 code units of the id (Uint16)
 * A lookup compares tag, length and the inline code units within that line; only an id longer
 * than INLINE is also compared as a string. Ids are compared exactly (case-sensitive, ordinal):
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
  /** number of slots, a power of two */
  capacity: number;
  /** number of ids held */
  count: number;
  f64: Float64Array;
  i32: Int32Array;
  u16: Uint16Array;
  /** the id held by each occupied slot */
  ids: string[];
}

function table(capacity: number, count: number): IdTable {
  const buffer = new ArrayBuffer(capacity * SLOT_BYTES);
  return {
    capacity,
    count,
    f64: new Float64Array(buffer),
    i32: new Int32Array(buffer),
    u16: new Uint16Array(buffer),
    ids: new Array<string>(capacity)
  };
}

export function newIdTable(): IdTable {
  return table(INITIAL_CAPACITY, 0);
}

/** FNV-1a over UTF-16 code units, as a non-negative 31-bit integer. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h >>> 1;
}

/** True when slot s holds `id`; its tag already matched. */
function holds(t: IdTable, s: number, id: string): boolean {
  const length = id.length;
  const u = s * U16_PER_SLOT;
  if (t.u16[u + LENGTH] !== (length > MAX_LENGTH ? MAX_LENGTH : length)) {
    return false;
  }
  const inline = length < INLINE ? length : INLINE;
  for (let c = 0; c < inline; c++) {
    if (t.u16[u + CHARS + c] !== id.charCodeAt(c)) {
      return false;
    }
  }
  return length <= INLINE || t.ids[s] === id;
}

/** Whether the table is more than half full: time to `grow` it (and look its last id up again). */
export function full(t: IdTable): boolean {
  return t.count * 2 > t.capacity;
}

/** The table at twice the capacity, every slot moved whole to its place by its stored hash. */
export function grow(t: IdTable): IdTable {
  const next = table(t.capacity * 2, t.count);
  const from = t.i32;
  const to = next.i32;
  const mask = next.capacity - 1;
  for (let s = 0; s < t.capacity; s++) {
    const a = s * I32_PER_SLOT;
    const tag = from[a + TAG];
    if (tag !== 0) {
      let j = tag & mask;
      while (to[j * I32_PER_SLOT + TAG] !== 0) {
        j = (j + 1) & mask;
      }
      const b = j * I32_PER_SLOT;
      for (let w = 0; w < I32_PER_SLOT; w++) {
        to[b + w] = from[a + w];
      }
      next.ids[j] = t.ids[s];
    }
  }
  return next;
}

/**
 * The slot of `id`; when it is absent, -1, or with `add` a new zeroed slot for it (`count` then
 * grows by one; the caller then grows a table more than half full, see `full`).
 */
export function slotOf(t: IdTable, id: string, add: boolean): number {
  const h = hashString(id);
  const tag = h | -0x80000000;
  const i32 = t.i32;
  const mask = t.capacity - 1;
  let s = h & mask;
  for (;;) {
    const x = i32[s * I32_PER_SLOT + TAG];
    if (x === 0) {
      break;
    }
    if (x === tag && holds(t, s, id)) {
      return s;
    }
    s = (s + 1) & mask;
  }
  return add ? insert(t, s, tag, id) : -1;
}

/** Writes `id` into the empty slot s and returns s. */
function insert(t: IdTable, s: number, tag: number, id: string): number {
  const length = id.length;
  const u = s * U16_PER_SLOT;
  t.i32[s * I32_PER_SLOT + TAG] = tag;
  t.u16[u + LENGTH] = length > MAX_LENGTH ? MAX_LENGTH : length;
  const inline = length < INLINE ? length : INLINE;
  for (let c = 0; c < inline; c++) {
    t.u16[u + CHARS + c] = id.charCodeAt(c);
  }
  t.ids[s] = id;
  t.count++;
  return s;
}

/** Whether slot s holds an id. */
export function occupied(t: IdTable, s: number): boolean {
  return t.i32[s * I32_PER_SLOT + TAG] !== 0;
}
