/** docs/rules.md section 1, `reward`: the rewards a referral earns at a milestone. */
import { ReferralEngineError } from './errors';
import { BIG_0, convertCents, divHalfUp, divHalfUpBig, fromHundredths } from './money';
import type { Milestone, Recipient, RewardDecision, RewardInput, RewardType } from './types';
import {
  MAX_SAFE,
  asArr,
  asCents,
  asDate,
  asEnum,
  asObj,
  asOptArr,
  asOptCents,
  asOptObj,
  asStr,
  elemObj,
  invalid,
  optCents,
  optDate,
  optWhole,
  reqArr,
  reqBool,
  reqEnum,
  reqNum,
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

const hasOwn = Object.prototype.hasOwnProperty;

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
  /** the source tier and its fields when it was compiled (see `unchanged`) */
  src: Rec;
  snapshot: unknown[];
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
  /** cents, or hundredths of a point (a BigInt beyond safe integers); negative when absent */
  max: number | bigint;
  /** '' when absent: no date string is below it */
  startDate: string;
  /** '~' when absent: no date string (digits and '-') is above it */
  endDate: string;
  needsDeal: boolean;
  /** `:{id}:{recipient}`, the key without the referral id */
  keySuffix: string;
  /** the source rule and its fields when it was compiled (see `unchanged`) */
  src: Rec;
  snapshot: unknown[];
  /** the source's tier list (`tiers`) when it was compiled */
  rawTiers: unknown;
}

function milestoneIndex(m: Milestone): number {
  return m === 'SUBMITTED' ? 0 : m === 'QUALIFIED' ? 1 : 2;
}

function compileTiers(rule: Rec, p: string): CompiledTier[] {
  const list = reqArr(rule, 'tiers', p);
  const tp = `${p}.tiers`;
  if (list.length === 0) {
    // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
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
      // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
      invalid(`${ep}.upTo`, 'must not be null: only the last tier is open-ended');
    }
    if (upTo >= 0 && last) {
      // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
      invalid(`${ep}.upTo`, 'must be null: the last tier has no upper bound');
    }
    // previous is -1 before the first tier: no upTo >= 0 is at or below it
    if (upTo >= 0 && upTo <= previous) {
      // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
      invalid(`${ep}.upTo`, "must be greater than the previous tier's upTo");
    }
    previous = upTo;
    const calc = reqEnum(t, 'calculation', ep, TIER_CALCULATIONS);
    tiers.push({
      upTo,
      percent: calc === 'PERCENT',
      v4: reqScaled4(t, 'value', ep),
      src: t,
      snapshot: snapshotOf(t)
    });
  }
  return tiers;
}

/** Whole points as hundredths of a point (absent, -1, stays negative: -100), exactly. */
function pointHundredths(points: number): number | bigint {
  if (Number.isSafeInteger(points * 100)) {
    return points * 100;
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
  // Stryker disable next-line BooleanLiteral: only a TIERED rule reads it, which sets it below
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
  const startDate = optDate(r, 'startDate', p) ?? '';
  const endDate = optDate(r, 'endDate', p) ?? '~';
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
    snapshot: snapshotOf(r),
    rawTiers: r.tiers
  };
}

/**
 * The enumerable fields of o as [key, value, key, value, ...] in for-in order. A for-in loop
 * reads the fields of any object shape through its enumeration cache, where named reads of
 * differently shaped rules would each need a generic lookup.
 */
function snapshotOf(o: Rec): unknown[] {
  const fields: unknown[] = [];
  // eslint-disable-next-line guard-for-in -- inherited enumerable fields are part of the snapshot
  for (const k in o) {
    fields.push(k, o[k]);
  }
  return fields;
}

/** True when o has exactly the enumerable fields and values of `fields`, in the same order. */
function sameFields(o: Rec, fields: unknown[]): boolean {
  let i = 0;
  // eslint-disable-next-line guard-for-in -- inherited enumerable fields are part of the snapshot
  for (const k in o) {
    // past the end of fields, fields[i] is undefined: never a key
    if (fields[i] !== k || o[k] !== fields[i + 1]) {
      return false;
    }
    i += 2;
  }
  return i === fields.length;
}

/**
 * True when the source rule (and each of its tiers) still has exactly the fields and values
 * `c` was compiled and validated from.
 */
