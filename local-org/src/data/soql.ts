// SOQL: parsed with the Apex grammar's `query()` rule (@apexdevtools/apex-parser) into a small
// query model, then evaluated over the org's rows with SOQL semantics (SOQL and SOSL Reference).

import { ApexParserFactory } from '@apexdevtools/apex-parser';
import type {
  QueryContext,
  SubQueryContext,
  SelectEntryContext,
  SubFieldEntryContext,
  FieldNameContext,
  SoqlFunctionContext,
  WhereLogicalExpressionContext,
  WhereConditionalExpressionContext,
  LogicalExpressionContext,
  ConditionalExpressionContext,
  FieldExpressionContext,
  ValueContext,
  DateFormulaContext,
  BoundExpressionContext,
  ApexParserRuleContext as ParserRuleContext,
} from '@apexdevtools/apex-parser';
import { Decimal } from '../apex/values/index.js';
import { queryError, unsupportedData } from './errors.js';
import { makeDate, makeDatetime } from './values.js';

export type ValueRef =
  | { k: 'lit'; v: unknown }
  | { k: 'bind'; text: string; node?: unknown }
  | { k: 'list'; items: ValueRef[] }
  | { k: 'date'; name: string; n: number }
  | { k: 'sub'; query: SoqlQuery };

/** A SOQL date function (CALENDAR_YEAR, DAY_ONLY, ...) with convertTimezone(). */
export interface DateFn {
  fn: string;
  tz: boolean;
}

export type AggFn = 'COUNT' | 'COUNT_DISTINCT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';

export type SelectItem =
  | { kind: 'field'; path: string[]; alias?: string; toLabel?: boolean; convertCurrency?: boolean; format?: boolean; dateFn?: DateFn }
  | { kind: 'agg'; fn: AggFn; path: string[] | null; alias?: string }
  | { kind: 'count' } // COUNT()
  | { kind: 'sub'; query: SoqlQuery };

export type Cond =
  | { k: 'and' | 'or'; items: Cond[] }
  | { k: 'not'; c: Cond }
  | { k: 'cmp'; path: string[] | null; agg?: { fn: AggFn; path: string[] | null }; dateFn?: DateFn; op: string; rhs: ValueRef };

export interface OrderItem {
  path: string[] | null;
  agg?: { fn: AggFn; path: string[] | null };
  dateFn?: DateFn;
  desc: boolean;
  nullsFirst: boolean;
}

export interface SoqlQuery {
  text: string;
  object: string;
  /** For subqueries: the relationship name written in FROM. */
  select: SelectItem[];
  where?: Cond;
  withMode?: 'USER_MODE' | 'SYSTEM_MODE' | 'SECURITY_ENFORCED';
  groupBy?: { path: string[]; dateFn?: DateFn }[];
  having?: Cond;
  orderBy: OrderItem[];
  limit?: ValueRef;
  offset?: ValueRef;
  forUpdate: boolean;
  allRows: boolean;
  isCount: boolean;
  isAggregate: boolean;
}

/** Resolves a bind: `text` is the expression after ':' (as written), `node` its parse-tree node when inline. */
export type BindResolver = (text: string, node?: unknown) => unknown;

const cache = new Map<string, SoqlQuery>();

/** Parses SOQL text (dynamic SOQL, Database.query / queryWithBinds / countQuery). */
export function parseSoql(text: string): SoqlQuery {
  const hit = cache.get(text);
  if (hit) return hit;
  let ctx: QueryContext;
  try {
    const parser = ApexParserFactory.createParser(text.trim(), true);
    ctx = parser.query();
    const stop = ctx.stop;
    if (stop && stop.stop < text.trim().length - 1) {
      const rest = text.trim().slice(stop.stop + 1).trim();
      if (rest && rest !== ';') throw new Error(`unexpected token: '${rest.split(/\s+/)[0]}'`);
    }
  } catch (e) {
    const err = e as { message?: string; line?: number; column?: number };
    const where = err.line !== undefined ? ` at line ${err.line} column ${(err.column ?? 0) + 1}` : '';
    throw queryError(`SOQL syntax error${where}${err.message ? `: ${err.message}` : ''} in query: ${text.trim()}`);
  }
  const q = buildQuery(ctx, text.trim());
  cache.set(text, q);
  return q;
}

