// Evaluates a parsed SOQL query over the org's rows (SOQL and SOSL Reference).
// Filtering, ordering and aggregation run here with SOQL semantics: text comparisons are
// case-insensitive, `!=` keeps null rows, ORDER BY puts nulls first ascending and last
// descending unless NULLS FIRST/LAST says otherwise, aggregates without GROUP BY give one row.

import { Decimal } from '../apex/values/index.js';
import type { FieldDef, ObjectDef, RunContext, Schema } from '../contracts.js';
import { queryError, unsupportedData } from './errors.js';
import { isValidId, to18 } from './ids.js';
import { SObjectRecord, namespacedKey } from './sobject.js';
import { dateLiteralRange, type BindResolver, type Cond, type DateFn, type SoqlQuery, type ValueRef } from './soql.js';
import { compareValues, dateToDays, datetimeToMs, effectiveType, isDate, isDatetime, localMidnightMs, makeDate, msToLocalDays, norm, tzOffset, userTimeZone } from './values.js';

/** A stored row: lower-case field name -> decoded value (formula and summary fields computed by the host). */
export type Row = Map<string, unknown>;

export interface QueryHost {
  schema: Schema;
  /** Rows of an object; `allRows` includes deleted (recycle bin) rows; `ids` narrows to those ids. */
  scan(def: ObjectDef, allRows: boolean, ids?: string[]): Row[];
  /** The row with this id (any object), or null. */
  byId(id: string, allRows?: boolean): { def: ObjectDef; row: Row } | null;
  /** Value of a field of a row (computes formula and roll-up summary fields). */
  value(def: ObjectDef, row: Row, fieldLower: string): unknown;
  /** Record access (sharing) for the running user; true in system mode without sharing. */
  canSee(def: ObjectDef, row: Row, ctx: RunContext): boolean;
  /** A given user's access to a record (UserRecordAccess); null when no such record. */
  recordAccessOf?(recordId: string, userId: string): 'None' | 'Read' | 'Edit' | 'All' | null;
  /** Object / field read access in user mode: throws QueryException listing what is inaccessible. */
  checkRead(def: ObjectDef, fields: FieldDef[], ctx: RunContext, mode: 'USER_MODE' | 'SECURITY_ENFORCED'): void;
  now(): number;
  countRows?(n: number): void;
}

