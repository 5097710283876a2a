/**
 * The user's locale for every component: money, numbers, percents and dates formatted with
 * Intl in the locale and currency Salesforce gives the user (@salesforce/i18n), numbers typed in
 * that locale parsed back ("12.000,50" in de-DE), and custom label placeholders filled.
 * Every function takes the locale as a last, optional argument so tests can pin one.
 */
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import TIME_ZONE from '@salesforce/i18n/timeZone';

/** The user's locale (BCP 47), and the currency used when a value carries none. */
export const USER_LOCALE: string = LOCALE;
export const USER_CURRENCY: string = CURRENCY;

/** Replaces {0}, {1}... in a custom label's value, as the platform's labels do. */
export function formatLabel(template: string, ...args: unknown[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const i = Number(index);
    return i < args.length ? String(args[i]) : whole;
  });
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Money in the user's locale, in its own currency (or the user's): "12.000,50 €" in de-DE. */
export function formatCurrency(
  amount: number | null | undefined,
  currencyCode?: string | null,
  locale: string = LOCALE
): string {
  if (!isNumber(amount)) return '';
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currencyCode || CURRENCY || 'USD'
  }).format(amount);
}

/** A number in the user's locale; whole numbers unless maximumFractionDigits says otherwise. */
export function formatNumber(
  value: number | null | undefined,
  maximumFractionDigits = 0,
  locale: string = LOCALE
): string {
  if (!isNumber(value)) return '';
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/** A number with exactly this many decimals in the user's locale: "1,36" in de-DE. */
export function formatFixed(
  value: number | null | undefined,
  digits: number,
  locale: string = LOCALE
): string {
  if (!isNumber(value)) return '';
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits
  }).format(value);
}

/** A ratio (0.25) as a percent in the user's locale: "25 %" in de-DE. */
export function formatPercent(
  ratio: number | null | undefined,
  maximumFractionDigits = 1,
  locale: string = LOCALE
): string {
  if (!isNumber(ratio)) return '';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }).format(ratio);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date in the user's locale. A date-only value ("2026-05-01", an Apex Date) is a calendar day
 * and is shown as that day wherever the user is; a date-time is shown in the user's time zone.
 */
export function formatDate(
  value: string | null | undefined,
  locale: string = LOCALE,
  timeZone: string = TIME_ZONE
): string {
  if (!value) return '';
  const dateOnly = DATE_ONLY.exec(value);
  const date = dateOnly
    ? new Date(Date.UTC(+dateOnly[1], +dateOnly[2] - 1, +dateOnly[3]))
    : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeZone: dateOnly ? 'UTC' : timeZone || undefined
  }).format(date);
}

/** A date-time in the user's locale and time zone. */
export function formatDateTime(
  value: string | null | undefined,
  locale: string = LOCALE,
  timeZone: string = TIME_ZONE
): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: timeZone || undefined
  }).format(date);
}

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.'
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A number typed in the user's locale, or null when the text is not one. Grouping is optional but,
 * when used, must be in threes before the decimal separator: in de-DE "12.000,50" and "12000,5"
 * are 12000.5 while "12,000.50" is refused (it would mean something else); in en-US "12,000.50".
 * Any space counts as a space group separator (fr-FR groups with a narrow no-break space).
 */
export function parseNumber(
  text: string | null | undefined,
  locale: string = LOCALE
): number | null {
  if (text === null || text === undefined) return null;
  const { group, decimal } = separators(locale);
  const spaceGroup = /^\s$/u.test(group) || group === '\u202f' || group === '\u00a0';
  let value = text.trim().replace(/\u2212/g, '-');
  if (spaceGroup) value = value.replace(/[\s\u00a0\u202f]/gu, ' ');
  // de-CH and others group with an apostrophe: accept the typed ASCII one too.
  const groupChar = spaceGroup ? ' ' : group;
  const groupPattern = group === '\u2019' ? "['\u2019]" : escapeRegExp(groupChar);
  const d = escapeRegExp(decimal);
  const pattern = new RegExp(`^(-?)(\\d{1,3}(?:${groupPattern}\\d{3})+|\\d+)(?:${d}(\\d+))?$`, 'u');
  const match = pattern.exec(value);
  if (!match) return null;
  const digits = match[2].replace(new RegExp(groupPattern, 'gu'), '');
  const parsed = Number(`${match[1]}${digits}${match[3] ? `.${match[3]}` : ''}`);
  return Number.isFinite(parsed) ? parsed : null;
}

/** A number as the user would type it in an input: no grouping, the locale's decimal separator. */
export function formatEditableNumber(
  value: number | null | undefined,
  locale: string = LOCALE
): string {
  if (!isNumber(value)) return '';
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 }).format(
    value
  );
}

/** How the user types a sample amount, for hints: "12.000,50" in de-DE. */
export function numberExample(locale: string = LOCALE): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(12000.5);
}
