// Salesforce formula language: the subset this package's validation rules, formula fields and
// default values use, parsed and evaluated with exact Decimal arithmetic.
//
// formulon (installed) parses most formulas, but it rejects the package's own
// Referred_Email_Format rule (a REGEX string with "\\s" escapes: "Syntax error.") and evaluates
// numbers as JS doubles, and has no ISNEW/ISCHANGED/PRIORVALUE; so the local org has its own
// parser and evaluator. Reference: Salesforce Help, "Formula Operators and Functions".

import { Decimal } from '../apex/values/index.js';
import { DataError } from './errors.js';
import { compareValues, dateToDays, datetimeToMs, isDate, isDatetime, localMidnightMs, makeDate, makeDatetime, msToLocalDays, norm, userTimeZone } from './values.js';

export type FNode =
  | { t: 'lit'; v: unknown }
  | { t: 'id'; name: string }
  | { t: 'call'; fn: string; args: FNode[] }
  | { t: 'bin'; op: string; a: FNode; b: FNode }
  | { t: 'un'; op: string; a: FNode };

interface Tok {
  k: 'num' | 'str' | 'id' | 'op' | 'eof';
  v: string;
  pos: number;
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const e = src.indexOf('*/', i + 2);
      i = e < 0 ? src.length : e + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) {
          const n = src[j + 1]!;
          s += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === '\\' ? '\\' : n === '"' || n === "'" ? n : '\\' + n;
          j += 2;
        } else s += src[j++];
      }
      if (j >= src.length) throw new FormulaError(`unterminated string at ${i}`);
      out.push({ k: 'str', v: s, pos: i });
      i = j + 1;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?/.exec(src.slice(i))!;
      out.push({ k: 'num', v: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*/.exec(src.slice(i))!;
      out.push({ k: 'id', v: m[0], pos: i });
      i += m[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['<=', '>=', '<>', '!=', '==', '&&', '||'].includes(two)) {
      out.push({ k: 'op', v: two, pos: i });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>(),!'.includes(c)) {
      out.push({ k: 'op', v: c, pos: i });
      i++;
      continue;
    }
    throw new FormulaError(`unexpected character '${c}' at ${i}`);
  }
  out.push({ k: 'eof', v: '', pos: src.length });
  return out;
}

export class FormulaError extends Error {}

const PREC: Record<string, number> = { '||': 1, '&&': 2, '=': 3, '==': 3, '!=': 3, '<>': 3, '<': 4, '>': 4, '<=': 4, '>=': 4, '+': 5, '-': 5, '&': 5, '*': 6, '/': 6, '^': 7 };

const cache = new Map<string, FNode>();

export function parseFormula(src: string): FNode {
  const hit = cache.get(src);
  if (hit) return hit;
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p]!;
  const next = () => toks[p++]!;
  const expect = (v: string) => {
    const t = next();
    if (t.v !== v) throw new FormulaError(`expected '${v}' at ${t.pos}, found '${t.v || 'end'}'`);
  };
  function primary(): FNode {
    const t = next();
    if (t.k === 'num') return { t: 'lit', v: Decimal.parse(t.v) };
    if (t.k === 'str') return { t: 'lit', v: t.v };
    if (t.k === 'op' && t.v === '(') {
      const e = expr(0);
      expect(')');
      return e;
    }
    if (t.k === 'op' && (t.v === '-' || t.v === '+' || t.v === '!')) return { t: 'un', op: t.v, a: expr(6) };
    if (t.k === 'id') {
      const u = t.v.toUpperCase();
      if (peek().v === '(') {
        next();
        const args: FNode[] = [];
        if (peek().v !== ')') {
          args.push(expr(0));
          while (peek().v === ',') {
            next();
            args.push(expr(0));
          }
        }
        expect(')');
        return { t: 'call', fn: u, args };
      }
      if (u === 'TRUE') return { t: 'lit', v: true };
      if (u === 'FALSE') return { t: 'lit', v: false };
      if (u === 'NULL') return { t: 'lit', v: null };
      return { t: 'id', name: t.v };
    }
    throw new FormulaError(`unexpected '${t.v || 'end of formula'}' at ${t.pos}`);
  }
  function expr(minPrec: number): FNode {
    let left = primary();
    for (;;) {
      const t = peek();
      const pr = t.k === 'op' ? PREC[t.v] : undefined;
      if (pr === undefined || pr < minPrec) break;
      next();
      const right = expr(t.v === '^' ? pr : pr + 1);
      left = { t: 'bin', op: t.v, a: left, b: right };
    }
    return left;
  }
  const e = expr(0);
  if (peek().k !== 'eof') throw new FormulaError(`unexpected '${peek().v}' at ${peek().pos}`);
  cache.set(src, e);
  return e;
}

