import { formatPercent } from 'c/localization';

/**
 * Published benchmark figures of business referral programs (PRODUCT.md, "Reference figures"),
 * shown beside the program's own metrics. Ratios as fractions, like docs/rules.md metrics.
 */
export const BENCHMARKS = {
  activeRate: 0.36,
  referralsPerAdvocate: 0.87,
  conversionRate: 0.13,
  referrerDistribution: { one: 0.61, twoToTen: 0.34, elevenPlus: 0.05 },
  top1Pct: { referralShare: 0.22, dealShare: 0.01 },
  top10Pct: { referralShare: 0.54, dealShare: 0.06 }
} as const;

/** A ratio as a percent with at most one decimal in the user's locale: 0.3614 -> "36.1%". */
export function percent(ratio: number): string {
  return formatPercent(ratio, 1);
}
