// Apex Math methods over the value model: Integer (number), Long (bigint), Decimal, ApexDouble.

import { Decimal, type RoundingMode } from './decimal.js';
import { ApexDouble, doubleToInt64 } from './double.js';
import { mathError } from './errors.js';

export type ApexNumber = number | bigint | Decimal | ApexDouble;

export const ApexMath = {
  /**
   * Math.mod(i1, i2): the remainder of i1 / i2 with the sign of the dividend, as Java's %
   * (Math.mod(-5, 3) = -2). Division by zero throws System.MathException "Divide by 0".
   */
  mod(a: number, b: number): number {
    if (b === 0) throw mathError('Divide by 0');
    return (a % b) | 0;
  },
  modLong(a: bigint, b: bigint): bigint {
    if (b === 0n) throw mathError('Divide by 0');
    return a % b;
  },

  /** Math.roundToLong(Decimal|Double): a Decimal rounds half even (as Decimal.round()); a Double rounds half up toward positive infinity (Java Math.round). */
  roundToLong(x: Decimal | ApexDouble | number): bigint {
    if (x instanceof Decimal) return x.round('HALF_EVEN' as RoundingMode);
    const v = x instanceof ApexDouble ? x.value : x;
    return doubleToInt64(Math.floor(v + 0.5));
  },

  /**
   * Math.round(Decimal|Double) -> Integer. A Decimal rounds half even (Math Class, round(decimalValue):
   * 4.5 -> 4, 5.5 -> 6); a Double rounds as Java Math.round. "If the result is less than
   * -2,147,483,648 or greater than 2,147,483,647, Apex generates an error": System.MathException.
   */
  round(x: Decimal | ApexDouble | number): number {
    const r = x instanceof Decimal ? x.round('HALF_EVEN') : BigInt(Math.floor((x instanceof ApexDouble ? x.value : x) + 0.5));
    if (r < -2147483648n || r > 2147483647n) throw mathError(`Integer overflow: ${r}`);
    return Number(r);
  },

  /** Math.rint(Decimal): the closest integral value, ties to even, as a Decimal of scale 0. */
  rintDecimal(d: Decimal): Decimal {
    return d.setScale(0, 'HALF_EVEN');
  },

  /** Math.signum(Decimal): -1, 0 or 1 as a Decimal. */
  signumDecimal(d: Decimal): Decimal {
    return Decimal.fromInteger(d.signum());
  },

  /** Math.max / Math.min on Decimals (by value; the chosen operand keeps its scale). */
  maxDecimal(a: Decimal, b: Decimal): Decimal {
    return a.compareTo(b) >= 0 ? a : b;
  },
  minDecimal(a: Decimal, b: Decimal): Decimal {
    return a.compareTo(b) <= 0 ? a : b;
  },

  /** Math.abs for Integer wraps at MIN_VALUE as Java does. */
  absInt(a: number): number {
    return a < 0 ? -a | 0 : a;
  },
  absLong(a: bigint): bigint {
    return a < 0n ? BigInt.asIntN(64, -a) : a;
  },

  /** Math.pow(Double, Double). */
  pow(a: number, b: number): ApexDouble {
    return new ApexDouble(Math.pow(a, b));
  },

  /** Math.ceil/floor of a Decimal stay exact. */
  ceilDecimal(d: Decimal): Decimal {
    return d.setScale(0, 'CEILING');
  },
  floorDecimal(d: Decimal): Decimal {
    return d.setScale(0, 'FLOOR');
  },

  /** Math.signum on a Double. */
  signum(x: number): ApexDouble {
    return new ApexDouble(Math.sign(x));
  },
};

/** Converts any Apex number to a JS double (for Double arithmetic). */
export function toDouble(v: ApexNumber): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Decimal) return v.doubleValue();
  return v.value;
}

/** Converts any Apex number to a Decimal (assignment Integer/Long/Double -> Decimal). */
export function toDecimal(v: ApexNumber): Decimal {
  if (v instanceof Decimal) return v;
  if (typeof v === 'number') return Decimal.fromInteger(v);
  if (typeof v === 'bigint') return Decimal.fromInteger(v);
  return Decimal.fromDouble(v.value);
}
