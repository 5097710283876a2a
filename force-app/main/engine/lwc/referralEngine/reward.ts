/** docs/rules.md section 1, `reward`: the rewards a referral earns at a milestone. */
import { ReferralEngineError } from './errors';
import { BIG_0, convertCents, divHalfUp, divHalfUpBig, fromHundredths } from './money';
import type { Milestone, Recipient, RewardDecision, RewardInput, RewardType } from './types';
import {
  MAX_SAFE,
  elemObj,
  invalid,
  optArr,
  optCents,
  optDate,
  optObj,
  optWhole,
  reqArr,
  reqBool,
  reqCents,
  reqDate,
  reqEnum,
  reqNum,
  reqObj,
  reqScaled4,
  reqStr,
  root,
  type Rec
} from './validate';

const MILESTONES: readonly Milestone[] = ['SUBMITTED', 'QUALIFIED', 'WON'];
const RECIPIENTS: readonly Recipient[] = ['ADVOCATE', 'REFERRED'];
const REWARD_TYPES: readonly RewardType[] = ['CASH', 'POINTS'];
const CALCULATIONS = ['FLAT', 'PERCENT', 'TIERED'] as const;
const TIER_CALCULATIONS = ['FLAT', 'PERCENT'] as const;
const TIER_MODES = ['STEP', 'MARGINAL'] as const;

const FLAT = 0;
const PERCENT = 1;
const TIERED = 2;

/** Raw values are integers in units of 10^-8 (cents x 10^6): percent x 10^4 times cents. */
const FLAT_UNIT = 10000; // value x 10^4 -> units
const CENT_DIVISOR = 1000000;
const POINT_DIVISOR = 100000000;
const CENT_DIVISOR_N = BigInt(CENT_DIVISOR);
const POINT_DIVISOR_N = BigInt(POINT_DIVISOR);
const FLAT_UNIT_N = BigInt(FLAT_UNIT);
const HUNDRED_N = BigInt(100);
const MAX_SAFE_N = BigInt(MAX_SAFE);

interface CompiledTier {
  /** upTo in cents, -1 for the open last tier. */
  upTo: number;
  percent: boolean;
  /** value x 10^4: a number while safe, a BigInt beyond */
  v4: number | bigint;
  /** the source tier and the raw fields it was compiled from */
  src: Rec;
  rawUpTo: unknown;
  rawCalculation: unknown;
  rawValue: unknown;
}

interface CompiledRule {
  id: string;
  active: boolean;
  ms: number;
  milestone: Milestone;
  recipient: Recipient;
  rewardType: RewardType;
  calc: number;
  /** value x 10^4: a number while safe, a BigInt beyond */
  v4: number | bigint;
  tiers: CompiledTier[] | null;
  marginal: boolean;
  /** cents, -1 when absent */
  minDeal: number;
  /** cents, or hundredths of a point (a BigInt beyond safe integers); -1 when absent */
  max: number | bigint;
  startDate: string | null;
  endDate: string | null;
  needsDeal: boolean;
  /** `:{id}:{recipient}`, the key without the referral id */
  keySuffix: string;
  /** the source rule and the raw fields it was compiled from (see `unchanged`) */
  src: Rec;
  rawCalculation: unknown;
  rawValue: unknown;
  rawTiers: unknown;
  rawTierMode: unknown;
  rawMinDeal: unknown;
  rawMax: unknown;
  rawStart: unknown;
  rawEnd: unknown;
}

function milestoneIndex(m: Milestone): number {
  return m === 'SUBMITTED' ? 0 : m === 'QUALIFIED' ? 1 : 2;
}

