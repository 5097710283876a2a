// Apex String methods as pure functions over JS strings (UTF-16, like Java). Most Apex String
// methods are Apache Commons Lang StringUtils / java.lang.String methods; their documented
// edge cases are kept (left/right/mid with negative lengths, substringAfter of a missing
// separator, split removing trailing empty strings, trim removing every char <= ' ').
// A `null` receiver is the interpreter's business (it throws NullPointerException before calling).

import { ApexValueError, npe, stringError } from './errors.js';
import { Pattern, replaceJava } from './pattern.js';

// ------------------------------------------------------------------ character classes

/** java.lang.Character.isWhitespace for a UTF-16 code unit. */
export function isJavaWhitespace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f)) return true;
  if (c === 0xa0 || c === 0x2007 || c === 0x202f) return false;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x2006) || (c >= 0x2008 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x205f || c === 0x3000;
}

const isLetter = (ch: string): boolean => /^\p{L}$/u.test(ch);
const isDigit = (ch: string): boolean => /^\p{Nd}$/u.test(ch);
const isLowerCase = (ch: string): boolean => /^\p{Lowercase}$/u.test(ch);
const isUpperCase = (ch: string): boolean => /^\p{Uppercase}$/u.test(ch);
const isTitleCase = (ch: string): boolean => /^\p{Lt}$/u.test(ch);

const chars = (s: string): string[] => Array.from(s); // code points

function requireArg<T>(v: T | null | undefined, what = 'Argument cannot be null.'): T {
  if (v === null || v === undefined) throw npe(what);
  return v;
}

// ------------------------------------------------------------------ static helpers

/** String.isBlank: null, empty, or whitespace only (Character.isWhitespace). */
export function isBlank(s: string | null | undefined): boolean {
  if (s === null || s === undefined) return true;
  for (const ch of s) if (!isJavaWhitespace(ch)) return false;
  return true;
}
export const isNotBlank = (s: string | null | undefined): boolean => !isBlank(s);
export const isEmpty = (s: string | null | undefined): boolean => s === null || s === undefined || s.length === 0;
export const isNotEmpty = (s: string | null | undefined): boolean => !isEmpty(s);

/** String.join(iterable, separator): elements already converted to strings; null is 'null'. */
export function join(items: Iterable<string | null>, separator: string | null): string {
  const sep = separator ?? '';
  return Array.from(items, (x) => (x === null || x === undefined ? 'null' : x)).join(sep);
}

/**
 * String.format(template, args): java.text.MessageFormat {n} placeholders (a format type or style
 * after a comma is ignored: arguments arrive as strings). A missing argument prints {n}; a null
 * argument prints null. Single quotes: "From version 51.0 and later, the format() method supports
 * single quotes in the stringToFormat parameter" (String Class, format) — from API 51.0 a quote is
 * a literal character; at 50.0 and earlier (apiVersion <= 50) MessageFormat quoting applies ('' is
 * a quote, text between quotes is literal).
 */
export function format(template: string, args: readonly (string | null)[], apiVersion = 62): string {
  if (apiVersion >= 51) template = template.replace(/'/g, "''");
  let out = '';
  let inQuote = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === "'") {
      if (template[i + 1] === "'") {
        out += "'";
        i++;
      } else inQuote = !inQuote;
      continue;
    }
    if (inQuote || c !== '{') {
      out += c;
      continue;
    }
    // a format element
    let depth = 1;
    let j = i + 1;
    let body = '';
    let q = false;
    for (; j < template.length; j++) {
      const d = template[j];
      if (d === "'") q = !q;
      if (!q) {
        if (d === '{') depth++;
        if (d === '}' && --depth === 0) break;
      }
      body += d;
    }
    if (j >= template.length) throw new ApexValueError('System.IllegalArgumentException', 'Unmatched braces in the pattern.');
    const indexText = body.split(',')[0].trim();
    if (!/^\d+$/.test(indexText)) throw new ApexValueError('System.IllegalArgumentException', `can't parse argument number: ${indexText}`);
    const n = Number(indexText);
    if (n >= args.length) out += `{${indexText}}`;
    else out += args[n] === null || args[n] === undefined ? 'null' : args[n];
    i = j;
  }
  return out;
}

/** String.fromCharArray(List<Integer>). */
export function fromCharArray(codes: readonly number[]): string {
  return String.fromCharCode(...codes);
}

