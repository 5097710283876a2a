// LocalOrg: the in-memory org. Records live in SQLite (better-sqlite3, ':memory:' by default):
// one table per object, one column per stored field, values encoded exactly (Decimal as its
// text, Date as ISO text, Datetime as integer epoch ms, Checkbox 0/1). SOQL is parsed with the
// Apex grammar and evaluated by data/query.ts over decoded rows (exact Decimal comparison and
// SOQL's case-insensitive text semantics); DML follows the save order of execution (Apex
// Developer Guide, "Triggers and Order of Execution").

import Database from 'better-sqlite3';
import type {
  DmlError,
  DmlOperation,
  DmlRowResult,
  FieldDef,
  LimitsCounter,
  ObjectDef,
  ObjectPermission,
  RunContext,
  Schema,
  TriggerEvent,
  TriggerRunner,
} from '../contracts.js';
import { ApexBlob, Decimal } from '../apex/values/index.js';
import { DataError, queryError } from './errors.js';
import { evaluate, parseFormula, type FormulaContext } from './formula.js';
import { IdGenerator, isValidId, to18 } from './ids.js';
import { executeQuery, resolveObject, type QueryHost, type QueryResult, type Row } from './query.js';
import { Security, type AccessType } from './security.js';
import { SObjectRecord } from './sobject.js';
import { parseSoql, parseSoqlTree, type BindResolver, type SoqlQuery } from './soql.js';
import type { QueryContext } from '@apexdevtools/apex-parser';
import { compareValues, decode, effectiveType, encode, isNumericType, makeDate, makeDatetime, msToLocalDays, norm, userTimeZone } from './values.js';

export interface LocalOrgOptions {
  /** SQLite file path; ':memory:' (default) for tests. */
  file?: string;
  /** Clock (epoch ms) for CreatedDate, TODAY and date literals. */
  now?: () => number;
  /** Don't seed the standard records (profiles, users, stages, ...). */
  noSeed?: boolean;
}

export interface DmlOptions {
  allOrNone: boolean;
  /** Upsert: the external id field (default Id). */
  externalIdField?: string;
  /** Skip triggers (internal writes). */
  noTriggers?: boolean;
  /** Internal DML of another operation (lead conversion): not counted against the limits again. */
  internal?: boolean;
  /** Allow writing read-only platform fields (lead conversion's Converted* fields). */
  systemFields?: boolean;
}

export interface LeadConvertInput {
  leadId: string;
  convertedStatus: string | null;
  accountId?: string | null;
  contactId?: string | null;
  opportunityId?: string | null;
  opportunityName?: string | null;
  doNotCreateOpportunity?: boolean;
  ownerId?: string | null;
  overwriteLeadSource?: boolean;
  sendNotificationEmail?: boolean;
}
export interface LeadConvertResult {
  leadId: string;
  accountId: string | null;
  contactId: string | null;
  opportunityId: string | null;
  success: boolean;
  errors: DmlError[];
}

const TRIGGER_CHUNK = 200;
const SECURITY_OBJECTS = new Set(['user', 'permissionsetassignment', 'permissionset', 'profile', 'groupmember', 'group', 'objectpermissions', 'fieldpermissions']);
const SYSTEM_FIELDS = new Set(['id', 'createddate', 'createdbyid', 'lastmodifieddate', 'lastmodifiedbyid', 'systemmodstamp', 'isdeleted']);

function col(lower: string): string {
  return `"f_${lower}"`;
}
function table(def: ObjectDef): string {
  return `"o_${def.name.toLowerCase()}"`;
}
function stored(f: FieldDef): boolean {
  return f.type !== 'Formula' && f.type !== 'Summary';
}

/** The message the platform uses for a failed DML statement (DmlException.getMessage()). */
export function dmlExceptionMessage(op: DmlOperation, index: number, id: string | null, e: DmlError): string {
  const verb = op.charAt(0).toUpperCase() + op.slice(1);
  const withId = id ? ` with id ${id}` : '';
  return `${verb} failed. First exception on row ${index}${withId}; first error: ${e.statusCode}, ${e.message}: [${e.fields.join(', ')}]`;
}

/** The site a request runs on (Site.getSiteId() and friends), set by whoever serves the site. */
export interface RunningSite {
  id: string;
  name: string;
  /** Profile of users the site registers (Network selfRegProfile). */
  selfRegProfile: string | null;
  /** The URL Site.login answers for a signed-in user and a start URL. */
  loginUrl(userId: string, startUrl: string): string;
}

export class LocalOrg implements QueryHost {
  readonly schema: Schema;
  readonly db: Database.Database;
  readonly ids = new IdGenerator();
  readonly security: Security;
  private clock: () => number;
  private triggerRunner: TriggerRunner | null = null;
  private limits: LimitsCounter | null = null;
  private rowCache = new Map<string, Map<string, Row>>(); // object lower -> id -> row (non-deleted and deleted)
  private savepoints: number[] = [];
  private spCounter = 0;
  private autoNumbers = new Map<string, number>();
  /** Mixed DML tracking, one frame per transaction / System.runAs block. */
  private mixed: { setup: string | null; nonSetup: string | null }[] = [{ setup: null, nonSetup: null }];
  /** Ids of standard records made by seed(). */
  readonly seeded: {
    orgId: string;
    adminUserId: string;
    profiles: Map<string, string>;
    permissionSets: Map<string, string>;
    guestUserId: string | null;
    automatedProcessUserId?: string;
  };
  private dmlDepth = 0;
  private statements = new Map<string, { insert: Database.Statement; update: Database.Statement }>();
  private seq = 0;

  constructor(schema: Schema, options: LocalOrgOptions = {}) {
    this.schema = schema;
    this.db = new Database(options.file ?? ':memory:');
    this.db.pragma('journal_mode = MEMORY');
    this.clock = options.now ?? (() => Date.now());
    this.security = new Security(this);
    this.createTables();
    this.db.exec('BEGIN');
    this.seeded = { orgId: '', adminUserId: '', profiles: new Map(), permissionSets: new Map(), guestUserId: null };
    if (!options.noSeed) this.seed();
  }

  // ------------------------------------------------------------------------ wiring

  setTriggerRunner(runner: TriggerRunner | null): void {
    this.triggerRunner = runner;
  }
  setLimits(counter: LimitsCounter | null): void {
    this.limits = counter;
  }
  setClock(now: () => number): void {
    this.clock = now;
  }
  now(): number {
    return this.clock();
  }
  countRows(n: number): void {
    this.limits?.countQueryRows(n);
  }

  /** Commits the outer transaction (file databases, the preview) and opens a new one. */
  commit(): void {
    this.db.exec('COMMIT');
    this.db.exec('BEGIN');
    this.savepoints = [];
  }
  close(): void {
    this.db.close();
  }

  // ------------------------------------------------------------------------ storage