export function resolveObject(schema: Schema, name: string): ObjectDef {
  const alias = namespacedKey({ namespace: schema.namespace }, name.toLowerCase());
  const def = schema.objects.get(name.toLowerCase()) ?? (alias ? schema.objects.get(alias) : undefined);
  if (!def) {
    throw queryError(
      `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
    );
  }
  return def;
}

function childRelationship(def: ObjectDef, lower: string): ReturnType<ObjectDef['childRelationships']['get']> {
  const alias = namespacedKey(def, lower);
  return def.childRelationships.get(lower) ?? (alias ? def.childRelationships.get(alias) : undefined);
}

function noSuchColumn(def: ObjectDef, name: string): Error {
  return queryError(
    `No such column '${name}' on entity '${def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
  );
}

function relationshipField(def: ObjectDef, relName: string): FieldDef | undefined {
  const lower = relName.toLowerCase();
  for (const f of def.fields.values()) if (f.relationshipName && f.relationshipName.toLowerCase() === lower) return f;
  const alias = namespacedKey(def, lower);
  if (alias) for (const f of def.fields.values()) if (f.relationshipName && f.relationshipName.toLowerCase() === alias) return f;
  return undefined;
}

/** A resolved select path: lookup hops and the final field. */
interface Hop {
  field: FieldDef; // the lookup field
  relName: string;
  targets: ObjectDef[];
}
interface ResolvedPath {
  hops: Hop[];
  field: FieldDef;
  leafDef: ObjectDef;
}

function resolvePath(schema: Schema, def: ObjectDef, path: string[], objectAlias?: string): ResolvedPath {
  let p = path;
  if (objectAlias && p.length > 1 && p[0]!.toLowerCase() === objectAlias.toLowerCase()) p = p.slice(1);
  if (p.length > 1 && p[0]!.toLowerCase() === def.name.toLowerCase()) p = p.slice(1);
  const hops: Hop[] = [];
  let cur = def;
  for (let i = 0; i < p.length - 1; i++) {
    const f = relationshipField(cur, p[i]!);
    if (!f) throw queryError(`Didn't understand relationship '${p[i]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`);
    const targets = (f.referenceTo ?? []).map((t) => schema.objects.get(t.toLowerCase())).filter((x): x is ObjectDef => !!x);
    if (targets.length === 0) throw unsupportedData(`relationship ${cur.name}.${f.relationshipName} to an object that is not modelled (${(f.referenceTo ?? []).join(', ')})`);
    hops.push({ field: f, relName: f.relationshipName!, targets });
    // polymorphic: later fields must exist on the first target that has them (Owner.Name works for User and Group)
    cur = targets[0]!;
    if (targets.length > 1) {
      const next = p[i + 1]!.toLowerCase();
      cur = targets.find((t) => t.fields.has(next) || !!relationshipField(t, next)) ?? cur;
    }
  }
  const last = p[p.length - 1]!;
  const lastAlias = namespacedKey(cur, last.toLowerCase());
  const field = cur.fields.get(last.toLowerCase()) ?? (lastAlias ? cur.fields.get(lastAlias) : undefined);
  if (!field) throw noSuchColumn(cur, last);
  return { hops, field, leafDef: cur };
}

export interface ExecOptions {
  binds: BindResolver;
  ctx: RunContext;
  /** For subqueries: the parent's id and the child field. */
  parentFilter?: { field: string; id: string };
}

class Exec {
  private parentCache = new Map<string, { def: ObjectDef; row: Row } | null>();
  constructor(
    readonly host: QueryHost,
    readonly opts: ExecOptions
  ) {}

  parent(id: string): { def: ObjectDef; row: Row } | null {
    if (this.parentCache.has(id)) return this.parentCache.get(id)!;
    const r = this.host.byId(id);
    this.parentCache.set(id, r);
    return r;
  }

  /** Value at a resolved path; `null` when a hop's lookup is empty. */
  valueAt(def: ObjectDef, row: Row, rp: ResolvedPath): unknown {
    let curDef = def;
    let curRow: Row | null = row;
    for (const h of rp.hops) {
      const id = this.host.value(curDef, curRow!, h.field.name.toLowerCase());
      if (id === null || id === undefined) return null;
      const p = this.parent(String(id));
      if (!p || !this.host.canSee(p.def, p.row, this.opts.ctx)) return null;
      curDef = p.def;
      curRow = p.row;
    }
    if (!curDef.fields.has(rp.field.name.toLowerCase())) return null; // polymorphic target without the field
    return this.host.value(curDef, curRow!, rp.field.name.toLowerCase());
  }

  resolveValue(v: ValueRef, field?: FieldDef): unknown {
    switch (v.k) {
      case 'lit':
        return v.v;
      case 'bind': {
        const x = this.opts.binds(v.text, v.node);
        return x;
      }
      case 'list':
        return v.items.map((i) => this.resolveValue(i, field));
      case 'sub': {
        const sub = v.query;
        const def = resolveObject(this.host.schema, sub.object);
        const item = sub.select[0];
        if (!item || item.kind !== 'field' || sub.select.length !== 1) throw queryError('A semi-join subquery must select one field');
        const rp = resolvePath(this.host.schema, def, item.path, sub.object);
        const rows = this.filtered(def, sub, false);
        return rows.map((r) => this.valueAt(def, r, rp));
      }
      case 'date':
        return v;
    }
  }

  matches(def: ObjectDef, row: Row, c: Cond, q: SoqlQuery): boolean {
    switch (c.k) {
      case 'and':
        return c.items.every((i) => this.matches(def, row, i, q));
      case 'or':
        return c.items.some((i) => this.matches(def, row, i, q));
      case 'not':
        return !this.matches(def, row, c.c, q);
      case 'cmp': {
        if (!c.path) throw queryError('aggregate functions are only allowed in HAVING');
        const rp = resolvePath(this.host.schema, def, c.path, q.object);
        let lhs = this.valueAt(def, row, rp);
        const rhs = this.resolveValue(c.rhs, rp.field);
        let field = rp.field;
        if (c.dateFn) {
          lhs = applyDateFn(lhs, c.dateFn);
          field = c.dateFn.fn === 'DAY_ONLY' ? DATE_FIELD : NUMBER_FIELD;
        }
        return compare(lhs, c.op, rhs, field, this.host, c.rhs);
      }
    }
  }

  /**
   * UserRecordAccess rows, computed for the query's one UserId (with =) and its RecordIds (= or
   * IN, at most 200), as the object reference documents: "you can query ... with a UserId and a
   * RecordId ... up to 200 RecordIds". A query without both filters fails.
   */
  userRecordAccess(def: ObjectDef, q: SoqlQuery): Row[] {
    const top = q.where ? (q.where.k === 'and' ? q.where.items : [q.where]) : [];
    let userId: string | undefined;
    let recordIds: string[] | undefined;
    for (const c of top) {
      if (c.k !== 'cmp' || !c.path || c.path.length !== 1) continue;
      const field = c.path[0]!.toLowerCase();
      const v = this.resolveValue(c.rhs);
      if (field === 'userid' && c.op === '=' && typeof v === 'string' && isValidId(v)) userId = to18(v);
      if (field === 'recordid' && (c.op === '=' || c.op === 'IN')) {
        recordIds = (c.op === '=' ? [v] : toList(v))
          .map((x) => (x instanceof SObjectRecord ? x.id : x))
          .filter((x): x is string => typeof x === 'string' && isValidId(x))
          .map((x) => to18(x));
      }
    }
    if (!userId || !recordIds) {
      throw queryError('UserRecordAccess: the query must filter on one UserId (with =) and on RecordId (with = or IN).');
    }
    if (recordIds.length > 200) throw queryError('UserRecordAccess: a query may ask about at most 200 RecordIds.');
    const out: Row[] = [];
    for (const id of new Set(recordIds)) {
      const level = this.host.recordAccessOf?.(id, userId);
      if (level === null || level === undefined) continue;
      const row: Row = new Map<string, unknown>([
        ['id', null],
        ['userid', userId],
        ['recordid', id],
        ['hasreadaccess', level !== 'None'],
        ['haseditaccess', level === 'Edit' || level === 'All'],
        ['hasdeleteaccess', level === 'All'],
        ['hastransferaccess', level === 'All'],
        ['hasallaccess', level === 'All'],
        ['maxaccesslevel', level]
      ]);
      if (q.where && !this.matches(def, row, q.where, q)) continue;
      out.push(row);
    }
    return out;
  }

  filtered(def: ObjectDef, q: SoqlQuery, withParentFilter: boolean): Row[] {
    if (def.name === 'UserRecordAccess') return this.userRecordAccess(def, q);
    let ids: string[] | undefined;
    // Id = / Id IN pushdown
    if (q.where && q.where.k === 'cmp' && q.where.path && q.where.path.length === 1 && q.where.path[0]!.toLowerCase() === 'id' && (q.where.op === '=' || q.where.op === 'IN')) {
      const v = this.resolveValue(q.where.rhs);
      const list = q.where.op === '=' ? [v] : toList(v);
      ids = list
        .map((x) => (x instanceof SObjectRecord ? x.id : x))
        .filter((x): x is string => typeof x === 'string' && isValidId(x))
        .map((x) => to18(x));
    }
    const rows = this.host.scan(def, q.allRows, ids);
    const out: Row[] = [];
    const pf = withParentFilter ? this.opts.parentFilter : undefined;
    for (const r of rows) {
      if (pf && r.get(pf.field) !== pf.id) continue;
      if (q.where && !this.matches(def, r, q.where, q)) continue;
      if (!this.host.canSee(def, r, this.opts.ctx)) continue;
      out.push(r);
    }
    return out;
  }
}

function isCollection(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || v instanceof SObjectRecord || v instanceof Decimal) return false;
  const o = v as { items?: unknown; map?: unknown };
  return Array.isArray(v) || v instanceof Set || Array.isArray(o.items) || o.map instanceof Map;
}

