// The running transaction: running user, limits, trigger context, async queues, the test
// context, and the bridge to the data layer (SOQL, DML, savepoints, lead conversion).
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Expr, Stmt } from './ast.js';
import type { RunContext, TriggerEvent, TriggerRunner } from '../contracts.js';
import { ApexEnum, ApexError, ApexList, ApexMap, ApexObject, ApexSet, UnsupportedError, apexToString } from './runtime.js';
import { isSObject, sobjGet, sobjTypeName, newSObject } from './sobjects.js';

function newSObjectFor(def: any): any {
  return newSObject(def.name);
}
import type { Frame, Interpreter } from './interpreter.js';
import { Scope } from './interpreter.js';
import { NativeObj } from './builtins.js';
import { applyDefaults } from './system/schema.js';
import * as V from './values/index.js';

export const LIMITS = {
  queries: 100,
  queryRows: 50000,
  dmlStatements: 150,
  dmlRows: 10000,
  queueableJobs: 50,
  emailInvocations: 10,
  futureCalls: 50,
  callouts: 100,
  cpuTime: 10000,
  heapSize: 6000000,
  soslQueries: 20,
  aggregateQueries: 300,
  mobilePushApexCalls: 10,
  publishImmediateDML: 150
};

export class LimitsState {
  queries = 0;
  queryRows = 0;
  dmlStatements = 0;
  dmlRows = 0;
  queueableJobs = 0;
  emailInvocations = 0;
  futureCalls = 0;
}

interface TriggerFrame {
  event: TriggerEvent;
  objectName: string;
  newRows: any[] | null;
  oldRows: any[] | null;
}

export interface AsyncJob {
  kind: 'queueable' | 'batch' | 'future' | 'schedulable' | 'finalizer';
  target: ApexObject | null;
  method?: { cls: any; m: any; args: any[] };
  scope?: number;
  id: string;
}

let jobSeq = 0;

export class ApexContext {
  limits = new LimitsState();
  userId = '';
  userStack: string[] = [];
  triggerStack: TriggerFrame[] = [];
  inTest = false;
  testStarted = false;
  testStopped = false;
  asyncQueue: AsyncJob[] = [];
  asyncMode: 'SYNCHRONOUS' | 'QUEUEABLE' | 'BATCH_APEX' | 'FUTURE' | 'SCHEDULED' = 'SYNCHRONOUS';
  currentQueueable: { chained: number } | null = null;
  finalizers: ApexObject[] = [];
  sentEmails: any[] = [];
  notifications: any[] = [];
  createdDates = new Map<string, any>();
  emailDeliverability = true;

  constructor(private I: Interpreter) {}

  // ------------------------------------------------------------------ user

  quiddity(): string {
    return this.inTest && this.asyncMode === 'SYNCHRONOUS' ? 'RUNTEST_SYNC' : this.asyncMode;
  }

  userIdNow(): string {
    return this.userStack.length ? this.userStack[this.userStack.length - 1] : this.userId;
  }

  runContext(accessLevel: 'USER_MODE' | 'SYSTEM_MODE' = 'SYSTEM_MODE'): RunContext {
    const f = this.I.stack[this.I.stack.length - 1];
    return {
      userId: this.userIdNow(),
      accessLevel,
      sharing: this.I.currentSharing(),
      location: f ? { file: f.file, line: f.line } : undefined
    };
  }

  userId_(): string {
    return this.userIdNow();
  }

  userIdFn(): string {
    return this.userIdNow();
  }

  userIdValue(): string {
    return this.userIdNow();
  }

  userIdGetter(): string {
    return this.userIdNow();
  }

  userId2(): string {
    return this.userIdNow();
  }

  userRecord(): any {
    const org = this.I.org;
    if (org && typeof org.byId === 'function') {
      const hit = org.byId(this.userIdNow());
      if (hit) return org.recordFromRow(hit.def, hit.row);
    }
    return null;
  }

  userInfo(lname: string, args: any[]): any {
    const u = this.userRecord();
    const field = (n: string): any => (u ? sobjGet(u, n) : null);
    switch (lname) {
      case 'getuserid':
        return this.userIdNow();
      case 'getname':
        return field('name') ?? [field('firstname'), field('lastname')].filter(Boolean).join(' ');
      case 'getfirstname':
        return field('firstname');
      case 'getlastname':
        return field('lastname');
      case 'getusername':
        return field('username');
      case 'getuseremail':
        return field('email');
      case 'getusertype':
        return field('usertype') ?? 'Standard';
      case 'getprofileid':
        return field('profileid');
      case 'getuserroleid':
        return field('userroleid');
      case 'getdefaultcurrency':
        return field('defaultcurrencyisocode') ?? 'USD';
      case 'ismulticurrencyorganization':
        return false;
      case 'getorganizationid':
        return this.I.org?.seeded?.orgId ?? '00D000000000001AAA';
      case 'getorganizationname':
        return 'Local Org';
      case 'gettimezone':
        return new NativeObj('TimeZone', { id: V.getUserTimeZone() });
      case 'getlocale':
        return field('localesidkey') ?? 'en_US';
      case 'getlanguage':
        return field('languagelocalekey') ?? 'en_US';
      case 'iscurrentuserlicensed':
        return false;
      case 'getsessionid':
        return null;
    }
    void args;
    return this.I.unsupported(`UserInfo.${lname}`);
  }

  hasAccess(obj: string, field: string | null, kind: 'read' | 'create' | 'edit' | 'delete'): boolean {
    const org = this.I.org;
    if (org && org.security) {
      const def = this.I.schemaObject(obj.toLowerCase()) as any;
      const op = org.security.objectPermission(this.userIdNow(), def);
      const objOk = kind === 'read' ? op.allowRead : kind === 'create' ? op.allowCreate : kind === 'edit' ? op.allowEdit : op.allowDelete;
      if (!field || !objOk) return !!objOk;
      const fd = def.fields.get(field.toLowerCase());
      if (!fd) return false;
      const fa = org.security.fieldAccess(this.userIdNow(), def, fd);
      return kind === 'read' ? fa.readable : fa.editable;
    }
    return this.I.unsupported('describe access checks (no data layer)');
  }

  hasCustomPermission(name: string): boolean {
    const org = this.I.org;
    if (org && typeof org.hasCustomPermission === 'function') return org.hasCustomPermission(this.userIdNow(), name);
    return false;
  }

