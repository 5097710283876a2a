/**
 * Tests that close the gaps a mutation run of the engine found (docs/quality.md): behaviour of
 * docs/rules.md that no other test pinned. Expected values are derived by hand from the rules.
 */
import { clawback, dayNumber, metrics, reward, score, screen } from 'c/referralEngine';
import type {
  ClawbackInput,
  MetricsInput,
  RewardInput,
  Rule,
  ScoreInput,
  ScreenInput,
  Tier
} from 'c/referralEngine';
import { messageOf, rewardInput, rule } from './data/engineFixtures';

/** The decisions of a fresh deep copy of the input (no memo can know its rule objects). */
function fresh(input: RewardInput): unknown {
  return reward(JSON.parse(JSON.stringify(input)) as RewardInput);
}

/** The decisions as `ruleId=value` (value: amount or points, then `*` when capped). */
function summary(input: RewardInput): string[] {
  return reward(input).map((d) => {
    const v = d.rewardType === 'CASH' ? d.amount : d.points;
    return `${d.ruleId}=${v}${d.capped ? '*' : ''}`;
  });
}

describe('the validation memo notices every change to a rule list it has seen', () => {
  // One list object, decided again after each in-place change: the result must be that of a
  // fresh list with the same content.
  it.each<[string, (r: Rule) => void, string[]]>([
    ['maxReward', (r) => (r.maxReward = 20), ['R=20*']],
    ['maxReward removed', (r) => (r.maxReward = null), ['R=250']],
    ['minDealAmount', (r) => (r.minDealAmount = 6000), []],
    ['startDate', (r) => (r.startDate = '2026-03-02'), []],
    ['endDate', (r) => (r.endDate = '2026-02-28'), []],
    ['value', (r) => (r.value = 10), ['R=50*']],
    ['calculation', (r) => (r.calculation = 'FLAT'), ['R=5']],
    ['rewardType', (r) => (r.rewardType = 'POINTS'), ['R=50*']],
    ['recipient', (r) => (r.recipient = 'REFERRED'), ['R=50*']],
    ['milestone', (r) => (r.milestone = 'QUALIFIED'), ['R=50*']],
    ['active', (r) => (r.active = false), []],
    ['id', (r) => (r.id = 'S'), ['S=50*']]
  ])('%s', (_field, change, expected) => {
    const r = rule('R', { calculation: 'PERCENT', value: 5, maxReward: 50 });
    const input = rewardInput([r]);
    expect(summary(input)).toEqual(['R=50*']);
    change(r);
    expect(summary(input)).toEqual(expected);
    expect(reward(input)).toEqual(fresh(input));
  });

  it.each<[string, (r: Rule, tiers: Tier[]) => void, string[]]>([
    ['tierMode', (r) => (r.tierMode = 'MARGINAL'), ['T=140']],
    ['a tier upTo', (_r, t) => (t[0].upTo = 5000), ['T=100']],
    ['a tier calculation', (_r, t) => (t[1].calculation = 'FLAT'), ['T=3']],
    ['a tier value', (_r, t) => (t[1].value = 4), ['T=200']],
    [
      'a tier replaced',
      (_r, t) => (t[1] = { upTo: null, calculation: 'PERCENT', value: 1 }),
      ['T=50']
    ],
    ['the tier list replaced', (r, t) => (r.tiers = [{ ...t[0], upTo: 5000 }, t[1]]), ['T=100']],
    [
      'a tier added',
      (_r, t) => t.splice(1, 0, { upTo: 10000, calculation: 'PERCENT', value: 1 }),
      ['T=50']
    ]
  ])('%s', (_field, change, expected) => {
    // D = 5000: STEP over [(upTo 1000: 2%), (open: 3%)] takes 3% of all of D = 150;
    // MARGINAL takes 2% of 1000 plus 3% of the 4000 above it = 20 + 120 = 140.
    const tiers: Tier[] = [
      { upTo: 1000, calculation: 'PERCENT', value: 2 },
      { upTo: null, calculation: 'PERCENT', value: 3 }
    ];
    const r = rule('T', { calculation: 'TIERED', tiers });
    const input = rewardInput([r]);
    expect(summary(input)).toEqual(['T=150']);
    change(r, tiers);
    expect(summary(input)).toEqual(expected);
    expect(reward(input)).toEqual(fresh(input));
  });

  it('sees a rule replaced, added or removed in the same list', () => {
    const rules = [rule('A'), rule('B', { value: 20 })];
    const input = rewardInput(rules);
    expect(summary(input)).toEqual(['A=10', 'B=20']);
    rules[0] = rule('A', { value: 11 });
    expect(summary(input)).toEqual(['A=11', 'B=20']);
    rules.push(rule('C', { value: 30 }));
    expect(summary(input)).toEqual(['A=11', 'B=20', 'C=30']);
    rules.splice(1, 1);
    expect(summary(input)).toEqual(['A=11', 'C=30']);
  });

  it('alternates between two lists without mixing them up', () => {
    const one = rewardInput([rule('A')]);
    const two = rewardInput([rule('B', { value: 2 })]);
    expect(summary(one)).toEqual(['A=10']);
    expect(summary(two)).toEqual(['B=2']);
    expect(summary(one)).toEqual(['A=10']);
    expect(summary(rewardInput([]))).toEqual([]);
    expect(summary(two)).toEqual(['B=2']);
  });

  it('sees the only rule of a list replaced, and a rule replaced in an unfrozen list of frozen rules', () => {
    const single = [rule('A')];
    const one = rewardInput(single);
    expect(summary(one)).toEqual(['A=10']);
    single[0] = rule('A', { value: 13 });
    expect(summary(one)).toEqual(['A=13']);
    const rules = [Object.freeze(rule('B', { value: 2 }))];
    const two = rewardInput(rules);
    expect(summary(two)).toEqual(['B=2']);
    rules[0] = Object.freeze(rule('B', { value: 3 }));
    expect(summary(two)).toEqual(['B=3']);
  });

  it('does not trust a frozen list whose rules are not frozen', () => {
    const r = rule('A');
    const input = rewardInput(Object.freeze([r]) as Rule[]);
    expect(summary(input)).toEqual(['A=10']);
    r.value = 12;
    expect(summary(input)).toEqual(['A=12']);
  });

  it('does not trust a frozen list whose tier list is frozen but not its tiers', () => {
    const tier: Tier = { upTo: null, calculation: 'FLAT', value: 5 };
    const r = Object.freeze(
      rule('A', { calculation: 'TIERED', tiers: Object.freeze([tier]) as Tier[] })
    );
    const input = rewardInput(Object.freeze([r]) as Rule[]);
    expect(summary(input)).toEqual(['A=5']);
    tier.value = 7;
    expect(summary(input)).toEqual(['A=7']);
  });

  it('does not trust a frozen list with unfrozen tiers', () => {
    const tier: Tier = { upTo: null, calculation: 'FLAT', value: 5 };
    const tiers = [tier];
    const r = Object.freeze(rule('A', { calculation: 'TIERED', tiers }));
    const input = rewardInput(Object.freeze([r]) as Rule[]);
    expect(summary(input)).toEqual(['A=5']);
    tier.value = 6;
    expect(summary(input)).toEqual(['A=6']);
    tiers.push({ upTo: null, calculation: 'FLAT', value: 1 });
    expect(messageOf(() => reward(input))).toBe(
      'INVALID_INPUT: rules[0].tiers[0].upTo must not be null: only the last tier is open-ended.'
    );
  });
});