  private createTables(): void {
    for (const def of this.schema.objects.values()) {
      const cols = [...def.fields.values()]
        .filter((f) => stored(f) && f.name.toLowerCase() !== 'id')
        .map((f) => {
          const t = effectiveType(f);
          const sqlType = t === 'Checkbox' || t === 'DateTime' || t === 'Time' ? 'INTEGER' : 'TEXT';
          return `${col(f.name.toLowerCase())} ${sqlType}`;
        });
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${table(def)} (id TEXT PRIMARY KEY, _seq INTEGER, ${cols.join(', ')})`);
    }
    // lookups cleared by a delete (SetNull), restored by undelete; in SQLite so savepoints cover them
    this.db.exec('CREATE TABLE IF NOT EXISTS _cleared_lookups (parent_id TEXT, child_object TEXT, child_id TEXT, field TEXT)');
  }

  private defByPrefix(id: string): ObjectDef | null {
    const name = this.schema.keyPrefixes.get(id.slice(0, 3));
    return name ? this.schema.objects.get(name.toLowerCase()) ?? null : null;
  }

  private loadAll(def: ObjectDef): Map<string, Row> {
    const key = def.name.toLowerCase();
    let m = this.rowCache.get(key);
    if (m) return m;
    m = new Map();
    const rows = this.db.prepare(`SELECT * FROM ${table(def)} ORDER BY _seq`).all() as Record<string, unknown>[];
    for (const r of rows) {
      const row: Row = new Map();
      row.set('id', r.id);
      for (const f of def.fields.values()) {
        const l = f.name.toLowerCase();
        if (l === 'id' || !stored(f)) continue;
        row.set(l, decode(f, r[`f_${l}`] as string | number | null));
      }
      m.set(String(r.id), row);
    }
    this.rowCache.set(key, m);
    return m;
  }

  private invalidate(def?: ObjectDef): void {
    if (def) this.rowCache.delete(def.name.toLowerCase());
    else this.rowCache.clear();
    if (!def || SECURITY_OBJECTS.has(def.name.toLowerCase())) this.security.invalidate();
  }

  scan(def: ObjectDef, allRows: boolean, ids?: string[]): Row[] {
    const all = this.loadAll(def);
    const out: Row[] = [];
    if (ids) {
      for (const id of ids) {
        const r = all.get(id);
        if (r && (allRows || r.get('isdeleted') !== true)) out.push(r);
      }
      return out;
    }
    for (const r of all.values()) if (allRows || r.get('isdeleted') !== true) out.push(r);
    return out;
  }

  byId(id: string, allRows = false): { def: ObjectDef; row: Row } | null {
    if (!isValidId(id)) return null;
    const def = this.defByPrefix(id);
    if (!def) return null;
    const row = this.loadAll(def).get(to18(id));
    if (!row || (!allRows && row.get('isdeleted') === true)) return null;
    return { def, row };
  }

  private writeRow(def: ObjectDef, row: Row, isNew: boolean): void {
    const fields = [...def.fields.values()].filter((f) => stored(f) && f.name.toLowerCase() !== 'id');
    const vals = fields.map((f) => encode(f, row.get(f.name.toLowerCase()) ?? null));
    const key = def.name.toLowerCase();
    let st = this.statements.get(key);
    if (!st) {
      st = {
        insert: this.db.prepare(`INSERT INTO ${table(def)} (id, _seq, ${fields.map((f) => col(f.name.toLowerCase())).join(', ')}) VALUES (?, ?, ${fields.map(() => '?').join(', ')})`),
        update: this.db.prepare(`UPDATE ${table(def)} SET ${fields.map((f) => `${col(f.name.toLowerCase())} = ?`).join(', ')} WHERE id = ?`),
      };
      this.statements.set(key, st);
    }
    if (isNew) st.insert.run(row.get('id'), ++this.seq, ...vals);
    else st.update.run(...vals, row.get('id'));
    this.uniqueDirty.add(def.name.toLowerCase());
    // keep the decoded cache in step (decode(encode(v)) so cached values equal what a reload gives)
    const cached = this.rowCache.get(def.name.toLowerCase());
    if (cached) {
      const copy: Row = new Map();
      copy.set('id', row.get('id'));
      fields.forEach((f, i) => copy.set(f.name.toLowerCase(), decode(f, vals[i]!)));
      cached.set(String(row.get('id')), copy);
    }
    if (SECURITY_OBJECTS.has(def.name.toLowerCase())) this.security.invalidate();
  }

  private deleteRowHard(def: ObjectDef, id: string): void {
    this.db.prepare(`DELETE FROM ${table(def)} WHERE id = ?`).run(id);
    this.invalidate(def);
  }

  // ------------------------------------------------------------------------ computed fields

  /** A field's value on a row: stored, or computed for formula and roll-up summary fields. */
  value(def: ObjectDef, row: Row, fieldLower: string): unknown {
    const f = def.fields.get(fieldLower);
    if (!f) return null;
    if (f.type === 'Formula') return this.formulaValue(def, row, f);
    if (f.type === 'Summary') return this.summaryValue(row, f);
    const v = row.get(fieldLower);
    // StaticResource.Body is a Blob (stored as base64 text)
    if (fieldLower === 'body' && def.name === 'StaticResource' && typeof v === 'string') return new ApexBlob(new Uint8Array(Buffer.from(v, 'base64')));
    if (fieldLower === 'versiondata' && def.name === 'ContentVersion' && typeof v === 'string') return new ApexBlob(new Uint8Array(Buffer.from(v, 'base64')));
    return v === undefined ? null : v;
  }

  private formulaValue(def: ObjectDef, row: Row, f: FieldDef): unknown {
    const node = parseFormula(f.formula!);
    const ctx: FormulaContext = {
      field: (path) => this.pathValue(def, row, path),
      now: () => this.now(),
    };
    let v: unknown;
    try {
      v = evaluate(node, ctx);
    } catch (e) {
      if (e instanceof DataError) throw e;
      throw new DataError('Unsupported', `Unsupported in the local org: formula field ${def.name}.${f.name}: ${(e as Error).message} (${f.sourceFile ?? ''})`);
    }
    const t = f.formulaType;
    if (v === '' && t !== 'Checkbox') return null;
    if (t === 'Checkbox') return v === true;
    if (v instanceof Decimal && f.scale !== undefined) return v.setScale(f.scale, 'HALF_UP');
    return v ?? null;
  }

  /** Follows a formula path (Program__r.Active__c) from a row. */
  pathValue(def: ObjectDef, row: Row | Map<string, unknown>, path: string[]): unknown {
    let curDef = def;
    let curRow: Row | null = row as Row;
    // formulas in source are written without the namespace prefix: accept both spellings
    const ns = this.schema.namespace ? this.schema.namespace.toLowerCase() + '__' : '';
    for (let i = 0; i < path.length - 1; i++) {
      const rel = path[i]!.toLowerCase();
      const lf = [...curDef.fields.values()].find((x) => x.relationshipName?.toLowerCase() === rel || (!!ns && x.relationshipName?.toLowerCase() === ns + rel));
      if (!lf) throw new DataError('Unsupported', `Unsupported in the local org: formula path ${path.join('.')} on ${curDef.name}`);
      const id = this.value(curDef, curRow!, lf.name.toLowerCase());
      if (!id) return null;
      const p = this.byId(String(id));
      if (!p) return null;
      curDef = p.def;
      curRow = p.row;
    }
    let last = path[path.length - 1]!.toLowerCase();
    if (!curDef.fields.has(last) && ns && curDef.fields.has(ns + last)) last = ns + last;
    if (!curDef.fields.has(last)) {
      if (last.startsWith('$')) return null;
      throw new DataError('Unsupported', `Unsupported in the local org: formula field reference ${path.join('.')} on ${curDef.name}`);
    }
    return this.value(curDef, curRow!, last);
  }

  private summaryValue(row: Row, f: FieldDef): unknown {
    const [childName, fkName] = f.summaryForeignKey!.split('.');
    const child = this.schema.objects.get(childName!.toLowerCase())!;
    const fk = fkName!.toLowerCase();
    const id = row.get('id');
    const rows = this.scan(child, false).filter((r) => r.get(fk) === id);
    const matching = rows.filter((r) =>
      (f.summaryFilterItems ?? []).every((it) => {
        const fl = it.field.split('.')[1]!.toLowerCase();
        const v = this.value(child, r, fl);
        const opts = it.value.split(',').map((s) => s.trim());
        const eq = opts.some((o) => v !== null && compareValues(v, o) === 0);
        if (it.operation === 'equals') return eq;
        if (it.operation === 'notEqual') return !eq;
        throw new DataError('Unsupported', `Unsupported in the local org: roll-up summary filter operation ${it.operation} (${f.name})`);
      })
    );
    if (f.summaryOperation === 'count') return Decimal.fromInteger(matching.length);
    const sf = f.summarizedField!.split('.')[1]!.toLowerCase();
    const vals = matching.map((r) => this.value(child, r, sf)).filter((v) => v !== null && v !== undefined);
    if (f.summaryOperation === 'sum') return vals.reduce<Decimal>((a, v) => a.add(norm(v).k === 'num' ? (norm(v) as { v: Decimal }).v : Decimal.ZERO), Decimal.ZERO);
    if (vals.length === 0) return null;
    return vals.reduce((a, b) => ((compareValues(a, b) <= 0) === (f.summaryOperation === 'min') ? a : b));
  }

  /**
   * One ObjectPermissions row per object a permission set (or a profile's) grants, as the setup
   * object reference documents (ObjectPermissions: "represents the enabled object permissions for
   * the parent PermissionSet"); SobjectType is the object's API name.
   */
  private seedObjectPermissions(permissionSetId: string, permissions: Map<string, ObjectPermission>): void {
    for (const [objectLower, op] of permissions) {
      const def = this.schema.objects.get(objectLower);
      if (!def) continue;
      this.insertRaw('ObjectPermissions', {
        ParentId: permissionSetId,
        SobjectType: def.name,
        PermissionsCreate: op.allowCreate,
        PermissionsRead: op.allowRead || op.allowEdit || op.viewAllRecords || op.modifyAllRecords,
        PermissionsEdit: op.allowEdit || op.modifyAllRecords,
        PermissionsDelete: op.allowDelete || op.modifyAllRecords,
        PermissionsViewAllRecords: op.viewAllRecords || op.modifyAllRecords,
        PermissionsModifyAllRecords: op.modifyAllRecords
      });
    }
  }

  // ------------------------------------------------------------------------ sharing hooks (QueryHost)

  canSee(def: ObjectDef, row: Row, ctx: RunContext): boolean {
    return this.security.canSee(def, row, ctx);
  }
  recordAccessOf(recordId: string, userId: string): 'None' | 'Read' | 'Edit' | 'All' | null {
    const found = this.byId(recordId);
    return found ? this.security.recordAccess(found.def, found.row, userId) : null;
  }
  checkRead(def: ObjectDef, fields: FieldDef[], ctx: RunContext, mode: 'USER_MODE' | 'SECURITY_ENFORCED'): void {
    this.security.checkRead(def, fields, ctx, mode);
  }

  /** Security.stripInaccessible(accessType, records): copies without inaccessible fields, and the removed field names per object. */
  stripInaccessible(accessType: AccessType, records: SObjectRecord[], ctx: RunContext | string, enforceRootObjectCRUD = true): { records: SObjectRecord[]; removedFields: Map<string, Set<string>> } {
    const rc: RunContext = typeof ctx === 'string' ? { userId: ctx, accessLevel: 'USER_MODE', sharing: 'with' } : ctx;
    return this.security.stripInaccessible(accessType, records, rc, enforceRootObjectCRUD);
  }

  // ------------------------------------------------------------------------ SOQL

  /** Parses SOQL text (cached). */
  parse(soql: string): SoqlQuery {
    return parseSoql(soql);
  }
  /** Builds the query model from an inline [SELECT ...] node. */
  parseTree(node: QueryContext, sourceText?: string): SoqlQuery {
    return parseSoqlTree(node, sourceText);
  }

  /**
   * Runs a query. Returns records (AggregateResult rows have objectName 'AggregateResult'), or
   * a number for SELECT COUNT(). Counts one query and the rows against the limits.
   */
  query(soql: string | SoqlQuery, binds: BindResolver, ctx: RunContext): QueryResult {
    const q = typeof soql === 'string' ? parseSoql(soql) : soql;
    this.limits?.countQuery();
    return executeQuery(this, q, { binds, ctx });
  }

  /** Database.countQuery: the query must be SELECT COUNT(). */
  countQuery(soql: string | SoqlQuery, binds: BindResolver, ctx: RunContext): number {
    const q = typeof soql === 'string' ? parseSoql(soql) : soql;
    if (!q.isCount) throw queryError('countQuery requires a SELECT COUNT() query');
    return this.query(q, binds, ctx) as number;
  }

  /** Database.queryWithBinds(text, Map<String,Object> binds, accessLevel). */
  queryWithBinds(soql: string, binds: Map<string, unknown> | Record<string, unknown>, ctx: RunContext): QueryResult {
    const m = new Map<string, unknown>();
    for (const [k, v] of binds instanceof Map ? binds : Object.entries(binds)) m.set(k.toLowerCase(), v);
    return this.query(soql, (text) => {
      const key = text.trim().toLowerCase();
      if (!m.has(key)) throw queryError(`Key '${text.trim()}' does not exist in the bindMap`);
      return m.get(key);
    }, ctx);
  }

  // ------------------------------------------------------------------------ savepoints

  /** Database.setSavepoint(): a number the interpreter wraps in a Savepoint. */
  setSavepoint(): number {
    const sp = ++this.spCounter;
    this.db.exec(`SAVEPOINT sp${sp}`);
    this.savepoints.push(sp);
    return sp;
  }

  /** Database.rollback(sp): later savepoints become invalid. */
  rollback(sp: number): void {
    const i = this.savepoints.indexOf(sp);
    if (i < 0) throw new DataError('System.TypeException', 'Savepoint does not exist in this context.');
    this.db.exec(`ROLLBACK TO sp${sp}`);
    this.savepoints.length = i + 1;
    this.invalidate();
  }

  /** Drops a savepoint without rolling back (internal). */
  release(sp: number): void {
    const i = this.savepoints.indexOf(sp);
    if (i < 0) return;
    this.db.exec(`RELEASE sp${sp}`);
    this.savepoints.length = i;
  }

  // ------------------------------------------------------------------------ mixed DML

  /** A new transaction (test method, async job): resets mixed-DML tracking; returns the previous
   *  transaction's tracking so an async job run inside a test (Test.stopTest) can hand it back. */
  beginTransaction(): Array<{ setup: string | null; nonSetup: string | null }> {
    const prev = this.mixed;
    this.mixed = [{ setup: null, nonSetup: null }];
    return prev;
  }
  /** Resumes a transaction suspended by beginTransaction (the test after its async jobs ran). */
  resumeTransaction(prev: Array<{ setup: string | null; nonSetup: string | null }>): void {
    this.mixed = prev;
  }
  /** System.runAs: setup and non-setup DML may be mixed across runAs blocks. */
  enterRunAs(): void {
    this.mixed.push({ setup: null, nonSetup: null });
  }
  exitRunAs(): void {
    if (this.mixed.length > 1) this.mixed.pop();
  }

  private checkMixedDml(def: ObjectDef, op: DmlOperation, records: SObjectRecord[]): DmlError | null {
    const frame = this.mixed[this.mixed.length - 1]!;
    let setup = def.isSetup;
    const lower = def.name.toLowerCase();
    // Group: insert and update may be mixed; User insert without a role may be mixed (Apex Developer Guide, sObjects That Can't Be Used Together in DML Operations)
    if (lower === 'group' && (op === 'insert' || op === 'update')) setup = false;
    if (lower === 'user' && op === 'insert' && records.every((r) => !r.fields.get('userroleid'))) setup = false;
    if (lower === 'user' && op === 'update' && records.every((r) => !['userroleid', 'isactive', 'isportalenabled', 'username', 'profileid'].some((f) => r.fields.has(f)))) setup = false;
    if (setup) {
      if (frame.nonSetup) {
        return { statusCode: 'MIXED_DML_OPERATION', message: `DML operation on setup object is not permitted after you have updated a non-setup object (or vice versa): ${def.name}, original object: ${frame.nonSetup}`, fields: [] };
      }
      frame.setup = frame.setup ?? def.name;
    } else if (!def.customSettingsType) {
      if (frame.setup) {
        return { statusCode: 'MIXED_DML_OPERATION', message: `DML operation on non-setup object is not permitted after you have updated a setup object: ${def.name}`, fields: [] };
      }
      if (!['group', 'user'].includes(lower)) frame.nonSetup = frame.nonSetup ?? def.name;
    }
    return null;
  }

  // ------------------------------------------------------------------------ DML

  /**
   * insert / update / upsert / delete / undelete with the save order of execution.
   * allOrNone: the first failing row throws DataError('System.DmlException') after rolling the
   * statement back; otherwise per-row results and the good rows are saved (partial save with
   * up to three attempts, as the platform does).
   */
  dml(op: DmlOperation, records: SObjectRecord[], options: DmlOptions, ctx: RunContext): DmlRowResult[] {
    if (!options.internal) {
      this.limits?.countDmlStatement();
      this.limits?.countDmlRows(records.length);
    }
    if (records.length === 0) return [];
    // Database.delete / undelete accept ids
    records = records.map((r) => {
      if (typeof r !== 'string') return r;
      const d = isValidId(r) ? this.defByPrefix(r) : null;
      if (!d) throw new DataError('System.StringException', `Invalid id: ${String(r)}`);
      return new SObjectRecord(d, { Id: r });
    });
    const objName = records[0]!.objectName;
    const def = this.schema.objects.get(objName.toLowerCase());
    if (!def) throw new DataError('System.DmlException', `sObject type '${objName}' is not supported.`);
    for (const r of records) {
      if (r.objectName.toLowerCase() !== def.name.toLowerCase()) {
        throw new DataError('System.TypeException', 'DML with a list of mixed sObject types is not supported in the local org; use one list per type');
      }
    }
    if (op === 'update' || op === 'delete' || op === 'undelete') {
      const seen = new Set<string>();
      for (const r of records) {
        const id = r.id;
        if (id && seen.has(id)) {
          throw new DataError('System.ListException', `Duplicate id in list: ${id}`);
        }
        if (id) seen.add(id);
      }
    }
    if (op === 'insert') {
      records.forEach((r, i) => {
        if (r.id) throw dmlException(op, [{ index: i, id: r.id, errors: [{ statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: 'cannot specify Id in an insert call', fields: ['Id'] }] }]);
      });
    }
    const mixedErr = this.checkMixedDml(def, op, records);
    if (mixedErr) {
      const results = records.map((r) => ({ id: r.id, success: false, errors: [mixedErr] }));
      if (options.allOrNone) throw dmlException(op, [{ index: 0, id: records[0]!.id, errors: [mixedErr] }]);
      return results;
    }

    let pending = records.map((_, i) => i);
    const results: DmlRowResult[] = records.map((r) => ({ id: r.id, success: false, errors: [] }));
    for (let attempt = 0; attempt < 3; attempt++) {
      const sp = this.setSavepoint();
      const attemptResults = this.saveAttempt(op, def, pending.map((i) => records[i]!), options, ctx);
      const failed = attemptResults.map((r, j) => (r.success ? -1 : j)).filter((j) => j >= 0);
      if (failed.length === 0) {
        this.release(sp);
        attemptResults.forEach((r, j) => (results[pending[j]!] = r));
        // Apex sets the Id on the caller's records after a successful insert / upsert
        pending.forEach((i, j) => {
          const res = attemptResults[j]!;
          if ((op === 'insert' || op === 'upsert') && res.id) records[i]!.setRaw('Id', res.id);
        });
        break;
      }
      this.rollback(sp);
      this.release(sp);
      if (options.allOrNone) {
        // every failed row is reported (DmlException.getNumDml / getDmlMessage(i)); the message names the first
        throw dmlException(op, failed.map((j) => ({ index: pending[j]!, id: attemptResults[j]!.id, errors: attemptResults[j]!.errors })));
      }
      for (const j of failed) results[pending[j]!] = attemptResults[j]!;
      pending = pending.filter((_, j) => !failed.includes(j));
      if (pending.length === 0) break;
      if (attempt === 2) {
        for (const i of pending) results[i] = { id: records[i]!.id, success: false, errors: [{ statusCode: 'UNKNOWN_EXCEPTION', message: 'Too many batch retries in the presence of Apex triggers and partial failures.', fields: [] }] };
      }
    }
    return results;
  }

  /** One attempt over the given rows: chunks of 200 through the whole order of execution. */
  private saveAttempt(op: DmlOperation, def: ObjectDef, records: SObjectRecord[], options: DmlOptions, ctx: RunContext): DmlRowResult[] {
    const out: DmlRowResult[] = [];
    this.dmlDepth++;
    try {
      for (let s = 0; s < records.length; s += TRIGGER_CHUNK) {
        const chunk = records.slice(s, s + TRIGGER_CHUNK);
        if (op === 'delete') out.push(...this.deleteChunk(def, chunk, options, ctx));
        else if (op === 'undelete') out.push(...this.undeleteChunk(def, chunk, options, ctx));
        else if (op === 'upsert') out.push(...this.upsertChunk(def, chunk, options, ctx));
        else out.push(...this.saveChunk(op, def, chunk, options, ctx));
      }
    } finally {
      this.dmlDepth--;
    }
    return out;
  }

  private upsertChunk(def: ObjectDef, chunk: SObjectRecord[], options: DmlOptions, ctx: RunContext): DmlRowResult[] {
    const ext = options.externalIdField ? def.fields.get(options.externalIdField.toLowerCase()) : def.fields.get('id');
    if (!ext) throw new DataError('System.DmlException', `Invalid field for upsert, must be an External Id custom or standard indexed field: ${options.externalIdField}`);
    if (ext.name !== 'Id' && !ext.externalId && !(ext.unique && ext.name !== 'Id')) {
      throw new DataError('System.SObjectException', `Invalid field for upsert, must be an External Id custom or standard indexed field: ${ext.name}`);
    }
    const inserts: { i: number; r: SObjectRecord }[] = [];
    const updates: { i: number; r: SObjectRecord }[] = [];
    const pre: (DmlRowResult | null)[] = chunk.map(() => null);
    chunk.forEach((r, i) => {
      if (ext.name === 'Id') {
        if (r.id) updates.push({ i, r });
        else inserts.push({ i, r });
        return;
      }
      const key = r.fields.get(ext.name.toLowerCase());
      if (key === null || key === undefined || key === '') {
        inserts.push({ i, r });
        return;
      }
      const matches = this.scan(def, false).filter((row) => compareValues(row.get(ext.name.toLowerCase()), key, !!ext.caseSensitive) === 0);
      if (matches.length > 1) {
        pre[i] = { id: null, success: false, errors: [{ statusCode: 'DUPLICATE_EXTERNAL_ID', message: `Duplicate external id specified: ${String(key)}`, fields: [ext.name] }] };
      } else if (matches.length === 1) {
        const copy = r.clone(false);
        copy.setRaw('Id', matches[0]!.get('id'));
        updates.push({ i, r: copy });
      } else inserts.push({ i, r });
    });
    const res = [...pre];
    if (inserts.length) {
      const rr = this.saveChunk('insert', def, inserts.map((x) => x.r), options, ctx);
      inserts.forEach((x, j) => (res[x.i] = { ...rr[j]!, created: true }));
    }
    if (updates.length) {
      const rr = this.saveChunk('update', def, updates.map((x) => x.r), options, ctx);
      updates.forEach((x, j) => (res[x.i] = { ...rr[j]!, created: false }));
    }
    return res as DmlRowResult[];
  }

  private runTriggers(def: ObjectDef, event: TriggerEvent, newRows: SObjectRecord[] | null, oldRows: SObjectRecord[] | null, options: DmlOptions): void {
    if (!this.triggerRunner || options.noTriggers) return;
    this.triggerRunner.runTriggers(def.name, event, newRows, oldRows);
  }

  /** A full record (every stored field, computed formula values) from a row. */
  recordFromRow(def: ObjectDef, row: Row): SObjectRecord {
    const rec = new SObjectRecord(def);
    for (const f of def.fields.values()) {
      const l = f.name.toLowerCase();
      rec.setRaw(f.name, this.value(def, row, l));
    }
    return rec;
  }

  private rowFromRecord(def: ObjectDef, rec: SObjectRecord): Row {
    const row: Row = new Map();
    for (const f of def.fields.values()) {
      if (!stored(f)) continue;
      const l = f.name.toLowerCase();
      row.set(l, rec.fields.has(l) ? rec.fields.get(l) : null);
    }
    return row;
  }

  private saveChunk(op: 'insert' | 'update', def: ObjectDef, chunk: SObjectRecord[], options: DmlOptions, ctx: RunContext): DmlRowResult[] {
    const now = this.now();
    const errors: DmlError[][] = chunk.map(() => []);
    const isInsert = op === 'insert';
    // 1. load the original records / initialise new ones, 2. overwrite with the new values
    const olds: (SObjectRecord | null)[] = [];
    const news: SObjectRecord[] = [];
    chunk.forEach((input, i) => {
      if (isInsert) {
        const rec = new SObjectRecord(def);
        for (const [k, v] of input.fields) {
          if (v instanceof SObjectRecord || Array.isArray(v)) continue;
          const fd = def.fields.get(k);
          if (!fd || (!fd.createable && !options.systemFields) || SYSTEM_FIELDS.has(k)) continue;
          rec.setRaw(input.names.get(k) ?? k, v);
        }
        this.applyInsertDefaults(def, rec, input, ctx, now);
        olds.push(null);
        news.push(rec);
      } else {
        const id = input.id;
        if (!id) {
          errors[i]!.push({ statusCode: 'MISSING_ARGUMENT', message: 'Id not specified in an update call', fields: [] });
          olds.push(null);
          news.push(input.clone(true));
          return;
        }
        const found = this.byId(id, true);
        if (!found || found.def !== def) {
          errors[i]!.push({ statusCode: found ? 'INVALID_ID_FIELD' : 'INVALID_CROSS_REFERENCE_KEY', message: found ? 'invalid record id' : 'invalid cross reference id', fields: [] });
          olds.push(null);
          news.push(input.clone(true));
          return;
        }
        if (found.row.get('isdeleted') === true) {
          errors[i]!.push({ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] });
          olds.push(null);
          news.push(input.clone(true));
          return;
        }
        const old = this.recordFromRow(def, found.row);
        const rec = old.clone(true, false, true, true);
        for (const [k, v] of input.fields) {
          if (v instanceof SObjectRecord || Array.isArray(v)) continue;
          const f = def.fields.get(k);
          if (!f || SYSTEM_FIELDS.has(k) || !stored(f)) continue;
          if (f.type === 'AutoNumber') continue;
          if (!f.updateable && !options.systemFields) continue; // queried formula / read-only values are ignored
          rec.setRaw(f.name, v);
        }
        old.readOnly = true;
        olds.push(old);
        news.push(rec);
      }
    });
    // access checks: user mode CRUD/FLS, sharing on update
    chunk.forEach((input, i) => {
      if (errors[i]!.length) return;
      const e = this.security.checkDmlRow(op, def, input, olds[i] ?? null, ctx);
      if (e) errors[i]!.push(e);
    });
    // 2. for a request from Apex: foreign keys, field formats, maximum lengths and restricted
    // picklists of the request's values, before the before triggers
    chunk.forEach((input, i) => {
      if (errors[i]!.length) return;
      errors[i]!.push(...this.preTriggerValidate(def, input, news[i]!));
    });
    const live = () => news.map((_, i) => i).filter((i) => errors[i]!.length === 0);
    const beforeIdx = live();
    // 3. before triggers
    if (beforeIdx.length) {
      const nr = beforeIdx.map((i) => news[i]!);
      this.runTriggers(def, isInsert ? 'BEFORE_INSERT' : 'BEFORE_UPDATE', nr, isInsert ? null : beforeIdx.map((i) => olds[i]!), options);
      beforeIdx.forEach((i) => {
        if (news[i]!.errors.length) errors[i]!.push(...news[i]!.errors.splice(0));
      });
    }
    // 4. system validation and validation rules
    for (const i of live()) {
      this.normalize(def, news[i]!);
      const sys = this.systemValidate(def, news[i]!, olds[i] ?? null, news, i);
      if (sys.length) {
        errors[i]!.push(...sys);
        continue;
      }
      errors[i]!.push(...this.validationRules(def, news[i]!, olds[i] ?? null));
    }
    // 5. save
    const saveIdx = live();
    for (const i of saveIdx) {
      const rec = news[i]!;
      if (isInsert) {
        rec.setRaw('Id', this.ids.next(def.keyPrefix));
        rec.setRaw('CreatedDate', makeDatetime(now));
        rec.setRaw('CreatedById', ctx.userId);
        this.assignAutoNumber(def, rec);
      }
      rec.setRaw('LastModifiedDate', makeDatetime(now));
      rec.setRaw('LastModifiedById', ctx.userId);
      rec.setRaw('SystemModstamp', makeDatetime(now));
      this.deriveFields(def, rec);
      const files = isInsert && def.name === 'ContentVersion' ? this.contentVersionBeforeWrite(rec, ctx) : null;
      this.writeRow(def, this.rowFromRecord(def, rec), isInsert);
      if (files) this.contentVersionAfterWrite(rec, files.created);
    }
    // 6. after triggers (Trigger.new read-only; formula fields computed)
    if (saveIdx.length) {
      const after = saveIdx.map((i) => {
        const r = this.recordFromRow(def, this.byId(news[i]!.id!)!.row);
        r.readOnly = true;
        return r;
      });
      this.runTriggers(def, isInsert ? 'AFTER_INSERT' : 'AFTER_UPDATE', after, isInsert ? null : saveIdx.map((i) => olds[i]!), options);
      saveIdx.forEach((i, j) => {
        if (after[j]!.errors.length) errors[i]!.push(...after[j]!.errors);
      });
      const okIdx = saveIdx.filter((i) => errors[i]!.length === 0);
      this.rollUpToParents(
        def,
        okIdx.map((i) => ({ now: news[i]!, old: olds[i] ?? null })),
        ctx,
        options,
        (e) => okIdx.forEach((i) => errors[i]!.push(e))
      );
    }
    return news.map((rec, i) => ({
      id: errors[i]!.length ? (isInsert ? null : chunk[i]!.id) : rec.id,
      success: errors[i]!.length === 0,
      errors: errors[i]!,
    }));
  }

  /**
   * Roll-up summary step of the order of execution: "If the record contains a roll-up summary
   * field or is part of a cross-object workflow, performs calculations and updates the roll-up
   * summary field in the parent record. Parent record goes through save procedure." The summary
   * values are computed on read; the parents are re-saved (triggers, validation) once per chunk.
   */
  private rollUpToParents(def: ObjectDef, changes: { now: SObjectRecord | null; old: SObjectRecord | null }[], ctx: RunContext, options: DmlOptions, fail: (e: DmlError) => void): void {
    if (!changes.length) return;
    const byParent = new Map<ObjectDef, Set<string>>();
    for (const parent of this.schema.objects.values()) {
      for (const f of parent.fields.values()) {
        if (f.type !== 'Summary' || !f.summaryForeignKey) continue;
        const [childName, fkName] = f.summaryForeignKey.split('.');
        if (childName!.toLowerCase() !== def.name.toLowerCase()) continue;
        const fk = fkName!.toLowerCase();
        const watched = [fk, ...(f.summarizedField ? [f.summarizedField.split('.')[1]!.toLowerCase()] : []), ...(f.summaryFilterItems ?? []).map((x) => x.field.split('.')[1]!.toLowerCase())];
        for (const c of changes) {
          const changed = !c.now || !c.old || watched.some((w) => compareValues(c.now!.fields.get(w) ?? null, c.old!.fields.get(w) ?? null, true) !== 0 || (c.now!.fields.get(w) == null) !== (c.old!.fields.get(w) == null));
          if (!changed) continue;
          for (const r of [c.now, c.old]) {
            const pid = r?.fields.get(fk);
            if (typeof pid === 'string') {
              const set = byParent.get(parent) ?? new Set<string>();
              set.add(pid);
              byParent.set(parent, set);
            }
          }
        }
      }
    }
    for (const [parent, ids] of byParent) {
      const live = [...ids].filter((id) => this.byId(id));
      if (!live.length) continue;
      const recs = live.map((id) => new SObjectRecord(parent, { Id: id }));
      try {
        const res = this.dml('update', recs, { allOrNone: true, internal: true, noTriggers: !!options.noTriggers }, { ...ctx, accessLevel: 'SYSTEM_MODE', sharing: 'without' });
        void res;
      } catch (e) {
        if (e instanceof DataError && e.dmlRows?.[0]) fail(e.dmlRows[0].errors[0]!);
        else throw e;
      }
    }
  }

  private applyInsertDefaults(def: ObjectDef, rec: SObjectRecord, input: SObjectRecord, ctx: RunContext, now: number): void {
    for (const f of def.fields.values()) {
      const l = f.name.toLowerCase();
      if (!stored(f)) continue;
      if (!input.fields.has(l) && f.defaultValue !== undefined && !SYSTEM_FIELDS.has(l)) {
        try {
          const v = evaluate(parseFormula(f.defaultValue), { field: () => null, now: () => this.now() });
          rec.setRaw(f.name, this.coerce(f, v));
        } catch (e) {
          throw new DataError('Unsupported', `Unsupported in the local org: default value ${f.defaultValue} of ${def.name}.${f.name}: ${(e as Error).message}`);
        }
      }
    }
    // audit fields are set when the record is saved (null in before-insert triggers)
    void now;
    rec.setRaw('IsDeleted', false);
    if (def.fields.has('ownerid') && !rec.fields.get('ownerid')) rec.setRaw('OwnerId', ctx.userId);
  }

  private coerce(f: FieldDef, v: unknown): unknown {
    const t = effectiveType(f);
    if (v === null || v === undefined) return null;
    if (isNumericType(t)) return norm(v).k === 'num' ? (norm(v) as { v: Decimal }).v : Decimal.parse(String(v));
    if (t === 'Checkbox') return v === true;
    return v;
  }

  /** Blank text is stored as null; numbers are rounded to the field's scale; checkboxes are never null. */
  private normalize(def: ObjectDef, rec: SObjectRecord): void {
    for (const f of def.fields.values()) {
      const l = f.name.toLowerCase();
      if (!stored(f) || !rec.fields.has(l)) continue;
      const v = rec.fields.get(l);
      const t = effectiveType(f);
      if (v === '' ) rec.setRaw(f.name, null);
      else if (t === 'Checkbox' && v === null) rec.setRaw(f.name, false);
      else if (isNumericType(t) && v !== null && f.scale !== undefined) {
        const n = norm(v);
        if (n.k === 'num') rec.setRaw(f.name, n.v.setScale(f.scale, 'HALF_UP'));
      } else if (t === 'Date' && v !== null && norm(v).k === 'dt') {
        rec.setRaw(f.name, makeDate(msToLocalDays((norm(v) as { v: number }).v, 'UTC')));
      }
    }
    if (def.fields.has('ownerid') && !rec.fields.get('ownerid')) {
      // keep null: REQUIRED check below reports it
    }
  }

  /**
   * The checks the order of execution runs before the before triggers for requests from Apex
   * or the API ("Salesforce validates foreign keys, field formats, maximum field lengths, and
   * restricted picklists", Apex Developer Guide, Triggers and Order of Execution). They run
   * again, with the other system validation, after the before triggers. Null when the value passes.
   */
  private requestFieldErrors(f: FieldDef, v: unknown): DmlError | null {
    if (v === null || v === undefined) return null;
    const t = effectiveType(f);
    if ((t === 'Text' || t === 'TextArea' || t === 'LongTextArea' || t === 'Html' || t === 'Email' || t === 'Phone' || t === 'Url' || t === 'Picklist' || t === 'MultiselectPicklist') && f.length !== undefined && typeof v === 'string' && v.length > f.length) {
      return { statusCode: 'STRING_TOO_LONG', message: `${f.label}: data value too large: ${v.length > 100 ? v.slice(0, 100) + '...' : v} (max length=${f.length})`, fields: [f.name] };
    }
    if ((t === 'Picklist' || t === 'MultiselectPicklist') && f.restrictedPicklist && f.picklistValues && typeof v === 'string') {
      const parts = t === 'MultiselectPicklist' ? v.split(';') : [v];
      if (parts.some((p) => !f.picklistValues!.some((pv) => pv.value === p && pv.active))) {
        return { statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', message: `${f.label}: bad value for restricted picklist field: ${v}`, fields: [f.name] };
      }
    }
    if (t === 'Email' && typeof v === 'string' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) {
      return { statusCode: 'INVALID_EMAIL_ADDRESS', message: `${f.label}: invalid email address: ${v}`, fields: [f.name] };
    }
    if ((f.type === 'Lookup' || f.type === 'MasterDetail') && typeof v === 'string') {
      if (!isValidId(v)) return { statusCode: 'MALFORMED_ID', message: `${f.label}: id value of incorrect type: ${v}`, fields: [f.name] };
      const okType = (f.referenceTo ?? []).some((t2) => this.schema.objects.get(t2.toLowerCase())?.keyPrefix === v.slice(0, 3));
      if (!okType) return { statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: `${f.label}: id value of incorrect type: ${v}`, fields: [f.name] };
      if (!this.byId(v)) {
        const deleted = this.byId(v, true);
        return deleted ? { statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [f.name] } : { statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [f.name] };
      }
    }
    return null;
  }

  /** Step 2 of the order of execution for an Apex request: the values the request sets, checked before the before triggers. */
  private preTriggerValidate(def: ObjectDef, input: SObjectRecord, rec: SObjectRecord): DmlError[] {
    const errs: DmlError[] = [];
    for (const l of input.fields.keys()) {
      const f = def.fields.get(l);
      if (!f || !stored(f) || SYSTEM_FIELDS.has(l) || !rec.fields.has(l)) continue;
      const v = rec.fields.get(l);
      if (v === '') continue; // blank text is stored as null
      const e = this.requestFieldErrors(f, v);
      if (e) errs.push(e);
    }
    return errs;
  }

  private systemValidate(def: ObjectDef, rec: SObjectRecord, old: SObjectRecord | null, batch: SObjectRecord[], index: number): DmlError[] {
    const errs: DmlError[] = [];
    const missing: string[] = [];
    for (const f of def.fields.values()) {
      const l = f.name.toLowerCase();
      if (!stored(f) || SYSTEM_FIELDS.has(l)) continue;
      const v = rec.fields.get(l);
      const t = effectiveType(f);
      if ((v === null || v === undefined) && f.required && f.createable && t !== 'Checkbox' && !(l === 'name' && f.type === 'AutoNumber')) {
        if (def.customSettingsType && l === 'name') continue;
        missing.push(f.name);
        continue;
      }
      if (v === null || v === undefined) continue;
      if (isNumericType(t) && f.precision !== undefined) {
        const n = norm(v);
        if (n.k === 'num') {
          const intDigits = f.precision - (f.scale ?? 0);
          const abs = n.v.abs().setScale(0, 'DOWN').toPlainString().replace(/^0$/, '');
          if (abs.length > intDigits) {
            errs.push({ statusCode: 'NUMBER_OUTSIDE_VALID_RANGE', message: `${f.label}: value outside of valid range on numeric field: ${n.v.toPlainString()}`, fields: [f.name] });
            continue;
          }
        }
      }
      const pre = this.requestFieldErrors(f, v);
      if (pre) {
        errs.push(pre);
        continue;
      }
      if (f.unique && v !== null) {
        const key = uniqueKey(v, !!f.caseSensitive);
        const ids = this.uniqueIndex(def, f).get(key) ?? [];
        const dupId = ids.find((id) => id !== rec.id);
        const dupBatch = batch.slice(0, index).some((o) => o !== rec && o.fields.get(l) !== null && o.fields.get(l) !== undefined && uniqueKey(o.fields.get(l), !!f.caseSensitive) === key);
        if (dupId || dupBatch) {
          errs.push({ statusCode: 'DUPLICATE_VALUE', message: `duplicate value found: ${f.name} duplicates value on record with id: ${dupId ?? ''}`, fields: [] });
          continue;
        }
      }
      if (old && f.type === 'MasterDetail' && old.fields.get(l) !== v && !f.reparentableMasterDetail) {
        errs.push({ statusCode: 'FIELD_INTEGRITY_EXCEPTION', message: `${f.label}: You cannot reparent this record`, fields: [f.name] });
      }
    }
    if (missing.length) errs.unshift({ statusCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${missing.join(', ')}]`, fields: missing });
    return errs;
  }

  /** value -> ids of the stored, non-deleted rows (rebuilt when the object's rows change). */
  private uniqueIndexes = new Map<string, { rows: Map<string, Row>; index: Map<string, string[]> }>();
  private uniqueIndex(def: ObjectDef, f: FieldDef): Map<string, string[]> {
    const rows = this.loadAll(def);
    const k = `${def.name}.${f.name}`.toLowerCase();
    const hit = this.uniqueIndexes.get(k);
    if (hit && hit.rows === rows && hit.rows.size === rows.size && !this.uniqueDirty.has(def.name.toLowerCase())) return hit.index;
    const index = new Map<string, string[]>();
    const l = f.name.toLowerCase();
    for (const r of rows.values()) {
      if (r.get('isdeleted') === true) continue;
      const v = r.get(l);
      if (v === null || v === undefined) continue;
      const key = uniqueKey(v, !!f.caseSensitive);
      const list = index.get(key) ?? [];
      list.push(String(r.get('id')));
      index.set(key, list);
    }
    this.uniqueIndexes.set(k, { rows, index });
    this.uniqueDirty.delete(def.name.toLowerCase());
    return index;
  }
  private uniqueDirty = new Set<string>();

  private validationRules(def: ObjectDef, rec: SObjectRecord, old: SObjectRecord | null): DmlError[] {
    const errs: DmlError[] = [];
    if (def.validationRules.length === 0) return errs;
    const row = this.rowFromRecord(def, rec);
    const oldRow = old ? this.rowFromRecord(def, old) : null;
    for (const vr of def.validationRules) {
      if (!vr.active) continue;
      let node;
      try {
        node = parseFormula(vr.errorConditionFormula);
      } catch (e) {
        throw new DataError('Unsupported', `Unsupported in the local org: ${vr.sourceFile}:${vr.sourceLine ?? 1}: validation rule ${vr.name}: ${(e as Error).message}`);
      }
      const ctx: FormulaContext = {
        field: (path) => this.pathValue(def, row, path),
        prior: (path) => (oldRow ? this.pathValue(def, oldRow, path) : null),
        isNew: !old,
        now: () => this.now(),
      };
      let fired: unknown;
      try {
        fired = evaluate(node, ctx);
      } catch (e) {
        if (e instanceof DataError) throw e;
        throw new DataError('Unsupported', `Unsupported in the local org: ${vr.sourceFile}:${vr.sourceLine ?? 1}: validation rule ${vr.name}: ${(e as Error).message}`);
      }
      if (fired === true) {
        const field = vr.errorDisplayField ? def.fields.get(vr.errorDisplayField.toLowerCase())?.name ?? vr.errorDisplayField : undefined;
        errs.push({ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: vr.errorMessage, fields: field ? [field] : [] });
      }
    }
    return errs;
  }

  private assignAutoNumber(def: ObjectDef, rec: SObjectRecord): void {
    for (const f of def.fields.values()) {
      if (f.type !== 'AutoNumber') continue;
      const key = `${def.name}.${f.name}`.toLowerCase();
      const n = this.autoNumbers.get(key) ?? (f.startingNumber ?? 1) - 1;
      this.autoNumbers.set(key, n + 1);
      rec.setRaw(f.name, formatAutoNumber(f.displayFormat ?? '{0}', n + 1, this.now()));
    }
  }

  /** Platform-derived fields: compound Name, Opportunity IsClosed/IsWon, Task and Case IsClosed, User type. */
  private deriveFields(def: ObjectDef, rec: SObjectRecord): void {
    const lower = def.name.toLowerCase();
    const nameF = def.fields.get('name');
    if (nameF && nameF.calculated && nameF.type !== 'AutoNumber' && def.fields.has('lastname')) {
      const fn = rec.fields.get('firstname');
      const ln = rec.fields.get('lastname');
      rec.setRaw('Name', [fn, ln].filter((x) => x !== null && x !== undefined && x !== '').join(' ') || null);
    }
    if (lower === 'opportunity') {
      const stage = rec.fields.get('stagename');
      const st = this.scan(this.schema.objects.get('opportunitystage')!, false).find((r) => r.get('apiname') === stage);
      rec.setRaw('IsClosed', st ? st.get('isclosed') === true : false);
      rec.setRaw('IsWon', st ? st.get('iswon') === true : false);
      if (!rec.fields.get('probability') && st && st.get('defaultprobability') !== null) rec.setRaw('Probability', st.get('defaultprobability'));
      if (st && !rec.fields.get('forecastcategoryname')) rec.setRaw('ForecastCategoryName', st.get('forecastcategoryname'));
    }
    if (lower === 'task') rec.setRaw('IsClosed', rec.fields.get('status') === 'Completed');
    if (lower === 'case') rec.setRaw('IsClosed', rec.fields.get('status') === 'Closed');
    if (lower === 'user') {
      const prof = rec.fields.get('profileid');
      const p = prof ? this.byId(String(prof)) : null;
      rec.setRaw('UserType', (p?.row.get('usertype') as string | null) ?? 'Standard');
      const contactId = rec.fields.get('contactid');
      if (contactId) {
        const c = this.byId(String(contactId));
        rec.setRaw('AccountId', c ? (c.row.get('accountid') as string | null) : null);
        rec.setRaw('IsPortalEnabled', true);
      }
    }
  }

  /**
   * Salesforce Files (Object Reference, ContentVersion): a version inserted without
   * ContentDocumentId creates its ContentDocument; with FirstPublishLocationId the document is
   * linked to that record. The owner gets a link too. VersionData (a Blob) is stored as base64.
   */
  private contentVersionBeforeWrite(rec: SObjectRecord, ctx: RunContext): { created: boolean } {
    const data = rec.fields.get('versiondata');
    const bytes = data instanceof ApexBlob ? data.bytes : typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'utf8')) : null;
    if (bytes) rec.setRaw('VersionData', Buffer.from(bytes).toString('base64'));
    const path = rec.fields.get('pathonclient');
    const m = typeof path === 'string' ? /\.([A-Za-z0-9]+)$/.exec(path) : null;
    const ext = m ? m[1]!.toLowerCase() : null;
    const fileTypes: Record<string, string> = { txt: 'TEXT', csv: 'CSV', pdf: 'PDF', png: 'PNG', jpg: 'JPG', jpeg: 'JPEG', gif: 'GIF', doc: 'WORD', docx: 'WORD_X', xls: 'EXCEL', xlsx: 'EXCEL_X', ppt: 'POWER_POINT', pptx: 'POWER_POINT_X', zip: 'ZIP', html: 'HTML', xml: 'XML', json: 'JSON' };
    rec.setRaw('FileExtension', ext);
    rec.setRaw('FileType', ext ? fileTypes[ext] ?? 'UNKNOWN' : 'UNKNOWN');
    rec.setRaw('ContentSize', Decimal.fromInteger(bytes ? bytes.length : 0));
    rec.setRaw('IsLatest', true);
    if (!rec.fields.get('title') && typeof path === 'string') rec.setRaw('Title', path.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''));
    const owner = (rec.fields.get('ownerid') as string | null) ?? ctx.userId;
    const docId = rec.fields.get('contentdocumentid') as string | null;
    if (docId) {
      // a new version of an existing document: the previous versions are no longer the latest
      const vdef = this.schema.objects.get('contentversion')!;
      for (const r of this.scan(vdef, false)) if (r.get('contentdocumentid') === docId && r.get('islatest') === true) this.updateRaw(String(r.get('id')), { IsLatest: false });
      rec.setRaw('VersionNumber', String(this.scan(vdef, false).filter((r) => r.get('contentdocumentid') === docId).length + 1));
      return { created: false };
    }
    rec.setRaw('VersionNumber', '1');
    const id = this.insertRaw('ContentDocument', { Title: rec.fields.get('title') ?? null, OwnerId: owner, CreatedById: ctx.userId, LastModifiedById: ctx.userId });
    rec.setRaw('ContentDocumentId', id);
    return { created: true };
  }

  private contentVersionAfterWrite(rec: SObjectRecord, created: boolean): void {
    const docId = String(rec.fields.get('contentdocumentid'));
    this.updateRaw(docId, {
      LatestPublishedVersionId: rec.id,
      Title: rec.fields.get('title') ?? null,
      FileExtension: rec.fields.get('fileextension') ?? null,
      FileType: rec.fields.get('filetype') ?? null,
      ContentSize: rec.fields.get('contentsize') ?? null,
    });
    if (!created) return;
    const owner = String(rec.fields.get('ownerid'));
    this.insertRaw('ContentDocumentLink', { ContentDocumentId: docId, LinkedEntityId: owner, ShareType: 'I', Visibility: 'AllUsers' });
    const loc = rec.fields.get('firstpublishlocationid') as string | null;
    if (loc && loc !== owner) this.insertRaw('ContentDocumentLink', { ContentDocumentId: docId, LinkedEntityId: loc, ShareType: 'V', Visibility: 'AllUsers' });
  }

  private deleteChunk(def: ObjectDef, chunk: SObjectRecord[], options: DmlOptions, ctx: RunContext): DmlRowResult[] {
    const errors: DmlError[][] = chunk.map(() => []);
    const olds: (SObjectRecord | null)[] = chunk.map((input, i) => {
      const id = input.id;
      const found = id ? this.byId(id, true) : null;
      if (!id || !found) {
        errors[i]!.push({ statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] });
        return null;
      }
      if (found.row.get('isdeleted') === true) {
        errors[i]!.push({ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] });
        return null;
      }
      const r = this.recordFromRow(def, found.row);
      r.readOnly = true;
      const acc = this.security.checkDmlRow('delete', def, r, r, ctx);
      if (acc) errors[i]!.push(acc);
      return r;
    });
    const live = () => chunk.map((_, i) => i).filter((i) => errors[i]!.length === 0);
    let idx = live();
    if (idx.length) {
      // Trigger.old is read-only; addError still marks the row
      const oldRows = idx.map((i) => olds[i]!);
      this.runTriggers(def, 'BEFORE_DELETE', null, oldRows, options);
      idx.forEach((i) => {
        if (olds[i]!.errors.length) errors[i]!.push(...olds[i]!.errors.splice(0));
      });
    }
    // restrict lookups
    for (const i of live()) {
      const id = olds[i]!.id!;
      const blockers: string[] = [];
      for (const child of this.schema.objects.values()) {
        for (const f of child.fields.values()) {
          if (f.type !== 'Lookup' || f.deleteConstraint !== 'Restrict' || !(f.referenceTo ?? []).some((t) => t.toLowerCase() === def.name.toLowerCase())) continue;
          const l = f.name.toLowerCase();
          for (const r of this.scan(child, false)) if (r.get(l) === id) blockers.push(String(r.get('name') ?? r.get('id')));
          if (blockers.length) {
            errors[i]!.push({
              statusCode: 'DELETE_FAILED',
              message: `Your attempt to delete ${String(olds[i]!.fields.get('name') ?? id)} could not be completed because it is associated with the following ${child.labelPlural.toLowerCase()}.: ${blockers.join(', ')}`,
              fields: [],
            });
            break;
          }
        }
        if (blockers.length) break;
      }
    }
    idx = live();
    for (const i of idx) this.softDelete(def, olds[i]!.id!, new Set());
    if (idx.length) {
      const oldRows = idx.map((i) => olds[i]!);
      this.runTriggers(def, 'AFTER_DELETE', null, oldRows, options);
      idx.forEach((i) => {
        if (olds[i]!.errors.length) errors[i]!.push(...olds[i]!.errors);
      });
      this.rollUpToParents(def, idx.map((i) => ({ now: null, old: olds[i]! })), ctx, options, (e) => idx.forEach((i) => errors[i]!.push(e)));
    }
    return chunk.map((input, i) => ({ id: input.id, success: errors[i]!.length === 0, errors: errors[i]! }));
  }

  /** Moves a row to the recycle bin; cascades to master-detail / cascade children (no triggers for children) and clears SetNull lookups. */
  private softDelete(def: ObjectDef, id: string, seen: Set<string>): void {
    if (seen.has(id)) return;
    seen.add(id);
    const found = this.byId(id, true)!;
    const row = new Map(found.row);
    row.set('isdeleted', true);
    this.writeRow(def, row, false);
    for (const child of this.schema.objects.values()) {
      for (const f of child.fields.values()) {
        if ((f.type !== 'Lookup' && f.type !== 'MasterDetail') || !(f.referenceTo ?? []).some((t) => t.toLowerCase() === def.name.toLowerCase())) continue;
        const l = f.name.toLowerCase();
        for (const r of this.scan(child, false)) {
          if (r.get(l) !== id) continue;
          if (f.type === 'MasterDetail' || f.deleteConstraint === 'Cascade') this.softDelete(child, String(r.get('id')), seen);
          else if (f.deleteConstraint === 'SetNull' || f.deleteConstraint === undefined) {
            const nr = new Map(r);
            nr.set(l, null);
            this.writeRow(child, nr, false);
            if (restoredByUndelete(child, f)) this.db.prepare('INSERT INTO _cleared_lookups (parent_id, child_object, child_id, field) VALUES (?, ?, ?, ?)').run(id, child.name.toLowerCase(), String(r.get('id')), l);
          }
        }
      }
    }
  }

  private undeleteChunk(def: ObjectDef, chunk: SObjectRecord[], options: DmlOptions, ctx: RunContext): DmlRowResult[] {
    void ctx;
    const errors: DmlError[][] = chunk.map(() => []);
    const ok: number[] = [];
    chunk.forEach((input, i) => {
      const found = input.id ? this.byId(input.id, true) : null;
      if (!found || found.row.get('isdeleted') !== true) {
        errors[i]!.push({ statusCode: 'UNDELETE_FAILED', message: 'Entity is not in the recycle bin', fields: [] });
        return;
      }
      this.undeleteCascade(def, input.id!);
      ok.push(i);
    });
    if (ok.length) {
      const rows = ok.map((i) => {
        const r = this.recordFromRow(def, this.byId(chunk[i]!.id!)!.row);
        r.readOnly = true;
        return r;
      });
      this.runTriggers(def, 'AFTER_UNDELETE', rows, null, options);
      ok.forEach((i, j) => {
        if (rows[j]!.errors.length) errors[i]!.push(...rows[j]!.errors);
      });
      this.rollUpToParents(def, rows.map((r) => ({ now: r, old: null })), ctx, options, (e) => ok.forEach((i) => errors[i]!.push(e)));
    }
    return chunk.map((input, i) => ({ id: input.id, success: errors[i]!.length === 0, errors: errors[i]! }));
  }

  private undeleteCascade(def: ObjectDef, id: string): void {
    const found = this.byId(id, true)!;
    const row = new Map(found.row);
    row.set('isdeleted', false);
    this.writeRow(def, row, false);
    this.restoreClearedLookups(id);
    for (const child of this.schema.objects.values()) {
      for (const f of child.fields.values()) {
        if (f.type !== 'MasterDetail' || !(f.referenceTo ?? []).some((t) => t.toLowerCase() === def.name.toLowerCase())) continue;
        const l = f.name.toLowerCase();
        for (const r of this.scan(child, true)) if (r.get(l) === id && r.get('isdeleted') === true) this.undeleteCascade(child, String(r.get('id')));
      }
    }
  }

  /**
   * "The undelete operation restores the record associations for ... all custom lookup
   * relationships ... Salesforce only restores lookup relationships that have not been replaced"
   * (Apex Developer Guide, Deleting Records, Referential Integrity When Deleting and Restoring Records).
   */
  private restoreClearedLookups(parentId: string): void {
    const rows = this.db.prepare('SELECT rowid AS rid, child_object, child_id, field FROM _cleared_lookups WHERE parent_id = ?').all(parentId) as { rid: number; child_object: string; child_id: string; field: string }[];
    for (const c of rows) {
      const child = this.schema.objects.get(c.child_object);
      const found = this.byId(c.child_id, true);
      if (child && found && found.def === child && (found.row.get(c.field) ?? null) === null) {
        const nr = new Map(found.row);
        nr.set(c.field, parentId);
        this.writeRow(child, nr, false);
      }
    }
    this.db.prepare('DELETE FROM _cleared_lookups WHERE parent_id = ?').run(parentId);
  }

  /** Hard delete for emptying the recycle bin (Database.emptyRecycleBin). */
  emptyRecycleBin(ids: string[]): void {
    for (const id of ids) {
      const f = this.byId(id, true);
      if (f && f.row.get('isdeleted') === true) this.db.prepare('DELETE FROM _cleared_lookups WHERE parent_id = ?').run(to18(id));
      if (f && f.row.get('isdeleted') === true) this.deleteRowHard(f.def, to18(id));
    }
  }

  // ------------------------------------------------------------------------ lead conversion

  /**
   * Database.convertLead (Apex Reference, LeadConvert Class): creates (or uses) the account,
   * contact and opportunity, marks the lead converted with the converted status. Each step is
   * DML with triggers.
   */
  convertLead(inputs: LeadConvertInput[], allOrNone: boolean, ctx: RunContext): LeadConvertResult[] {
    // one DML statement for the whole list (Apex Developer Guide, Execution Governors and Limits: convertLead counts as DML)
    this.limits?.countDmlStatement();
    this.limits?.countDmlRows(inputs.length);
    const results: LeadConvertResult[] = inputs.map((inp) => ({ leadId: inp.leadId, accountId: null, contactId: null, opportunityId: null, success: false, errors: [] }));
    let pending = inputs.map((_, i) => i);
    for (let attempt = 0; attempt < 3 && pending.length; attempt++) {
      const sp = this.setSavepoint();
      const out = this.convertAttempt(pending.map((i) => inputs[i]!), ctx);
      const failed = out.map((o, j) => ('statusCode' in o ? j : -1)).filter((j) => j >= 0);
      if (failed.length === 0) {
        this.release(sp);
        out.forEach((o, j) => {
          const r = results[pending[j]!]!;
          const ok = o as { accountId: string | null; contactId: string | null; opportunityId: string | null };
          r.accountId = ok.accountId;
          r.contactId = ok.contactId;
          r.opportunityId = ok.opportunityId;
          r.success = true;
        });
        break;
      }
      this.rollback(sp);
      this.release(sp);
      if (allOrNone) {
        const j = failed[0]!;
        throw dmlException('convertLead' as DmlOperation, [{ index: pending[j]!, id: inputs[pending[j]!]!.leadId, errors: [out[j] as DmlError] }]);
      }
      for (const j of failed) results[pending[j]!]!.errors.push(out[j] as DmlError);
      pending = pending.filter((_, j) => !failed.includes(j));
    }
    return results;
  }

  /** One bulk attempt: accounts, contacts, opportunities, then the lead update, each one DML with triggers. */
  private convertAttempt(inputs: LeadConvertInput[], ctx: RunContext): (DmlError | { accountId: string | null; contactId: string | null; opportunityId: string | null })[] {
    const leadDef = this.schema.objects.get('lead')!;
    const out: (DmlError | { accountId: string | null; contactId: string | null; opportunityId: string | null })[] = [];
    const leads: (Row | null)[] = [];
    const statuses = this.scan(this.schema.objects.get('leadstatus')!, false);
    inputs.forEach((inp) => {
      const lead = inp.leadId && isValidId(inp.leadId) ? this.byId(inp.leadId) : null;
      leads.push(lead?.row ?? null);
      if (!lead || lead.def !== leadDef) out.push({ statusCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] });
      else if (lead.row.get('isconverted') === true) out.push({ statusCode: 'INVALID_STATUS', message: 'Cannot convert a converted lead.', fields: [] });
      else if (!inp.convertedStatus) out.push({ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Status]', fields: ['Status'] });
      else {
        const st = statuses.find((r) => r.get('apiname') === inp.convertedStatus || r.get('masterlabel') === inp.convertedStatus);
        if (!st || st.get('isconverted') !== true) out.push({ statusCode: 'INVALID_STATUS', message: `invalid convertedStatus: ${inp.convertedStatus}`, fields: [] });
        else out.push({ accountId: inp.accountId ?? null, contactId: inp.contactId ?? null, opportunityId: inp.opportunityId ?? null });
      }
    });
    const ok = (i: number) => !('statusCode' in out[i]!);
    const val = (i: number) => out[i] as { accountId: string | null; contactId: string | null; opportunityId: string | null };
    const L = (i: number, f: string) => (leads[i]!.get(f) ?? null) as string | null;
    const ownerOf = (i: number) => inputs[i]!.ownerId ?? (String(L(i, 'ownerid') ?? '').startsWith('005') ? L(i, 'ownerid') : ctx.userId);
    const step = (objectName: string, idx: number[], make: (i: number) => Record<string, unknown>, set: (i: number, id: string) => void) => {
      if (!idx.length) return;
      const def = this.schema.objects.get(objectName)!;
      const recs = idx.map((i) => new SObjectRecord(def, make(i)));
      const res = this.dml('insert', recs, { allOrNone: false, internal: true }, ctx);
      res.forEach((r, j) => {
        if (r.success) set(idx[j]!, r.id!);
        else out[idx[j]!] = r.errors[0]!;
      });
    };
    const all = inputs.map((_, i) => i);
    step('account', all.filter((i) => ok(i) && !val(i).accountId), (i) => ({ Name: L(i, 'company') ?? L(i, 'lastname'), OwnerId: ownerOf(i) }), (i, id) => (val(i).accountId = id));
    step(
      'contact',
      all.filter((i) => ok(i) && !val(i).contactId),
      (i) => ({ FirstName: L(i, 'firstname'), LastName: L(i, 'lastname'), Email: L(i, 'email'), Phone: L(i, 'phone'), Title: L(i, 'title'), LeadSource: L(i, 'leadsource'), AccountId: val(i).accountId, OwnerId: ownerOf(i) }),
      (i, id) => (val(i).contactId = id)
    );
    const firstOpen = this.scan(this.schema.objects.get('opportunitystage')!, false)
      .filter((r) => r.get('isactive') === true && r.get('isclosed') !== true)
      .sort((a, b) => compareValues(a.get('sortorder'), b.get('sortorder')))[0];
    const today = msToLocalDays(this.now(), userTimeZone());
    step(
      'opportunity',
      all.filter((i) => ok(i) && !val(i).opportunityId && !inputs[i]!.doNotCreateOpportunity),
      (i) => ({
        Name: inputs[i]!.opportunityName ?? `${L(i, 'company') ?? L(i, 'lastname')}-`,
        StageName: firstOpen ? firstOpen.get('apiname') : 'Prospecting',
        CloseDate: makeDate(today + 30),
        AccountId: val(i).accountId,
        OwnerId: ownerOf(i),
        LeadSource: L(i, 'leadsource'),
      }),
      (i, id) => (val(i).opportunityId = id)
    );
    const upd = all.filter(ok);
    if (upd.length) {
      const recs = upd.map(
        (i) =>
          new SObjectRecord(leadDef, {
            Id: inputs[i]!.leadId,
            Status: statuses.find((r) => r.get('apiname') === inputs[i]!.convertedStatus || r.get('masterlabel') === inputs[i]!.convertedStatus)!.get('apiname'),
            IsConverted: true,
            ConvertedAccountId: val(i).accountId,
            ConvertedContactId: val(i).contactId,
            ConvertedOpportunityId: val(i).opportunityId,
            ConvertedDate: makeDate(today),
            ...(inputs[i]!.ownerId ? { OwnerId: inputs[i]!.ownerId } : {}),
          })
      );
      const res = this.dml('update', recs, { allOrNone: false, internal: true, systemFields: true }, { ...ctx, accessLevel: 'SYSTEM_MODE' });
      res.forEach((r, j) => {
        if (!r.success) out[upd[j]!] = r.errors[0]!;
      });
    }
    return out;
  }

  // ------------------------------------------------------------------------ direct writes (seed, test setup)

  /** Inserts a record without triggers, validation or access checks (standard data, Test.setCreatedDate...). */
  insertRaw(objectName: string, values: Record<string, unknown>): string {
    const def = resolveObject(this.schema, objectName);
    const rec = new SObjectRecord(def);
    for (const [k, v] of Object.entries(values)) rec.setRaw(k, v);
    const now = this.now();
    const id = rec.id ?? this.ids.next(def.keyPrefix);
    rec.setRaw('Id', id);
    for (const [k, v] of [
      ['CreatedDate', makeDatetime(now)],
      ['LastModifiedDate', makeDatetime(now)],
      ['SystemModstamp', makeDatetime(now)],
      ['IsDeleted', false],
    ] as [string, unknown][]) if (!rec.fields.has(k.toLowerCase())) rec.setRaw(k, v);
    for (const f of def.fields.values()) {
      const l = f.name.toLowerCase();
      if (!rec.fields.has(l) && f.defaultValue !== undefined && stored(f)) {
        rec.setRaw(f.name, this.coerce(f, evaluate(parseFormula(f.defaultValue), { field: () => null })));
      }
    }
    if (this.seeded?.adminUserId) {
      if (!rec.fields.has('createdbyid')) rec.setRaw('CreatedById', this.seeded.adminUserId);
      if (!rec.fields.has('lastmodifiedbyid')) rec.setRaw('LastModifiedById', this.seeded.adminUserId);
      if (def.fields.has('ownerid') && !rec.fields.get('ownerid')) rec.setRaw('OwnerId', this.seeded.adminUserId);
    }
    this.deriveFields(def, rec);
    this.assignAutoNumberIfMissing(def, rec);
    this.writeRow(def, this.rowFromRecord(def, rec), true);
    return id;
  }
  private assignAutoNumberIfMissing(def: ObjectDef, rec: SObjectRecord): void {
    for (const f of def.fields.values()) if (f.type === 'AutoNumber' && !rec.fields.get(f.name.toLowerCase())) this.assignAutoNumber(def, rec);
  }

  /** Every live row of an object, without access checks (platform bookkeeping). */
  rawRows(objectName: string): Row[] {
    return this.scan(resolveObject(this.schema, objectName), false);
  }

  /** Removes a row without DML (platform bookkeeping: System.abortJob removes a CronTrigger). */
  deleteRaw(id: string): void {
    const f = this.byId(id, true);
    if (!f) throw new DataError('System.IllegalArgumentException', `no record with id ${id}`);
    this.deleteRowHard(f.def, String(f.row.get('id')));
  }

  /** Sets stored fields of an existing row without DML (Test.setCreatedDate, platform bookkeeping). */
  updateRaw(id: string, values: Record<string, unknown>): void {
    const f = this.byId(id, true);
    if (!f) throw new DataError('System.IllegalArgumentException', `no record with id ${id}`);
    const row = new Map(f.row);
    for (const [k, v] of Object.entries(values)) {
      if (!f.def.fields.has(k.toLowerCase())) throw new DataError('System.SObjectException', `Invalid field ${k} for ${f.def.name}`);
      row.set(k.toLowerCase(), v);
    }
    this.writeRow(f.def, row, false);
  }

  // ------------------------------------------------------------------------ standard data

  private seed(): void {
    const s = this.schema;
    const tz = 'America/Los_Angeles';
    const orgId = this.insertRaw('Organization', { Name: 'Local Org', IsSandbox: false, OrganizationType: 'Developer Edition', TimeZoneSidKey: tz, DefaultLocaleSidKey: 'en_US', LanguageLocaleKey: 'en_US', NamespacePrefix: s.namespace || null, InstanceName: 'LOCAL' });
    const licenses = new Map<string, string>();
    const lic = (name: string, key: string) => {
      const id = this.insertRaw('UserLicense', { Name: name, MasterLabel: name, LicenseDefinitionKey: key, Status: 'Active' });
      licenses.set(name, id);
    };
    lic('Salesforce', 'SFDC');
    lic('Customer Community', 'PID_Customer_Community');
    lic('Customer Community Login', 'PID_Customer_Community_Login');
    lic('Customer Community Plus', 'PID_Customer_Community_Plus');
    lic('Guest User License', 'PID_Guest_User');
    const profiles = new Map<string, string>();
    for (const p of s.profiles.values()) {
      const up = p.userPermissions;
      const id = this.insertRaw('Profile', {
        Name: p.name,
        UserType: p.userType ?? 'Standard',
        UserLicenseId: licenses.get(p.license ?? 'Salesforce') ?? licenses.get('Salesforce'),
        PermissionsModifyAllData: up.has('ModifyAllData'),
        PermissionsViewAllData: up.has('ViewAllData'),
        PermissionsApiEnabled: up.has('ApiEnabled'),
        PermissionsEditTask: up.has('EditTask'),
        PermissionsCustomizeApplication: up.has('CustomizeApplication'),
      });
      profiles.set(p.name.toLowerCase(), id);
      const profileSetId = this.insertRaw('PermissionSet', { Name: `X00e${id.slice(3, 15)}`, Label: p.name, IsOwnedByProfile: true, ProfileId: id, PermissionsModifyAllData: up.has('ModifyAllData'), PermissionsViewAllData: up.has('ViewAllData') });
      this.seedObjectPermissions(profileSetId, p.objectPermissions);
    }
    const permissionSets = new Map<string, string>();
    for (const p of s.permissionSets.values()) {
      const setId = this.insertRaw('PermissionSet', { Name: p.name, Label: p.label, IsOwnedByProfile: false, NamespacePrefix: s.namespace || null, PermissionsModifyAllData: p.userPermissions.has('ModifyAllData'), PermissionsViewAllData: p.userPermissions.has('ViewAllData') });
      permissionSets.set(p.name.toLowerCase(), setId);
      this.seedObjectPermissions(setId, p.objectPermissions);
    }
    const adminUserId = this.insertRaw('User', {
      Username: 'admin@local-org.test',
      LastName: 'Admin',
      FirstName: 'Local',
      Email: 'admin@local-org.test',
      Alias: 'ladmin',
      TimeZoneSidKey: tz,
      LocaleSidKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      LanguageLocaleKey: 'en_US',
      ProfileId: profiles.get('system administrator'),
      IsActive: true,
      CommunityNickname: 'ladmin',
    });
    this.seeded.orgId = orgId;
    this.seeded.adminUserId = adminUserId;
    this.seeded.profiles = profiles;
    this.seeded.permissionSets = permissionSets;
    // rows created before the admin existed are owned/created by the admin too
    for (const def of this.schema.objects.values()) {
      for (const r of this.scan(def, true)) {
        if (r.get('createdbyid')) continue;
        const nr = new Map(r);
        nr.set('createdbyid', adminUserId);
        nr.set('lastmodifiedbyid', adminUserId);
        if (def.fields.has('ownerid')) nr.set('ownerid', adminUserId);
        this.writeRow(def, nr, false);
      }
    }
    // Automated Process user (platform events, some async work)
    this.seeded.automatedProcessUserId = this.insertRaw('User', {
      Username: 'autoproc@local-org.test',
      LastName: 'Automated Process',
      Email: 'autoproc@local-org.test',
      Alias: 'autoproc',
      TimeZoneSidKey: tz,
      LocaleSidKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      LanguageLocaleKey: 'en_US',
      ProfileId: profiles.get('system administrator'),
      IsActive: true,
      CommunityNickname: 'autoproc',
    });
    // Sites, networks and their guest users
    for (const n of s.networks ?? []) this.insertRaw('Network', { Name: n.name, Status: n.status ?? 'Live', UrlPathPrefix: n.urlPathPrefix ?? null });
    const guestProfile = [...s.profiles.values()].find((p) => p.userType === 'Guest');
    for (const site of s.sites ?? []) {
      let guestId: string | null = null;
      if (guestProfile) {
        guestId = this.insertRaw('User', {
          Username: `${site.name.toLowerCase()}@guest.local-org.test`,
          LastName: `${site.label} Site Guest User`,
          Email: `${site.name.toLowerCase()}@guest.local-org.test`,
          Alias: 'guest',
          TimeZoneSidKey: tz,
          LocaleSidKey: 'en_US',
          EmailEncodingKey: 'UTF-8',
          LanguageLocaleKey: 'en_US',
          ProfileId: profiles.get(guestProfile.name.toLowerCase()),
          IsActive: true,
          CommunityNickname: `guest_${site.name}`.slice(0, 40),
        });
        this.seeded.guestUserId = this.seeded.guestUserId ?? guestId;
      }
      const siteId = this.insertRaw('Site', { Name: site.name, MasterLabel: site.label, Status: 'Active', UrlPathPrefix: site.urlPathPrefix ?? null, SiteType: site.siteType ?? 'ChatterNetwork', GuestUserId: guestId });
      this.insertRaw('SiteDetail', { DurableId: siteId.slice(0, 15), SecureUrl: `https://local-org.my.site.com/${site.urlPathPrefix ?? ''}`, IsActive: true });
    }
    // Opportunity stages and lead statuses of a new org
    const stages: [string, boolean, boolean, number, string][] = [
      ['Prospecting', false, false, 10, 'Pipeline'],
      ['Qualification', false, false, 10, 'Pipeline'],
      ['Needs Analysis', false, false, 20, 'Pipeline'],
      ['Value Proposition', false, false, 50, 'Pipeline'],
      ['Id. Decision Makers', false, false, 60, 'Pipeline'],
      ['Perception Analysis', false, false, 70, 'Pipeline'],
      ['Proposal/Price Quote', false, false, 75, 'Pipeline'],
      ['Negotiation/Review', false, false, 90, 'Pipeline'],
      ['Closed Won', true, true, 100, 'Closed'],
      ['Closed Lost', true, false, 0, 'Omitted'],
    ];
    stages.forEach(([n, closed, won, prob, fc], i) =>
      this.insertRaw('OpportunityStage', { ApiName: n, MasterLabel: n, IsActive: true, IsClosed: closed, IsWon: won, SortOrder: Decimal.fromInteger(i + 1), DefaultProbability: Decimal.fromInteger(prob), ForecastCategoryName: fc })
    );
    const statuses: [string, boolean, boolean][] = [
      ['Open - Not Contacted', false, true],
      ['Working - Contacted', false, false],
      ['Closed - Converted', true, false],
      ['Closed - Not Converted', false, false],
    ];
    statuses.forEach(([n, conv, dflt], i) => this.insertRaw('LeadStatus', { ApiName: n, MasterLabel: n, IsConverted: conv, IsDefault: dflt, SortOrder: Decimal.fromInteger(i + 1) }));
    this.insertRaw('CurrencyType', { IsoCode: 'USD', ConversionRate: Decimal.ONE, DecimalPlaces: Decimal.fromInteger(2), IsActive: true, IsCorporate: true });
    for (const sr of s.staticResources.values()) {
      this.insertRaw('StaticResource', { Name: sr.name, ContentType: sr.contentType, Body: sr.body.toString('base64'), BodyLength: Decimal.fromInteger(sr.body.length), NamespacePrefix: s.namespace || null, CacheControl: 'Private' });
    }
    for (const t of s.emailTemplates.values()) {
      this.insertRaw('EmailTemplate', { Name: t.developerName.replace(/_/g, ' '), DeveloperName: t.developerName, Subject: t.subject, Body: t.body || null, HtmlValue: t.htmlValue ?? null, IsActive: true, TemplateType: t.htmlValue ? 'custom' : 'text', FolderName: t.folder, NamespacePrefix: s.namespace || null });
    }
    for (const n of s.customNotificationTypes.values()) {
      this.insertRaw('CustomNotificationType', { DeveloperName: n.developerName, CustomNotifTypeName: n.developerName.replace(/_/g, ' '), MasterLabel: n.developerName.replace(/_/g, ' '), Desktop: true, Mobile: true, NamespacePrefix: s.namespace || null });
    }
    for (const a of s.apexSources) if (a.kind === 'class') this.insertRaw('ApexClass', { Name: a.name, NamespacePrefix: s.namespace || null, Status: 'Active', IsValid: true });
    this.db.exec('COMMIT');
    this.db.exec('BEGIN');
  }

  /** FeatureManagement.checkPermission: a custom permission from the user's profile or permission sets. */
  hasCustomPermission(userId: string, name: string): boolean {
    const a = this.security.access(userId);
    const n = name.toLowerCase();
    return [a.profile, ...a.sets].some((p) => !!p && p.customPermissions.has(n));
  }

  /** Test.setCreatedDate(recordId, createdDatetime). */
  setCreatedDate(id: string, createdDate: unknown): void {
    this.updateRaw(id, { CreatedDate: createdDate });
  }

  /**
   * The Experience Cloud site serving the current request, or null: the local org serves no site
   * request by itself (tests, anonymous Apex); the preview sets it for the requests of its site's
   * guest and portal users, one transaction at a time.
   */
  runningSite: RunningSite | null = null;

  /**
   * Site.createExternalUser(user, accountId[, password[, sendEmailConfirmation]]).
   * Outside a running site (Site.getSiteId() is null) no user is created and null is returned
   * (not verified against a documented platform outcome for tests; callers must handle a null id).
   * On a running site, as the Apex reference's Site class describes it: the user's email finds a
   * matching contact on the account; a contact already used by an external user refuses the
   * registration, an unused one becomes the user's contact, and without a match a new contact is
   * created on the account; CommunityNickname is required; a failure throws
   * Site.ExternalUserCreateException. The user gets the site's self-registration profile. The
   * local org keeps no passwords: the password is not stored.
   */
  createExternalUser(args: unknown[], ctx: RunContext): string | null {
    void ctx;
    const site = this.runningSite;
    if (!site) return null;
    const fail = (message: string): never => {
      throw new DataError('Site.ExternalUserCreateException', message);
    };
    const user = args[0] as { get?: (f: string) => unknown; fields?: Map<string, unknown> } | null;
    const accountId = args[1] == null ? null : to18(String(args[1]));
    if (!user || (typeof user.get !== 'function' && !(user.fields instanceof Map))) return fail('The user to create is missing.');
    const field = (name: string): string | null => {
      const v = typeof user.get === 'function' ? user.get(name) : user.fields!.get(name);
      return v == null || v === '' ? null : String(v);
    };
    const email = field('email');
    const lastName = field('lastname');
    const nickname = field('communitynickname');
    if (!nickname) return fail('The nickname field is required for the user.');
    if (!email || !lastName) return fail('The user needs an email and a last name.');
    if (!accountId || !this.db.prepare('SELECT 1 FROM "o_account" WHERE id = ? AND ("f_isdeleted" IS NULL OR "f_isdeleted" = 0)').get(accountId))
      return fail('The account to associate the user with does not exist.');
    const profileId = site.selfRegProfile ? this.seeded.profiles.get(site.selfRegProfile.toLowerCase()) : undefined;
    if (!profileId) return fail(`The site ${site.name} has no self-registration profile in this org.`);
    const username = field('username') ?? email;
    if (this.db.prepare('SELECT 1 FROM "o_user" WHERE lower("f_username") = lower(?)').get(username)) return fail('User already exists.');
    if (this.db.prepare('SELECT 1 FROM "o_user" WHERE lower("f_communitynickname") = lower(?)').get(nickname)) return fail('That nickname already exists. Enter a unique nickname.');
    const match = this.db
      .prepare('SELECT id FROM "o_contact" WHERE "f_accountid" = ? AND lower("f_email") = lower(?) AND ("f_isdeleted" IS NULL OR "f_isdeleted" = 0) ORDER BY _seq LIMIT 1')
      .get(accountId, email) as { id: string } | undefined;
    let contactId: string;
    if (match) {
      if (this.db.prepare('SELECT 1 FROM "o_user" WHERE "f_contactid" = ?').get(match.id)) return fail('The contact with this email is already used by an external user.');
      contactId = match.id;
    } else {
      contactId = this.insertRaw('Contact', { AccountId: accountId, FirstName: field('firstname'), LastName: lastName, Email: email });
    }
    return this.insertRaw('User', {
      Username: username,
      Email: email,
      FirstName: field('firstname'),
      LastName: lastName,
      Alias: (field('alias') ?? nickname).slice(0, 8),
      CommunityNickname: nickname,
      ContactId: contactId,
      ProfileId: profileId,
      TimeZoneSidKey: field('timezonesidkey') ?? 'America/Los_Angeles',
      LocaleSidKey: field('localesidkey') ?? 'en_US',
      EmailEncodingKey: field('emailencodingkey') ?? 'UTF-8',
      LanguageLocaleKey: field('languagelocalekey') ?? 'en_US',
      IsActive: true,
    });
  }

  /**
   * Site.login(username, password, startUrl) on the running site: the page that signs the user in
   * and opens startUrl (null when no active user has that username, as a failed login). Outside a
   * running site there is no site to sign in to: unsupported.
   */
  siteLogin(username: unknown, startUrl: unknown): string | null | undefined {
    const site = this.runningSite;
    if (!site) return undefined;
    const user = this.db.prepare('SELECT id FROM "o_user" WHERE lower("f_username") = lower(?) AND "f_isactive" = 1').get(String(username ?? '')) as { id: string } | undefined;
    if (!user) return null;
    return site.loginUrl(user.id, startUrl == null ? '/' : String(startUrl));
  }

  /** Creates a user with the named profile (tests: a stand-in for `new User(...)` + insert, without DML limits). */
  createUser(profileName: string, values: Record<string, unknown> = {}): string {
    const pid = this.seeded.profiles.get(profileName.toLowerCase());
    if (!pid) throw new DataError('System.QueryException', `List has no rows for assignment to SObject (no profile named ${profileName})`);
    const n = this.ids.next('zzz').slice(5, 15);
    return this.insertRaw('User', {
      Username: `user${n}@local-org.test`,
      LastName: `User ${n}`,
      Email: `user${n}@local-org.test`,
      Alias: `u${n}`.slice(0, 8),
      TimeZoneSidKey: 'America/Los_Angeles',
      LocaleSidKey: 'en_US',
      EmailEncodingKey: 'UTF-8',
      LanguageLocaleKey: 'en_US',
      ProfileId: pid,
      IsActive: true,
      ...values,
    });
  }
}

