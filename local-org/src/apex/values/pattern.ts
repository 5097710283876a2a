// Apex Pattern and Matcher over java.util.regex syntax, translated to a JavaScript RegExp
// (flags u and d). What JavaScript cannot express (possessive quantifiers, atomic groups,
// class intersection and nesting, inline flags after the start, \G, \X, Unicode blocks) throws
// `Unsupported in the local org: <what>` rather than matching differently.

import { ApexValueError, unsupported } from './errors.js';

const LINE_TERMINATOR = '(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])';
const END_OF_INPUT = '(?![\\s\\S])';

/** POSIX and java.lang.Character classes, as the body of a JS character class. */
const POSIX: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

/** Unicode property names Java accepts, mapped to JS \p{...} bodies. */
function unicodeProperty(name: string): string | null {
  const direct = /^(L|Lu|Ll|Lt|Lm|Lo|M|Mn|Mc|Me|N|Nd|Nl|No|P|Pc|Pd|Ps|Pe|Pi|Pf|Po|S|Sm|Sc|Sk|So|Z|Zs|Zl|Zp|C|Cc|Cf|Co|Cs|Cn)$/;
  if (direct.test(name)) return name;
  const is = /^Is(L|Lu|Ll|Lt|Lm|Lo|M|Mn|Mc|Me|N|Nd|Nl|No|P|Pc|Pd|Ps|Pe|Pi|Pf|Po|S|Sm|Sc|Sk|So|Z|Zs|Zl|Zp|C|Cc|Cf|Co|Cs|Cn)$/.exec(name);
  if (is) return is[1];
  const gc = /^(?:gc|general_category)=(\w+)$/.exec(name);
  if (gc) return `General_Category=${gc[1]}`;
  const bin: Record<string, string> = {
    IsAlphabetic: 'Alphabetic',
    IsLetter: 'L',
    IsDigit: 'Nd',
    IsLowercase: 'Lowercase',
    IsUppercase: 'Uppercase',
    IsWhite_Space: 'White_Space',
    IsWhiteSpace: 'White_Space',
    IsPunctuation: 'P',
    IsControl: 'Cc',
    IsIdeographic: 'Ideographic',
    javaLowerCase: 'Lowercase',
    javaUpperCase: 'Uppercase',
    javaWhitespace: 'White_Space',
    javaLetter: 'L',
    javaDigit: 'Nd',
    javaAlphabetic: 'Alphabetic',
    Lowercase: 'Lowercase',
    Uppercase: 'Uppercase',
    Alphabetic: 'Alphabetic',
  };
  if (bin[name]) return bin[name];
  const script = /^(?:Is|script=|sc=)([A-Z][a-z]+)$/.exec(name);
  if (script) return `Script=${script[1]}`;
  return null;
}

export interface TranslatedRegex {
  source: string;
  flags: string;
  groupCount: number;
  groupNames: string[];
}

const SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);

function escapeLiteral(ch: string, inClass: boolean): string {
  if (SYNTAX.has(ch) || (inClass && ch === '-')) return '\\' + ch;
  return ch;
}

function hex4(cp: number): string {
  return cp <= 0xffff ? '\\u' + cp.toString(16).padStart(4, '0') : `\\u{${cp.toString(16)}}`;
}

