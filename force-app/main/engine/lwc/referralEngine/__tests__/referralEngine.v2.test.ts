/**
 * Version 2 of docs/rules.md: screening check 7, money limits, exactness at every magnitude and
 * whole points. Expected values here were derived by hand or with exact decimal arithmetic, not
 * from the engine.
 */
import { clawback, reward, score, screen } from 'c/referralEngine';
import type { ClawbackInput, RewardInput, Rule, ScoreInput, ScreenInput } from 'c/referralEngine';
import { invalidField, rewardInput, rule } from './data/engineFixtures';

function amountOf(input: RewardInput): number | undefined {
  const out = reward(input);
  expect(out).toHaveLength(1);
  const d = out[0];
  return d.rewardType === 'CASH' ? d.amount : undefined;
}

describe('screen, check 7 (v2)', () => {
  const base: ScreenInput = {
    today: '2026-05-01',
    program: { duplicateWindowDays: 365, blockedDomains: [] },
    advocate: { email: 'pat@acme.com', accountId: '001A' },
    referred: { email: 'Lee+promo@Globex.com' },
    existing: {
      contacts: [],
      leads: [
        { id: '00Q1', email: 'lee@globex.com', isConverted: true },
        { id: '00Q2', email: ' LEE@globex.com', isConverted: false },
        { id: '00Q3', email: 'lee@globex.com', isConverted: false }
      ],
      referrals: []
    }
  };

  it('sends a referral matching an unconverted lead to review, naming the first such lead', () => {
    expect(screen(base)).toEqual({ verdict: 'REVIEW', reason: 'EXISTING_LEAD', matchId: '00Q2' });
  });

  it('accepts when the only lead with the email is converted', () => {
    const input = {
      ...base,
      existing: { ...base.existing, leads: [base.existing!.leads![0]] }
    } as ScreenInput;
    expect(screen(input)).toEqual({ verdict: 'ACCEPT', reason: null, matchId: null });
  });
});

describe('money limits (v2): at most 13 integer and 2 fraction digits', () => {
  it('accepts the largest amount, 9,999,999,999,999.99', () => {
    expect(
      amountOf(
        rewardInput([rule('R1', { calculation: 'PERCENT', value: 1 })], {
          deal: { amount: 9999999999999.99, currency: 'USD' }
        })
      )
    ).toBe(100000000000);
  });

  it.each([
    ['deal.amount', { deal: { amount: 10000000000000, currency: 'USD' } }],
    ['deal.amount', { deal: { amount: 1e14, currency: 'USD' } }],
    ['deal.amount', { deal: { amount: 12.345, currency: 'USD' } }],
    ['advocateCashYtd', { advocateCashYtd: 10000000000000 }],
    [
      'program.annualCashCapPerAdvocate',
      { program: { currency: 'USD', annualCashCapPerAdvocate: 10000000000000 } }
    ]
  ])('rejects %s beyond the limits', (field, extra) => {
    expect(
      invalidField(() => reward(rewardInput([rule('R1')], extra as Partial<RewardInput>)))
    ).toBe(field);
  });

  it.each([
    ['rules[0].minDealAmount', { minDealAmount: 10000000000000 }],
    ['rules[0].maxReward', { maxReward: 10000000000000 }],
    ['rules[0].maxReward', { maxReward: 0.001 }]
  ])('rejects a rule field %s beyond the limits', (field, extra) => {
    expect(invalidField(() => reward(rewardInput([rule('R1', extra as Partial<Rule>)])))).toBe(
      field
    );
  });

  it('rejects an upTo beyond the limits', () => {
    const r = rule('R1', {
      calculation: 'TIERED',
      tiers: [
        { upTo: 10000000000000, calculation: 'FLAT', value: 1 },
        { upTo: null, calculation: 'FLAT', value: 2 }
      ]
    });
    expect(invalidField(() => reward(rewardInput([r])))).toBe('rules[0].tiers[0].upTo');
  });

  it('rejects a clawback amount beyond the limits', () => {
    const input: ClawbackInput = {
      program: { clawbackDays: 90 },
      wonDate: '2026-03-01',
      reversalDate: '2026-03-02',
      rewards: [
        { key: 'k', milestone: 'WON', rewardType: 'CASH', amount: 10000000000000, status: 'ISSUED' }
      ]
    };
    expect(invalidField(() => clawback(input))).toBe('rewards[0].amount');
  });
});

