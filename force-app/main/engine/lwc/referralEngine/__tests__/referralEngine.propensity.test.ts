/**
 * Unit tests of `propensity` (docs/rules.md section 7), written against mutants: every weight, cap
 * and band edge is pinned on both sides, every rounding tie both ways, every validation message
 * in full, and the order by score and by id.
 */
import { propensity } from 'c/referralEngine';
import type { PropensityContact, PropensityInput, PropensityRow } from 'c/referralEngine';
import { messageOf } from './data/engineFixtures';

const AS_OF = '2026-06-30';

/** A contact with no signal: every point 0. */
function contact(over: Partial<PropensityContact> = {}): PropensityContact {
  return {
    id: 'c',
    wonDeals: 0,
    lastWonDate: null,
    customerSince: null,
    openCases: 0,
    satisfaction: null,
    referrals: 0,
    qualifiedReferrals: 0,
    emailEngagement: null,
    optedOut: false,
    ...over
  };
}

function run(contacts: PropensityContact[], asOf = AS_OF): PropensityRow[] {
  return propensity({ asOf, contacts });
}

/** The one row of a one-contact input. */
function one(over: Partial<PropensityContact>, asOf = AS_OF): PropensityRow {
  const rows = run([contact(over)], asOf);
  expect(rows).toHaveLength(1);
  return rows[0];
}

/** The date `days` days before AS_OF (negative: after). */
function daysBefore(days: number): string {
  const d = new Date(Date.UTC(2026, 5, 30) - days * 86400000);
  return d.toISOString().slice(0, 10);
}

/** The error message of propensity over a raw input. */
function problem(input: unknown): string {
  return messageOf(() => propensity(input as PropensityInput));
}

/** The error message with contacts [c] where c is the blank contact changed by `over`. */
function problemWith(over: Record<string, unknown>): string {
  return problem({ asOf: AS_OF, contacts: [{ ...contact(), ...over }] });
}

describe('propensity: the docs/rules.md example', () => {
  it('scores 57, MEDIUM, with the documented breakdown', () => {
    expect(
      one({
        id: '003A',
        wonDeals: 2,
        lastWonDate: '2026-01-01',
        customerSince: '2023-06-30',
        openCases: 1,
        satisfaction: 9,
        referrals: 1,
        qualifiedReferrals: 1,
        emailEngagement: 0.4
      })
    ).toEqual({
      id: '003A',
      score: 57,
      band: 'MEDIUM',
      breakdown: {
        wonDeals: 10,
        recency: 13,
        tenure: 6,
        openCases: -4,
        satisfaction: 16,
        referrals: 10,
        engagement: 6
      },
      reason: null
    });
  });

  it('a contact without signals scores 0, LOW, every point +0 (never -0)', () => {
    const row = one({});
    expect(row).toEqual({
      id: 'c',
      score: 0,
      band: 'LOW',
      breakdown: {
        wonDeals: 0,
        recency: 0,
        tenure: 0,
        openCases: 0,
        satisfaction: 0,
        referrals: 0,
        engagement: 0
      },
      reason: null
    });
    for (const v of [row.score, ...Object.values(row.breakdown)]) {
      expect(Object.is(v, 0)).toBe(true);
    }
    expect(Object.is(one({ satisfaction: 5 }).breakdown.satisfaction, 0)).toBe(true);
    expect(Object.is(one({ satisfaction: 4.9 }).breakdown.satisfaction, 0)).toBe(true);
  });

  it('an empty list gives an empty list', () => {
    expect(run([])).toEqual([]);
  });
});

