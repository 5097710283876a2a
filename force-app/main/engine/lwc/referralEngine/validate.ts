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

export function fieldPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

export function invalid(path: string, problem: string): never {
  throw new ReferralEngineError('INVALID_INPUT', `${path} ${problem}.`, path);
}

export function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function missingOr(v: unknown, wrong: string): string {
  // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
  return v === undefined || v === null ? 'is required' : wrong;
}

/** The input itself: a plain object. */
export function root(input: unknown, name: string): Rec {
  if (!isRec(input)) {
    // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
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
  // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
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
  // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
  return invalid(fieldPath(p, k), 'must be an object or null');
}

export function optObj(o: Rec, k: string, p: string): Rec | null {
  return asOptObj(o[k], p, k);
}

export function asArr(v: unknown, p: string, k: string): unknown[] {
  if (Array.isArray(v)) {
    return v;
  }
  // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
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
  // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
  return invalid(fieldPath(p, k), 'must be a list');
}

export function optArr(o: Rec, k: string, p: string): readonly unknown[] {
  return asOptArr(o[k], p, k);
}

export function elemObj(v: unknown, p: string): Rec {
  if (isRec(v)) {
    return v;
  }
  // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
  return invalid(p, missingOr(v, 'must be an object'));
}

export function asStr(v: unknown, p: string, k: string): string {
  if (typeof v === 'string') {
    return v;
  }
  // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
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
  // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
  return invalid(fieldPath(p, k), 'must be a string or null');
}

export function reqBool(o: Rec, k: string, p: string): boolean {
  const v = o[k];
  if (typeof v === 'boolean') {
    return v;
  }
  // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
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
  // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
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
  for (let i = 0; i < values.length; i++) {
    if (values[i] === v) {
      return values[i];
    }
  }
  // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
  return invalid(fieldPath(p, k), missingOr(v, `must be one of ${values.join(', ')}`));
}

/** What is wrong with a value that is not a finite non-negative number. */
function numberProblem(v: unknown): string {
  // Number.isFinite is false for anything but a finite number (it does not convert).
  // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
  return Number.isFinite(v) ? 'must not be negative' : missingOr(v, 'must be a number');
}

/** A required non-negative number. */
export function reqNum(o: Rec, k: string, p: string): number {
  return asNum(o[k], p, k);
}

export function asNum(v: unknown, p: string, k: string): number {
  // NaN fails `v >= 0`.
  if (typeof v === 'number' && v >= 0 && v !== Infinity) {
    return v;
  }
  return invalid(fieldPath(p, k), numberProblem(v));
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
  return invalid(fieldPath(p, k), numberProblem(v));
}

/** `centsOf` of a number with more than 13 integer digits. */
const TOO_LARGE = -1;
/** `centsOf` of a number with more than 2 fraction digits. */
const TOO_PRECISE = -2;

/**
 * A non-negative number as money in cents: at most 13 integer digits and 2 fraction digits, else
 * TOO_LARGE or TOO_PRECISE. Below 10^13 the float check is exact: `v * 100` is within 0.1 of the
 * exact product, so it rounds to the cent count whenever v is the double nearest a 2-digit
 * decimal, and `m / 100` is then that very double (correctly rounded division).
 */
function centsOf(v: number): number {
  if (v >= MONEY_LIMIT) {
    return TOO_LARGE;
  }
  const m = Math.round(v * 100);
  return m / 100 === v ? m : TOO_PRECISE;
}

/** The cents `centsOf` found, or INVALID_INPUT naming the field and the limit it breaks. */
function validCents(m: number, p: string, k: string): number {
  if (m >= 0) {
    return m;
  }
  return invalid(
    fieldPath(p, k),
    // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
    m === TOO_LARGE ? 'must have at most 13 integer digits' : 'must have at most 2 fraction digits'
  );
}

/** A required money amount (>= 0, at most 13 integer and 2 fraction digits) in cents. */
export function reqCents(o: Rec, k: string, p: string): number {
  return asCents(o[k], p, k);
}

export function asCents(value: unknown, p: string, k: string): number {
  return validCents(centsOf(asNum(value, p, k)), p, k);
}

/** A nullable money amount in cents, -1 when absent or null. */
export function optCents(o: Rec, k: string, p: string): number {
  return asOptCents(o[k], p, k);
}

export function asOptCents(value: unknown, p: string, k: string): number {
  const v = asOptNum(value, p, k);
  return v === null ? -1 : validCents(centsOf(v), p, k);
}

/**
 * A value or percent scaled by 10^4, exactly, at any magnitude: a number while it is a safe
 * integer, a BigInt beyond. At most 4 fraction digits in the shortest decimal of the double.
 */
export function scaled4(v: number, path: string): number | bigint {
  // Always on the exact decimal: a float shortcut (round(v * 10^4) / 10^4 === v) is wrong from
  // about 10^12, and rule values are scaled once per rule list (reward's memo), not per decision.
  const d = decimalOf(v);
  if (d.scale > 4) {
    // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
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
  // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
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
  // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
  return invalid(fieldPath(p, k), 'must be a whole number or null');
}

/** A required calendar date; returns the date string (valid dates compare as strings). */
export function reqDate(o: Rec, k: string, p: string): string {
  return asDate(o[k], p, k);
}

export function asDate(v: unknown, p: string, k: string): string {
  if (Number.isNaN(dayNumber(v))) {
    // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
    return invalid(fieldPath(p, k), missingOr(v, 'must be a calendar date YYYY-MM-DD'));
  }
  return v as string;
}

/** A required calendar date as its day number. */
export function reqDay(o: Rec, k: string, p: string): number {
  const v = o[k];
  const d = dayNumber(v);
  if (Number.isNaN(d)) {
    // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
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
    // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
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
    // labels-gate: not text (engine diagnostic, docs/rules.md; screens use c/engineMessages)
    return invalid(fieldPath(p, k), 'must be a calendar date YYYY-MM-DD or null');
  }
  return v as string;
}
