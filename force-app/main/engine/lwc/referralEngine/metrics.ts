/** RULES.md section 6, `metrics`: program health. */
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

  const all = new Map<string, number>();
  const enrolledIndex = new Map<string, number>();
  const enrolledIds: string[] = [];
  for (let i = 0; i < advocates.length; i++) {
    const p = `advocates[${i}]`;
    const a = elemObj(advocates[i], p);
    const id = reqStr(a, 'id', p);
    const enrolledDate = reqDate(a, 'enrolledDate', p);
    const first = all.get(id);
    if (first !== undefined) {
      invalid(`${p}.id`, `duplicates the id of advocates[${first}] (${id})`);
    }
    all.set(id, i);
    if (enrolledDate <= periodEnd) {
      enrolledIndex.set(id, enrolledIds.length);
      enrolledIds.push(id);
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
    if (a === undefined) {
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
  const activeIdx: number[] = [];
  for (let a = 0; a < enrolled; a++) {
    const c = tally[a * 2];
    if (c > 0) {
      active++;
      activeIdx.push(a);
      if (c === 1) {
        one++;
      } else if (c <= 10) {
        twoToTen++;
      } else {
        elevenPlus++;
      }
    }
  }
  // Advocates with no referral rank last and add nothing to either share, so only the
  // active ones need ordering.
  activeIdx.sort((x, y) => {
    const cx = tally[x * 2];
    const cy = tally[y * 2];
    if (cx !== cy) {
      return cy - cx;
    }
    const ix = enrolledIds[x];
    const iy = enrolledIds[y];
    return ix < iy ? -1 : ix > iy ? 1 : 0;
  });
  const top = (percent: number): TopShare => {
    const n = Math.ceil((enrolled * percent) / 100);
    let refs = 0;
    let deals = 0;
    for (let i = 0; i < n && i < activeIdx.length; i++) {
      refs += tally[activeIdx[i] * 2];
      deals += tally[activeIdx[i] * 2 + 1];
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
