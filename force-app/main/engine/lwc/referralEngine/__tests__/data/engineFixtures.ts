/**
 * Test data shared by the engine's Jest suites (one copy instead of one per suite): a valid rule
 * and reward input to vary field by field, and helpers that read the INVALID_INPUT an engine
 * call raises. Not a test file itself (jest.config.js matches `*.test.ts` only).
 */
import { ReferralEngineError } from 'c/referralEngine';
import type { RewardInput, Rule } from 'c/referralEngine';

/** Exchange rates per USD for the examples (docs/rules.md, currency conversion). */
export const RATES: Readonly<Record<string, number>> = Object.freeze({
  USD: 1,
  EUR: 0.92,
  GBP: 0.79,
  JPY: 151.37
});

/** An active WON / ADVOCATE / CASH / FLAT 10 rule, with `extra` laid over it. */
export function rule(id: string, extra: Partial<Rule> = {}): Rule {
  return {
    id,
    active: true,
    milestone: 'WON',
    recipient: 'ADVOCATE',
    rewardType: 'CASH',
    calculation: 'FLAT',
    value: 10,
    ...extra
  };
}

/** Referral ref1 reaching WON on 2026-03-01 on a 5000 USD deal, no cap, no keys, no year-to-date cash. */
export function rewardInput(rules: Rule[], extra: Partial<RewardInput> = {}): RewardInput {
  return {
    program: { currency: 'USD', annualCashCapPerAdvocate: null },
    rules,
    referral: { id: 'ref1', milestone: 'WON', milestoneDate: '2026-03-01' },
    deal: { amount: 5000, currency: 'USD' },
    rates: { ...RATES },
    existingKeys: [],
    advocateCashYtd: 0,
    ...extra
  };
}

/** The ReferralEngineError fn throws; fails the test when it throws none (or another error). */
export function errorOf(fn: () => unknown): ReferralEngineError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ReferralEngineError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a ReferralEngineError');
}

/** `CODE: message` of the ReferralEngineError fn throws, or `no error`. */
export function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ReferralEngineError) {
      return `${e.code}: ${e.message}`;
    }
    throw e;
  }
  return 'no error';
}

/** The field an INVALID_INPUT of fn names (the first word of its message). */
export function invalidField(fn: () => unknown): string {
  const e = errorOf(fn);
  if (e.code !== 'INVALID_INPUT') {
    throw new Error(`expected INVALID_INPUT, got ${e.code}: ${e.message}`);
  }
  return e.message.split(' ')[0];
}

/** mulberry32: a small deterministic generator of numbers in [0, 1) for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
