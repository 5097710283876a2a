import { MILESTONE_LABELS, payoutText, payoutsText } from 'c/progressModel';
import type { Payout } from 'c/progressModel';

jest.mock('@salesforce/i18n/locale', () => ({ default: 'en-US' }), { virtual: true });
jest.mock('@salesforce/i18n/currency', () => ({ default: 'USD' }), { virtual: true });

function payout(overrides: Partial<Payout>): Payout {
  return {
    milestone: 'WON',
    rewardType: 'POINTS',
    calculation: 'FLAT',
    value: 100,
    valueFrom: null,
    maxReward: null,
    currencyCode: null,
    ...overrides
  };
}

describe('c/progressModel', () => {
  it('says what a flat, percent and tiered rule pays', () => {
    expect(payoutText(payout({}))).toBe('100 points');
    expect(payoutText(payout({ rewardType: 'CASH', value: 50, currencyCode: 'EUR' }))).toBe(
      '€50.00'
    );
    expect(payoutText(payout({ calculation: 'PERCENT', value: 5 }))).toBe('5% of the deal');
    expect(
      payoutText(
        payout({
          rewardType: 'CASH',
          calculation: 'TIERED_PERCENT',
          valueFrom: 5,
          value: 7,
          maxReward: 2500,
          currencyCode: 'USD'
        })
      )
    ).toBe('5% to 7% of the deal, by deal size (at most $2,500.00)');
    expect(payoutText(payout({ calculation: 'TIERED_PERCENT', valueFrom: 3, value: 3 }))).toBe(
      '3% of the deal'
    );
    expect(payoutText(payout({ calculation: 'TIERED_FLAT', valueFrom: 50, value: 200 }))).toBe(
      '50 points to 200 points, by deal size'
    );
    expect(payoutText(payout({ calculation: 'TIERED_FLAT', valueFrom: 80, value: 80 }))).toBe(
      '80 points'
    );
  });

  it('a flat reward shows no cap, and several rewards are joined', () => {
    expect(payoutText(payout({ maxReward: 10 }))).toBe('100 points');
    expect(payoutsText([payout({}), payout({ calculation: 'PERCENT', value: 2.5 })])).toBe(
      '100 points and 2.5% of the deal'
    );
    expect(payoutsText([])).toBe('');
  });

  it('names every milestone', () => {
    expect(Object.keys(MILESTONE_LABELS)).toEqual([
      'SUBMITTED',
      'QUALIFIED',
      'WON',
      'LOST',
      'REJECTED'
    ]);
    expect(MILESTONE_LABELS.WON).toBe('Deal won');
  });
});
