// Integer, Long, Double, Blob, EncodingUtil, Crypto and Math.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApexDouble,
  ApexBlob,
  ApexValueError,
  ApexMath,
  Crypto,
  Decimal,
  EncodingUtil,
  int32,
  int64,
  intOps,
  longOps,
  parseInteger,
  parseLong,
  formatInteger,
  longToString,
  longHashCode,
  javaDoubleToString,
  parseJavaDouble,
  toDecimal,
} from '../../src/apex/values/index.js';

const isType = (t: string) => (e: unknown): boolean => e instanceof ApexValueError && e.apexType === t;

test('Integer arithmetic wraps like Java int', () => {
  // Apex Developer Guide: Primitive Data Types (Integer: "A 32-bit number that does not include a decimal point. Integers have a minimum value of -2,147,483,648 and a maximum value of 2,147,483,647")
  assert.equal(intOps.add(2147483647, 1), -2147483648);
  assert.equal(intOps.multiply(65536, 65536), 0);
  assert.equal(intOps.subtract(-2147483648, 1), 2147483647);
  assert.equal(intOps.divide(7, 2), 3);
  assert.equal(intOps.divide(-7, 2), -3);
  assert.equal(intOps.divide(-2147483648, -1), -2147483648);
  assert.throws(() => intOps.divide(1, 0), isType('System.MathException'));
  assert.equal(int32(4294967297), 1);
  assert.equal(int32(2n ** 40n + 5n), 5);
  assert.equal(intOps.shiftRightUnsigned(-1, 28), 15);
});

test('Long arithmetic wraps like Java long', () => {
  // Apex Developer Guide: Primitive Data Types (Long: "A 64-bit number ... minimum value of -2^63 and a maximum value of 2^63-1")
  assert.equal(longOps.add(9223372036854775807n, 1n), -9223372036854775808n);
  assert.equal(longOps.multiply(4294967296n, 4294967296n), 0n);
  assert.equal(longOps.divide(-7n, 2n), -3n);
  assert.equal(int64(2n ** 64n + 3n), 3n);
  assert.equal(longHashCode(1n), 1);
  assert.equal(longHashCode(-1n), 0);
});

test('Integer.valueOf(String) / Long.valueOf(String)', () => {
  // Apex Developer Guide: Integer Class, valueOf(stringToInteger): '10' -> 10; an invalid String throws TypeException
  assert.equal(parseInteger('10'), 10);
  assert.equal(parseInteger('-2147483648'), -2147483648);
  assert.equal(parseInteger('+7'), 7);
  assert.throws(() => parseInteger('2147483648'), (e: unknown) => isType('System.TypeException')(e) && (e as Error).message === 'Invalid integer: 2147483648');
  assert.throws(() => parseInteger('1.0'), isType('System.TypeException'));
  assert.throws(() => parseInteger(' 1'), isType('System.TypeException'));
  assert.throws(() => parseInteger(''), isType('System.TypeException'));
  // Long Class, valueOf(stringToLong): '123456789'; format(): 4271990 -> '4,271,990'; intValue(): 7191991
  assert.equal(parseLong('123456789'), 123456789n);
  assert.equal(formatInteger(4271990n), '4,271,990');
  assert.equal(int32(7191991n), 7191991);
  assert.equal(parseLong('123456789012'), 123456789012n);
  assert.throws(() => parseLong('9223372036854775808'), isType('System.TypeException'));
  // Integer Class, valueOf(stringToInteger): '123'; 'NotAnInteger' throws TypeException
  assert.equal(parseInteger('123'), 123);
  assert.throws(() => parseInteger('NotAnInteger'), isType('System.TypeException'));
  // Integer Class, format(): 22 -> '22'; en_US grouping
  assert.equal(formatInteger(22), '22');
  assert.equal(formatInteger(1234567), '1,234,567');
  assert.equal(formatInteger(-1000n), '-1,000');
});