  runAs(user: any, fn: () => any): any {
    if (!this.inTest) this.I.unsupported('System.runAs outside a test');
    const id = isSObject(user) ? sobjGet(user, 'id') : user;
    if (!id) this.I.throwSystem('System.InvalidParameterValueException', 'System.runAs requires a user with an Id');
    // entering System.runAs counts one DML statement (Apex Developer Guide, Using the runAs Method)
    this.countDmlStatement();
    this.userStack.push(id);
    const org = this.I.org;
    if (org && typeof org.enterRunAs === 'function') org.enterRunAs(id);
    try {
      return fn();
    } finally {
      this.userStack.pop();
      if (org && typeof org.exitRunAs === 'function') org.exitRunAs();
    }
  }

  // ------------------------------------------------------------------ limits

  private over(what: string, n: number, limit: number): void {
    if (n > limit) this.I.throwSystem('System.LimitException', `Too many ${what}: ${n}`);
  }

  countQuery(): void {
    this.limits.queries++;
    this.over('SOQL queries', this.limits.queries, LIMITS.queries);
  }
  countQueryRows(n: number): void {
    this.limits.queryRows += n;
    this.over('query rows', this.limits.queryRows, LIMITS.queryRows);
  }
  countDmlStatement(): void {
    this.limits.dmlStatements++;
    this.over('DML statements', this.limits.dmlStatements, LIMITS.dmlStatements);
  }
  countDmlRows(n: number): void {
    this.limits.dmlRows += n;
    this.over('DML rows', this.limits.dmlRows, LIMITS.dmlRows);
  }

  limitsApi(): any {
    return {
      countQuery: () => this.countQuery(),
      countQueryRows: (n: number) => this.countQueryRows(n),
      countDmlStatement: () => this.countDmlStatement(),
      countDmlRows: (n: number) => this.countDmlRows(n)
    };
  }

  limits_(lname: string): any {
    return this.limitsCall(lname);
  }

  limitsCall(lname: string): any {
    const L = this.limits;
    switch (lname) {
      case 'getqueries':
        return L.queries;
      case 'getlimitqueries':
        return LIMITS.queries;
      case 'getqueryrows':
        return L.queryRows;
      case 'getlimitqueryrows':
        return LIMITS.queryRows;
      case 'getdmlstatements':
        return L.dmlStatements;
      case 'getlimitdmlstatements':
        return LIMITS.dmlStatements;
      case 'getdmlrows':
        return L.dmlRows;
      case 'getlimitdmlrows':
        return LIMITS.dmlRows;
      case 'getqueueablejobs':
        return L.queueableJobs;
      case 'getlimitqueueablejobs':
        // an asynchronous transaction may add one job (Apex Developer Guide, Execution Governors and Limits)
        return this.asyncMode === 'SYNCHRONOUS' ? LIMITS.queueableJobs : 1;
      case 'getemailinvocations':
        return L.emailInvocations;
      case 'getlimitemailinvocations':
        return LIMITS.emailInvocations;
      case 'getfuturecalls':
        return L.futureCalls;
      case 'getlimitfuturecalls':
        return LIMITS.futureCalls;
      case 'getcputime':
        return 0;
      case 'getlimitcputime':
        return LIMITS.cpuTime;
      case 'getheapsize':
        return 0;
      case 'getlimitheapsize':
        return LIMITS.heapSize;
      case 'getcallouts':
        return 0;
      case 'getlimitcallouts':
        return LIMITS.callouts;
      case 'getaggregatequeries':
        return 0;
      case 'getlimitaggregatequeries':
        return LIMITS.aggregateQueries;
    }
    return this.I.unsupported(`Limits.${lname}`);
  }

  limitsFn(lname: string, args: any[]): any {
    void args;
    return this.limitsCall(lname);
  }

  // `limits` is both the state and the Limits class entry point
  // eslint-disable-next-line @typescript-eslint/member-ordering
  limitsEntry = (lname: string, args: any[]): any => this.limitsFn(lname, args);

  // ------------------------------------------------------------------ triggers

  triggerVar(lname: string): any {
    const t = this.triggerStack[this.triggerStack.length - 1];
    if (!t) {
      if (lname === 'isexecuting') return false;
      return null;
    }
    const ev = t.event;
    const listOf = (rows: any[] | null): any => (rows ? new ApexList({ name: t.objectName, lname: t.objectName.toLowerCase(), args: [] }, rows) : null);
    const mapOf = (rows: any[] | null): any => {
      if (!rows) return null;
      const m = new ApexMap({ name: 'Id', lname: 'id', args: [] }, { name: t.objectName, lname: t.objectName.toLowerCase(), args: [] });
      for (const r of rows) m.put(sobjGet(r, 'id'), r);
      return m;
    };
    switch (lname) {
      case 'new':
        return listOf(t.newRows);
      case 'old':
        return listOf(t.oldRows);
      case 'newmap':
        return ev === 'BEFORE_INSERT' ? null : mapOf(t.newRows);
      case 'oldmap':
        return mapOf(t.oldRows);
      case 'isbefore':
        return ev.startsWith('BEFORE');
      case 'isafter':
        return ev.startsWith('AFTER');
      case 'isinsert':
        return ev.endsWith('INSERT');
      case 'isupdate':
        return ev.endsWith('_UPDATE');
      case 'isdelete':
        return ev.endsWith('DELETE') && !ev.endsWith('UNDELETE');
      case 'isundelete':
        return ev.endsWith('UNDELETE');
      case 'isexecuting':
        return true;
      case 'operationtype':
        return this.I.builtins.enumValue('triggeroperation', ev);
      case 'size':
        return (t.newRows ?? t.oldRows ?? []).length;
    }
    return this.I.unsupported(`Trigger.${lname}`);
  }

  triggerRunner(): TriggerRunner {
    return {
      runTriggers: (objectName, event, newRows, oldRows) => this.runTriggers(objectName, event, newRows, oldRows)
    };
  }

