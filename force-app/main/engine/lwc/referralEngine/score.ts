/** docs/rules.md section 3, `score`: advocate scoring and the leaderboard. */
import { dayNumber } from './dates';
import { round2Double } from './money';
import type { ScoreInput, ScoreRow } from './types';
import {
  elemObj,
  invalid,
  isRec,
  optDay,
  optNum,
  reqArr,
  reqDay,
  reqNum,
  reqObj,
  reqStr,
  root,
  type Rec
} from './validate';

const DECAY_CACHE_SIZE = 8192;
const STRIDE = 6;

/** FNV-1a over UTF-16 code units, as a non-negative 31-bit integer. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h >>> 1;
}

/** The slot of advocate `adv` (index + 1) with hash h. */
function find(table: Float64Array, capacity: number, h: number, adv: number): number {
  const mask = capacity - 1;
  let j = h & mask;
  while (table[j * STRIDE + 1] !== adv) {
    j = (j + 1) & mask;
  }
  return j * STRIDE;
}

/** The table at twice the capacity, every entry re-placed by its stored hash. */
function grow(table: Float64Array, capacity: number): Float64Array {
  const next = new Float64Array(capacity * 2 * STRIDE);
  const mask = capacity * 2 - 1;
  for (let j = 0; j < capacity; j++) {
    const from = j * STRIDE;
    if (table[from + 1] !== 0) {
      let k = table[from] & mask;
      while (next[k * STRIDE + 1] !== 0) {
        k = (k + 1) & mask;
      }
      // element by element: a subarray view per entry costs an allocation each
      const to = k * STRIDE;
      for (let f = 0; f < STRIDE; f++) {
        next[to + f] = table[from + f];
      }
    }
  }
  return next;
}

/** Throws the precise INVALID_INPUT for referral i (the slow path, only on bad input). */
function rejectReferral(value: unknown, i: number): never {
  const p = `referrals[${i}]`;
  const r: Rec = elemObj(value, p);
  reqStr(r, 'advocateId', p);
  reqDay(r, 'submittedDate', p);
  optDay(r, 'qualifiedDate', p);
  optDay(r, 'wonDate', p);
  optNum(r, 'wonAmount', p);
  return invalid(p, 'is not valid');
}

/**
 * Scores and ranks advocates: decayed milestone weights times a conversion multiplier,
 * rounded to 2 digits; sorted by score, won (both descending), advocateId; competition ranks.
 */