export function toList(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [v];
  if (typeof (v as Iterable<unknown>)[Symbol.iterator] === 'function') return [...(v as Iterable<unknown>)];
  // interpreter collections: ApexList { items }, ApexSet { map: Map<key, [value, true]> }
  const o = v as { toArray?: () => unknown[]; items?: unknown[]; map?: Map<unknown, unknown> };
  if (typeof o.toArray === 'function') return o.toArray();
  if (Array.isArray(o.items)) return o.items;
  if (o.map instanceof Map) return [...o.map.values()].map((e) => (Array.isArray(e) ? e[0] : e));
  return [v];
}

function isIdField(f: FieldDef): boolean {
  return f.type === 'Id' || f.type === 'Lookup' || f.type === 'MasterDetail';
}

function eqValue(a: unknown, b: unknown, f: FieldDef): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (isIdField(f) && typeof a === 'string' && typeof b === 'string') {
    if (b.length === 15 || b.length === 18) return a.slice(0, 15) === b.slice(0, 15);
    return false;
  }
  if (b instanceof SObjectRecord) return typeof a === 'string' && b.id === a;
  return compareValues(a, b, false) === 0;
}

function likeToRegex(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      re += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    } else if (c === '%') re += '[\\s\\S]*';
    else if (c === '_') re += '[\\s\\S]';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp('^' + re + '$', 'i');
}

