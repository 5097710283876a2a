import fc from 'fast-check';
import { clawback, normaliseEmail, reward, score, screen } from 'c/referralEngine';
import type {
  LedgerReward,
  RewardInput,
  Rule,
  ScoreReferral,
  ScreenInput,
  Tier
} from 'c/referralEngine';

const RUNS = { numRuns: 150 };

/** Money as a number with at most 2 fraction digits. */
const money = (maxCents: number) => fc.integer({ min: 0, max: maxCents }).map((c) => c / 100);
/** Percent / value with at most 4 fraction digits. */
const value4 = (max: number) => fc.integer({ min: 0, max: max * 10000 }).map((v) => v / 10000);
const cents = (x: number) => Math.round(x * 100);

const tiersArb: fc.Arbitrary<Tier[]> = fc
  .uniqueArray(fc.integer({ min: 0, max: 10000000 }), { minLength: 0, maxLength: 3 })
  .chain((bounds) => {
    const ups: (number | null)[] = [...bounds.sort((a, b) => a - b).map((c) => c / 100), null];
    return fc.tuple(
      ...ups.map((upTo) =>
        fc.record({
          upTo: fc.constant(upTo),
          calculation: fc.constantFrom('FLAT' as const, 'PERCENT' as const),
          value: value4(50)
        })
      )
    );
  });

const ruleArb = (id: string): fc.Arbitrary<Rule> =>
  fc
    .record({
      id: fc.constant(id),
      active: fc.boolean(),
      milestone: fc.constantFrom('SUBMITTED' as const, 'QUALIFIED' as const, 'WON' as const),
      recipient: fc.constantFrom('ADVOCATE' as const, 'REFERRED' as const),
      rewardType: fc.constantFrom('CASH' as const, 'POINTS' as const),
      calculation: fc.constantFrom('FLAT' as const, 'PERCENT' as const, 'TIERED' as const),
      value: value4(1000),
      tiers: tiersArb,
      tierMode: fc.constantFrom('STEP' as const, 'MARGINAL' as const, null),
      minDealAmount: fc.option(money(2000000), { nil: null }),
      maxReward: fc.option(money(100000), { nil: null })
    })
    // a POINTS maxReward is a whole number (docs/rules.md, Numbers)
    .map((r) => {
      const whole = r.rewardType === 'POINTS' && typeof r.maxReward === 'number';
      return whole ? { ...r, maxReward: Math.floor(r.maxReward as number) } : r;
    });

const rulesArb = fc
  .uniqueArray(fc.stringMatching(/^[A-Za-z0-9]{1,4}$/), { minLength: 0, maxLength: 8 })
  .chain((ids) => fc.tuple(...ids.map(ruleArb)));

const rewardInputArb = (withCap: boolean): fc.Arbitrary<RewardInput> =>
  fc.record({
    program: fc.record({
      currency: fc.constantFrom('USD', 'EUR'),
      annualCashCapPerAdvocate: withCap ? money(500000) : fc.option(money(500000), { nil: null })
    }),
    rules: rulesArb,
    referral: fc.record({
      id: fc.constantFrom('ref1', 'ref2'),
      milestone: fc.constantFrom('SUBMITTED' as const, 'QUALIFIED' as const, 'WON' as const),
      milestoneDate: fc.constant('2026-03-01')
    }),
    deal: fc.option(
      fc.record({
        amount: fc.option(money(5000000), { nil: null }),
        currency: fc.constantFrom('USD', 'EUR', 'GBP')
      }),
      { nil: null }
    ),
    rates: fc.constant({ USD: 1, EUR: 0.92, GBP: 0.79 }),
    existingKeys: fc.constant([]),
    advocateCashYtd: money(600000)
  });

describe('reward properties', () => {
  it('never decides a negative or zero reward', () => {
    fc.assert(
      fc.property(rewardInputArb(false), (input) => {
        // floorInt makes points whole, and a POINTS maxReward is whole too
        const bad = reward(input).filter((d) => {
          if (d.rewardType === 'CASH') {
            return !(d.amount > 0);
          }
          return !(d.points > 0) || !Number.isInteger(d.points);
        });
        expect(bad).toEqual([]);
      }),
      RUNS
    );
  });

  it('never exceeds maxReward', () => {
    fc.assert(
      fc.property(rewardInputArb(true), (input) => {
        const byId = new Map(input.rules.map((r) => [r.id, r]));
        const over = reward(input).filter((d) => {
          const max = (byId.get(d.ruleId) as Rule).maxReward;
          const v = d.rewardType === 'CASH' ? d.amount : d.points;
          return max !== null && max !== undefined && cents(v) > cents(max);
        });
        expect(over).toEqual([]);
      }),
      RUNS
    );
  });

  it('never pays an advocate more cash than the annual cap over any sequence of calls', () => {
    fc.assert(
      fc.property(
        money(300000),
        fc.array(rewardInputArb(true), { minLength: 1, maxLength: 6 }),
        (cap, calls) => {
          let ytd = 0; // cents
          calls.forEach((call, i) => {
            const input: RewardInput = {
              ...call,
              program: { currency: 'USD', annualCashCapPerAdvocate: cap },
              referral: { ...call.referral, id: `ref${i}` },
              advocateCashYtd: ytd / 100
            };
            for (const d of reward(input)) {
              if (d.rewardType === 'CASH' && d.recipient === 'ADVOCATE') {
                ytd += cents(d.amount);
              }
            }
            expect(ytd).toBeLessThanOrEqual(cents(cap));
          });
        }
      ),
      RUNS
    );
  });
});

