import fc from 'fast-check';
import { propensity } from 'c/referralEngine';
import type { PropensityContact, PropensityRow } from 'c/referralEngine';

/**
 * Properties of `propensity` (docs/rules.md section 7) over random contacts: the score is the
 * breakdown's sum floored at 0 and never above 100, each point stays in its documented range, the
 * band follows the score, opted-out contacts are EXCLUDED with nothing, the order is score then
 * id, and more of a good signal never lowers the score.
 */

const AS_OF = '2026-06-30';

const date = fc
  .integer({ min: 0, max: 20000 })
  .map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86400000).toISOString().slice(0, 10));

const contactBody = fc
  .record({
    wonDeals: fc.nat({ max: 12 }),
    lastWonDate: fc.option(date),
    customerSince: fc.option(date),
    openCases: fc.nat({ max: 8 }),
    satisfaction: fc.option(fc.integer({ min: 0, max: 1000 }).map((n) => n / 100)),
    referrals: fc.nat({ max: 10 }),
    qualifiedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    emailEngagement: fc.option(fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000)),
    optedOut: fc.boolean()
  })
  .map(({ qualifiedShare, ...c }) => ({
    ...c,
    qualifiedReferrals: Math.floor(c.referrals * qualifiedShare)
  }));

const contacts = fc
  .uniqueArray(fc.stringMatching(/^[A-Za-z0-9]{1,4}$/), { maxLength: 40 })
  .chain((ids) =>
    fc
      .tuple(...ids.map(() => contactBody))
      .map((bodies) => bodies.map((b, i): PropensityContact => ({ id: ids[i], ...b })))
  );

const RANGES: Record<keyof PropensityRow['breakdown'], [number, number]> = {
  wonDeals: [0, 20],
  recency: [0, 15],
  tenure: [0, 10],
  openCases: [-20, 0],
  satisfaction: [-20, 20],
  referrals: [0, 20],
  engagement: [0, 15]
};

describe('propensity properties', () => {
  it('scores, bands and orders every row as documented', () => {
    fc.assert(
      fc.property(contacts, (list) => {
        const rows = propensity({ asOf: AS_OF, contacts: list });
        expect(rows.map((r) => r.id).sort()).toEqual(list.map((c) => c.id).sort());
        const byId = new Map(list.map((c) => [c.id, c]));
        rows.forEach((row, i) => {
          const points = Object.values(row.breakdown);
          for (const [key, [lo, hi]] of Object.entries(RANGES)) {
            const v = row.breakdown[key as keyof PropensityRow['breakdown']];
            expect(Number.isInteger(v) && v >= lo && v <= hi).toBe(true);
          }
          const optedOut = byId.get(row.id)!.optedOut;
          const sum = points.reduce((x, y) => x + y, 0);
          const score = optedOut ? 0 : Math.max(0, sum);
          const band = optedOut
            ? 'EXCLUDED'
            : score >= 60
              ? 'HIGH'
              : score >= 35
                ? 'MEDIUM'
                : 'LOW';
          expect(row).toEqual({
            id: row.id,
            score,
            band,
            breakdown: row.breakdown,
            reason: optedOut ? 'OPTED_OUT' : null
          });
          expect(score).toBeLessThanOrEqual(100);
          expect(!optedOut || points.every((x) => x === 0)).toBe(true);
          const prev = i > 0 ? rows[i - 1] : null;
          expect(
            prev === null ||
              prev.score > row.score ||
              (prev.score === row.score && prev.id < row.id)
          ).toBe(true);
        });
      }),
      { numRuns: 100 }
    );
  });

  it('more won deals, referrals, satisfaction or engagement never lower the score', () => {
    fc.assert(
      fc.property(contactBody, (body) => {
        const c: PropensityContact = { id: 'c', ...body, optedOut: false };
        const scoreOf = (x: PropensityContact) =>
          propensity({ asOf: AS_OF, contacts: [x] })[0].score;
        const base = scoreOf(c);
        expect(scoreOf({ ...c, wonDeals: c.wonDeals + 1 })).toBeGreaterThanOrEqual(base);
        expect(scoreOf({ ...c, referrals: c.referrals + 1 })).toBeGreaterThanOrEqual(base);
        expect(
          scoreOf({
            ...c,
            referrals: c.referrals + 1,
            qualifiedReferrals: c.qualifiedReferrals + 1
          })
        ).toBeGreaterThanOrEqual(base);
        expect(scoreOf({ ...c, openCases: c.openCases + 1 })).toBeLessThanOrEqual(base);
        const satisfaction = c.satisfaction === null ? null : Math.min(10, c.satisfaction + 0.5);
        expect(scoreOf({ ...c, satisfaction })).toBeGreaterThanOrEqual(base);
        const emailEngagement =
          c.emailEngagement === null ? null : Math.min(1, c.emailEngagement + 0.1);
        expect(scoreOf({ ...c, emailEngagement })).toBeGreaterThanOrEqual(base);
      }),
      { numRuns: 300 }
    );
  });
});