describe('propensity: points per signal', () => {
  it.each([
    [0, 0],
    [1, 5],
    [2, 10],
    [3, 15],
    [4, 20],
    [5, 20],
    [2147483647, 20]
  ])('wonDeals %d gives %d', (wonDeals, points) => {
    expect(one({ wonDeals }).breakdown.wonDeals).toBe(points);
    expect(one({ wonDeals }).score).toBe(points);
  });

  it.each([
    [-400, 15],
    [0, 15],
    [90, 15],
    [91, 15],
    [133, 14],
    [410, 8],
    [411, 7],
    [666, 2],
    [667, 1],
    [687, 1],
    [708, 1],
    [709, 0],
    [729, 0],
    [730, 0],
    [800, 0],
    [20000, 0]
  ])('a last win %d days before asOf gives %d recency points', (days, points) => {
    expect(one({ lastWonDate: daysBefore(days) }).breakdown.recency).toBe(points);
  });

  it('recency is 0 without a last win, whatever wonDeals says', () => {
    expect(one({ lastWonDate: null, wonDeals: 1 }).breakdown.recency).toBe(0);
    expect(one({ lastWonDate: AS_OF, wonDeals: 0 }).breakdown.recency).toBe(15);
  });

  it.each([
    [-400, 0],
    [-30, 0],
    [0, 0],
    [91, 0],
    [92, 1],
    [365, 2],
    [1642, 9],
    [1733, 9],
    [1734, 10],
    [1825, 10],
    [1826, 10],
    [40000, 10]
  ])('customerSince %d days before asOf gives %d tenure points', (days, points) => {
    expect(one({ customerSince: daysBefore(days) }).breakdown.tenure).toBe(points);
  });

  it('tenure is 0 without customerSince', () => {
    expect(one({ customerSince: null, wonDeals: 1 }).breakdown.tenure).toBe(0);
  });

  it.each([
    [0, 0],
    [1, -4],
    [4, -16],
    [5, -20],
    [6, -20],
    [2147483647, -20]
  ])('openCases %d gives %d', (openCases, points) => {
    expect(one({ openCases, wonDeals: 4 }).breakdown.openCases).toBe(points);
    expect(one({ openCases, wonDeals: 4 }).score).toBe(20 + points);
  });

  it.each([
    [0, -20],
    [2.5, -10],
    [4.375, -3],
    [4.625, -2],
    [4.875, -1],
    [4.876, 0],
    [5, 0],
    [5.12, 0],
    [5.125, 1],
    [6.999, 8],
    [7.37, 9],
    [8.625, 15],
    [9, 16],
    [9.75, 19],
    [10, 20]
  ])('satisfaction %d gives %d (ties away from zero)', (satisfaction, points) => {
    expect(one({ satisfaction, wonDeals: 4 }).breakdown.satisfaction).toBe(points);
  });

  it('satisfaction null counts 0', () => {
    expect(one({ satisfaction: null, wonDeals: 1 }).breakdown.satisfaction).toBe(0);
  });

  it.each([
    [0, 0, 0],
    [1, 0, 3],
    [1, 1, 10],
    [2, 1, 13],
    [3, 0, 9],
    [6, 0, 18],
    [7, 0, 20],
    [2, 2, 20],
    [3, 3, 20],
    [2147483647, 2147483647, 20]
  ])('referrals %d, qualified %d give %d', (referrals, qualifiedReferrals, points) => {
    expect(one({ referrals, qualifiedReferrals }).breakdown.referrals).toBe(points);
  });

  it.each([
    [0, 0],
    [0.03, 0],
    [0.0333333333333333, 0],
    [0.04, 1],
    [0.1, 2],
    [1 / 3, 5],
    [0.4, 6],
    [0.5, 8],
    [0.7, 11],
    [0.9, 14],
    [1, 15]
  ])('emailEngagement %d gives %d (exact decimal, 0.7 x 15 = 10.5)', (emailEngagement, points) => {
    expect(one({ emailEngagement }).breakdown.engagement).toBe(points);
  });

  it('emailEngagement null counts 0', () => {
    expect(one({ emailEngagement: null, wonDeals: 1 }).breakdown.engagement).toBe(0);
  });

  it('a date with no leap day and one with a leap day in between', () => {
    // 2023-07-01 to 2025-06-30 is 730 days across 2024-02-29: no recency left.
    expect(one({ lastWonDate: '2023-07-01' }, '2025-06-30').breakdown.recency).toBe(0);
    expect(one({ lastWonDate: '2023-07-02' }, '2025-06-30').breakdown.recency).toBe(0);
    expect(one({ lastWonDate: '2023-08-12' }, '2025-06-30').breakdown.recency).toBe(1);
  });
});

