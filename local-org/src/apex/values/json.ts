// JSON text for Apex's JSON class: a parser that keeps numbers exact (Integer when the literal
// fits in int32, Long when it fits in int64, Decimal otherwise or when it has a fraction or an
// exponent), a JSONParser-style token stream, and a generator writing each scalar the way Apex
// (Jackson underneath) does; serializePretty uses Jackson's default pretty printer:
// objects one entry per line with two-space indentation and " : ", arrays inline "[ 1, 2 ]",
// empty containers "{ }" and "[ ]".

import { ApexBlob } from './blob.js';
import { Decimal } from './decimal.js';
import { ApexDouble, javaDoubleToString } from './double.js';
import { ApexValueError, jsonError } from './errors.js';
import { ApexDate, ApexDatetime, ApexTime } from './temporal.js';

/** A parsed JSON value. Objects keep their key order. */
export type JsonValue = null | boolean | string | number | bigint | Decimal | JsonValue[] | JsonObject;
export type JsonObject = Map<string, JsonValue>;

/** A value the generator can write. */
export type JsonOut =
  | null
  | undefined
  | boolean
  | string
  | number
  | bigint
  | Decimal
  | ApexDouble
  | ApexDate
  | ApexDatetime
  | ApexTime
  | ApexBlob
  | JsonOut[]
  | Map<string, JsonOut>;

export type JsonTokenKind =
  | 'START_OBJECT'
  | 'END_OBJECT'
  | 'START_ARRAY'
  | 'END_ARRAY'
  | 'FIELD_NAME'
  | 'VALUE_STRING'
  | 'VALUE_NUMBER_INT'
  | 'VALUE_NUMBER_FLOAT'
  | 'VALUE_TRUE'
  | 'VALUE_FALSE'
  | 'VALUE_NULL'
  | 'NOT_AVAILABLE'
  | 'VALUE_EMBEDDED_OBJECT';

export interface JsonToken {
  kind: JsonTokenKind;
  text: string;
  line: number;
  column: number;
}

// ------------------------------------------------------------------ lexer

const INT_MIN = -2147483648n;
const INT_MAX = 2147483647n;
const LONG_MIN = -9223372036854775808n;
const LONG_MAX = 9223372036854775807n;

function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'end-of-input';
  return `'${ch}' (code ${ch.charCodeAt(0)})`;
}