/** What a formula can read. */
export interface FormulaContext {
  /** Value of a field path (['Program__r','Active__c'] or ['Status__c']); picklists as their API value. */
  field(path: string[]): unknown;
  /** Whether the field is a picklist (for ISPICKVAL / TEXT). */
  isNew?: boolean;
  prior?(path: string[]): unknown;
  /** Current time (ms); defaults to Date.now(). */
  now?: () => number;
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '';
const truthy = (v: unknown) => v === true;

function toDec(v: unknown): Decimal | null {
  if (v === null || v === undefined || v === '') return null;
  const n = norm(v);
  if (n.k === 'num') return n.v;
  throw new FormulaError(`expected a number, got ${String(v)}`);
}
function toText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Decimal) return v.toPlainString();
  if (isDate(v)) return new Date(dateToDays(v) * 86400000).toISOString().slice(0, 10);
  if (isDatetime(v)) return new Date(datetimeToMs(v)).toISOString().replace('T', ' ').slice(0, 19) + 'Z';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

export function evaluate(node: FNode, ctx: FormulaContext): unknown {
  const ev = (n: FNode) => evaluate(n, ctx);
  switch (node.t) {
    case 'lit':
      return node.v;
    case 'id': {
      const path = node.name.split('.');
      return ctx.field(path);
    }
    case 'un': {
      const v = ev(node.a);
      if (node.op === '!') return v === null ? null : !truthy(v);
      const d = toDec(v);
      if (d === null) return null;
      return node.op === '-' ? d.negate() : d;
    }
    case 'bin': {
      const op = node.op;
      if (op === '&&') return truthy(ev(node.a)) && truthy(ev(node.b));
      if (op === '||') return truthy(ev(node.a)) || truthy(ev(node.b));
      const a = ev(node.a);
      const b = ev(node.b);
      if (op === '&') return toText(a) + toText(b);
      if (op === '=' || op === '==' || op === '!=' || op === '<>') {
        let eq: boolean;
        if (isBlank(a) || isBlank(b)) eq = isBlank(a) && isBlank(b);
        else eq = compareValues(a, b, true) === 0;
        return op === '=' || op === '==' ? eq : !eq;
      }
      if (op === '<' || op === '>' || op === '<=' || op === '>=') {
        if (isBlank(a) || isBlank(b)) return null;
        const c = compareValues(a, b, true);
        return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
      }
      // arithmetic; Date + number -> Date
      if (isDate(a) && (op === '+' || op === '-')) {
        if (isDate(b) && op === '-') return Decimal.fromInteger(dateToDays(a) - dateToDays(b));
        const d = toDec(b);
        if (d === null) return null;
        return makeDate(dateToDays(a) + (op === '+' ? 1 : -1) * d.intValue());
      }
      if (op === '+' && (typeof a === 'string' || typeof b === 'string')) return toText(a) + toText(b);
      // A blank operand makes the result blank ("Treat blank fields as blanks"), whatever the
      // other operand's type: blank Date - Date is blank, not an error.
      if (isBlank(a) || isBlank(b)) return null;
      const x = toDec(a);
      const y = toDec(b);
      if (x === null || y === null) return null;
      switch (op) {
        case '+':
          return x.add(y);
        case '-':
          return x.subtract(y);
        case '*':
          return x.multiply(y);
        case '/':
          if (y.isZero()) throw new FormulaError('Division by zero');
          return x.divide(y, 18).stripTrailingZeros();
        case '^':
          return x.pow(y.intValue());
      }
      throw new FormulaError(`operator ${op}`);
    }
    case 'call':
      return call(node, ctx);
  }
}

function arity(n: { fn: string; args: FNode[] }, min: number, max = min): void {
  if (n.args.length < min || n.args.length > max) {
    throw new FormulaError(`Incorrect number of parameters for function '${n.fn}()'. Expected ${min === max ? min : `${min}-${max}`}, received ${n.args.length}`);
  }
}

