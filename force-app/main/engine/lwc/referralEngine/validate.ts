/**
 * Input validation helpers. Every helper reads one field of a plain object and throws
 * `INVALID_INPUT` with a sentence naming the field (`rules[2].tiers[1].upTo ...`).
 * Paths are built only when an error is thrown.
 */
import { dayNumber } from './dates';
import { ReferralEngineError } from './errors';
import { MAX_SAFE, decimalOf, pow10n } from './money';

export type Rec = Record<string, unknown>;

export { MAX_SAFE };

/** Money has at most 13 integer digits: every amount is below 10^13 (docs/rules.md, Numbers). */
export const MONEY_LIMIT = 1e13;

/**
 * Below this bound `Math.round(v * 10^4) / 10^4 === v` decides exactly whether the shortest
 * decimal of v has at most 4 fraction digits: the product is within 0.02 of the exact one.
 */
const FAST_VALUE_LIMIT = 1e10;

export function fieldPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

export function invalid(path: string, problem: string): never {
  throw new ReferralEngineError('INVALID_INPUT', `${path} ${problem}.`);
}

export function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function missingOr(v: unknown, wrong: string): string {
  return v === undefined || v === null ? 'is required' : wrong;
}

/** The input itself: a plain object. */
export function root(input: unknown, name: string): Rec {
  if (!isRec(input)) {
    invalid(name, 'must be an object');
  }
  return input;
}

/*
 * Each `req...`/`opt...` helper reads field k of o; its `as...` twin checks a value already read
 * as field k of the object at path p. Hot paths read the field themselves (`o.program`), so the
 * property access is specialised to that object's shape, and pass the value.
 */

export function asObj(v: unknown, p: string, k: string): Rec {
  if (isRec(v)) {
    return v;
  }
  return invalid(fieldPath(p, k), missingOr(v, 'must be an object'));
}

export function reqObj(o: Rec, k: string, p: string): Rec {
  return asObj(o[k], p, k);
}

export function asOptObj(v: unknown, p: string, k: string): Rec | null {
  if (v === undefined || v === null) {
    return null;
  }
  if (isRec(v)) {
    return v;
  }
  return invalid(fieldPath(p, k), 'must be an object or null');
}

export function optObj(o: Rec, k: string, p: string): Rec | null {
  return asOptObj(o[k], p, k);
}

export function asArr(v: unknown, p: string, k: string): unknown[] {
  if (Array.isArray(v)) {
    return v;
  }
  return invalid(fieldPath(p, k), missingOr(v, 'must be a list'));
}

export function reqArr(o: Rec, k: string, p: string): unknown[] {
  return asArr(o[k], p, k);
}

const EMPTY: readonly unknown[] = Object.freeze([]);

/** A list with default `[]` (absent or null). */
export function asOptArr(v: unknown, p: string, k: string): readonly unknown[] {
  if (v === undefined || v === null) {
    return EMPTY;
  }
  if (Array.isArray(v)) {
    return v;
  }
  return invalid(fieldPath(p, k), 'must be a list');
}

export function optArr(o: Rec, k: string, p: string): readonly unknown[] {
  return asOptArr(o[k], p, k);
}

export function elemObj(v: unknown, p: string): Rec {
  if (isRec(v)) {
    return v;
  }
  return invalid(p, missingOr(v, 'must be an object'));
}

export function asStr(v: unknown, p: string, k: string): string {
  if (typeof v === 'string') {
    return v;
  }
  return invalid(fieldPath(p, k), missingOr(v, 'must be a string'));
}

export function reqStr(o: Rec, k: string, p: string): string {
  return asStr(o[k], p, k);
}

export function optStr(o: Rec, k: string, p: string): string | null {
  const v = o[k];
  if (typeof v === 'string') {
    return v;
  }
  if (v === undefined || v === null) {
    return null;
  }
  return invalid(fieldPath(p, k), 'must be a string or null');
}

export function reqBool(o: Rec, k: string, p: string): boolean {
  const v = o[k];
  if (typeof v === 'boolean') {
    return v;
  }
  return invalid(fieldPath(p, k), missingOr(v, 'must be true or false'));
}

/** A boolean with default `false` (absent or null). */
export function optBool(o: Rec, k: string, p: string): boolean {
  const v = o[k];
  if (typeof v === 'boolean') {
    return v;
  }
  if (v === undefined || v === null) {
    return false;
  }
  return invalid(fieldPath(p, k), 'must be true or false');
}

export function reqEnum<T extends string>(o: Rec, k: string, p: string, values: readonly T[]): T {
  return asEnum(o[k], p, k, values);
}

export function asEnum<T extends string>(
  v: unknown,
  p: string,
  k: string,
  values: readonly T[]
): T {
  if (typeof v === 'string') {
    for (let i = 0; i < values.length; i++) {
      if (values[i] === v) {
        return values[i];
      }
    }
  }
  return invalid(fieldPath(p, k), missingOr(v, `must be one of ${values.join(', ')}`));
}

function checkNumber(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    return invalid(path, missingOr(v, 'must be a number'));
  }
  if (v < 0) {
    return invalid(path, 'must not be negative');
  }
  return v;
}

/** A required non-negative number. */
export function reqNum(o: Rec, k: string, p: string): number {
  return asNum(o[k], p, k);
}

