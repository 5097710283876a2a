/** docs/rules.md section 6, `metrics`: program health. */
import { dayNumber } from './dates';
import { COUNTER, I32_PER_SLOT, hashOf, newIdTable, prefetch, slotOfHashed } from './idTable';
import type { MetricsInput, MetricsResult, TopShare } from './types';
import {
  elemObj,
  invalid,
  isRec,
  reqArr,
  reqBool,
  reqDate,
  reqStr,
  root,
  type Rec
} from './validate';

/** ratio a / b rounded half away from zero to 4 fraction digits; 0 when b is 0. */
export function ratio4(a: number, b: number): number {
  if (b === 0) {
    return 0;
  }
  const n = a * 10000;
  const r = n % b;
  const q = (n - r) / b;
  return (r * 2 >= b ? q + 1 : q) / 10000;
}

/** Referrals validated, then looked up, at a time (see `metrics`). */
const BLOCK = 64;

const ENROLLED = COUNTER;
const REFERRALS = COUNTER + 1;
const WON = COUNTER + 2;

/** The fallback reason when no field of an invalid element names the problem. */
// labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
const NOT_VALID = 'is not valid';

function rejectAdvocate(value: unknown, i: number): never {
  const p = `advocates[${i}]`;
  const a: Rec = elemObj(value, p);
  reqStr(a, 'id', p);
  reqDate(a, 'enrolledDate', p);
  return invalid(p, NOT_VALID);
}

function rejectReferral(value: unknown, i: number): never {
  const p = `referrals[${i}]`;
  const r: Rec = elemObj(value, p);
  reqStr(r, 'id', p);
  reqStr(r, 'advocateId', p);
  reqDate(r, 'submittedDate', p);
  reqBool(r, 'won', p);
  return invalid(p, NOT_VALID);
}

/** Program health over a period: enrolment, activity, conversion, distribution and concentration. */
export function metrics(input: MetricsInput): MetricsResult {
  const o = root(input as unknown, 'input');
  const periodStart = reqDate(o, 'periodStart', '');
  const periodEnd = reqDate(o, 'periodEnd', '');
  const advocates = reqArr(o, 'advocates', '');
  const referrals = reqArr(o, 'referrals', '');

  const startDay = dayNumber(periodStart);
  const endDay = dayNumber(periodEnd);

  // Per advocate, in its slot of the id table: enrolled by the end of the period (1 or 0), then
  // its counted referrals and won referrals.
  // Sized for every advocate up front: the table never grows (or copies itself) while they are
  // added.
  const t = newIdTable(advocates.length);
  // Advocates go in blocks of BLOCK too: validated and hashed, their index pairs prefetched,
  // then added (see the referrals below).
  const blockIds: string[] = new Array<string>(BLOCK);
  const hashes = new Int32Array(BLOCK);
  const flags = new Int32Array(BLOCK);
  let enrolled = 0;
  for (let base = 0; base < advocates.length; base += BLOCK) {
    let end = Math.min(base + BLOCK, advocates.length);
    // The first invalid advocate of the block, reported once the ones before it are added (one
    // of them may duplicate an earlier id: that error comes first).
    let invalidAt = -1;
    for (let i = base; i < end; i++) {
      const a = advocates[i];
      const id = isRec(a) ? a.id : undefined;
      const enrolledDay = isRec(a) ? dayNumber(a.enrolledDate) : NaN;
      if (typeof id !== 'string' || Number.isNaN(enrolledDay)) {
        invalidAt = i;
        end = i;
        break;
      }
      blockIds[i - base] = id;
      hashes[i - base] = hashOf(id);
      flags[i - base] = enrolledDay <= endDay ? 1 : 0;
    }
    prefetch(t, hashes, end - base);
    for (let i = base; i < end; i++) {
      const id = blockIds[i - base];
      const known = t.count;
      const s = slotOfHashed(t, id, hashes[i - base], true);
      if (t.count === known) {
        const first = advocates.findIndex((other) => isRec(other) && other.id === id);
        // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
        invalid(`advocates[${i}].id`, `duplicates the id of advocates[${first}] (${id})`);
      }
      if (flags[i - base] === 1) {
        t.i32[s * I32_PER_SLOT + ENROLLED] = 1;
        enrolled++;
      }
    }
    if (invalidAt >= 0) {
      rejectAdvocate(advocates[invalidAt], invalidAt);
    }
  }
  // Referrals go in blocks of BLOCK: the first pass over a block validates them and keeps the
  // counted ones (submitted in the period) with their ids' hashes, `prefetch` loads their index
  // pairs and entry lines, and the look-ups that follow (whose loads then hit the cache) add
  // them to their advocates. The prefetch's loads do not depend on each other, so the processor
  // overlaps their cache misses instead of waiting for each in turn.
  let total = 0;
  let totalWon = 0;
  const i32 = t.i32;
  for (let base = 0; base < referrals.length; base += BLOCK) {
    const end = Math.min(base + BLOCK, referrals.length);
    let counted = 0;
    for (let i = base; i < end; i++) {
      const r = referrals[i];
      if (!isRec(r)) {
        rejectReferral(r, i);
      }
      const advocateId = r.advocateId;
      const won = r.won;
      const day = dayNumber(r.submittedDate);
      if (
        typeof r.id !== 'string' ||
        typeof advocateId !== 'string' ||
        typeof won !== 'boolean' ||
        Number.isNaN(day)
      ) {
        rejectReferral(r, i);
      }
      if (day >= startDay && day <= endDay) {
        blockIds[counted] = advocateId as string;
        hashes[counted] = hashOf(advocateId as string);
        flags[counted] = won ? 1 : 0;
        counted++;
      }
    }
    prefetch(t, hashes, counted);
    for (let b = 0; b < counted; b++) {
      const s = slotOfHashed(t, blockIds[b], hashes[b], false);
      if (s < 0) {
        continue;
      }
      const c = s * I32_PER_SLOT;
      if (i32[c + ENROLLED] === 0) {
        continue;
      }
      i32[c + REFERRALS]++;
      total++;
      if (flags[b] === 1) {
        i32[c + WON]++;
        totalWon++;
      }
    }
  }

  // [referrals, won] per enrolled advocate, interleaved, and its id; and the counts of the
  // active ones.
  const tally = new Int32Array(enrolled * 2);
  // Stryker disable next-line ArrayDeclaration: the size only preallocates; every index is set below
  const enrolledIds: string[] = new Array<string>(enrolled);
  let e = 0;
  let active = 0;
  let one = 0;
  let twoToTen = 0;
  let elevenPlus = 0;
  let maxCount = 0;
  // Stryker disable next-line EqualityOperator: `<=` reads the unused, zeroed entry t.count (never enrolled)
  for (let s = 0; s < t.count; s++) {
    const c = s * I32_PER_SLOT;
    if (i32[c + ENROLLED] === 1) {
      const n = i32[c + REFERRALS];
      tally[e * 2] = n;
      tally[e * 2 + 1] = i32[c + WON];
      enrolledIds[e] = t.ids[s];
      e++;
      if (n > 0) {
        active++;
        maxCount = Math.max(maxCount, n);
        if (n === 1) {
          one++;
        } else if (n <= 10) {
          twoToTen++;
        } else {
          elevenPlus++;
        }
      }
    }
  }
  // Advocates with no referral rank last and add nothing to either share. The shares need only
  // the set of the top n, not its order: whole buckets of equal referral counts from the top,
  // then the smallest ids of the bucket at the boundary. Linear, where a full sort is not.
  // Bucket 0 (the advocates without referrals) is filled but never read.
  const advocatesWithCount = new Int32Array(maxCount + 1);
  const wonWithCount = new Float64Array(maxCount + 1);
  // Stryker disable next-line EqualityOperator: `<=` reads past the end of tally: an undefined count fills no bucket
  for (let a = 0; a < enrolled; a++) {
    const c = tally[a * 2];
    advocatesWithCount[c]++;
    wonWithCount[c] += tally[a * 2 + 1];
  }
  const top = (percent: number): TopShare => {
    let remaining = Math.ceil((enrolled * percent) / 100);
    let refs = 0;
    let deals = 0;
    // From the most referrals down; an empty bucket adds 0 and takes 0 from remaining.
    for (let c = maxCount; c >= 1; c--) {
      const k = advocatesWithCount[c];
      // Stryker disable next-line EqualityOperator: `<` sends a bucket of exactly `remaining` to the selection, which then takes it whole
      if (k <= remaining) {
        refs += c * k;
        deals += wonWithCount[c];
        remaining -= k;
        // Stryker disable next-line ConditionalExpression,BlockStatement: made false or emptied, the next non-empty bucket adds 0 and ends the loop
        if (remaining === 0) {
          break;
        }
      } else {
        refs += c * remaining;
        deals += wonOfSmallestIds(bucketOf(c, tally, enrolled), remaining, enrolledIds, tally);
        break;
      }
    }
    return { referralShare: ratio4(refs, total), dealShare: ratio4(deals, totalWon) };
  };
  return {
    enrolled,
    active,
    activeRate: ratio4(active, enrolled),
    referrals: total,
    referralsPerAdvocate: ratio4(total, enrolled),
    won: totalWon,
    conversionRate: ratio4(totalWon, total),
    referrerDistribution: {
      one: ratio4(one, active),
      twoToTen: ratio4(twoToTen, active),
      elevenPlus: ratio4(elevenPlus, active)
    },
    top1Pct: top(1),
    top10Pct: top(10)
  };
}

