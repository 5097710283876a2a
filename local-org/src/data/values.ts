// The data layer's view of the value model (apex/values): encoding for storage, comparison and
// equality with SOQL semantics. Date/Datetime/Time are reached through the documented names
// (ApexDate, ApexDatetime, ApexTime) with a narrow adapter so storage stays exact.
import * as V from '../apex/values/index.js';
import { Decimal } from '../apex/values/index.js';
import type { FieldDef, FieldValue } from '../contracts.js';
import { DataError } from './errors.js';

const Vx = V as unknown as { getUserTimeZone?: () => string; offsetAt?: (ms: number, tz: string) => number };

export { Decimal };

// ------------------------------------------------------------------- dates

import { ApexDate, ApexDatetime, ApexTime } from '../apex/values/index.js';

/** Date as days since 1970-01-01. */
export function dateToDays(d: unknown): number {
  if (d instanceof ApexDate) return d.epochDay;
  if (d instanceof ApexDatetime) return Math.floor(d.epochMs / 86400000);
  throw new DataError('System.TypeException', `not a Date: ${String(d)}`);
}
export function daysToIso(days: number): string {
  return new Date(days * 86400000).toISOString().slice(0, 10);
}
export function makeDate(days: number): ApexDate {
  return ApexDate.fromEpochDay(days);
}
export function isDate(v: unknown): v is ApexDate {
  return v instanceof ApexDate;
}
export function isDatetime(v: unknown): v is ApexDatetime {
  return v instanceof ApexDatetime;
}
export function isTime(v: unknown): v is ApexTime {
  return v instanceof ApexTime;
}
export function datetimeToMs(d: unknown): number {
  if (d instanceof ApexDatetime) return d.epochMs;
  if (d instanceof ApexDate) return d.epochDay * 86400000;
  throw new DataError('System.TypeException', `not a Datetime: ${String(d)}`);
}
export function makeDatetime(ms: number): ApexDatetime {
  return ApexDatetime.fromEpochMs(ms);
}
export function timeToMs(t: unknown): number {
  if (t instanceof ApexTime) return t.msOfDay;
  throw new DataError('System.TypeException', `not a Time: ${String(t)}`);
}
export function makeTime(ms: number): ApexTime {
  return ApexTime.fromMsOfDay(ms);
}

/** User time zone (IANA) for date literals and DAY_ONLY; apex/values owns it. */
export function userTimeZone(): string {
  try {
    return typeof Vx.getUserTimeZone === 'function' ? Vx.getUserTimeZone() : 'America/Los_Angeles';
  } catch {
    return 'America/Los_Angeles';
  }
}
/** Offset (ms) of `tz` at `epochMs`: local = utc + offset. */
export function tzOffset(epochMs: number, tz: string): number {
  if (typeof Vx.offsetAt === 'function') return Vx.offsetAt(epochMs, tz);
  const dtf = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const p = Object.fromEntries(dtf.formatToParts(new Date(epochMs)).map((x) => [x.type, x.value]));
  const local = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return local - Math.floor(epochMs / 1000) * 1000;
}
/** Local midnight of `days` in `tz` as UTC ms. */
export function localMidnightMs(days: number, tz: string): number {
  const guess = days * 86400000;
  let off = tzOffset(guess, tz);
  off = tzOffset(guess - off, tz);
  return guess - off;
}
export function msToLocalDays(ms: number, tz: string): number {
  return Math.floor((ms + tzOffset(ms, tz)) / 86400000);
}

// ------------------------------------------------------------------- comparison

export type Scalar = FieldValue | unknown;

/** Normalises a value for comparison: numbers as Decimal, dates as day numbers, datetimes as ms, text as string. */
export type Norm = { k: 'null' } | { k: 'num'; v: Decimal } | { k: 'date'; v: number } | { k: 'dt'; v: number } | { k: 'time'; v: number } | { k: 'bool'; v: boolean } | { k: 'str'; v: string };

