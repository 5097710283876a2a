// Decimal: exact arithmetic with Apex's scale and rounding rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal, ApexValueError, ROUNDING_MODES, type RoundingMode } from '../../src/apex/values/index.js';

const D = (s: string): Decimal => Decimal.parse(s);
const str = (d: Decimal): string => d.toString();

test('Decimal.valueOf(String): scale is the number of characters after the decimal point', () => {
  // Apex Developer Guide: Decimal Data Type ("If the Decimal is created from a String, the scale is
  // the number of characters after the decimal point of the String"); Decimal Class, valueOf(stringToDecimal)
  assert.equal(D('12.4567').scale(), 4);
  assert.equal(str(D('12.4567')), '12.4567');
  assert.equal(D('100').scale(), 0);
  assert.equal(D('-0.50').scale(), 2);
  assert.equal(str(D('-0.50')), '-0.50');
  assert.equal(str(D('+3')), '3');
  assert.equal(str(D('.5')), '0.5');
  assert.equal(str(D('5.')), '5');
});

test('Decimal.valueOf(String): exponent form, as Java BigDecimal(String)', () => {
  // Apex Developer Guide: Decimal Class, valueOf(stringToDecimal): "As in Java, the string is
  // interpreted as representing a signed Decimal."
  assert.equal(D('1.5E3').toPlainString(), '1500');
  assert.equal(D('1.5E3').scale(), -2);
  assert.equal(str(D('1.5E3')), '1.5E+3');
  assert.equal(str(D('2e-2')), '0.02');
  assert.equal(D('2e-2').scale(), 2);
  assert.equal(str(D('1E-10')), '1E-10');
  assert.equal(D('1E-10').toPlainString(), '0.0000000001');
});

test('Decimal.valueOf(String): invalid text throws System.TypeException "Invalid decimal"', () => {
  // Apex Developer Guide: Decimal Class, valueOf(stringToDecimal) (a TypeException for a String that is not a number)
  for (const bad of ['', 'abc', '1.2.3', '1,000', ' 1', '--1', '1e', 'e5', '.']) {
    assert.throws(() => D(bad), (e: unknown) => e instanceof ApexValueError && e.apexType === 'System.TypeException' && e.message === `Invalid decimal: ${bad}`);
  }
});

test('Decimal.valueOf(Double) goes through the Double String', () => {
  // Apex Developer Guide: Decimal Data Type ("If the Decimal is created from a non-decimal number,
  // the number is first converted to a String. Scale is then set using the number of characters
  // after the decimal point"); Decimal Class, valueOf(doubleToDecimal): 3.14159 -> 3.14159
  assert.equal(str(Decimal.fromDouble(3.14159)), '3.14159');
  // Decimal Class, valueOf(doubleToDecimal): 2.718281828459045
  assert.equal(str(Decimal.fromDouble(2.718281828459045)), '2.718281828459045');
  // Decimal Class, valueOf(longToDecimal): 299792458
  assert.equal(str(Decimal.fromInteger(299792458n)), '299792458');
  assert.equal(Decimal.fromDouble(1).scale(), 1); // Double 1.0
  assert.equal(str(Decimal.fromDouble(0.1)), '0.1');
  assert.equal(Decimal.fromDouble(1e10).toPlainString(), '10000000000');
  assert.equal(str(Decimal.fromInteger(42)), '42');
  assert.equal(Decimal.fromInteger(9007199254740993n).toPlainString(), '9007199254740993');
});

test('add/subtract: scale is the larger scale; multiply: sum of scales', () => {
  // Apex Developer Guide: Decimal Class ("Decimal (BigDecimal in Java)") — BigDecimal scale rules
  assert.equal(str(D('1.1').add(D('2.22'))), '3.32');
  assert.equal(str(D('1.10').add(D('2'))), '3.10');
  assert.equal(str(D('5').subtract(D('0.25'))), '4.75');
  assert.equal(str(D('1.5').multiply(D('2.00'))), '3.000');
  assert.equal(D('1.5').multiply(D('2.00')).scale(), 3);
  assert.equal(str(D('0.1').add(D('0.2'))), '0.3'); // exact, unlike a double
  assert.equal(str(D('-1.25').multiply(D('-4'))), '5.00');
});

test('divide(divisor, scale[, roundingMode])', () => {
  // Apex Developer Guide: Decimal Class, divide(divisor, scale): Decimal 19 / 100 at scale 3 = 0.190
  assert.equal(str(Decimal.fromInteger(19).divide(Decimal.fromInteger(100), 3)), '0.190');
  // Decimal Class, divide(divisor, scale, roundingMode): 12.4567 / 7 at scale 2, UP = 1.78
  assert.equal(str(D('12.4567').divide(Decimal.fromInteger(7), 2, 'UP')), '1.78');
  assert.equal(str(Decimal.fromInteger(5).divide(Decimal.fromInteger(3), 30)), '1.666666666666666666666666666667');
  assert.equal(str(Decimal.fromInteger(1).divide(Decimal.fromInteger(8), 2)), '0.13'); // HALF_UP default
  assert.equal(str(Decimal.fromInteger(1).divide(Decimal.fromInteger(8), 2, 'HALF_EVEN')), '0.12');
  assert.equal(str(Decimal.fromInteger(-1).divide(Decimal.fromInteger(8), 2, 'FLOOR')), '-0.13');
});

