import fc from 'fast-check';
import { metrics } from 'c/referralEngine';
import type { MetricsInput } from 'c/referralEngine';

/**
 * The top-1% / top-10% shares by the docs/rules.md definition, computed the obvious way: sort every
 * enrolled advocate by counted referrals (descending), ties by id ascending, no-referral
 * advocates last, and sum the first ceil(enrolled * p%). The engine selects without sorting.
 */
function referenceTop(input: MetricsInput, percent: number): { refs: number; deals: number } {
  const enrolled = input.advocates
    .filter((a) => a.enrolledDate <= input.periodEnd)
    .map((a) => a.id);
  const enrolledSet = new Set(enrolled);
  const count = new Map<string, number>(enrolled.map((id) => [id, 0]));
  const won = new Map<string, number>(enrolled.map((id) => [id, 0]));
  for (const r of input.referrals) {
    if (!enrolledSet.has(r.advocateId)) continue;
    if (r.submittedDate < input.periodStart || r.submittedDate > input.periodEnd) continue;
    count.set(r.advocateId, count.get(r.advocateId)! + 1);
    if (r.won) won.set(r.advocateId, won.get(r.advocateId)! + 1);
  }
  const order = [...enrolled].sort((x, y) => {
    const d = count.get(y)! - count.get(x)!;
    return d !== 0 ? d : x < y ? -1 : x > y ? 1 : 0;
  });
  const n = Math.ceil((enrolled.length * percent) / 100);
  let refs = 0;
  let deals = 0;
  for (const id of order.slice(0, n)) {
    refs += count.get(id)!;
    deals += won.get(id)!;
  }
  return { refs, deals };
}

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
