// The value model's scalar classes and pure libraries (see ../../../DESIGN.md). Owned by apex/values/.
//
// Scalars: Decimal (exact), ApexDouble, ApexDate, ApexDatetime, ApexTime, ApexBlob; Integer is a
// JS number (int32) and Long a bigint (int64), with helpers in integer.ts.
// Libraries: apexString (String methods), Pattern/Matcher (java.util.regex), apexJson (JSON text),
// EncodingUtil, Crypto, ApexMath. Errors are ApexValueError with an Apex exception type name.

export { ApexValueError } from './errors.js';
export { Decimal, ROUNDING_MODES, DIVISION_SCALE, roundDiv, pow10, digitCount, bigIntegerHashCode } from './decimal.js';
export type { RoundingMode } from './decimal.js';
export { ApexDouble, javaDoubleToString, javaDoubleHashCode, doubleToInt32, doubleToInt64, parseJavaDouble } from './double.js';
export {
  int32,
  int64,
  intOps,
  longOps,
  parseInteger,
  parseLong,
  longToString,
  longHashCode,
  formatInteger,
  groupThousands,
  INT_MIN,
  INT_MAX,
  LONG_MIN,
  LONG_MAX,
} from './integer.js';
export { ApexBlob } from './blob.js';
export {
  ApexDate,
  ApexDatetime,
  ApexTime,
  formatDatetime,
  formatDate,
  daysFromCivil,
  civilFromDays,
  isLeapYear,
  daysInMonth,
  setDefaultDatetimePattern,
  ApexPatternError,
} from './temporal.js';
export { setUserTimeZone, getUserTimeZone, offsetAt, localToEpoch, isValidTimeZone, timeZoneName, resolveTimeZone } from './timezone.js';
export { Pattern, Matcher, translateJavaRegex, replaceJava, expandReplacement } from './pattern.js';
export type { TranslatedRegex } from './pattern.js';
export * as apexString from './string.js';
export * as apexJson from './json.js';
export type { JsonValue, JsonObject, JsonOut, JsonToken, JsonTokenKind } from './json.js';
export { JsonParser, JsonGenerator } from './json.js';
export { EncodingUtil } from './encoding.js';
export { Crypto } from './crypto.js';
export { ApexMath, toDouble, toDecimal } from './math.js';
export type { ApexNumber } from './math.js';