/** Translates a Java regular expression into a JavaScript one (u + d flags). */
export function translateJavaRegex(javaSource: string, javaFlags = 0): TranslatedRegex {
  const src = javaSource;
  let i = 0;
  const flagSet = new Set<string>();
  if (javaFlags & Pattern.CASE_INSENSITIVE) flagSet.add('i');
  if (javaFlags & Pattern.MULTILINE) flagSet.add('m');
  if (javaFlags & Pattern.DOTALL) flagSet.add('s');
  let comments = (javaFlags & Pattern.COMMENTS) !== 0;
  // Leading inline flags apply to the whole pattern.
  for (;;) {
    const m = /^\(\?([imsxuUd]*)(?:-([imsxuUd]*))?\)/.exec(src.slice(i));
    if (!m) break;
    for (const f of m[1]) {
      if (f === 'x') comments = true;
      else if ('ims'.includes(f)) flagSet.add(f);
    }
    for (const f of m[2] ?? '') {
      if (f === 'x') comments = false;
      else flagSet.delete(f);
    }
    i += m[0].length;
  }
  const multiline = flagSet.has('m');
  let out = '';
  let inClass = false;
  let classDepthStart = -1;
  let groupCount = 0;
  const groupNames: string[] = [];

  const quantifierFollows = (): void => {
    const c = src[i];
    if (c === '+') throw unsupported(`possessive quantifier in regular expression ${javaSource}`);
  };

  while (i < src.length) {
    const c = src[i];
    if (!inClass && comments) {
      if (/\s/.test(c)) {
        i++;
        continue;
      }
      if (c === '#') {
        while (i < src.length && src[i] !== '\n') i++;
        continue;
      }
    }
    if (c === '\\') {
      const n = src[i + 1];
      if (n === undefined) throw new ApexValueError('System.StringException', `Unexpected internal error near index ${i + 1}\n${javaSource}`);
      i += 2;
      switch (n) {
        case 'Q': {
          const end = src.indexOf('\\E', i);
          const lit = end < 0 ? src.slice(i) : src.slice(i, end);
          for (const ch of lit) out += escapeLiteral(ch, inClass);
          i = end < 0 ? src.length : end + 2;
          continue;
        }
        case 'A':
          out += '(?<![\\s\\S])';
          continue;
        case 'z':
          out += END_OF_INPUT;
          continue;
        case 'Z':
          out += `(?=${LINE_TERMINATOR}?${END_OF_INPUT})`;
          continue;
        case 'G':
          throw unsupported(`\\G in regular expression ${javaSource}`);
        case 'X':
          throw unsupported(`\\X in regular expression ${javaSource}`);
        case 'R':
          out += '(?:\\r\\n|[\\n\\x0B\\f\\r\\u0085\\u2028\\u2029])';
          continue;
        case 'h':
          out += inClass ? ' \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000' : '[ \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]';
          continue;
        case 'H':
          if (inClass) throw unsupported(`\\H inside a character class in ${javaSource}`);
          out += '[^ \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]';
          continue;
        case 'v':
          out += inClass ? '\\n\\x0B\\f\\r\\u0085\\u2028\\u2029' : '[\\n\\x0B\\f\\r\\u0085\\u2028\\u2029]';
          continue;
        case 'V':
          if (inClass) throw unsupported(`\\V inside a character class in ${javaSource}`);
          out += '[^\\n\\x0B\\f\\r\\u0085\\u2028\\u2029]';
          continue;
        case 's':
          out += inClass ? ' \\t\\n\\x0B\\f\\r' : '[ \\t\\n\\x0B\\f\\r]';
          continue;
        case 'S':
          out += inClass ? '\\S' : '[^ \\t\\n\\x0B\\f\\r]';
          continue;
        case 'd':
        case 'D':
        case 'w':
        case 'W':
        case 'b':
        case 'B':
        case 't':
        case 'n':
        case 'r':
        case 'f':
          out += '\\' + n;
          continue;
        case 'a':
          out += '\\x07';
          continue;
        case 'e':
          out += '\\x1B';
          continue;
        case 'c':
          out += '\\c' + src[i++];
          continue;
        case 'x': {
          if (src[i] === '{') {
            const end = src.indexOf('}', i);
            out += `\\u{${src.slice(i + 1, end)}}`;
            i = end + 1;
          } else {
            out += '\\x' + src.slice(i, i + 2);
            i += 2;
          }
          continue;
        }
        case 'u':
          out += '\\u' + src.slice(i, i + 4);
          i += 4;
          continue;
        case '0': {
          const m = /^[0-3]?[0-7]{1,2}/.exec(src.slice(i)) ?? /^[0-7]{1,2}/.exec(src.slice(i));
          if (!m) throw new ApexValueError('System.StringException', `Illegal octal escape sequence near index ${i}\n${javaSource}`);
          out += hex4(parseInt(m[0], 8));
          i += m[0].length;
          continue;
        }
        case 'k': {
          const m = /^<([A-Za-z][A-Za-z0-9]*)>/.exec(src.slice(i));
          if (!m) throw new ApexValueError('System.StringException', `\\k is not followed by '<' for named capturing group near index ${i}\n${javaSource}`);
          out += `\\k<${m[1]}>`;
          i += m[0].length;
          continue;
        }
        case 'p':
        case 'P': {
          let name: string;
          if (src[i] === '{') {
            const end = src.indexOf('}', i);
            name = src.slice(i + 1, end);
            i = end + 1;
          } else {
            name = src[i++];
          }
          const neg = n === 'P';
          const posixName = name.startsWith('Is') && POSIX[name.slice(2)] ? name.slice(2) : name;
          if (POSIX[posixName]) {
            const body = POSIX[posixName];
            if (inClass) {
              if (neg) throw unsupported(`\\P{${name}} inside a character class in ${javaSource}`);
              out += body;
            } else out += neg ? `[^${body}]` : `[${body}]`;
            continue;
          }
          const prop = unicodeProperty(name);
          if (!prop) throw unsupported(`the character class \\${n}{${name}} in ${javaSource}`);
          out += `\\${n}{${prop}}`;
          continue;
        }
        default:
          if (/[1-9]/.test(n)) {
            // back reference: Java reads as many digits as form a valid group number
            let num = n;
            while (/[0-9]/.test(src[i] ?? '') && Number(num + src[i]) <= groupCount) num += src[i++];
            out += inClass ? hex4(parseInt(num, 8)) : `\\${num}`;
            continue;
          }
          if (/[A-Za-z]/.test(n)) throw new ApexValueError('System.StringException', `Illegal/unsupported escape sequence near index ${i - 1}\n${javaSource}`);
          out += escapeLiteral(n, inClass);
          continue;
      }
    }
    if (inClass) {
      if (c === '[') throw unsupported(`nested character class (union) in regular expression ${javaSource}`);
      if (c === '&' && src[i + 1] === '&') throw unsupported(`character class intersection in regular expression ${javaSource}`);
      if (c === ']' && i > classDepthStart) {
        inClass = false;
        out += ']';
        i++;
        continue;
      }
      if (c === ']') {
        out += '\\]';
        i++;
        continue;
      }
      out += /[(){}|/]/.test(c) ? '\\' + c : c;
      i++;
      continue;
    }
    switch (c) {
      case '[': {
        inClass = true;
        out += '[';
        i++;
        if (src[i] === '^') {
          out += '^';
          i++;
        }
        // a ']' right after '[' or '[^' is literal in Java
        if (src[i] === ']') {
          out += '\\]';
          i++;
        }
        classDepthStart = i;
        continue;
      }
      case '(': {
        if (src[i + 1] === '?') {
          const rest = src.slice(i + 2);
          if (rest.startsWith('<=') || rest.startsWith('<!') || rest[0] === '=' || rest[0] === '!' || rest[0] === ':') {
            const len = rest.startsWith('<') ? 4 : 3;
            out += src.slice(i, i + len);
            i += len;
            continue;
          }
          if (rest[0] === '>') throw unsupported(`atomic group (?>...) in regular expression ${javaSource}`);
          const named = /^<([A-Za-z][A-Za-z0-9]*)>/.exec(rest);
          if (named) {
            groupCount++;
            groupNames.push(named[1]);
            out += `(?<${named[1]}>`;
            i += 2 + named[0].length;
            continue;
          }
          throw unsupported(`inline flags (?${rest.split(')')[0]}) after the start of regular expression ${javaSource}`);
        }
        groupCount++;
        out += '(';
        i++;
        continue;
      }
      case '*':
      case '+':
      case '?':
        out += c;
        i++;
        if (src[i] === '?') {
          out += '?';
          i++;
        } else quantifierFollows();
        continue;
      case '{': {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
        if (!m) throw new ApexValueError('System.StringException', `Illegal repetition near index ${i}\n${javaSource}`);
        out += m[0];
        i += m[0].length;
        if (src[i] === '?') {
          out += '?';
          i++;
        } else quantifierFollows();
        continue;
      }
      case '$':
        out += multiline ? '$' : `(?=${LINE_TERMINATOR}?${END_OF_INPUT})`;
        i++;
        continue;
      case ']':
      case '}':
      case '/':
        out += '\\' + c;
        i++;
        continue;
      case '.':
        out += flagSet.has('s') ? '.' : '[^\\n\\r\\u0085\\u2028\\u2029]';
        i++;
        continue;
      default:
        out += c;
        i++;
    }
  }
  if (inClass) throw new ApexValueError('System.StringException', `Unclosed character class near index ${src.length - 1}\n${javaSource}`);
  const flags = [...flagSet].filter((f) => f !== 's' || true).join('') + 'u';
  return { source: out, flags, groupCount, groupNames };
}