function dateRangeCompare(lhs: unknown, op: string, lit: { name: string; n: number }, f: FieldDef, host: QueryHost): boolean {
  if (lhs === null || lhs === undefined) return op === '!=';
  const tz = userTimeZone();
  const today = msToLocalDays(host.now(), tz);
  const [s, e] = dateLiteralRange(lit.name, lit.n, today);
  const t = effectiveType(f);
  let x: number;
  let lo: number;
  let hi: number;
  if (t === 'DateTime' || isDatetime(lhs)) {
    x = datetimeToMs(lhs);
    lo = localMidnightMs(s, tz);
    hi = localMidnightMs(e, tz);
  } else {
    x = dateToDays(lhs);
    lo = s;
    hi = e;
  }
  switch (op) {
    case '=':
      return x >= lo && x < hi;
    case '!=':
      return !(x >= lo && x < hi);
    case '<':
      return x < lo;
    case '<=':
      return x < hi;
    case '>':
      return x >= hi;
    case '>=':
      return x >= lo;
  }
  throw queryError(`operator ${op} with a date literal`);
}

function compare(lhs: unknown, op: string, rhs: unknown, f: FieldDef, host: QueryHost, ref: ValueRef): boolean {
  if (rhs && typeof rhs === 'object' && (rhs as { k?: string }).k === 'date') {
    return dateRangeCompare(lhs, op, rhs as { name: string; n: number }, f, host);
  }
  const t = effectiveType(f);
  switch (op) {
    case '=':
      if (ref.k === 'bind' && isCollection(rhs)) return toList(rhs).some((x) => eqValue(lhs, x, f));
      return eqValue(lhs, rhs, f);
    case '!=':
      return !eqValue(lhs, rhs, f);
    case '<':
    case '>':
    case '<=':
    case '>=': {
      if (lhs === null || lhs === undefined || rhs === null || rhs === undefined) return false;
      let c: number;
      if (t === 'Date' && isDatetime(rhs)) c = compareValues(lhs, rhs);
      else c = compareValues(lhs, rhs);
      return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
    }
    case 'LIKE': {
      if (lhs === null || lhs === undefined) return false;
      const pats = ref.k === 'bind' && isCollection(rhs) ? toList(rhs) : [rhs];
      return pats.some((p) => p !== null && p !== undefined && likeToRegex(String(p)).test(String(lhs)));
    }
    case 'IN':
      return toList(rhs).some((x) => eqValue(lhs, x, f));
    case 'NOT IN':
      return !toList(rhs).some((x) => eqValue(lhs, x, f));
    case 'INCLUDES':
    case 'EXCLUDES': {
      const have = new Set(
        String(lhs ?? '')
          .split(';')
          .filter((s) => s !== '')
          .map((s) => s.toLowerCase())
      );
      const any = toList(rhs).some((x) =>
        String(x)
          .split(';')
          .every((s) => have.has(s.toLowerCase()))
      );
      return op === 'INCLUDES' ? lhs !== null && any : !any;
    }
  }
  throw unsupportedData(`SOQL operator ${op}`);
}

const NUMBER_FIELD = { name: 'expr', type: 'Number', label: 'expr', required: false, unique: false, externalId: false, createable: false, updateable: false, nillable: true, custom: false } as FieldDef;
const DATE_FIELD = { ...NUMBER_FIELD, type: 'Date' } as FieldDef;

/** SOQL date functions (SOQL and SOSL Reference, Date Functions): UTC unless convertTimezone(); fiscal year = calendar year (January start). */
export function applyDateFn(v: unknown, fn: DateFn): unknown {
  if (v === null || v === undefined) return null;
  let ms: number;
  let isDt = false;
  if (isDatetime(v)) {
    ms = datetimeToMs(v);
    isDt = true;
    if (fn.tz) ms += tzOffsetOf(ms);
  } else ms = dateToDays(v) * 86400000;
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const doy = Math.floor((Date.UTC(y, m - 1, day) - Date.UTC(y, 0, 1)) / 86400000) + 1;
  switch (fn.fn) {
    case 'CALENDAR_YEAR':
    case 'FISCAL_YEAR':
      return y;
    case 'CALENDAR_MONTH':
    case 'FISCAL_MONTH':
      return m;
    case 'CALENDAR_QUARTER':
    case 'FISCAL_QUARTER':
      return Math.floor((m - 1) / 3) + 1;
    case 'DAY_IN_MONTH':
      return day;
    case 'DAY_IN_WEEK':
      return d.getUTCDay() + 1; // 1 = Sunday
    case 'DAY_IN_YEAR':
      return doy;
    case 'DAY_ONLY':
      return makeDate(Math.floor(ms / 86400000));
    case 'HOUR_IN_DAY':
      return isDt ? d.getUTCHours() : 0;
    case 'WEEK_IN_MONTH':
      return Math.floor((day - 1) / 7) + 1;
    case 'WEEK_IN_YEAR':
      return Math.floor((doy - 1) / 7) + 1;
  }
  throw unsupportedData(`SOQL date function ${fn.fn}`);
}
function tzOffsetOf(ms: number): number {
  return tzOffset(ms, userTimeZone());
}