/** The enrolled advocates (indices) with exactly `count` counted referrals. */
function bucketOf(count: number, tally: Int32Array, enrolled: number): number[] {
  const bucket: number[] = [];
  // Stryker disable next-line EqualityOperator: `<=` reads past the end of tally: undefined is no count
  for (let a = 0; a < enrolled; a++) {
    if (tally[a * 2] === count) {
      bucket.push(a);
    }
  }
  return bucket;
}

/**
 * Won referrals of the k advocates of a bucket whose ids come first in ordinal order. A
 * quickselect (Hoare partition) moves the k smallest ids to the front without sorting the rest;
 * ids are unique (validated), so the partition always makes progress.
 */
function wonOfSmallestIds(bucket: number[], k: number, ids: string[], tally: Int32Array): number {
  let lo = 0;
  let hi = bucket.length - 1;
  const target = k - 1;
  // Stryker disable next-line EqualityOperator: `<=` partitions a one-entry range (lo = hi = target), a no-op, then stops
  while (lo < hi) {
    const pivot = ids[bucket[(lo + hi) >>> 1]];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (ids[bucket[i]] < pivot) {
        i++;
      }
      while (ids[bucket[j]] > pivot) {
        j--;
      }
      if (i <= j) {
        const t = bucket[i];
        bucket[i] = bucket[j];
        bucket[j] = t;
        i++;
        j--;
      }
    }
    // Stryker disable next-line EqualityOperator: `<` at target = j stops with the k smallest in place (review's X12)
    if (target <= j) {
      hi = j;
    } else {
      // Between the two parts, target holds the pivot: the k smallest are in place.
      // Stryker disable next-line ConditionalExpression,BlockStatement: made false or emptied, the loop goes on, reordering only entries after target
      if (target < i) {
        break;
      }
      lo = i;
    }
  }
  let won = 0;
  for (let x = 0; x < k; x++) {
    won += tally[bucket[x] * 2 + 1];
  }
  return won;
}