describe('propensity: score and band', () => {
  it('the score is the sum of every signal', () => {
    const row = one({
      wonDeals: 1,
      lastWonDate: daysBefore(410),
      customerSince: daysBefore(365),
      openCases: 1,
      satisfaction: 7,
      referrals: 2,
      qualifiedReferrals: 1,
      emailEngagement: 0.2
    });
    expect(row.breakdown).toEqual({
      wonDeals: 5,
      recency: 8,
      tenure: 2,
      openCases: -4,
      satisfaction: 8,
      referrals: 13,
      engagement: 3
    });
    expect(row.score).toBe(35);
    expect(row.band).toBe('MEDIUM');
  });

  it('every signal at its best scores 100', () => {
    const row = one({
      wonDeals: 4,
      lastWonDate: AS_OF,
      customerSince: '2020-01-01',
      satisfaction: 10,
      referrals: 2,
      qualifiedReferrals: 2,
      emailEngagement: 1
    });
    expect(row.score).toBe(100);
    expect(row.band).toBe('HIGH');
  });

  it('a negative sum is floored at 0 while the breakdown keeps the points', () => {
    const row = one({ wonDeals: 1, openCases: 2 });
    expect(row.score).toBe(0);
    expect(row.band).toBe('LOW');
    expect(row.breakdown.wonDeals).toBe(5);
    expect(row.breakdown.openCases).toBe(-8);
    expect(one({ satisfaction: 0, wonDeals: 4 }).score).toBe(0);
    expect(one({ satisfaction: 0, wonDeals: 4, emailEngagement: 0.1 }).score).toBe(2);
  });

  it.each([
    [{ wonDeals: 4, referrals: 2, qualifiedReferrals: 2, satisfaction: 10 }, 60, 'HIGH'],
    [{ wonDeals: 4, referrals: 2, qualifiedReferrals: 2, satisfaction: 9.75 }, 59, 'MEDIUM'],
    [{ wonDeals: 3, satisfaction: 10 }, 35, 'MEDIUM'],
    [{ wonDeals: 3, satisfaction: 9.75 }, 34, 'LOW'],
    [{ emailEngagement: 0.04 }, 1, 'LOW']
  ])('%j scores %d, %s', (over, score, band) => {
    const row = one(over);
    expect(row.score).toBe(score);
    expect(row.band).toBe(band);
  });

  it('an opted-out contact is EXCLUDED with score 0, every point 0, reason OPTED_OUT', () => {
    const rows = run([
      contact({ id: 'a', optedOut: true, wonDeals: 4, satisfaction: 10 }),
      contact({ id: 'b', optedOut: true })
    ]);
    for (const row of rows) {
      expect(row).toEqual({
        id: row.id,
        score: 0,
        band: 'EXCLUDED',
        breakdown: {
          wonDeals: 0,
          recency: 0,
          tenure: 0,
          openCases: 0,
          satisfaction: 0,
          referrals: 0,
          engagement: 0
        },
        reason: 'OPTED_OUT'
      });
    }
    // Each row has its own breakdown object.
    rows[0].breakdown.wonDeals = 7;
    expect(rows[1].breakdown.wonDeals).toBe(0);
    expect(one({ optedOut: true }).breakdown.wonDeals).toBe(0);
  });
});

