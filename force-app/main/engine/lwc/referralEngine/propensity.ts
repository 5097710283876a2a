/** docs/rules.md section 7, `propensity`: who to ask next for a referral. */
import { decimalOf, divHalfUpBig, pow10n } from './money';
import type { PropensityBand, PropensityBreakdown, PropensityInput, PropensityRow } from './types';
import {
  asNum,
  asOptNum,
  elemObj,
  invalid,
  optDay,
  reqArr,
  reqBool,
  reqDay,
  reqStr,
  root
} from './validate';
import type { Rec } from './validate';

/** The largest count an input may hold: the largest Apex Integer. */
const MAX_COUNT = 2147483647;

/** Points per won deal, and the cap of the won-deals points. */
const WON_DEAL_POINTS = 5;
const WON_DEALS_CAP = 20;
/** Recency: full points up to RECENCY_FULL_DAYS, falling linearly to 0 at RECENCY_ZERO_DAYS. */
const RECENCY_MAX = 15;
const RECENCY_FULL_DAYS = 90;
const RECENCY_ZERO_DAYS = 730;
/** Tenure: rising linearly to TENURE_MAX at TENURE_FULL_DAYS (five years of 365 days). */
const TENURE_MAX = 10;
const TENURE_FULL_DAYS = 1825;
/** Points taken per open case, and the most open cases take. */
const OPEN_CASE_POINTS = 4;
const OPEN_CASES_CAP = 20;
/** Satisfaction s (0-10): 4 × s − 20, so 5 is neutral, 0 is −20 and 10 is +20. */
const SATISFACTION_FACTOR = 4;
const SATISFACTION_OFFSET = 20;
const SATISFACTION_MAX = 10;
/** Past referrals: points per qualified one and per other one, and the cap. */
const QUALIFIED_REFERRAL_POINTS = 10;
const OTHER_REFERRAL_POINTS = 3;
const REFERRALS_CAP = 20;
/** Email engagement e (0-1): 15 × e. */
const ENGAGEMENT_FACTOR = 15;
const ENGAGEMENT_MAX = 1;
/** Lowest score of each band. */
const HIGH_FROM = 60;
const MEDIUM_FROM = 35;

const BIG_0 = BigInt(0);

/** round(num / den) half away from zero (den > 0), as a number (never -0). */
function roundRatio(num: bigint, den: bigint): number {
  // Stryker disable next-line EqualityOperator: `<=` takes 0 through 0 - 0, which is +0 as well
  if (num < BIG_0) {
    // 0 - x, not -x: a negative value that rounds to 0 is +0.
    return 0 - Number(divHalfUpBig(-num, den));
  }
  return Number(divHalfUpBig(num, den));
}

/** round(factor × x − offset), half away from zero, on the exact decimal x denotes. */
function roundLinear(x: number, factor: number, offset: number): number {
  const d = decimalOf(x);
  const unit = pow10n(d.scale);
  return roundRatio(BigInt(factor) * d.mantissa - BigInt(offset) * unit, unit);
}

/** round(n / d) half up for non-negative safe integers, d > 0. */
function divRound(n: number, d: number): number {
  return Math.floor((2 * n + d) / (2 * d));
}

/** A required count: a whole number from 0 to MAX_COUNT. */
function count(c: Rec, k: string, p: string): number {
  const v = asNum(c[k], p, k);
  if (!Number.isInteger(v) || v > MAX_COUNT) {
    // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
    invalid(`${p}.${k}`, `must be a whole number up to ${MAX_COUNT}`);
  }
  return v;
}

/** A nullable number from 0 to max; null when absent or null. */
function fraction(c: Rec, k: string, p: string, max: number): number | null {
  const v = asOptNum(c[k], p, k);
  // Absent (null) is within every max.
  if ((v ?? 0) > max) {
    // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
    invalid(`${p}.${k}`, `must be at most ${max}`);
  }
  return v;
}

/** Days from `day` to `asOf`, at least 0 (a date after asOf counts as asOf). */
function age(day: number, asOf: number): number {
  return Math.max(0, asOf - day);
}

