// Apex Decimal: an exact arbitrary-precision decimal, `unscaled * 10^-scale` with a bigint
// unscaled value (never a JS double). Arithmetic follows java.math.BigDecimal, which the Apex
// Developer Guide names as the model ("Decimal (BigDecimal in Java)"), with Apex's defaults:
//   - add/subtract: scale = max(scales); multiply: scale = sum of scales (BigDecimal rules).
//   - setScale(n) without a mode rounds HALF_EVEN (Apex Developer Guide, Decimal Class, setScale:
//     "using half-even rounding, if necessary").
//   - round() without a mode rounds HALF_EVEN (Decimal Class, round: "statistically minimizes
//     cumulative error").
//   - divide(d, scale) without a mode rounds HALF_UP (the documented example 12.4567/7 UP = 1.78
//     needs a mode; the two-argument form is observed to round half up: 5.divide(3, 30) =
//     1.666666666666666666666666666667).
//   - the `/` operator (divide(d) with no scale): see divide() below.

import { mathError, typeError } from './errors.js';
import { javaDoubleToString, parseJavaDouble, setDoubleFormatter } from './double.js';
import { groupThousands } from './integer.js';

export type RoundingMode = 'UP' | 'DOWN' | 'CEILING' | 'FLOOR' | 'HALF_UP' | 'HALF_DOWN' | 'HALF_EVEN' | 'UNNECESSARY';
export const ROUNDING_MODES: readonly RoundingMode[] = [
  'UP',
  'DOWN',
  'CEILING',
  'FLOOR',
  'HALF_UP',
  'HALF_DOWN',
  'HALF_EVEN',
  'UNNECESSARY',
];

const POW10: bigint[] = [1n];
export function pow10(n: number): bigint {
  if (n < 0) throw new RangeError('negative power of ten');
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1] * 10n);
  return POW10[n];
}

const absB = (b: bigint): bigint => (b < 0n ? -b : b);

/** Number of decimal digits of |b| (1 for zero). */
export function digitCount(b: bigint): number {
  return absB(b).toString().length;
}

/** n / d rounded to an integer with the given mode (d != 0). */
export function roundDiv(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d; // truncates toward zero
  const r = n % d;
  if (r === 0n) return q;
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  const twiceR = absB(r) * 2n;
  const absD = absB(d);
  let up: boolean;
  switch (mode) {
    case 'UP':
      up = true;
      break;
    case 'DOWN':
      up = false;
      break;
    case 'CEILING':
      up = sign > 0n;
      break;
    case 'FLOOR':
      up = sign < 0n;
      break;
    case 'HALF_UP':
      up = twiceR >= absD;
      break;
    case 'HALF_DOWN':
      up = twiceR > absD;
      break;
    case 'HALF_EVEN':
      up = twiceR > absD || (twiceR === absD && q % 2n !== 0n);
      break;
    case 'UNNECESSARY':
      throw mathError('Rounding necessary');
    default:
      throw mathError(`Invalid rounding mode: ${String(mode)}`);
  }
  return up ? q + sign : q;
}