/** Tokenizes JSON text into Jackson-style tokens; syntax errors throw System.JSONException. */
export function tokenize(text: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  // context stack: 'o' (expect key or '}'), 'O' (after key, expect ':' value), 'a' array
  type Ctx = { kind: 'o' | 'a'; expect: 'key' | 'colon' | 'value' | 'commaOrEnd' | 'valueOrEnd' | 'keyOrEnd' };
  const stack: Ctx[] = [];
  let rootDone = false;
  const loc = (): string => `[line:${line}, column:${i - lineStart + 1}]`;
  const fail = (msg: string): never => {
    throw jsonError(`${msg} at ${loc()}`);
  };
  const push = (kind: JsonTokenKind, t: string): void => {
    tokens.push({ kind, text: t, line, column: i - lineStart + 1 });
  };
  const skipWs = (): void => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') {
        line++;
        lineStart = i + 1;
        i++;
      } else if (c === ' ' || c === '\t' || c === '\r') i++;
      else break;
    }
  };
  const readString = (): string => {
    // text[i] === '"'
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail('Unexpected end-of-input: was expecting closing quote for a string value');
      const c = text[i];
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        i += 2;
        switch (e) {
          case '"':
            out += '"';
            break;
          case '\\':
            out += '\\';
            break;
          case '/':
            out += '/';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'n':
            out += '\n';
            break;
          case 'r':
            out += '\r';
            break;
          case 't':
            out += '\t';
            break;
          case 'u': {
            const h = text.slice(i, i + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(h)) fail('Unexpected character in unicode escape');
            out += String.fromCharCode(parseInt(h, 16));
            i += 4;
            break;
          }
          default:
            fail(`Unrecognized character escape ${describeChar(e)}`);
        }
        continue;
      }
      if (c.charCodeAt(0) < 0x20) fail(`Illegal unquoted character (CTRL-CHAR, code ${c.charCodeAt(0)}): has to be escaped using backslash to be included in string value`);
      out += c;
      i++;
    }
  };
  const readValue = (): void => {
    const c = text[i];
    if (c === '{') {
      push('START_OBJECT', '{');
      i++;
      stack.push({ kind: 'o', expect: 'keyOrEnd' });
      return;
    }
    if (c === '[') {
      push('START_ARRAY', '[');
      i++;
      stack.push({ kind: 'a', expect: 'valueOrEnd' });
      return;
    }
    if (c === '"') {
      const col = i;
      const s = readString();
      tokens.push({ kind: 'VALUE_STRING', text: s, line, column: col - lineStart + 1 });
      valueDone();
      return;
    }
    const num = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (num && num[0] !== '-' && num[0] !== '') {
      push(num[2] || num[3] ? 'VALUE_NUMBER_FLOAT' : 'VALUE_NUMBER_INT', num[0]);
      i += num[0].length;
      valueDone();
      return;
    }
    for (const [word, kind] of [
      ['true', 'VALUE_TRUE'],
      ['false', 'VALUE_FALSE'],
      ['null', 'VALUE_NULL'],
    ] as const) {
      if (text.startsWith(word, i) && !/[A-Za-z0-9_]/.test(text[i + word.length] ?? '')) {
        push(kind, word);
        i += word.length;
        valueDone();
        return;
      }
    }
    if (i >= text.length) fail('Unexpected end-of-input: expected a value');
    fail(`Unexpected character (${describeChar(c)}): expected a valid value (number, String, array, object, 'true', 'false' or 'null')`);
  };
  const valueDone = (): void => {
    const top = stack[stack.length - 1];
    if (!top) rootDone = true;
    else top.expect = 'commaOrEnd';
  };

  skipWs();
  if (i >= text.length) throw jsonError('No content to map due to end-of-input');
  while (true) {
    skipWs();
    const top = stack[stack.length - 1];
    if (!top) {
      if (rootDone) {
        if (i < text.length) fail(`Unexpected character (${describeChar(text[i])}): expected end of input`);
        break;
      }
      readValue();
      continue;
    }
    const c = text[i];
    if (i >= text.length) fail(`Unexpected end-of-input: expected close marker for ${top.kind === 'o' ? 'OBJECT' : 'ARRAY'}`);
    if (top.kind === 'o') {
      if (top.expect === 'keyOrEnd' || top.expect === 'key') {
        if (c === '}' && top.expect === 'keyOrEnd') {
          push('END_OBJECT', '}');
          i++;
          stack.pop();
          valueDone();
          continue;
        }
        if (c !== '"') fail(`Unexpected character (${describeChar(c)}): was expecting double-quote to start field name`);
        const col = i;
        const name = readString();
        tokens.push({ kind: 'FIELD_NAME', text: name, line, column: col - lineStart + 1 });
        top.expect = 'colon';
        continue;
      }
      if (top.expect === 'colon') {
        if (c !== ':') fail(`Unexpected character (${describeChar(c)}): was expecting a colon to separate field name and value`);
        i++;
        top.expect = 'value';
        continue;
      }
      if (top.expect === 'value') {
        readValue();
        continue;
      }
      // commaOrEnd
      if (c === ',') {
        i++;
        top.expect = 'key';
        continue;
      }
      if (c === '}') {
        push('END_OBJECT', '}');
        i++;
        stack.pop();
        valueDone();
        continue;
      }
      fail(`Unexpected character (${describeChar(c)}): was expecting comma to separate Object entries`);
    } else {
      if (top.expect === 'valueOrEnd' && c === ']') {
        push('END_ARRAY', ']');
        i++;
        stack.pop();
        valueDone();
        continue;
      }
      if (top.expect === 'valueOrEnd' || top.expect === 'value') {
        top.expect = 'commaOrEnd';
        readValue();
        continue;
      }
      if (c === ',') {
        i++;
        top.expect = 'value';
        continue;
      }
      if (c === ']') {
        push('END_ARRAY', ']');
        i++;
        stack.pop();
        valueDone();
        continue;
      }
      fail(`Unexpected character (${describeChar(c)}): was expecting comma to separate Array entries`);
    }
  }
  return tokens;
}

/** The exact Apex value of a JSON number literal: Integer, Long, or Decimal. */
export function numberValue(text: string): number | bigint | Decimal {
  if (/^-?\d+$/.test(text)) {
    const b = BigInt(text);
    if (b >= INT_MIN && b <= INT_MAX) return Number(b);
    if (b >= LONG_MIN && b <= LONG_MAX) return b;
    return Decimal.parse(text);
  }
  return Decimal.parse(text);
}