export function score(input: ScoreInput): ScoreRow[] {
  const o = root(input as unknown, 'input');
  const asOf = reqDay(o, 'asOf', '');
  const w = reqObj(o, 'weights', '');
  const wSubmitted = reqNum(w, 'submitted', 'weights');
  const wQualified = reqNum(w, 'qualified', 'weights');
  const wWon = reqNum(w, 'won', 'weights');
  const wRevenue = reqNum(w, 'revenuePer1000', 'weights');
  const halfLife = reqNum(w, 'halfLifeDays', 'weights');
  const p0 = reqNum(w, 'priorConversion', 'weights');
  const k = reqNum(w, 'priorStrength', 'weights');
  const minMultiplier = reqNum(w, 'minMultiplier', 'weights');
  const maxMultiplier = reqNum(w, 'maxMultiplier', 'weights');
  if (halfLife === 0) {
    invalid('weights.halfLifeDays', 'must be greater than 0');
  }
  if (p0 === 0) {
    invalid('weights.priorConversion', 'must be greater than 0');
  }
  const list = reqArr(o, 'referrals', '');

  const cache = new Float64Array(DECAY_CACHE_SIZE);
  const decay = (day: number): number => {
    const age = asOf - day;
    if (age <= 0) {
      return 1;
    }
    if (age < DECAY_CACHE_SIZE) {
      let v = cache[age];
      if (v === 0) {
        v = Math.pow(0.5, age / halfLife);
        cache[age] = v;
      }
      return v;
    }
    return Math.pow(0.5, age / halfLife);
  };

  // Per advocate, interleaved in one typed array (one cache line per update):
  // [base, submitted, qualified, won] at 4 * index.
  // Advocates live in an open-addressing hash table whose slots also hold their accumulators,
  // so one referral touches one table slot (and the stored id to confirm the match):
  // [hash, advocate index + 1, base, submitted, qualified, won] at STRIDE * slot.
  const ids: string[] = [];
  let capacity = 1024;
  let table: Float64Array = new Float64Array(capacity * STRIDE);
  let lastId: unknown;
  let lastSlot = 0;
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    if (!isRec(r)) {
      rejectReferral(r, i);
    }
    const id = r.advocateId;
    const sd = dayNumber(r.submittedDate);
    const qv = r.qualifiedDate;
    const wv = r.wonDate;
    const amount = r.wonAmount;
    const qd = qv === null || qv === undefined ? -Infinity : dayNumber(qv);
    const wd = wv === null || wv === undefined ? -Infinity : dayNumber(wv);
    if (
      typeof id !== 'string' ||
      Number.isNaN(sd) ||
      Number.isNaN(qd) ||
      Number.isNaN(wd) ||
      (amount !== null &&
        amount !== undefined &&
        (typeof amount !== 'number' || !(amount >= 0) || amount === Infinity))
    ) {
      rejectReferral(r, i);
    }
    let slot: number;
    if (id === lastId) {
      slot = lastSlot;
    } else {
      const h = hashString(id);
      const mask = capacity - 1;
      let j = h & mask;
      for (;;) {
        slot = j * STRIDE;
        const adv = table[slot + 1];
        if (adv === 0) {
          // A fresh copy of the id keeps the stored ids together in memory.
          ids.push((' ' + id).slice(1));
          table[slot] = h;
          table[slot + 1] = ids.length;
          if (ids.length * 2 > capacity) {
            table = grow(table, capacity);
            capacity *= 2;
            slot = find(table, capacity, h, ids.length);
          }
          break;
        }
        if (table[slot] === h && ids[adv - 1] === id) {
          break;
        }
        j = (j + 1) & mask;
      }
      lastId = id;
      lastSlot = slot;
    }
    // The terms go into the running total one at a time, in the order docs/rules.md gives, so
    // that the floating-point operations are those of the Apex engine.
    table[slot + 2] += wSubmitted * decay(sd);
    table[slot + 3]++;
    if (wd !== -Infinity) {
      table[slot + 5]++;
      table[slot + 4]++;
      table[slot + 2] += wQualified * decay(qd !== -Infinity ? qd : wd);
      const revenue = (wRevenue * (typeof amount === 'number' ? amount : 0)) / 1000;
      table[slot + 2] += (wWon + revenue) * decay(wd);
    } else if (qd !== -Infinity) {
      table[slot + 4]++;
      table[slot + 2] += wQualified * decay(qd);
    }
  }

  const kp0 = k * p0;
  const n = ids.length;
  const scores = new Float64Array(n);
  const wins = new Int32Array(n);
  const order: number[] = new Array<number>(n);
  const slots = new Int32Array(n);
  for (let j = 0; j < capacity; j++) {
    const adv = table[j * STRIDE + 1];
    if (adv !== 0) {
      slots[adv - 1] = j * STRIDE;
    }
  }
  for (let a = 0; a < n; a++) {
    const slot = slots[a];
    const won = table[slot + 5];
    const m = (won + kp0) / (table[slot + 3] + k) / p0;
    const multiplier = Math.min(Math.max(m, minMultiplier), maxMultiplier);
    scores[a] = round2Double(table[slot + 2] * multiplier);
    wins[a] = won;
    order[a] = a;
  }
  // Sort advocate indices on compact typed arrays: score and won descending, then advocateId.
  order.sort((x, y) => {
    if (scores[x] !== scores[y]) {
      return scores[y] - scores[x];
    }
    if (wins[x] !== wins[y]) {
      return wins[y] - wins[x];
    }
    const ix = ids[x];
    const iy = ids[y];
    return ix < iy ? -1 : ix > iy ? 1 : 0;
  });
  const rows: ScoreRow[] = new Array<ScoreRow>(n);
  let rank = 0;
  for (let i = 0; i < n; i++) {
    const a = order[i];
    const slot = slots[a];
    if (i === 0 || scores[a] !== scores[order[i - 1]]) {
      rank = i + 1;
    }
    rows[i] = {
      advocateId: ids[a],
      score: scores[a],
      rank,
      submitted: table[slot + 3],
      qualified: table[slot + 4],
      won: table[slot + 5]
    };
  }
  return rows;
}