export function norm(v: unknown): Norm {
  if (v === null || v === undefined) return { k: 'null' };
  if (typeof v === 'boolean') return { k: 'bool', v };
  if (typeof v === 'string') return { k: 'str', v };
  if (v instanceof Decimal) return { k: 'num', v };
  if (typeof v === 'number') return { k: 'num', v: Number.isInteger(v) ? Decimal.fromInteger(v) : Decimal.fromDouble(v) };
  if (typeof v === 'bigint') return { k: 'num', v: Decimal.fromInteger(v) };
  if (v instanceof V.ApexDouble) return { k: 'num', v: Decimal.fromDouble(v.value) };
  if (isDate(v)) return { k: 'date', v: dateToDays(v) };
  if (isDatetime(v)) return { k: 'dt', v: datetimeToMs(v) };
  if (isTime(v)) return { k: 'time', v: timeToMs(v) };
  return { k: 'str', v: String(v) };
}

/** SOQL comparison: text case-insensitive; null handled by the caller. Returns <0, 0, >0. */
export function compareValues(a: unknown, b: unknown, caseSensitive = false): number {
  const x = norm(a);
  const y = norm(b);
  if (x.k === 'null' || y.k === 'null') {
    if (x.k === y.k) return 0;
    return x.k === 'null' ? -1 : 1;
  }
  if (x.k === 'num' && y.k === 'num') return x.v.compareTo(y.v);
  if (x.k === 'bool' && y.k === 'bool') return x.v === y.v ? 0 : x.v ? 1 : -1;
  if ((x.k === 'date' || x.k === 'dt' || x.k === 'time') && x.k === y.k) return x.v < y.v ? -1 : x.v > y.v ? 1 : 0;
  if (x.k === 'dt' && y.k === 'date') return compareNum(x.v, y.v * 86400000);
  if (x.k === 'date' && y.k === 'dt') return compareNum(x.v * 86400000, y.v);
  const sa = x.k === 'str' ? x.v : normText(x);
  const sb = y.k === 'str' ? y.v : normText(y);
  if (caseSensitive) return sa < sb ? -1 : sa > sb ? 1 : 0;
  const la = sa.toLowerCase();
  const lb = sb.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : 0;
}
function compareNum(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function normText(n: Norm): string {
  switch (n.k) {
    case 'num':
      return n.v.toPlainString();
    case 'bool':
      return String(n.v);
    case 'date':
      return daysToIso(n.v);
    case 'dt':
      return new Date(n.v).toISOString();
    case 'time':
      return String(n.v);
    case 'str':
      return n.v;
    default:
      return '';
  }
}

/** Id comparison: 15 and 18-character forms of one id are equal. */
export function idEq(a: string, b: string): boolean {
  if (a.length === b.length) return a === b || (a.length === 18 && a.toLowerCase() === b.toLowerCase());
  return a.slice(0, 15) === b.slice(0, 15);
}

// ------------------------------------------------------------------- storage encoding

export type Stored = string | number | null;

export function isNumericType(t: string): boolean {
  return t === 'Number' || t === 'Currency' || t === 'Percent' || t === 'Summary';
}

export function effectiveType(f: FieldDef): string {
  return f.type === 'Formula' ? f.formulaType ?? 'Text' : f.type;
}

/** Encodes a field value for its SQLite column (exact: Decimal as text, Date ISO text, Datetime integer ms). */
export function encode(f: FieldDef, v: unknown): Stored {
  if (v === null || v === undefined) return null;
  const t = effectiveType(f);
  if (isNumericType(t)) return norm(v).k === 'num' ? (norm(v) as { v: Decimal }).v.toString() : String(v);
  if (t === 'Checkbox') return v ? 1 : 0;
  if (t === 'Date') return isDate(v) ? daysToIso(dateToDays(v)) : isDatetime(v) ? daysToIso(Math.floor(datetimeToMs(v) / 86400000)) : String(v);
  if (t === 'DateTime') return isDatetime(v) ? datetimeToMs(v) : isDate(v) ? dateToDays(v) * 86400000 : Number(v);
  if (t === 'Time') return isTime(v) ? timeToMs(v) : Number(v);
  return typeof v === 'string' ? v : String(v);
}

export function decode(f: FieldDef, s: Stored): unknown {
  if (s === null || s === undefined) return null;
  const t = effectiveType(f);
  if (isNumericType(t)) return Decimal.parse(String(s));
  if (t === 'Checkbox') return s === 1 || s === '1';
  if (t === 'Date') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(s))!;
    return makeDate(Math.floor(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / 86400000));
  }
  if (t === 'DateTime') return makeDatetime(Number(s));
  if (t === 'Time') return makeTime(Number(s));
  return String(s);
}