/** JSON.deserializeUntyped-style parse: objects as Maps (key order kept), exact numbers. */
export function parse(text: string): JsonValue {
  const tokens = tokenize(text);
  let k = 0;
  const value = (): JsonValue => {
    const t = tokens[k++];
    switch (t.kind) {
      case 'START_OBJECT': {
        const m: JsonObject = new Map();
        while (tokens[k].kind !== 'END_OBJECT') {
          const name = tokens[k++].text;
          m.set(name, value());
        }
        k++;
        return m;
      }
      case 'START_ARRAY': {
        const a: JsonValue[] = [];
        while (tokens[k].kind !== 'END_ARRAY') a.push(value());
        k++;
        return a;
      }
      case 'VALUE_STRING':
        return t.text;
      case 'VALUE_NUMBER_INT':
      case 'VALUE_NUMBER_FLOAT':
        return numberValue(t.text);
      case 'VALUE_TRUE':
        return true;
      case 'VALUE_FALSE':
        return false;
      case 'VALUE_NULL':
        return null;
      default:
        throw jsonError(`Unexpected token ${t.kind}`);
    }
  };
  return value();
}

// ------------------------------------------------------------------ JSONParser

/** System.JSONParser over a token list (JSON.createParser). */
export class JsonParser {
  private readonly tokens: JsonToken[];
  private pos = -1;
  private cleared: JsonToken | null = null;
  private isCleared = false;

  constructor(text: string) {
    this.tokens = tokenize(text);
  }

  private get current(): JsonToken | null {
    if (this.isCleared) return null;
    return this.pos >= 0 && this.pos < this.tokens.length ? this.tokens[this.pos] : null;
  }

  /** Advances; returns the new token kind or null at the end. */
  nextToken(): JsonTokenKind | null {
    this.isCleared = false;
    this.pos++;
    return this.current?.kind ?? null;
  }

  /** Advances to the next value token (skipping FIELD_NAME). */
  nextValue(): JsonTokenKind | null {
    let k = this.nextToken();
    if (k === 'FIELD_NAME') k = this.nextToken();
    return k;
  }

  getCurrentToken(): JsonTokenKind | null {
    return this.current?.kind ?? null;
  }

  hasCurrentToken(): boolean {
    return this.current !== null;
  }

  clearCurrentToken(): void {
    this.cleared = this.current;
    this.isCleared = true;
  }

  getLastClearedToken(): JsonTokenKind | null {
    return this.cleared?.kind ?? null;
  }

  /** The field name of the current FIELD_NAME token, or of the value it introduces. */
  getCurrentName(): string | null {
    const t = this.current;
    if (!t) return null;
    if (t.kind === 'FIELD_NAME') return t.text;
    const prev = this.tokens[this.pos - 1];
    if (prev && prev.kind === 'FIELD_NAME') return prev.text;
    return null;
  }

  getText(): string | null {
    const t = this.current;
    if (!t) return null;
    return t.text;
  }

  private requireNumber(what: string): string {
    const t = this.current;
    if (!t || (t.kind !== 'VALUE_NUMBER_INT' && t.kind !== 'VALUE_NUMBER_FLOAT'))
      throw jsonError(`Current token (${t?.kind ?? 'null'}) not numeric, can not use numeric value accessors`.replace('numeric', what === 'x' ? 'numeric' : 'numeric'));
    return t.text;
  }

  getIntegerValue(): number {
    const d = Decimal.parse(this.requireNumber('int'));
    return d.intValue();
  }

  getLongValue(): bigint {
    return Decimal.parse(this.requireNumber('long')).longValue();
  }

  getDecimalValue(): Decimal {
    return Decimal.parse(this.requireNumber('decimal'));
  }

  getDoubleValue(): ApexDouble {
    return new ApexDouble(Number(this.requireNumber('double')));
  }

  getBooleanValue(): boolean {
    const t = this.current;
    if (t?.kind === 'VALUE_TRUE') return true;
    if (t?.kind === 'VALUE_FALSE') return false;
    throw jsonError(`Current token (${t?.kind ?? 'null'}) not of boolean type`);
  }

  getDateValue(): ApexDate {
    return parseJsonDate(this.getText() ?? '');
  }