test('the / operator: exact when the quotient terminates, else rounded (documented model)', () => {
  // Decimal `/` operator scale is not documented by the Apex Developer Guide; see Decimal.divide.
  assert.equal(str(Decimal.fromInteger(10).divide(Decimal.fromInteger(4))), '2.5');
  assert.equal(str(D('1.00').divide(Decimal.fromInteger(2))), '0.50');
  assert.equal(str(Decimal.fromInteger(6).divide(Decimal.fromInteger(2))), '3');
  assert.equal(str(Decimal.fromInteger(100).divide(D('0.5'))), '200');
  assert.equal(str(Decimal.fromInteger(1).divide(Decimal.fromInteger(31))), '0.0322580645161290322580645161290323');
  assert.equal(Decimal.fromInteger(1).divide(Decimal.fromInteger(3)).scale(), 34);
  assert.equal(str(D('2.10').divide(D('2.0'))), '1.05');
});

test('division by zero throws System.MathException', () => {
  // Apex Developer Guide: Exception Class and Built-In Exceptions (MathException: "Any problem with a mathematical operation, such as dividing by zero")
  assert.throws(() => Decimal.ONE.divide(Decimal.ZERO), (e: unknown) => e instanceof ApexValueError && e.apexType === 'System.MathException' && e.message === 'Divide by 0');
  assert.throws(() => Decimal.ONE.divide(D('0.00'), 2), (e: unknown) => e instanceof ApexValueError && e.apexType === 'System.MathException');
});

test('setScale(scale) rounds half even; setScale(scale, mode) uses the mode', () => {
  // Apex Developer Guide: Decimal Class, setScale(scale): "using half-even rounding, if necessary"
  assert.equal(str(D('1.005').setScale(2)), '1.00');
  assert.equal(str(D('1.015').setScale(2)), '1.02');
  assert.equal(str(D('2.5').setScale(0)), '2');
  assert.equal(str(D('3.5').setScale(0)), '4');
  assert.equal(str(D('1.005').setScale(2, 'HALF_UP')), '1.01');
  assert.equal(str(D('8.8').setScale(3)), '8.800');
  // Decimal Class, setScale(scale): 8.987551787.setScale(3) = 8.988; 4000.setScale(-3) = 4*10^3
  assert.equal(str(D('8.987551787').setScale(3)), '8.988');
  assert.ok(D('4000').setScale(-3).equals(D('4E+3')));
  assert.equal(D('4000').setScale(-3).unscaled, 4n);
  assert.equal(str(D('-1.005').setScale(2, 'HALF_UP')), '-1.01');
  assert.equal(str(D('123.456').setScale(-1)), '1.2E+2');
});

// Apex Developer Guide: Decimal Class, Rounding Mode — the documented table of results for
// 5.5, 1.1, -1.1, -2.7 under each mode (round(roundingMode) returns a Long).
const ROUNDING_TABLE: Record<Exclude<RoundingMode, 'UNNECESSARY'>, bigint[]> = {
  CEILING: [6n, 2n, -1n, -2n],
  DOWN: [5n, 1n, -1n, -2n],
  FLOOR: [5n, 1n, -2n, -3n],
  HALF_DOWN: [5n, 1n, -1n, -3n],
  HALF_EVEN: [6n, 1n, -1n, -3n],
  HALF_UP: [6n, 1n, -1n, -3n],
  UP: [6n, 2n, -2n, -3n],
};
for (const [mode, expected] of Object.entries(ROUNDING_TABLE)) {
  test(`round(RoundingMode.${mode}) matches the documented table`, () => {
    ['5.5', '1.1', '-1.1', '-2.7'].forEach((input, i) => assert.equal(D(input).round(mode as RoundingMode), expected[i], `${input} ${mode}`));
  });
}

test('round(UNNECESSARY) throws when rounding is needed; round() is half even', () => {
  // Apex Developer Guide: Decimal Class, Rounding Mode UNNECESSARY ("If this rounding mode is
  // specified on an operation that yields an inexact result, an Exception is thrown") and round()
  assert.equal(D('1.0').round('UNNECESSARY'), 1n);
  assert.throws(() => D('1.1').round('UNNECESSARY'), (e: unknown) => e instanceof ApexValueError && e.apexType === 'System.MathException');
  assert.equal(D('2.5').round(), 2n);
  assert.equal(D('3.5').round(), 4n);
  assert.equal(D('-2.5').round(), -2n);
  // Decimal Class, round(): 4.5 -> 4, 5.5 -> 6, 5.2 -> 5, -5.7 -> -6
  assert.equal(D('4.5').round(), 4n);
  assert.equal(D('5.5').round(), 6n);
  assert.equal(D('5.2').round(), 5n);
  assert.equal(D('-5.7').round(), -6n);
  assert.equal(ROUNDING_MODES.length, 8);
});

