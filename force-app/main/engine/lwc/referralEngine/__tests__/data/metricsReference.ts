/**
 * Program health (docs/rules.md section 6) computed the obvious way, for tests that compare the
 * engine's linear selection with it: every enrolled advocate sorted by counted referrals
 * (descending), ties by id ascending, no-referral advocates last; ratios by exact integer
 * arithmetic, rounded half away from zero to 4 fraction digits.
 */
import type { MetricsInput, MetricsResult } from 'c/referralEngine';

/** a / b rounded half away from zero to 4 fraction digits (a, b whole, a >= 0); 0 when b is 0. */
export function exactRatio4(a: number, b: number): number {
  if (b === 0) {
    return 0;
  }
  return Number((BigInt(a) * 20000n + BigInt(b)) / (2n * BigInt(b))) / 10000;
}

interface Tally {
  enrolled: string[];
  count: Map<string, number>;
  won: Map<string, number>;
}

function tally(input: MetricsInput): Tally {
  const enrolled = input.advocates
    .filter((a) => a.enrolledDate <= input.periodEnd)
    .map((a) => a.id);
  const count = new Map<string, number>(enrolled.map((id) => [id, 0]));
  const won = new Map<string, number>(enrolled.map((id) => [id, 0]));
  for (const r of input.referrals) {
    if (!count.has(r.advocateId)) continue;
    if (r.submittedDate < input.periodStart || r.submittedDate > input.periodEnd) continue;
    count.set(r.advocateId, count.get(r.advocateId)! + 1);
    if (r.won) won.set(r.advocateId, won.get(r.advocateId)! + 1);
  }
  return { enrolled, count, won };
}

/** Referrals and won referrals of the top ceil(enrolled * percent / 100) advocates. */
export function referenceTop(
  input: MetricsInput,
  percent: number
): { refs: number; deals: number } {
  const { enrolled, count, won } = tally(input);
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

/** The whole result by the definition. */
export function referenceMetrics(input: MetricsInput): MetricsResult {
  const { enrolled, count, won } = tally(input);
  const counts = [...count.values()];
  const total = counts.reduce((s, c) => s + c, 0);
  const totalWon = [...won.values()].reduce((s, c) => s + c, 0);
  const active = counts.filter((c) => c > 0).length;
  const share = (percent: number) => {
    const { refs, deals } = referenceTop(input, percent);
    return { referralShare: exactRatio4(refs, total), dealShare: exactRatio4(deals, totalWon) };
  };
  return {
    enrolled: enrolled.length,
    active,
    activeRate: exactRatio4(active, enrolled.length),
    referrals: total,
    referralsPerAdvocate: exactRatio4(total, enrolled.length),
    won: totalWon,
    conversionRate: exactRatio4(totalWon, total),
    referrerDistribution: {
      one: exactRatio4(counts.filter((c) => c === 1).length, active),
      twoToTen: exactRatio4(counts.filter((c) => c >= 2 && c <= 10).length, active),
      elevenPlus: exactRatio4(counts.filter((c) => c > 10).length, active)
    },
    top1Pct: share(1),
    top10Pct: share(10)
  };
}
