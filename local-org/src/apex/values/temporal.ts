// Apex Date, Datetime and Time. Date is a calendar day (proleptic Gregorian), Datetime an
// instant (UTC epoch milliseconds) read in the running user's time zone, Time a wall-clock time
// of day. Formatting follows Java's SimpleDateFormat with the en_US locale.

import { typeError, ApexValueError } from './errors.js';
import { getUserTimeZone, localToEpoch, offsetAt, timeZoneName, resolveTimeZone } from './timezone.js';

const DAY_MS = 86400000;

// ------------------------------------------------------------------ civil calendar helpers

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? y + 1 : y, m, d];
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Day of week, 0 = Sunday ... 6 = Saturday. */
function dayOfWeekFromDays(days: number): number {
  return (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

const pad = (n: number, w = 2): string => {
  const s = String(Math.abs(n)).padStart(w, '0');
  return n < 0 ? '-' + s : s;
};

/** Lenient normalisation like java.util.Calendar: month 13 -> next January, day 0 -> last day of previous month. */
function normalizeYmd(y: number, m: number, d: number): number {
  const m0 = m - 1;
  const yy = y + Math.floor(m0 / 12);
  const mm = (((m0 % 12) + 12) % 12) + 1;
  return daysFromCivil(yy, mm, 1) + (d - 1);
}

// ------------------------------------------------------------------ Date

export class ApexDate {
  /** Days since 1970-01-01. */
  readonly epochDay: number;
  private readonly y: number;
  private readonly m: number;
  private readonly d: number;

  private constructor(epochDay: number) {
    this.epochDay = epochDay;
    [this.y, this.m, this.d] = civilFromDays(epochDay);
  }

  static fromEpochDay(days: number): ApexDate {
    return new ApexDate(days);
  }

  /** Date.newInstance(year, month, day): lenient like Java's Calendar (month 13 rolls over). */
  static newInstance(year: number, month: number, day: number): ApexDate {
    return new ApexDate(normalizeYmd(year, month, day));
  }

  /**
   * Date.valueOf(String): 'yyyy-MM-dd', optionally followed by ' HH:mm:ss' (ignored); month
   * and day may have one digit. Throws System.TypeException "Invalid date: <text>".
   */
  static valueOf(text: string): ApexDate {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?)?$/.exec(text.trim());
    if (!m) throw typeError(`Invalid date: ${text}`);
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo < 1 || mo > 12 || d < 1 || d > 31) throw typeError(`Invalid date: ${text}`);
    return ApexDate.newInstance(y, mo, d);
  }

  /** Alias of valueOf (named `parse` in the brief for Date.valueOf semantics). */
  static parseIso(text: string): ApexDate {
    return ApexDate.valueOf(text);
  }

  /**
   * Date.parse(String): the context user's locale format; en_US is M/d/yyyy (a two-digit year
   * is read with SimpleDateFormat's 80/20 rule). Throws System.TypeException "Invalid date: x".
   */
  static parse(text: string): ApexDate {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s.*)?$/.exec(text);
    if (!m) throw typeError(`Invalid date: ${text}`);
    let y = Number(m[3]);
    if (m[3].length === 2) {
      const nowY = new Date().getUTCFullYear();
      const century = Math.floor((nowY - 80) / 100) * 100;
      y = century + y;
      if (y < nowY - 80) y += 100;
    }
    return ApexDate.newInstance(y, Number(m[1]), Number(m[2]));
  }

  /** Date.today(): the current date in the given (default: the user's) time zone. */
  static today(tz: string = getUserTimeZone()): ApexDate {
    const now = Date.now();
    return ApexDate.fromEpochDay(Math.floor((now + offsetAt(now, tz)) / DAY_MS));
  }

  static isLeapYear(year: number): boolean {
    return isLeapYear(year);
  }

  static daysInMonth(year: number, month: number): number {
    return daysInMonth(year, month);
  }

  year(): number {
    return this.y;
  }
  month(): number {
    return this.m;
  }
  day(): number {
    return this.d;
  }
  dayOfYear(): number {
    return this.epochDay - daysFromCivil(this.y, 1, 1) + 1;
  }
  /** 0 = Sunday ... 6 = Saturday. */
  dayOfWeek(): number {
    return dayOfWeekFromDays(this.epochDay);
  }

  addDays(n: number): ApexDate {
    return new ApexDate(this.epochDay + n);
  }

  /** Date.addMonths: the day is clamped to the end of the target month (Jan 31 + 1 = Feb 28/29). */
  addMonths(n: number): ApexDate {
    const total = this.y * 12 + (this.m - 1) + n;
    const y = Math.floor(total / 12);
    const m = total - y * 12 + 1;
    return new ApexDate(daysFromCivil(y, m, Math.min(this.d, daysInMonth(y, m))));
  }

  /** Date.addYears: Feb 29 + 1 year = Feb 28. */
  addYears(n: number): ApexDate {
    return this.addMonths(n * 12);
  }

  /** Days from this date to `other` (negative when other is earlier). */
  daysBetween(other: ApexDate): number {
    return other.epochDay - this.epochDay;
  }

  /** Months from this date to `other`, ignoring the days. */
  monthsBetween(other: ApexDate): number {
    return (other.y - this.y) * 12 + (other.m - this.m);
  }

  isSameDay(other: ApexDate): boolean {
    return this.epochDay === other.epochDay;
  }

  toStartOfMonth(): ApexDate {
    return new ApexDate(daysFromCivil(this.y, this.m, 1));
  }

  /** Date.toStartOfWeek: the locale's first day of week; en_US starts on Sunday. */
  toStartOfWeek(firstDayOfWeek = 0): ApexDate {
    const back = (this.dayOfWeek() - firstDayOfWeek + 7) % 7;
    return new ApexDate(this.epochDay - back);
  }

  /** Date.format(): en_US short date, M/d/yyyy. */
  format(): string {
    return `${this.m}/${this.d}/${this.y}`;
  }

  /** String.valueOf(Date): yyyy-MM-dd. */
  toString(): string {
    return `${pad(this.y, 4)}-${pad(this.m)}-${pad(this.d)}`;
  }

  toISO(): string {
    return this.toString();
  }

  toJSON(): string {
    return this.toString();
  }

  compareTo(other: ApexDate): number {
    return Math.sign(this.epochDay - other.epochDay);
  }
  equals(other: unknown): boolean {
    return other instanceof ApexDate && other.epochDay === this.epochDay;
  }
  hashCode(): number {
    return this.epochDay | 0;
  }

  /** Midnight of this date in the given time zone, as a Datetime (Datetime.newInstance(date, Time 0)). */
  toDatetime(tz: string = getUserTimeZone()): ApexDatetime {
    return ApexDatetime.fromEpochMs(localToEpoch(this.epochDay * DAY_MS, tz));
  }
}