describe('exact results on the BigInt paths', () => {
  it('writes the cents of a result above 2^53 cents with their leading zero', () => {
    // 9933071052827.44 x 970.7626 % = 96426538812275.03 (exact decimal arithmetic, rounded half up)
    const input = rewardInput([rule('R', { calculation: 'PERCENT', value: 970.7626 })], {
      deal: { amount: 9933071052827.44, currency: 'USD' }
    });
    expect(summary(input)).toEqual([`R=${Number('96426538812275.03')}`]);
  });

  it('takes tier values beyond safe integers exactly, STEP and MARGINAL', () => {
    const tiers: Tier[] = [
      { upTo: 100, calculation: 'FLAT', value: 2e15 },
      { upTo: null, calculation: 'PERCENT', value: 1e12 }
    ];
    const step = rule('S', { calculation: 'TIERED', tiers, rewardType: 'POINTS' });
    const marginal = rule('M', { calculation: 'TIERED', tiers, tierMode: 'MARGINAL' });
    // D = 50: STEP takes the FLAT tier: 2e15 points.
    expect(summary(rewardInput([step], { deal: { amount: 50, currency: 'USD' } }))).toEqual([
      'S=2000000000000000'
    ]);
    // D = 300: MARGINAL: 2e15 + 1e12 % of (300 - 100) = 2e15 + 2e12.
    expect(summary(rewardInput([marginal], { deal: { amount: 300, currency: 'USD' } }))).toEqual([
      'M=2002000000000000'
    ]);
  });

  it('treats a POINTS maxReward of 0 as set', () => {
    const r = rule('P', { rewardType: 'POINTS', value: 5, maxReward: 0 });
    expect(summary(rewardInput([r]))).toEqual([]);
    r.maxReward = null;
    expect(summary(rewardInput([r]))).toEqual(['P=5']);
  });
});

