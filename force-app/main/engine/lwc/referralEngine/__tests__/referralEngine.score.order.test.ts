/**
 * `score` (docs/rules.md section 3) on inputs shaped by how the engine works inside: referrals
 * taken in blocks, leaderboard ties of every length (short runs sorted by insertion, long ones
 * merged), ids of every shape. Expected orders come from a plain comparison sort written here.
 */
import { score } from 'c/referralEngine';
import type { ScoreInput, ScoreRow } from 'c/referralEngine';
import { messageOf, rng } from './data/engineFixtures';

const AS_OF = '2026-06-30';
type Referral = ScoreInput['referrals'][number];

/** Weights under which a referral submitted on AS_OF scores exactly 1 (no decay, multiplier 1). */
const COUNTING = {
  submitted: 1,
  qualified: 0,
  won: 0,
  revenuePer1000: 0,
  halfLifeDays: 180,
  priorConversion: 0.5,
  priorStrength: 1,
  minMultiplier: 1,
  maxMultiplier: 1
};

/** Decaying weights with every term in play: sums that depend on the order of additions. */
const DECAYING = {
  submitted: 1.1,
  qualified: 3.3,
  won: 10.7,
  revenuePer1000: 0.37,
  halfLifeDays: 97,
  priorConversion: 0.13,
  priorStrength: 10,
  minMultiplier: 0.5,
  maxMultiplier: 2
};

function submitted(advocateId: string, submittedDate = AS_OF): Referral {
  return { advocateId, submittedDate, qualifiedDate: null, wonDate: null, wonAmount: null };
}

function shuffle<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/** Ordinal (UTF-16 code unit) order, as docs/rules.md orders advocate ids. */
/** Scores one submitted referral per id, in an order shuffled with `seed`, at counting weights. */
function scoreOnePerId(ids: string[], seed: number): ScoreRow[] {
  return score({
    asOf: AS_OF,
    weights: COUNTING,
    referrals: shuffle(
      ids.map((id) => submitted(id)),
      rng(seed)
    )
  });
}

const ordinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Ids of every shape: 1 to 40 code units, shared prefixes, upper and lower case, non-ASCII. */
function idMaker(random: () => number): () => string {
  const alphabet = [
    'a',
    'b',
    'A',
    'Z',
    '0',
    '9',
    '-',
    'é',
    'ß',
    '\u00ff',
    '\ud83d\ude00',
    '\uffff'
  ];
  const prefixes = ['', 'adv', 'adv-0000000000000000', 'ADV', 'a'];
  const seen = new Set<string>();
  return () => {
    for (;;) {
      let id = prefixes[Math.floor(random() * prefixes.length)];
      const length = 1 + Math.floor(random() * 24);
      for (let k = 0; k < length; k++) {
        id += alphabet[Math.floor(random() * alphabet.length)];
      }
      if (!seen.has(id)) {
        seen.add(id);
        return id;
      }
    }
  };
}

/** Leaderboard order and competition ranks by a plain comparison sort of the rows. */
function expectLeaderboardOrder(rows: ScoreRow[]): void {
  const sorted = rows
    .slice()
    .sort((x, y) => y.score - x.score || y.won - x.won || ordinal(x.advocateId, y.advocateId));
  expect(rows.map((r) => r.advocateId)).toEqual(sorted.map((r) => r.advocateId));
  rows.forEach((row, i) => {
    expect(row.rank).toBe(i > 0 && row.score === rows[i - 1].score ? rows[i - 1].rank : i + 1);
  });
}