function intOf(v: unknown, what: string): number {
  const n = norm(v);
  if (n.k !== 'num') throw queryError(`${what} must be an integer`);
  return n.v.intValue();
}

/** Sort comparator with SOQL null ordering. */
function cmpForOrder(a: unknown, b: unknown, desc: boolean, nullsFirst: boolean): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) {
    if (an && bn) return 0;
    return an ? (nullsFirst ? -1 : 1) : nullsFirst ? 1 : -1;
  }
  const c = compareValues(a, b, false);
  return desc ? -c : c;
}

export type QueryResult = SObjectRecord[] | number;

/** Runs a query: SObjectRecord rows, AggregateResult rows (objectName 'AggregateResult'), or a number for COUNT(). */
/**
 * SOQL and SOSL Reference / Object Reference, ContentDocumentLink: "you must filter on
 * ContentDocumentId or LinkedEntityId using the equals operator (=) or the IN operator".
 */
function checkContentDocumentLinkFilter(def: ObjectDef, where: Cond | undefined): void {
  if (def.name !== 'ContentDocumentLink') return;
  const conjuncts = !where ? [] : where.k === 'and' ? where.items : [where];
  const ok = conjuncts.some(
    (c) => c.k === 'cmp' && !c.agg && !c.dateFn && c.path && c.path.length === 1 && /^(contentdocumentid|linkedentityid)$/i.test(c.path[0]!) && /^(=|in)$/i.test(c.op.trim())
  );
  if (!ok) {
    throw queryError(
      "Implementation restriction: ContentDocumentLink requires a filter by a single Id on ContentDocumentId or LinkedEntityId using the equals operator or multiple Id's using the IN operator."
    );
  }
}