describe('score over many advocates', () => {
  it('keeps every advocate apart when the table grows, and decays very old referrals', () => {
    // 3000 advocates (the table grows several times); advocate i has (i % 3) + 1 referrals on
    // asOf, so with submitted weight 1 and the multiplier clamped to 1 its score is that count.
    const referrals: ScoreInput['referrals'] = [];
    const count = (i: number) => (i % 3) + 1;
    for (let i = 0; i < 3000; i++) {
      for (let k = 0; k < count(i); k++) {
        referrals.push({
          advocateId: `adv${i}`,
          submittedDate: '2026-06-30',
          qualifiedDate: null,
          wonDate: null,
          wonAmount: null
        });
      }
    }
    // One referral 10,000 days old with a half-life of 10,000 days: weight 0.5.
    referrals.push({
      advocateId: 'old',
      submittedDate: '1999-02-12',
      qualifiedDate: null,
      wonDate: null,
      wonAmount: null
    });
    const rows = score({
      asOf: '2026-06-30',
      weights: {
        submitted: 1,
        qualified: 0,
        won: 0,
        revenuePer1000: 0,
        halfLifeDays: 10000,
        priorConversion: 0.5,
        priorStrength: 1,
        minMultiplier: 1,
        maxMultiplier: 1
      },
      referrals
    });
    expect(rows).toHaveLength(3001);
    const ids = Array.from({ length: 3000 }, (_, i) => `adv${i}`);
    const byScore = (n: number) => ids.filter((id) => count(Number(id.slice(3))) === n).sort();
    const expected = [...byScore(3), ...byScore(2), ...byScore(1), 'old'];
    expect(rows.map((r) => r.advocateId)).toEqual(expected);
    expect(rows[0]).toMatchObject({ score: 3, rank: 1, submitted: 3 });
    expect(rows[1000]).toMatchObject({ score: 2, rank: 1001, submitted: 2 });
    expect(rows[2000]).toMatchObject({ score: 1, rank: 2001, submitted: 1 });
    expect(rows[3000]).toMatchObject({ advocateId: 'old', score: 0.5, rank: 3001 });
  });
});