// ------------------------------------------------------------------ Time

export class ApexTime {
  /** Milliseconds since midnight, 0 .. 86399999. */
  readonly msOfDay: number;

  private constructor(ms: number) {
    this.msOfDay = ((ms % DAY_MS) + DAY_MS) % DAY_MS;
  }

  static fromMsOfDay(ms: number): ApexTime {
    return new ApexTime(ms);
  }

  /** Time.newInstance(hour, minutes, seconds, milliseconds); out-of-range values roll over. */
  static newInstance(h: number, m: number, s: number, ms: number): ApexTime {
    return new ApexTime(((h * 60 + m) * 60 + s) * 1000 + ms);
  }

  /** Parses 'HH:mm', 'HH:mm:ss', 'HH:mm:ss.SSS' with an optional trailing Z (JSON / SOQL form). */
  static valueOf(text: string): ApexTime {
    const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?Z?$/.exec(text.trim());
    if (!m) throw typeError(`Invalid time: ${text}`);
    const h = Number(m[1]);
    const mi = Number(m[2]);
    const s = Number(m[3] ?? '0');
    if (h > 23 || mi > 59 || s > 59) throw typeError(`Invalid time: ${text}`);
    return ApexTime.newInstance(h, mi, s, Number((m[4] ?? '0').padEnd(3, '0')));
  }

  hour(): number {
    return Math.floor(this.msOfDay / 3600000);
  }
  minute(): number {
    return Math.floor(this.msOfDay / 60000) % 60;
  }
  second(): number {
    return Math.floor(this.msOfDay / 1000) % 60;
  }
  millisecond(): number {
    return this.msOfDay % 1000;
  }