// ------------------------------------------------------------------ Pattern

export class Pattern {
  static readonly UNIX_LINES = 0x01;
  static readonly CASE_INSENSITIVE = 0x02;
  static readonly COMMENTS = 0x04;
  static readonly MULTILINE = 0x08;
  static readonly LITERAL = 0x10;
  static readonly DOTALL = 0x20;
  static readonly UNICODE_CASE = 0x40;

  readonly source: string;
  readonly flags: number;
  readonly translated: TranslatedRegex;
  /** Global, sticky-free search regex (flags g + d). */
  private readonly searchRe: RegExp;

  private constructor(source: string, flags: number) {
    this.source = source;
    this.flags = flags;
    this.translated = translateJavaRegex(flags & Pattern.LITERAL ? Pattern.quote(source) : source, flags);
    try {
      this.searchRe = new RegExp(this.translated.source, this.translated.flags + 'gd');
    } catch (e) {
      throw new ApexValueError('System.StringException', `Invalid regex: ${source}: ${(e as Error).message}`);
    }
  }

  private static cache = new Map<string, Pattern>();

  /** Pattern.compile(regex). Invalid syntax throws System.StringException. */
  static compile(regex: string, flags = 0): Pattern {
    const key = flags + '\u0000' + regex;
    let p = Pattern.cache.get(key);
    if (!p) {
      p = new Pattern(regex, flags);
      if (Pattern.cache.size > 500) Pattern.cache.clear();
      Pattern.cache.set(key, p);
    }
    return p;
  }