describe('paths the first mutation run found without a test', () => {
  it('rejects dates with a non-digit anywhere', () => {
    for (const bad of ['2026-0a-01', 'x026-01-01', '2026-01-0x', '2026-1a-01', '20 6-01-01']) {
      expect(dayNumber(bad)).toBeNaN();
    }
    expect(dayNumber('0000-01-01')).toBeNaN();
    expect(dayNumber('2026-00-10')).toBeNaN();
    expect(dayNumber('0001-01-01')).toBe(-719162);
    expect(dayNumber('9999-12-31')).toBe(2932896);
  });

  it('reads numbers that JavaScript writes in exponent form', () => {
    // FLAT 1e21 points: String(1e21) is "1e+21".
    expect(summary(rewardInput([rule('P', { rewardType: 'POINTS', value: 1e21 })]))).toEqual([
      'P=1e+21'
    ]);
    // A rate of 1e-20 (more than 15 fraction digits): 1 EUR is 1e20 USD; 1% of it is 1e18.
    const tiny = rewardInput([rule('R', { calculation: 'PERCENT', value: 1 })], {
      deal: { amount: 1, currency: 'EUR' },
      rates: { USD: 1, EUR: 1e-20 }
    });
    expect(summary(tiny)).toEqual(['R=1000000000000000000']);
    // A rate of 1e21 ("1e+21"): 1 USD is 1e21 XBT; 1% of it is 1e19.
    const huge = rewardInput([rule('R', { calculation: 'PERCENT', value: 1 })], {
      program: { currency: 'XBT', annualCashCapPerAdvocate: null },
      deal: { amount: 1, currency: 'USD' },
      rates: { USD: 1, XBT: 1e21 }
    });
    expect(summary(huge)).toEqual(['R=10000000000000000000']);
  });

  it('converts correctly across many distinct rates', () => {
    // 100 EUR at rate i is round2(100 / i) USD; taken whole by a 100% rule.
    for (let i = 1; i <= 300; i++) {
      const cents = Math.floor((2 * 10000 + i) / (2 * i));
      const input = rewardInput([rule('R', { calculation: 'PERCENT', value: 100 })], {
        deal: { amount: 100, currency: 'EUR' },
        rates: { USD: 1, EUR: i }
      });
      const expected = cents === 0 ? [] : [`R=${cents / 100}`];
      expect(summary(input)).toEqual(expected);
    }
  });

  it('pays a FLAT value whose units pass 2^53, and STEP beyond the first tier on BigInt', () => {
    expect(summary(rewardInput([rule('F', { value: 1e9 })]))).toEqual(['F=1000000000']);
    const step = rule('S', {
      calculation: 'TIERED',
      tiers: [
        { upTo: 10000000000, calculation: 'PERCENT', value: 10 },
        { upTo: null, calculation: 'PERCENT', value: 20 }
      ]
    });
    // D = 2e10 is above the first tier: 20% of it.
    expect(
      summary(rewardInput([step], { deal: { amount: 20000000000, currency: 'USD' } }))
    ).toEqual(['S=4000000000']);
  });

  it('decides a deeply frozen TIERED list like an unfrozen one, repeatedly', () => {
    const tiers = Object.freeze([
      Object.freeze({ upTo: 1000, calculation: 'PERCENT' as const, value: 2 }),
      Object.freeze({ upTo: null, calculation: 'PERCENT' as const, value: 3 })
    ]);
    const frozen = Object.freeze([
      Object.freeze(
        rule('T', { calculation: 'TIERED', tiers: tiers as Tier[], tierMode: 'MARGINAL' })
      )
    ]) as Rule[];
    const input = rewardInput(frozen);
    expect(summary(input)).toEqual(['T=140']);
    expect(summary(input)).toEqual(['T=140']);
  });

  it('scores of 1e10 and more are rounded on their exact decimal', () => {
    const rows = score({
      asOf: '2026-06-30',
      weights: {
        submitted: 10000000000,
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
          advocateId: 'a',
          submittedDate: '2026-06-30',
          qualifiedDate: null,
          wonDate: null,
          wonAmount: null
        },
        {
          advocateId: 'b',
          submittedDate: '2026-06-30',
          qualifiedDate: '2026-06-30',
          wonDate: null,
          wonAmount: null
        }
      ]
    });
    expect(rows.map((r) => [r.advocateId, r.score])).toEqual([
      ['b', 10000000000.01],
      ['a', 10000000000]
    ]);
  });
});