describe('score: leaderboard ties of every length', () => {
  // Group g holds `lengths[g]` advocates with g + 1 referrals each: every advocate of the group
  // scores exactly g + 1, so each group is one run of equal score and won, to be ordered by id.
  const lengths = [1, 2, 3, 15, 16, 17, 31, 32, 33, 47, 48, 49, 64, 65, 100, 129, 257, 300];

  it('orders each run by id, ordinally, whatever its length', () => {
    const random = rng(20261205);
    const nextId = idMaker(random);
    const groups = lengths.map((length) => Array.from({ length }, nextId));
    const referrals: Referral[] = [];
    groups.forEach((ids, g) => {
      for (const id of ids) {
        for (let k = 0; k <= g; k++) {
          referrals.push(submitted(id));
        }
      }
    });
    const rows = score({ asOf: AS_OF, weights: COUNTING, referrals: shuffle(referrals, random) });

    const expected: string[] = [];
    for (let g = groups.length - 1; g >= 0; g--) {
      expected.push(...groups[g].slice().sort(ordinal));
    }
    expect(rows.map((r) => r.advocateId)).toEqual(expected);
    let first = 0;
    for (let g = groups.length - 1; g >= 0; g--) {
      const run = rows.slice(first, first + groups[g].length);
      const rank = first + 1;
      expect(run.every((r) => r.score === g + 1 && r.submitted === g + 1)).toBe(true);
      expect(run.every((r) => r.rank === rank)).toBe(true);
      first += groups[g].length;
    }
    expectLeaderboardOrder(rows);
  });

  it('orders a run by id within equal score and won, and by won before id', () => {
    // Every advocate scores 11 (one won referral with won weight 10 plus the submitted 1), or 11
    // from eleven submitted referrals (won 0): equal scores, the won ones first, then by id.
    const random = rng(7);
    const nextId = idMaker(random);
    const winners = Array.from({ length: 70 }, nextId);
    const counters = Array.from({ length: 40 }, nextId);
    const referrals: Referral[] = [];
    for (const id of winners) {
      referrals.push({ ...submitted(id), qualifiedDate: AS_OF, wonDate: AS_OF, wonAmount: 0 });
    }
    for (const id of counters) {
      for (let k = 0; k < 11; k++) {
        referrals.push(submitted(id));
      }
    }
    const weights = { ...COUNTING, won: 10 };
    const rows = score({ asOf: AS_OF, weights, referrals: shuffle(referrals, random) });
    expect(rows.map((r) => r.advocateId)).toEqual([
      ...winners.slice().sort(ordinal),
      ...counters.slice().sort(ordinal)
    ]);
    expect(rows.every((r) => r.score === 11 && r.rank === 1)).toBe(true);
  });

  it('orders 5,000 advocates with random decayed scores like a comparison sort', () => {
    const random = rng(99);
    const nextId = idMaker(random);
    const ids = Array.from({ length: 5000 }, nextId);
    const referrals: Referral[] = [];
    for (let i = 0; i < 20000; i++) {
      const id = ids[Math.floor(random() * random() * ids.length)];
      const day = 1 + Math.floor(random() * 28);
      const date = `2026-0${1 + Math.floor(random() * 6)}-${day < 10 ? '0' : ''}${day}`;
      const won = random() < 0.2;
      referrals.push({
        advocateId: id,
        submittedDate: date,
        qualifiedDate: won || random() < 0.3 ? date : null,
        wonDate: won ? date : null,
        wonAmount: won ? Math.floor(random() * 1e6) / 100 : null
      });
    }
    const rows = score({ asOf: AS_OF, weights: DECAYING, referrals });
    expect(new Set(rows.map((r) => r.advocateId)).size).toBe(rows.length);
    expect(rows.length).toBe(new Set(referrals.map((r) => r.advocateId)).size);
    expectLeaderboardOrder(rows);
  });
});