/** String.valueOf for values that have no richer conversion in the interpreter. */
export function valueOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

// ------------------------------------------------------------------ instance methods

export function abbreviate(s: string, maxWidth: number, offset?: number): string {
  if (offset === undefined || offset <= 0) {
    if (s.length <= maxWidth) return s;
    if (maxWidth < 4) throw stringError('Minimum abbreviation width is 4');
    return s.slice(0, maxWidth - 3) + '...';
  }
  // commons-lang StringUtils.abbreviate(str, offset, maxWidth)
  if (maxWidth < 4) throw stringError('Minimum abbreviation width is 4');
  if (s.length <= maxWidth) return s;
  if (offset > s.length) offset = s.length;
  if (s.length - offset < maxWidth - 3) offset = s.length - (maxWidth - 3);
  if (offset <= 4) return s.slice(0, maxWidth - 3) + '...';
  if (maxWidth < 7) throw stringError('Minimum abbreviation width with offset is 7');
  if (offset + maxWidth - 3 < s.length) return '...' + abbreviate(s.slice(offset), maxWidth - 3);
  return '...' + s.slice(s.length - (maxWidth - 3));
}

export function capitalize(s: string): string {
  if (s.length === 0) return s;
  const [first] = chars(s);
  return first.toUpperCase().length === first.length ? first.toUpperCase() + s.slice(first.length) : first + s.slice(first.length);
}

export function uncapitalize(s: string): string {
  if (s.length === 0) return s;
  const [first] = chars(s);
  return first.toLowerCase() + s.slice(first.length);
}

export function center(s: string, size: number, padStr = ' '): string {
  if (padStr === null || padStr === '') padStr = ' ';
  const pads = size - s.length;
  if (pads <= 0) return s;
  const left = leftPad(s, s.length + Math.floor(pads / 2), padStr);
  return rightPad(left, size, padStr);
}

function indexError(i: number, len: number): ApexValueError {
  return stringError(`String index out of range: ${i}`.concat(len < 0 ? '' : ''));
}

/** String.charAt(index): the UTF-16 code unit as an Integer. */
export function charAt(s: string, index: number): number {
  if (index < 0 || index >= s.length) throw indexError(index, s.length);
  return s.charCodeAt(index);
}

export function codePointAt(s: string, index: number): number {
  if (index < 0 || index >= s.length) throw indexError(index, s.length);
  return s.codePointAt(index)!;
}

export function codePointBefore(s: string, index: number): number {
  if (index < 1 || index > s.length) throw indexError(index, s.length);
  const lo = s.charCodeAt(index - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && index >= 2) {
    const hi = s.charCodeAt(index - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return s.codePointAt(index - 2)!;
  }
  return lo;
}

export function codePointCount(s: string, begin: number, end: number): number {
  return chars(s.slice(begin, end)).length;
}

export function compareTo(s: string, other: string): number {
  requireArg(other);
  const n = Math.min(s.length, other.length);
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(i) - other.charCodeAt(i);
    if (d !== 0) return d;
  }
  return s.length - other.length;
}

export function contains(s: string, sub: string): boolean {
  return s.includes(requireArg(sub));
}

export function containsIgnoreCase(s: string, sub: string): boolean {
  return s.toLowerCase().includes(requireArg(sub).toLowerCase()) || s.toUpperCase().includes(sub.toUpperCase());
}

export function containsAny(s: string, search: string): boolean {
  if (!search) return false;
  for (const ch of search) if (s.includes(ch)) return true;
  return false;
}

export function containsNone(s: string, search: string): boolean {
  return !containsAny(s, search ?? '');
}

export function containsOnly(s: string, valid: string): boolean {
  if (valid === null || valid === undefined) return false;
  for (const ch of s) if (!valid.includes(ch)) return false;
  return true;
}

export function containsWhitespace(s: string): boolean {
  for (const ch of s) if (isJavaWhitespace(ch)) return true;
  return false;
}

export function countMatches(s: string, sub: string): number {
  if (!sub) return 0;
  let n = 0;
  let i = 0;
  while ((i = s.indexOf(sub, i)) >= 0) {
    n++;
    i += sub.length;
  }
  return n;
}

export function deleteWhitespace(s: string): string {
  let out = '';
  for (const ch of s) if (!isJavaWhitespace(ch)) out += ch;
  return out;
}

export function difference(s: string, other: string): string {
  const at = indexOfDifference(s, other);
  return at === -1 ? '' : other.slice(at);
}