function compileTiers(rule: Rec, p: string): CompiledTier[] {
  const list = reqArr(rule, 'tiers', p);
  const tp = `${p}.tiers`;
  if (list.length === 0) {
    invalid(tp, 'must be a non-empty list');
  }
  const tiers: CompiledTier[] = [];
  let previous = -1;
  for (let j = 0; j < list.length; j++) {
    const ep = `${tp}[${j}]`;
    const t = elemObj(list[j], ep);
    const last = j === list.length - 1;
    const upTo = optCents(t, 'upTo', ep);
    if (upTo < 0 && !last) {
      invalid(`${ep}.upTo`, 'must not be null: only the last tier is open-ended');
    }
    if (upTo >= 0 && last) {
      invalid(`${ep}.upTo`, 'must be null: the last tier has no upper bound');
    }
    if (upTo >= 0 && j > 0 && upTo <= previous) {
      invalid(`${ep}.upTo`, "must be greater than the previous tier's upTo");
    }
    previous = upTo;
    const calc = reqEnum(t, 'calculation', ep, TIER_CALCULATIONS);
    tiers.push({
      upTo,
      percent: calc === 'PERCENT',
      v4: reqScaled4(t, 'value', ep),
      src: t,
      rawUpTo: t.upTo,
      rawCalculation: t.calculation,
      rawValue: t.value
    });
  }
  return tiers;
}

/** Whole points as hundredths of a point (-1 stays -1), exactly. */
function pointHundredths(points: number): number | bigint {
  if (points * 100 <= MAX_SAFE) {
    return points < 0 ? -1 : points * 100;
  }
  return BigInt(points) * HUNDRED_N;
}

function compileRule(v: unknown, i: number): CompiledRule {
  const p = `rules[${i}]`;
  const r = elemObj(v, p);
  const id = reqStr(r, 'id', p);
  const active = reqBool(r, 'active', p);
  const milestone = reqEnum(r, 'milestone', p, MILESTONES);
  const recipient = reqEnum(r, 'recipient', p, RECIPIENTS);
  const rewardType = reqEnum(r, 'rewardType', p, REWARD_TYPES);
  const calcName = reqEnum(r, 'calculation', p, CALCULATIONS);
  const calc = calcName === 'FLAT' ? FLAT : calcName === 'PERCENT' ? PERCENT : TIERED;
  let v4: number | bigint = 0;
  let tiers: CompiledTier[] | null = null;
  let marginal = false;
  if (calc === TIERED) {
    tiers = compileTiers(r, p);
    const mode = r.tierMode;
    marginal =
      mode !== undefined && mode !== null && reqEnum(r, 'tierMode', p, TIER_MODES) === 'MARGINAL';
  } else {
    v4 = reqScaled4(r, 'value', p);
  }
  const minDeal = optCents(r, 'minDealAmount', p);
  const max =
    rewardType === 'CASH'
      ? optCents(r, 'maxReward', p)
      : pointHundredths(optWhole(r, 'maxReward', p));
  const startDate = optDate(r, 'startDate', p);
  const endDate = optDate(r, 'endDate', p);
  return {
    id,
    active,
    ms: milestoneIndex(milestone),
    milestone,
    recipient,
    rewardType,
    calc,
    v4,
    tiers,
    marginal,
    minDeal,
    max,
    startDate,
    endDate,
    needsDeal: calc !== FLAT || minDeal >= 0,
    keySuffix: `:${id}:${recipient}`,
    src: r,
    rawCalculation: r.calculation,
    rawValue: r.value,
    rawTiers: r.tiers,
    rawTierMode: r.tierMode,
    rawMinDeal: r.minDealAmount,
    rawMax: r.maxReward,
    rawStart: r.startDate,
    rawEnd: r.endDate
  };
}

/** True when the source rule still holds exactly the values `c` was compiled (and validated) from. */
function unchanged(c: CompiledRule): boolean {
  const r = c.src;
  if (
    r.id !== c.id ||
    r.active !== c.active ||
    r.milestone !== c.milestone ||
    r.recipient !== c.recipient ||
    r.rewardType !== c.rewardType ||
    r.calculation !== c.rawCalculation ||
    r.minDealAmount !== c.rawMinDeal ||
    r.maxReward !== c.rawMax ||
    r.startDate !== c.rawStart ||
    r.endDate !== c.rawEnd
  ) {
    return false;
  }
  const tiers = c.tiers;
  if (tiers === null) {
    return r.value === c.rawValue;
  }
  const list = c.rawTiers as unknown[];
  if (r.tiers !== list || r.tierMode !== c.rawTierMode || list.length !== tiers.length) {
    return false;
  }
  for (let j = 0; j < tiers.length; j++) {
    const t = tiers[j];
    const src = t.src;
    if (
      list[j] !== src ||
      src.upTo !== t.rawUpTo ||
      src.calculation !== t.rawCalculation ||
      src.value !== t.rawValue
    ) {
      return false;
    }
  }
  return true;
}

