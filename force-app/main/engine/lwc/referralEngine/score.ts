/** docs/rules.md section 3, `score`: advocate scoring and the leaderboard. */
import { dayNumber } from './dates';
import {
  COUNTER,
  F64_PER_SLOT,
  I32_PER_SLOT,
  full,
  grow,
  hashOf,
  newIdTable,
  prefetch,
  slotOfHashed
} from './idTable';
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
const BLOCK = 64;
/** Code units of each id that the leaderboard's radix sort orders by. */
const ID_UNITS = 24;

const SUBMITTED = COUNTER;
const QUALIFIED = COUNTER + 1;
const WON = COUNTER + 2;

const DIGIT_BITS = 11;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Advocate indices in leaderboard order: score descending, won descending, then advocateId
 * ascending (ordinal). One stable LSD radix sort on 11-bit digits, least significant key first:
 * the id's first ID_UNITS code units (the last one first; a unit u counts as u + 1 and a
 * position past the id's end as 0, so a prefix sorts before the longer id), then won, then the
 * score's bits. Digits equal across all keys are skipped, and a key's digits above its largest
 * value too, so the work is linear in the number of advocates times the id length. Only ids
 * longer than ID_UNITS can tie on everything the radix sort saw; then each run of equal score
 * and won is sorted by the whole id.
 */
function rankOrder(scores: Float64Array, wins: Int32Array, ids: string[]): Int32Array {
  const n = scores.length;
  /** Ordinal order of two advocates' ids, which are unique (never equal). */
  const byId = (x: number, y: number): number => (ids[x] < ids[y] ? -1 : 1);
  // The ids' first code units, `width` per advocate, and each id's length.
  let longest = 0;
  for (let a = 0; a < n; a++) {
    longest = Math.max(longest, ids[a].length);
  }
  const width = Math.min(longest, ID_UNITS);
  const units = new Uint16Array(n * width);
  const lengths = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    const id = ids[a];
    const length = Math.min(id.length, width);
    lengths[a] = length;
    for (let p = 0; p < length; p++) {
      units[a * width + p] = id.charCodeAt(p);
    }
  }
  // Scores and won counts are never negative (docs/rules.md: weights, amounts and dates give no
  // negative term; -0 cannot arise from sums that start at +0), and the IEEE 754 bits of a
  // non-negative double, read as an unsigned integer, order like the values. Score and won are
  // inverted so that ascending key order is descending value order.
  const bits = new Uint32Array(2);
  const f = new Float64Array(bits.buffer);
  const hiWord = LITTLE_ENDIAN ? 1 : 0;
  const key = new Uint32Array(n);
  /**
   * Fills `key` with key word w, least significant first: the id's unit at width - 1 - w for
   * w < width, then won, then the score's low and high words. Returns the word's largest value.
   */
  const fill = (w: number): number => {
    let largest = 0;
    if (w < width) {
      const p = width - 1 - w;
      for (let a = 0; a < n; a++) {
        const k = p < lengths[a] ? units[a * width + p] + 1 : 0;
        key[a] = k;
        largest = Math.max(largest, k);
      }
    } else if (w === width) {
      for (let a = 0; a < n; a++) {
        key[a] = ~wins[a];
      }
      largest = 0xffffffff;
    } else {
      const word = w === width + 1 ? 1 - hiWord : hiWord;
      for (let a = 0; a < n; a++) {
        f[0] = scores[a];
        key[a] = ~bits[word];
      }
      largest = 0xffffffff;
    }
    return largest;
  };
  let order = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    order[a] = a;
  }
  let next = new Int32Array(n);
  // The key word of the pass, kept in the current order beside `order` (read in sequence, not
  // through `order`): one gather per key word, when a digit of it moves anything, instead of a
  // scattered read per digit.
  let current = new Uint32Array(n);
  let moved = new Uint32Array(n);
  const counts = new Int32Array(DIGIT_MASK + 1);
  for (let w = 0; w < width + 3; w++) {
    const largest = fill(w);
    let gathered = false;
    for (let shift = 0; shift < 32 && largest >>> shift !== 0; shift += DIGIT_BITS) {
      counts.fill(0);
      for (let i = 0; i < n; i++) {
        counts[(key[i] >>> shift) & DIGIT_MASK]++;
      }
      // A digit equal in every key (n === 0 included) would leave the order as it is.
      if (counts[(key[0] >>> shift) & DIGIT_MASK] === n) {
        continue;
      }
      if (!gathered) {
        for (let i = 0; i < n; i++) {
          current[i] = key[order[i]];
        }
        gathered = true;
      }
      let sum = 0;
      for (let d = 0; d <= DIGIT_MASK; d++) {
        const c = counts[d];
        counts[d] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const k = current[i];
        const p = counts[(k >>> shift) & DIGIT_MASK]++;
        next[p] = order[i];
        moved[p] = k;
      }
      const t = order;
      order = next;
      next = t;
      const u = current;
      current = moved;
      moved = u;
    }
  }
  if (longest > ID_UNITS) {
    // Ids longer than ID_UNITS can tie on every key above: each run of equal score and won, in
    // order of its ids' first ID_UNITS units already, is sorted by the whole id. Only such ids
    // take this path (Salesforce record ids have 15 or 18 units).
    let start = 0;
    for (let i = 1; i <= n; i++) {
      if (
        i === n ||
        scores[order[i]] !== scores[order[start]] ||
        wins[order[i]] !== wins[order[start]]
      ) {
        order.subarray(start, i).sort(byId);
        start = i;
      }
    }
  }
  return order;
}

