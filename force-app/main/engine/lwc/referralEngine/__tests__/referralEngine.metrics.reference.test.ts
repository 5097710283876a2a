/**
 * metrics against its definition on 300 seeded inputs (data/metricsReference.ts): every field,
 * with many ties in the bucket at the top-1% and top-10% boundaries (so the selection of the
 * smallest ids runs on buckets of every size), advocates enrolled after the period, referrals
 * outside it, referrals of advocates not in the list, runs of one advocate's referrals, ids longer
 * than the id table's inline part, and more advocates than the table's first size.
 * Deterministic and example-based, so the mutation run uses it (docs/quality.md).
 */
import { metrics } from 'c/referralEngine';
import type { MetricsInput } from 'c/referralEngine';
import { messageOf, rng } from './data/engineFixtures';
import { referenceMetrics } from './data/metricsReference';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function generated(seed: number): MetricsInput {
  const r = rng(seed);
  const pick = (n: number) => Math.floor(r() * n);
  const large = seed % 50 === 0;
  const nAdvocates = large ? 1100 + pick(400) : 1 + pick(160);
  const ids = new Set<string>();
  while (ids.size < nAdvocates) {
    const length = r() < 0.1 ? 20 + pick(10) : 1 + pick(4);
    let id = '';
    for (let i = 0; i < length; i++) id += ALPHABET[pick(ALPHABET.length)];
    ids.add(id);
  }
  const list = [...ids];
  const advocates = list.map((id) => ({
    id,
    enrolledDate: r() < 0.15 ? '2027-02-01' : r() < 0.5 ? '2026-12-31' : '2025-06-01'
  }));
  // Few distinct counts: a small pool of "busy" advocates and many with one or two referrals.
  const busy = list.slice(0, 1 + pick(Math.min(12, list.length)));
  const referrals: MetricsInput['referrals'] = [];
  const nReferrals = large ? 3000 : pick(500);
  const dates = [
    '2025-12-31',
    '2026-01-01',
    '2026-03-15',
    '2026-07-01',
    '2026-12-31',
    '2027-01-01'
  ];
  while (referrals.length < nReferrals) {
    const roll = r();
    const advocateId =
      roll < 0.05
        ? `stranger${pick(large ? 2000 : 20)}`
        : roll < 0.5
          ? busy[pick(busy.length)]
          : list[pick(list.length)];
    const run = r() < 0.2 ? 2 + pick(4) : 1;
    for (let k = 0; k < run; k++) {
      referrals.push({
        id: `r${referrals.length}`,
        advocateId,
        submittedDate: dates[pick(dates.length)],
        won: r() < 0.3
      });
    }
  }
  return { periodStart: '2026-01-01', periodEnd: '2026-12-31', advocates, referrals };
}

describe('metrics equals its definition', () => {
  it.each(Array.from({ length: 300 }, (_, i) => i + 1))('seed %i', (seed) => {
    const input = generated(seed);
    expect(metrics(input)).toEqual(referenceMetrics(input));
  });

  it('counts for each advocate only their own referrals, in a bucket of 1000 tied at the boundary', () => {
    // 1000 advocates with 3 referrals each and one with 30: the top 1% (10 advocates) is the one
    // with 30 and the 9 smallest ids of the tied 1000; won referrals differ per advocate.
    const ids = Array.from(
      { length: 1000 },
      (_, i) => `a${String((i * 7919) % 1000).padStart(4, '0')}`
    );
    const input: MetricsInput = {
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      advocates: [...ids, 'zz'].map((id) => ({ id, enrolledDate: '2025-01-01' })),
      referrals: [
        ...ids.flatMap((id, i) =>
          [0, 1, 2].map((k) => ({
            id: `${id}-${k}`,
            advocateId: id,
            submittedDate: '2026-02-02',
            won: k < i % 3
          }))
        ),
        ...Array.from({ length: 30 }, (_, k) => ({
          id: `zz-${k}`,
          advocateId: 'zz',
          submittedDate: '2026-02-02',
          won: k === 0
        }))
      ]
    };
    expect(metrics(input)).toEqual(referenceMetrics(input));
  });

  it('refuses a referral that is not an object, after valid ones', () => {
    const input = {
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      advocates: [{ id: 'a', enrolledDate: '2025-01-01' }],
      referrals: [{ id: 'r0', advocateId: 'a', submittedDate: '2026-02-02', won: false }, null]
    } as unknown as MetricsInput;
    expect(messageOf(() => metrics(input))).toMatch(/^INVALID_INPUT: referrals\[1\] /);
  });
});