function recencyPoints(lastWon: number, asOf: number): number {
  if (Number.isNaN(lastWon)) {
    return 0;
  }
  const days = Math.min(Math.max(age(lastWon, asOf), RECENCY_FULL_DAYS), RECENCY_ZERO_DAYS);
  return divRound(RECENCY_MAX * (RECENCY_ZERO_DAYS - days), RECENCY_ZERO_DAYS - RECENCY_FULL_DAYS);
}

function tenurePoints(since: number, asOf: number): number {
  if (Number.isNaN(since)) {
    return 0;
  }
  const days = Math.min(age(since, asOf), TENURE_FULL_DAYS);
  return divRound(TENURE_MAX * days, TENURE_FULL_DAYS);
}

function band(score: number): PropensityBand {
  if (score >= HIGH_FROM) {
    return 'HIGH';
  }
  return score >= MEDIUM_FROM ? 'MEDIUM' : 'LOW';
}

const ZERO: Readonly<PropensityBreakdown> = Object.freeze({
  wonDeals: 0,
  recency: 0,
  tenure: 0,
  openCases: 0,
  satisfaction: 0,
  referrals: 0,
  engagement: 0
});

/**
 * Scores each contact's likelihood to refer (0-100) from integer points per signal, bands it,
 * and orders the rows by score (descending), then id (ascending). Opted-out contacts are
 * EXCLUDED with score 0 and no points.
 */
export function propensity(input: PropensityInput): PropensityRow[] {
  const o = root(input as unknown, 'input');
  const asOf = reqDay(o, 'asOf', '');
  const list = reqArr(o, 'contacts', '');
  const seen = new Map<string, number>();
  const rows: PropensityRow[] = [];
  for (let i = 0; i < list.length; i++) {
    const p = `contacts[${i}]`;
    const c = elemObj(list[i], p);
    const id = reqStr(c, 'id', p);
    if (id === '') {
      // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
      invalid(`${p}.id`, 'must not be empty');
    }
    const first = seen.get(id);
    if (first !== undefined) {
      // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
      invalid(`${p}.id`, `duplicates the id of contacts[${first}] (${id})`);
    }
    seen.set(id, i);
    const wonDeals = count(c, 'wonDeals', p);
    const lastWon = optDay(c, 'lastWonDate', p);
    const since = optDay(c, 'customerSince', p);
    const openCases = count(c, 'openCases', p);
    const satisfaction = fraction(c, 'satisfaction', p, SATISFACTION_MAX);
    const referrals = count(c, 'referrals', p);
    const qualified = count(c, 'qualifiedReferrals', p);
    if (qualified > referrals) {
      // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
      invalid(`${p}.qualifiedReferrals`, 'must not be greater than referrals');
    }
    const engagement = fraction(c, 'emailEngagement', p, ENGAGEMENT_MAX);
    const optedOut = reqBool(c, 'optedOut', p);
    if (optedOut) {
      rows.push({ id, score: 0, band: 'EXCLUDED', breakdown: { ...ZERO }, reason: 'OPTED_OUT' });
      continue;
    }
    const breakdown: PropensityBreakdown = {
      wonDeals: Math.min(WON_DEALS_CAP, WON_DEAL_POINTS * wonDeals),
      recency: recencyPoints(lastWon, asOf),
      tenure: tenurePoints(since, asOf),
      // 0 - x, not -x: no -0 for no open cases.
      openCases: 0 - Math.min(OPEN_CASES_CAP, OPEN_CASE_POINTS * openCases),
      satisfaction:
        satisfaction === null
          ? 0
          : roundLinear(satisfaction, SATISFACTION_FACTOR, SATISFACTION_OFFSET),
      referrals: Math.min(
        REFERRALS_CAP,
        QUALIFIED_REFERRAL_POINTS * qualified + OTHER_REFERRAL_POINTS * (referrals - qualified)
      ),
      engagement: engagement === null ? 0 : roundLinear(engagement, ENGAGEMENT_FACTOR, 0)
    };
    const sum =
      breakdown.wonDeals +
      breakdown.recency +
      breakdown.tenure +
      breakdown.openCases +
      breakdown.satisfaction +
      breakdown.referrals +
      breakdown.engagement;
    const score = Math.max(0, sum);
    rows.push({ id, score, band: band(score), breakdown, reason: null });
  }
  // Ids are unique, so no two rows compare equal.
  // Stryker disable next-line EqualityOperator: `a.id <= b.id` differs only for equal ids, which are refused above
  rows.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
  return rows;
}