describe('score: ids the radix sort orders by their first 24 code units', () => {
  it('orders ids that share their first 24 units (or end there) by the whole id', () => {
    const stem = 'x'.repeat(24);
    const ids = [
      `${stem}b`,
      `${stem}a`,
      stem,
      `${stem}ab`,
      `${stem}\uffff`,
      `${'x'.repeat(23)}y`,
      `${'x'.repeat(23)}`,
      `${stem}a\u0000`,
      `${stem}${'z'.repeat(40)}`,
      ''
    ];
    const rows = scoreOnePerId(ids, 3);
    expect(rows.map((r) => r.advocateId)).toEqual(ids.slice().sort(ordinal));
    expect(rows.every((r) => r.rank === 1)).toBe(true);
  });

  it('sorts each run of equal score and won by the whole id, the last run too', () => {
    // With won weight 1: w and x score 2 with a win, m and n score 2 without, a, b and c score 1.
    // Every id shares its first 24 units, so only the whole id orders each run; the ids of a
    // later run come first alphabetically, so runs sorted together would come out mixed.
    const stem = 'y'.repeat(24);
    const won = (id: string): Referral => ({
      ...submitted(stem + id),
      qualifiedDate: AS_OF,
      wonDate: AS_OF,
      wonAmount: 0
    });
    const referrals: Referral[] = [
      won('x'),
      won('w'),
      submitted(stem + 'n'),
      submitted(stem + 'm'),
      submitted(stem + 'n'),
      submitted(stem + 'm'),
      submitted(stem + 'c'),
      submitted(stem + 'a'),
      submitted(stem + 'b')
    ];
    const rows = score({ asOf: AS_OF, weights: { ...COUNTING, won: 1 }, referrals });
    expect(rows.map((r) => [r.advocateId.slice(24), r.score, r.won, r.rank])).toEqual([
      ['w', 2, 1, 1],
      ['x', 2, 1, 1],
      ['m', 2, 0, 1],
      ['n', 2, 0, 1],
      ['a', 1, 0, 5],
      ['b', 1, 0, 5],
      ['c', 1, 0, 5]
    ]);
  });

  it('orders ids by code units whatever their value: 0, 0x7ff, 0x800, 0xffff and surrogates', () => {
    const units = [0, 1, 0x7fe, 0x7ff, 0x800, 0x801, 0xd83d, 0xde00, 0xfffe, 0xffff];
    const ids: string[] = [];
    for (const a of units) {
      for (const b of units) {
        ids.push(String.fromCharCode(a, b));
      }
      ids.push(String.fromCharCode(a));
    }
    const rows = scoreOnePerId(ids, 4);
    expect(rows.map((r) => r.advocateId)).toEqual(ids.slice().sort(ordinal));
  });

  it('orders score and won before the id, even when the ids alone would say otherwise', () => {
    // 'a' first by id, but it scores least; 'b' and 'c' tie on score, 'c' has the win.
    const referrals: Referral[] = [
      submitted('a'),
      submitted('b'),
      submitted('b'),
      { ...submitted('c'), qualifiedDate: AS_OF, wonDate: AS_OF, wonAmount: 0 }
    ];
    const weights = { ...COUNTING, won: 1 };
    const rows = score({ asOf: AS_OF, weights, referrals });
    expect(rows.map((r) => [r.advocateId, r.score, r.won, r.rank])).toEqual([
      ['c', 2, 1, 1],
      ['b', 2, 0, 1],
      ['a', 1, 0, 3]
    ]);
  });
});