/** Scale used by the `/` operator for a quotient that does not terminate. See Decimal.divide. */
export const DIVISION_SCALE = 34;

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export class Decimal {
  /** The unscaled value: the number is unscaled * 10^-scale. */
  readonly unscaled: bigint;
  private readonly _scale: number;

  constructor(unscaled: bigint, scale: number) {
    this.unscaled = unscaled;
    this._scale = scale;
  }

  // ------------------------------------------------------------------ construction

  static readonly ZERO = new Decimal(0n, 0);
  static readonly ONE = new Decimal(1n, 0);

  /**
   * Decimal.valueOf(String): Java BigDecimal(String) syntax — optional sign, digits with an
   * optional fraction, optional exponent (1.5E+3, 2e-2). The scale is the number of fraction
   * digits minus the exponent. Throws System.TypeException "Invalid decimal: <text>".
   */
  static parse(text: string): Decimal {
    const m = DECIMAL_TEXT.exec(text);
    if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) throw typeError(`Invalid decimal: ${text}`);
    const intDigits = m[2];
    const frac = m[3] ?? '';
    const exp = m[4] !== undefined ? Number(m[4]) : 0;
    if (!Number.isSafeInteger(exp)) throw typeError(`Invalid decimal: ${text}`);
    let unscaled = BigInt((intDigits + frac) || '0');
    if (m[1] === '-') unscaled = -unscaled;
    return new Decimal(unscaled, frac.length - exp);
  }

  /** Like parse, but returns null instead of throwing. */
  static tryParse(text: string): Decimal | null {
    try {
      return Decimal.parse(text);
    } catch {
      return null;
    }
  }

  /** Decimal.valueOf(Integer|Long): scale 0. */
  static fromInteger(n: number | bigint): Decimal {
    if (typeof n === 'number' && !Number.isInteger(n)) throw new RangeError(`not an integer: ${n}`);
    return new Decimal(BigInt(n), 0);
  }

  /**
   * Decimal.valueOf(Double): "If the Decimal is created from a non-decimal number, the number is
   * first converted to a String. Scale is then set using the number of characters after the
   * decimal point" (Apex Developer Guide, Decimal Data Type). The String is Java's
   * Double.toString, so valueOf(1.0) has scale 1 and valueOf(1.0E10) is 1.0E+10.
   */
  static fromDouble(x: number): Decimal {
    if (!Number.isFinite(x)) throw typeError(`Invalid decimal: ${javaDoubleToString(x)}`);
    return Decimal.parse(javaDoubleToString(x));
  }

  /** A Decimal from a value of any Apex numeric representation. */
  static from(v: Decimal | number | bigint | { value: number } | string): Decimal {
    if (v instanceof Decimal) return v;
    if (typeof v === 'bigint') return new Decimal(v, 0);
    if (typeof v === 'number') return Number.isInteger(v) ? new Decimal(BigInt(v), 0) : Decimal.fromDouble(v);
    if (typeof v === 'string') return Decimal.parse(v);
    return Decimal.fromDouble(v.value);
  }

  // ------------------------------------------------------------------ accessors

  scale(): number {
    return this._scale;
  }

  /** Total number of digits of the unscaled value (Decimal.precision(): 123.45 -> 5). */
  precision(): number {
    return digitCount(this.unscaled);
  }

  signum(): number {
    return this.unscaled > 0n ? 1 : this.unscaled < 0n ? -1 : 0;
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  // ------------------------------------------------------------------ arithmetic

  private static align(a: Decimal, b: Decimal): [bigint, bigint, number] {
    if (a._scale === b._scale) return [a.unscaled, b.unscaled, a._scale];
    if (a._scale > b._scale) return [a.unscaled, b.unscaled * pow10(a._scale - b._scale), a._scale];
    return [a.unscaled * pow10(b._scale - a._scale), b.unscaled, b._scale];
  }

  add(other: Decimal): Decimal {
    const [x, y, s] = Decimal.align(this, other);
    return new Decimal(x + y, s);
  }

  subtract(other: Decimal): Decimal {
    const [x, y, s] = Decimal.align(this, other);
    return new Decimal(x - y, s);
  }

  multiply(other: Decimal): Decimal {
    return new Decimal(this.unscaled * other.unscaled, this._scale + other._scale);
  }

  /**
   * Division.
   *
   * - divide(d, scale[, mode]): Decimal.divide(divisor, scale[, roundingMode]); the result has
   *   exactly `scale` decimal places (19.divide(100, 3) = 0.190). Default mode HALF_UP.
   * - divide(d) with no scale: the Apex `/` operator. When the quotient terminates it is exact,
   *   with the smallest scale >= (this.scale - d.scale) that represents it (Java's preferred
   *   scale: 10/4 = 2.5, 1.00/2 = 0.50). When it does not terminate it is rounded HALF_UP to
   *   DIVISION_SCALE (34) decimal places less the digits of its integer part, trailing zeros
   *   dropped — matching an org observation reported against another Apex runtime
   *   (octoberswimmer/aer-dist#345: 1/31 = 0.0322580645161290322580645161290323, scale 34).
   *   The Apex Developer Guide does not document the operator's scale; this is the local org's
   *   best-evidence model.
   *
   * Division by zero throws System.MathException "Divide by 0".
   */
  divide(other: Decimal, scale?: number, mode: RoundingMode = 'HALF_UP'): Decimal {
    if (other.unscaled === 0n) throw mathError('Divide by 0');
    if (scale !== undefined) return Decimal.divToScale(this, other, scale, mode);
    const preferred = this._scale - other._scale;
    if (this.unscaled === 0n) return new Decimal(0n, Math.max(preferred, 0));
    // Exact when the reduced denominator has only factors 2 and 5.
    const exact = Decimal.exactQuotient(this, other);
    if (exact) {
      let r = exact;
      // Strip trailing zeros down to the preferred scale.
      // (a negative preferred scale is clamped to 0: 100/0.5 = 200, not Java's 2E+2)
      const floor = Math.max(preferred, 0);
      r = r.stripTrailingZerosTo(floor);
      if (r._scale < floor) r = r.setScale(floor);
      return r;
    }
    // Non-terminating: integer digits of the quotient decide the scale.
    const intPart = Decimal.divToScale(this, other, 0, 'DOWN');
    const intDigits = intPart.unscaled === 0n ? 0 : digitCount(intPart.unscaled);
    const s = Math.max(DIVISION_SCALE - intDigits, 0);
    return Decimal.divToScale(this, other, s, 'HALF_UP').stripTrailingZerosTo(Math.max(preferred, 0));
  }

  private stripTrailingZerosTo(minScale: number): Decimal {
    let r: Decimal = this;
    while (r._scale > minScale && r.unscaled !== 0n && r.unscaled % 10n === 0n) r = new Decimal(r.unscaled / 10n, r._scale - 1);
    return r;
  }

  private static divToScale(a: Decimal, b: Decimal, scale: number, mode: RoundingMode): Decimal {
    if (b.unscaled === 0n) throw mathError('Divide by 0');
    // q * 10^-scale = (ua * 10^-sa) / (ub * 10^-sb)  =>  q = ua * 10^(scale + sb - sa) / ub
    const e = scale + b._scale - a._scale;
    let num = a.unscaled;
    let den = b.unscaled;
    if (e >= 0) num *= pow10(e);
    else den *= pow10(-e);
    return new Decimal(roundDiv(num, den, mode), scale);
  }

  /** The exact quotient when it terminates, else null. */
  private static exactQuotient(a: Decimal, b: Decimal): Decimal | null {
    let den = absB(b.unscaled);
    const g = gcd(absB(a.unscaled), den);
    den /= g;
    let twos = 0;
    let fives = 0;
    while (den % 2n === 0n) {
      den /= 2n;
      twos++;
    }
    while (den % 5n === 0n) {
      den /= 5n;
      fives++;
    }
    if (den !== 1n) return null;
    const extra = Math.max(twos, fives);
    return Decimal.divToScale(a, b, a._scale - b._scale + extra, 'UNNECESSARY');
  }

  /** Remainder of truncating division (Java BigDecimal.remainder). */
  remainder(other: Decimal): Decimal {
    if (other.unscaled === 0n) throw mathError('Divide by 0');
    const q = Decimal.divToScale(this, other, 0, 'DOWN');
    return this.subtract(q.multiply(other));
  }

  negate(): Decimal {
    return new Decimal(-this.unscaled, this._scale);
  }

  abs(): Decimal {
    return this.unscaled < 0n ? this.negate() : this;
  }

  /**
   * Decimal.pow(exponent): exact, scale = scale * exponent; exponent 0..32767 (Apex Developer
   * Guide, Decimal Class, pow: "The value of exponent must be between 0 and 32,767"; pow(0) = 1).
   */
  pow(n: number): Decimal {
    if (!Number.isInteger(n) || n < 0 || n > 32767) throw mathError('Invalid operation');
    return new Decimal(this.unscaled ** BigInt(n), this._scale * n);
  }

  /** Moves the decimal point (BigDecimal.movePointLeft). */
  movePointLeft(n: number): Decimal {
    const r = new Decimal(this.unscaled, this._scale + n);
    return r._scale < 0 ? r.setScale(0) : r;
  }

  movePointRight(n: number): Decimal {
    return this.movePointLeft(-n);
  }

  // ------------------------------------------------------------------ scale and rounding

  /** Decimal.setScale(scale[, roundingMode]); the default mode is HALF_EVEN. */
  setScale(scale: number, mode: RoundingMode = 'HALF_EVEN'): Decimal {
    if (!Number.isInteger(scale)) throw mathError(`Invalid scale: ${scale}`);
    if (scale === this._scale) return this;
    if (scale > this._scale) return new Decimal(this.unscaled * pow10(scale - this._scale), scale);
    return new Decimal(roundDiv(this.unscaled, pow10(this._scale - scale), mode), scale);
  }

  /**
   * Decimal.round([roundingMode]): rounds to an integer and returns it as a Long (bigint).
   * Default mode HALF_EVEN. The returned Long wraps like a Java long conversion.
   */
  round(mode: RoundingMode = 'HALF_EVEN'): bigint {
    return BigInt.asIntN(64, this.setScale(0, mode).unscaled);
  }

  /** Rounds to an integral Decimal keeping scale 0. */
  roundToDecimal(mode: RoundingMode = 'HALF_EVEN'): Decimal {
    return this.setScale(0, mode);
  }

  /** Rounds to `digits` significant digits (BigDecimal.round(MathContext)). */
  roundToPrecision(digits: number, mode: RoundingMode = 'HALF_UP'): Decimal {
    const p = this.precision();
    if (digits <= 0 || p <= digits) return this;
    let r = this.setScale(this._scale - (p - digits), mode);
    if (r.precision() > digits) r = r.setScale(r._scale - 1, mode);
    return r;
  }

  stripTrailingZeros(): Decimal {
    if (this.unscaled === 0n) return new Decimal(0n, 0);
    let u = this.unscaled;
    let s = this._scale;
    while (u % 10n === 0n) {
      u /= 10n;
      s--;
    }
    return new Decimal(u, s);
  }

  // ------------------------------------------------------------------ comparison

  compareTo(other: Decimal): number {
    const [x, y] = Decimal.align(this, other);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  /** Apex `==` on Decimal: numeric value, scale ignored (1.1 == 1.10). */
  equals(other: unknown): boolean {
    return other instanceof Decimal && this.compareTo(other) === 0;
  }

  /** Java BigDecimal.equals: value and scale (1.1 != 1.10). */
  equalsWithScale(other: Decimal): boolean {
    return this.unscaled === other.unscaled && this._scale === other._scale;
  }

  /**
   * Decimal.hashCode(): BigDecimal.hashCode, 31 * unscaledValue.hashCode() + scale. "Two Decimal
   * objects that are numerically equivalent but differ in scale (such as 1.1 and 1.10) generally
   * do not have the same hashcode" (Apex Developer Guide, Decimal Class).
   */
  hashCode(): number {
    return (Math.imul(31, bigIntegerHashCode(this.unscaled)) + this._scale) | 0;
  }

  /** A key equal for numerically equal Decimals (for Set/Map bucketing by value). */
  valueKey(): string {
    return this.stripTrailingZeros().toString();
  }

  // ------------------------------------------------------------------ conversion

  /** Decimal.intValue(): the integral part, wrapped to int32 like Java intValue(). */
  intValue(): number {
    return Number(BigInt.asIntN(32, this.toBigIntTruncated()));
  }

  /** Decimal.longValue(): the integral part, wrapped to int64. */
  longValue(): bigint {
    return BigInt.asIntN(64, this.toBigIntTruncated());
  }

  toBigIntTruncated(): bigint {
    if (this._scale <= 0) return this.unscaled * pow10(-this._scale);
    return this.unscaled / pow10(this._scale);
  }

  /** Decimal.doubleValue(): the nearest double. */
  doubleValue(): number {
    return Number(this.toPlainString());
  }

  /**
   * String.valueOf(Decimal) / Decimal.toString(): Java BigDecimal.toString — plain notation
   * unless the scale is negative or the adjusted exponent is below -6, then scientific
   * (1E+3, 1.23E-7).
   */
  toString(): string {
    const neg = this.unscaled < 0n;
    const coeff = absB(this.unscaled).toString();
    const adjusted = -this._scale + (coeff.length - 1);
    if (this._scale >= 0 && adjusted >= -6) return (neg ? '-' : '') + plain(coeff, this._scale);
    let s = coeff.length > 1 ? `${coeff[0]}.${coeff.slice(1)}` : coeff;
    s += 'E' + (adjusted >= 0 ? '+' : '') + adjusted;
    return (neg ? '-' : '') + s;
  }

  /** Decimal.toPlainString(): no exponent (1E+3 -> 1000). */
  toPlainString(): string {
    const neg = this.unscaled < 0n;
    const coeff = absB(this.unscaled).toString();
    if (this._scale <= 0) return (neg ? '-' : '') + (this.unscaled === 0n ? '0' : coeff + '0'.repeat(-this._scale));
    return (neg ? '-' : '') + plain(coeff, this._scale);
  }

  /**
   * Decimal.format(): the en_US number format — grouping separators, and the Decimal's own
   * fraction digits up to 3 (Java DecimalFormat default max fraction digits, HALF_EVEN), e.g.
   * 1234567.891 -> "1,234,567.891", 3.14159 -> "3.142", 2.50 -> "2.5".
   */
  format(maxFractionDigits = 3): string {
    let d = this._scale > maxFractionDigits ? this.setScale(maxFractionDigits, 'HALF_EVEN') : this;
    d = d._scale > 0 ? d.stripTrailingZerosTo(0) : d.setScale(0);
    const neg = d.unscaled < 0n;
    const p = d.abs().toPlainString();
    const [i, f] = p.split('.');
    const body = groupThousands(i) + (f ? '.' + f : '');
    return neg && d.unscaled !== 0n ? '-' + body : body;
  }

  toJSON(): string {
    return this.toString();
  }
}

function plain(coeff: string, scale: number): string {
  if (scale === 0) return coeff;
  if (coeff.length > scale) return `${coeff.slice(0, coeff.length - scale)}.${coeff.slice(coeff.length - scale)}`;
  return `0.${'0'.repeat(scale - coeff.length)}${coeff}`;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** Java BigInteger.hashCode over the 32-bit magnitude words, times the sign. */
export function bigIntegerHashCode(b: bigint): number {
  const mag = absB(b);
  const words: number[] = [];
  let m = mag;
  while (m > 0n) {
    words.unshift(Number(m & 0xffffffffn));
    m >>= 32n;
  }
  let h = 0;
  for (const w of words) h = (Math.imul(31, h) + w) | 0;
  return b < 0n ? -h | 0 : h;
}

/** Decimal.valueOf(Double) from a parsed text like Double.valueOf would give: helper for callers. */
export function decimalFromDoubleText(text: string): Decimal | null {
  const x = parseJavaDouble(text);
  return x === null || !Number.isFinite(x) ? null : Decimal.fromDouble(x);
}

setDoubleFormatter((x) => Decimal.fromDouble(x).format());