describe('clawback properties', () => {
  const ledgerArb = fc
    .uniqueArray(fc.stringMatching(/^[a-z0-9:]{1,8}$/), { minLength: 0, maxLength: 10 })
    .chain((keys) =>
      fc.tuple(
        ...keys.map((key) =>
          fc.record({
            key: fc.constant(key),
            milestone: fc.constantFrom('SUBMITTED' as const, 'QUALIFIED' as const, 'WON' as const),
            rewardType: fc.constant('CASH' as const),
            status: fc.constantFrom(
              'PENDING' as const,
              'APPROVED' as const,
              'ISSUED' as const,
              'CANCELLED' as const,
              'REVERSED' as const
            ),
            amount: money(100000)
          })
        )
      )
    );

  it('is idempotent: a clawback of a clawback is empty', () => {
    fc.assert(
      fc.property(ledgerArb, fc.integer({ min: 0, max: 120 }), (ledger, days) => {
        const input = {
          program: { clawbackDays: 90 },
          wonDate: '2026-01-01',
          reversalDate: `2026-${String(1 + Math.floor(days / 31)).padStart(2, '0')}-${String(1 + (days % 28)).padStart(2, '0')}`,
          rewards: ledger as LedgerReward[]
        };
        const actions = clawback(input);
        const after: LedgerReward[] = input.rewards.map((r) => {
          const a = actions.find((x) => x.key === r.key);
          if (a === undefined) {
            return r;
          }
          return { ...r, status: a.action === 'CANCEL' ? 'CANCELLED' : 'REVERSED' };
        });
        expect(clawback({ ...input, rewards: after })).toEqual([]);
        // sorted by key, one action per key, only WON rewards
        const keys = actions.map((a) => a.key);
        expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        expect(new Set(keys).size).toBe(keys.length);
      }),
      RUNS
    );
  });
});

describe('score properties', () => {
  const dateArb = fc.integer({ min: 0, max: 500 }).map((n) => {
    const d = new Date(Date.UTC(2025, 0, 1 + n));
    return d.toISOString().slice(0, 10);
  });
  const referralArb: fc.Arbitrary<ScoreReferral> = fc.record({
    advocateId: fc.constantFrom('a', 'b', 'B', 'c10', 'c9', 'd'),
    submittedDate: dateArb,
    qualifiedDate: fc.option(dateArb, { nil: null }),
    wonDate: fc.option(dateArb, { nil: null }),
    wonAmount: fc.option(money(10000000), { nil: null })
  });

  it('ranks a permutation of the advocates with competition ranks', () => {
    fc.assert(
      fc.property(fc.array(referralArb, { maxLength: 30 }), (referrals) => {
        const rows = score({
          asOf: '2026-03-01',
          weights: {
            submitted: 1,
            qualified: 3,
            won: 10,
            revenuePer1000: 1,
            halfLifeDays: 180,
            priorConversion: 0.13,
            priorStrength: 10,
            minMultiplier: 0.5,
            maxMultiplier: 2
          },
          referrals
        });
        const ids = rows.map((r) => r.advocateId);
        expect([...ids].sort()).toEqual([...new Set(referrals.map((r) => r.advocateId))].sort());
        const ranks: number[] = [];
        rows.forEach((row, i) =>
          ranks.push(i > 0 && row.score === rows[i - 1].score ? ranks[i - 1] : i + 1)
        );
        expect(rows.map((r) => r.rank)).toEqual(ranks);
        const outOfOrder = rows.slice(1).filter((row, i) => {
          const prev = rows[i];
          if (row.score !== prev.score) {
            return row.score > prev.score;
          }
          if (row.won !== prev.won) {
            return row.won > prev.won;
          }
          return !(prev.advocateId < row.advocateId);
        });
        expect(outOfOrder).toEqual([]);
      }),
      RUNS
    );
  });
});