/** Builds the query model from an inline `[SELECT ...]` parse-tree node (SoqlLiteralContext.query()). */
export function parseSoqlTree(ctx: QueryContext, sourceText?: string): SoqlQuery {
  return buildQuery(ctx, sourceText ?? textOf(ctx));
}

function textOf(ctx: ParserRuleContext): string {
  const start = ctx.start;
  const stop = ctx.stop;
  if (!start || !stop) return ctx.getText();
  const stream = start.getInputStream();
  if (stream) return stream.getText(start.start, stop.stop);
  return ctx.getText();
}

function idText(ctx: ParserRuleContext): string {
  return textOf(ctx).trim();
}

function fieldPath(ctx: FieldNameContext): string[] {
  return ctx.soqlId_list().map((s) => idText(s));
}

function buildQuery(ctx: QueryContext | SubQueryContext, text: string): SoqlQuery {
  const isTop = 'selectList' in ctx && typeof (ctx as QueryContext).selectList === 'function' && !!(ctx as QueryContext).selectList();
  const from = ctx.fromNameList();
  const names = from.fieldName_list();
  if (names.length !== 1) throw unsupportedData(`SOQL with several FROM entries: ${text}`);
  const object = fieldPath(names[0]!).join('.');
  const q: SoqlQuery = { text, object, select: [], orderBy: [], forUpdate: false, allRows: false, isCount: false, isAggregate: false };
  const entries: (SelectEntryContext | SubFieldEntryContext)[] = isTop
    ? (ctx as QueryContext).selectList().selectEntry_list()
    : (ctx as SubQueryContext).subFieldList().subFieldEntry_list();
  let exprN = 0;
  for (const e of entries) {
    const alias = e.soqlId() ? idText(e.soqlId()) : undefined;
    if (e.subQuery()) {
      q.select.push({ kind: 'sub', query: buildQuery(e.subQuery(), textOf(e.subQuery())) });
    } else if (e.typeOf()) {
      throw unsupportedData(`SOQL TYPEOF: ${text}`);
    } else if (e.soqlFunction()) {
      const f = e.soqlFunction();
      const parsed = parseFunction(f, text);
      if (parsed.kind === 'count') {
        q.select.push({ kind: 'count' });
        q.isCount = true;
      } else if (parsed.kind === 'datefn') {
        // "expri, where i denotes the order of the aggregated fields with no explicit aliases" (SOQL and SOSL Reference, Using Aliases with GROUP BY)
        q.select.push({ kind: 'field', path: parsed.path, alias: alias ?? `expr${exprN++}`, dateFn: { fn: parsed.fn, tz: parsed.tz } });
      } else if (parsed.kind === 'agg') {
        const item: SelectItem = { kind: 'agg', fn: parsed.fn, path: parsed.path, alias: alias ?? `expr${exprN++}` };
        q.select.push(item);
        q.isAggregate = true;
      } else {
        const item: SelectItem = { kind: 'field', path: parsed.path, ...(alias ? { alias } : {}) };
        if (parsed.wrap === 'TOLABEL') item.toLabel = true;
        if (parsed.wrap === 'CONVERT_CURRENCY') item.convertCurrency = true;
        if (parsed.wrap === 'FORMAT') item.format = true;
        q.select.push(item);
      }
    } else if (e.fieldName()) {
      q.select.push({ kind: 'field', path: fieldPath(e.fieldName()), ...(alias ? { alias } : {}) });
    }
  }
  const w = ctx.whereClause();
  if (w) q.where = whereLogical(w.whereLogicalExpression(), text);
  if (isTop) {
    const qc = ctx as QueryContext;
    const withC = qc.withClause();
    if (withC) {
      if (withC.USER_MODE()) q.withMode = 'USER_MODE';
      else if (withC.SYSTEM_MODE()) q.withMode = 'SYSTEM_MODE';
      else if (withC.SECURITY_ENFORCED()) q.withMode = 'SECURITY_ENFORCED';
      else throw unsupportedData(`SOQL WITH clause: ${textOf(withC)}`);
    }
    const g = qc.groupByClause();
    if (g) {
      if (g.ROLLUP() || g.CUBE()) throw unsupportedData('GROUP BY ROLLUP/CUBE');
      q.groupBy = g
        .fieldGroupByList()
        .fieldGroupBy_list()
        .map((x) => {
          if (x.soqlFunction()) {
            const p = parseFunction(x.soqlFunction(), text);
            if (p.kind !== 'datefn') throw unsupportedData(`GROUP BY on a function: ${textOf(x)}`);
            return { path: p.path, dateFn: { fn: p.fn, tz: p.tz } };
          }
          return { path: fieldPath(x.fieldName()) };
        });
      q.isAggregate = true;
      if (g.HAVING()) q.having = logical(g.logicalExpression(), text);
    }
    const off = qc.offsetClause();
    if (off) q.offset = off.IntegerLiteral() ? { k: 'lit', v: Number(off.IntegerLiteral().getText()) } : bindRef(off.boundExpression());
    if (qc.allRowsClause()) q.allRows = true;
    if (qc.usingScope()) throw unsupportedData(`USING SCOPE: ${text}`);
  }
  const ob = ctx.orderByClause();
  if (ob) {
    for (const fo of ob.fieldOrderList().fieldOrder_list()) {
      const desc = !!fo.DESC();
      const nullsFirst = fo.NULLS() ? !!fo.FIRST() : !desc;
      if (fo.soqlFunction()) {
        const p = parseFunction(fo.soqlFunction(), text);
        if (p.kind === 'datefn') q.orderBy.push({ path: p.path, dateFn: { fn: p.fn, tz: p.tz }, desc, nullsFirst });
        else if (p.kind !== 'agg') throw unsupportedData(`ORDER BY ${textOf(fo)}`);
        else q.orderBy.push({ path: null, agg: { fn: p.fn, path: p.path }, desc, nullsFirst });
      } else q.orderBy.push({ path: fieldPath(fo.fieldName()), desc, nullsFirst });
    }
  }
  const lim = ctx.limitClause();
  if (lim) q.limit = lim.IntegerLiteral() ? { k: 'lit', v: Number(lim.IntegerLiteral().getText()) } : bindRef(lim.boundExpression());
  const fc = ctx.forClauses();
  if (fc && fc.UPDATE_list().length > 0) q.forUpdate = true;
  if (isTop && (ctx as QueryContext).UPDATE()) throw unsupportedData('UPDATE TRACKING / VIEWSTAT');
  return q;
}