export function indexOfDifference(a: string, b: string): number {
  if (a === b) return -1;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i < a.length || i < b.length ? i : -1;
}

export function getCommonPrefix(strs: readonly string[]): string {
  if (strs.length === 0) return '';
  let p = strs[0] ?? '';
  for (const s of strs) {
    if (s === null || s === undefined) return '';
    let i = 0;
    while (i < p.length && i < s.length && p[i] === s[i]) i++;
    p = p.slice(0, i);
  }
  return p;
}

export function getLevenshteinDistance(s: string, t: string, threshold?: number): number {
  const n = s.length;
  const m = t.length;
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    for (let j = 1; j <= m; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    prev = cur;
  }
  const d = prev[m];
  return threshold !== undefined && d > threshold ? -1 : d;
}

export const endsWith = (s: string, suffix: string): boolean => s.endsWith(requireArg(suffix));
export const startsWith = (s: string, prefix: string): boolean => s.startsWith(requireArg(prefix));
export const endsWithIgnoreCase = (s: string, suffix: string): boolean =>
  s.length >= requireArg(suffix).length && equalsIgnoreCase(s.slice(s.length - suffix.length), suffix);
export const startsWithIgnoreCase = (s: string, prefix: string): boolean =>
  s.length >= requireArg(prefix).length && equalsIgnoreCase(s.slice(0, prefix.length), prefix);

/** String.equals: case-sensitive (unlike the == operator on Strings, which ignores case). */
export function equals(s: string, other: unknown): boolean {
  return typeof other === 'string' && s === other;
}

/** Java String.equalsIgnoreCase: per code unit, upper then lower case comparison. */
export function equalsIgnoreCase(s: string, other: string | null | undefined): boolean {
  if (other === null || other === undefined || other.length !== s.length) return false;
  for (let i = 0; i < s.length; i++) {
    const a = s[i];
    const b = other[i];
    if (a === b) continue;
    const ua = a.toUpperCase();
    const ub = b.toUpperCase();
    if (ua === ub) continue;
    if (ua.toLowerCase() === ub.toLowerCase()) continue;
    return false;
  }
  return true;
}

/** Apex `==` on Strings: case-insensitive equality. */
export function apexEquals(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return equalsIgnoreCase(a, b);
}

/** String.escapeSingleQuotes: a backslash before every single quote and every backslash. */
export function escapeSingleQuotes(s: string): string {
  return s.replace(/['\\]/g, (c) => '\\' + c);
}

const HTML_BASIC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// ISO-8859-1 entities U+00A0..U+00FF (commons-lang EntityArrays.ISO8859_1_ESCAPE).
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
    ' '
  );
// A few HTML 4.0 extended entities that commonly occur.
const HTML_EXTENDED: Record<string, number> = {
  OElig: 338, oelig: 339, Scaron: 352, scaron: 353, Yuml: 376, fnof: 402, circ: 710, tilde: 732, ensp: 8194, emsp: 8195,
  thinsp: 8201, zwnj: 8204, zwj: 8205, lrm: 8206, rlm: 8207, ndash: 8211, mdash: 8212, lsquo: 8216, rsquo: 8217, sbquo: 8218,
  ldquo: 8220, rdquo: 8221, bdquo: 8222, dagger: 8224, Dagger: 8225, permil: 8240, lsaquo: 8249, rsaquo: 8250, euro: 8364,
  bull: 8226, hellip: 8230, prime: 8242, Prime: 8243, trade: 8482, larr: 8592, uarr: 8593, rarr: 8594, darr: 8595, harr: 8596,
  minus: 8722, le: 8804, ge: 8805, ne: 8800, infin: 8734, asymp: 8776, equiv: 8801,
};
const ENTITY_BY_CODE = new Map<number, string>();
LATIN1_NAMES.forEach((n, i) => ENTITY_BY_CODE.set(0xa0 + i, n));
for (const [n, c] of Object.entries(HTML_EXTENDED)) ENTITY_BY_CODE.set(c, n);
const CODE_BY_ENTITY = new Map<string, number>([...ENTITY_BY_CODE].map(([c, n]) => [n, c]));
CODE_BY_ENTITY.set('amp', 38).set('lt', 60).set('gt', 62).set('quot', 34);

/** String.escapeHtml4: & < > " and the HTML 4.0 named entities (Latin-1 and common extended). */
export function escapeHtml4(s: string): string {
  let out = '';
  for (const ch of s) {
    if (HTML_BASIC[ch]) out += HTML_BASIC[ch];
    else {
      const name = ENTITY_BY_CODE.get(ch.codePointAt(0)!);
      out += name ? `&${name};` : ch;
    }
  }
  return out;
}

/** String.unescapeHtml4: named, decimal and hex entities. */
export function unescapeHtml4(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);/g, (m, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    const cp = CODE_BY_ENTITY.get(body);
    return cp === undefined ? m : String.fromCodePoint(cp);
  });
}

