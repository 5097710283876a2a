// The running user's time zone and offset arithmetic over IANA zones, through Intl.

let userTimeZone = 'America/Los_Angeles';

/** Sets the running user's time zone (an IANA name). Throws on an unknown zone. */
export function setUserTimeZone(iana: string): void {
  assertTimeZone(iana);
  userTimeZone = iana;
}

export function getUserTimeZone(): string {
  return userTimeZone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

export function assertTimeZone(tz: string): void {
  if (!isValidTimeZone(tz)) throw new RangeError(`Unknown time zone: ${tz}`);
}

const offsetCache = new Map<string, number>();

/** UTC offset of `tz` at the instant `epochMs`, in milliseconds (local = utc + offset). */
export function offsetAt(epochMs: number, tz: string): number {
  if (tz === 'UTC' || tz === 'GMT' || tz === 'Etc/UTC' || tz === 'Etc/GMT') return 0;
  // Offsets change on whole minutes in the zones Intl knows: cache per zone and minute.
  const key = tz + '|' + Math.floor(epochMs / 60000);
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const off = computeOffset(epochMs, tz);
  if (offsetCache.size > 20000) offsetCache.clear();
  offsetCache.set(key, off);
  return off;
}

function computeOffset(epochMs: number, tz: string): number {
  const parts = formatterFor(tz).formatToParts(new Date(epochMs));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? '0');
  let year = get('year');
  const era = parts.find((p) => p.type === 'era')?.value;
  if (era === 'BC' || era === 'B') year = 1 - year;
  const asUtc = Date.UTC(year, get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  // Date.UTC maps years 0..99 to 1900+; fix by setUTCFullYear
  const d = new Date(asUtc);
  if (year >= 0 && year < 100) d.setUTCFullYear(year);
  const wholeSecondsUtc = Math.floor(epochMs / 1000) * 1000;
  return d.getTime() - wholeSecondsUtc;
}

/**
 * The instant of a local wall-clock time in `tz`. `localMs` is the wall-clock time encoded as if
 * it were UTC. Resolution follows java.util.GregorianCalendar (which reads a wall time with the
 * offset in force after the last transition whose wall time it reaches): a time in a daylight-
 * saving gap is moved forward by the gap (2:30 on the spring-forward day is 3:30 daylight time);
 * an ambiguous time in the fall-back overlap takes the later instant (the standard-time reading).
 */
export function localToEpoch(localMs: number, tz: string): number {
  const day = 86400000;
  const before = offsetAt(localMs - day, tz);
  const after = offsetAt(localMs + day, tz);
  const valid: number[] = [];
  for (const o of before === after ? [before] : [before, after]) {
    const t = localMs - o;
    if (offsetAt(t, tz) === o) valid.push(t);
  }
  if (valid.length === 0) {
    // maybe an offset change not within ±1 day: try the offset at the naive instant
    const o = offsetAt(localMs, tz);
    const t = localMs - o;
    if (offsetAt(t, tz) === o) return t;
    return localMs - before; // in a gap: read with the offset in force before it
  }
  return Math.max(...valid);
}

/** Wall-clock fields of an instant in `tz` (encoded as a UTC ms value). */
export function epochToLocal(epochMs: number, tz: string): number {
  return epochMs + offsetAt(epochMs, tz);
}

// Java's three-letter zone ids (TimeZone.getTimeZone) that Intl does not know as such.
const JAVA_ZONE_ALIASES: Record<string, string> = {
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  CST: 'America/Chicago',
  AST: 'America/Halifax',
  AKST: 'America/Anchorage',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  CTT: 'Asia/Shanghai',
  AET: 'Australia/Sydney',
  ECT: 'Europe/Paris',
  BST: 'Asia/Dhaka',
  EST: 'Etc/GMT+5',
  MST: 'Etc/GMT+7',
  HST: 'Etc/GMT+10',
  UTC: 'UTC',
  GMT: 'UTC',
  Z: 'UTC',
};

/**
 * A time zone id as Java's TimeZone.getTimeZone reads it: an IANA id, one of Java's three-letter
 * ids, or GMT±hh:mm; anything else falls back to GMT, as in Java.
 */
export function resolveTimeZone(id: string): string {
  if (JAVA_ZONE_ALIASES[id]) return JAVA_ZONE_ALIASES[id];
  const off = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (off) {
    const h = Number(off[2]);
    if (!off[3] || off[3] === '00') return h === 0 ? 'UTC' : `Etc/GMT${off[1] === '+' ? '-' : '+'}${h}`;
  }
  return isValidTimeZone(id) ? id : 'UTC';
}

// Java's short names for zones where Intl's en-US short name is a GMT offset.
const JAVA_SHORT_NAMES: Record<string, string> = {
  'Greenwich Mean Time': 'GMT',
  'British Summer Time': 'BST',
  'Irish Standard Time': 'IST',
  'Central European Standard Time': 'CET',
  'Central European Summer Time': 'CEST',
  'Eastern European Standard Time': 'EET',
  'Eastern European Summer Time': 'EEST',
  'Western European Standard Time': 'WET',
  'Western European Summer Time': 'WEST',
  'India Standard Time': 'IST',
  'Japan Standard Time': 'JST',
  'China Standard Time': 'CST',
  'Korean Standard Time': 'KST',
  'Singapore Standard Time': 'SGT',
  'Australian Eastern Standard Time': 'AEST',
  'Australian Eastern Daylight Time': 'AEDT',
  'Australian Western Standard Time': 'AWST',
  'New Zealand Standard Time': 'NZST',
  'New Zealand Daylight Time': 'NZDT',
  'Coordinated Universal Time': 'UTC',
};

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

/** Short or long display name of the zone at an instant (PST, Pacific Standard Time). */
export function timeZoneName(epochMs: number, tz: string, style: 'short' | 'long'): string {
  const name = (st: 'short' | 'long'): string => {
    let f = nameFormatters.get(tz + '|' + st);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: st });
      nameFormatters.set(tz + '|' + st, f);
    }
    return f.formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName')?.value ?? tz;
  };
  const n = name(style);
  if (style === 'short' && /^GMT[+-]/.test(n)) return JAVA_SHORT_NAMES[name('long')] ?? n;
  return n;
}