export function executeQuery(host: QueryHost, q: SoqlQuery, opts: ExecOptions): QueryResult {
  const def = resolveObject(host.schema, q.object);
  checkContentDocumentLinkFilter(def, q.where);
  const ex = new Exec(host, opts);
  const mode = q.withMode ?? (opts.ctx.accessLevel === 'USER_MODE' ? 'USER_MODE' : undefined);
  const effCtx: RunContext =
    q.withMode === 'SYSTEM_MODE' ? { ...opts.ctx, accessLevel: 'SYSTEM_MODE' } : q.withMode === 'USER_MODE' ? { ...opts.ctx, accessLevel: 'USER_MODE' } : opts.ctx;
  ex.opts.ctx = effCtx;

  // resolve every path up front: unknown fields fail even when no row matches
  const used: FieldDef[] = [];
  const usedByObject = new Map<ObjectDef, FieldDef[]>();
  const note = (d: ObjectDef, f: FieldDef) => {
    const l = usedByObject.get(d) ?? [];
    l.push(f);
    usedByObject.set(d, l);
  };
  const selectPaths = new Map<number, ResolvedPath>();
  q.select.forEach((s, i) => {
    if (s.kind === 'field' || (s.kind === 'agg' && s.path)) {
      const rp = resolvePath(host.schema, def, s.path!, q.object);
      selectPaths.set(i, rp);
      used.push(rp.field);
      note(rp.leafDef, rp.field);
    }
  });
  const walkCond = (c: Cond | undefined) => {
    if (!c) return;
    if (c.k === 'and' || c.k === 'or') c.items.forEach(walkCond);
    else if (c.k === 'not') walkCond(c.c);
    else if (c.k === 'cmp' && c.path) {
      const rp = resolvePath(host.schema, def, c.path, q.object);
      note(rp.leafDef, rp.field);
    }
  };
  walkCond(q.where);
  if (mode === 'USER_MODE' || mode === 'SECURITY_ENFORCED') {
    if (!usedByObject.has(def)) usedByObject.set(def, []);
    for (const [d, fs] of usedByObject) host.checkRead(d, fs, effCtx, mode);
  }

  let rows = ex.filtered(def, q, !!opts.parentFilter);

  if (q.isCount) {
    // "You can use LIMIT with count() ... to count up to the maximum specified"; a COUNT() query
    // consumes one query row (Apex Developer Guide, Working with SOQL Aggregate Functions)
    const lim = q.limit ? intOf(ex.resolveValue(q.limit), 'LIMIT') : undefined;
    host.countRows?.(1);
    return lim !== undefined ? Math.min(rows.length, lim) : rows.length;
  }

  if (q.isAggregate) return aggregate(host, ex, def, q, rows, selectPaths);

  // ORDER BY
  if (q.orderBy.length > 0) {
    const keys = q.orderBy.map((o) => {
      if (!o.path) throw queryError('ORDER BY an aggregate needs GROUP BY');
      return { rp: resolvePath(host.schema, def, o.path, q.object), o };
    });
    const decorated = rows.map((r, i) => ({ r, i, k: keys.map((k) => (k.o.dateFn ? applyDateFn(ex.valueAt(def, r, k.rp), k.o.dateFn) : ex.valueAt(def, r, k.rp))) }));
    decorated.sort((a, b) => {
      for (let j = 0; j < keys.length; j++) {
        const c = cmpForOrder(a.k[j], b.k[j], keys[j]!.o.desc, keys[j]!.o.nullsFirst);
        if (c !== 0) return c;
      }
      return a.i - b.i;
    });
    rows = decorated.map((d) => d.r);
  }
  const offset = q.offset ? intOf(ex.resolveValue(q.offset), 'OFFSET') : 0;
  if (offset > 2000) throw queryError('Maximum SOQL offset allowed is 2000');
  const limit = q.limit ? intOf(ex.resolveValue(q.limit), 'LIMIT') : undefined;
  if (offset) rows = rows.slice(offset);
  if (limit !== undefined) rows = rows.slice(0, Math.max(0, limit));

  let rowCount = rows.length;
  const out = rows.map((r) => {
    const rec = new SObjectRecord(def);
    rec.queried = new Set(['id']);
    rec.setRaw('Id', r.get('id'));
    q.select.forEach((s, i) => {
      if (s.kind === 'field') {
        const rp = selectPaths.get(i)!;
        placeValue(ex, rec, def, r, rp, s.toLabel ? (f, v) => labelOf(f, v) : undefined);
      } else if (s.kind === 'sub') {
        const child = childRelationship(def, s.query.object.toLowerCase());
        if (!child) throw queryError(`Didn't understand relationship '${s.query.object}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`);
        const sub: SoqlQuery = { ...s.query, object: child.childObject };
        const res = executeQuery(host, sub, { ...opts, ctx: effCtx, parentFilter: { field: child.field.toLowerCase(), id: String(r.get('id')) } }) as SObjectRecord[];
        rowCount += res.length;
        rec.queried!.add(child.relationshipName.toLowerCase());
        rec.setRaw(child.relationshipName, res);
      }
    });
    return rec;
  });
  if (!opts.parentFilter) host.countRows?.(rowCount);
  return out;
}

function labelOf(f: FieldDef, v: unknown): unknown {
  if (v === null || typeof v !== 'string') return v;
  const p = f.picklistValues?.find((x) => x.value === v);
  return p ? p.label : v;
}

/** Puts a selected value into the record, creating parent records along relationship hops. */
function placeValue(ex: Exec, rec: SObjectRecord, def: ObjectDef, row: Row, rp: ResolvedPath, map?: (f: FieldDef, v: unknown) => unknown): void {
  let curRec = rec;
  let curDef = def;
  let curRow: Row | null = row;
  for (const h of rp.hops) {
    const relKey = h.relName.toLowerCase();
    curRec.queried!.add(relKey);
    const id = ex.host.value(curDef, curRow!, h.field.name.toLowerCase());
    const existing = curRec.fields.get(relKey);
    if (id === null || id === undefined) {
      if (!curRec.fields.has(relKey)) curRec.setRaw(h.relName, null);
      return;
    }
    const p = ex.parent(String(id));
    // a parent the running user cannot see reads as null (sharing applies to relationship fields)
    if (!p || !ex.host.canSee(p.def, p.row, ex.opts.ctx)) {
      curRec.setRaw(h.relName, null);
      return;
    }
    let parentRec: SObjectRecord;
    if (existing instanceof SObjectRecord) parentRec = existing;
    else {
      parentRec = new SObjectRecord(p.def);
      parentRec.queried = new Set(['id']);
      parentRec.setRaw('Id', p.row.get('id'));
      curRec.setRaw(h.relName, parentRec);
    }
    curRec = parentRec;
    curDef = p.def;
    curRow = p.row;
  }
  const lower = rp.field.name.toLowerCase();
  if (!curDef.fields.has(lower)) return;
  let v = ex.host.value(curDef, curRow!, lower);
  if (map) v = map(rp.field, v);
  curRec.setRaw(rp.field.name, v);
}