type ParsedFn =
  | { kind: 'count' }
  | { kind: 'agg'; fn: AggFn; path: string[] | null }
  | { kind: 'field'; path: string[]; wrap: string }
  | { kind: 'datefn'; fn: string; path: string[]; tz: boolean };

const DATE_FNS = new Set(['CALENDAR_MONTH', 'CALENDAR_QUARTER', 'CALENDAR_YEAR', 'DAY_IN_MONTH', 'DAY_IN_WEEK', 'DAY_IN_YEAR', 'DAY_ONLY', 'FISCAL_MONTH', 'FISCAL_QUARTER', 'FISCAL_YEAR', 'HOUR_IN_DAY', 'WEEK_IN_MONTH', 'WEEK_IN_YEAR']);

function parseFunction(f: SoqlFunctionContext, text: string): ParsedFn {
  const head = f.getChild(0).getText().toUpperCase();
  if (DATE_FNS.has(head) && f.dateFieldName()) {
    const dfn = f.dateFieldName();
    return { kind: 'datefn', fn: head, path: fieldPath(dfn.fieldName()), tz: !!dfn.CONVERT_TIMEZONE() };
  }
  const fn = f.COUNT()
    ? 'COUNT'
    : f.COUNT_DISTINCT()
      ? 'COUNT_DISTINCT'
      : f.SUM()
        ? 'SUM'
        : f.AVG()
          ? 'AVG'
          : f.MIN()
            ? 'MIN'
            : f.MAX()
              ? 'MAX'
              : f.TOLABEL()
                ? 'TOLABEL'
                : f.CONVERT_CURRENCY()
                  ? 'CONVERT_CURRENCY'
                  : f.FORMAT()
                    ? 'FORMAT'
                    : null;
  if (fn === null) throw unsupportedData(`SOQL function ${textOf(f)} in: ${text}`);
  const fld = f.fieldName();
  if (fn === 'COUNT' && !fld) return { kind: 'count' };
  if (fn === 'TOLABEL' || fn === 'CONVERT_CURRENCY' || fn === 'FORMAT') {
    if (!fld) throw unsupportedData(`SOQL function ${textOf(f)}`);
    return { kind: 'field', path: fieldPath(fld), wrap: fn };
  }
  return { kind: 'agg', fn, path: fld ? fieldPath(fld) : null };
}

