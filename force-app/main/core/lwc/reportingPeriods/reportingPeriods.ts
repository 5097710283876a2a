import LAST_90_DAYS from '@salesforce/label/c.Core_Period_Last_90_Days';
import LAST_12_MONTHS from '@salesforce/label/c.Core_Period_Last_12_Months';
import THIS_YEAR from '@salesforce/label/c.Core_Period_This_Year';
import LAST_YEAR from '@salesforce/label/c.Core_Period_Last_Year';
import LAST_3_YEARS from '@salesforce/label/c.Core_Period_Last_3_Years';

/**
 * Reporting periods shared by the leaderboard and the program metrics: the choices a person
 * picks from, and the calendar dates (YYYY-MM-DD, the user's local calendar) each one covers.
 */
export type PeriodKey =
  'LAST_90_DAYS' | 'LAST_12_MONTHS' | 'THIS_YEAR' | 'LAST_YEAR' | 'LAST_3_YEARS';

export interface PeriodRange {
  periodStart: string;
  periodEnd: string;
}

export interface PeriodOption {
  label: string;
  value: PeriodKey;
}

const LABELS: Record<PeriodKey, string> = {
  LAST_90_DAYS,
  LAST_12_MONTHS,
  THIS_YEAR,
  LAST_YEAR,
  LAST_3_YEARS
};

/** Combobox options for the given periods, in the order given. */
export function periodOptions(keys: PeriodKey[]): PeriodOption[] {
  return keys.map((value) => ({ label: LABELS[value], value }));
}

function iso(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** The calendar dates of a period; every period but LAST_YEAR ends today. */
export function periodRange(period: PeriodKey, today: Date = new Date()): PeriodRange {
  const end = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  const start = new Date(end);
  switch (period) {
    case 'LAST_90_DAYS':
      start.setDate(start.getDate() - 89);
      break;
    case 'THIS_YEAR':
      start.setMonth(0, 1);
      break;
    case 'LAST_YEAR':
      start.setFullYear(end.getFullYear() - 1, 0, 1);
      end.setFullYear(end.getFullYear() - 1, 11, 31);
      break;
    case 'LAST_3_YEARS':
      start.setFullYear(start.getFullYear() - 3);
      start.setDate(start.getDate() + 1);
      break;
    default:
      start.setFullYear(start.getFullYear() - 1);
      start.setDate(start.getDate() + 1);
  }
  return { periodStart: iso(start), periodEnd: iso(end) };
}