interface CompiledRules {
  sources: unknown[];
  rules: CompiledRule[];
  /** the same rules in the order of step 2 (milestone, id, recipient) */
  ordered: CompiledRule[];
  /** the list, its rules, tier lists and tiers are all frozen: they cannot have changed */
  frozen: boolean;
}

function deeplyFrozen(list: unknown[], rules: CompiledRule[]): boolean {
  if (!Object.isFrozen(list)) {
    return false;
  }
  for (const r of rules) {
    if (!Object.isFrozen(r.src)) {
      return false;
    }
    if (r.tiers !== null) {
      if (!Object.isFrozen(r.rawTiers)) {
        return false;
      }
      for (const t of r.tiers) {
        if (!Object.isFrozen(t.src)) {
          return false;
        }
      }
    }
  }
  return true;
}

/**
 * Validation memo: a program's rule list is usually passed unchanged for many referrals. A
 * compiled list is reused only when the list holds the same rule objects and every rule still
 * holds the very values it was validated from, so results never depend on the memo. Deeply
 * frozen lists (as LWC delivers wired data) cannot change, so they skip that check.
 */
const compiledRuleLists = new WeakMap<unknown[], CompiledRules>();
let lastList: unknown[] | null = null;
let lastCompiled: CompiledRules | null = null;

function compileRules(list: unknown[]): CompiledRules {
  const cached =
    list === lastList && lastCompiled !== null ? lastCompiled : compiledRuleLists.get(list);
  if (cached !== undefined && cached.frozen) {
    lastList = list;
    lastCompiled = cached;
    return cached;
  }
  if (cached !== undefined && cached.sources.length === list.length) {
    const rules = cached.rules;
    let same = true;
    for (let i = 0; i < rules.length; i++) {
      if (list[i] !== cached.sources[i] || !unchanged(rules[i])) {
        same = false;
        break;
      }
    }
    if (same) {
      lastList = list;
      lastCompiled = cached;
      return cached;
    }
  }
  const rules: CompiledRule[] = new Array<CompiledRule>(list.length);
  for (let i = 0; i < list.length; i++) {
    const rule = compileRule(list[i], i);
    for (let j = 0; j < i; j++) {
      if (rules[j].id === rule.id) {
        invalid(`rules[${i}].id`, `duplicates the id of rules[${j}] (${rule.id})`);
      }
    }
    rules[i] = rule;
  }
  const compiled: CompiledRules = {
    sources: list.slice(),
    rules,
    ordered: rules.slice().sort(compareCandidates),
    frozen: deeplyFrozen(list, rules)
  };
  if (list.length > 0) {
    compiledRuleLists.set(list, compiled);
    lastList = list;
    lastCompiled = compiled;
  }
  return compiled;
}

/** Raw value in 10^-8 units with safe-integer arithmetic; -1 when an intermediate is not safe. */
function rawSafe(r: CompiledRule, d: number): number {
  const v4 = r.v4;
  if (typeof v4 !== 'number') {
    return -1;
  }
  if (r.calc === FLAT) {
    const x = v4 * FLAT_UNIT;
    return x <= MAX_SAFE ? x : -1;
  }
  if (r.calc === PERCENT) {
    const x = d * v4;
    return x <= MAX_SAFE ? x : -1;
  }
  const tiers = r.tiers as CompiledTier[];
  if (!r.marginal) {
    for (let j = 0; j < tiers.length; j++) {
      const t = tiers[j];
      if (t.upTo < 0 || d <= t.upTo) {
        const tv = t.v4;
        if (typeof tv !== 'number') {
          return -1;
        }
        const x = t.percent ? d * tv : tv * FLAT_UNIT;
        return x <= MAX_SAFE ? x : -1;
      }
    }
    return 0;
  }
  let sum = 0;
  let lower = 0;
  for (let j = 0; j < tiers.length; j++) {
    const t = tiers[j];
    if (lower < d) {
      const tv = t.v4;
      if (typeof tv !== 'number') {
        return -1;
      }
      if (t.percent) {
        const top = t.upTo < 0 || d < t.upTo ? d : t.upTo;
        sum += (top - lower) * tv;
      } else {
        sum += tv * FLAT_UNIT;
      }
      if (sum > MAX_SAFE) {
        return -1;
      }
    }
    if (t.upTo >= 0) {
      lower = t.upTo;
    }
  }
  return sum;
}

