// Apex Integer (int32, a JS number) and Long (int64, a bigint) helpers: Java wrap-around
// arithmetic, parsing as Integer.valueOf / Long.valueOf, formatting as String.valueOf.

import { typeError, mathError } from './errors.js';

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;
export const LONG_MIN = -9223372036854775808n;
export const LONG_MAX = 9223372036854775807n;

/** Wraps any integral number into the int32 range (Java int overflow). */
export function int32(n: number | bigint): number {
  if (typeof n === 'bigint') return Number(BigInt.asIntN(32, n));
  if (Number.isSafeInteger(n)) return n | 0;
  // beyond 2^53 a double has lost low bits already; go through bigint of the truncated value
  if (!Number.isFinite(n)) return 0;
  return Number(BigInt.asIntN(32, BigInt(Math.trunc(n))));
}

/** Wraps a bigint into the int64 range (Java long overflow). */
export function int64(b: bigint | number): bigint {
  return BigInt.asIntN(64, typeof b === 'number' ? BigInt(Math.trunc(b)) : b);
}

/** Integer arithmetic with Java int semantics. */
export const intOps = {
  add: (a: number, b: number): number => (a + b) | 0,
  subtract: (a: number, b: number): number => (a - b) | 0,
  multiply: (a: number, b: number): number => Math.imul(a, b),
  divide: (a: number, b: number): number => {
    if (b === 0) throw mathError('Divide by 0');
    return (a / b) | 0; // truncates toward zero; MIN / -1 wraps to MIN as in Java
  },
  /** Java % : the sign follows the dividend. */
  remainder: (a: number, b: number): number => {
    if (b === 0) throw mathError('Divide by 0');
    return (a % b) | 0;
  },
  negate: (a: number): number => -a | 0,
  shiftLeft: (a: number, n: number): number => a << (n & 31),
  shiftRight: (a: number, n: number): number => a >> (n & 31),
  shiftRightUnsigned: (a: number, n: number): number => (a >>> (n & 31)) | 0,
};

/** Long arithmetic with Java long semantics. */
export const longOps = {
  add: (a: bigint, b: bigint): bigint => BigInt.asIntN(64, a + b),
  subtract: (a: bigint, b: bigint): bigint => BigInt.asIntN(64, a - b),
  multiply: (a: bigint, b: bigint): bigint => BigInt.asIntN(64, a * b),
  divide: (a: bigint, b: bigint): bigint => {
    if (b === 0n) throw mathError('Divide by 0');
    return BigInt.asIntN(64, a / b);
  },
  remainder: (a: bigint, b: bigint): bigint => {
    if (b === 0n) throw mathError('Divide by 0');
    return a % b;
  },
  negate: (a: bigint): bigint => BigInt.asIntN(64, -a),
  shiftLeft: (a: bigint, n: number): bigint => BigInt.asIntN(64, a << BigInt(n & 63)),
  shiftRight: (a: bigint, n: number): bigint => a >> BigInt(n & 63),
  shiftRightUnsigned: (a: bigint, n: number): bigint =>
    BigInt.asIntN(64, BigInt.asUintN(64, a) >> BigInt(n & 63)),
};

const INT_TEXT = /^[+-]?\d+$/;

/**
 * Apex Integer.valueOf(String) / Integer.parseInt: Java Integer.parseInt rules (optional sign,
 * decimal digits only, no whitespace, must fit in int32). Invalid text throws
 * System.TypeException "Invalid integer: <text>".
 */
export function parseInteger(text: string): number {
  if (!INT_TEXT.test(text)) throw typeError(`Invalid integer: ${text}`);
  const b = BigInt(text);
  if (b < BigInt(INT_MIN) || b > BigInt(INT_MAX)) throw typeError(`Invalid integer: ${text}`);
  return Number(b);
}

/** Apex Long.valueOf(String): Java Long.parseLong rules; throws "Invalid long: <text>". */
export function parseLong(text: string): bigint {
  if (!INT_TEXT.test(text)) throw typeError(`Invalid long: ${text}`);
  const b = BigInt(text);
  if (b < LONG_MIN || b > LONG_MAX) throw typeError(`Invalid long: ${text}`);
  return b;
}

/** String.valueOf(Integer) / String.valueOf(Long): plain decimal digits with a '-' sign. */
export function longToString(n: bigint | number): string {
  return typeof n === 'bigint' ? n.toString() : String(n | 0);
}

/** Java Long.hashCode: (int)(value ^ (value >>> 32)). */
export function longHashCode(n: bigint): number {
  const u = BigInt.asUintN(64, n);
  return Number(BigInt.asIntN(32, u ^ (u >> 32n)));
}

/** Integer.format(): en_US grouping, e.g. 1,234,567. */
export function formatInteger(n: number | bigint): string {
  const s = (typeof n === 'bigint' ? n : BigInt(n)).toString();
  const neg = s.startsWith('-');
  const digits = neg ? s.slice(1) : s;
  return (neg ? '-' : '') + groupThousands(digits);
}

export function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}