function aggregate(host: QueryHost, ex: Exec, def: ObjectDef, q: SoqlQuery, rows: Row[], selectPaths: Map<number, ResolvedPath>): SObjectRecord[] {
  const groupBy = q.groupBy ?? [];
  const groupPaths = groupBy.map((g) => resolvePath(host.schema, def, g.path, q.object));
  const sameFn = (a?: DateFn, b?: DateFn) => (!a && !b) || (!!a && !!b && a.fn === b.fn && a.tz === b.tz);
  const groupIndex = (rp: ResolvedPath, fn?: DateFn) => groupPaths.findIndex((g, gi) => g.field === rp.field && g.hops.length === rp.hops.length && sameFn(groupBy[gi]!.dateFn, fn));
  for (const [i, s] of q.select.entries()) {
    if (s.kind === 'field') {
      const rp = selectPaths.get(i)!;
      if (groupIndex(rp, s.dateFn) < 0) {
        throw queryError(`Field must be grouped or aggregated: ${rp.field.name}`);
      }
    }
  }
  const groups = new Map<string, { key: unknown[]; rows: Row[] }>();
  for (const r of rows) {
    const key = groupPaths.map((g, gi) => {
      const v = ex.valueAt(def, r, g);
      const fn = groupBy[gi]!.dateFn;
      return fn ? applyDateFn(v, fn) : v;
    });
    const k = JSON.stringify(key.map((x) => groupKey(x)));
    let g = groups.get(k);
    if (!g) {
      g = { key, rows: [] };
      groups.set(k, g);
    }
    g.rows.push(r);
  }
  if (groupPaths.length === 0 && groups.size === 0) groups.set('[]', { key: [], rows: [] });

  const aggValue = (fn: string, path: string[] | null, gr: Row[]): unknown => {
    if (fn === 'COUNT' && !path) return gr.length;
    const rp = resolvePath(host.schema, def, path!, q.object);
    const vals = gr.map((r) => ex.valueAt(def, r, rp)).filter((v) => v !== null && v !== undefined);
    switch (fn) {
      case 'COUNT':
        return vals.length;
      case 'COUNT_DISTINCT':
        return new Set(vals.map((v) => JSON.stringify(groupKey(v)))).size;
      case 'SUM': {
        if (vals.length === 0) return null;
        return vals.reduce<Decimal>((acc, v) => acc.add(norm(v).k === 'num' ? (norm(v) as { v: Decimal }).v : Decimal.ZERO), Decimal.ZERO);
      }
      case 'AVG': {
        if (vals.length === 0) return null;
        const s = vals.reduce<Decimal>((acc, v) => acc.add((norm(v) as { v: Decimal }).v), Decimal.ZERO);
        return s.divide(Decimal.fromInteger(vals.length), Math.max(s.scale(), 6)).stripTrailingZeros();
      }
      case 'MIN':
      case 'MAX': {
        if (vals.length === 0) return null;
        return vals.reduce((a, b) => (compareValues(a, b) <= 0 ? (fn === 'MIN' ? a : b) : fn === 'MIN' ? b : a));
      }
    }
    throw unsupportedData(`aggregate ${fn}`);
  };

  let out: { rec: SObjectRecord; g: { key: unknown[]; rows: Row[] } }[] = [];
  for (const g of groups.values()) {
    if (q.having && !havingMatches(q.having, g.rows, aggValue, ex)) continue;
    const rec = new SObjectRecord('AggregateResult');
    rec.queried = new Set();
    q.select.forEach((s, i) => {
      if (s.kind === 'field') {
        const rp = selectPaths.get(i)!;
        const gi = groupIndex(rp, s.dateFn);
        const name = s.alias ?? rp.field.name;
        rec.setRaw(name, g.key[gi]);
      } else if (s.kind === 'agg') {
        const v = aggValue(s.fn, s.path, g.rows);
        rec.setRaw(s.alias!, typeof v === 'number' ? v : v);
      }
    });
    out.push({ rec, g });
  }
  if (q.orderBy.length > 0) {
    const keyOf = (o: (typeof q.orderBy)[number], g: { key: unknown[]; rows: Row[] }) => {
      if (o.agg) return aggValue(o.agg.fn, o.agg.path, g.rows);
      const rp = resolvePath(host.schema, def, o.path!, q.object);
      const gi = groupIndex(rp, o.dateFn);
      if (gi < 0) throw queryError(`Ordered field must be grouped or aggregated: ${rp.field.name}`);
      return g.key[gi];
    };
    out = out
      .map((x, i) => ({ x, i, k: q.orderBy.map((o) => keyOf(o, x.g)) }))
      .sort((a, b) => {
        for (let j = 0; j < q.orderBy.length; j++) {
          const c = cmpForOrder(a.k[j], b.k[j], q.orderBy[j]!.desc, q.orderBy[j]!.nullsFirst);
          if (c !== 0) return c;
        }
        return a.i - b.i;
      })
      .map((d) => d.x);
  }
  const offset = q.offset ? intOf(ex.resolveValue(q.offset), 'OFFSET') : 0;
  const limit = q.limit ? intOf(ex.resolveValue(q.limit), 'LIMIT') : undefined;
  let recs = out.map((o) => o.rec);
  if (offset) recs = recs.slice(offset);
  if (limit !== undefined) recs = recs.slice(0, limit);
  // COUNT()/COUNT(field) only: one query row, or one per grouping with GROUP BY; any other
  // aggregate: every row used in the aggregation (Apex Developer Guide, Working with SOQL Aggregate Functions)
  const onlyCounts = q.select.every((x) => x.kind !== 'agg' || x.fn === 'COUNT' || x.fn === 'COUNT_DISTINCT');
  host.countRows?.(onlyCounts ? (groupPaths.length ? recs.length : 1) : rows.length);
  return recs;
}

