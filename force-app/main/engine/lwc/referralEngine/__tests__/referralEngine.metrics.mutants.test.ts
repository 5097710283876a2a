/**
 * Gaps the mutation run of metrics.ts found (docs/quality.md, "Mutation testing"). Expected values
 * are worked out by hand from docs/rules.md section 6.
 */
import { metrics } from 'c/referralEngine';
import type { MetricsInput } from 'c/referralEngine';

describe('metrics: referrals of advocates not in the list', () => {
  const referral = (id: string, advocateId: string, won: boolean) => ({
    id,
    advocateId,
    submittedDate: '2026-03-01',
    won
  });

  // The look-up of a referral's advocate must never add it to the advocate table: 1,100
  // strangers would take the table past its first size (1024 entries), where their entries
  // hold no "enrolled" mark at all, and their referrals would be counted.
  it('counts none of the referrals of 1,100 distinct strangers, only the enrolled advocate’s', () => {
    const strangers = Array.from({ length: 1100 }, (_, i) =>
      referral(`s${i}`, `stranger${i}`, i % 2 === 0)
    );
    const input: MetricsInput = {
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      advocates: [{ id: 'a', enrolledDate: '2025-01-01' }],
      referrals: [...strangers, referral('r1', 'a', true)]
    };
    // One enrolled advocate, one counted referral, won: every ratio is 1, both top sets are {a}.
    expect(metrics(input)).toEqual({
      enrolled: 1,
      active: 1,
      activeRate: 1,
      referrals: 1,
      referralsPerAdvocate: 1,
      won: 1,
      conversionRate: 1,
      referrerDistribution: { one: 1, twoToTen: 0, elevenPlus: 0 },
      top1Pct: { referralShare: 1, dealShare: 1 },
      top10Pct: { referralShare: 1, dealShare: 1 }
    });
  });

  it('counts none of them when no advocate is enrolled at all', () => {
    const input: MetricsInput = {
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      advocates: [],
      referrals: Array.from({ length: 1100 }, (_, i) => referral(`s${i}`, `stranger${i}`, true))
    };
    const m = metrics(input);
    expect([m.enrolled, m.active, m.referrals, m.won, m.conversionRate]).toEqual([0, 0, 0, 0, 0]);
  });
});