describe('screen properties', () => {
  const emailArb = fc
    .tuple(
      fc.constantFrom('lee', 'Lee', ' kim', 'pat', '', 'a b'),
      fc.constantFrom('', '+x', '+promo'),
      fc.constantFrom('@globex.com', '@GLOBEX.com ', '@acme.com', '@mail.example.org', '@x', '')
    )
    .map(([l, t, d]) => l + t + d);
  const inputArb: fc.Arbitrary<ScreenInput> = fc.record({
    today: fc.constant('2026-05-01'),
    program: fc.record({
      duplicateWindowDays: fc.integer({ min: 0, max: 400 }),
      blockedDomains: fc.subarray(['example.org', 'mailinator.com'])
    }),
    advocate: fc.record({
      email: fc.option(emailArb, { nil: null }),
      accountId: fc.option(fc.constantFrom('001A', '001B'), { nil: null })
    }),
    referred: fc.record({ email: emailArb }),
    existing: fc.record({
      contacts: fc.array(
        fc.record({
          id: fc.uuid(),
          email: fc.option(emailArb, { nil: null }),
          accountId: fc.option(fc.constantFrom('001A', '001B', '001C'), { nil: null }),
          accountHasOpenOpportunity: fc.boolean()
        }),
        { maxLength: 4 }
      ),
      leads: fc.array(
        fc.record({
          id: fc.uuid(),
          email: fc.option(emailArb, { nil: null }),
          isConverted: fc.boolean()
        }),
        { maxLength: 4 }
      ),
      referrals: fc.array(
        fc.record({
          id: fc.uuid(),
          email: fc.option(emailArb, { nil: null }),
          submittedDate: fc.constantFrom('2025-01-01', '2025-05-01', '2026-04-01', '2026-06-01'),
          status: fc.constantFrom('SUBMITTED', 'REJECTED', 'WON')
        }),
        { maxLength: 4 }
      )
    })
  });

  /** The id the spec says must fire for `reason`: the first matching record in input order. */
  function firstMatch(input: ScreenInput, reason: string | null): string | null {
    const e = normaliseEmail(input.referred.email);
    const same = (x: string | null) => x !== null && normaliseEmail(x) === e;
    const ex = input.existing ?? {};
    const contacts = ex.contacts ?? [];
    const today = Date.parse(input.today);
    switch (reason) {
      case 'SELF_REFERRAL':
        if (input.advocate.email !== null && normaliseEmail(input.advocate.email) === e) {
          return null;
        }
        return (
          contacts.find(
            (c) => same(c.email) && c.accountId !== null && c.accountId === input.advocate.accountId
          )?.id ?? null
        );
      case 'DUPLICATE_REFERRAL':
        return (
          (ex.referrals ?? []).find(
            (r) =>
              same(r.email) &&
              r.status !== 'REJECTED' &&
              (today - Date.parse(r.submittedDate)) / 86400000 <= input.program.duplicateWindowDays
          )?.id ?? null
        );
      case 'EXISTING_OPPORTUNITY':
        return (
          contacts.find((c) => same(c.email) && c.accountHasOpenOpportunity === true)?.id ?? null
        );
      case 'EXISTING_CONTACT':
        return contacts.find((c) => same(c.email))?.id ?? null;
      case 'EXISTING_LEAD':
        return (ex.leads ?? []).find((l) => same(l.email) && l.isConverted !== true)?.id ?? null;
      default:
        return null;
    }
  }

  it('is deterministic, and order-sensitive only through the first match in input order', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const first = screen(input);
        expect(screen(input)).toEqual(first);
        expect(first.matchId).toBe(firstMatch(input, first.reason));
        // shuffle every list: the verdict and reason stay; matchId follows the first match
        const shuffle = <T>(xs: T[] | undefined): T[] => {
          const out = [...(xs ?? [])];
          let s = seed + 1;
          for (let i = out.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2147483648;
            const j = s % (i + 1);
            [out[i], out[j]] = [out[j], out[i]];
          }
          return out;
        };
        const shuffled: ScreenInput = {
          ...input,
          program: {
            ...input.program,
            blockedDomains: shuffle(input.program.blockedDomains ?? [])
          },
          existing: {
            contacts: shuffle(input.existing?.contacts),
            leads: shuffle(input.existing?.leads),
            referrals: shuffle(input.existing?.referrals)
          }
        };
        const second = screen(shuffled);
        expect([second.verdict, second.reason]).toEqual([first.verdict, first.reason]);
        expect(second.matchId).toBe(firstMatch(shuffled, second.reason));
      }),
      { numRuns: 300 }
    );
  });
});