describe('more paths the mutation run found untested', () => {
  it('rejects an upTo of 0 on the last tier and a repeated upTo of 0', () => {
    const last = rule('T', {
      calculation: 'TIERED',
      tiers: [{ upTo: 0, calculation: 'FLAT', value: 1 }]
    });
    expect(messageOf(() => reward(rewardInput([last])))).toBe(
      'INVALID_INPUT: rules[0].tiers[0].upTo must be null: the last tier has no upper bound.'
    );
    const repeated = rule('T', {
      calculation: 'TIERED',
      tiers: [
        { upTo: 0, calculation: 'FLAT', value: 1 },
        { upTo: 0, calculation: 'FLAT', value: 2 },
        { upTo: null, calculation: 'FLAT', value: 3 }
      ]
    });
    expect(messageOf(() => reward(rewardInput([repeated])))).toBe(
      "INVALID_INPUT: rules[0].tiers[1].upTo must be greater than the previous tier's upTo."
    );
  });

  it('caps POINTS at an odd maxReward whose hundredths a double cannot hold', () => {
    // 400000000000001 x 100 is above 2^55, where doubles are 8 apart: it must stay exact.
    const r = rule('P', {
      rewardType: 'POINTS',
      value: 500000000000000,
      maxReward: 400000000000001
    });
    expect(reward(rewardInput([r]))).toEqual([
      expect.objectContaining({ points: 400000000000001, capped: true })
    ]);
  });
});

describe('gaps the full-module mutation run found: dates, screening, clawback', () => {
  it('rejects a date whose first separator is not a hyphen, or with a time after it', () => {
    expect(dayNumber('2026/03-01')).toBeNaN();
    expect(dayNumber('2026-03-01T10:00:00Z')).toBeNaN();
    expect(dayNumber('2026-03-011')).toBeNaN();
    // ':' follows '9' in ASCII: not a digit either.
    expect(dayNumber('2026-03-0:')).toBeNaN();
    expect(dayNumber('202:-03-01')).toBeNaN();
  });

  const base: ScreenInput = {
    today: '2026-05-01',
    program: { duplicateWindowDays: 365, blockedDomains: ['globex.com'] },
    advocate: { email: null, accountId: null },
    referred: { email: 'lee@initech.com' },
    existing: {
      contacts: [
        { id: '003A', email: 'sam@initech.com', accountId: '001A', accountHasOpenOpportunity: true }
      ],
      leads: [],
      referrals: []
    }
  };

  it("ignores another person's open opportunity, and an advocate without email or account", () => {
    expect(screen(base)).toEqual({ verdict: 'ACCEPT', reason: null, matchId: null });
  });

  it('blocks a domain and its subdomains only, and needs exactly one @', () => {
    const verdict = (email: string) => screen({ ...base, referred: { email } }).reason;
    expect(verdict('lee@globex.com')).toBe('BLOCKED_DOMAIN');
    expect(verdict('lee@eu.globex.com')).toBe('BLOCKED_DOMAIN');
    expect(verdict('lee@notglobex.com')).toBeNull();
    expect(verdict('lee@globex.com.au')).toBeNull();
    expect(verdict('lee@initech@globex.com')).toBe('INVALID_EMAIL');
    expect(verdict('lee@@initech.com')).toBe('INVALID_EMAIL');
  });

  it('takes back an issued reward of 0 as 0, never as minus zero', () => {
    const input: ClawbackInput = {
      program: { clawbackDays: 90 },
      wonDate: '2026-03-01',
      reversalDate: '2026-03-02',
      rewards: [
        { key: 'b', milestone: 'WON', rewardType: 'POINTS', points: 0, status: 'ISSUED' },
        { key: 'a', milestone: 'WON', rewardType: 'CASH', amount: 0, status: 'ISSUED' }
      ]
    };
    const [cash, points] = clawback(input);
    expect(cash).toEqual({ key: 'a', action: 'REVERSE', amount: 0 });
    expect(points).toEqual({ key: 'b', action: 'REVERSE', points: 0 });
    // toEqual does not tell 0 from -0; a UI shows -0 as "-0".
    expect(Object.is('amount' in cash ? cash.amount : NaN, 0)).toBe(true);
    expect(Object.is('points' in points ? points.points : NaN, 0)).toBe(true);
  });

  it('sorts the actions by key in UTF-16 code unit order', () => {
    const keys = ['k2', 'k10', 'K1', 'k1', 'a'];
    const input: ClawbackInput = {
      program: { clawbackDays: 90 },
      wonDate: '2026-03-01',
      reversalDate: '2026-03-02',
      rewards: keys.map((key) => ({
        key,
        milestone: 'WON' as const,
        rewardType: 'CASH' as const,
        amount: 1,
        status: 'PENDING' as const
      }))
    };
    expect(clawback(input).map((a) => a.key)).toEqual(['K1', 'a', 'k1', 'k10', 'k2']);
  });
});