/** The same raw value in BigInt, for amounts beyond safe integers. */
function rawBig(r: CompiledRule, d: bigint): bigint {
  if (r.calc === FLAT) {
    return BigInt(r.v4) * FLAT_UNIT_N;
  }
  if (r.calc === PERCENT) {
    return d * BigInt(r.v4);
  }
  const tiers = r.tiers as CompiledTier[];
  if (!r.marginal) {
    for (let j = 0; j < tiers.length; j++) {
      const t = tiers[j];
      if (t.upTo < 0 || d <= BigInt(t.upTo)) {
        return t.percent ? d * BigInt(t.v4) : BigInt(t.v4) * FLAT_UNIT_N;
      }
    }
    return BIG_0;
  }
  let sum = BIG_0;
  let lower = BIG_0;
  for (let j = 0; j < tiers.length; j++) {
    const t = tiers[j];
    if (lower < d) {
      if (t.percent) {
        const top = t.upTo < 0 || d < BigInt(t.upTo) ? d : BigInt(t.upTo);
        sum += (top - lower) * BigInt(t.v4);
      } else {
        sum += BigInt(t.v4) * FLAT_UNIT_N;
      }
    }
    if (t.upTo >= 0) {
      lower = BigInt(t.upTo);
    }
  }
  return sum;
}

/** Step 5: the rounded value in hundredths (cents, or points x 100), a BigInt beyond safe integers. */
function roundedHundredths(r: CompiledRule, d: number | bigint): number | bigint {
  const cash = r.rewardType === 'CASH';
  if (typeof d === 'number') {
    const raw = rawSafe(r, d);
    if (raw >= 0) {
      if (cash) {
        return divHalfUp(raw, CENT_DIVISOR);
      }
      return ((raw - (raw % POINT_DIVISOR)) / POINT_DIVISOR) * 100;
    }
  }
  const raw = rawBig(r, typeof d === 'number' ? BigInt(d) : d);
  const h = cash ? divHalfUpBig(raw, CENT_DIVISOR_N) : (raw / POINT_DIVISOR_N) * HUNDRED_N;
  return h <= MAX_SAFE_N ? Number(h) : h;
}

function compareCandidates(a: CompiledRule, b: CompiledRule): number {
  if (a.ms !== b.ms) {
    return a.ms - b.ms;
  }
  if (a.id !== b.id) {
    return a.id < b.id ? -1 : 1;
  }
  if (a.recipient !== b.recipient) {
    return a.recipient < b.recipient ? -1 : 1;
  }
  return 0;
}

/**
 * The rewards a referral earns at its milestone (docs/rules.md section 1), in milestone, rule id,
 * recipient order. Throws `INVALID_INPUT` for bad input and `MISSING_RATE` when a conversion
 * the rules need lacks a rate.
 */
