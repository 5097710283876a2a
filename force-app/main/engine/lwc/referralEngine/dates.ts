/**
 * Calendar dates (`YYYY-MM-DD`, no time zone). Valid dates compare correctly as strings;
 * `dayNumber` gives the whole-day count used for "days between a and b".
 */

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * The day number of a `YYYY-MM-DD` calendar date (days since 1970-01-01), or NaN when
 * the value is not a string in that format or not a real calendar date (years 0001-9999).
 */
export function dayNumber(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 10) {
    return NaN;
  }
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) {
    return NaN;
  }
  const y0 = digit(value, 0);
  const y1 = digit(value, 1);
  const y2 = digit(value, 2);
  const y3 = digit(value, 3);
  const m0 = digit(value, 5);
  const m1 = digit(value, 6);
  const d0 = digit(value, 8);
  const d1 = digit(value, 9);
  // -1 marks a non-digit, and -1 | x is -1 for any digit x.
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) === -1) {
    return NaN;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 1 || month < 1 || month > 12 || day < 1) {
    return NaN;
  }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dim = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (day > dim) {
    return NaN;
  }
  // Days from civil (proleptic Gregorian), H. Hinnant's algorithm; y >= 0 here, so integer
  // division is truncation.
  const y = month <= 2 ? year - 1 : year;
  const era = (y / 400) | 0;
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = (((153 * mp + 2) / 5) | 0) + day - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

/** True when `value` is a valid `YYYY-MM-DD` calendar date. */
export function isCalendarDate(value: unknown): value is string {
  return !Number.isNaN(dayNumber(value));
}