  /** Pattern.matches(regex, input): the whole input matches. */
  static matches(regex: string, input: string): boolean {
    return Pattern.compile(regex).matcher(input).matches();
  }

  /** Pattern.quote(s): a regex matching s literally (\Q...\E). */
  static quote(s: string): string {
    if (!s.includes('\\E')) return '\\Q' + s + '\\E';
    return '\\Q' + s.split('\\E').join('\\E\\\\E\\Q') + '\\E';
  }

  pattern(): string {
    return this.source;
  }

  toString(): string {
    return this.source;
  }

  matcher(input: string): Matcher {
    return new Matcher(this, input);
  }

  /** A fresh RegExp (g, d flags) for this pattern. */
  regex(): RegExp {
    return new RegExp(this.searchRe.source, this.searchRe.flags);
  }

  /** Pattern.split(input[, limit]) with Java String.split semantics. */
  split(input: string, limit = 0): string[] {
    const re = this.regex();
    const out: string[] = [];
    let index = 0;
    let m: RegExpExecArray | null;
    let searchFrom = 0;
    while ((m = execAt(re, input, searchFrom)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (limit > 0 && out.length >= limit - 1) break;
      if (end === 0 && start === 0) {
        // a zero-width match at the beginning never produces a leading empty string
        searchFrom = nextIndex(input, 0);
        if (searchFrom > input.length) break;
        continue;
      }
      out.push(input.slice(index, start));
      index = end;
      searchFrom = end === start ? nextIndex(input, end) : end;
      if (searchFrom > input.length) break;
    }
    if (index === 0 && out.length === 0) return [input];
    out.push(input.slice(index));
    if (limit === 0) while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  }
}

function nextIndex(s: string, i: number): number {
  const cp = s.codePointAt(i);
  return i + (cp !== undefined && cp > 0xffff ? 2 : 1);
}

function execAt(re: RegExp, input: string, from: number): RegExpExecArray | null {
  if (from > input.length) return null;
  re.lastIndex = from;
  return re.exec(input);
}

// ------------------------------------------------------------------ Matcher

export class Matcher {
  private pat: Pattern;
  private input: string;
  private rStart = 0;
  private rEnd: number;
  private current: RegExpExecArray | null = null;
  /** Where the next find() starts. */
  private appendPos = 0;
  private nextSearch = 0;
  private lastHitEnd = false;

  constructor(pattern: Pattern, input: string) {
    this.pat = pattern;
    this.input = input;
    this.rEnd = input.length;
  }

  pattern(): Pattern {
    return this.pat;
  }

  /** Matcher.matches(): the whole region matches. */
  matches(): boolean {
    return this.anchored(true);
  }

  /** Matcher.lookingAt(): a prefix of the region matches. */
  lookingAt(): boolean {
    return this.anchored(false);
  }