  runTriggers(objectName: string, event: TriggerEvent, newRows: any[] | null, oldRows: any[] | null): void {
    const name = objectName.toLowerCase();
    for (const t of this.I.triggers) {
      if (t.object.toLowerCase() !== name && t.object.toLowerCase() !== name.replace(/^[a-z0-9]+__(?=.*__c$)/, '')) continue;
      if (!t.events.includes(event)) continue;
      this.triggerStack.push({ event, objectName, newRows, oldRows });
      const cls = this.triggerClass(t);
      const frame: Frame = { self: null, cls, scope: new Scope(null), method: '<trigger>', line: t.line, col: 1, file: t.file, sharing: undefined };
      this.I.stack.push(frame);
      const depth = this.I.stack.length;
      let failed = false;
      try {
        this.I.exec(t.body, frame);
      } catch (e) {
        // An unhandled exception in a trigger fails the rows of the chunk with
        // CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY (the DML caller sees a DmlException);
        // LimitException is not catchable and ends the transaction.
        const ae = e instanceof ApexError ? e : this.I.toApexError(e);
        if (!ae || ae.ex.cls.name === 'System.LimitException') throw ae ?? e;
        const rows = newRows ?? oldRows ?? [];
        const ev = event.toLowerCase().replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase());
        const msg = `${t.name}: execution of ${ev}\n\ncaused by: ${ae.ex.cls.name}: ${ae.ex.f.get('$message') ?? ''}\n\n${ae.ex.f.get('$stack') ?? ''}`;
        for (const r of rows) if (Array.isArray(r.errors)) r.errors.push({ statusCode: 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', message: msg, fields: [] });
        this.I.stack.length = depth;
        failed = true;
      } finally {
        this.I.stack.pop();
        this.triggerStack.pop();
      }
      // the exception ends this chunk's trigger execution
      if (failed) return;
    }
  }

  triggerClasses = new Map<string, any>();
  triggerClass(t: any): any {
    let c = this.triggerClasses.get(t.name);
    if (!c) {
      c = this.I.registerClass(t.members, null);
      this.I.classes.delete(t.members.lname);
      c.name = t.name;
      this.triggerClasses.set(t.name, c);
    }
    return c;
  }

  noteAddError(r: any): void {
    void r;
  }

  // ------------------------------------------------------------------ SOQL

  /**
   * The binds of one query execution. Each bind expression is evaluated once per execution, as on
   * the platform, before any row is read and however many rows (or child subqueries) the query
   * compares it with: a bind that calls a method runs that method once (Apex Developer Guide, "Using
   * Apex Variables in SOQL and SOSL Queries").
   */
  bindResolver(binds: Record<string, Expr>, f: Frame): (name: string) => any {
    const values = new Map<Expr, unknown>();
    // all of them, in the order they appear, before any row is read
    for (const e of Object.values(binds)) values.set(e, this.I.eval(e, f));
    return (name: string) => {
      const e = binds[name] ?? Object.entries(binds).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
      if (!e) this.I.unsupported(`SOQL bind :${name}`);
      if (!values.has(e)) values.set(e, this.I.eval(e, f));
      return values.get(e);
    };
  }

  requireOrg(what: string): any {
    const org = this.I.org;
    if (!org) this.I.unsupported(`${what} (no data layer)`);
    return org;
  }

  inlineSoql(e: Extract<Expr, { k: 'soql' }>, f: Frame): any {
    const org = this.requireOrg('SOQL');
    const mode = /\bWITH\s+USER_MODE\b/i.test(e.text) ? 'USER_MODE' : 'SYSTEM_MODE';
    if (process.env.LOCAL_ORG_DEBUG === 'soql') console.error(`SOQL #${this.limits.queries + 1} at ${this.I.where()}: ${e.text.replace(/\s+/g, ' ').slice(0, 120)}`);
    const res = org.query(e.text, this.bindResolver(e.binds, f), this.runContext(mode));
    return this.queryResult(res);
  }

  queryResult(res: any): any {
    if (typeof res === 'number') return res;
    const rows = Array.isArray(res) ? res : res?.rows ?? res?.records;
    if (typeof res?.count === 'number' && !rows) return res.count;
    if (!Array.isArray(rows)) return res;
    const objName = rows.length && isSObject(rows[0]) ? sobjTypeName(rows[0]) : res?.objectName ?? 'SObject';
    const l = new ApexList({ name: objName, lname: objName.toLowerCase(), args: [] }, rows);
    (l as any).fromSoql = true;
    return l;
  }

  // ------------------------------------------------------------------ DML

  dmlStatement(s: Extract<Stmt, { k: 'dml' }>, f: Frame): void {
    const v = this.I.eval(s.e, f);
    if (v === null) this.I.npe();
    const records = v instanceof ApexList ? v.items : [v];
    const accessLevel = s.access === 'user' ? 'USER_MODE' : 'SYSTEM_MODE';
    if (s.op === 'merge') this.I.unsupported('merge');
    this.doDml(s.op as any, records, { allOrNone: true, externalIdField: s.extField ?? undefined }, accessLevel);
  }

  doDml(op: string, records: any[], options: any, accessLevel: 'USER_MODE' | 'SYSTEM_MODE'): any[] {
    const org = this.requireOrg('DML');
    for (const r of records) if (r === null) this.I.npe();
    if (op === 'delete' || op === 'undelete') {
      records = records.map((r) => {
        if (typeof r !== 'string') return r;
        const name = this.I.schema.keyPrefixes.get(r.substring(0, 3));
        if (!name) this.I.throwSystem('System.StringException', `Invalid id: ${r}`);
        const rec = newSObject(name);
        this.I.sobjectPutRaw(rec, 'Id', r);
        return rec;
      });
    }
    try {
      const res = org.dml(op, records, options, this.runContext(accessLevel));
      if (process.env.LOCAL_ORG_DEBUG)
        for (const r of res ?? []) if (!r.success) console.error(`DML ${op} failed at ${this.I.where()}: ${JSON.stringify(r.errors)}`);
      return res;
    } catch (e: any) {
      if (e && e.apexType === 'System.DmlException' && e.dmlRows) {
        const ae = this.I.toApexError(e)!;
        ae.ex.f.set('$dml', e.dmlRows);
        ae.ex.f.set('$dmlObject', records[0] ? sobjTypeName(records[0]) : '');
        throw ae;
      }
      throw e;
    }
  }

  dbError(x: any): NativeObj {
    return new NativeObj('Database.Error', {
      statuscode: this.I.builtins.enumValue('statuscode', x.statusCode),
      message: x.message,
      fields: new ApexList({ name: 'String', lname: 'string', args: [] }, [...(x.fields ?? [])])
    });
  }

  result(kind: string, r: any): NativeObj {
    return new NativeObj(kind, {
      id: r.id ?? null,
      success: r.success,
      created: r.created ?? false,
      errors: new ApexList(null, (r.errors ?? []).map((x: any) => this.dbError(x)))
    });
  }

  databaseCall(lname: string, args: any[], f: Frame): any {
    const accessOf = (a: any): 'USER_MODE' | 'SYSTEM_MODE' => (a instanceof ApexEnum && a.name === 'USER_MODE' ? 'USER_MODE' : 'SYSTEM_MODE');
    switch (lname) {
      case 'query':
      case 'querywithbinds':
      case 'countquery':
      case 'countquerywithbinds': {
        const org = this.requireOrg('Database.' + lname);
        const withBinds = lname.endsWith('withbinds');
        const soql: string = args[0];
        const bindMap: ApexMap | null = withBinds ? args[1] : null;
        const access = accessOf(withBinds ? args[2] : args[1]);
        const resolver = (name: string): any => {
          if (bindMap) {
            for (const [k, v] of bindMap.map.values()) if (String(k).toLowerCase() === name.toLowerCase()) return v;
            this.I.throwSystem('System.QueryException', `Key '${name}' does not exist in the bindMap`);
          }
          // dynamic SOQL binds resolve against the caller's local variables
          const slot = f.scope.lookup(name.toLowerCase());
          if (slot) return slot.v;
          const v = this.I.lookupMember(name.toLowerCase(), f, null as any);
          if (v && v.constructor && v.constructor.name === 'TypeName') this.I.throwSystem('System.QueryException', `Variable does not exist: ${name}`);
          return v;
        };
        if (process.env.LOCAL_ORG_DEBUG === 'soql') console.error(`SOQL #${this.limits.queries + 1} at ${this.I.where()}: ${soql.replace(/\s+/g, ' ').slice(0, 120)}`);
        const res = org.query(soql, resolver, this.runContext(access));
        if (lname.startsWith('count')) return typeof res === 'number' ? res : res?.count ?? (Array.isArray(res) ? res.length : 0);
        return this.queryResult(res);
      }
      case 'insert':
      case 'update':
      case 'delete':
      case 'undelete':
      case 'upsert': {
        const v = args[0];
        if (v === null) this.I.npe();
        const single = !(v instanceof ApexList);
        const records = single ? [v] : v.items;
        let allOrNone = true;
        let access: 'USER_MODE' | 'SYSTEM_MODE' = 'SYSTEM_MODE';
        let extField: string | undefined;
        let i = 1;
        if (lname === 'upsert' && args[1] && typeof args[1] === 'object' && !(args[1] instanceof ApexEnum) && !(args[1] instanceof NativeObj)) {
          extField = String(args[1].field ?? args[1]);
          i = 2;
        }
        for (; i < args.length; i++) {
          const a = args[i];
          if (typeof a === 'boolean') allOrNone = a;
          else if (a instanceof ApexEnum) access = accessOf(a);
          else if (a instanceof NativeObj && a.typeName === 'Database.DMLOptions') {
            const o = a.props.get('optallornone');
            if (typeof o === 'boolean') allOrNone = o;
          }
        }
        const results = this.doDml(lname, records, { allOrNone, externalIdField: extField }, access);
        const kind = lname === 'delete' ? 'Database.DeleteResult' : lname === 'undelete' ? 'Database.UndeleteResult' : lname === 'upsert' ? 'Database.UpsertResult' : 'Database.SaveResult';
        const wrapped = (results ?? []).map((r: any) => this.result(kind, r));
        return single ? wrapped[0] : new ApexList({ name: kind, lname: kind.toLowerCase(), args: [] }, wrapped);
      }
      case 'setsavepoint': {
        const org = this.requireOrg('savepoints');
        this.countDmlStatement();
        return new NativeObj('System.Savepoint', { sp: org.setSavepoint() });
      }
      case 'rollback': {
        const org = this.requireOrg('savepoints');
        this.countDmlStatement();
        org.rollback(args[0].props.get('sp'));
        return null;
      }
      case 'convertlead': {
        const org = this.requireOrg('convertLead');
        const single = !(args[0] instanceof ApexList);
        const lcs: NativeObj[] = single ? [args[0]] : args[0].items;
        const allOrNone = typeof args[1] === 'boolean' ? args[1] : true;
        const reqs = lcs.map((lc) => {
          const p = lc.props;
          return {
            leadId: p.get('leadid') ?? null,
            convertedStatus: p.get('convertedstatus') ?? null,
            accountId: p.get('accountid') ?? null,
            contactId: p.get('contactid') ?? null,
            opportunityId: p.get('opportunityid') ?? null,
            opportunityName: p.get('opportunityname') ?? null,
            doNotCreateOpportunity: p.get('donotcreateopportunity') === true,
            ownerId: p.get('ownerid') ?? null,
            overwriteLeadSource: p.get('overwriteleadsource') === true,
            sendNotificationEmail: p.get('sendnotificationemail') === true
          };
        });
        const res = org.convertLead(reqs, allOrNone, this.runContext('SYSTEM_MODE'));
        const wrapped = (res ?? []).map(
          (r: any) =>
            new NativeObj('Database.LeadConvertResult', {
              success: r.success,
              leadid: r.leadId ?? null,
              accountid: r.accountId ?? null,
              contactid: r.contactId ?? null,
              opportunityid: r.opportunityId ?? null,
              errors: new ApexList(null, (r.errors ?? []).map((x: any) => this.dbError(x)))
            })
        );
        return single ? wrapped[0] : new ApexList(null, wrapped);
      }
      case 'executebatch':
        return this.enqueueBatch(args[0], args[1] ?? 200);
      case 'getquerylocator': {
        const res = typeof args[0] === 'string' ? this.databaseCall('query', [args[0]], f) : args[0];
        return new NativeObj('Database.QueryLocator', { rows: res });
      }
      case 'emptyrecyclebin':
        return null;
    }
    return this.I.unsupported(`Database.${lname}`);
  }

  // ------------------------------------------------------------------ async

  /** An AsyncApexJob row for the job (the platform's record of queued work); its id is the job id. */
  newJobId(jobType = 'Queueable', target: any = null, methodName: string | null = null): string {
    const org = this.I.org;
    if (org && typeof org.insertRaw === 'function' && this.I.schemaObject('asyncapexjob')) {
      const classId = target instanceof ApexObject ? this.apexClassId(target.cls.name.split('.')[0]) : null;
      return org.insertRaw('AsyncApexJob', {
        JobType: jobType,
        Status: 'Queued',
        NumberOfErrors: V.Decimal.fromInteger(0),
        JobItemsProcessed: V.Decimal.fromInteger(0),
        TotalJobItems: V.Decimal.fromInteger(0),
        MethodName: methodName,
        ApexClassId: classId
      });
    }
    jobSeq++;
    return '707' + String(jobSeq).padStart(12, '0') + 'AAA';
  }

  apexClassId(name: string): string | null {
    const org = this.I.org;
    try {
      const def = this.I.schemaObject('apexclass') as any;
      for (const r of org.scan(def, false)) if (String(r.get('name')).toLowerCase() === name.toLowerCase()) return r.get('id');
    } catch {
      /* no ApexClass rows */
    }
    return null;
  }

  finishJob(id: string, failed: boolean, items = 1): void {
    const org = this.I.org;
    if (!org || typeof org.updateRaw !== 'function' || !id.startsWith(String((this.I.schemaObject('asyncapexjob') as any)?.keyPrefix ?? '707'))) return;
    try {
      org.updateRaw(id, {
        Status: failed ? 'Failed' : 'Completed',
        NumberOfErrors: V.Decimal.fromInteger(failed ? 1 : 0),
        JobItemsProcessed: V.Decimal.fromInteger(items),
        TotalJobItems: V.Decimal.fromInteger(items),
        CompletedDate: V.ApexDatetime.now()
      });
    } catch {
      /* job row rolled back with its test data */
    }
  }

  /** Next fire time of a cron expression whose date and time fields are all fixed numbers. */
  cronNext(cron: string): any {
    const p = cron.trim().split(/\s+/);
    const num = (x: string | undefined): number | null => (x !== undefined && /^\d+$/.test(x) ? Number(x) : null);
    const [sec, min, hour, dom, mon] = [num(p[0]), num(p[1]), num(p[2]), num(p[3]), num(p[4])];
    const year = num(p[6]);
    if (sec === null || min === null || hour === null || dom === null || mon === null || year === null) return null;
    return V.ApexDatetime.newInstance(year, mon, dom, hour, min, sec);
  }

  enqueueJob(job: any, opts: any): string {
    void opts;
    if (!(job instanceof ApexObject)) this.I.npe();
    this.limits.queueableJobs++;
    if (this.asyncMode === 'QUEUEABLE' && this.inTest) {
      // Apex Developer Guide, Queueable Apex: chaining jobs is not supported in test context
      this.I.throwSystem('System.AsyncException', 'Maximum stack depth has been reached.');
    }
    this.over('queueable jobs added to the queue', this.limits.queueableJobs, this.asyncMode === 'SYNCHRONOUS' ? LIMITS.queueableJobs : 1);
    const id = this.newJobId('Queueable', job);
    this.asyncQueue.push({ kind: 'queueable', target: job, id });
    if (!this.inTest) this.I.unsupported('queueable outside a test');
    return id;
  }

  enqueueBatch(job: any, scope: number): string {
    const id = this.newJobId('BatchApex', job);
    this.asyncQueue.push({ kind: 'batch', target: job, scope, id });
    return id;
  }

  enqueueFuture(cls: any, m: any, args: any[]): void {
    this.limits.futureCalls++;
    this.asyncQueue.push({ kind: 'future', target: null, method: { cls, m, args }, id: this.newJobId('Future', null, m.name) });
  }

  schedule(name: string, cron: string, job: any): string {
    const org = this.I.org;
    // System.schedule: "The Apex job named ... is already scheduled for execution." when a job
    // of that name exists (AsyncException, Apex Scheduler)
    if (org && typeof org.query === 'function' && this.I.schemaObject('crontrigger') && this.I.schemaObject('cronjobdetail')) {
      const taken = this.scheduledIdsNamed(name);
      if (taken.length) this.I.throwSystem('System.AsyncException', `The Apex job named "${name}" is already scheduled for execution.`);
    }
    let id = '08e' + String(++jobSeq).padStart(12, '0') + 'AAA';
    if (org && typeof org.insertRaw === 'function' && this.I.schemaObject('crontrigger')) {
      const detailId = this.I.schemaObject('cronjobdetail') ? org.insertRaw('CronJobDetail', { Name: name, JobType: '7' }) : null;
      id = org.insertRaw('CronTrigger', {
        CronJobDetailId: detailId,
        CronExpression: cron,
        State: 'WAITING',
        TimesTriggered: V.Decimal.fromInteger(0),
        NextFireTime: this.cronNext(cron),
        StartTime: V.ApexDatetime.now(),
        TimeZoneSidKey: V.getUserTimeZone()
      });
    }
    this.asyncQueue.push({ kind: 'schedulable', target: job, id });
    return id;
  }

  /** CronTrigger ids of the scheduled jobs with this name (CronJobDetail.Name). */
  private scheduledIdsNamed(name: string): string[] {
    const org = this.I.org as any;
    const details = new Set<string>();
    for (const d of org.rawRows('CronJobDetail') as Map<string, unknown>[]) if (String(d.get('name') ?? '') === name) details.add(String(d.get('id')));
    return (org.rawRows('CronTrigger') as Map<string, unknown>[]).filter((t) => details.has(String(t.get('cronjobdetailid')))).map((t) => String(t.get('id')));
  }

  /**
   * System.abortJob(jobId): a scheduled job (CronTrigger id) is removed, so its name can be
   * scheduled again; a queued job (AsyncApexJob id) is marked Aborted. Either way it never runs.
   */
  abortJob(jobId: any): null {
    const id = jobId === null || jobId === undefined ? '' : String(jobId);
    if (!id) this.I.throwSystem('System.NullPointerException', 'Attempt to de-reference a null object');
    const same = (x: string) => x.substring(0, 15) === id.substring(0, 15);
    this.asyncQueue = this.asyncQueue.filter((j) => !same(String(j.id)));
    const org = this.I.org as any;
    if (org && typeof org.deleteRaw === 'function') {
      if (id.startsWith('08e')) {
        const row = (org.rawRows('CronTrigger') as Map<string, unknown>[]).find((t) => same(String(t.get('id'))));
        if (row) org.deleteRaw(String(row.get('id')));
      } else if (id.startsWith('707')) {
        const row = (org.rawRows('AsyncApexJob') as Map<string, unknown>[]).find((t) => same(String(t.get('id'))));
        if (row) org.updateRaw(String(row.get('id')), { Status: 'Aborted' });
      }
    }
    return null;
  }

  attachFinalizer(f: any): null {
    if (this.asyncMode !== 'QUEUEABLE') this.I.throwSystem('System.AsyncException', 'Finalizer can only be attached from a Queueable');
    this.finalizers.push(f);
    return null;
  }

  /** Runs queued async work (Test.stopTest): queueables, batches (start, one execute, finish), futures, schedulables, finalizers. */
  runAsync(): void {
    let guard = 0;
    while (this.asyncQueue.length && guard++ < 100) {
      const job = this.asyncQueue.shift()!;
      const prevMode = this.asyncMode;
      // each job is its own transaction with its own limits
      const prevLimits = this.limits;
      this.limits = new LimitsState();
      // ... and its own transaction in the org: mixed-DML tracking of the caller does not carry
      // over (Apex Developer Guide, Mixed DML Operations in Test Methods: @future is the workaround)
      const txOrg = this.I.org;
      const prevTx = txOrg && typeof txOrg.beginTransaction === 'function' ? txOrg.beginTransaction() : null;
      let jobFailed = true;
      let items = 1;
      try {
        switch (job.kind) {
          case 'queueable': {
            this.asyncMode = 'QUEUEABLE';
            this.finalizers = [];
            const ctx = new NativeObj('System.QueueableContext', { jobid: job.id });
            let failure: any = null;
            const org = this.I.org;
            const sp = org ? org.setSavepoint() : null;
            const depth = this.I.stack.length;
            try {
              this.I.callByName(job.target!, 'execute', [ctx]);
            } catch (e) {
              this.I.stack.length = depth;
              const ae = this.I.toApexError(e);
              if (!ae) throw e;
              failure = ae.ex;
              // an unhandled exception rolls back the job's own transaction
              if (org && sp !== null) org.rollback(sp);
            }
            const fins = this.finalizers;
            this.finalizers = [];
            for (const fin of fins) {
              const fctx = new NativeObj('System.FinalizerContext', {
                asyncapexjobid: job.id,
                result: this.I.builtins.enumValue('parentjobresult', failure ? 'UNHANDLED_EXCEPTION' : 'SUCCESS'),
                exception: failure,
                requestid: job.id
              });
              this.I.callByName(fin, 'execute', [fctx]);
            }
            if (failure && fins.length === 0) throw new ApexError(failure);
            jobFailed = !!failure;
            break;
          }
          case 'batch': {
            this.asyncMode = 'BATCH_APEX';
            const bc = new NativeObj('Database.BatchableContext', { jobid: job.id, childjobid: job.id });
            const start = this.I.callByName(job.target!, 'start', [bc]);
            let rows: any[] = [];
            if (start instanceof NativeObj && start.typeName === 'Database.QueryLocator') {
              const r = start.props.get('rows');
              rows = r instanceof ApexList ? r.items : [];
            } else if (start instanceof ApexList) rows = start.items;
            const chunk = rows.slice(0, job.scope ?? 200);
            if (chunk.length) this.I.callByName(job.target!, 'execute', [bc, new ApexList(null, chunk)]);
            items = chunk.length ? 1 : 0;
            this.finishJob(job.id, false, items);
            this.I.callByName(job.target!, 'finish', [bc]);
            jobFailed = false;
            break;
          }
          case 'future':
            this.asyncMode = 'FUTURE';
            this.I.invokeMethod(null, job.method!.cls, job.method!.m, job.method!.args, true);
            jobFailed = false;
            break;
          case 'schedulable':
            this.asyncMode = 'SCHEDULED';
            this.I.callByName(job.target!, 'execute', [new NativeObj('System.SchedulableContext', { triggerid: job.id })]);
            jobFailed = false;
            break;
          default:
            break;
        }
      } finally {
        this.asyncMode = prevMode;
        this.limits = prevLimits;
        if (prevTx && txOrg && typeof txOrg.resumeTransaction === 'function') txOrg.resumeTransaction(prevTx);
        if (job.kind !== 'schedulable' && job.kind !== 'batch') this.finishJob(job.id, jobFailed, items);
        else if (job.kind === 'batch' && jobFailed) this.finishJob(job.id, true, items);
      }
    }
  }

  // ------------------------------------------------------------------ Test

  testCall(lname: string, args: any[], f: Frame): any {
    switch (lname) {
      case 'isrunningtest':
        return this.inTest;
      case 'starttest':
        if (this.testStarted) this.I.throwSystem('System.FinalException', 'Testing already started');
        this.testStarted = true;
        this.saved = this.limits;
        this.limits = new LimitsState();
        return null;
      case 'stoptest':
        if (this.testStopped) this.I.throwSystem('System.FinalException', 'Testing already stopped');
        this.testStopped = true;
        this.runAsync();
        this.limits = this.saved ?? new LimitsState();
        return null;
      case 'setcreateddate': {
        const org = this.requireOrg('Test.setCreatedDate');
        if (typeof org.setCreatedDate === 'function') return org.setCreatedDate(args[0], args[1]);
        if (typeof org.updateRaw === 'function') return org.updateRaw(args[0], { CreatedDate: args[1] }) ?? null;
        return this.I.unsupported('Test.setCreatedDate');
      }
      case 'getstandardpricebookid':
        return this.I.org?.standardPricebookId ?? this.I.unsupported('Test.getStandardPricebookId');
      case 'setmock':
        return this.I.unsupported('Test.setMock (callouts)');
      case 'getmockid':
        return this.I.unsupported('Test.getMockId');
      case 'loaddata':
        return this.I.unsupported('Test.loadData');
      case 'enqueuebatchjobs':
      case 'getflexqueueorder':
        return this.I.unsupported('Test.' + lname);
      case 'setfixedsearchresults':
        return null;
      case 'testinstall':
        return this.testInstall(args[0], args[1] ?? null, args[2] === true);
      case 'testuninstall':
        return this.testUninstall(args[0]);
      case 'testsandboxpostcopyscript':
        return this.I.unsupported('Test.' + lname);
    }
    void f;
    return this.I.unsupported(`Test.${lname}`);
  }

  saved: LimitsState | null = null;

  /**
   * Test.testInstall(installHandler, version[, isPush]) (Apex Reference, Test Class; "Testing a
   * Post Install Script"): calls onInstall with an InstallContext whose previousVersion is the
   * version given (null: a first install), isUpgrade when it is not null, and the running user
   * as the installer.
   */
  testInstall(handler: any, previous: any, isPush: boolean): null {
    if (handler === null || handler === undefined) this.I.throwSystem('System.NullPointerException', 'Attempt to de-reference a null object');
    const context = new NativeObj('InstallContext', {
      organizationid: this.orgId(),
      installerid: this.userIdNow(),
      upgrade: previous !== null,
      push: isPush,
      previousversion: previous
    });
    this.I.callByName(handler, 'oninstall', [context]);
    return null;
  }

  /** Test.testUninstall(uninstallHandler): calls onUninstall with an UninstallContext. */
  testUninstall(handler: any): null {
    if (handler === null || handler === undefined) this.I.throwSystem('System.NullPointerException', 'Attempt to de-reference a null object');
    const context = new NativeObj('UninstallContext', { organizationid: this.orgId(), uninstallerid: this.userIdNow() });
    this.I.callByName(handler, 'onuninstall', [context]);
    return null;
  }

  private orgId(): string {
    return this.userInfo('getorganizationid', []);
  }

  limits__ = 0;

  // Limits.* static entry
  limitsStatic(lname: string): any {
    return this.limitsCall(lname);
  }

  // ------------------------------------------------------------------ Messaging

  messagingCall(lname: string, args: any[]): any {
    switch (lname) {
      case 'reservesingleemailcapacity':
      case 'reservemassemailcapacity':
        if (!this.emailDeliverability) this.I.throwSystem('System.NoAccessException', 'The organization is not permitted to send email');
        return null;
      case 'sendemail': {
        this.limits.emailInvocations++;
        this.over('Email Invocations', this.limits.emailInvocations, LIMITS.emailInvocations);
        const msgs: NativeObj[] = args[0] instanceof ApexList ? args[0].items : [];
        const allOrNone = args.length > 1 ? args[1] !== false : true;
        if (!this.emailDeliverability) {
          if (allOrNone)
            this.I.throwSystem('System.EmailException', 'SendEmail failed. First exception on row 0; first error: NO_MASS_MAIL_PERMISSION, Single email is not enabled for your organization or profile.');
        }
        const results = msgs.map((m) => {
          if (this.emailDeliverability) this.sentEmails.push(m);
          return new NativeObj('Messaging.SendEmailResult', {
            success: this.emailDeliverability,
            errors: new ApexList(
              null,
              this.emailDeliverability ? [] : [new NativeObj('Messaging.SendEmailError', { statuscode: this.I.builtins.enumValue('statuscode', 'NO_MASS_MAIL_PERMISSION'), message: 'Single email is not enabled for your organization or profile.' })]
            )
          });
        });
        return new ApexList(null, results);
      }
      case 'renderstoredemailtemplate':
        return this.renderStoredEmailTemplate(args[0], args[1] ?? null, args[2] ?? null);
    }
    return this.I.unsupported(`Messaging.${lname}`);
  }

  /**
   * Messaging.renderStoredEmailTemplate(templateId, whoId, whatId) (Apex Reference, Messaging
   * Class): a SingleEmailMessage with the stored template's subject and bodies, merge fields
   * {!Object.Field} filled from the who record (contact, lead or user), the what record and the
   * organization. Text templates (and the HTML value as stored); a field without a value, or of
   * an object that is neither, renders empty.
   */
  private renderStoredEmailTemplate(templateId: any, whoId: any, whatId: any): any {
    const org = this.I.org as any;
    if (!org || templateId === null || templateId === undefined)
      this.I.throwSystem('System.NullPointerException', 'Argument cannot be null.');
    const template = org.byId(String(templateId));
    if (!template || template.def.name !== 'EmailTemplate') return this.I.unsupported('Messaging.renderStoredEmailTemplate of a template that is not stored');
    const ns = (this.I.schema.namespace ?? '').toLowerCase();
    const bare = (name: string): string => {
      const n = name.toLowerCase();
      return ns && n.startsWith(ns + '__') ? n.substring(ns.length + 2) : n;
    };
    const sources: { name: string; row: Map<string, any> }[] = [];
    for (const id of [whoId, whatId, org.seeded?.orgId]) {
      const hit = id ? org.byId(String(id)) : null;
      if (hit) sources.push({ name: bare(hit.def.name), row: hit.row });
    }
    const merge = (text: any): any => {
      if (text === null || text === undefined) return text ?? null;
      return String(text).replace(/\{!\s*([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\s*\}/g, (_m, obj: string, field: string) => {
        const source = sources.find((x) => x.name === bare(obj));
        if (!source) return '';
        const key = field.toLowerCase();
        const value = source.row.has(key) ? source.row.get(key) : source.row.get(ns ? `${ns}__${key}` : key);
        return value === null || value === undefined ? '' : apexToString(value);
      });
    };
    const row = template.row;
    return new NativeObj('Messaging.SingleEmailMessage', {
      templateid: String(templateId),
      targetobjectid: whoId,
      whatid: whatId,
      subject: merge(row.get('subject')),
      plaintextbody: merge(row.get('body')),
      htmlbody: merge(row.get('htmlvalue'))
    });
  }

  securityCall(lname: string, args: any[]): any {
    if (lname === 'stripinaccessible') {
      const org = this.I.org;
      if (org && typeof org.stripInaccessible === 'function') {
        const at = args[0] instanceof ApexEnum ? args[0].name : String(args[0]);
        const recs = args[1] instanceof ApexList ? args[1].items : [];
        const r = org.stripInaccessible(at, recs, this.runContext('USER_MODE'), args.length > 2 ? args[2] !== false : true);
        const removed = new ApexMap({ name: 'String', lname: 'string', args: [] }, null);
        for (const [k, v] of (r.removedFields ?? new Map()) as Map<string, Set<string>>) {
          const set = new ApexSet({ name: 'String', lname: 'string', args: [] });
          for (const x of v) set.add(x);
          removed.put(k, set);
        }
        const modified = new ApexSet({ name: 'Integer', lname: 'integer', args: [] });
        r.records.forEach((x: any, i: number) => {
          const before = recs[i];
          if (before && x && x.fields && before.fields && x.fields.size !== before.fields.size) modified.add(i);
        });
        return new NativeObj('System.SObjectAccessDecision', {
          records: new ApexList(args[1].elemType, r.records),
          removedfields: removed,
          modifiedindexes: modified
        });
      }
      return this.I.unsupported('Security.stripInaccessible (no data layer support)');
    }
    return this.I.unsupported(`Security.${lname}`);
  }

  siteCall(lname: string, args: any[]): any {
    const org = this.I.org;
    switch (lname) {
      case 'getbaseurl':
      case 'getbasesecureurl':
        return null;
      case 'getname':
        return org?.runningSite ? org.runningSite.name : null;
      case 'getsiteid':
        return org?.runningSite ? org.runningSite.id : null;
      case 'createexternaluser':
        if (org && typeof org.createExternalUser === 'function') return org.createExternalUser(args, this.runContext());
        return this.I.unsupported('Site.createExternalUser');
      case 'login': {
        const url = org && typeof org.siteLogin === 'function' ? org.siteLogin(args[0], args[2]) : undefined;
        if (url === undefined) return this.I.unsupported('Site.login (no site is running)');
        return url === null ? null : new NativeObj('PageReference', { url, parameters: new ApexMap(null, null) });
      }
      case 'ispasswordexpired':
        return false;
    }
    return this.I.unsupported(`Site.${lname}`);
  }

  // ------------------------------------------------------------------ custom settings

  /** Hierarchy and list custom settings: getInstance, getOrgDefaults, getValues, getAll. */
  customSetting(objName: string, lname: string, args: any[]): any {
    const org = this.requireOrg('custom settings');
    const def = this.I.schemaObject(objName.toLowerCase()) as any;
    const rows: any[] = org.scan(def, false).map((r: any) => org.recordFromRow(def, r));
    const blank = (): any => {
      const r = newSObjectFor(def);
      applyDefaults(r, def);
      return r;
    };
    const byOwner = (id: string | null): any => rows.find((r) => id && sobjGet(r, 'setupownerid') === id) ?? null;
    if (def.customSettingsType === 'List') {
      if (lname === 'getall') {
        const m = new ApexMap({ name: 'String', lname: 'string', args: [] }, { name: def.name, lname: def.name.toLowerCase(), args: [] });
        for (const r of rows) m.put(sobjGet(r, 'name'), r);
        return m;
      }
      if (lname === 'getvalues' || lname === 'getinstance') return rows.find((r) => sobjGet(r, 'name') === args[0]) ?? null;
      return this.I.unsupported(`${def.name}.${lname}`);
    }
    const orgId = org.seeded?.orgId ?? null;
    switch (lname) {
      case 'getorgdefaults':
        return byOwner(orgId) ?? blank();
      case 'getinstance':
      case 'getvalues': {
        const uid = args[0] ?? this.userIdNow();
        let profileId: string | null = null;
        const u = org.byId(uid);
        if (u) profileId = u.row.get('profileid') ?? null;
        if (String(uid).startsWith('00e')) profileId = uid;
        const hit = byOwner(uid) ?? (profileId ? byOwner(profileId) : null);
        if (lname === 'getvalues') return hit;
        if (hit) return hit;
        const od = byOwner(orgId);
        if (od) {
          const r = od.clone(false);
          r.setRaw('SetupOwnerId', uid);
          return r;
        }
        const b = blank();
        b.setRaw('SetupOwnerId', uid);
        return b;
      }
    }
    return this.I.unsupported(`${def.name}.${lname}`);
  }

  // ------------------------------------------------------------------ native objects

  nativeCall(o: NativeObj, lname: string, args: any[], f: Frame): any {
    const t = o.typeName;
    if (t === 'Iterator') {
      const items: any[] = o.props.get('items');
      let pos: number = o.props.get('pos');
      if (lname === 'hasnext') return pos < items.length;
      if (lname === 'next') {
        if (pos >= items.length) this.I.throwSystem('System.NoSuchElementException', 'Iterator has no more elements.');
        o.props.set('pos', ++pos);
        return items[pos - 1];
      }
    }
    if (t === 'Messaging.CustomNotification' && lname === 'send') {
      const recips = args[0] instanceof ApexSet ? args[0].values() : [];
      this.notifications.push({ notification: o, recipients: recips });
      return null;
    }
    if (t === 'TimeZone') {
      if (lname === 'getid') return o.props.get('id');
      if (lname === 'getdisplayname') return o.props.get('id');
      if (lname === 'getoffset') return V.offsetAt(Number(args[0].getTime()), o.props.get('id'));
    }
    if (t === 'URL' && lname === 'toexternalform') return o.props.get('externalform');
    if (t === 'Version') {
      // Version Class: major(), minor(), patch() (null when not given), compareTo(other)
      if (lname === 'major' || lname === 'minor' || lname === 'patch') return o.props.get(lname) ?? null;
      if (lname === 'compareto') {
        const other = args[0] as NativeObj | null;
        if (!other) this.I.throwSystem('System.NullPointerException', 'Attempt to de-reference a null object');
        for (const k of ['major', 'minor', 'patch']) {
          const a = Number(o.props.get(k) ?? 0);
          const b = Number(other!.props.get(k) ?? 0);
          if (a !== b) return a < b ? -1 : 1;
        }
        return 0;
      }
    }
    if (t === 'InstallContext' && lname === 'previousversion') return o.props.get('previousversion') ?? null;
    if ((t === 'InstallContext' || t === 'UninstallContext') && lname in { organizationid: 1, installerid: 1, uninstallerid: 1 })
      return o.props.get(lname) ?? null;
    if (lname === 'issuccess') return o.props.get('success') === true;
    if (lname === 'equals') return o === args[0];
    if (lname === 'hashcode') return 0;
    if (lname === 'tostring') return `${t}:${apexToString(new ApexMap(null, null))}`;
    if (lname.startsWith('get') && args.length === 0) {
      const k = lname.substring(3);
      if (o.props.has(k)) return o.props.get(k);
      return null;
    }
    if (lname.startsWith('is') && args.length === 0) return o.props.get(lname.substring(2)) ?? false;
    if (lname.startsWith('set') && args.length === 1) {
      o.props.set(lname.substring(3), args[0]);
      return null;
    }
    void f;
    return this.I.unsupported(`${t}.${lname}`);
  }

  static isUnsupported(e: any): boolean {
    return e instanceof UnsupportedError;
  }
}