function whereLogical(ctx: WhereLogicalExpressionContext, text: string): Cond {
  const parts = ctx.whereConditionalExpression_list().map((c) => whereCond(c, text));
  if (ctx.NOT()) return { k: 'not', c: parts[0]! };
  if (parts.length === 1) return parts[0]!;
  return { k: ctx.SOQLOR_list().length > 0 ? 'or' : 'and', items: parts };
}
function whereCond(ctx: WhereConditionalExpressionContext, text: string): Cond {
  if (ctx.whereLogicalExpression()) return whereLogical(ctx.whereLogicalExpression(), text);
  const wf = ctx.whereFieldExpression();
  if (wf.FORMULA()) throw unsupportedData(`SOQL FORMULA() in WHERE: ${text}`);
  return fieldExpr(wf.fieldExpression(), text);
}
function logical(ctx: LogicalExpressionContext, text: string): Cond {
  const parts = ctx.conditionalExpression_list().map((c) => cond(c, text));
  if (ctx.NOT()) return { k: 'not', c: parts[0]! };
  if (parts.length === 1) return parts[0]!;
  return { k: ctx.SOQLOR_list().length > 0 ? 'or' : 'and', items: parts };
}
function cond(ctx: ConditionalExpressionContext, text: string): Cond {
  if (ctx.logicalExpression()) return logical(ctx.logicalExpression(), text);
  return fieldExpr(ctx.fieldExpression(), text);
}

function fieldExpr(ctx: FieldExpressionContext, text: string): Cond {
  const opCtx = ctx.comparisonOperator();
  let op = textOf(opCtx).replace(/\s+/g, ' ').toUpperCase();
  if (op === '<>') op = '!=';
  const rhs = value(ctx.value(), text);
  if (ctx.soqlFunction()) {
    const f = ctx.soqlFunction();
    const p = parseFunction(f, text);
    if (p.kind === 'agg') return { k: 'cmp', path: null, agg: { fn: p.fn, path: p.path }, op, rhs };
    if (p.kind === 'count') return { k: 'cmp', path: null, agg: { fn: 'COUNT', path: null }, op, rhs };
    if (p.kind === 'datefn') return { k: 'cmp', path: p.path, dateFn: { fn: p.fn, tz: p.tz }, op, rhs };
    // date functions in WHERE (CALENDAR_YEAR(CreatedDate) = 2024 ...)
    throw unsupportedData(`SOQL function in WHERE: ${textOf(f)}`);
  }
  return { k: 'cmp', path: fieldPath(ctx.fieldName()), op, rhs };
}

function unquote(s: string): string {
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === '\\' && i + 1 < body.length) {
      const n = body[++i]!;
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === 'b' ? '\b' : n === 'f' ? '\f' : n === '_' || n === '%' ? '\\' + n : n;
    } else out += c;
  }
  return out;
}

function bindRef(b: BoundExpressionContext): ValueRef {
  const e = b.expression();
  // getText(): the expression's tokens without whitespace (the interpreter keys binds the same way)
  return { k: 'bind', text: e.getText(), node: e };
}

function value(ctx: ValueContext, text: string): ValueRef {
  if (ctx.NULL()) return { k: 'lit', v: null };
  if (ctx.BooleanLiteral()) return { k: 'lit', v: ctx.BooleanLiteral().getText().toLowerCase() === 'true' };
  if (ctx.StringLiteral()) return { k: 'lit', v: unquote(ctx.StringLiteral().getText()) };
  if (ctx.signedNumber()) return { k: 'lit', v: Decimal.parse(textOf(ctx.signedNumber()).replace(/\s+/g, '')) };
  if (ctx.IntegerLiteral()) return { k: 'lit', v: Decimal.parse(ctx.IntegerLiteral().getText()) };
  if (ctx.DateLiteral()) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ctx.DateLiteral().getText())!;
    return { k: 'lit', v: makeDate(Math.floor(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / 86400000)) };
  }
  if (ctx.DateTimeLiteral()) {
    const t = ctx.DateTimeLiteral().getText();
    const ms = Date.parse(t.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (Number.isNaN(ms)) throw queryError(`invalid datetime literal ${t}`);
    return { k: 'lit', v: makeDatetime(ms) };
  }
  if (ctx.dateFormula()) return dateFormula(ctx.dateFormula());
  if (ctx.valueList()) return { k: 'list', items: ctx.valueList().value_list().map((v) => value(v, text)) };
  if (ctx.subQuery()) return { k: 'sub', query: buildQuery(ctx.subQuery(), textOf(ctx.subQuery())) };
  if (ctx.boundExpression()) return bindRef(ctx.boundExpression());
  throw unsupportedData(`SOQL value ${textOf(ctx)} in: ${text}`);
}

