/**
 * The simulator's replay: a pure function over plain data, so Jest can time it on 50,000
 * referrals. Each referral is replayed once at its furthest milestone with the engine's `reward`
 * (docs/rules.md section 1: a referral that reached WON also earns its SUBMITTED and QUALIFIED
 * rewards), in date order so the annual cash cap per advocate applies as it would have.
 *
 * Speed without a second implementation: `reward` is pure, so its decisions for one (milestone,
 * date when a rule has a window, deal amount, deal currency) are computed once with the annual cap
 * off and reused. When the advocate's year-to-date cash plus those decisions' advocate cash stays
 * within the annual cap, the cap cannot bind (docs/rules.md step 7) and the reused decisions are exact;
 * otherwise the engine is called again with the real year-to-date and cap.
 */
import { reward, ReferralEngineError } from 'c/referralEngine';
import type { Milestone, RewardDecision, Rule, Tier } from 'c/referralEngine';
import type { SimReferral, SimRule } from 'c/programDtos';

/** The program settings a replay needs. */
export interface SimulationProgram {
  currency: string;
  annualCashCapPerAdvocate: number | null;
  rates: Record<string, number> | null;
}

/** What a set of rules would have cost. Money in the program currency. */
export interface SimulationResult {
  referrals: number;
  wonDeals: number;
  advocates: number;
  totalCash: number;
  totalPoints: number;
  costPerWonDeal: number;
  costPerAdvocate: number;
  decisions: number;
  cappedDecisions: number;
  skipped: number;
  /** The engine's refusal of the first skipped referral (a screen says it with c/engineMessages). */
  firstSkipError: ReferralEngineError | null;
  /**
   * Cash cost and referred revenue per month ('YYYY-MM', ascending; months without either are
   * absent): a referral's cash falls in the month of its furthest milestone, revenue is the deal
   * amount of won referrals in the program currency (a deal whose currency has no rate is left out).
   */
  months: MonthTotal[];
}

/** One month of a replay. Money in the program currency. */
export interface MonthTotal {
  month: string;
  cash: number;
  revenue: number;
}

/** The engine's form of a rule DTO (Apex nulls become the engine's defaults). */
export function toEngineRule(rule: SimRule): Rule {
  const engineRule: Rule = {
    id: rule.id,
    active: rule.active,
    milestone: rule.milestone,
    recipient: rule.recipient,
    rewardType: rule.rewardType,
    calculation: rule.calculation,
    value: rule.value,
    tierMode: rule.tierMode ?? 'STEP',
    minDealAmount: rule.minDealAmount,
    maxReward: rule.maxReward,
    startDate: rule.startDate,
    endDate: rule.endDate
  };
  if (rule.calculation === 'TIERED') engineRule.tiers = (rule.tiers ?? []) as Tier[];
  return engineRule;
}

const MILESTONE_OF: readonly Milestone[] = ['SUBMITTED', 'QUALIFIED', 'WON'];
const WON = 2;

const toCents = (amount: number): number => Math.round(amount * 100);

/**
 * What a replay needs of the referrals whatever the rules, computed once per list and reused by
 * every replay of it (the current rules, then each edit of the draft): the furthest milestone and
 * its date, the deal, the order by date, the advocate and year as small integers for the cap.
 */
interface Prepared {
  /** The program currency a deal without one is in. */
  currency: string;
  /** Furthest milestone: 0 SUBMITTED, 1 QUALIFIED, 2 WON. */
  milestones: Uint8Array;
  /** The furthest milestone's date. */
  dates: string[];
  /** The decision group without the date: milestone and deal currency. */
  groups: string[];
  /** The deal, or null without one. */
  deals: ({ amount: number | null; currency: string } | null)[];
  /** Indexes in date order, stable. */
  order: Uint32Array;
  /** The advocate's index, and the milestone year's offset from the first year. */
  advocates: Uint32Array;
  years: Uint16Array;
  advocateCount: number;
  yearCount: number;
  wonDeals: number;
}

/** Prepared lists by identity: the referrals are read-only data from the server. */
const preparedLists = new WeakMap<readonly SimReferral[], Prepared>();