  private anchored(whole: boolean): boolean {
    const t = this.pat.translated;
    const re = new RegExp(`^(?:${t.source})${whole ? '(?![\\s\\S])' : ''}`, t.flags.replace('m', '') + 'd');
    const region = this.input.slice(0, this.rEnd);
    // anchor at regionStart: match against the region text, then shift indices
    const sub = region.slice(this.rStart);
    const m = re.exec(sub);
    this.lastHitEnd = m === null ? true : m.index + m[0].length === sub.length;
    if (!m) {
      this.current = null;
      return false;
    }
    this.current = shift(m, this.rStart, region);
    this.nextSearch = this.end() === this.start() ? this.end() + 1 : this.end();
    return true;
  }

  /**
   * Matcher.find([start]): the next match within the region (opaque, anchoring bounds: ^ and
   * lookbehind do not see before the region start). find(start) resets the matcher first.
   */
  find(start?: number): boolean {
    if (start !== undefined) {
      if (start < 0 || start > this.input.length) throw new ApexValueError('System.StringException', 'Illegal start index');
      this.reset();
      this.nextSearch = start;
    }
    if (this.nextSearch < this.rStart) this.nextSearch = this.rStart;
    const region = this.input.slice(this.rStart, this.rEnd);
    const from = this.nextSearch - this.rStart;
    if (from > region.length) {
      this.current = null;
      this.lastHitEnd = true;
      return false;
    }
    const re = this.pat.regex();
    re.lastIndex = from;
    const m = re.exec(region);
    if (!m) {
      this.current = null;
      this.lastHitEnd = true;
      return false;
    }
    const localEnd = m.index + m[0].length;
    this.current = shift(m, this.rStart, this.input.slice(0, this.rEnd));
    this.lastHitEnd = localEnd === region.length;
    this.nextSearch = this.rStart + (localEnd === m.index ? nextIndex(region, localEnd) : localEnd);
    return true;
  }

  private requireMatch(): RegExpExecArray {
    if (!this.current) throw new ApexValueError('System.StringException', 'No match found');
    return this.current;
  }

  private groupIndex(g: number | string): number {
    if (typeof g === 'number') {
      if (g < 0 || g > this.groupCount()) throw new ApexValueError('System.StringException', `No group ${g}`);
      return g;
    }
    const idx = this.pat.translated.groupNames.indexOf(g);
    if (idx < 0) throw new ApexValueError('System.StringException', `No group with name <${g}>`);
    return -1; // named: resolved through groups
  }

  /** Matcher.group([n | name]); null when the group did not take part. */
  group(g: number | string = 0): string | null {
    const m = this.requireMatch();
    const idx = this.groupIndex(g);
    if (idx < 0) return m.groups?.[g as string] ?? null;
    return m[idx] ?? null;
  }

  groupCount(): number {
    return this.pat.translated.groupCount;
  }

  start(g: number | string = 0): number {
    const m = this.requireMatch();
    const idx = this.groupIndex(g);
    const span = idx < 0 ? m.indices?.groups?.[g as string] : m.indices?.[idx];
    return span ? span[0] : -1;
  }

  end(g: number | string = 0): number {
    const m = this.requireMatch();
    const idx = this.groupIndex(g);
    const span = idx < 0 ? m.indices?.groups?.[g as string] : m.indices?.[idx];
    return span ? span[1] : -1;
  }

  /**
   * Matcher.hitEnd(): approximated — true after a failed match attempt (the search read to the
   * end of the input) or when the last match ended at the end of the region.
   */
  hitEnd(): boolean {
    return this.lastHitEnd;
  }

  reset(input?: string): Matcher {
    if (input !== undefined) this.input = input;
    this.rStart = 0;
    this.rEnd = this.input.length;
    this.current = null;
    this.nextSearch = 0;
    this.appendPos = 0;
    this.lastHitEnd = false;
    return this;
  }

  region(start: number, end: number): Matcher {
    if (start < 0 || end > this.input.length || start > end) throw new ApexValueError('System.StringException', 'Illegal region');
    this.reset();
    this.rStart = start;
    this.rEnd = end;
    this.nextSearch = start;
    return this;
  }

  regionStart(): number {
    return this.rStart;
  }
  regionEnd(): number {
    return this.rEnd;
  }