function dateFormula(ctx: DateFormulaContext): ValueRef {
  const t = textOf(ctx).replace(/\s+/g, '').toUpperCase();
  const m = /^([A-Z_0-9]+?)(?::(-?\d+))?$/.exec(t)!;
  return { k: 'date', name: m[1]!, n: m[2] !== undefined ? Number(m[2]) : 0 };
}

// ------------------------------------------------------------------------------- date literals

/** Range [startDay, endDay) in the user's calendar for a date literal (SOQL and SOSL Reference: Date Formats and Date Literals). */
export function dateLiteralRange(name: string, n: number, today: number, fiscalStartMonth = 1): [number, number] {
  const d = new Date(today * 86400000);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth();
  const day = (yy: number, mm: number, dd = 1) => Math.floor(Date.UTC(yy, mm, dd) / 86400000);
  const dow = d.getUTCDay(); // week starts Sunday (en_US locale)
  const weekStart = today - dow;
  const qStartMonth = Math.floor(mo / 3) * 3;
  switch (name) {
    case 'TODAY':
      return [today, today + 1];
    case 'YESTERDAY':
      return [today - 1, today];
    case 'TOMORROW':
      return [today + 1, today + 2];
    case 'LAST_WEEK':
      return [weekStart - 7, weekStart];
    case 'THIS_WEEK':
      return [weekStart, weekStart + 7];
    case 'NEXT_WEEK':
      return [weekStart + 7, weekStart + 14];
    case 'LAST_MONTH':
      return [day(y, mo - 1), day(y, mo)];
    case 'THIS_MONTH':
      return [day(y, mo), day(y, mo + 1)];
    case 'NEXT_MONTH':
      return [day(y, mo + 1), day(y, mo + 2)];
    case 'LAST_90_DAYS':
      return [today - 90, today + 1];
    case 'NEXT_90_DAYS':
      return [today + 1, today + 91];
    case 'LAST_N_DAYS':
      return [today - n, today + 1];
    case 'NEXT_N_DAYS':
      return [today + 1, today + n + 1];
    case 'N_DAYS_AGO':
      return [today - n, today - n + 1];
    case 'NEXT_N_WEEKS':
      return [weekStart + 7, weekStart + 7 + 7 * n];
    case 'LAST_N_WEEKS':
      return [weekStart - 7 * n, weekStart];
    case 'N_WEEKS_AGO':
      return [weekStart - 7 * n, weekStart - 7 * n + 7];
    case 'NEXT_N_MONTHS':
      return [day(y, mo + 1), day(y, mo + 1 + n)];
    case 'LAST_N_MONTHS':
      return [day(y, mo - n), day(y, mo)];
    case 'N_MONTHS_AGO':
      return [day(y, mo - n), day(y, mo - n + 1)];
    case 'THIS_QUARTER':
      return [day(y, qStartMonth), day(y, qStartMonth + 3)];
    case 'LAST_QUARTER':
      return [day(y, qStartMonth - 3), day(y, qStartMonth)];
    case 'NEXT_QUARTER':
      return [day(y, qStartMonth + 3), day(y, qStartMonth + 6)];
    case 'NEXT_N_QUARTERS':
      return [day(y, qStartMonth + 3), day(y, qStartMonth + 3 + 3 * n)];
    case 'LAST_N_QUARTERS':
      return [day(y, qStartMonth - 3 * n), day(y, qStartMonth)];
    case 'N_QUARTERS_AGO':
      return [day(y, qStartMonth - 3 * n), day(y, qStartMonth - 3 * n + 3)];
    case 'THIS_YEAR':
      return [day(y, 0), day(y + 1, 0)];
    case 'LAST_YEAR':
      return [day(y - 1, 0), day(y, 0)];
    case 'NEXT_YEAR':
      return [day(y + 1, 0), day(y + 2, 0)];
    case 'NEXT_N_YEARS':
      return [day(y + 1, 0), day(y + 1 + n, 0)];
    case 'LAST_N_YEARS':
      return [day(y - n, 0), day(y, 0)];
    case 'N_YEARS_AGO':
      return [day(y - n, 0), day(y - n + 1, 0)];
  }
  void fiscalStartMonth;
  throw unsupportedData(`SOQL date literal ${name}`);
}