function prepare(referrals: readonly SimReferral[], programCurrency: string): Prepared {
  const known = preparedLists.get(referrals);
  if (known && known.currency === programCurrency && known.groups.length === referrals.length) {
    return known;
  }
  const count = referrals.length;
  const milestones = new Uint8Array(count);
  const dates = new Array<string>(count);
  const groups = new Array<string>(count);
  const deals = new Array<{ amount: number | null; currency: string } | null>(count);
  const advocates = new Uint32Array(count);
  const yearOf = new Array<number>(count);
  const advocateIndex = new Map<string, number>();
  let firstYear = Infinity;
  let lastYear = -Infinity;
  let wonDeals = 0;
  for (let i = 0; i < count; i++) {
    const referral = referrals[i];
    let milestone = 0;
    let date = referral.submittedDate;
    if (referral.wonDate) {
      milestone = WON;
      date = referral.wonDate;
      wonDeals += 1;
    } else if (referral.qualifiedDate) {
      milestone = 1;
      date = referral.qualifiedDate;
    }
    milestones[i] = milestone;
    dates[i] = date;
    const hasDeal = referral.dealAmount !== null || referral.dealCurrency !== null;
    const deal = hasDeal
      ? { amount: referral.dealAmount, currency: referral.dealCurrency ?? programCurrency }
      : null;
    deals[i] = deal;
    groups[i] = MILESTONE_OF[milestone] + (deal ? deal.currency : '-');
    let advocate = advocateIndex.get(referral.advocateId);
    if (advocate === undefined) {
      advocate = advocateIndex.size;
      advocateIndex.set(referral.advocateId, advocate);
    }
    advocates[i] = advocate;
    const year = Number(date.slice(0, 4));
    yearOf[i] = year;
    if (year < firstYear) firstYear = year;
    if (year > lastYear) lastYear = year;
  }
  const years = new Uint16Array(count);
  for (let i = 0; i < count; i++) years[i] = yearOf[i] - firstYear;
  const prepared: Prepared = {
    currency: programCurrency,
    milestones,
    dates,
    groups,
    deals,
    order: dateOrder(dates),
    advocates,
    years,
    advocateCount: advocateIndex.size,
    yearCount: count === 0 ? 0 : lastYear - firstYear + 1,
    wonDeals
  };
  preparedLists.set(referrals, prepared);
  return prepared;
}

/** One set of decisions and its sums, so a reused set is not summed again. */
interface Summary {
  decisions: RewardDecision[];
  count: number;
  capped: number;
  totalCents: number;
  advocateCents: number;
  points: number;
}

function summarise(decisions: RewardDecision[]): Summary {
  const summary: Summary = {
    decisions,
    count: decisions.length,
    capped: 0,
    totalCents: 0,
    advocateCents: 0,
    points: 0
  };
  for (const decision of decisions) {
    if (decision.capped) summary.capped += 1;
    if (decision.rewardType === 'CASH') {
      const cents = toCents(decision.amount);
      summary.totalCents += cents;
      if (decision.recipient === 'ADVOCATE') summary.advocateCents += cents;
    } else {
      summary.points += decision.points;
    }
  }
  return summary;
}

/**
 * A deeply frozen copy of the rules: the engine validates a frozen list once and reuses it for
 * every referral (its validation memo), and the caller's draft objects stay untouched.
 */
function frozenCopy(rules: Rule[]): Rule[] {
  return Object.freeze(
    rules.map((rule) =>
      Object.freeze({
        ...rule,
        tiers: rule.tiers
          ? Object.freeze(rule.tiers.map((tier) => Object.freeze({ ...tier })))
          : rule.tiers
      })
    )
  ) as Rule[];
}

/**
 * Validates the rules once with the engine (a draft the engine refuses is refused as a whole,
 * before 50,000 calls each raise the same error).
 * @throws ReferralEngineError INVALID_INPUT naming the rule field at fault
 */
export function checkRules(program: SimulationProgram, rules: Rule[]): void {
  reward({
    program: {
      currency: program.currency,
      annualCashCapPerAdvocate: program.annualCashCapPerAdvocate
    },
    rules,
    referral: { id: 'check', milestone: 'SUBMITTED', milestoneDate: '2000-01-01' },
    deal: null,
    rates: program.rates ?? {}
  });
}

/**
 * Replays the referrals under the rules. A referral the engine refuses (a deal currency without a
 * rate) is skipped and counted, never turned into a silent zero.
 */