describe('score: referrals are taken in blocks', () => {
  const days = ['2026-06-30', '2026-05-17', '2025-12-01', '2024-02-29', '2026-01-31'];

  /** Referrals of a few advocates with decayed terms that do not add up exactly. */
  function mixed(count: number, advocates: string[], random: () => number): Referral[] {
    return Array.from({ length: count }, (_, i) => {
      const date = days[Math.floor(random() * days.length)];
      const stage = i % 3;
      return {
        advocateId: advocates[Math.floor(random() * advocates.length)],
        submittedDate: date,
        qualifiedDate: stage > 0 ? date : null,
        wonDate: stage > 1 ? date : null,
        wonAmount: stage > 1 ? 1234.56 + i : null
      };
    });
  }

  /** The referrals of each advocate together, each advocate's own in their original order. */
  function groupedByAdvocate(referrals: Referral[]): Referral[] {
    const byAdvocate = new Map<string, Referral[]>();
    for (const r of referrals) {
      const list = byAdvocate.get(r.advocateId) ?? [];
      list.push(r);
      byAdvocate.set(r.advocateId, list);
    }
    return [...byAdvocate.values()].flat();
  }

  it.each([1, 63, 64, 65, 127, 128, 129, 1000])(
    'adds each advocate’s terms in referral order across blocks (%i referrals)',
    (count) => {
      // The score is a floating-point sum in referral order (docs/rules.md): the same referrals
      // interleaved differently, each advocate's own order kept, give the very same scores.
      const random = rng(count);
      const referrals = mixed(count, ['a', 'b', 'a-much-longer-advocate-id-than-19', 'c'], random);
      const interleaved = score({ asOf: AS_OF, weights: DECAYING, referrals });
      const grouped = score({
        asOf: AS_OF,
        weights: DECAYING,
        referrals: groupedByAdvocate(referrals)
      });
      expect(interleaved).toEqual(grouped);
      const total = interleaved.reduce((sum, r) => sum + r.submitted, 0);
      expect(total).toBe(count);
    }
  );

  it('gives an advocate the sum of its terms added in referral order', () => {
    // One advocate, 130 referrals of decreasing age (three blocks): the base score is the running
    // sum of 1.1 x 0.5^(age / 97) in list order, then x the multiplier (1 + 10 x 0.13) / (130 +
    // 10) / 0.13, clamped to 0.5, and rounded to 2 digits (no half cent here, so Math.round is
    // exact; docs/rules.md's half-up on the decimal is pinned elsewhere).
    const referrals: Referral[] = [];
    let base = 0;
    for (let i = 0; i < 130; i++) {
      const date = new Date(Date.UTC(2026, 5, 30 - (129 - i) * 3)).toISOString().slice(0, 10);
      referrals.push(submitted('solo', date));
      base += 1.1 * Math.pow(0.5, ((129 - i) * 3) / 97);
    }
    const multiplier = Math.max((0 + 10 * 0.13) / (130 + 10) / 0.13, 0.5);
    const [row] = score({ asOf: AS_OF, weights: DECAYING, referrals });
    expect(row.submitted).toBe(130);
    expect(row.score).toBe(Math.round(base * multiplier * 100) / 100);
  });

  it.each([0, 63, 64, 65, 128, 200])(
    'names the first bad referral (index %i) after valid ones in earlier and the same block',
    (bad) => {
      const referrals: unknown[] = Array.from({ length: 210 }, (_, i) => submitted(`adv${i % 7}`));
      referrals[bad] = { ...submitted('x'), submittedDate: '2026-02-30' };
      referrals[bad + 3] = { ...submitted('y'), advocateId: 7 };
      expect(
        messageOf(() =>
          score({ asOf: AS_OF, weights: COUNTING, referrals: referrals as Referral[] })
        )
      ).toMatch(new RegExp(`^INVALID_INPUT: referrals\\[${bad}\\]\\.submittedDate `));
    }
  );

  it('keeps advocates apart when the table grows in the middle of a block', () => {
    // 1,000 advocates, then a block bringing 64 new ones: the table (1,024 entries) grows while
    // that block is taken.
    const referrals: Referral[] = [];
    for (let i = 0; i < 1000; i++) {
      referrals.push(submitted(`first-${i}`));
    }
    for (let i = 0; i < 64; i++) {
      referrals.push(submitted(`second-${i}`), submitted(`second-${i}`));
    }
    const rows = score({ asOf: AS_OF, weights: COUNTING, referrals });
    expect(rows).toHaveLength(1064);
    expect(rows.slice(0, 64).map((r) => r.advocateId)).toEqual(
      Array.from({ length: 64 }, (_, i) => `second-${i}`).sort(ordinal)
    );
    expect(rows.slice(0, 64).every((r) => r.score === 2 && r.submitted === 2)).toBe(true);
    expect(rows.slice(64).every((r) => r.score === 1 && r.rank === 65)).toBe(true);
  });
});

describe('score: decay at every age', () => {
  it.each([
    ['2026-06-30', 1],
    ['2026-06-29', 0.5],
    ['2026-06-28', 0.25],
    // 8,191 and 8,192 days before asOf, on either side of the engine's table of remembered
    // decays: 2^-8191 and 2^-8192 underflow to 0, so with half-life 1 the score is 0.
    ['2004-01-26', 0],
    ['2004-01-25', 0]
  ])('a referral submitted on %s with a half-life of 1 day scores %d', (date, expected) => {
    const weights = { ...COUNTING, halfLifeDays: 1 };
    const [row] = score({ asOf: AS_OF, weights, referrals: [submitted('a', date)] });
    expect(row.score).toBe(expected);
  });

  it.each([
    ['2004-01-26', 8191],
    ['2004-01-25', 8192],
    ['2004-01-24', 8193]
  ])('a referral submitted on %s (%i days before asOf) decays by its age', (date, age) => {
    // Half-life 8192 days: the decay is 0.5^(age / 8192), x 1,000,000 so that 2 digits show each
    // day (500,042.31, 500,000 and 499,957.69).
    const weights = { ...COUNTING, submitted: 1000000, halfLifeDays: 8192 };
    const [row] = score({ asOf: AS_OF, weights, referrals: [submitted('a', date)] });
    expect(row.score).toBe(Math.round(1000000 * Math.pow(0.5, age / 8192) * 100) / 100);
  });
});

