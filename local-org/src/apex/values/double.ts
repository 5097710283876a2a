// Apex Double: an IEEE 754 binary64 wrapped so the interpreter can tell it from Integer.
// toString follows Java's Double.toString (Apex String.valueOf(Double)).

export class ApexDouble {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
  static of(value: number): ApexDouble {
    return new ApexDouble(value);
  }
  toString(): string {
    return javaDoubleToString(this.value);
  }
  equals(other: unknown): boolean {
    return other instanceof ApexDouble && (other.value === this.value || (Number.isNaN(other.value) && Number.isNaN(this.value)));
  }
  compareTo(other: ApexDouble): number {
    return this.value < other.value ? -1 : this.value > other.value ? 1 : 0;
  }
  hashCode(): number {
    return javaDoubleHashCode(this.value);
  }
  intValue(): number {
    return doubleToInt32(this.value);
  }
  longValue(): bigint {
    return doubleToInt64(this.value);
  }
  /** Double.round(): the closest Long (Java Math.round: 4.5 -> 5, -4.5 -> -4, -4.7 -> -5). */
  round(): bigint {
    return doubleToInt64(Math.floor(this.value + 0.5));
  }
  /**
   * Double.format(): the en_US number format (grouping, at most 3 fraction digits, half even),
   * e.g. 1261992 -> '1,261,992'.
   */
  format(): string {
    if (Number.isNaN(this.value)) return 'NaN';
    if (!Number.isFinite(this.value)) return this.value > 0 ? '\u221e' : '-\u221e';
    return formatDoubleDigits(this.value);
  }
}

let formatHook: ((x: number) => string) | null = null;
/** Set by decimal.ts (avoids an import cycle): formats a double through its Decimal value. */
export function setDoubleFormatter(f: (x: number) => string): void {
  formatHook = f;
}
function formatDoubleDigits(x: number): string {
  if (!formatHook) throw new Error('Decimal formatter not loaded');
  return formatHook(x);
}

/** Shortest round-trip digits and decimal exponent of a finite, non-zero |x|. */
function digitsOf(x: number): { digits: string; exp: number } {
  // toExponential() without argument gives as many digits as needed to round-trip.
  const s = Math.abs(x).toExponential();
  const [mant, e] = s.split('e');
  return { digits: mant.replace('.', ''), exp: Number(e) };
}

/** Java Double.toString: 1.0, 0.001, 1.0E7, 1.234E-5, NaN, Infinity. */
export function javaDoubleToString(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const ax = Math.abs(x);
  const { digits, exp } = digitsOf(x);
  if (ax >= 1e-3 && ax < 1e7) {
    let intPart: string;
    let frac: string;
    if (exp >= 0) {
      const padded = digits.padEnd(exp + 1, '0');
      intPart = padded.slice(0, exp + 1);
      frac = padded.slice(exp + 1);
    } else {
      intPart = '0';
      frac = '0'.repeat(-exp - 1) + digits;
    }
    if (frac === '') frac = '0';
    return `${sign}${intPart}.${frac}`;
  }
  const frac = digits.length > 1 ? digits.slice(1) : '0';
  return `${sign}${digits[0]}.${frac}E${exp}`;
}

/** Java Float-free Double.hashCode: (int)(bits ^ (bits >>> 32)). */
export function javaDoubleHashCode(x: number): number {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Number.isNaN(x) ? NaN : x);
  const hi = buf.getInt32(0);
  const lo = buf.getInt32(4);
  return (hi ^ lo) | 0;
}

/** Java (int) cast of a double: NaN -> 0, saturates at the int32 range, truncates. */
export function doubleToInt32(x: number): number {
  if (Number.isNaN(x)) return 0;
  if (x >= 2147483647) return 2147483647;
  if (x <= -2147483648) return -2147483648;
  return Math.trunc(x) | 0;
}

const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;

/** Java (long) cast of a double. */
export function doubleToInt64(x: number): bigint {
  if (Number.isNaN(x)) return 0n;
  if (x >= 9223372036854775807) return LONG_MAX;
  if (x <= -9223372036854775808) return LONG_MIN;
  return BigInt(Math.trunc(x));
}

/**
 * Java Double.parseDouble / Apex Double.valueOf(String): optional whitespace, sign, digits, optional
 * fraction and exponent, optional d/f suffix, NaN, Infinity. Returns null when the text is invalid.
 */
export function parseJavaDouble(text: string): number | null {
  const t = text.trim();
  if (/^[+-]?NaN$/.test(t)) return NaN;
  const inf = /^([+-]?)Infinity$/.exec(t);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?$/.test(t)) return null;
  return Number(t.replace(/[dDfF]$/, ''));
}