test('Double prints as Java Double.toString', () => {
  // Apex Developer Guide: Primitive Data Types (Double: "A 64-bit number that includes a decimal point"); String.valueOf(Double)
  assert.equal(new ApexDouble(1).toString(), '1.0');
  assert.equal(new ApexDouble(1e10).toString(), '1.0E10');
  assert.equal(new ApexDouble(1234567.0).toString(), '1234567.0');
  assert.equal(new ApexDouble(12345678.9).toString(), '1.23456789E7');
  assert.equal(new ApexDouble(0.001).toString(), '0.001');
  assert.equal(new ApexDouble(0.0001).toString(), '1.0E-4');
  assert.equal(new ApexDouble(-2.5).toString(), '-2.5');
  assert.equal(javaDoubleToString(0.1 + 0.2), '0.30000000000000004');
  // Apex Developer Guide: String Class, valueOf(doubleToConvert): 12.34 -> '12.34'; valueOf(integerToConvert): 22 -> '22'; valueOf(longToConvert): 123456789 -> '123456789'
  assert.equal(javaDoubleToString(12.34), '12.34');
  assert.equal(longToString(22), '22');
  assert.equal(longToString(123456789n), '123456789');
  assert.equal(javaDoubleToString(NaN), 'NaN');
  assert.equal(javaDoubleToString(-Infinity), '-Infinity');
  assert.equal(new ApexDouble(3.99).intValue(), 3);
  assert.equal(new ApexDouble(1e20).longValue(), 9223372036854775807n);
  assert.equal(parseJavaDouble('1.5e3'), 1500);
  // Apex Developer Guide: Double Class, format(): 1261992 -> '1,261,992'; intValue('3.14159') = 3; longValue(421994) = 421994
  assert.equal(new ApexDouble(1261992).format(), '1,261,992');
  assert.equal(new ApexDouble(parseJavaDouble('3.14159')!).intValue(), 3);
  assert.equal(new ApexDouble(421994).longValue(), 421994n);
  // Double Class, round(): 4.5 -> 5, 4.2 -> 4, -4.7 -> -5
  assert.equal(new ApexDouble(4.5).round(), 5n);
  assert.equal(new ApexDouble(4.2).round(), 4n);
  assert.equal(new ApexDouble(-4.7).round(), -5n);
  assert.equal(new ApexDouble(1234.5678).format(), '1,234.568');
  assert.equal(parseJavaDouble('abc'), null);
});

test('Blob.valueOf / toString / size', () => {
  // Apex Developer Guide: Blob Class, valueOf(stringToBlob), toString(), size()
  // Blob Class, valueOf / toString / size: 'StringToBlob' round-trips, 12 bytes
  assert.equal(ApexBlob.valueOf('StringToBlob').toString(), 'StringToBlob');
  assert.equal(ApexBlob.valueOf('StringToBlob').size(), 12);
  assert.throws(() => ApexBlob.toPdf('x'), (e: unknown) => (e as Error).message === 'Unsupported in the local org: Blob.toPdf');
  const b = ApexBlob.valueOf('héllo');
  assert.equal(b.size(), 6);
  assert.equal(b.toString(), 'héllo');
  assert.equal(b.equals(ApexBlob.valueOf('héllo')), true);
  assert.equal(b.hashCode(), ApexBlob.valueOf('héllo').hashCode());
  assert.throws(() => new ApexBlob(new Uint8Array([0xff, 0xfe])).toString(), (e: unknown) => isType('System.StringException')(e) && (e as Error).message === 'BLOB is not a valid UTF-8 string');
});

test('EncodingUtil', () => {
  // Apex Developer Guide: EncodingUtil Class, convertToHex(inputBlob)
  assert.equal(EncodingUtil.convertToHex(ApexBlob.valueOf('abc')), '616263');
  assert.equal(EncodingUtil.convertFromHex('616263').toString(), 'abc');
  // EncodingUtil Class, convertFromHex: '4A4B4C' -> 'JKL'; invalid hex throws InvalidParameterValueException
  assert.equal(EncodingUtil.convertFromHex('4A4B4C').toString(), 'JKL');
  assert.throws(() => EncodingUtil.convertFromHex('4A4'), isType('System.InvalidParameterValueException'));
  assert.throws(() => EncodingUtil.convertFromHex('ZZ'), isType('System.InvalidParameterValueException'));
  // EncodingUtil Class, base64Encode / base64Decode
  assert.equal(EncodingUtil.base64Encode(ApexBlob.valueOf('Hello, world')), 'SGVsbG8sIHdvcmxk');
  assert.equal(EncodingUtil.base64Decode('SGVsbG8sIHdvcmxk').toString(), 'Hello, world');
  // EncodingUtil Class, urlEncode(inputString, encodingScheme): application/x-www-form-urlencoded (spaces as '+')
  assert.equal(EncodingUtil.urlEncode('a b&c=d/é*~.-_', 'UTF-8'), 'a+b%26c%3Dd%2F%C3%A9*%7E.-_');
  assert.equal(EncodingUtil.urlDecode('a+b%26c%3Dd%2F%C3%A9', 'UTF-8'), 'a b&c=d/é');
  assert.throws(() => EncodingUtil.urlDecode('%zz', 'UTF-8'), ApexValueError);
  assert.throws(() => EncodingUtil.urlEncode('x', 'EBCDIC'), ApexValueError);
});