export const escapeHtml3 = escapeHtml4;
export const unescapeHtml3 = unescapeHtml4;

/** String.escapeXml: & < > " ' (XML 1.0 entities). */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#[xX][0-9a-fA-F]+);/g, (m, b: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (named[b]) return named[b];
    return String.fromCodePoint(b[1] === 'x' || b[1] === 'X' ? parseInt(b.slice(2), 16) : parseInt(b.slice(1), 10));
  });
}

/** String.escapeCsv: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function escapeCsv(s: string): string {
  if (!/[",\r\n]/.test(s)) return s;
  return '"' + s.replace(/"/g, '""') + '"';
}

export function unescapeCsv(s: string): string {
  if (s.length < 2 || s[0] !== '"' || s[s.length - 1] !== '"') return s;
  const inner = s.slice(1, -1);
  if (!/[",\r\n]/.test(inner)) return s;
  return inner.replace(/""/g, '"');
}

function unicodeEscape(c: number): string {
  return '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
}

/** String.escapeJava: Java string-literal escapes; non-ASCII as \\uXXXX. */
export function escapeJava(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 8) out += '\\b';
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 12) out += '\\f';
    else if (c === 13) out += '\\r';
    else if (c < 32 || c > 0x7e) out += unicodeEscape(c);
    else out += ch;
  }
  return out;
}