  addHours(n: number): ApexTime {
    return new ApexTime(this.msOfDay + n * 3600000);
  }
  addMinutes(n: number): ApexTime {
    return new ApexTime(this.msOfDay + n * 60000);
  }
  addSeconds(n: number): ApexTime {
    return new ApexTime(this.msOfDay + n * 1000);
  }
  addMilliseconds(n: number): ApexTime {
    return new ApexTime(this.msOfDay + n);
  }

  /** String.valueOf(Time): HH:mm:ss.SSSZ, e.g. 10:30:00.000Z. */
  toString(): string {
    return `${pad(this.hour())}:${pad(this.minute())}:${pad(this.second())}.${pad(this.millisecond(), 3)}Z`;
  }
  toJSON(): string {
    return this.toString();
  }
  compareTo(other: ApexTime): number {
    return Math.sign(this.msOfDay - other.msOfDay);
  }
  equals(other: unknown): boolean {
    return other instanceof ApexTime && other.msOfDay === this.msOfDay;
  }
  hashCode(): number {
    return this.msOfDay | 0;
  }
}

// ------------------------------------------------------------------ Datetime

/** Wall-clock fields of an instant in a zone. */
interface LocalFields {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  epochDay: number;
  offset: number;
}

function fieldsOf(epochMs: number, tz: string): LocalFields {
  const offset = offsetAt(epochMs, tz);
  const local = epochMs + offset;
  const epochDay = Math.floor(local / DAY_MS);
  const msOfDay = local - epochDay * DAY_MS;
  const [y, m, d] = civilFromDays(epochDay);
  return {
    y,
    m,
    d,
    h: Math.floor(msOfDay / 3600000),
    mi: Math.floor(msOfDay / 60000) % 60,
    s: Math.floor(msOfDay / 1000) % 60,
    ms: msOfDay % 1000,
    epochDay,
    offset,
  };
}