export function simulate(
  program: SimulationProgram,
  sourceRules: Rule[],
  referrals: SimReferral[]
): SimulationResult {
  const rules = frozenCopy(sourceRules);
  checkRules(program, rules);
  const count = referrals.length;
  const prepared = prepare(referrals, program.currency);
  const { milestones, dates, groups, deals, order, advocates, years } = prepared;
  const capCents =
    program.annualCashCapPerAdvocate === null || program.annualCashCapPerAdvocate === undefined
      ? null
      : toCents(program.annualCashCapPerAdvocate);
  // year-to-date advocate cash per (advocate, year), in cents
  const cashYtdCents =
    capCents === null ? null : new Float64Array(prepared.advocateCount * prepared.yearCount);
  const engineProgram = {
    currency: program.currency,
    annualCashCapPerAdvocate: program.annualCashCapPerAdvocate
  };
  const uncappedProgram = { currency: program.currency, annualCashCapPerAdvocate: null };
  const windowed = rules.some((rule) => Boolean(rule.startDate) || Boolean(rule.endDate));
  const rates = program.rates ?? {};
  // Decisions by group (milestone, deal currency, date when a rule has a window), then amount.
  const cache = new Map<string, Map<number | null, Summary | ReferralEngineError>>();
  let totalCents = 0;
  let totalPoints = 0;
  let decisions = 0;
  let capped = 0;
  let skipped = 0;
  let firstSkipError: ReferralEngineError | null = null;
  const monthCashCents = new Map<string, number>();
  const monthRevenue = new Map<string, number>();
  for (let n = 0; n < count; n++) {
    // in date order when a cap applies (it binds in the order the cash was earned)
    const i = capCents === null ? n : order[n];
    const milestone = MILESTONE_OF[milestones[i]];
    const milestoneDate = dates[i];
    const deal = deals[i];
    const groupKey = windowed ? groups[i] + milestoneDate : groups[i];
    let group = cache.get(groupKey);
    if (group === undefined) {
      group = new Map();
      cache.set(groupKey, group);
    }
    const amountKey = deal ? deal.amount : null;
    let result = group.get(amountKey);
    if (result === undefined) {
      try {
        result = summarise(
          reward({
            program: uncappedProgram,
            rules,
            referral: { id: referrals[i].id, milestone, milestoneDate },
            deal,
            rates
          })
        );
      } catch (e) {
        if (!(e instanceof ReferralEngineError)) throw e;
        result = e;
      }
      group.set(amountKey, result);
    }
    if (result instanceof ReferralEngineError) {
      skipped += 1;
      firstSkipError ??= result;
      continue;
    }
    if (cashYtdCents !== null && capCents !== null) {
      const ytdSlot = advocates[i] * prepared.yearCount + years[i];
      const ytdCents = cashYtdCents[ytdSlot];
      if (ytdCents + result.advocateCents > capCents) {
        result = summarise(
          reward({
            program: engineProgram,
            rules,
            referral: { id: referrals[i].id, milestone, milestoneDate },
            deal,
            rates,
            advocateCashYtd: ytdCents / 100
          })
        );
      }
      cashYtdCents[ytdSlot] = ytdCents + result.advocateCents;
    }
    decisions += result.count;
    capped += result.capped;
    totalCents += result.totalCents;
    totalPoints += result.points;
    const month = milestoneDate.slice(0, 7);
    if (result.totalCents !== 0)
      monthCashCents.set(month, (monthCashCents.get(month) ?? 0) + result.totalCents);
    if (milestone === 'WON' && deal && deal.amount !== null) {
      const revenue = inProgramCurrency(deal.amount, deal.currency, program.currency, rates);
      if (revenue !== null) monthRevenue.set(month, (monthRevenue.get(month) ?? 0) + revenue);
    }
  }
  const wonDeals = prepared.wonDeals;
  const advocateCount = prepared.advocateCount;
  return {
    referrals: count,
    wonDeals,
    advocates: advocateCount,
    totalCash: totalCents / 100,
    totalPoints,
    costPerWonDeal: wonDeals === 0 ? 0 : Math.round(totalCents / wonDeals) / 100,
    costPerAdvocate: advocateCount === 0 ? 0 : Math.round(totalCents / advocateCount) / 100,
    decisions,
    cappedDecisions: capped,
    skipped,
    firstSkipError,
    months: monthTotals(monthCashCents, monthRevenue)
  };
}

/** A deal amount in the program currency (docs/rules.md rates), or null without a rate. */
function inProgramCurrency(
  amount: number,
  from: string,
  to: string,
  rates: Record<string, number>
): number | null {
  if (from === to) return amount;
  const rateFrom = rates[from];
  const rateTo = rates[to];
  if (!rateFrom || !rateTo) return null;
  return (amount * rateTo) / rateFrom;
}

function monthTotals(cashCents: Map<string, number>, revenue: Map<string, number>): MonthTotal[] {
  const months = [...new Set([...cashCents.keys(), ...revenue.keys()])].sort();
  return months.map((month) => ({
    month,
    cash: (cashCents.get(month) ?? 0) / 100,
    revenue: Math.round((revenue.get(month) ?? 0) * 100) / 100
  }));
}

/** Indexes in date order, stable: a bucket per distinct date (a year has at most 366). */
function dateOrder(dates: string[]): Uint32Array {
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < dates.length; i++) {
    const bucket = buckets.get(dates[i]);
    if (bucket) bucket.push(i);
    else buckets.set(dates[i], [i]);
  }
  const order = new Uint32Array(dates.length);
  let n = 0;
  for (const date of [...buckets.keys()].sort()) {
    for (const i of buckets.get(date)!) order[n++] = i;
  }
  return order;
}