function call(n: { fn: string; args: FNode[] }, ctx: FormulaContext): unknown {
  const ev = (i: number) => evaluate(n.args[i]!, ctx);
  switch (n.fn) {
    case 'AND':
      return n.args.every((a) => truthy(evaluate(a, ctx)));
    case 'OR':
      return n.args.some((a) => truthy(evaluate(a, ctx)));
    case 'NOT': {
      arity(n, 1);
      const v = ev(0);
      return !truthy(v);
    }
    case 'IF':
      arity(n, 3);
      return truthy(ev(0)) ? ev(1) : ev(2);
    case 'CASE': {
      const v = ev(0);
      for (let i = 1; i + 1 < n.args.length; i += 2) {
        const w = ev(i);
        if ((isBlank(v) && isBlank(w)) || (!isBlank(v) && !isBlank(w) && compareValues(v, w, true) === 0)) return ev(i + 1);
      }
      return n.args.length % 2 === 0 ? ev(n.args.length - 1) : null;
    }
    case 'ISBLANK':
    case 'ISNULL':
      arity(n, 1);
      return isBlank(ev(0));
    case 'BLANKVALUE':
    case 'NULLVALUE': {
      arity(n, 2);
      const v = ev(0);
      return isBlank(v) ? ev(1) : v;
    }
    case 'ISPICKVAL': {
      arity(n, 2);
      const v = ev(0);
      const w = ev(1);
      return toText(v) === toText(w);
    }
    case 'TEXT': {
      arity(n, 1);
      const v = ev(0);
      return v === null || v === undefined ? '' : toText(v);
    }
    case 'VALUE': {
      const s = toText(ev(0)).trim();
      if (s === '') return null;
      return Decimal.parse(s);
    }
    case 'REGEX': {
      arity(n, 2);
      const text = toText(ev(0));
      const re = toText(ev(1));
      // Java Pattern.matches: the whole text must match
      return new RegExp('^(?:' + re + ')$', 'u').test(text);
    }
    case 'TRIM':
      return toText(ev(0)).trim();
    case 'LEN':
      return Decimal.fromInteger(toText(ev(0)).length);
    case 'UPPER':
      return toText(ev(0)).toUpperCase();
    case 'LOWER':
      return toText(ev(0)).toLowerCase();
    case 'LEFT':
      return toText(ev(0)).slice(0, toDec(ev(1))?.intValue() ?? 0);
    case 'RIGHT': {
      const s = toText(ev(0));
      const k = toDec(ev(1))?.intValue() ?? 0;
      return k <= 0 ? '' : s.slice(-k);
    }
    case 'MID': {
      const s = toText(ev(0));
      const st = (toDec(ev(1))?.intValue() ?? 1) - 1;
      return s.substr(st, toDec(ev(2))?.intValue() ?? 0);
    }
    case 'CONTAINS':
      return toText(ev(0)).includes(toText(ev(1)));
    case 'BEGINS':
      return toText(ev(0)).startsWith(toText(ev(1)));
    case 'SUBSTITUTE':
      return toText(ev(0)).split(toText(ev(1))).join(toText(ev(2)));
    case 'INCLUDES': {
      const vals = toText(ev(0)).split(';');
      return vals.includes(toText(ev(1)));
    }
    case 'ABS': {
      const d = toDec(ev(0));
      return d === null ? null : d.abs();
    }
    case 'MIN':
    case 'MAX': {
      const vs = n.args.map((a) => toDec(evaluate(a, ctx)));
      if (vs.some((v) => v === null)) return null;
      return (vs as Decimal[]).reduce((x, y) => (n.fn === 'MIN' ? (x.compareTo(y) <= 0 ? x : y) : x.compareTo(y) >= 0 ? x : y));
    }
    case 'ROUND': {
      const d = toDec(ev(0));
      const k = toDec(ev(1))?.intValue() ?? 0;
      return d === null ? null : d.setScale(k, 'HALF_UP');
    }
    case 'TODAY':
      return makeDate(msToLocalDays(ctx.now ? ctx.now() : Date.now(), userTimeZone()));
    case 'NOW':
      return makeDatetime(ctx.now ? ctx.now() : Date.now());
    case 'DATE': {
      const y = toDec(ev(0))!.intValue(), m = toDec(ev(1))!.intValue(), d = toDec(ev(2))!.intValue();
      return makeDate(Math.floor(Date.UTC(y, m - 1, d) / 86400000));
    }
    case 'DATEVALUE': {
      const v = ev(0);
      if (isDatetime(v)) return makeDate(msToLocalDays(datetimeToMs(v), 'UTC'));
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(toText(v));
      return m ? makeDate(Math.floor(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / 86400000)) : null;
    }
    case 'YEAR':
    case 'MONTH':
    case 'DAY': {
      const v = ev(0);
      if (!isDate(v)) return null;
      const d = new Date(dateToDays(v) * 86400000);
      return Decimal.fromInteger(n.fn === 'YEAR' ? d.getUTCFullYear() : n.fn === 'MONTH' ? d.getUTCMonth() + 1 : d.getUTCDate());
    }
    case 'ISNEW':
      arity(n, 0);
      return !!ctx.isNew;
    case 'ISCHANGED': {
      arity(n, 1);
      if (ctx.isNew || !ctx.prior) return false;
      const node = n.args[0]!;
      if (node.t !== 'id') throw new FormulaError('ISCHANGED takes a field');
      const path = node.name.split('.');
      const a = ctx.field(path);
      const b = ctx.prior(path);
      if (isBlank(a) && isBlank(b)) return false;
      if (isBlank(a) || isBlank(b)) return true;
      return compareValues(a, b, true) !== 0;
    }
    case 'PRIORVALUE': {
      arity(n, 1);
      const node = n.args[0]!;
      if (node.t !== 'id') throw new FormulaError('PRIORVALUE takes a field');
      const path = node.name.split('.');
      return ctx.isNew || !ctx.prior ? ctx.field(path) : ctx.prior(path);
    }
  }
  throw new DataError('Unsupported', `Unsupported in the local org: formula function ${n.fn}()`);
}

/** Field paths a formula reads (for loading parent records). */
export function formulaFields(node: FNode, out: string[][] = []): string[][] {
  if (node.t === 'id') out.push(node.name.split('.'));
  else if (node.t === 'call') node.args.forEach((a) => formulaFields(a, out));
  else if (node.t === 'bin') {
    formulaFields(node.a, out);
    formulaFields(node.b, out);
  } else if (node.t === 'un') formulaFields(node.a, out);
  return out;
}

export { localMidnightMs };