/** String.escapeEcmaScript: like escapeJava, plus ' and / escaped. */
export function escapeEcmaScript(s: string): string {
  return escapeJava(s).replace(/'/g, "\\'").replace(/\//g, '\\/');
}

export function unescapeJava(s: string): string {
  return s.replace(/\\(u+[0-9a-fA-F]{4}|[0-7]{1,3}|[btnfr"'\\/])/g, (m, b: string) => {
    if (b[0] === 'u') return String.fromCharCode(parseInt(b.replace(/^u+/, ''), 16));
    if (/^[0-7]/.test(b)) return String.fromCharCode(parseInt(b, 8));
    return ({ b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', "'": "'", '\\': '\\', '/': '/' } as Record<string, string>)[b];
  });
}
export const unescapeEcmaScript = unescapeJava;

export function escapeUnicode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c > 0x7e ? unicodeEscape(c) : s[i];
  }
  return out;
}
export function unescapeUnicode(s: string): string {
  return s.replace(/\\u+([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

export function indexOf(s: string, sub: string, from = 0): number {
  return s.indexOf(requireArg(sub), Math.max(from, 0));
}

export function indexOfIgnoreCase(s: string, sub: string, from = 0): number {
  requireArg(sub);
  const start = Math.max(from, 0);
  for (let i = start; i + sub.length <= s.length; i++) if (equalsIgnoreCase(s.slice(i, i + sub.length), sub)) return i;
  return -1;
}

export function indexOfAny(s: string, search: string): number {
  if (!search) return -1;
  for (let i = 0; i < s.length; i++) if (search.includes(s[i])) return i;
  return -1;
}

export function indexOfAnyBut(s: string, search: string): number {
  if (s.length === 0) return -1;
  for (let i = 0; i < s.length; i++) if (!(search ?? '').includes(s[i])) return i;
  return -1;
}

export function indexOfChar(s: string, cp: number, from = 0): number {
  return s.indexOf(String.fromCodePoint(cp), Math.max(from, 0));
}

export function lastIndexOf(s: string, sub: string, from?: number): number {
  requireArg(sub);
  if (from === undefined) return s.lastIndexOf(sub);
  return from < 0 ? -1 : s.lastIndexOf(sub, from);
}

export function lastIndexOfIgnoreCase(s: string, sub: string, from?: number): number {
  requireArg(sub);
  const start = Math.min(from ?? s.length, s.length - sub.length);
  for (let i = start; i >= 0; i--) if (equalsIgnoreCase(s.slice(i, i + sub.length), sub)) return i;
  return -1;
}

export function lastIndexOfChar(s: string, cp: number, from?: number): number {
  return from === undefined ? s.lastIndexOf(String.fromCodePoint(cp)) : s.lastIndexOf(String.fromCodePoint(cp), from);
}

// commons-lang 2.x StringUtils, which these Apex methods follow: true for the empty string
// (String Class, isWhitespace: "only white space characters or is empty"), except
// isAllLowerCase / isAllUpperCase, which are false for the empty string.
const allOf = (s: string, pred: (ch: string) => boolean): boolean => {
  for (const ch of s) if (!pred(ch)) return false;
  return true;
};
export const isAllLowerCase = (s: string): boolean => s.length > 0 && allOf(s, isLowerCase);
export const isAllUpperCase = (s: string): boolean => s.length > 0 && allOf(s, isUpperCase);
export const isAlpha = (s: string): boolean => allOf(s, isLetter);
export const isAlphaSpace = (s: string): boolean => allOf(s, (c) => isLetter(c) || c === ' ');
export const isAlphanumeric = (s: string): boolean => allOf(s, (c) => isLetter(c) || isDigit(c));
export const isAlphanumericSpace = (s: string): boolean => allOf(s, (c) => isLetter(c) || isDigit(c) || c === ' ');
export const isAsciiPrintable = (s: string): boolean => allOf(s, (c) => c >= ' ' && c <= '~');
export const isNumeric = (s: string): boolean => allOf(s, isDigit);
export const isNumericSpace = (s: string): boolean => allOf(s, (c) => isDigit(c) || c === ' ');
export const isWhitespace = (s: string): boolean => allOf(s, isJavaWhitespace);

/** String.left(n): the leftmost n characters ('' when n < 0). */
export function left(s: string, n: number): string {
  if (n < 0) return '';
  return s.length <= n ? s : s.slice(0, n);
}

export function right(s: string, n: number): string {
  if (n < 0) return '';
  return s.length <= n ? s : s.slice(s.length - n);
}

export function mid(s: string, start: number, len: number): string {
  if (len < 0 || start > s.length) return '';
  if (start < 0) start = 0;
  return s.length <= start + len ? s.slice(start) : s.slice(start, start + len);
}

export function leftPad(s: string, size: number, padStr: string | null = ' '): string {
  const pad = padStr === null || padStr === '' ? ' ' : padStr;
  const n = size - s.length;
  if (n <= 0) return s;
  return pad.repeat(Math.ceil(n / pad.length)).slice(0, n) + s;
}

export function rightPad(s: string, size: number, padStr: string | null = ' '): string {
  const pad = padStr === null || padStr === '' ? ' ' : padStr;
  const n = size - s.length;
  if (n <= 0) return s;
  return s + pad.repeat(Math.ceil(n / pad.length)).slice(0, n);
}

export const length = (s: string): number => s.length;

/** String.normalizeSpace: trims and collapses runs of whitespace to one space. */
export function normalizeSpace(s: string): string {
  let out = '';
  let pendingSpace = false;
  for (const ch of s) {
    if (isJavaWhitespace(ch)) {
      pendingSpace = out.length > 0;
    } else {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += ch;
    }
  }
  return out;
}

export function remove(s: string, sub: string): string {
  if (!sub) return s;
  return s.split(sub).join('');
}

export function removeEnd(s: string, suffix: string): string {
  return suffix && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
}
export function removeEndIgnoreCase(s: string, suffix: string): string {
  return suffix && endsWithIgnoreCase(s, suffix) ? s.slice(0, s.length - suffix.length) : s;
}
export function removeStart(s: string, prefix: string): string {
  return prefix && s.startsWith(prefix) ? s.slice(prefix.length) : s;
}
export function removeStartIgnoreCase(s: string, prefix: string): string {
  return prefix && startsWithIgnoreCase(s, prefix) ? s.slice(prefix.length) : s;
}

/** String.repeat(n) and String.repeat(separator, n). */
export function repeat(s: string, sepOrTimes: string | number, times?: number): string {
  if (typeof sepOrTimes === 'number') return sepOrTimes <= 0 ? '' : s.repeat(sepOrTimes);
  const n = times ?? 0;
  if (n <= 0) return '';
  return Array(n).fill(s).join(sepOrTimes ?? '');
}

/** String.replace(target, replacement): every literal occurrence. */
export function replace(s: string, target: string, replacement: string): string {
  requireArg(target);
  requireArg(replacement);
  if (target === '') {
    // Java: inserts the replacement between every char and at both ends
    let out = replacement;
    for (const ch of s) out += ch + replacement;
    return out;
  }
  return s.split(target).join(replacement);
}

export function replaceAll(s: string, regex: string, replacement: string): string {
  return replaceJava(Pattern.compile(requireArg(regex)), s, requireArg(replacement), true);
}

export function replaceFirst(s: string, regex: string, replacement: string): string {
  return replaceJava(Pattern.compile(requireArg(regex)), s, requireArg(replacement), false);
}

/** String.reverse: surrogate pairs stay in order (StringBuilder.reverse). */
export function reverse(s: string): string {
  return chars(s).reverse().join('');
}

/** String.split(regex[, limit]): Java semantics (trailing empty strings removed when limit is 0). */
export function split(s: string, regex: string, limit = 0): string[] {
  return Pattern.compile(requireArg(regex)).split(s, limit);
}

type CharType = string;
function charType(ch: string): CharType {
  if (/\p{Lu}/u.test(ch)) return 'Lu';
  if (/\p{Ll}/u.test(ch)) return 'Ll';
  if (/\p{Lt}/u.test(ch)) return 'Lt';
  if (/\p{Lm}/u.test(ch)) return 'Lm';
  if (/\p{Lo}/u.test(ch)) return 'Lo';
  if (/\p{Nd}/u.test(ch)) return 'Nd';
  if (/\p{Zs}/u.test(ch)) return 'Zs';
  if (/\p{P}/u.test(ch)) return 'P:' + ch.codePointAt(0);
  if (/\p{S}/u.test(ch)) return 'S:' + ch.codePointAt(0);
  if (/\p{Cc}/u.test(ch)) return 'Cc';
  return 'other';
}

/** commons-lang splitByCharacterType: runs of the same Character.getType. */
function splitByType(s: string, camel: boolean): string[] {
  const cs = chars(s);
  if (cs.length === 0) return [];
  const out: string[] = [];
  let start = 0;
  let cur = charType(cs[0]).replace(/^(P|S):\d+$/, '$1');
  const typeOf = (c: string): string => {
    const t = charType(c);
    return t.startsWith('P:') ? 'P' + /\p{Pd}/u.test(c) + /\p{Ps}/u.test(c) + /\p{Pe}/u.test(c) + /\p{Pc}/u.test(c) + /\p{Po}/u.test(c) : t.startsWith('S:') ? 'S' + /\p{Sm}/u.test(c) + /\p{Sc}/u.test(c) : t;
  };
  cur = typeOf(cs[0]);
  for (let i = 1; i < cs.length; i++) {
    const t = typeOf(cs[i]);
    if (t === cur) continue;
    if (camel && t === 'Ll' && cur === 'Lu') {
      const newStart = i - 1;
      if (newStart !== start) {
        out.push(cs.slice(start, newStart).join(''));
        start = newStart;
      }
    } else {
      out.push(cs.slice(start, i).join(''));
      start = i;
    }
    cur = t;
  }
  out.push(cs.slice(start).join(''));
  return out;
}
export const splitByCharacterType = (s: string): string[] => splitByType(s, false);
export const splitByCharacterTypeCamelCase = (s: string): string[] => splitByType(s, true);

/** String.strip(): Character.isWhitespace removed from both ends. */
export function strip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isJavaWhitespace(s[a])) a++;
  while (b > a && isJavaWhitespace(s[b - 1])) b--;
  return s.slice(a, b);
}

/** String.trim(): Java trim, every leading and trailing char <= ' '. */
export function trim(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) <= 32) a++;
  while (b > a && s.charCodeAt(b - 1) <= 32) b--;
  return s.slice(a, b);
}

/**
 * String.stripHtmlTags: removes markup (script and style blocks with their content, comments,
 * tags); <br> and </p> become line breaks; the remaining text is trimmed.
 */
export function stripHtmlTags(s: string): string {
  return s
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .trim();
}

/**
 * String.substring(begin[, end]). Bad indexes throw System.StringException with Apex's messages:
 * "Starting position out of bounds: N" / "Ending position out of bounds: N".
 */
export function substring(s: string, begin: number, end?: number): string {
  const e = end ?? s.length;
  if (begin < 0) throw stringError(`Starting position out of bounds: ${begin}`);
  if (e > s.length) throw stringError(`Ending position out of bounds: ${e}`);
  if (begin > e) throw stringError(`Starting position out of bounds: ${begin}`);
  return s.slice(begin, e);
}

export function substringAfter(s: string, sep: string | null): string {
  if (sep === null || sep === undefined) return '';
  if (sep === '') return s;
  const i = s.indexOf(sep);
  return i < 0 ? '' : s.slice(i + sep.length);
}

export function substringAfterLast(s: string, sep: string | null): string {
  if (sep === null || sep === undefined || sep === '') return '';
  const i = s.lastIndexOf(sep);
  return i < 0 || i === s.length - sep.length ? '' : s.slice(i + sep.length);
}

export function substringBefore(s: string, sep: string | null): string {
  if (sep === null || sep === undefined) return s;
  if (sep === '') return '';
  const i = s.indexOf(sep);
  return i < 0 ? s : s.slice(0, i);
}

export function substringBeforeLast(s: string, sep: string | null): string {
  if (sep === null || sep === undefined || sep === '') return s;
  const i = s.lastIndexOf(sep);
  return i < 0 ? s : s.slice(0, i);
}

/** String.substringBetween(open[, close]): null when either is missing. */
export function substringBetween(s: string, open: string, close: string = open): string | null {
  if (open === null || close === null) return null;
  const a = s.indexOf(open);
  if (a < 0) return null;
  const b = s.indexOf(close, a + open.length);
  return b < 0 ? null : s.slice(a + open.length, b);
}

export function swapCase(s: string): string {
  let out = '';
  for (const ch of s) {
    if (isUpperCase(ch) || isTitleCase(ch)) out += ch.toLowerCase();
    else if (isLowerCase(ch)) out += ch.toUpperCase();
    else out += ch;
  }
  return out;
}

const jsLocale = (l: string): string => l.replace(/_/g, '-');
/** String.toLowerCase([locale]): en_US rules by default; toLowerCase('tr') lowers I to dotless ı. */
export const toLowerCase = (s: string, locale?: string): string => (locale ? s.toLocaleLowerCase(jsLocale(locale)) : s.toLowerCase());
export const toUpperCase = (s: string, locale?: string): string => (locale ? s.toLocaleUpperCase(jsLocale(locale)) : s.toUpperCase());

/**
 * String.template(valueMap): ${name} placeholders replaced by the map's values (already converted
 * to strings by the caller; null prints null); $${name} is the literal text ${name}. A placeholder
 * without a key in the map throws System.StringException.
 */
export function template(s: string, values: ReadonlyMap<string, string | null> | Record<string, string | null>): string {
  const get = (k: string): string | null | undefined => (values instanceof Map ? values.get(k) : (values as Record<string, string | null>)[k]);
  const has = (k: string): boolean => (values instanceof Map ? values.has(k) : Object.prototype.hasOwnProperty.call(values, k));
  return s.replace(/\$?\$\{([^}]*)\}/g, (m, name: string) => {
    if (m.startsWith('$$')) return m.slice(1);
    if (!has(name)) throw stringError(`No value provided for the template variable: ${name}`);
    const v = get(name);
    return v === null || v === undefined ? 'null' : v;
  });
}

/** String.getChars(): the UTF-16 code units. */
export function getChars(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
  return out;
}

/** Java String.hashCode: s[0]*31^(n-1) + ... + s[n-1], int32. */
export function hashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** String.isAllLowerCase etc. live above; this is the Apex `String.valueOf(Integer)` twin for chars. */
export function fromCodePoint(cp: number): string {
  return String.fromCodePoint(cp);
}

export function offsetByCodePoints(s: string, index: number, offset: number): number {
  let i = index;
  if (offset >= 0) {
    for (let k = 0; k < offset; k++) i += (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  } else {
    for (let k = 0; k < -offset; k++) i -= i >= 2 && s.charCodeAt(i - 1) >= 0xdc00 && s.charCodeAt(i - 1) <= 0xdfff && s.charCodeAt(i - 2) >= 0xd800 && s.charCodeAt(i - 2) <= 0xdbff ? 2 : 1;
  }
  if (i < 0 || i > s.length) throw stringError(`String index out of range: ${i}`);
  return i;
}

/** String.matches(regex): the whole string matches. */
export function matches(s: string, regex: string): boolean {
  return Pattern.matches(requireArg(regex), s);
}