describe('propensity: order', () => {
  it('sorts by score descending, then id ascending by code unit', () => {
    const rows = run([
      contact({ id: 'b', wonDeals: 1 }),
      contact({ id: 'a', wonDeals: 1 }),
      contact({ id: 'Z', wonDeals: 1 }),
      contact({ id: 'a1', wonDeals: 2 }),
      contact({ id: 'A', wonDeals: 1 }),
      contact({ id: 'low' })
    ]);
    expect(rows.map((r) => `${r.id}:${r.score}`)).toEqual([
      'a1:10',
      'A:5',
      'Z:5',
      'a:5',
      'b:5',
      'low:0'
    ]);
  });

  it('sorts opted-out rows among the rows of score 0 by id', () => {
    const rows = run([
      contact({ id: 'm', optedOut: true }),
      contact({ id: 'z' }),
      contact({ id: 'a', optedOut: true, wonDeals: 4 }),
      contact({ id: 'b', wonDeals: 1 })
    ]);
    expect(rows.map((r) => `${r.id}:${r.band}`)).toEqual([
      'b:LOW',
      'a:EXCLUDED',
      'm:EXCLUDED',
      'z:LOW'
    ]);
  });

  it('a higher score comes first whatever the input order', () => {
    const low = contact({ id: 'a', wonDeals: 1 });
    const high = contact({ id: 'b', wonDeals: 2 });
    expect(run([low, high]).map((r) => r.id)).toEqual(['b', 'a']);
    expect(run([high, low]).map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('ids that differ only in case are two contacts', () => {
    expect(
      run([contact({ id: 'abc', wonDeals: 1 }), contact({ id: 'ABC', wonDeals: 1 })]).map(
        (r) => r.id
      )
    ).toEqual(['ABC', 'abc']);
  });

  it('ignores unknown fields and reads absent nullable fields as null', () => {
    const input = {
      asOf: AS_OF,
      contacts: [
        {
          id: 'a',
          wonDeals: 1,
          openCases: 0,
          referrals: 0,
          qualifiedReferrals: 0,
          optedOut: false
        },
        { ...contact({ id: 'b', wonDeals: 1 }), accountId: '001' }
      ]
    };
    expect(propensity(input as PropensityInput).map((r) => `${r.id}:${r.score}`)).toEqual([
      'a:5',
      'b:5'
    ]);
  });

  it('does not change its input', () => {
    const contacts = [contact({ id: 'b' }), contact({ id: 'a', wonDeals: 1 })];
    const copy = JSON.parse(JSON.stringify(contacts)) as PropensityContact[];
    run(contacts);
    expect(contacts).toEqual(copy);
  });
});

describe('propensity: validation (INVALID_INPUT, the field path first)', () => {
  it.each<[string, unknown, string]>([
    ['the input', null, 'input must be an object.'],
    ['the input', [], 'input must be an object.'],
    ['asOf', { contacts: [] }, 'asOf is required.'],
    ['asOf', { asOf: '2026-02-30', contacts: [] }, 'asOf must be a calendar date YYYY-MM-DD.'],
    ['contacts', { asOf: AS_OF }, 'contacts is required.'],
    ['contacts', { asOf: AS_OF, contacts: null }, 'contacts is required.'],
    ['contacts', { asOf: AS_OF, contacts: {} }, 'contacts must be a list.'],
    ['a contact', { asOf: AS_OF, contacts: [contact(), null] }, 'contacts[1] is required.'],
    ['a contact', { asOf: AS_OF, contacts: ['x'] }, 'contacts[0] must be an object.']
  ])('%s: %j', (_what, input, message) => {
    expect(problem(input)).toBe(`INVALID_INPUT: ${message}`);
  });

  it.each<[Record<string, unknown>, string]>([
    [{ id: undefined }, 'contacts[0].id is required.'],
    [{ id: 7 }, 'contacts[0].id must be a string.'],
    [{ id: '' }, 'contacts[0].id must not be empty.'],
    [{ wonDeals: undefined }, 'contacts[0].wonDeals is required.'],
    [{ wonDeals: null }, 'contacts[0].wonDeals is required.'],
    [{ wonDeals: -1 }, 'contacts[0].wonDeals must not be negative.'],
    [{ wonDeals: '1' }, 'contacts[0].wonDeals must be a number.'],
    [{ wonDeals: NaN }, 'contacts[0].wonDeals must be a number.'],
    [{ wonDeals: Infinity }, 'contacts[0].wonDeals must be a number.'],
    [{ wonDeals: 1.5 }, 'contacts[0].wonDeals must be a whole number up to 2147483647.'],
    [{ wonDeals: 2147483648 }, 'contacts[0].wonDeals must be a whole number up to 2147483647.'],
    [{ openCases: -1 }, 'contacts[0].openCases must not be negative.'],
    [{ openCases: 0.5 }, 'contacts[0].openCases must be a whole number up to 2147483647.'],
    [{ referrals: undefined }, 'contacts[0].referrals is required.'],
    [{ referrals: 2.5 }, 'contacts[0].referrals must be a whole number up to 2147483647.'],
    [{ qualifiedReferrals: null }, 'contacts[0].qualifiedReferrals is required.'],
    [
      { referrals: 3, qualifiedReferrals: 2.5 },
      'contacts[0].qualifiedReferrals must be a whole number up to 2147483647.'
    ],
    [
      { referrals: 1, qualifiedReferrals: 2 },
      'contacts[0].qualifiedReferrals must not be greater than referrals.'
    ],
    [
      { lastWonDate: '2025-02-29' },
      'contacts[0].lastWonDate must be a calendar date YYYY-MM-DD or null.'
    ],
    [
      { customerSince: 20250101 },
      'contacts[0].customerSince must be a calendar date YYYY-MM-DD or null.'
    ],
    [{ satisfaction: -0.5 }, 'contacts[0].satisfaction must not be negative.'],
    [{ satisfaction: 10.01 }, 'contacts[0].satisfaction must be at most 10.'],
    [{ satisfaction: '9' }, 'contacts[0].satisfaction must be a number.'],
    [{ emailEngagement: 1.01 }, 'contacts[0].emailEngagement must be at most 1.'],
    [{ emailEngagement: -0.1 }, 'contacts[0].emailEngagement must not be negative.'],
    [{ optedOut: undefined }, 'contacts[0].optedOut is required.'],
    [{ optedOut: null }, 'contacts[0].optedOut is required.'],
    [{ optedOut: 'false' }, 'contacts[0].optedOut must be true or false.']
  ])('%j: %s', (over, message) => {
    expect(problemWith(over)).toBe(`INVALID_INPUT: ${message}`);
  });

  it('names a duplicate id by both positions', () => {
    expect(
      problem({
        asOf: AS_OF,
        contacts: [contact({ id: 'x' }), contact({ id: 'y' }), contact({ id: 'x' })]
      })
    ).toBe('INVALID_INPUT: contacts[2].id duplicates the id of contacts[0] (x).');
  });

  it('names the contact at fault after valid ones, and validates opted-out contacts', () => {
    expect(
      problem({
        asOf: AS_OF,
        contacts: [contact({ id: 'a' }), contact({ id: 'b', openCases: -2 })]
      })
    ).toBe('INVALID_INPUT: contacts[1].openCases must not be negative.');
    expect(problemWith({ optedOut: true, satisfaction: 11 })).toBe(
      'INVALID_INPUT: contacts[0].satisfaction must be at most 10.'
    );
  });

  it('accepts every limit', () => {
    const row = one({
      wonDeals: 2147483647,
      openCases: 2147483647,
      referrals: 2147483647,
      qualifiedReferrals: 2147483647,
      satisfaction: 10,
      emailEngagement: 1
    });
    expect(row.score).toBe(55);
    expect(one({ referrals: 2, qualifiedReferrals: 2 }).breakdown.referrals).toBe(20);
    expect(one({ satisfaction: 0, emailEngagement: 0 }).breakdown.satisfaction).toBe(-20);
  });
});