describe('score: order of scores that differ only in their last binary digits', () => {
  it('orders scores around 1,000,000 that differ by a cent', () => {
    // Only revenue counts (1 per 1,000 of wonAmount, no decay: every date on asOf, multiplier 1):
    // advocate k wins a deal of 1,000,000,000 + 10 k, so scores 1,000,000.00 + 0.01 k. Doubles
    // this close agree in their upper 32 bits: only the low word of the key orders them.
    const weights = { ...COUNTING, submitted: 0, revenuePer1000: 1 };
    const random = rng(3);
    const ks = shuffle(
      Array.from({ length: 60 }, (_, k) => k),
      random
    );
    const referrals: Referral[] = ks.map((k) => ({
      advocateId: `k${String(k).padStart(2, '0')}`,
      submittedDate: AS_OF,
      qualifiedDate: AS_OF,
      wonDate: AS_OF,
      wonAmount: 1000000000 + 10 * k
    }));
    const rows = score({ asOf: AS_OF, weights, referrals });
    expect(rows.map((r) => r.score)).toEqual(
      Array.from({ length: 60 }, (_, i) => (100000000 + 59 - i) / 100)
    );
    expect(rows.map((r) => r.rank)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });
});

describe('score: optional fields left out', () => {
  it('reads a referral without qualifiedDate, wonDate and wonAmount as one with them null', () => {
    const bare = [{ advocateId: 'a', submittedDate: '2026-06-01' }] as unknown as Referral[];
    const nulls = [submitted('a', '2026-06-01')];
    const weights = { ...DECAYING };
    expect(score({ asOf: AS_OF, weights, referrals: bare })).toEqual(
      score({ asOf: AS_OF, weights, referrals: nulls })
    );
    const [row] = score({ asOf: AS_OF, weights, referrals: bare });
    expect(row).toMatchObject({ submitted: 1, qualified: 0, won: 0 });
  });

  it('reads a won referral without qualifiedDate as qualified on its won date', () => {
    const referral = { advocateId: 'a', submittedDate: AS_OF, wonDate: AS_OF, wonAmount: 0 };
    const weights = { ...COUNTING, qualified: 3, won: 10 };
    const [row] = score({
      asOf: AS_OF,
      weights,
      referrals: [referral] as unknown as Referral[]
    });
    // 1 (submitted) + 3 (qualified on the won date) + 10 (won), multiplier 1
    expect(row).toMatchObject({ score: 14, submitted: 1, qualified: 1, won: 1 });
  });
});

describe('score: the date of the qualified term', () => {
  // Only the qualified term counts (weight 1), halved each day before AS_OF, multiplier 1.
  const QUALIFIED_ONLY = {
    ...COUNTING,
    submitted: 0,
    qualified: 1,
    halfLifeDays: 1
  };

  /** The score of one won referral with these qualified and won dates. */
  const scoreOfWon = (qualifiedDate: string | null, wonDate: string): number =>
    score({
      asOf: AS_OF,
      weights: QUALIFIED_ONLY,
      referrals: [
        { advocateId: 'a', submittedDate: '2026-06-20', qualifiedDate, wonDate, wonAmount: 0 }
      ]
    })[0].score;

  it('takes the qualified date of a won referral that has one, not its won date', () => {
    // 0.5^2 for the qualified date two days before AS_OF (the won date would give 1).
    expect(scoreOfWon('2026-06-28', AS_OF)).toBe(0.25);
  });

  it('takes the won date of a won referral without a qualified date', () => {
    // 0.5^1 for the won date one day before AS_OF (no qualified term would give 0).
    expect(scoreOfWon(null, '2026-06-29')).toBe(0.5);
  });
});
