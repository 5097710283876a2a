import fc from 'fast-check';
import { metrics } from 'c/referralEngine';
import { referenceTop } from './data/metricsReference';

const round4 = (x: number): number => Math.round(x * 10000) / 10000;

const inputs = fc
  .uniqueArray(fc.stringMatching(/^[A-Za-z0-9]{1,4}$/), { minLength: 1, maxLength: 120 })
  .chain((ids) =>
    fc.record({
      advocates: fc.constant(
        ids.map((id, i) => ({ id, enrolledDate: i % 7 === 0 ? '2027-02-01' : '2025-06-01' }))
      ),
      referrals: fc.array(
        fc.record({
          // Few distinct counts, so many ties land in the boundary bucket.
          advocateId: fc.constantFrom(...ids),
          day: fc.integer({ min: 1, max: 28 }),
          month: fc.constantFrom('2025-12', '2026-03', '2026-07'),
          won: fc.boolean()
        }),
        { maxLength: 300 }
      )
    })
  )
  .map(({ advocates, referrals }) => ({
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    advocates,
    referrals: referrals.map((r, i) => ({
      id: `r${i}`,
      advocateId: r.advocateId,
      submittedDate: `${r.month}-${String(r.day).padStart(2, '0')}`,
      won: r.won
    }))
  }));

describe('metrics top shares', () => {
  it('equal the sort-based definition, ties at the boundary included', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const result = metrics(input);
        for (const [percent, share] of [
          [1, result.top1Pct],
          [10, result.top10Pct]
        ] as const) {
          const { refs, deals } = referenceTop(input, percent);
          expect(share.referralShare).toBe(
            result.referrals === 0 ? 0 : round4(refs / result.referrals)
          );
          expect(share.dealShare).toBe(result.won === 0 ? 0 : round4(deals / result.won));
        }
      }),
      { numRuns: 400 }
    );
  });
});
