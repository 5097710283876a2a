/**
 * Tests that close the gaps the mutation run of reward.ts found (docs/quality.md, issue 10):
 * behaviour of docs/rules.md that no other test pinned, and the validation memo's contract.
 * Expected values are derived by hand from docs/rules.md.
 */
import { reward } from 'c/referralEngine';
import type { RewardInput, Rule, Tier } from 'c/referralEngine';
import { errorOf, invalidField, messageOf, rewardInput, rule } from './data/engineFixtures';

/** The decisions as `ruleId=value` (value: amount or points, then `*` when capped). */
function summary(input: RewardInput): string[] {
  return reward(input).map((d) => {
    const v = d.rewardType === 'CASH' ? d.amount : d.points;
    return `${d.ruleId}=${v}${d.capped ? '*' : ''}`;
  });
}

/** Turns o[key] into an enumerable getter (same place in the key order) that counts its reads. */
function countReads(o: object, key: string): { reads: number } {
  const counter = { reads: 0 };
  const value: unknown = (o as Record<string, unknown>)[key];
  Object.defineProperty(o, key, {
    enumerable: true,
    configurable: true,
    get() {
      counter.reads++;
      return value;
    }
  });
  return counter;
}

describe('the validation memo: a list seen before is not validated again', () => {
  // The memo exists so that a program's unchanged rule list is not validated for every referral
  // (docs/quality.md). Counted reads tell a memo hit from a miss: the memo's check reads each
  // field once and a deeply frozen list not at all, while a miss validates `value` again and
  // takes a new snapshot of every field, the extra `note` (not a rule field) included.
  it('reads each field of an unchanged rule once, also after another list was decided', () => {
    const r = { ...rule('A', { value: 10 }), note: 'not read by the rules' } as Rule;
    const value = countReads(r, 'value');
    const note = countReads(r, 'note');
    const input = rewardInput([r]);
    expect(summary(input)).toEqual(['A=10']);
    value.reads = 0;
    note.reads = 0;
    expect(summary(input)).toEqual(['A=10']);
    expect([value.reads, note.reads]).toEqual([1, 1]);
    expect(summary(rewardInput([rule('B', { value: 2 })]))).toEqual(['B=2']);
    value.reads = 0;
    note.reads = 0;
    expect(summary(input)).toEqual(['A=10']);
    expect([value.reads, note.reads]).toEqual([1, 1]);
  });

  it('reads each field of an unchanged tier once', () => {
    // D = 5000: STEP, the open tier applies to all of D: 3 % = 150
    const tiers = [
      { upTo: 1000, calculation: 'PERCENT', value: 2 },
      { upTo: null, calculation: 'PERCENT', value: 3, note: 'not read by the rules' }
    ] as Tier[];
    const value = countReads(tiers[1], 'value');
    const note = countReads(tiers[1], 'note');
    const input = rewardInput([rule('T', { calculation: 'TIERED', tiers })]);
    expect(summary(input)).toEqual(['T=150']);
    value.reads = 0;
    note.reads = 0;
    expect(summary(input)).toEqual(['T=150']);
    expect([value.reads, note.reads]).toEqual([1, 1]);
  });

  it('does not read a deeply frozen list again', () => {
    const r = rule('A', { value: 10 });
    const value = countReads(r, 'value');
    const input = rewardInput(Object.freeze([Object.freeze(r)]) as Rule[]);
    expect(summary(input)).toEqual(['A=10']);
    value.reads = 0;
    expect(summary(input)).toEqual(['A=10']);
    expect(summary(rewardInput([rule('B', { value: 2 })]))).toEqual(['B=2']);
    expect(summary(input)).toEqual(['A=10']);
    expect(value.reads).toBe(0);
  });

  it('does not read a deeply frozen list of tiered rules again', () => {
    const tier: Tier = { upTo: null, calculation: 'FLAT', value: 5 };
    const value = countReads(tier, 'value');
    const r = rule('T', {
      calculation: 'TIERED',
      tiers: Object.freeze([Object.freeze(tier)]) as Tier[]
    });
    const input = rewardInput(Object.freeze([Object.freeze(r)]) as Rule[]);
    expect(summary(input)).toEqual(['T=5']);
    value.reads = 0;
    expect(summary(input)).toEqual(['T=5']);
    expect(value.reads).toBe(0);
  });
});