test('precision(), scale(), abs(), negate(), signum()', () => {
  // Apex Developer Guide: Decimal Class, precision(): 123.45 -> 5, 123.123 -> 6
  assert.equal(D('123.45').precision(), 5);
  assert.equal(D('123.123').precision(), 6);
  assert.equal(D('0').precision(), 1);
  assert.equal(str(D('-3.10').abs()), '3.10');
  assert.equal(str(D('3.10').negate()), '-3.10');
  assert.equal(D('-0.01').signum(), -1);
  assert.equal(D('0.00').isZero(), true);
});

test('pow(exponent)', () => {
  // Apex Developer Guide: Decimal Class, pow(exponent): 4.12 ^ 2 = 16.9744; pow(0) returns 1
  assert.equal(str(D('4.12').pow(2)), '16.9744');
  assert.equal(str(D('4.12').pow(0)), '1');
  assert.throws(() => D('2').pow(-1), ApexValueError);
});

test('stripTrailingZeros(), toPlainString(), toString()', () => {
  // Apex Developer Guide: Decimal Class, stripTrailingZeros(): 1.10 -> 1.1; toPlainString()
  assert.equal(str(D('1.10').stripTrailingZeros()), '1.1');
  assert.equal(str(D('1.10000').stripTrailingZeros()), '1.1');
  // Decimal Class, toPlainString(): 12345.6789 -> '12345.6789'; String Class, valueOf(decimalToConvert): 3.14159265
  assert.equal(D('12345.6789').toPlainString(), '12345.6789');
  assert.equal(str(D('3.14159265')), '3.14159265');
  assert.equal(str(D('100').stripTrailingZeros()), '1E+2');
  assert.equal(D('100').stripTrailingZeros().toPlainString(), '100');
  assert.equal(str(D('0.000').stripTrailingZeros()), '0');
  assert.equal(D('12345.12345').toPlainString(), '12345.12345');
  assert.equal(str(D('0.0000001')), '1E-7');
  assert.equal(str(D('0.000001')), '0.000001');
});

test('== ignores scale; compareTo orders by value; hashCode depends on scale', () => {
  // Apex Developer Guide: Decimal Class ("Two Decimal objects that are numerically equivalent but
  // differ in scale (such as 1.1 and 1.10) generally do not have the same hashcode")
  assert.equal(D('1.1').equals(D('1.10')), true);
  assert.equal(D('1.1').equalsWithScale(D('1.10')), false);
  assert.notEqual(D('1.1').hashCode(), D('1.10').hashCode());
  assert.equal(D('1.1').valueKey(), D('1.10').valueKey());
  assert.equal(D('2').compareTo(D('10')), -1);
  assert.equal(D('-2').compareTo(D('-10')), 1);
  assert.equal(D('2.000').compareTo(D('2')), 0);
  assert.equal(D('1').hashCode(), 31); // BigDecimal.hashCode: 31 * 1 + 0
});

test('intValue(), longValue(), doubleValue() truncate like Java', () => {
  // Apex Developer Guide: Decimal Class, intValue() / longValue() / doubleValue()
  assert.equal(D('3.99').intValue(), 3);
  assert.equal(D('-3.99').intValue(), -3);
  assert.equal(D('2147483648').intValue(), -2147483648);
  assert.equal(D('9223372036854775808').longValue(), -9223372036854775808n);
  assert.equal(D('1.25').doubleValue(), 1.25);
  // Decimal Class examples: intValue(1.602176565) = 1, longValue(376.730313461) = 376, doubleValue(6.62606957), abs(-6.02214129), scale(9.27400968) = 8
  assert.equal(D('1.602176565').intValue(), 1);
  assert.equal(D('376.730313461').longValue(), 376n);
  assert.equal(D('6.62606957').doubleValue(), 6.62606957);
  assert.equal(str(D('-6.02214129').abs()), '6.02214129');
  assert.equal(D('9.27400968').scale(), 8);
});

test('format() uses the en_US number format', () => {
  // Apex Developer Guide: Decimal Class, format() (locale of the context user; en_US groups thousands with commas)
  assert.equal(D('1234567.891').format(), '1,234,567.891');
  assert.equal(D('1000').format(), '1,000');
  assert.equal(D('-1234.5').format(), '-1,234.5');
  assert.equal(D('2.50').format(), '2.5');
  assert.equal(D('3.14159').format(), '3.142');
  // Decimal Class, format(): U.S. locale, 12345.6789 -> '12,345.679'
  assert.equal(D('12345.6789').format(), '12,345.679');
});

test('remainder and movePoint helpers', () => {
  assert.equal(str(D('10.5').remainder(D('3'))), '1.5');
  assert.equal(str(D('-10.5').remainder(D('3'))), '-1.5');
  assert.equal(str(D('12.5').movePointLeft(2)), '0.125');
  assert.equal(str(D('0.125').movePointRight(2)), '12.5');
  assert.equal(str(D('123.456').roundToPrecision(4)), '123.5');
});