describe('gaps the full-module mutation run found: exact money at large magnitudes', () => {
  it('rounds a score of 10^11 and more with an exact half cent up, where x * 100 misleads', () => {
    // x * 100 as a double ends in .496 and .4375, far from the half the decimal holds.
    for (const [x, expected] of [
      [312794335041.415, 312794335041.42],
      [5217175660028.645, 5217175660028.65]
    ]) {
      const input: ScoreInput = {
        asOf: '2026-06-30',
        weights: {
          submitted: x,
          qualified: 0,
          won: 0,
          revenuePer1000: 0,
          halfLifeDays: 30,
          priorConversion: 0.5,
          priorStrength: 1,
          minMultiplier: 1,
          maxMultiplier: 1
        },
        referrals: [
          {
            advocateId: 'a',
            submittedDate: '2026-06-30',
            qualifiedDate: null,
            wonDate: null,
            wonAmount: null
          }
        ]
      };
      expect(score(input)[0].score).toBe(expected);
    }
  });

  it('pays a FLAT value with an exact half cent at 3 x 10^13 rounded up', () => {
    // 31431755035741.805 x 10^4 as a double is ...418048, two units short of the decimal's ...418050.
    expect(summary(rewardInput([rule('R', { value: 31431755035741.805 })]))).toEqual([
      'R=31431755035741.81'
    ]);
  });

  it('converts exactly where cents times the rate first passes 2^53', () => {
    // 818836295885545 * 11 = 9007199254740995 (odd, above 2^53: no double holds it);
    // / 8 = 1125899906842624.375, so D is 1125899906842624 cents, and 100% of it is paid.
    const input = rewardInput([rule('R', { calculation: 'PERCENT', value: 100 })], {
      deal: { amount: 8188362958855.45, currency: 'EUR' },
      rates: { USD: 11, EUR: 8 }
    });
    expect(summary(input)).toEqual(['R=11258999068426.24']);
  });
});

describe('gaps the full-module mutation run found: the advocate id table', () => {
  const weights = {
    submitted: 1,
    qualified: 0,
    won: 0,
    revenuePer1000: 0,
    halfLifeDays: 30,
    priorConversion: 0.5,
    priorStrength: 0,
    minMultiplier: 1,
    maxMultiplier: 1
  };
  const referral = (advocateId: string) => ({
    advocateId,
    submittedDate: '2026-06-30',
    qualifiedDate: null,
    wonDate: null,
    wonAmount: null
  });
  const counts = (ids: string[]): Record<string, number> => {
    const input: ScoreInput = { asOf: '2026-06-30', weights, referrals: ids.map(referral) };
    return Object.fromEntries(score(input).map((r) => [r.advocateId, r.submitted]));
  };

  it('finds every advocate again after the table has grown', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `adv${i}`);
    const result = counts([...ids, ...ids.slice().reverse()]);
    expect(Object.keys(result)).toHaveLength(3000);
    expect(Object.values(result).every((n) => n === 2)).toBe(true);
  });

  it('keeps ids with the same FNV-1a hash apart, short or longer than the inline part', () => {
    // Same 31-bit hash: 'adv-gwzx' and 'adv-16cd'; the two 24-character ids share their first
    // 20 characters, so only the full string comparison tells them apart.
    const long1 = 'advocate-0000000000-b4av';
    const long2 = 'advocate-0000000000-0fqe';
    expect(counts(['adv-gwzx', 'adv-16cd', 'adv-gwzx', long1, long2, long1])).toEqual({
      'adv-gwzx': 2,
      'adv-16cd': 1,
      [long1]: 2,
      [long2]: 1
    });
  });
});

