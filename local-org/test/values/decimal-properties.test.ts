// Decimal against an independent rational reference (seeded random cases): exact add/subtract/
// multiply, rounding in every mode by floor arithmetic, toString/parse round trips.
// Apex Developer Guide: Decimal Class (Rounding Mode definitions) and Decimal Data Type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal, type RoundingMode } from '../../src/apex/values/index.js';

let seed = 20240607;
const rnd = (): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const randInt = (n: number): number => Math.floor(rnd() * n);
function randDecimal(): Decimal {
  const digits = 1 + randInt(18);
  let u = 0n;
  for (let i = 0; i < digits; i++) u = u * 10n + BigInt(randInt(10));
  if (rnd() < 0.4) u = -u;
  return new Decimal(u, randInt(9) - 1);
}

// rational n/d, d > 0
type Q = [bigint, bigint];
const q = (d: Decimal): Q => (d.scale() >= 0 ? [d.unscaled, 10n ** BigInt(d.scale())] : [d.unscaled * 10n ** BigInt(-d.scale()), 1n]);
const qEq = (a: Q, b: Q): boolean => a[0] * b[1] === b[0] * a[1];
const floorDiv = (n: bigint, d: bigint): bigint => {
  const r = n / d;
  return n % d !== 0n && n < 0n !== d < 0n ? r - 1n : r;
};

/** Reference rounding of n/d to an integer, written from the mode definitions with floor arithmetic. */
function refRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const fl = floorDiv(n, d);
  const exact = fl * d === n;
  if (exact) return fl;
  const ce = fl + 1n;
  const positive = n > 0n;
  // twice the distance above the floor, compared with d
  const twice = 2n * (n - fl * d);
  switch (mode) {
    case 'FLOOR':
      return fl;
    case 'CEILING':
      return ce;
    case 'DOWN':
      return positive ? fl : ce;
    case 'UP':
      return positive ? ce : fl;
    case 'HALF_UP':
      return twice === d ? (positive ? ce : fl) : twice > d ? ce : fl;
    case 'HALF_DOWN':
      return twice === d ? (positive ? fl : ce) : twice > d ? ce : fl;
    case 'HALF_EVEN':
      return twice === d ? (fl % 2n === 0n ? fl : ce) : twice > d ? ce : fl;
    default:
      throw new Error('no reference for ' + mode);
  }
}

const MODES: RoundingMode[] = ['UP', 'DOWN', 'CEILING', 'FLOOR', 'HALF_UP', 'HALF_DOWN', 'HALF_EVEN'];

test('add, subtract and multiply are exact', () => {
  for (let i = 0; i < 300; i++) {
    const a = randDecimal();
    const b = randDecimal();
    const [an, ad] = q(a);
    const [bn, bd] = q(b);
    assert.ok(qEq(q(a.add(b)), [an * bd + bn * ad, ad * bd]), `${a} + ${b}`);
    assert.ok(qEq(q(a.subtract(b)), [an * bd - bn * ad, ad * bd]), `${a} - ${b}`);
    assert.ok(qEq(q(a.multiply(b)), [an * bn, ad * bd]), `${a} * ${b}`);
    assert.equal(a.add(b).scale(), Math.max(a.scale(), b.scale()));
    assert.equal(a.multiply(b).scale(), a.scale() + b.scale());
    assert.equal(a.compareTo(b), Math.sign(Number(an * bd - bn * ad)));
  }
});

test('setScale and divide round as the mode definitions say', () => {
  for (let i = 0; i < 300; i++) {
    const a = randDecimal();
    const mode = MODES[randInt(MODES.length)];
    const s = randInt(6) - 1;
    const [an, ad] = q(a);
    // a * 10^s rounded
    const num = s >= 0 ? an * 10n ** BigInt(s) : an;
    const den = s >= 0 ? ad : ad * 10n ** BigInt(-s);
    const got = a.setScale(s, mode);
    assert.equal(got.scale(), s);
    assert.equal(got.unscaled, refRound(num, den, mode), `${a}.setScale(${s}, ${mode})`);
    const b = randDecimal();
    if (b.isZero()) continue;
    const [bn, bd] = q(b);
    // (an/ad) / (bn/bd) * 10^s
    let n2 = an * bd;
    let d2 = ad * bn;
    if (d2 < 0n) {
      n2 = -n2;
      d2 = -d2;
    }
    if (s >= 0) n2 *= 10n ** BigInt(s);
    else d2 *= 10n ** BigInt(-s);
    assert.equal(a.divide(b, s, mode).unscaled, refRound(n2, d2, mode), `${a}.divide(${b}, ${s}, ${mode})`);
  }
});

test('toString and toPlainString parse back to the same value and scale', () => {
  for (let i = 0; i < 300; i++) {
    const a = randDecimal();
    assert.ok(Decimal.parse(a.toString()).equalsWithScale(a), a.toString());
    assert.ok(Decimal.parse(a.toPlainString()).equals(a), a.toPlainString());
    assert.ok(a.stripTrailingZeros().equals(a));
  }
});

test('the / operator: exact quotients are exact, others within half a unit of the last place', () => {
  for (let i = 0; i < 200; i++) {
    const a = randDecimal();
    const b = randDecimal();
    if (b.isZero()) continue;
    const r = a.divide(b);
    const [an, ad] = q(a);
    const [bn, bd] = q(b);
    const [rn, rd] = q(r);
    // |r - a/b| <= 1/2 * 10^-scale(r)  <=>  |rn*ad*bn - an*bd*rd| * 2 * 10^scale <= rd*|ad*bn|
    const lhs = rn * ad * bn - an * bd * rd;
    const abs = (x: bigint): bigint => (x < 0n ? -x : x);
    const scale = BigInt(Math.max(r.scale(), 0));
    assert.ok(abs(lhs) * 2n * 10n ** scale <= rd * abs(ad * bn), `${a} / ${b} = ${r}`);
  }
});