function convertError(statusCode: string, message: string): Error {
  const e = new DataError('System.DmlException', message) as DataError & { convert?: DmlError };
  e.convert = { statusCode, message, fields: [] };
  return e;
}

export function dmlException(op: DmlOperation, rows: { index: number; id: string | null; errors: DmlError[] }[]): DataError {
  const first = rows[0]!;
  const msg = op === ('convertLead' as DmlOperation) ? `ConvertLead failed. First exception on row ${first.index}; first error: ${first.errors[0]!.statusCode}, ${first.errors[0]!.message}: [${first.errors[0]!.fields.join(', ')}]` : dmlExceptionMessage(op, first.index, first.id, first.errors[0]!);
  return new DataError('System.DmlException', msg, rows);
}

function uniqueKey(v: unknown, caseSensitive: boolean): string {
  const n = norm(v);
  if (n.k === 'str') return 's:' + (caseSensitive ? n.v : n.v.toLowerCase());
  if (n.k === 'num') return 'n:' + n.v.stripTrailingZeros().toString();
  return n.k + ':' + String((n as { v: unknown }).v);
}

function formatAutoNumber(fmt: string, n: number, now: number): string {
  const d = new Date(now);
  return fmt
    .replace(/\{(0+)\}/g, (_, zeros: string) => String(n).padStart(zeros.length, '0'))
    .replace(/\{YYYY\}/g, String(d.getUTCFullYear()))
    .replace(/\{YY\}/g, String(d.getUTCFullYear()).slice(2))
    .replace(/\{MM\}/g, String(d.getUTCMonth() + 1).padStart(2, '0'))
    .replace(/\{DD\}/g, String(d.getUTCDate()).padStart(2, '0'));
}

/** The lookups whose association undelete restores: every custom lookup and the standard ones the guide lists. */
const RESTORED_STANDARD_LOOKUPS = new Set(['account.parentid', 'case.parentid', 'contact.reportstoid', 'asset.product2id', 'quote.opportunityid']);
function restoredByUndelete(child: ObjectDef, f: FieldDef): boolean {
  return f.name.toLowerCase().endsWith('__c') || RESTORED_STANDARD_LOOKUPS.has(`${child.name}.${f.name}`.toLowerCase());
}
