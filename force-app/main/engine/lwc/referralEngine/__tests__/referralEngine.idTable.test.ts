/**
 * The per-advocate id table (idTable.ts) against its documented layout: FNV-1a tags, dense entry
 * numbers in order of first appearance, 64-byte slots holding the length (capped) and the first
 * code units, lookups that never add, growth that keeps entry numbers, and exact id comparison
 * even for ids whose hashes collide on purpose at the inline boundary.
 */
import { COUNTER, F64_PER_SLOT, I32_PER_SLOT, full, grow, newIdTable, slotOf } from '../idTable';
import type { IdTable } from '../idTable';

const FNV_PRIME = 0x01000193;
const FNV_BASIS = 0x811c9dc5;
const U16_PER_SLOT = 32;
const TAG = 2;
const LENGTH = 12;
const CHARS = 13;
const INLINE = 19;

/** FNV-1a state over UTF-16 code units (unsigned 32 bits). */
function fnvState(s: string, from = FNV_BASIS): number {
  let h = from;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  }
  return h >>> 0;
}

/** The documented tag: the 31-bit hash with the top bit set, as an Int32. */
const tagOf = (s: string): number => (fnvState(s) >>> 1) | -0x80000000;

/** The multiplicative inverse of the FNV prime modulo 2^32 (Newton's iteration). */
function inverse(p: number): number {
  let x = p;
  for (let i = 0; i < 5; i++) {
    x = Math.imul(x, 2 - Math.imul(p, x));
  }
  return x >>> 0;
}
const PRIME_INVERSE = inverse(FNV_PRIME);

/**
 * Two ids of `length` and `length + 1` code units, the longer one the shorter one plus a code
 * unit, with the same FNV-1a state (so the same tag): a state S that one more code unit t maps
 * onto itself ((S ^ t) * p = S), reached from a prefix of 'a's by choosing the last two units.
 */
function prefixCollision(length: number): [string, string] {
  let seed = 12345;
  for (;;) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const s = seed;
    const back = Math.imul(s, PRIME_INVERSE) >>> 0;
    const t = (back ^ s) >>> 0;
    if (t >= 0x10000) {
      continue;
    }
    const prefix = 'a'.repeat(length - 2);
    const s0 = fnvState(prefix);
    for (let c1 = 0; c1 < 0x10000; c1++) {
      const mid = Math.imul(s0 ^ c1, FNV_PRIME) >>> 0;
      const c2 = (mid ^ back) >>> 0;
      if (c2 < 0x10000) {
        const short = prefix + String.fromCharCode(c1, c2);
        return [short, short + String.fromCharCode(t)];
      }
    }
  }
}

function add(t: IdTable, id: string): { t: IdTable; e: number } {
  const e = slotOf(t, id, true);
  return { t: full(t) ? grow(t) : t, e };
}