/**
 * out[j] = 0.5^(age / halfLife) for the age in days (asOf - days[j]) of each of days[0 .. count),
 * 1 for an age of 0 or less; ages below DECAY_CACHE_SIZE are computed once per call and kept in
 * `cache` (0 until computed). What a date left out (-Infinity) gets is never read. A loop of
 * its own, so that no decay is returned from a call (which boxes a double on the heap).
 */
function decays(
  days: Float64Array,
  out: Float64Array,
  count: number,
  asOf: number,
  halfLife: number,
  cache: Float64Array
): void {
  for (let j = 0; j < count; j++) {
    const age = asOf - days[j];
    if (age <= 0) {
      out[j] = 1;
    } else if (age < DECAY_CACHE_SIZE) {
      let v = cache[age];
      if (v === 0) {
        v = Math.pow(0.5, age / halfLife);
        cache[age] = v;
      }
      out[j] = v;
    } else {
      out[j] = Math.pow(0.5, age / halfLife);
    }
  }
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
  // Stryker disable next-line StringLiteral: unreachable, one of the checks above has thrown (labels-gate: not text (engine diagnostic, docs/rules.md))
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
    // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
    invalid('weights.halfLifeDays', 'must be greater than 0');
  }
  if (p0 === 0) {
    // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
    invalid('weights.priorConversion', 'must be greater than 0');
  }
  const list = reqArr(o, 'referrals', '');

  const cache = new Float64Array(DECAY_CACHE_SIZE);

  // Per advocate, in its slot of the id table: the base score and submitted, qualified, won.
  // Referrals go in blocks of BLOCK: the first pass over a block validates and decodes them and
  // hashes their ids, `decays` turns their three dates into decay factors, `prefetch` loads each
  // id's index pair and entry line, and the last pass (whose loads then hit the cache) finds or
  // adds the entry and adds the terms in referral order. The prefetch's loads do not depend on
  // each other, so the processor overlaps their cache misses instead of waiting for each in turn.
  let t = newIdTable();
  const blockIds: string[] = new Array<string>(BLOCK);
  const hashes = new Int32Array(BLOCK);
  const sdays = new Float64Array(BLOCK);
  const qdays = new Float64Array(BLOCK);
  const wdays = new Float64Array(BLOCK);
  const sdecay = new Float64Array(BLOCK);
  const qdecay = new Float64Array(BLOCK);
  const wdecay = new Float64Array(BLOCK);
  const amounts = new Float64Array(BLOCK);
  for (let base = 0; base < list.length; base += BLOCK) {
    const end = Math.min(base + BLOCK, list.length);
    for (let i = base; i < end; i++) {
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
      const b = i - base;
      blockIds[b] = id;
      hashes[b] = hashOf(id);
      sdays[b] = sd;
      // The qualified term's date: a won referral without a qualified date counts as
      // qualified on its won date.
      qdays[b] = qd !== -Infinity ? qd : wd;
      wdays[b] = wd;
      amounts[b] = typeof amount === 'number' ? amount : 0;
    }
    decays(sdays, sdecay, end - base, asOf, halfLife, cache);
    decays(qdays, qdecay, end - base, asOf, halfLife, cache);
    decays(wdays, wdecay, end - base, asOf, halfLife, cache);
    prefetch(t, hashes, end - base);
    for (let i = base; i < end; i++) {
      const b = i - base;
      const s = slotOfHashed(t, blockIds[b], hashes[b], true);
      if (full(t)) {
        t = grow(t);
      }
      const f = s * F64_PER_SLOT;
      const c = s * I32_PER_SLOT;
      const i32 = t.i32;
      const f64 = t.f64;
      f64[f] += wSubmitted * sdecay[b];
      i32[c + SUBMITTED]++;
      if (wdays[b] !== -Infinity) {
        i32[c + WON]++;
        i32[c + QUALIFIED]++;
        f64[f] += wQualified * qdecay[b];
        const revenue = (wRevenue * amounts[b]) / 1000;
        f64[f] += (wWon + revenue) * wdecay[b];
      } else if (qdays[b] !== -Infinity) {
        i32[c + QUALIFIED]++;
        f64[f] += wQualified * qdecay[b];
      }
    }
  }

  const kp0 = k * p0;
  const n = t.count;
  const ids: string[] = new Array<string>(n);
  const scores = new Float64Array(n);
  const wins = new Int32Array(n);
  const i32 = t.i32;
  for (let a = 0; a < n; a++) {
    const c = a * I32_PER_SLOT;
    const won = i32[c + WON];
    const m = (won + kp0) / (i32[c + SUBMITTED] + k) / p0;
    const multiplier = Math.min(Math.max(m, minMultiplier), maxMultiplier);
    const product = t.f64[a * F64_PER_SLOT] * multiplier;
    // Infinity and NaN fail this test: weights or won amounts so large that the arithmetic
    // overflows (docs/rules.md section 3).
    if (!(product <= Number.MAX_VALUE)) {
      invalid(
        'weights',
        // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
        `make the score of advocate ${t.ids[a]} too large to compute; use smaller weights`
      );
    }
    scores[a] = round2Double(product);
    wins[a] = won;
    ids[a] = t.ids[a];
  }
  const order = rankOrder(scores, wins, ids);
  const rows: ScoreRow[] = new Array<ScoreRow>(n);
  let rank = 0;
  for (let i = 0; i < n; i++) {
    const x = order[i];
    const c = x * I32_PER_SLOT;
    if (i === 0 || scores[x] !== scores[order[i - 1]]) {
      rank = i + 1;
    }
    rows[i] = {
      advocateId: ids[x],
      score: scores[x],
      rank,
      submitted: i32[c + SUBMITTED],
      qualified: i32[c + QUALIFIED],
      won: i32[c + WON]
    };
  }
  return rows;
}