  getDatetimeValue(): ApexDatetime {
    return parseJsonDatetime(this.getText() ?? '');
  }

  getTimeValue(): ApexTime {
    return parseJsonTime(this.getText() ?? '');
  }

  getBlobValue(): ApexBlob {
    return ApexBlob.fromBuffer(Buffer.from(this.getText() ?? '', 'base64'));
  }

  getIdValue(): string {
    return this.getText() ?? '';
  }

  /** Skips the children of the current START_OBJECT / START_ARRAY, leaving the matching end token current. */
  skipChildren(): void {
    const t = this.current;
    if (!t || (t.kind !== 'START_OBJECT' && t.kind !== 'START_ARRAY')) return;
    let depth = 0;
    for (; this.pos < this.tokens.length; this.pos++) {
      const k = this.tokens[this.pos].kind;
      if (k === 'START_OBJECT' || k === 'START_ARRAY') depth++;
      if (k === 'END_OBJECT' || k === 'END_ARRAY') depth--;
      if (depth === 0) return;
    }
  }

  /** The value at the current token as a JsonValue (JSONParser.readValueAsUntyped-style). */
  readValueAsUntyped(): JsonValue {
    const start = this.pos;
    const t = this.current;
    if (!t) return null;
    if (t.kind === 'START_OBJECT' || t.kind === 'START_ARRAY') {
      this.skipChildren();
      return parseTokens(this.tokens.slice(start, this.pos + 1));
    }
    return parseTokens([t]);
  }
}

function parseTokens(tokens: JsonToken[]): JsonValue {
  let k = 0;
  const value = (): JsonValue => {
    const t = tokens[k++];
    switch (t.kind) {
      case 'START_OBJECT': {
        const m: JsonObject = new Map();
        while (tokens[k].kind !== 'END_OBJECT') {
          const name = tokens[k++].text;
          m.set(name, value());
        }
        k++;
        return m;
      }
      case 'START_ARRAY': {
        const a: JsonValue[] = [];
        while (tokens[k].kind !== 'END_ARRAY') a.push(value());
        k++;
        return a;
      }
      case 'VALUE_STRING':
        return t.text;
      case 'VALUE_NUMBER_INT':
      case 'VALUE_NUMBER_FLOAT':
        return numberValue(t.text);
      case 'VALUE_TRUE':
        return true;
      case 'VALUE_FALSE':
        return false;
      default:
        return null;
    }
  };
  return value();
}

// ------------------------------------------------------------------ typed scalar conversion

/** A Date from its JSON form 'yyyy-MM-dd' (a datetime string's date part is accepted). */
export function parseJsonDate(text: string): ApexDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) throw jsonError(`Cannot deserialize instance of date from VALUE_STRING value ${text}`);
  return ApexDate.newInstance(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A Datetime from ISO 8601: 2024-01-01T10:00:00.000Z, +0000 / +00:00 offsets, or a date alone (GMT midnight). */
export function parseJsonDatetime(text: string): ApexDatetime {
  try {
    return ApexDatetime.parseIso(text);
  } catch (e) {
    if (e instanceof ApexValueError) throw jsonError(`Cannot deserialize instance of datetime from VALUE_STRING value ${text}`);
    throw e;
  }
}

export function parseJsonTime(text: string): ApexTime {
  try {
    return ApexTime.valueOf(text);
  } catch {
    throw jsonError(`Cannot deserialize instance of time from VALUE_STRING value ${text}`);
  }
}

// ------------------------------------------------------------------ generator

/** A JSON string literal as Jackson writes it: \" \\ and control characters escaped. */
export function quote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i];
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c < 0x20) {
      if (c === 8) out += '\\b';
      else if (c === 9) out += '\\t';
      else if (c === 10) out += '\\n';
      else if (c === 12) out += '\\f';
      else if (c === 13) out += '\\r';
      else out += '\\u' + c.toString(16).toUpperCase().padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

/** The JSON text of one scalar, as Apex's JSON.serialize writes it. */
export function formatScalar(v: JsonOut): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return String(v);
    return javaDoubleToString(v);
  }
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Decimal) return v.toPlainString();
  if (v instanceof ApexDouble) {
    if (!Number.isFinite(v.value)) return quote(javaDoubleToString(v.value));
    return javaDoubleToString(v.value);
  }
  if (v instanceof ApexDate) return quote(v.toString());
  if (v instanceof ApexDatetime) return quote(v.toJSON());
  if (v instanceof ApexTime) return quote(v.toString());
  if (v instanceof ApexBlob) return quote(Buffer.from(v.bytes).toString('base64'));
  throw new ApexValueError('System.JSONException', 'Not a JSON scalar');
}