function localMs(y: number, m: number, d: number, h: number, mi: number, s: number, ms = 0): number {
  return normalizeYmd(y, m, d) * DAY_MS + ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

export class ApexDatetime {
  /** Milliseconds since 1970-01-01T00:00:00Z. */
  readonly epochMs: number;

  private constructor(epochMs: number) {
    this.epochMs = epochMs;
  }

  static fromEpochMs(ms: number | bigint): ApexDatetime {
    return new ApexDatetime(Number(ms));
  }

  /** Datetime.newInstance(Long milliseconds). */
  static newInstanceMs(ms: number | bigint): ApexDatetime {
    return new ApexDatetime(Number(ms));
  }

  /** Datetime.newInstance(year, month, day[, hour, minute, second]) in the user's time zone. */
  static newInstance(y: number, m: number, d: number, h = 0, mi = 0, s = 0, tz: string = getUserTimeZone()): ApexDatetime {
    return new ApexDatetime(localToEpoch(localMs(y, m, d, h, mi, s), tz));
  }

  /** Datetime.newInstance(Date, Time) in the user's time zone. */
  static newInstanceDateTime(date: ApexDate, time: ApexTime, tz: string = getUserTimeZone()): ApexDatetime {
    return new ApexDatetime(localToEpoch(date.epochDay * DAY_MS + time.msOfDay, tz));
  }

  /** Datetime.newInstanceGmt(year, month, day[, hour, minute, second]). */
  static newInstanceGmt(y: number, m: number, d: number, h = 0, mi = 0, s = 0): ApexDatetime {
    return new ApexDatetime(localMs(y, m, d, h, mi, s));
  }

  /** Datetime.newInstanceGmt(Date, Time). */
  static newInstanceGmtDateTime(date: ApexDate, time: ApexTime): ApexDatetime {
    return new ApexDatetime(date.epochDay * DAY_MS + time.msOfDay);
  }

  static now(): ApexDatetime {
    return new ApexDatetime(Date.now());
  }

  private static parseFields(text: string): number | null {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/.exec(text.trim());
    if (!m) return null;
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
    return localMs(Number(m[1]), mo, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  }

  /** Datetime.valueOf('yyyy-MM-dd HH:mm:ss') in the user's time zone. */
  static valueOf(text: string, tz: string = getUserTimeZone()): ApexDatetime {
    const l = ApexDatetime.parseFields(text);
    if (l === null) throw typeError(`Invalid date/time: ${text}`);
    return new ApexDatetime(localToEpoch(l, tz));
  }

  /** Datetime.valueOfGmt('yyyy-MM-dd HH:mm:ss'). */
  static valueOfGmt(text: string): ApexDatetime {
    const l = ApexDatetime.parseFields(text);
    if (l === null) throw typeError(`Invalid date/time: ${text}`);
    return new ApexDatetime(l);
  }

  /**
   * Datetime.parse(String): the en_US locale format 'M/d/yyyy h:mm a' (also accepts seconds and
   * the ICU form with a comma: '1/15/2024, 10:00 AM') in the user's time zone.
   */
  static parse(text: string, tz: string = getUserTimeZone()): ApexDatetime {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])\s*$/.exec(text);
    if (!m) throw typeError(`Invalid date/time: ${text}`);
    let y = Number(m[3]);
    if (m[3].length === 2) y += 2000;
    let h = Number(m[4]) % 12;
    if (m[7].toUpperCase() === 'PM') h += 12;
    return new ApexDatetime(localToEpoch(localMs(y, Number(m[1]), Number(m[2]), h, Number(m[5]), Number(m[6] ?? 0)), tz));
  }

  /** Parses the JSON / ISO 8601 form: 2024-01-01T10:00:00.000Z, with an optional offset. */
  static parseIso(text: string): ApexDatetime {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/.exec(text.trim());
    if (!m) throw typeError(`Invalid date/time: ${text}`);
    let ms = localMs(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
    if (m[7]) ms += Number(m[7].slice(0, 3).padEnd(3, '0'));
    const z = m[8];
    if (z && z !== 'Z') {
      const sign = z[0] === '-' ? -1 : 1;
      const digits = z.slice(1).replace(':', '');
      const off = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0')) * 60000;
      ms -= sign * off;
    }
    return new ApexDatetime(ms);
  }

  private local(tz: string = getUserTimeZone()): LocalFields {
    return fieldsOf(this.epochMs, tz);
  }

  getTime(): bigint {
    return BigInt(this.epochMs);
  }

  date(tz?: string): ApexDate {
    return ApexDate.fromEpochDay(this.local(tz).epochDay);
  }
  dateGmt(): ApexDate {
    return ApexDate.fromEpochDay(Math.floor(this.epochMs / DAY_MS));
  }
  time(tz?: string): ApexTime {
    const f = this.local(tz);
    return ApexTime.newInstance(f.h, f.mi, f.s, f.ms);
  }
  timeGmt(): ApexTime {
    return ApexTime.fromMsOfDay(this.epochMs);
  }
  year(tz?: string): number {
    return this.local(tz).y;
  }
  yearGmt(): number {
    return this.local('UTC').y;
  }
  month(tz?: string): number {
    return this.local(tz).m;
  }
  monthGmt(): number {
    return this.local('UTC').m;
  }
  day(tz?: string): number {
    return this.local(tz).d;
  }
  dayGmt(): number {
    return this.local('UTC').d;
  }
  dayOfYear(tz?: string): number {
    return this.date(tz).dayOfYear();
  }
  dayOfYearGmt(): number {
    return this.dateGmt().dayOfYear();
  }
  hour(tz?: string): number {
    return this.local(tz).h;
  }
  hourGmt(): number {
    return this.local('UTC').h;
  }
  minute(tz?: string): number {
    return this.local(tz).mi;
  }
  minuteGmt(): number {
    return this.local('UTC').mi;
  }
  second(tz?: string): number {
    return this.local(tz).s;
  }
  secondGmt(): number {
    return this.local('UTC').s;
  }
  millisecond(tz?: string): number {
    return this.local(tz).ms;
  }
  millisecondGmt(): number {
    return this.local('UTC').ms;
  }

  addMilliseconds(n: number): ApexDatetime {
    return new ApexDatetime(this.epochMs + n);
  }
  addSeconds(n: number): ApexDatetime {
    return new ApexDatetime(this.epochMs + n * 1000);
  }
  addMinutes(n: number): ApexDatetime {
    return new ApexDatetime(this.epochMs + n * 60000);
  }
  addHours(n: number): ApexDatetime {
    return new ApexDatetime(this.epochMs + n * 3600000);
  }

  /** Calendar arithmetic on the wall clock of the user's zone: across DST the local time is kept. */
  private addCalendar(months: number, days: number, tz: string = getUserTimeZone()): ApexDatetime {
    const f = this.local(tz);
    let date = ApexDate.fromEpochDay(f.epochDay);
    if (months) date = date.addMonths(months);
    if (days) date = date.addDays(days);
    const msOfDay = ((f.h * 60 + f.mi) * 60 + f.s) * 1000 + f.ms;
    return new ApexDatetime(localToEpoch(date.epochDay * DAY_MS + msOfDay, tz));
  }
  addDays(n: number, tz?: string): ApexDatetime {
    return this.addCalendar(0, n, tz);
  }
  addMonths(n: number, tz?: string): ApexDatetime {
    return this.addCalendar(n, 0, tz);
  }
  addYears(n: number, tz?: string): ApexDatetime {
    return this.addCalendar(n * 12, 0, tz);
  }

  isSameDay(other: ApexDatetime, tz?: string): boolean {
    return this.date(tz).equals(other.date(tz));
  }

  /**
   * Datetime.format() (en_US default 'M/d/yyyy h:mm a'), format(pattern) and format(pattern,
   * timezone) in the user's (or the given) zone. An unknown zone id is GMT, as in Java.
   */
  format(pattern?: string, tz?: string): string {
    const zone = tz === undefined ? getUserTimeZone() : resolveTimeZone(tz);
    return formatDatetime(this.epochMs, pattern ?? DEFAULT_DATETIME_PATTERN, zone);
  }

  /** Datetime.formatGmt(pattern). */
  formatGmt(pattern: string): string {
    return formatDatetime(this.epochMs, pattern, 'UTC');
  }

  /** Datetime.formatLong(): en_US 'M/d/yyyy h:mm:ss a z'. */
  formatLong(): string {
    return formatDatetime(this.epochMs, 'M/d/yyyy h:mm:ss a z', getUserTimeZone());
  }

  /** String.valueOf(Datetime): 'yyyy-MM-dd HH:mm:ss' in GMT. */
  toString(): string {
    return formatDatetime(this.epochMs, 'yyyy-MM-dd HH:mm:ss', 'UTC');
  }

  /**
   * 'yyyy-MM-dd HH:mm:ss' in the user's (or the given) time zone. The Apex Developer Guide
   * (String Class, valueOf(datetimeToConvert)) describes String.valueOf(Datetime) as the standard
   * format "for the local time zone", while System.debug and string concatenation print GMT
   * (toString()). The interpreter picks the one that applies.
   */
  toLocalString(tz?: string): string {
    return formatDatetime(this.epochMs, 'yyyy-MM-dd HH:mm:ss', tz ?? getUserTimeZone());
  }

  /** The JSON form: 2024-01-01T10:00:00.000Z. */
  toJSON(): string {
    return formatDatetime(this.epochMs, "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", 'UTC');
  }
  toISO(): string {
    return this.toJSON();
  }

  compareTo(other: ApexDatetime): number {
    return Math.sign(this.epochMs - other.epochMs);
  }
  equals(other: unknown): boolean {
    return other instanceof ApexDatetime && other.epochMs === this.epochMs;
  }
  /** Java Long.hashCode of the epoch milliseconds (java.util.Date.hashCode). */
  hashCode(): number {
    const u = BigInt.asUintN(64, BigInt(this.epochMs));
    return Number(BigInt.asIntN(32, u ^ (u >> 32n)));
  }
}

/**
 * Datetime.format() with the en_US locale and ICU locale formats (the platform default): the
 * Datetime Class documents newInstance(1993, 6, 6, 3, 3, 3).format() = '6/6/1993, 3:03 AM'.
 */
export let DEFAULT_DATETIME_PATTERN = 'M/d/yyyy, h:mm a';
/** Changes the pattern Datetime.format() uses (the JDK locale form is 'M/d/yyyy h:mm a'). */
export function setDefaultDatetimePattern(p: string): void {
  DEFAULT_DATETIME_PATTERN = p;
}

// ------------------------------------------------------------------ SimpleDateFormat

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Formats an instant with a Java SimpleDateFormat pattern, en_US symbols, in `tz`. */
export function formatDatetime(epochMs: number, pattern: string, tz: string): string {
  const f = fieldsOf(epochMs, tz);
  return formatFields(pattern, f, epochMs, tz);
}

/** Formats a Date (midnight, no zone) with a SimpleDateFormat pattern. */
export function formatDate(date: ApexDate, pattern: string): string {
  const f: LocalFields = { y: date.year(), m: date.month(), d: date.day(), h: 0, mi: 0, s: 0, ms: 0, epochDay: date.epochDay, offset: 0 };
  return formatFields(pattern, f, date.epochDay * DAY_MS, 'UTC');
}

function weekOfYear(f: LocalFields): [number, number] {
  // en_US: weeks start on Sunday, minimal days in first week = 1.
  const jan1 = daysFromCivil(f.y, 1, 1);
  const firstWeekStart = jan1 - dayOfWeekFromDays(jan1);
  const nextJan1 = daysFromCivil(f.y + 1, 1, 1);
  const nextFirstWeekStart = nextJan1 - dayOfWeekFromDays(nextJan1);
  if (f.epochDay >= nextFirstWeekStart) return [1, f.y + 1];
  return [Math.floor((f.epochDay - firstWeekStart) / 7) + 1, f.y];
}

function formatFields(pattern: string, f: LocalFields, epochMs: number, tz: string): string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let lit = '';
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            lit += "'";
            j += 2;
            continue;
          }
          break;
        }
        lit += pattern[j++];
      }
      if (j >= pattern.length) throw new ApexPatternError(`Unterminated quote in pattern: ${pattern}`);
      out += lit;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    const dow = dayOfWeekFromDays(f.epochDay);
    switch (c) {
      case 'G':
        out += f.y > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y': {
        const y = c === 'Y' ? weekOfYear(f)[1] : f.y;
        out += n === 2 ? pad(((y % 100) + 100) % 100, 2) : pad(y, n);
        break;
      }
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[f.m - 1] : n === 3 ? MONTHS[f.m - 1].slice(0, 3) : pad(f.m, n);
        break;
      case 'd':
        out += pad(f.d, n);
        break;
      case 'D':
        out += pad(f.epochDay - daysFromCivil(f.y, 1, 1) + 1, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[dow] : DAYS[dow].slice(0, 3);
        break;
      case 'u':
        out += pad(dow === 0 ? 7 : dow, n);
        break;
      case 'F':
        out += pad(Math.floor((f.d - 1) / 7) + 1, n);
        break;
      case 'w':
        out += pad(weekOfYear(f)[0], n);
        break;
      case 'W': {
        const first = daysFromCivil(f.y, f.m, 1);
        out += pad(Math.floor((f.epochDay - (first - dayOfWeekFromDays(first))) / 7) + 1, n);
        break;
      }
      case 'a':
        out += f.h < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(f.h, n);
        break;
      case 'k':
        out += pad(f.h === 0 ? 24 : f.h, n);
        break;
      case 'K':
        out += pad(f.h % 12, n);
        break;
      case 'h':
        out += pad(f.h % 12 === 0 ? 12 : f.h % 12, n);
        break;
      case 'm':
        out += pad(f.mi, n);
        break;
      case 's':
        out += pad(f.s, n);
        break;
      case 'S':
        out += pad(f.ms, n);
        break;
      case 'z':
        out += tz === 'UTC' || tz === 'GMT' ? (n >= 4 ? 'Greenwich Mean Time' : 'GMT') : timeZoneName(epochMs, tz, n >= 4 ? 'long' : 'short');
        break;
      case 'Z': {
        const o = f.offset / 60000;
        out += (o < 0 ? '-' : '+') + pad(Math.floor(Math.abs(o) / 60)) + pad(Math.abs(o) % 60);
        break;
      }
      case 'X': {
        const o = f.offset / 60000;
        if (o === 0) {
          out += 'Z';
          break;
        }
        const sign = o < 0 ? '-' : '+';
        const hh = pad(Math.floor(Math.abs(o) / 60));
        const mm = pad(Math.abs(o) % 60);
        out += n === 1 ? sign + hh : n === 2 ? sign + hh + mm : sign + hh + ':' + mm;
        break;
      }
      default:
        throw new ApexPatternError(`Illegal pattern character '${c}'`);
    }
  }
  return out;
}

/** An invalid SimpleDateFormat pattern (Java IllegalArgumentException). */
export class ApexPatternError extends ApexValueError {
  constructor(message: string) {
    super('System.IllegalArgumentException', message);
  }
}
