/**
 * Exact decimal money arithmetic. Amounts are integer cents held in plain numbers while they
 * are safe integers (every operation checks), and in BigInt beyond that. No binary floating
 * point ever touches a money value: division is done on integers with an exact remainder.
 */

/** The largest integer a double holds exactly with its neighbours, 2^53 - 1. */
export const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** A non-negative decimal as `mantissa / 10^scale`. */
export interface Decimal {
  mantissa: bigint;
  scale: number;
}

// BigInt values are built with BigInt(...) rather than literals (`10n`), which older
// JavaScript toolchains cannot parse.
export const BIG_0 = BigInt(0);
const BIG_1 = BigInt(1);
const BIG_2 = BigInt(2);
const BIG_10 = BigInt(10);
const BIG_100 = BigInt(100);

/** 10^n as a BigInt (n >= 0); only the exact slow paths use it. */
export function pow10n(n: number): bigint {
  return BIG_10 ** BigInt(n);
}

/**
 * The exact decimal written by `String(x)` (the shortest representation that reads back as x,
 * i.e. the JSON text for any number with up to 15 significant digits), `1.5e-7` and `1e+21`
 * included.
 */
export function decimalOf(x: number): Decimal {
  const [body, exponent] = String(x).split('e');
  const [whole, fraction = ''] = body.split('.');
  const scale = fraction.length - (exponent === undefined ? 0 : Number(exponent));
  return {
    mantissa: BigInt(whole + fraction) * pow10n(Math.max(0, -scale)),
    scale: Math.max(0, scale)
  };
}

/**
 * A rate as `m / 10^s` for the safe-integer fast path of `convertCents`, and exactly as `d`.
 * `m` is the mantissa as a double and `s` may exceed 15: the fast path then cannot apply, and it
 * notices (see `convertCents`).
 */
interface FastRate {
  m: number;
  s: number;
  d: Decimal;
}

function fastRate(x: number): FastRate {
  const d = decimalOf(x);
  return { m: Number(d.mantissa), s: d.scale, d };
}

// The rates of a program's currencies recur from one conversion to the next: the last RATE_CACHE
// rates read, replaced in turn (NaN: an empty place).
const RATE_CACHE = 8;
const cachedX = new Float64Array(RATE_CACHE).fill(NaN);
const cachedRate: FastRate[] = new Array<FastRate>(RATE_CACHE);
let nextPlace = 0;

function rateOf(x: number): FastRate {
  for (let i = 0; i < RATE_CACHE; i++) {
    if (cachedX[i] === x) {
      return cachedRate[i];
    }
  }
  const rate = fastRate(x);
  cachedX[nextPlace] = x;
  cachedRate[nextPlace] = rate;
  nextPlace = (nextPlace + 1) % RATE_CACHE;
  return rate;
}

const POW10_NUM = [
  1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
];

/** Round n / d half up (n, d >= 0, d > 0), exactly, for safe integers. */
export function divHalfUp(n: number, d: number): number {
  const r = n % d;
  const q = (n - r) / d;
  return r * 2 >= d ? q + 1 : q;
}

/** Round n / d half up for BigInt (n >= 0, d > 0). */
export function divHalfUpBig(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n - q * d;
  return r * BIG_2 >= d ? q + BIG_1 : q;
}

/**
 * `convert(x, A, B) = round2(x / rates[A] * rates[B])` on cents: returns
 * round-half-up(cents * rB / rA) exactly, as a number when safe or a BigInt.
 */
export function convertCents(cents: number, rateFrom: number, rateTo: number): number | bigint {
  const a = rateOf(rateFrom);
  const b = rateOf(rateTo);
  // cents * (b.m / 10^b.s) / (a.m / 10^a.s) = cents * b.m * 10^a.s / (a.m * 10^b.s). The double
  // arithmetic is exact when the sum is at most MAX_SAFE: a scale above 15 makes it NaN, a mantissa
  // beyond MAX_SAFE (inexact as a double) makes its product exceed MAX_SAFE unless it is
  // multiplied by 0 cents, and rounding is monotonic, so an inexact result also exceeds it.
  const num = cents * b.m * POW10_NUM[a.s];
  const den = a.m * POW10_NUM[b.s];
  if (num + den <= MAX_SAFE) {
    return divHalfUp(num, den);
  }
  return divHalfUpBig(
    BigInt(cents) * b.d.mantissa * pow10n(a.d.scale),
    a.d.mantissa * pow10n(b.d.scale)
  );
}

/**
 * The JavaScript number nearest to `hundredths / 100` (cents to an amount, or points x 100 to
 * points): a safe integer divides exactly-then-rounds once; a BigInt goes through its exact
 * decimal text, which `Number` parses with a single correct rounding.
 */
export function fromHundredths(hundredths: number | bigint): number {
  if (typeof hundredths === 'number') {
    return hundredths / 100;
  }
  const whole = hundredths / BIG_100;
  const cents = Number(hundredths - whole * BIG_100);
  return Number(`${whole}.${cents < 10 ? '0' : ''}${cents}`);
}

/**
 * round2 of a double, half away from zero, on the decimal the double denotes in its shortest form
 * (what Apex `Decimal.valueOf(Double)` reads), so exact halves such as 1.005 round up. Far from a
 * half the float product decides; near one the exact decimal does.
 */
export function round2Double(x: number): number {
  const y = x * 100;
  const f = y - Math.floor(y);
  if (y < 1e12 && (f < 0.499 || f > 0.501)) {
    return Math.round(y) / 100;
  }
  const d = decimalOf(x);
  if (d.scale <= 2) {
    return x;
  }
  const unit = pow10n(d.scale - 2);
  return fromHundredths(divHalfUpBig(d.mantissa, unit));
}