/** JSON.serialize (compact) or JSON.serializePretty (pretty = true) of a value tree. */
export function serialize(v: JsonOut, pretty = false): string {
  return pretty ? writePretty(v, 0) : writeCompact(v);
}

function writeCompact(v: JsonOut): string {
  if (Array.isArray(v)) return '[' + v.map(writeCompact).join(',') + ']';
  if (v instanceof Map) {
    const parts: string[] = [];
    for (const [k, x] of v) parts.push(quote(k) + ':' + writeCompact(x));
    return '{' + parts.join(',') + '}';
  }
  return formatScalar(v);
}

// Jackson DefaultPrettyPrinter: objects indent (nesting counts objects only), arrays inline.
function writePretty(v: JsonOut, nesting: number): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return '[ ]';
    return '[ ' + v.map((x) => writePretty(x, nesting)).join(', ') + ' ]';
  }
  if (v instanceof Map) {
    if (v.size === 0) return '{ }';
    const inner = '\n' + '  '.repeat(nesting + 1);
    const parts: string[] = [];
    for (const [k, x] of v) parts.push(inner + quote(k) + ' : ' + writePretty(x, nesting + 1));
    return '{' + parts.join(',') + '\n' + '  '.repeat(nesting) + '}';
  }
  return formatScalar(v);
}

/** Streams JSON like System.JSONGenerator (JSON.createGenerator(pretty)). */
export class JsonGenerator {
  private readonly pretty: boolean;
  private readonly stack: { kind: 'o' | 'a'; count: number; pendingName: boolean }[] = [];
  private out = '';
  private closed = false;
  private rootWritten = false;

  constructor(pretty = false) {
    this.pretty = pretty;
  }

  private get nesting(): number {
    return this.stack.filter((s) => s.kind === 'o').length;
  }

  private beforeValue(): void {
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (this.rootWritten) throw jsonError('Can not write a value, expecting end of input');
      this.rootWritten = true;
      return;
    }
    if (top.kind === 'o') {
      if (!top.pendingName) throw jsonError('Can not write a value, expecting field name');
      top.pendingName = false;
      return;
    }
    if (top.count > 0) this.out += this.pretty ? ', ' : ',';
    else if (this.pretty) this.out += ' ';
    top.count++;
  }

  writeFieldName(name: string): void {
    const top = this.stack[this.stack.length - 1];
    if (!top || top.kind !== 'o' || top.pendingName) throw jsonError('Can not write a field name, expecting a value');
    if (top.count > 0) this.out += ',';
    if (this.pretty) this.out += '\n' + '  '.repeat(this.nesting);
    this.out += quote(name) + (this.pretty ? ' : ' : ':');
    top.count++;
    top.pendingName = true;
  }

  writeStartObject(): void {
    this.beforeValue();
    this.out += '{';
    this.stack.push({ kind: 'o', count: 0, pendingName: false });
  }

  writeEndObject(): void {
    const top = this.stack.pop();
    if (!top || top.kind !== 'o') throw jsonError('Current context not an object');
    if (this.pretty) this.out += top.count > 0 ? '\n' + '  '.repeat(this.nesting) + '}' : ' }';
    else this.out += '}';
  }

  writeStartArray(): void {
    this.beforeValue();
    this.out += '[';
    this.stack.push({ kind: 'a', count: 0, pendingName: false });
  }

  writeEndArray(): void {
    const top = this.stack.pop();
    if (!top || top.kind !== 'a') throw jsonError('Current context not an array');
    this.out += this.pretty ? ' ]' : ']';
  }

  /** Writes any value tree (writeObject) or scalar (writeString, writeNumber, ...). */
  writeValue(v: JsonOut): void {
    this.beforeValue();
    this.out += this.pretty ? writePretty(v, this.nesting) : writeCompact(v);
  }

  writeNull(): void {
    this.writeValue(null);
  }

  writeFieldValue(name: string, v: JsonOut): void {
    this.writeFieldName(name);
    this.writeValue(v);
  }

  close(): void {
    this.closed = true;
  }

  isClosed(): boolean {
    return this.closed;
  }

  getAsString(): string {
    return this.out;
  }
}