describe('idTable', () => {
  it('stores an entry as documented: tag, length and code units in its slot, [tag, entry] at its hash in the index', () => {
    const t = newIdTable();
    const id = 'adv-42';
    expect(slotOf(t, id, true)).toBe(0);
    expect(t.i32[TAG]).toBe(tagOf(id));
    expect(t.u16[LENGTH]).toBe(id.length);
    expect(Array.from(t.u16.subarray(CHARS, CHARS + id.length))).toEqual(
      Array.from(id, (c) => c.charCodeAt(0))
    );
    const j = (fnvState(id) >>> 1) & (t.capacity * 2 - 1);
    expect(t.index[j * 2]).toBe(tagOf(id));
    expect(t.index[j * 2 + 1]).toBe(0);
    expect(t.ids[0]).toBe(id);
    expect(t.f64[0]).toBe(0);
    expect(Array.from(t.i32.subarray(COUNTER, COUNTER + 3))).toEqual([0, 0, 0]);
  });

  it('numbers ids densely in order of first appearance, and a lookup never adds', () => {
    let t = newIdTable();
    const entries = ['c', 'a', 'b', 'a', 'c'].map((id) => {
      const r = add(t, id);
      t = r.t;
      return r.e;
    });
    expect(entries).toEqual([0, 1, 2, 1, 0]);
    expect(t.count).toBe(3);
    const index = Array.from(t.index);
    expect(slotOf(t, 'unknown', false)).toBe(-1);
    expect(slotOf(t, 'A', false)).toBe(-1);
    expect(t.count).toBe(3);
    expect(Array.from(t.index)).toEqual(index);
    expect(slotOf(t, 'b', false)).toBe(2);
  });

  it('keeps a long id inside its own slot: the next entry starts zeroed', () => {
    const t = newIdTable();
    const long = 'x'.repeat(40);
    expect(slotOf(t, long, true)).toBe(0);
    expect(t.u16[LENGTH]).toBe(40);
    expect(slotOf(t, 'b', true)).toBe(1);
    expect(t.f64[F64_PER_SLOT]).toBe(0);
    expect(Array.from(t.i32.subarray(I32_PER_SLOT + COUNTER, I32_PER_SLOT + COUNTER + 3))).toEqual([
      0, 0, 0
    ]);
    expect(t.i32[I32_PER_SLOT + TAG]).toBe(tagOf('b'));
    expect(t.u16[U16_PER_SLOT + LENGTH]).toBe(1);
    expect(t.u16[U16_PER_SLOT + CHARS]).toBe('b'.charCodeAt(0));
    expect(slotOf(t, long, false)).toBe(0);
  });

  it('caps the stored length at 0xffff and still finds an id longer than that', () => {
    const t = newIdTable();
    const huge = 'y'.repeat(70000);
    const other = 'y'.repeat(69999) + 'z';
    expect(slotOf(t, huge, true)).toBe(0);
    expect(t.u16[LENGTH]).toBe(0xffff);
    expect(slotOf(t, huge.slice(0), true)).toBe(0);
    expect(slotOf(t, other, true)).toBe(1);
    expect(t.count).toBe(2);
  });

  describe.each([INLINE - 1, INLINE, INLINE + 1])(
    'ids with the same tag, one the other plus a code unit (%i and one more)',
    (length) => {
      const [short, long] = prefixCollision(length);

      it('really collide', () => {
        expect(long.startsWith(short)).toBe(true);
        expect(long).toHaveLength(length + 1);
        expect(tagOf(long)).toBe(tagOf(short));
      });

      it.each([
        ['the shorter first', [short, long]],
        ['the longer first', [long, short]]
      ])('stay two entries, %s', (_name, order) => {
        const t = newIdTable();
        expect(slotOf(t, order[0], true)).toBe(0);
        expect(slotOf(t, order[1], false)).toBe(-1);
        expect(slotOf(t, order[1], true)).toBe(1);
        expect(slotOf(t, order[0], false)).toBe(0);
        expect(slotOf(t, order[1], false)).toBe(1);
      });
    }
  );

  it('grows when full, keeping every entry number and its counters, the index at most half full', () => {
    let t = newIdTable();
    const ids = Array.from({ length: 1500 }, (_, i) => `advocate-${i}`);
    const growths: [number, number, number][] = [];
    for (const id of ids) {
      const before = t.capacity;
      const r = add(t, id);
      r.t.i32[r.e * I32_PER_SLOT + COUNTER] = r.e + 7;
      if (r.t !== t) {
        growths.push([r.e, before, r.t.capacity]);
      }
      t = r.t;
    }
    // grown once, when the 1024th entry took the last one
    expect(growths).toEqual([[1023, 1024, 2048]]);
    expect(t.capacity).toBe(2048);
    expect(t.count).toBe(1500);
    let used = 0;
    for (let j = 0; j < t.capacity * 2; j++) {
      if (t.index[j * 2] !== 0) {
        used++;
      }
    }
    expect(used).toBe(1500);
    ids.forEach((id, e) => {
      expect(slotOf(t, id, false)).toBe(e);
      expect(t.i32[e * I32_PER_SLOT + COUNTER]).toBe(e + 7);
      expect(t.ids[e]).toBe(id);
    });
    expect(slotOf(t, 'advocate-1500', false)).toBe(-1);
  });

  it('is full exactly when every entry is taken', () => {
    let t = newIdTable();
    for (let i = 0; i < t.capacity - 1; i++) {
      slotOf(t, `a${i}`, true);
    }
    expect(full(t)).toBe(false);
    slotOf(t, 'last', true);
    expect(full(t)).toBe(true);
    t = grow(t);
    expect(full(t)).toBe(false);
  });

  it('starts with room for the ids it is told to expect, so adding them never fills it', () => {
    expect(newIdTable().capacity).toBe(1024);
    expect(newIdTable(1023).capacity).toBe(1024);
    expect(newIdTable(1024).capacity).toBe(2048);
    expect(newIdTable(5000).capacity).toBe(8192);
    const t = newIdTable(2048);
    for (let i = 0; i < 2048; i++) {
      expect(slotOf(t, `id${i}`, true)).toBe(i);
      expect(full(t)).toBe(false);
    }
    expect(t.capacity).toBe(4096);
    expect(slotOf(t, 'id2047', false)).toBe(2047);
  });
});