  /** Anchoring bounds are always on (^ and $ match at the region boundaries). */
  hasAnchoringBounds(): boolean {
    return true;
  }
  useAnchoringBounds(b: boolean): Matcher {
    if (!b) throw unsupported('Matcher.useAnchoringBounds(false)');
    return this;
  }
  /** Transparent bounds are off (lookarounds do not see past the region). */
  hasTransparentBounds(): boolean {
    return false;
  }
  useTransparentBounds(b: boolean): Matcher {
    if (b) throw unsupported('Matcher.useTransparentBounds(true)');
    return this;
  }
  /** Matcher.requireEnd(): approximated as false (more input never turns a match into a non-match here). */
  requireEnd(): boolean {
    return false;
  }

  usePattern(p: Pattern): Matcher {
    this.pat = p;
    this.current = null;
    return this;
  }

  /** Matcher.replaceAll(replacement) with Java's $n / ${name} / backslash rules. */
  replaceAll(replacement: string): string {
    return replaceJava(this.pat, this.input, replacement, true);
  }

  replaceFirst(replacement: string): string {
    return replaceJava(this.pat, this.input, replacement, false);
  }

  /** Matcher.quoteReplacement(s): a replacement string producing s literally. */
  static quoteReplacement(s: string): string {
    return s.replace(/[\\$]/g, (c) => '\\' + c);
  }

  /** For appendReplacement-style consumers. */
  appendPosition(): number {
    return this.appendPos;
  }
}

function shift(m: RegExpExecArray, offset: number, full: string): RegExpExecArray {
  if (offset === 0) return m;
  const r = Object.assign([...m], { index: m.index + offset, input: full, groups: m.groups }) as unknown as RegExpExecArray;
  if (m.indices) {
    const ind = m.indices.map((s) => (s ? [s[0] + offset, s[1] + offset] : undefined)) as unknown as RegExpIndicesArray;
    if (m.indices.groups) {
      const g: Record<string, [number, number] | undefined> = {};
      for (const [k, v] of Object.entries(m.indices.groups)) g[k] = v ? [v[0] + offset, v[1] + offset] : undefined;
      (ind as { groups?: unknown }).groups = g;
    }
    (r as { indices?: RegExpIndicesArray }).indices = ind;
  }
  return r;
}

/** Expands a Java replacement string for one match. */
export function expandReplacement(replacement: string, m: RegExpExecArray, groupCount: number, groupNames: string[]): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c === '\\') {
      i++;
      if (i >= replacement.length) throw new ApexValueError('System.StringException', 'character to be escaped is missing');
      out += replacement[i];
    } else if (c === '$') {
      i++;
      if (i >= replacement.length) throw new ApexValueError('System.StringException', 'Illegal group reference: group index is missing');
      if (replacement[i] === '{') {
        const end = replacement.indexOf('}', i);
        const name = replacement.slice(i + 1, end);
        if (end < 0 || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new ApexValueError('System.StringException', "named capturing group is missing trailing '}'");
        if (!groupNames.includes(name)) throw new ApexValueError('System.StringException', `No group with name {${name}}`);
        out += m.groups?.[name] ?? '';
        i = end;
      } else {
        if (!/[0-9]/.test(replacement[i])) throw new ApexValueError('System.StringException', 'Illegal group reference');
        let num = Number(replacement[i]);
        if (num > groupCount) throw new ApexValueError('System.StringException', `No group ${num}`);
        while (i + 1 < replacement.length && /[0-9]/.test(replacement[i + 1])) {
          const next = num * 10 + Number(replacement[i + 1]);
          if (next > groupCount) break;
          num = next;
          i++;
        }
        out += m[num] ?? '';
      }
    } else out += c;
  }
  return out;
}

/** Java String.replaceAll / replaceFirst. */
export function replaceJava(p: Pattern, input: string, replacement: string, all: boolean): string {
  const re = p.regex();
  let out = '';
  let last = 0;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = execAt(re, input, from)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    out += input.slice(last, start) + expandReplacement(replacement, m, p.translated.groupCount, p.translated.groupNames);
    last = end;
    if (!all) break;
    from = end === start ? nextIndex(input, end) : end;
    if (end === start && end < input.length) {
      // keep the character we step over
      out += input.slice(end, from);
      last = from;
    }
    if (from > input.length) break;
  }
  return out + input.slice(last);
}