function unchanged(c: CompiledRule): boolean {
  if (!sameFields(c.src, c.snapshot)) {
    return false;
  }
  const tiers = c.tiers;
  if (tiers === null) {
    return true;
  }
  // `tiers` is one of the rule's fields: the same list as at compile time
  const list = c.rawTiers as unknown[];
  if (list.length !== tiers.length) {
    return false;
  }
  for (let j = 0; j < tiers.length; j++) {
    const t = tiers[j];
    if (list[j] !== t.src || !sameFields(t.src, t.snapshot)) {
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
/** the compiled lastList; a placeholder while lastList is null (no list is null) */
let lastCompiled: CompiledRules = { sources: [], rules: [], ordered: [], frozen: false };

function compileRules(list: unknown[]): CompiledRules {
  const cached = list === lastList ? lastCompiled : compiledRuleLists.get(list);
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
  // Stryker disable next-line ArrayDeclaration: presized for speed; an empty array grows to the same list
  const rules: CompiledRule[] = new Array<CompiledRule>(list.length);
  for (let i = 0; i < list.length; i++) {
    const rule = compileRule(list[i], i);
    for (let j = 0; j < i; j++) {
      if (rules[j].id === rule.id) {
        // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
        invalid(`rules[${i}].id`, `duplicates the id of rules[${j}] (${rule.id})`);
      }
    }
    rules[i] = rule;
  }
  // Stryker disable next-line MethodExpression: sorting rules itself only permutes the memo's checks, which all run
  const ordered = rules.slice();
  ordered.sort(compareCandidates);
  const compiled: CompiledRules = {
    sources: list.slice(),
    rules,
    ordered,
    frozen: deeplyFrozen(list, rules)
  };
  compiledRuleLists.set(list, compiled);
  lastList = list;
  lastCompiled = compiled;
  return compiled;
}

/**
 * Raw value in 10^-8 units with double arithmetic: exact when it is at most MAX_SAFE (every
 * intermediate then is too: the terms are not negative), above MAX_SAFE otherwise (Infinity when
 * a value is a BigInt); the caller checks it once.
 */
// Stryker disable next-line BlockStatement: an empty body returns undefined, not <= MAX_SAFE: the exact BigInt path decides
function rawSafe(r: CompiledRule, d: number): number {
  const v4 = r.v4;
  // Stryker disable next-line StringLiteral: always Infinity sends every value to the exact BigInt path
  if (typeof v4 !== 'number') {
    return Infinity;
  }
  if (r.calc === FLAT) {
    return v4 * FLAT_UNIT;
  }
  if (r.calc === PERCENT) {
    return d * v4;
  }
  const tiers = r.tiers as CompiledTier[];
  if (!r.marginal) {
    // the last tier is open (compileTiers): the loop always returns
    for (let j = 0; ; j++) {
      const t = tiers[j];
      if (t.upTo < 0 || d <= t.upTo) {
        const tv = t.v4;
        // Stryker disable next-line StringLiteral: always Infinity sends every value to the exact BigInt path
        if (typeof tv !== 'number') {
          return Infinity;
        }
        return t.percent ? d * tv : tv * FLAT_UNIT;
      }
    }
  }
  let sum = 0;
  let lower = 0;
  for (let j = 0; j < tiers.length; j++) {
    const t = tiers[j];
    if (lower < d) {
      const tv = t.v4;
      // Stryker disable next-line StringLiteral: always Infinity sends every value to the exact BigInt path
      if (typeof tv !== 'number') {
        return Infinity;
      }
      if (t.percent) {
        sum += ((t.upTo < 0 ? d : Math.min(d, t.upTo)) - lower) * tv;
      } else {
        sum += tv * FLAT_UNIT;
      }
    }
    // after the last tier (upTo -1) lower is not read again
    lower = t.upTo;
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
    // the last tier is open (compileTiers): the loop always returns
    for (let j = 0; ; j++) {
      const t = tiers[j];
      if (t.upTo < 0 || d <= BigInt(t.upTo)) {
        return t.percent ? d * BigInt(t.v4) : BigInt(t.v4) * FLAT_UNIT_N;
      }
    }
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
    // after the last tier (upTo -1) lower is not read again
    lower = BigInt(t.upTo);
  }
  return sum;
}

/** Step 5: the rounded value in hundredths (cents, or points x 100), a BigInt beyond safe integers. */
function roundedHundredths(r: CompiledRule, d: number | bigint): number | bigint {
  const cash = r.rewardType === 'CASH';
  // Stryker disable next-line BlockStatement,StringLiteral: skipping the fast path, the exact BigInt path decides the same
  if (typeof d === 'number') {
    const raw = rawSafe(r, d);
    // Stryker disable next-line BlockStatement: skipping the fast path, the exact BigInt path decides the same
    if (raw <= MAX_SAFE) {
      if (cash) {
        return divHalfUp(raw, CENT_DIVISOR);
      }
      return ((raw - (raw % POINT_DIVISOR)) / POINT_DIVISOR) * 100;
    }
  }
  const raw = rawBig(r, BigInt(d));
  const h = cash ? divHalfUpBig(raw, CENT_DIVISOR_N) : (raw / POINT_DIVISOR_N) * HUNDRED_N;
  return h <= MAX_SAFE_N ? Number(h) : h;
}

/**
 * Step 2's order: milestone, then rule id. The spec's third key, recipient, never decides here:
 * compileRules refuses two rules with one id, so two candidates never share milestone and id.
 */
function compareCandidates(a: CompiledRule, b: CompiledRule): number {
  if (a.ms !== b.ms) {
    return a.ms - b.ms;
  }
  return a.id < b.id ? -1 : 1;
}

/**
 * The rewards a referral earns at its milestone (docs/rules.md section 1), in milestone, rule id,
 * recipient order. Throws `INVALID_INPUT` for bad input and `MISSING_RATE` when a conversion
 * the rules need lacks a rate.
 */
export function reward(input: RewardInput): RewardDecision[] {
  const o = root(input as unknown, 'input');
  // ---- validate everything first (fields read here, so each access is specialised to its object)
  const program = asObj(o.program, '', 'program');
  const currency = asStr(program.currency, 'program', 'currency');
  const annualCap = asOptCents(
    program.annualCashCapPerAdvocate,
    'program',
    'annualCashCapPerAdvocate'
  );
  const ruleList = asArr(o.rules, '', 'rules');
  const referral = asObj(o.referral, '', 'referral');
  const referralId = asStr(referral.id, 'referral', 'id');
  const referralMs = milestoneIndex(
    asEnum(referral.milestone, 'referral', 'milestone', MILESTONES)
  );
  const milestoneDate = asDate(referral.milestoneDate, 'referral', 'milestoneDate');
  const rules = compileRules(ruleList).ordered;
  const deal = asOptObj(o.deal, '', 'deal');
  let dealCents = -1;
  // Stryker disable next-line StringLiteral: read only when there is a deal, which sets it
  let dealCurrency = '';
  if (deal !== null) {
    dealCents = asOptCents(deal.amount, 'deal', 'amount');
    dealCurrency = asStr(deal.currency, 'deal', 'currency');
  }
  const rates = asOptObj(o.rates, '', 'rates');
  if (rates !== null) {
    // for-in over own keys visits what Object.keys lists, in its order, without building a list
    for (const code in rates) {
      if (!hasOwn.call(rates, code)) {
        continue;
      }
      const rate = rates[code];
      if (typeof rate !== 'number' || !(rate > 0) || rate === Infinity) {
        reqNum(rates, code, 'rates');
        // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
        invalid(`rates.${code}`, 'must not be 0');
      }
    }
  }
  const existing = asOptArr(o.existingKeys, '', 'existingKeys');
  for (let i = 0; i < existing.length; i++) {
    if (typeof existing[i] !== 'string') {
      // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
      invalid(`existingKeys[${i}]`, 'must be a string');
    }
  }
  const ytdValue = o.advocateCashYtd;
  const ytd =
    ytdValue === undefined || ytdValue === null ? 0 : asCents(ytdValue, '', 'advocateCashYtd');

  // ---- steps 1-8, over the rules already in the order of step 2
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the Set and the scan of isExisting find the same keys
  const keySet = existing.length > 8 ? new Set(existing) : null;
  const out: RewardDecision[] = [];
  // Stryker disable next-line UnaryOperator: read only after a rule that needs the deal sets it
  let d: number | bigint = -1;
  let haveD = false;
  let spent = 0;
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    if (!r.active || r.ms > referralMs) {
      continue;
    }
    if (milestoneDate < r.startDate) {
      continue;
    }
    if (milestoneDate > r.endDate) {
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
        // Stryker disable next-line BooleanLiteral: converting again gives the same D
        haveD = true;
      }
      // d >= 0 here: an absent minDeal (-1) never holds a rule back
      if (d < r.minDeal) {
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
      const allowance = Math.max(left, 0);
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
  // Stryker disable next-line BlockStatement: the scan below finds the same keys as the Set
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
      // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
      `rates.${from} is missing: the deal amount in ${from} must be converted to the program currency ${to}.`,
      // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
      `rates.${from}`
    );
  }
  if (typeof rateTo !== 'number') {
    throw new ReferralEngineError(
      'MISSING_RATE',
      // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
      `rates.${to} is missing: the deal amount in ${from} must be converted to the program currency ${to}.`,
      // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
      `rates.${to}`
    );
  }
  return convertCents(cents, rateFrom, rateTo);
}
