/**
 * `metrics` (docs/rules.md section 6) on inputs shaped by how it works inside: advocates and
 * referrals are validated a block of 64 at a time before their look-ups, and the advocate table is
 * sized for the whole list up front. Errors must still name the first problem in list order, and
 * counts must not depend on where a block ends.
 */
import { metrics } from 'c/referralEngine';
import type { MetricsInput } from 'c/referralEngine';
import { messageOf } from './data/engineFixtures';

const advocate = (id: string): MetricsInput['advocates'][number] => ({
  id,
  enrolledDate: '2025-01-01'
});

function input(advocates: unknown[], referrals: unknown[] = []): MetricsInput {
  return {
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    advocates,
    referrals
  } as MetricsInput;
}

/** n valid advocates a0 .. a(n-1). */
const advocates = (n: number): unknown[] => Array.from({ length: n }, (_, i) => advocate(`a${i}`));

describe('metrics: the first problem in list order, whatever the block', () => {
  it('names a duplicate id before a later invalid advocate of the same block', () => {
    const list = [
      advocate('x'),
      advocate('y'),
      advocate('x'),
      { id: 7, enrolledDate: '2025-01-01' }
    ];
    expect(messageOf(() => metrics(input(list)))).toBe(
      'INVALID_INPUT: advocates[2].id duplicates the id of advocates[0] (x).'
    );
  });

  it('names an invalid advocate before a later duplicate of the same block', () => {
    const list = [advocate('x'), { id: 'y', enrolledDate: '2025-02-30' }, advocate('x')];
    expect(messageOf(() => metrics(input(list)))).toBe(
      'INVALID_INPUT: advocates[1].enrolledDate must be a calendar date YYYY-MM-DD.'
    );
  });

  it('names a duplicate at the end of a block before an invalid advocate opening the next', () => {
    const list = advocates(64);
    list[63] = advocate('a5');
    list.push(null);
    expect(messageOf(() => metrics(input(list)))).toBe(
      'INVALID_INPUT: advocates[63].id duplicates the id of advocates[5] (a5).'
    );
  });

  it('names an invalid advocate of a block before a duplicate later in it', () => {
    const list = advocates(80);
    list[65] = { enrolledDate: '2025-01-01' };
    list[70] = advocate('a0');
    expect(messageOf(() => metrics(input(list)))).toBe(
      'INVALID_INPUT: advocates[65].id is required.'
    );
  });

  it('checks every advocate before any referral', () => {
    const list = advocates(10);
    list[9] = advocate('a1');
    expect(messageOf(() => metrics(input(list, [null])))).toBe(
      'INVALID_INPUT: advocates[9].id duplicates the id of advocates[1] (a1).'
    );
  });
});

describe('metrics: counts across blocks', () => {
  it('counts each referral once, in period or not, across block boundaries', () => {
    // 3 advocates; 200 referrals cycling over them and over dates in and out of the period:
    // referral k is in the period unless k % 5 === 0, won when k % 3 === 0.
    const list = [advocate('p'), advocate('q'), advocate('r')];
    const referrals = Array.from({ length: 200 }, (_, k) => ({
      id: `ref${k}`,
      advocateId: ['p', 'q', 'r', 'stranger'][k % 4],
      submittedDate: k % 5 === 0 ? '2025-12-31' : '2026-06-15',
      won: k % 3 === 0
    }));
    let counted = 0;
    let won = 0;
    referrals.forEach((r, k) => {
      if (k % 5 !== 0 && k % 4 !== 3) {
        counted++;
        if (r.won) {
          won++;
        }
      }
    });
    const m = metrics(input(list, referrals));
    expect([m.enrolled, m.active, m.referrals, m.won]).toEqual([3, 3, counted, won]);
    expect([counted, won]).toEqual([120, 40]);
  });

  it('adds 5,000 advocates without growing past one table, each counted once', () => {
    const list = advocates(5000);
    const referrals = Array.from({ length: 5000 }, (_, k) => ({
      id: `ref${k}`,
      advocateId: `a${k}`,
      submittedDate: '2026-06-15',
      won: false
    }));
    const m = metrics(input(list, referrals));
    expect([m.enrolled, m.active, m.referrals, m.referrerDistribution.one]).toEqual([
      5000, 5000, 5000, 1
    ]);
  });
});