describe('the validation memo never reuses a rule that changed in place', () => {
  it('sees a field removed and another added with the same value in the same place', () => {
    // 5 % of 5000 = 250, capped at 100; then no cap, a minimum deal of 100 (met): 250
    const r = rule('R', { calculation: 'PERCENT', value: 5, maxReward: 100 });
    const input = rewardInput([r]);
    expect(summary(input)).toEqual(['R=100*']);
    delete r.maxReward;
    r.minDealAmount = 100;
    expect(summary(input)).toEqual(['R=250']);
  });

  it('sees the last field removed', () => {
    const r = rule('R', { value: 10, maxReward: 5 });
    const input = rewardInput([r]);
    expect(summary(input)).toEqual(['R=5*']);
    delete r.maxReward;
    expect(summary(input)).toEqual(['R=10']);
  });

  it('sees every key renamed with the values left in their places', () => {
    const r = rule('R') as unknown as Record<string, unknown>;
    const input = rewardInput([r as unknown as Rule]);
    expect(summary(input)).toEqual(['R=10']);
    for (const k of Object.keys(r)) {
      const v = r[k];
      delete r[k];
      r[`old${k}`] = v;
    }
    expect(invalidField(() => reward(input))).toBe('rules[0].id');
  });

  it('sees every value changed with the keys left as they were', () => {
    const r = rule('R');
    const input = rewardInput([r]);
    expect(summary(input)).toEqual(['R=10']);
    Object.assign(r, {
      id: 'S',
      active: false,
      milestone: 'QUALIFIED',
      recipient: 'REFERRED',
      rewardType: 'POINTS',
      calculation: 'PERCENT',
      value: 20
    });
    // inactive: no decision
    expect(summary(input)).toEqual([]);
  });

  it('sees the values moved one field on (the first field now undefined)', () => {
    // An extra field is not read by the rules; moving every value one field on leaves
    // `active` holding the id: not a boolean.
    const r = { note: 'N', ...rule('A') } as Record<string, unknown>;
    const input = rewardInput([r as unknown as Rule]);
    expect(summary(input)).toEqual(['A=10']);
    const keys = Object.keys(r);
    const values = keys.map((k) => r[k]);
    r[keys[0]] = undefined;
    for (let j = 1; j < keys.length; j++) {
      r[keys[j]] = values[j - 1];
    }
    expect(invalidField(() => reward(input))).toBe('rules[0].active');
  });

  it('sees every tier of a tier list replaced by another object', () => {
    const tiers: Tier[] = [{ upTo: null, calculation: 'FLAT', value: 5 }];
    const input = rewardInput([rule('T', { calculation: 'TIERED', tiers })]);
    expect(summary(input)).toEqual(['T=5']);
    tiers[0] = { upTo: null, calculation: 'FLAT', value: 7 };
    expect(summary(input)).toEqual(['T=7']);
  });

  it('does not trust a frozen list of frozen rules and tiers whose tier list is not frozen', () => {
    const tiers: Tier[] = [Object.freeze<Tier>({ upTo: null, calculation: 'FLAT', value: 5 })];
    const r = Object.freeze(rule('T', { calculation: 'TIERED', tiers }));
    const input = rewardInput(Object.freeze([r]) as Rule[]);
    expect(summary(input)).toEqual(['T=5']);
    tiers[0] = Object.freeze<Tier>({ upTo: null, calculation: 'FLAT', value: 8 });
    expect(summary(input)).toEqual(['T=8']);
  });
});

describe('tiers with an upTo of 0', () => {
  // upTo is money (0 allowed) and strictly increasing; 0 on the first tier is valid.
  const step = (tiers: Tier[], extra: Partial<Rule> = {}): Rule =>
    rule('R', { calculation: 'TIERED', tiers, ...extra });

  it('STEP: D above 0 takes the next tier, D = 0 the first', () => {
    const tiers: Tier[] = [
      { upTo: 0, calculation: 'FLAT', value: 1 },
      { upTo: null, calculation: 'FLAT', value: 2 }
    ];
    expect(summary(rewardInput([step(tiers)]))).toEqual(['R=2']);
    expect(summary(rewardInput([step(tiers)], { deal: { amount: 0, currency: 'USD' } }))).toEqual([
      'R=1'
    ]);
  });

  it('MARGINAL: the first tier contributes min(D, 0) - 0 = 0', () => {
    // tier 1: lower 0 < 5000, (min(5000, 0) - 0) x 10 % = 0; tier 2: lower 0, 5000 x 1 % = 50
    const tiers: Tier[] = [
      { upTo: 0, calculation: 'PERCENT', value: 10 },
      { upTo: null, calculation: 'PERCENT', value: 1 }
    ];
    expect(summary(rewardInput([step(tiers, { tierMode: 'MARGINAL' })]))).toEqual(['R=50']);
  });

  it('STEP with a value beyond 2^53 units: D above 0 takes the open tier', () => {
    const tiers: Tier[] = [
      { upTo: 0, calculation: 'FLAT', value: 1 },
      { upTo: null, calculation: 'FLAT', value: 1000000000000 }
    ];
    expect(summary(rewardInput([step(tiers, { rewardType: 'POINTS' })]))).toEqual([
      'R=1000000000000'
    ]);
  });

  it('MARGINAL with a value beyond 2^53 units: the first tier contributes 0', () => {
    // 0 + 1000000000000 (FLAT)
    const tiers: Tier[] = [
      { upTo: 0, calculation: 'PERCENT', value: 10 },
      { upTo: null, calculation: 'FLAT', value: 1000000000000 }
    ];
    expect(
      summary(rewardInput([step(tiers, { rewardType: 'POINTS', tierMode: 'MARGINAL' })]))
    ).toEqual(['R=1000000000000']);
  });
});