test('Crypto digests and MACs', () => {
  // Apex Developer Guide: Crypto Class, generateDigest(algorithmName, input): MD5, SHA1, SHA-256, SHA-512
  const abc = ApexBlob.valueOf('abc');
  assert.equal(EncodingUtil.convertToHex(Crypto.generateDigest('SHA-256', abc)), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  assert.equal(EncodingUtil.convertToHex(Crypto.generateDigest('MD5', ApexBlob.valueOf(''))), 'd41d8cd98f00b204e9800998ecf8427e');
  assert.equal(EncodingUtil.convertToHex(Crypto.generateDigest('SHA1', abc)), 'a9993e364706816aba3e25717850c26c9cd0d89d');
  assert.equal(Crypto.generateDigest('SHA-512', abc).size(), 64);
  assert.throws(() => Crypto.generateDigest('SHA-999', abc), isType('System.InvalidParameterValueException'));
  // Crypto Class, generateDigest: SHA3-256 is a documented algorithm
  assert.equal(EncodingUtil.convertToHex(Crypto.generateDigest('SHA3-256', ApexBlob.valueOf(''))), 'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a');
  // Crypto Class, generateMac(algorithmName, input, privateKey): hmacSHA256 (RFC 4231 test case 2)
  const mac = Crypto.generateMac('hmacSHA256', ApexBlob.valueOf('what do ya want for nothing?'), ApexBlob.valueOf('Jefe'));
  assert.equal(EncodingUtil.convertToHex(mac), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  // Crypto Class, generateMac: the documented example spells the algorithm 'HmacSHA256'; verifyHMac checks it
  assert.ok(Crypto.generateMac('HmacSHA256', ApexBlob.valueOf('what do ya want for nothing?'), ApexBlob.valueOf('Jefe')).equals(mac));
  assert.equal(Crypto.verifyHMac('hmacSHA256', ApexBlob.valueOf('what do ya want for nothing?'), ApexBlob.valueOf('Jefe'), mac), true);
  assert.equal(Crypto.verifyHMac('hmacSHA256', ApexBlob.valueOf('tampered'), ApexBlob.valueOf('Jefe'), mac), false);
});

test('Crypto random values and AES', () => {
  // Apex Developer Guide: Crypto Class, getRandomInteger / getRandomLong / generateAesKey(size) / encryptWithManagedIV / decryptWithManagedIV
  const i = Crypto.getRandomInteger();
  assert.ok(Number.isInteger(i) && i >= -2147483648 && i <= 2147483647);
  assert.equal(typeof Crypto.getRandomLong(), 'bigint');
  assert.equal(Crypto.generateAesKey(128).size(), 16);
  assert.equal(Crypto.generateAesKey(256).size(), 32);
  assert.throws(() => Crypto.generateAesKey(100), ApexValueError);
  const key = Crypto.generateAesKey(256);
  const enc = Crypto.encryptWithManagedIV('AES256', key, ApexBlob.valueOf('secret data'));
  assert.equal(enc.size(), 32); // 16-byte IV + one block
  assert.equal(Crypto.decryptWithManagedIV('AES256', key, enc).toString(), 'secret data');
  assert.throws(() => Crypto.encryptWithManagedIV('AES128', key, ApexBlob.valueOf('x')), ApexValueError);
  // Crypto Class, decrypt: the documented round trip with a 16-byte IV 'Example of IV123' and AES128
  const exampleIv = ApexBlob.valueOf('Example of IV123');
  const k = Crypto.generateAesKey(128);
  const encrypted = Crypto.encrypt('AES128', k, exampleIv, ApexBlob.valueOf('Data to be encrypted'));
  assert.equal(Crypto.decrypt('AES128', k, exampleIv, encrypted).toString(), 'Data to be encrypted');
  assert.equal(Crypto.decrypt('AES128-CBC', k, exampleIv, encrypted).toString(), 'Data to be encrypted');
  // Crypto Class, Encrypt and Decrypt Exceptions: documented messages
  assert.throws(() => Crypto.encrypt('AES128', k, ApexBlob.valueOf('short'), ApexBlob.valueOf('x')), (e: unknown) => isType('System.InvalidParameterValueException')(e) && (e as Error).message.startsWith('Invalid initialization vector.'));
  assert.throws(() => Crypto.encrypt('AES256', k, exampleIv, ApexBlob.valueOf('x')), (e: unknown) => (e as Error).message === 'Invalid private key. Must be 32 bytes.');
  assert.throws(() => Crypto.decryptWithManagedIV('AES128', k, ApexBlob.valueOf('tooshort')), (e: unknown) => (e as Error).message === 'Unable to parse the initialization vector from encrypted data.');
  assert.throws(() => Crypto.encrypt('DES', k, exampleIv, ApexBlob.valueOf('x')), isType('System.InvalidParameterValueException'));
  assert.throws(() => Crypto.decrypt('AES128', k, exampleIv, ApexBlob.valueOf('0123456789abcdef')), isType('System.SecurityException'));
  assert.throws(() => Crypto.encryptWithManagedIV('AES256-GCM', Crypto.generateAesKey(256), ApexBlob.valueOf('x')), (e: unknown) => (e as Error).message.startsWith('Unsupported in the local org:'));
  const iv = ApexBlob.valueOf('0123456789abcdef');
  const k128 = ApexBlob.valueOf('fedcba9876543210');
  assert.equal(Crypto.decrypt('AES128', k128, iv, Crypto.encrypt('AES128', k128, iv, ApexBlob.valueOf('hello'))).toString(), 'hello');
});

test('Math', () => {
  // Apex Developer Guide: Math Class, mod(integerValue1, integerValue2): mod(12, 2) = 0, mod(8, 3) = 2
  assert.equal(ApexMath.mod(12, 2), 0);
  assert.equal(ApexMath.mod(8, 3), 2);
  assert.equal(ApexMath.mod(-5, 3), -2); // the sign of the dividend, as Java %
  assert.equal(ApexMath.mod(5, -3), 2);
  assert.throws(() => ApexMath.mod(1, 0), isType('System.MathException'));
  assert.equal(ApexMath.modLong(-7n, 4n), -3n);
  // Math Class, roundToLong(decimalValue): half even — 4.5 -> 4, 5.5 -> 6; round(decimalValue) likewise as an Integer
  assert.equal(ApexMath.roundToLong(Decimal.parse('4.5')), 4n);
  assert.equal(ApexMath.roundToLong(Decimal.parse('5.5')), 6n);
  assert.equal(ApexMath.round(Decimal.parse('4.5')), 4);
  assert.equal(ApexMath.round(Decimal.parse('5.5')), 6);
  assert.throws(() => ApexMath.round(Decimal.parse('3000000000')), isType('System.MathException'));
  // Math Class, max / min (Decimal): max(12.3, 156.6) = 156.6; min(12.3, 156.6) = 12.3
  assert.equal(ApexMath.maxDecimal(Decimal.parse('12.3'), Decimal.parse('156.6')).toString(), '156.6');
  assert.equal(ApexMath.minDecimal(Decimal.parse('12.3'), Decimal.parse('156.6')).toString(), '12.3');
  // Math Class, abs(integerValue): abs(-42) = 42; rint / signum on a Decimal
  assert.equal(ApexMath.absInt(-42), 42);
  assert.equal(ApexMath.rintDecimal(Decimal.parse('2.5')).toString(), '2');
  assert.equal(ApexMath.signumDecimal(Decimal.parse('-0.3')).toString(), '-1');
  assert.equal(ApexMath.roundToLong(Decimal.parse('2.5')), 2n);
  assert.equal(ApexMath.roundToLong(new ApexDouble(2.5)), 3n);
  assert.equal(ApexMath.roundToLong(new ApexDouble(-2.5)), -2n);
  assert.equal(ApexMath.round(new ApexDouble(1.4)), 1);
  assert.equal(ApexMath.absInt(-2147483648), -2147483648);
  assert.equal(ApexMath.pow(2, 10).value, 1024);
  assert.equal(toDecimal(new ApexDouble(0.5)).toString(), '0.5');
  assert.equal(ApexMath.ceilDecimal(Decimal.parse('-1.5')).toString(), '-1');
});