export function asNum(v: unknown, p: string, k: string): number {
  if (typeof v === 'number' && v >= 0 && v !== Infinity) {
    return v;
  }
  return checkNumber(v, fieldPath(p, k));
}

/** A nullable non-negative number (null when absent or null). */
export function optNum(o: Rec, k: string, p: string): number | null {
  return asOptNum(o[k], p, k);
}

export function asOptNum(v: unknown, p: string, k: string): number | null {
  if (v === undefined || v === null) {
    return null;
  }
  if (typeof v === 'number' && v >= 0 && v !== Infinity) {
    return v;
  }
  return checkNumber(v, fieldPath(p, k));
}

/**
 * A non-negative number as money in cents: at most 13 integer digits and 2 fraction digits.
 * Below 10^13 the float check is exact: `v * 100` is within 0.1 of the exact product, so it
 * rounds to the cent count whenever v is the double nearest a 2-digit decimal, and `m / 100` is
 * then that very double (correctly rounded division).
 */
function centsOf(v: number, path: string): number {
  if (v >= MONEY_LIMIT) {
    return invalid(path, 'must have at most 13 integer digits');
  }
  const m = Math.round(v * 100);
  if (m / 100 !== v) {
    return invalid(path, 'must have at most 2 fraction digits');
  }
  return m;
}

/** A required money amount (>= 0, at most 13 integer and 2 fraction digits) in cents. */
export function reqCents(o: Rec, k: string, p: string): number {
  return asCents(o[k], p, k);
}

export function asCents(value: unknown, p: string, k: string): number {
  const v = asNum(value, p, k);
  if (v < MONEY_LIMIT) {
    const m = Math.round(v * 100);
    if (m / 100 === v) {
      return m;
    }
  }
  return centsOf(v, fieldPath(p, k));
}

/** A nullable money amount in cents, -1 when absent or null. */
export function optCents(o: Rec, k: string, p: string): number {
  return asOptCents(o[k], p, k);
}

export function asOptCents(value: unknown, p: string, k: string): number {
  const v = asOptNum(value, p, k);
  if (v === null) {
    return -1;
  }
  if (v < MONEY_LIMIT) {
    const m = Math.round(v * 100);
    if (m / 100 === v) {
      return m;
    }
  }
  return centsOf(v, fieldPath(p, k));
}

/**
 * A value or percent scaled by 10^4, exactly, at any magnitude: a number while it is a safe
 * integer, a BigInt beyond. At most 4 fraction digits in the shortest decimal of the double.
 */
export function scaled4(v: number, path: string): number | bigint {
  if (v < FAST_VALUE_LIMIT) {
    const m = Math.round(v * 10000);
    if (m / 10000 === v) {
      return m;
    }
  }
  const d = decimalOf(v);
  if (d.scale > 4) {
    return invalid(path, 'must have at most 4 fraction digits');
  }
  const m = d.mantissa * pow10n(4 - d.scale);
  return m <= BigInt(MAX_SAFE) ? Number(m) : m;
}

/** A required value or percent (>= 0, at most 4 fraction digits) scaled by 10^4. */
export function reqScaled4(o: Rec, k: string, p: string): number | bigint {
  return scaled4(reqNum(o, k, p), fieldPath(p, k));
}

/** A whole number (points), not negative; exact as the double it is. */
export function reqWhole(o: Rec, k: string, p: string): number {
  const v = reqNum(o, k, p);
  if (Number.isInteger(v)) {
    return v;
  }
  return invalid(fieldPath(p, k), 'must be a whole number');
}

/** A nullable whole number, -1 when absent or null. */
export function optWhole(o: Rec, k: string, p: string): number {
  const v = optNum(o, k, p);
  if (v === null) {
    return -1;
  }
  if (Number.isInteger(v)) {
    return v;
  }
  return invalid(fieldPath(p, k), 'must be a whole number or null');
}

/** A required calendar date; returns the date string (valid dates compare as strings). */
export function reqDate(o: Rec, k: string, p: string): string {
  return asDate(o[k], p, k);
}

export function asDate(v: unknown, p: string, k: string): string {
  if (Number.isNaN(dayNumber(v))) {
    return invalid(fieldPath(p, k), missingOr(v, 'must be a calendar date YYYY-MM-DD'));
  }
  return v as string;
}

/** A required calendar date as its day number. */
export function reqDay(o: Rec, k: string, p: string): number {
  const v = o[k];
  const d = dayNumber(v);
  if (Number.isNaN(d)) {
    return invalid(fieldPath(p, k), missingOr(v, 'must be a calendar date YYYY-MM-DD'));
  }
  return d;
}

/** A nullable calendar date as its day number, NaN when absent or null. */
export function optDay(o: Rec, k: string, p: string): number {
  const v = o[k];
  if (v === undefined || v === null) {
    return NaN;
  }
  const d = dayNumber(v);
  if (Number.isNaN(d)) {
    return invalid(fieldPath(p, k), 'must be a calendar date YYYY-MM-DD or null');
  }
  return d;
}

/** A nullable calendar date string, null when absent or null. */
export function optDate(o: Rec, k: string, p: string): string | null {
  const v = o[k];
  if (v === undefined || v === null) {
    return null;
  }
  if (Number.isNaN(dayNumber(v))) {
    return invalid(fieldPath(p, k), 'must be a calendar date YYYY-MM-DD or null');
  }
  return v as string;
}
