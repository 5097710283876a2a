/**
 * Currency conversion (docs/rules.md, `convert`) across many currencies in turn: the engine
 * remembers the decimal form of the last few rates it read, and no remembered rate may ever stand
 * in for another. Expected amounts are worked out by hand: D = amount / rates[deal] x rates[program].
 */
import { reward } from 'c/referralEngine';
import type { RewardDecision } from 'c/referralEngine';
import { rewardInput, rule } from './data/engineFixtures';

/** Rates per USD chosen so that 1000.00 in each currency converts to an exact amount. */
const RATES: Record<string, number> = {
  USD: 1,
  AAA: 2,
  BBB: 4,
  CCC: 5,
  DDD: 8,
  EEE: 0.5,
  FFF: 0.25,
  GGG: 1.25,
  HHH: 1.6,
  III: 2.5,
  JJJ: 3.2,
  KKK: 6.4,
  LLL: 0.8
};

/** 1000.00 in each currency, in USD. */
const IN_USD: Record<string, number> = {
  USD: 1000,
  AAA: 500,
  BBB: 250,
  CCC: 200,
  DDD: 125,
  EEE: 2000,
  FFF: 4000,
  GGG: 800,
  HHH: 625,
  III: 400,
  JJJ: 312.5,
  KKK: 156.25,
  LLL: 1250
};

/** The cash amount of a decision (NaN for points, which these rules never give). */
const cash = (d: RewardDecision): number => (d.rewardType === 'CASH' ? d.amount : NaN);

/** The converted deal amount D, read through a PERCENT 100 rule (the reward equals D). */
function converted(dealCurrency: string, programCurrency: string): number {
  const [decision] = reward(
    rewardInput([rule('P', { calculation: 'PERCENT', value: 100 })], {
      program: { currency: programCurrency, annualCashCapPerAdvocate: null },
      deal: { amount: 1000, currency: dealCurrency },
      rates: { ...RATES }
    })
  );
  return cash(decision);
}

describe('conversion through many currencies in turn', () => {
  const currencies = Object.keys(RATES);

  it('converts each of 13 currencies to USD, twice round, in two orders', () => {
    const order = [...currencies, ...currencies.slice().reverse(), ...currencies];
    for (const c of order) {
      expect([c, converted(c, 'USD')]).toEqual([c, IN_USD[c]]);
    }
  });

  it('converts between two changing currencies, each side from its own rate', () => {
    // 1000.00 AAA = 500 USD = 500 x 4 = 2000.00 BBB; 1000.00 DDD = 125 USD = 125 x 0.25 = 31.25 FFF.
    const pairs: [string, string, number][] = [
      ['AAA', 'BBB', 2000],
      ['DDD', 'FFF', 31.25],
      ['BBB', 'AAA', 500],
      ['LLL', 'KKK', 8000],
      ['KKK', 'LLL', 125],
      ['JJJ', 'HHH', 500],
      ['HHH', 'JJJ', 2000],
      ['EEE', 'GGG', 2500],
      ['GGG', 'EEE', 400],
      ['III', 'CCC', 2000],
      ['CCC', 'III', 500],
      ['AAA', 'BBB', 2000],
      ['FFF', 'DDD', 32000]
    ];
    for (const [from, to, expected] of pairs) {
      expect([from, to, converted(from, to)]).toEqual([from, to, expected]);
    }
  });

  it('reads a rate that changes between calls, for the same currency code', () => {
    const input = (rate: number) =>
      rewardInput([rule('P', { calculation: 'PERCENT', value: 100 })], {
        deal: { amount: 1000, currency: 'AAA' },
        rates: { USD: 1, AAA: rate }
      });
    const amounts = [2, 4, 2, 5, 8, 0.5, 0.25, 1.25, 1.6, 2.5, 3.2, 2].map((rate) =>
      cash(reward(input(rate))[0])
    );
    expect(amounts).toEqual([500, 250, 500, 200, 125, 2000, 4000, 800, 625, 400, 312.5, 500]);
  });
});
