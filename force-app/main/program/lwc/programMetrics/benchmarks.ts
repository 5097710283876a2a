/**
 * Published benchmark figures of business referral programs (PRODUCT.md, "Reference figures"),
 * shown beside the program's own metrics. Ratios as fractions, like RULES.md metrics.
 */
export const BENCHMARKS = {
  activeRate: 0.36,
  referralsPerAdvocate: 0.87,
  conversionRate: 0.13,
  referrerDistribution: { one: 0.61, twoToTen: 0.34, elevenPlus: 0.05 },
  top1Pct: { referralShare: 0.22, dealShare: 0.01 },
  top10Pct: { referralShare: 0.54, dealShare: 0.06 }
} as const;

export type PeriodKey = 'THIS_YEAR' | 'LAST_12_MONTHS' | 'LAST_YEAR' | 'LAST_90_DAYS';

export const PERIOD_OPTIONS: { label: string; value: PeriodKey }[] = [
  { label: 'Last 12 months', value: 'LAST_12_MONTHS' },
  { label: 'This year', value: 'THIS_YEAR' },
  { label: 'Last year', value: 'LAST_YEAR' },
  { label: 'Last 90 days', value: 'LAST_90_DAYS' }
];

function iso(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** The calendar dates of a period, in the user's local calendar. */
export function periodRange(
  period: PeriodKey,
  today: Date = new Date()
): { periodStart: string; periodEnd: string } {
  const end = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  const start = new Date(end);
  switch (period) {
    case 'THIS_YEAR':
      start.setMonth(0, 1);
      break;
    case 'LAST_YEAR':
      start.setFullYear(end.getFullYear() - 1, 0, 1);
      end.setFullYear(end.getFullYear() - 1, 11, 31);
      break;
    case 'LAST_90_DAYS':
      start.setDate(start.getDate() - 89);
      break;
    default:
      start.setFullYear(start.getFullYear() - 1);
      start.setDate(start.getDate() + 1);
  }
  return { periodStart: iso(start), periodEnd: iso(end) };
}

/** A ratio as a percent with at most one decimal: 0.3614 -> "36.1%". */
export function percent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toLocaleString('en-US')}%`;
}