function groupKey(v: unknown): unknown {
  const n = norm(v);
  if (n.k === 'num') return 'n:' + n.v.stripTrailingZeros().toString();
  if (n.k === 'str') return 's:' + n.v.toLowerCase();
  if (n.k === 'null') return null;
  return n.k + ':' + String(n.v);
}

function havingMatches(c: Cond, rows: Row[], agg: (fn: string, path: string[] | null, rows: Row[]) => unknown, ex: Exec): boolean {
  switch (c.k) {
    case 'and':
      return c.items.every((i) => havingMatches(i, rows, agg, ex));
    case 'or':
      return c.items.some((i) => havingMatches(i, rows, agg, ex));
    case 'not':
      return !havingMatches(c.c, rows, agg, ex);
    case 'cmp': {
      if (!c.agg) throw unsupportedData('HAVING on a grouped field');
      const v = agg(c.agg.fn, c.agg.path, rows);
      const rhs = ex.resolveValue(c.rhs);
      const cmp = compareValues(v, rhs);
      switch (c.op) {
        case '=':
          return cmp === 0;
        case '!=':
          return cmp !== 0;
        case '<':
          return cmp < 0;
        case '>':
          return cmp > 0;
        case '<=':
          return cmp <= 0;
        case '>=':
          return cmp >= 0;
      }
      throw unsupportedData(`HAVING operator ${c.op}`);
    }
  }
}

export { isDate };

/**
 * Resolves every object, field and relationship a query names without running it (static check
 * of the package's SOQL against the schema). Throws the QueryException a run would throw.
 */
export function checkQuery(schema: Schema, q: SoqlQuery, parent?: ObjectDef): void {
  let def: ObjectDef;
  if (parent) {
    const child = childRelationship(parent, q.object.toLowerCase());
    if (!child) throw queryError(`Didn't understand relationship '${q.object}' in FROM part of query call.`);
    def = resolveObject(schema, child.childObject);
  } else def = resolveObject(schema, q.object);
  const path = (p: string[]) => resolvePath(schema, def, p, q.object);
  const cond = (c: Cond | undefined): void => {
    if (!c) return;
    if (c.k === 'and' || c.k === 'or') c.items.forEach(cond);
    else if (c.k === 'not') cond(c.c);
    else if (c.k === 'cmp') {
      if (c.path) path(c.path);
      if (c.agg?.path) path(c.agg.path);
      if (c.rhs.k === 'sub') checkQuery(schema, c.rhs.query);
    }
  };
  for (const s of q.select) {
    if (s.kind === 'field') path(s.path);
    else if (s.kind === 'agg' && s.path) path(s.path);
    else if (s.kind === 'sub') checkQuery(schema, s.query, def);
  }
  cond(q.where);
  cond(q.having);
  for (const g of q.groupBy ?? []) path(g.path);
  for (const o of q.orderBy) {
    if (o.path) path(o.path);
    if (o.agg?.path) path(o.agg.path);
  }
}
