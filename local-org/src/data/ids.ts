// Salesforce record ids: 15 case-sensitive characters (3-character key prefix, then the
// instance and the record number) and the 18-character case-insensitive form whose last three
// characters encode, per 5-character chunk, which characters are upper case.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character checksum suffix of a 15-character id. */
export function idSuffix(id15: string): string {
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    out += SUFFIX[bits];
  }
  return out;
}

const ID_RE = /^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/;

/** True when `s` is a syntactically valid 15- or 18-character id (18: the suffix must match). */
export function isValidId(s: string): boolean {
  if (!ID_RE.test(s)) return false;
  if (s.length === 18) return idSuffix(s.slice(0, 15)) === s.slice(15).toUpperCase();
  return true;
}

/** 15 -> 18 characters; 18-character ids come back with the case of their first 15 restored by the suffix check. */
export function to18(id: string): string {
  if (id.length === 15) return id + idSuffix(id);
  if (id.length === 18) {
    // the 18-character form is case-insensitive: rebuild the case of the first 15 from the suffix
    const suffix = id.slice(15).toUpperCase();
    let base = '';
    for (let chunk = 0; chunk < 3; chunk++) {
      const bits = SUFFIX.indexOf(suffix[chunk]!);
      for (let i = 0; i < 5; i++) {
        const ch = id[chunk * 5 + i]!;
        base += bits >= 0 && bits & (1 << i) ? ch.toUpperCase() : /[A-Za-z]/.test(ch) ? ch.toLowerCase() : ch;
      }
    }
    return base + suffix;
  }
  throw new Error(`Invalid id: ${id}`);
}

export function keyPrefixOf(id: string): string {
  return id.slice(0, 3);
}

/** Generates ids per key prefix: prefix + '0' + pod '00' + a 9-character base-62 counter (15), plus suffix. */
export class IdGenerator {
  private counters = new Map<string, number>();
  constructor(private readonly pod = '5g') {}
  next(keyPrefix: string): string {
    const n = (this.counters.get(keyPrefix) ?? 0) + 1;
    this.counters.set(keyPrefix, n);
    let digits = '';
    let x = n;
    for (let i = 0; i < 10; i++) {
      digits = BASE62[x % 62] + digits;
      x = Math.floor(x / 62);
    }
    const id15 = keyPrefix + this.pod + digits;
    return id15 + idSuffix(id15);
  }
  /** Counter state, for savepoints that must not reuse ids (the platform never reuses one). */
  snapshot(): Map<string, number> {
    return new Map(this.counters);
  }
}
