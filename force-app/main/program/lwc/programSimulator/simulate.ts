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
  firstSkipReason: string | null;
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

/** The furthest milestone a referral reached (0 SUBMITTED, 1 QUALIFIED, 2 WON) and its date. */
function furthest(referral: SimReferral): [number, string] {
  if (referral.wonDate) return [2, referral.wonDate];
  if (referral.qualifiedDate) return [1, referral.qualifiedDate];
  return [0, referral.submittedDate];
}

const toCents = (amount: number): number => Math.round(amount * 100);

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

function advocateCashCents(decisions: RewardDecision[]): number {
  let cents = 0;
  for (const decision of decisions) {
    if (decision.rewardType === 'CASH' && decision.recipient === 'ADVOCATE') {
      cents += toCents(decision.amount);
    }
  }
  return cents;
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
  const milestones = new Uint8Array(count);
  const dates = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const [milestone, date] = furthest(referrals[i]);
    milestones[i] = milestone;
    dates[i] = date;
  }
  const capCents =
    program.annualCashCapPerAdvocate === null || program.annualCashCapPerAdvocate === undefined
      ? null
      : toCents(program.annualCashCapPerAdvocate);
  const order = capCents === null ? null : dateOrder(dates);
  const engineProgram = {
    currency: program.currency,
    annualCashCapPerAdvocate: program.annualCashCapPerAdvocate
  };
  const uncappedProgram = { currency: program.currency, annualCashCapPerAdvocate: null };
  const windowed = rules.some((rule) => Boolean(rule.startDate) || Boolean(rule.endDate));
  const rates = program.rates ?? {};
  // Decisions by group (milestone, deal currency, date when a rule has a window), then amount.
  const cache = new Map<string, Map<number | null, RewardDecision[] | ReferralEngineError>>();
  const cashYtdCents = new Map<string, number>();
  const advocates = new Set<string>();
  let totalCents = 0;
  let totalPoints = 0;
  let wonDeals = 0;
  let decisions = 0;
  let capped = 0;
  let skipped = 0;
  let firstSkipReason: string | null = null;
  const monthCashCents = new Map<string, number>();
  const monthRevenue = new Map<string, number>();
  for (let n = 0; n < count; n++) {
    const i = order === null ? n : order[n];
    const referral = referrals[i];
    const milestone = MILESTONE_OF[milestones[i]];
    const milestoneDate = dates[i];
    advocates.add(referral.advocateId);
    if (milestone === 'WON') wonDeals += 1;
    const hasDeal = referral.dealAmount !== null || referral.dealCurrency !== null;
    const deal = hasDeal
      ? { amount: referral.dealAmount, currency: referral.dealCurrency ?? program.currency }
      : null;
    const groupKey = milestone + (deal ? deal.currency : '-') + (windowed ? milestoneDate : '');
    let group = cache.get(groupKey);
    if (group === undefined) {
      group = new Map();
      cache.set(groupKey, group);
    }
    const amountKey = deal ? deal.amount : null;
    let result = group.get(amountKey);
    if (result === undefined) {
      try {
        result = reward({
          program: uncappedProgram,
          rules,
          referral: { id: referral.id, milestone, milestoneDate },
          deal,
          rates
        });
      } catch (e) {
        if (!(e instanceof ReferralEngineError)) throw e;
        result = e;
      }
      group.set(amountKey, result);
    }
    if (result instanceof ReferralEngineError) {
      skipped += 1;
      firstSkipReason ??= result.message;
      continue;
    }
    let ytdKey = '';
    let ytdCents = 0;
    if (capCents !== null) {
      ytdKey = referral.advocateId + '|' + milestoneDate.slice(0, 4);
      ytdCents = cashYtdCents.get(ytdKey) ?? 0;
      if (ytdCents + advocateCashCents(result) > capCents) {
        result = reward({
          program: engineProgram,
          rules,
          referral: { id: referral.id, milestone, milestoneDate },
          deal,
          rates,
          advocateCashYtd: ytdCents / 100
        });
      }
    }
    let advocateCents = 0;
    let referralCents = 0;
    for (let d = 0; d < result.length; d++) {
      const decision = result[d];
      decisions += 1;
      if (decision.capped) capped += 1;
      if (decision.rewardType === 'CASH') {
        const cents = toCents(decision.amount);
        referralCents += cents;
        if (decision.recipient === 'ADVOCATE') advocateCents += cents;
      } else {
        totalPoints += decision.points;
      }
    }
    totalCents += referralCents;
    const month = milestoneDate.slice(0, 7);
    if (referralCents !== 0)
      monthCashCents.set(month, (monthCashCents.get(month) ?? 0) + referralCents);
    if (milestone === 'WON' && deal && deal.amount !== null) {
      const revenue = inProgramCurrency(deal.amount, deal.currency, program.currency, rates);
      if (revenue !== null) monthRevenue.set(month, (monthRevenue.get(month) ?? 0) + revenue);
    }
    if (capCents !== null && advocateCents !== 0) {
      cashYtdCents.set(ytdKey, ytdCents + advocateCents);
    }
  }
  return {
    referrals: count,
    wonDeals,
    advocates: advocates.size,
    totalCash: totalCents / 100,
    totalPoints,
    costPerWonDeal: wonDeals === 0 ? 0 : Math.round(totalCents / wonDeals) / 100,
    costPerAdvocate: advocates.size === 0 ? 0 : Math.round(totalCents / advocates.size) / 100,
    decisions,
    cappedDecisions: capped,
    skipped,
    firstSkipReason,
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
