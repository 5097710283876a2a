/** docs/rules.md section 6, `metrics`: program health. */
import { dayNumber } from './dates';
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

function rejectReferral(value: unknown, i: number): never {
  const p = `referrals[${i}]`;
  const r: Rec = elemObj(value, p);
  reqStr(r, 'id', p);
  reqStr(r, 'advocateId', p);
  reqDate(r, 'submittedDate', p);
  reqBool(r, 'won', p);
  return invalid(p, 'is not valid');
}

/** Program health over a period: enrolment, activity, conversion, distribution and concentration. */
export function metrics(input: MetricsInput): MetricsResult {
  const o = root(input as unknown, 'input');
  const periodStart = reqDate(o, 'periodStart', '');
  const periodEnd = reqDate(o, 'periodEnd', '');
  const advocates = reqArr(o, 'advocates', '');
  const referrals = reqArr(o, 'referrals', '');

  // One map for both jobs: an enrolled advocate's slot (>= 0), or -1 for one enrolled after the
  // period; a second map of 100,000 string keys costs more than the rest of the pass.
  const enrolledIndex = new Map<string, number>();
  const enrolledIds: string[] = [];
  for (let i = 0; i < advocates.length; i++) {
    const p = `advocates[${i}]`;
    const a = elemObj(advocates[i], p);
    const id = reqStr(a, 'id', p);
    const enrolledDate = reqDate(a, 'enrolledDate', p);
    if (enrolledIndex.has(id)) {
      const first = advocates.findIndex((other) => isRec(other) && other.id === id);
      invalid(`${p}.id`, `duplicates the id of advocates[${first}] (${id})`);
    }
    if (enrolledDate <= periodEnd) {
      enrolledIndex.set(id, enrolledIds.length);
      enrolledIds.push(id);
    } else {
      enrolledIndex.set(id, -1);
    }
  }
  const enrolled = enrolledIds.length;
  // [referrals, won] per enrolled advocate, interleaved (one cache line per update)
  const tally = new Int32Array(enrolled * 2);
  let total = 0;
  let totalWon = 0;
  let lastId: string | null = null;
  let lastIndex: number | undefined;
  for (let i = 0; i < referrals.length; i++) {
    const r = referrals[i];
    if (!isRec(r)) {
      rejectReferral(r, i);
    }
    const advocateId = r.advocateId;
    const submittedDate = r.submittedDate;
    const won = r.won;
    if (
      typeof r.id !== 'string' ||
      typeof advocateId !== 'string' ||
      typeof won !== 'boolean' ||
      Number.isNaN(dayNumber(submittedDate))
    ) {
      rejectReferral(r, i);
    }
    const date = submittedDate as string;
    if (date < periodStart || date > periodEnd) {
      continue;
    }
    let a: number | undefined;
    if (advocateId === lastId) {
      a = lastIndex;
    } else {
      a = enrolledIndex.get(advocateId);
      lastId = advocateId;
      lastIndex = a;
    }
    if (a === undefined || a < 0) {
      continue;
    }
    tally[a * 2]++;
    total++;
    if (won) {
      tally[a * 2 + 1]++;
      totalWon++;
    }
  }

  let active = 0;
  let one = 0;
  let twoToTen = 0;
  let elevenPlus = 0;
  let maxCount = 0;
  for (let a = 0; a < enrolled; a++) {
    const c = tally[a * 2];
    if (c > 0) {
      active++;
      if (c > maxCount) {
        maxCount = c;
      }
      if (c === 1) {
        one++;
      } else if (c <= 10) {
        twoToTen++;
      } else {
        elevenPlus++;
      }
    }
  }
  // Advocates with no referral rank last and add nothing to either share. The shares need only
  // the set of the top n, not its order: whole buckets of equal referral counts from the top,
  // then the smallest ids of the bucket at the boundary. Linear, where a full sort is not.
  const advocatesWithCount = new Int32Array(maxCount + 1);
  const wonWithCount = new Float64Array(maxCount + 1);
  for (let a = 0; a < enrolled; a++) {
    const c = tally[a * 2];
    if (c > 0) {
      advocatesWithCount[c]++;
      wonWithCount[c] += tally[a * 2 + 1];
    }
  }
  const top = (percent: number): TopShare => {
    let remaining = Math.ceil((enrolled * percent) / 100);
    let refs = 0;
    let deals = 0;
    for (let c = maxCount; c >= 1 && remaining > 0; c--) {
      const k = advocatesWithCount[c];
      if (k === 0) {
        continue;
      }
      if (k <= remaining) {
        refs += c * k;
        deals += wonWithCount[c];
        remaining -= k;
      } else {
        refs += c * remaining;
        deals += wonOfSmallestIds(bucketOf(c, tally, enrolled), remaining, enrolledIds, tally);
        remaining = 0;
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
    if (target <= j) {
      hi = j;
    } else if (target >= i) {
      lo = i;
    } else {
      break;
    }
  }
  let won = 0;
  for (let x = 0; x < k; x++) {
    won += tally[bucket[x] * 2 + 1];
  }
  return won;
}