describe('metrics: the advocate table', () => {
  const advocate = (id: string) => ({ id, enrolledDate: '2025-01-01' });
  const referral = (id: string, advocateId: string, won = false) => ({
    id,
    advocateId,
    submittedDate: '2026-03-01',
    won
  });

  it('names the first holder of a duplicated id, wherever it is', () => {
    const input: MetricsInput = {
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      advocates: [advocate('x'), advocate('a'), advocate('b'), advocate('a')],
      referrals: []
    };
    expect(messageOf(() => metrics(input))).toBe(
      'INVALID_INPUT: advocates[3].id duplicates the id of advocates[1] (a).'
    );
  });

  it('counts a referral of an advocate not in the list for nobody', () => {
    const input: MetricsInput = {
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      advocates: [advocate('a'), advocate('b'), advocate('c')],
      referrals: [referral('r1', 'b', true), referral('r2', 'stranger', true)]
    };
    const m = metrics(input);
    expect(m.referrals).toBe(1);
    expect(m.won).toBe(1);
    expect(m.active).toBe(1);
  });

  it('keeps counting after the table grows past 1024 advocates', () => {
    const ids = Array.from({ length: 1500 }, (_, i) => `adv${i}`);
    const input: MetricsInput = {
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      advocates: ids.map(advocate),
      referrals: ids.map((id, i) => referral(`r${i}`, id, i % 3 === 0))
    };
    const m = metrics(input);
    expect(m.enrolled).toBe(1500);
    expect(m.active).toBe(1500);
    expect(m.referrals).toBe(1500);
    expect(m.won).toBe(500);
    expect(m.referrerDistribution).toEqual({ one: 1, twoToTen: 0, elevenPlus: 0 });
  });
});

describe('reward: exchange rates', () => {
  it('checks only the rates object’s own entries, not what its prototype carries', () => {
    const rates = Object.assign(Object.create({ XXX: 0 }) as Record<string, number>, {
      USD: 1,
      EUR: 0.5
    });
    const input = rewardInput([rule('R', { calculation: 'FLAT', value: 10 })], {
      deal: { amount: 100, currency: 'EUR' },
      rates
    });
    expect(summary(input)).toEqual(['R=10']);
  });
});

describe('score: gaps the mutation run of score.ts found', () => {
  const weights = {
    submitted: 1,
    qualified: 0,
    won: 10,
    revenuePer1000: 0,
    halfLifeDays: 1000000,
    priorConversion: 0.5,
    priorStrength: 0,
    minMultiplier: 1,
    maxMultiplier: 1
  };
  const day = '2026-06-30';
  const ranking = (referrals: ScoreInput['referrals']): string[] =>
    score({ asOf: day, weights, referrals }).map((r) => `${r.rank}:${r.advocateId}`);

  it('sorts a run of equal scores by id without taking in the next, lower-scored advocate', () => {
    // c and b tie at 2 referrals; a, with the smallest id, has 1 and must stay last.
    const one = (advocateId: string) => ({
      advocateId,
      submittedDate: day,
      qualifiedDate: null,
      wonDate: null,
      wonAmount: null
    });
    expect(ranking([one('c'), one('b'), one('a'), one('c'), one('b')])).toEqual([
      '1:b',
      '1:c',
      '3:a'
    ]);
  });

  it('accepts a referral without the optional wonAmount field (counts 0)', () => {
    const referrals = [
      { advocateId: 'a', submittedDate: day, qualifiedDate: null, wonDate: day }
    ] as unknown as ScoreInput['referrals'];
    const [row] = score({ asOf: day, weights, referrals });
    expect(row.won).toBe(1);
    expect(row.score).toBe(11);
  });

  it('refuses a referral that is not an object, after valid ones', () => {
    const referrals = [
      { advocateId: 'a', submittedDate: day, qualifiedDate: null, wonDate: null, wonAmount: null },
      null
    ] as unknown as ScoreInput['referrals'];
    expect(messageOf(() => score({ asOf: day, weights, referrals }))).toMatch(
      /^INVALID_INPUT: referrals\[1\] /
    );
  });
});