export function reward(input: RewardInput): RewardDecision[] {
  const o = root(input as unknown, 'input');
  // ---- validate everything first
  const program = reqObj(o, 'program', '');
  const currency = reqStr(program, 'currency', 'program');
  const annualCap = optCents(program, 'annualCashCapPerAdvocate', 'program');
  const ruleList = reqArr(o, 'rules', '');
  const referral = reqObj(o, 'referral', '');
  const referralId = reqStr(referral, 'id', 'referral');
  const referralMs = milestoneIndex(reqEnum(referral, 'milestone', 'referral', MILESTONES));
  const milestoneDate = reqDate(referral, 'milestoneDate', 'referral');
  const rules = compileRules(ruleList).ordered;
  const deal = optObj(o, 'deal', '');
  let dealCents = -1;
  let dealCurrency = '';
  if (deal !== null) {
    dealCents = optCents(deal, 'amount', 'deal');
    dealCurrency = reqStr(deal, 'currency', 'deal');
  }
  const rates = optObj(o, 'rates', '');
  if (rates !== null) {
    for (const code of Object.keys(rates)) {
      const rate = rates[code];
      if (typeof rate !== 'number' || !(rate > 0) || rate === Infinity) {
        reqNum(rates, code, 'rates');
        invalid(`rates.${code}`, 'must not be 0');
      }
    }
  }
  const existing = optArr(o, 'existingKeys', '');
  for (let i = 0; i < existing.length; i++) {
    if (typeof existing[i] !== 'string') {
      invalid(`existingKeys[${i}]`, 'must be a string');
    }
  }
  const ytd =
    o.advocateCashYtd === undefined || o.advocateCashYtd === null
      ? 0
      : reqCents(o, 'advocateCashYtd', '');

  // ---- steps 1-8, over the rules already in the order of step 2
  const keySet = existing.length > 8 ? new Set(existing) : null;
  const out: RewardDecision[] = [];
  let d: number | bigint = -1;
  let haveD = false;
  let spent = 0;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    if (!r.active || r.ms > referralMs) {
      continue;
    }
    if (r.startDate !== null && milestoneDate < r.startDate) {
      continue;
    }
    if (r.endDate !== null && milestoneDate > r.endDate) {
      continue;
    }
    if (existing.length > 0 && isExisting(existing, keySet, referralId, r.keySuffix)) {
      continue;
    }
    if (r.needsDeal) {
      if (dealCents < 0) {
        continue;
      }
      if (!haveD) {
        d =
          dealCurrency === currency
            ? dealCents
            : convertDeal(dealCents, dealCurrency, currency, rates);
        haveD = true;
      }
      if (r.minDeal >= 0 && d < r.minDeal) {
        continue;
      }
    }
    let value: number | bigint = roundedHundredths(r, d);
    let capped = false;
    if (r.max >= 0 && value > r.max) {
      value = r.max;
      capped = true;
    }
    const cash = r.rewardType === 'CASH';
    if (cash && annualCap >= 0 && r.recipient === 'ADVOCATE') {
      const left = annualCap - ytd - spent;
      const allowance = left > 0 ? left : 0;
      if (value > allowance) {
        value = allowance;
        capped = true;
      }
      // Here value <= allowance, a safe integer: a BigInt value is always above it.
      spent += value as number;
    }
    if (value === 0) {
      continue;
    }
    if (cash) {
      out.push({
        key: referralId + r.keySuffix,
        ruleId: r.id,
        milestone: r.milestone,
        recipient: r.recipient,
        rewardType: 'CASH',
        amount: fromHundredths(value),
        currency,
        capped
      });
    } else {
      out.push({
        key: referralId + r.keySuffix,
        ruleId: r.id,
        milestone: r.milestone,
        recipient: r.recipient,
        rewardType: 'POINTS',
        points: fromHundredths(value),
        capped
      });
    }
  }
  return out;
}

/** Whether `referralId + suffix` is one of the existing keys, without building the key string. */
function isExisting(
  existing: readonly unknown[],
  keySet: Set<unknown> | null,
  referralId: string,
  suffix: string
): boolean {
  if (keySet !== null) {
    return keySet.has(referralId + suffix);
  }
  const length = referralId.length + suffix.length;
  for (let i = 0; i < existing.length; i++) {
    const k = existing[i] as string;
    if (k.length === length && k.endsWith(suffix) && k.startsWith(referralId)) {
      return true;
    }
  }
  return false;
}

function convertDeal(cents: number, from: string, to: string, rates: Rec | null): number | bigint {
  const rateFrom = rates === null ? undefined : rates[from];
  const rateTo = rates === null ? undefined : rates[to];
  if (typeof rateFrom !== 'number') {
    throw new ReferralEngineError(
      'MISSING_RATE',
      `rates.${from} is missing: the deal amount in ${from} must be converted to the program currency ${to}.`
    );
  }
  if (typeof rateTo !== 'number') {
    throw new ReferralEngineError(
      'MISSING_RATE',
      `rates.${to} is missing: the deal amount in ${from} must be converted to the program currency ${to}.`
    );
  }
  return convertCents(cents, rateFrom, rateTo);
}