describe('MARGINAL tiers on the BigInt path', () => {
  const marginal = (tiers: Tier[]): Rule =>
    rule('R', { calculation: 'TIERED', tierMode: 'MARGINAL', rewardType: 'POINTS', tiers });

  it('a tier whose lower bound is at or above D contributes nothing', () => {
    // lower of tier 2 is 1000: D = 500 and D = 1000 are not above it; tier 1 (FLAT) gives 10^12
    const tiers: Tier[] = [
      { upTo: 1000, calculation: 'FLAT', value: 1000000000000 },
      { upTo: null, calculation: 'FLAT', value: 5 }
    ];
    for (const amount of [500, 1000]) {
      expect(
        summary(rewardInput([marginal(tiers)], { deal: { amount, currency: 'USD' } }))
      ).toEqual(['R=1000000000000']);
    }
    // D = 1000.01 is above it: 10^12 + 5
    expect(
      summary(rewardInput([marginal(tiers)], { deal: { amount: 1000.01, currency: 'USD' } }))
    ).toEqual(['R=1000000000005']);
  });

  it('a PERCENT tier takes only the part of D below its upTo when D is below upTo', () => {
    // D = 500 < 1000: 500 x 10^12 % = 5 x 10^12 points; tier 2 is not reached
    const tiers: Tier[] = [
      { upTo: 1000, calculation: 'PERCENT', value: 1000000000000 },
      { upTo: null, calculation: 'FLAT', value: 5 }
    ];
    expect(
      summary(rewardInput([marginal(tiers)], { deal: { amount: 500, currency: 'USD' } }))
    ).toEqual(['R=5000000000000']);
  });
});

describe('a raw value just beyond 2^53 units is exact', () => {
  // 900719925474.0991 x 10^8 units = 90071992547409910000 > 2^53: floorInt gives 900719925474
  // points (a double product would carry a fraction).
  const value = 900719925474.0991;

  it.each<[string, Partial<Rule>]>([
    ['FLAT', { value }],
    [
      'a STEP FLAT tier',
      { calculation: 'TIERED', tiers: [{ upTo: null, calculation: 'FLAT', value }] }
    ],
    [
      'a MARGINAL FLAT tier',
      {
        calculation: 'TIERED',
        tierMode: 'MARGINAL',
        tiers: [{ upTo: null, calculation: 'FLAT', value }]
      }
    ]
  ])('%s', (_name, extra) => {
    expect(summary(rewardInput([rule('R', { rewardType: 'POINTS', ...extra })]))).toEqual([
      'R=900719925474'
    ]);
  });
});

describe('step 8 on the BigInt path', () => {
  it('drops a 0 reward computed in BigInt (a percent beyond 2^53 units of a 0 deal)', () => {
    const input = rewardInput([rule('R', { calculation: 'PERCENT', value: 1000000000000 })], {
      deal: { amount: 0, currency: 'USD' }
    });
    expect(reward(input)).toEqual([]);
  });
});

describe('MISSING_RATE', () => {
  it('without any rates, names the deal currency', () => {
    const input = rewardInput([rule('R', { calculation: 'PERCENT', value: 5 })], {
      deal: { amount: 100, currency: 'EUR' },
      rates: undefined
    });
    expect(errorOf(() => reward(input)).field).toBe('rates.EUR');
    expect(messageOf(() => reward(input))).toBe(
      'MISSING_RATE: rates.EUR is missing: the deal amount in EUR must be converted to the program currency USD.'
    );
  });

  it('with the deal currency but not the program currency, names the program currency', () => {
    const input = rewardInput([rule('R', { calculation: 'PERCENT', value: 5 })], {
      deal: { amount: 100, currency: 'EUR' },
      rates: { EUR: 0.92 }
    });
    expect(errorOf(() => reward(input)).field).toBe('rates.USD');
    expect(messageOf(() => reward(input))).toBe(
      'MISSING_RATE: rates.USD is missing: the deal amount in EUR must be converted to the program currency USD.'
    );
  });
});

describe('a POINTS maxReward whose hundredths are beyond 2^53', () => {
  it('caps at exactly that many points', () => {
    // 2000000000000100 points = 200000000000010000 hundredths, above 2^57: a double would round
    // them (to 200000000000009984); the cap is exact: 2000000000000100 points, capped.
    const input = rewardInput([
      rule('R', { rewardType: 'POINTS', value: 10000000000000000, maxReward: 2000000000000100 })
    ]);
    expect(summary(input)).toEqual(['R=2000000000000100*']);
  });
});