describe('exactness departures (v2)', () => {
  it('accepts a 4-digit percent above 2.25e11 (the digit check must not round a float product)', () => {
    // 1.00 x 435183130657.5936 % = 4351831306.575936 -> 4351831306.58
    expect(
      amountOf(
        rewardInput([rule('R1', { calculation: 'PERCENT', value: 435183130657.5936 })], {
          deal: { amount: 1, currency: 'USD' }
        })
      )
    ).toBe(4351831306.58);
  });

  it('has no magnitude limit on values and percents', () => {
    // 100.00 x 1e12 % = 1e12
    expect(
      amountOf(
        rewardInput([rule('R1', { calculation: 'PERCENT', value: 1e12 })], {
          deal: { amount: 100, currency: 'USD' }
        })
      )
    ).toBe(1e12);
    // FLAT 2e15 points
    const out = reward(rewardInput([rule('R1', { rewardType: 'POINTS', value: 2e15 })]));
    expect(out[0]).toMatchObject({ rewardType: 'POINTS', points: 2e15 });
  });

  it('rounds a result above 2^53 cents once (no double rounding)', () => {
    // 9163414239883.42 x 996.1501 % = 91281360114012.92821342 -> 91281360114012.93
    expect(
      amountOf(
        rewardInput([rule('R1', { calculation: 'PERCENT', value: 996.1501 })], {
          deal: { amount: 9163414239883.42, currency: 'USD' }
        })
      )
    ).toBe(Number('91281360114012.93')); // the double nearest the exact decimal
    // 9601069688796.99 x 989.4949 % = 95002094916092.08740351 -> 95002094916092.09
    expect(
      amountOf(
        rewardInput([rule('R1', { calculation: 'PERCENT', value: 989.4949 })], {
          deal: { amount: 9601069688796.99, currency: 'USD' }
        })
      )
    ).toBe(Number('95002094916092.09')); // the double nearest the exact decimal
  });

  it('rounds an exact half of a score up, like Apex Decimal HALF_UP (1.005 -> 1.01)', () => {
    const input: ScoreInput = {
      asOf: '2026-06-30',
      weights: {
        submitted: 1.005,
        qualified: 0.005,
        won: 0,
        revenuePer1000: 0,
        halfLifeDays: 180,
        priorConversion: 0.5,
        priorStrength: 1,
        minMultiplier: 1,
        maxMultiplier: 1
      },
      referrals: [
        {
          advocateId: 'b',
          submittedDate: '2026-06-30',
          qualifiedDate: '2026-06-30',
          wonDate: null,
          wonAmount: null
        },
        {
          advocateId: 'a',
          submittedDate: '2026-06-30',
          qualifiedDate: null,
          wonDate: null,
          wonAmount: null
        }
      ]
    };
    const rows = score(input);
    expect(rows.map((r) => [r.advocateId, r.score, r.rank])).toEqual([
      ['a', 1.01, 1],
      ['b', 1.01, 1]
    ]);
  });

  it('rejects fractional points where points are inputs', () => {
    expect(
      invalidField(() =>
        reward(rewardInput([rule('R1', { rewardType: 'POINTS', value: 100, maxReward: 7.5 })]))
      )
    ).toBe('rules[0].maxReward');
    const input: ClawbackInput = {
      program: { clawbackDays: 90 },
      wonDate: '2026-03-01',
      reversalDate: '2026-03-02',
      rewards: [{ key: 'k', milestone: 'WON', rewardType: 'POINTS', points: 1.5, status: 'ISSUED' }]
    };
    expect(invalidField(() => clawback(input))).toBe('rewards[0].points');
  });

  it('caps POINTS at a whole maxReward of any size', () => {
    const out = reward(
      rewardInput([rule('R1', { rewardType: 'POINTS', value: 3e15, maxReward: 2e14 })])
    );
    expect(out[0]).toMatchObject({ points: 2e14, capped: true });
    const big = clawback({
      program: { clawbackDays: 90 },
      wonDate: '2026-03-01',
      reversalDate: '2026-03-02',
      rewards: [
        { key: 'k', milestone: 'WON', rewardType: 'POINTS', points: 2e14, status: 'ISSUED' }
      ]
    });
    expect(big).toEqual([{ key: 'k', action: 'REVERSE', points: -2e14 }]);
  });
});
