// The value model's scalar classes and pure libraries (see ../../../DESIGN.md). Owned by apex/values/.
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
  INT_MIN,
  INT_MAX,
  LONG_MIN,
  LONG_MAX,
} from './integer.js';
export { ApexBlob } from './blob.js';
export { ApexDate, ApexDatetime, ApexTime, formatDatetime, formatDate, daysFromCivil, civilFromDays, isLeapYear, daysInMonth, setDefaultDatetimePattern, ApexPatternError } from './temporal.js';
export { setUserTimeZone, getUserTimeZone, offsetAt, localToEpoch, isValidTimeZone, timeZoneName } from './timezone.js';
