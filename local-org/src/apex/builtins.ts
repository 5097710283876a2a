// System classes: static calls (System, Assert, String, Math, JSON, Database, Test, UserInfo,
// Limits, Schema, Type, ...), instance methods of built-in values (String, numbers, dates,
// collections, SObjects, exceptions) and native objects (SaveResult, SingleEmailMessage, ...).
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as V from './values/index.js';
import type { Expr, Stmt, TypeRef } from './ast.js';
import {
  ApexEnum,
  ApexError,
  ApexList,
  ApexMap,
  ApexObject,
  ApexSet,
  ApexType,
  RtClass,
  TypeName,
  UnsupportedError,
  apexEquals,
  apexToString,
  compareNumeric,
  identityOf,
  isNumeric,
  toDecimal,
  keyOf
} from './runtime.js';
import { isSObject, newSObject, sobjGet, sobjPut, sobjTypeName, sobjClone, sobjFieldEntries } from './sobjects.js';
import type { Frame, Interpreter } from './interpreter.js';
import { Ret } from './interpreter.js';
import { StringLib } from './system/strings.js';
import { JsonLib } from './system/json.js';
import { SchemaLib, SchemaTok } from './system/schema.js';
import { ApexContext } from './context.js';

/** A built-in object: a property bag with a type name (Database.SaveResult, Messaging.SingleEmailMessage, ...). */
export class NativeObj {
  props = new Map<string, any>();
  constructor(
    public typeName: string,
    init?: Record<string, any>
  ) {
    if (init) for (const [k, v] of Object.entries(init)) this.props.set(k.toLowerCase(), v);
  }
}

const SYSTEM_EXCEPTION_NAMES = [
    'AsyncException',
    'CalloutException',
    'DmlException',
    'EmailException',
    'FinalException',
    'HandledException',
    'InvalidParameterValueException',
    'JSONException',
    'ListException',
    'LimitException',
    'MathException',
    'NoAccessException',
    'NoDataFoundException',
    'NullPointerException',
    'QueryException',
    'SecurityException',
    'SerializationException',
    'SObjectException',
    'StringException',
    'TypeException',
    'UnexpectedException',
    'IllegalArgumentException',
    'AssertException',
    'RequiredFeatureMissingException',
    'SearchException',
    'XmlException',
    'InvalidHeaderException',
    'NoSuchElementException',
    'AuraHandledException',
    'EventBusException',
    'VisualforceException',
    'DuplicateMessageException',
    'ExternalObjectException',
    'PlatformCacheException'
];
const SYSTEM_EXCEPTIONS = new Set(SYSTEM_EXCEPTION_NAMES.map((s) => s.toLowerCase()));
export const SYSTEM_EXCEPTION_CANONICAL = new Map(SYSTEM_EXCEPTION_NAMES.map((s) => [s.toLowerCase(), s]));

const BUILTIN_ENUMS: Record<string, string[]> = {
  roundingmode: ['CEILING', 'DOWN', 'FLOOR', 'HALF_DOWN', 'HALF_EVEN', 'HALF_UP', 'UNNECESSARY', 'UP'],
  accesslevel: ['SYSTEM_MODE', 'USER_MODE'],
  // ordinals as documented (Apex Reference, TriggerOperation Enum): 0 BEFORE_INSERT, 1 AFTER_INSERT, ...
  triggeroperation: ['BEFORE_INSERT', 'AFTER_INSERT', 'BEFORE_UPDATE', 'AFTER_UPDATE', 'BEFORE_DELETE', 'AFTER_DELETE', 'AFTER_UNDELETE'],
  logginglevel: ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'FINE', 'FINER', 'FINEST'],
  accesstype: ['CREATABLE', 'READABLE', 'UPDATABLE', 'UPSERTABLE'],
  sobjectdescribeoptions: ['DEFAULT', 'DEFERRED', 'FULL'],
  jsontoken: ['END_ARRAY', 'END_OBJECT', 'FIELD_NAME', 'NOT_AVAILABLE', 'START_ARRAY', 'START_OBJECT', 'VALUE_EMBEDDED_OBJECT', 'VALUE_FALSE', 'VALUE_NULL', 'VALUE_NUMBER_FLOAT', 'VALUE_NUMBER_INT', 'VALUE_STRING', 'VALUE_TRUE'],
  displaytype: ['ADDRESS', 'ANYTYPE', 'BASE64', 'BOOLEAN', 'COMBOBOX', 'CURRENCY', 'DATACATEGORYGROUPREFERENCE', 'DATE', 'DATETIME', 'DOUBLE', 'EMAIL', 'ENCRYPTEDSTRING', 'ID', 'INTEGER', 'LONG', 'MULTIPICKLIST', 'PERCENT', 'PHONE', 'PICKLIST', 'REFERENCE', 'STRING', 'TEXTAREA', 'TIME', 'URL'],
  statuscode: [],
  parentjobresult: ['SUCCESS', 'UNHANDLED_EXCEPTION'],
  'quiddity': ['ANONYMOUS', 'BATCH_ACS', 'BATCH_APEX', 'FUTURE', 'QUEUEABLE', 'RUNTEST_ASYNC', 'RUNTEST_DEPLOY', 'RUNTEST_SYNC', 'SCHEDULED', 'SYNCHRONOUS']
};

const NAMESPACES = new Set(['system', 'schema', 'database', 'messaging', 'auth', 'connectapi', 'schema.sobjecttype', 'sobjecttype', 'dom', 'reports', 'approval', 'site', 'eventbus', 'cache', 'flow', 'process', 'search', 'support', 'territorymgmt', 'txnsecurity', 'userprovisioning', 'invocable', 'commercepayments', 'quickaction', 'metadata', 'kbmanagement', 'lxscheduler', 'slack', 'functions', 'datasource', 'canvas', 'chatteranswers', 'sfc', 'wave', 'pref_center', 'communities']);

export class Builtins {
  strings: StringLib;
  json: JsonLib;
  schemaLib: SchemaLib;
  ctx: ApexContext;
  enumClasses = new Map<string, RtClass>();

  constructor(public I: Interpreter) {
    this.strings = new StringLib(I);
    this.json = new JsonLib(I);
    this.schemaLib = new SchemaLib(I);
    this.ctx = new ApexContext(I);
    for (const [name, values] of Object.entries(BUILTIN_ENUMS)) {
      const display = name === 'statuscode' ? 'System.StatusCode' : name.charAt(0).toUpperCase() + name.slice(1);
      const cls = new RtClass(display, null, 'enum');
      cls.resolved = true;
      cls.staticState = 'done';
      cls.enumValues = values.map((v, i) => new ApexEnum(cls, v, i));
      this.enumClasses.set(name, cls);
      I.classes.set(name, cls);
      I.classes.set('system.' + name, cls);
      I.classes.set('schema.' + name, cls);
    }
    // Database.Batchable, Queueable, Schedulable, Comparable ... are marker interfaces
    for (const n of [
      'queueable',
      'schedulable',
      'comparable',
      'database.batchable',
      'database.stateful',
      'database.allowscallouts',
      'finalizer',
      'system.queueable',
      'system.schedulable',
      'system.comparable',
      'system.finalizer',
      'callable',
      'system.callable',
      'iterable',
      'iterator'
    ]) {
      const cls = new RtClass(n, null, 'interface');
      cls.resolved = true;
      cls.staticState = 'done';
      I.classes.set(n, cls);
    }
  }

  isSystemExceptionName(lname: string): boolean {
    return SYSTEM_EXCEPTIONS.has(lname.replace(/^system\./, ''));
  }

  isOpenEnum(cls: RtClass): boolean {
    return cls === this.enumClasses.get('statuscode');
  }

  openEnumValue(cls: RtClass, name: string): ApexEnum {
    let v = cls.enumValues.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!v) {
      v = new ApexEnum(cls, name.toUpperCase(), cls.enumValues.length);
      cls.enumValues.push(v);
    }
    return v;
  }

  enumValue(enumName: string, name: string): ApexEnum {
    const cls = this.enumClasses.get(enumName)!;
    return this.openEnumValue(cls, name);
  }

  enumStatic(cls: RtClass, lname: string, args: any[]): any {
    if (lname === 'values') return new ApexList({ name: cls.name, lname: cls.lname, args: [] }, cls.enumValues.slice());
    if (lname === 'valueof') {
      const s = args[0];
      if (s === null) return null;
      // system enums (StatusCode, ...) match case-insensitively; user enums exactly
      const v = cls.decl ? cls.enumValues.find((x) => x.name === s) : this.isOpenEnum(cls) ? this.openEnumValue(cls, s) : cls.enumValues.find((x) => x.name.toLowerCase() === String(s).toLowerCase());
      if (!v) this.I.throwSystem('System.NoSuchElementException', `No enum constant ${cls.name}.${s}`);
      return v;
    }
    return this.I.unsupported(`${cls.name}.${lname}`);
  }

  // ------------------------------------------------------------------ exceptions and objects

  exceptionMethod(obj: ApexObject, lname: string, args: any[]): any {
    switch (lname) {
      case 'getmessage':
        return obj.f.get('$message') ?? null;
      case 'setmessage':
        obj.f.set('$message', args[0]);
        return null;
      case 'getcause':
        return obj.f.get('$cause') ?? null;
      case 'initcause':
        obj.f.set('$cause', args[0]);
        return obj;
      case 'gettypename':
        return obj.cls.name;
      case 'getlinenumber':
        return obj.f.get('$line') ?? -1;
      case 'getstacktracestring':
        return obj.f.get('$stack') ?? '';
      case 'tostring':
        return this.I.objToString(obj);
      case 'hashcode':
        return identityOf(obj);
      case 'equals':
        return obj === args[0];
      case 'getnumdml':
        return (obj.f.get('$dml') ?? []).length;
      case 'getdmltype':
        return this.enumValue('statuscode', this.dmlRow(obj, args[0]).errors[0]?.statusCode ?? 'UNKNOWN_EXCEPTION');
      case 'getdmlmessage':
        return this.dmlRow(obj, args[0]).errors[0]?.message ?? null;
      case 'getdmlfieldnames':
        return new ApexList({ name: 'String', lname: 'string', args: [] }, [...(this.dmlRow(obj, args[0]).errors[0]?.fields ?? [])]);
      case 'getdmlfields':
        return new ApexList(null, (this.dmlRow(obj, args[0]).errors[0]?.fields ?? []).map((f: string) => this.schemaLib.fieldToken(this.dmlObject(obj), f)));
      case 'getdmlid':
        return this.dmlRow(obj, args[0]).id ?? null;
      case 'getdmlindex':
        return this.dmlRow(obj, args[0]).index;
      case 'getdmlstatuscode':
        return this.dmlRow(obj, args[0]).errors[0]?.statusCode ?? null;
    }
    return this.I.unsupported(`${obj.cls.name}.${lname}`);
  }

  dmlRow(obj: ApexObject, i: number): any {
    const rows = obj.f.get('$dml') ?? [];
    if (i < 0 || i >= rows.length) this.I.throwSystem('System.ListException', `List index out of bounds: ${i}`);
    return rows[i];
  }

  dmlObject(obj: ApexObject): string {
    return obj.f.get('$dmlObject') ?? '';
  }

  objectMethod(obj: ApexObject, lname: string, args: any[]): any {
    switch (lname) {
      case 'hashcode':
        return identityOf(obj);
      case 'equals':
        return obj === args[0];
      case 'tostring':
        return this.I.objToString(obj);
    }
    return this.I.unsupported(`method ${obj.cls.name}.${lname}(${args.length} args) not found`);
  }

  // ------------------------------------------------------------------ types

  typeOf(t: TypeRef, ctx: RtClass | null): ApexType {
    const cls = this.I.resolveClassName(t.lname, ctx);
    if (cls) return new ApexType(cls.name, t, cls);
    const obj = this.I.schemaObject(t.lname);
    if (obj) return new ApexType(obj.name, t, null);
    return new ApexType(this.I.typeDisplay(canonicalType(t)), t, null);
  }

  isNativeInstance(v: any, lname: string): boolean {
    if (v instanceof NativeObj) {
      const tn = v.typeName.toLowerCase();
      return tn === lname || tn.endsWith('.' + lname) || lname.endsWith('.' + tn);
    }
    if (v instanceof ApexType) return lname === 'type' || lname === 'system.type';
    if (v instanceof V.JsonParser) return lname === 'jsonparser' || lname === 'system.jsonparser';
    if (v instanceof V.JsonGenerator) return lname === 'jsongenerator' || lname === 'system.jsongenerator';
    if (v instanceof SchemaTok) {
      const n = lname.replace(/^schema\./, '');
      const kinds: Record<string, string> = { sobjtype: 'sobjecttype', field: 'sobjectfield', sdescribe: 'describesobjectresult', fdescribe: 'describefieldresult', picklist: 'picklistentry', fieldsmap: 'fieldsets', childrel: 'childrelationship' };
      return kinds[v.kind] === n;
    }
    return false;
  }

  nativeTypeName(v: any): string {
    if (v instanceof NativeObj) return v.typeName;
    if (v instanceof SchemaTok) return ({ sobjtype: 'Schema.SObjectType', field: 'Schema.SObjectField', sdescribe: 'Schema.DescribeSObjectResult', fdescribe: 'Schema.DescribeFieldResult', picklist: 'Schema.PicklistEntry', fieldsmap: 'Schema.FieldSet', childrel: 'Schema.ChildRelationship' } as any)[v.kind];
    return 'Object';
  }

  toId(s: string): string {
    if (s.length === 18 && /^[a-zA-Z0-9]{18}$/.test(s)) return s;
    if (s.length === 15 && /^[a-zA-Z0-9]{15}$/.test(s)) return s + idSuffix(s);
    this.I.throwSystem('System.StringException', `Invalid id: ${s}`);
  }

  // ------------------------------------------------------------------ SObjects

  sobjectGet(rec: any, name: string, e: Expr): any {
    void e;
    const lname = name.toLowerCase();
    const v = sobjGet(rec, lname);
    if (Array.isArray(v)) return new ApexList({ name: 'SObject', lname: 'sobject', args: [] }, v);
    if (v instanceof ApexList) return v;
    return v === undefined ? null : v;
  }

  sobjectSet(rec: any, lname: string, value: any, e: Expr): void {
    void e;
    let v = value;
    if (v instanceof ApexList) v = v.items;
    const def = this.I.schemaObject(sobjTypeName(rec).toLowerCase()) as any;
    const fd = def?.fields?.get(lname);
    if (fd && v !== null) {
      if (['Number', 'Currency', 'Percent'].includes(fd.type) && isNumeric(v)) v = toDecimal(v);
    }
    sobjPut(rec, lname, v);
  }

  // ------------------------------------------------------------------ native object props

  nativeGet(o: any, lname: string, name: string): any {
    if (o instanceof NativeObj) {
      if (o.props.has(lname)) return o.props.get(lname);
      return null;
    }
    if (o instanceof ApexType) return this.I.unsupported(`Type.${name}`);
    const special = this.schemaLib.get(o, lname, name);
    if (special !== undefined) return special;
    return this.I.unsupported(`field ${name} on ${this.I.runtimeTypeName(o)}`);
  }

  nativeSet(o: any, lname: string, v: any): void {
    if (o instanceof NativeObj) {
      o.props.set(lname, v);
      return;
    }
    this.I.unsupported(`assignment to ${lname} on ${this.I.runtimeTypeName(o)}`);
  }

  newNative(t: TypeRef, args: any[], e: Expr): any {
    const n = t.lname.replace(/^system\./, '');
    switch (n) {
      case 'messaging.singleemailmessage':
        return new NativeObj('Messaging.SingleEmailMessage');
      case 'messaging.customnotification':
        return new NativeObj('Messaging.CustomNotification', { title: args[0] ?? null, body: args[1] ?? null });
      case 'database.dmloptions':
        return new NativeObj('Database.DMLOptions', {
          optallornone: null,
          assignmentruleheader: new NativeObj('Database.DMLOptions.AssignmentRuleHeader', { usedefaultrule: null, assignmentruleid: null }),
          emailheader: new NativeObj('Database.DMLOptions.EmailHeader', { triggeruseremail: false, triggerautoresponseemail: false, triggerotheremail: false }),
          duplicateruleheader: new NativeObj('Database.DMLOptions.DuplicateRuleHeader', { allowsave: false })
        });
      case 'database.dmloptions.assignmentruleheader':
        return new NativeObj('Database.DMLOptions.AssignmentRuleHeader');
      case 'database.leadconvert':
        return new NativeObj('Database.LeadConvert');
      case 'version': {
        // System.Version(major, minor[, patch]) (Apex Reference, Version Class)
        if (args.length < 2 || args.some((a) => a === null || a === undefined))
          this.I.throwSystem('System.IllegalArgumentException', 'A version needs a major and a minor number.');
        return new NativeObj('Version', { major: args[0], minor: args[1], patch: args[2] ?? null });
      }
      case 'pagereference':
        return new NativeObj('PageReference', { url: args[0] ?? null, parameters: new ApexMap(null, null) });
      case 'apexpages.standardsetcontroller': {
        // StandardSetController(List<sObject>): the records of the set, none selected until a
        // list view's selection (or setSelected, which replaces it) chooses them; getRecords,
        // getSelected and setSelected are the generic property accessors
        // (Visualforce Developer Guide, StandardSetController Class)
        const list = args[0];
        if (!(list instanceof ApexList))
          return this.I.unsupported('new ApexPages.StandardSetController without a list of sObjects');
        return new NativeObj('ApexPages.StandardSetController', {
          records: new ApexList(list.elemType, list.items.slice()),
          selected: new ApexList(list.elemType, [])
        });
      }
      case 'savepoint':
        return this.I.unsupported('new Savepoint');
      case 'exception':
        return this.I.instantiate(this.I.exceptionBase, args);
    }
    if (this.isSystemExceptionName(n)) return this.I.instantiate(this.I.systemException(n), args);
    return this.I.unsupported(`new ${t.name}`);
  }

  // ------------------------------------------------------------------ static fields

  staticField(path: string, lname: string, name: string, e: Expr): any {
    const p = path.replace(/^system\./, '');
    const full = p + '.' + lname;
    // SObject types and fields: Account.SObjectType, Referral__c.Status__c
    const obj = this.I.schemaObject(p);
    if (obj) {
      if (lname === 'sobjecttype') return this.schemaLib.sobjectType(obj.name);
      return this.schemaLib.fieldToken(obj.name, name);
    }
    switch (p) {
      case 'trigger':
        return this.ctx.triggerVar(lname);
      case 'label':
        return this.label(name);
      case 'system.label':
        return this.label(name);
      case 'integer':
        return this.I.unsupported(`Integer.${name}`);
    }
    const r = this.schemaLib.staticField(p, lname, name);
    if (r !== undefined) return r;
    void e;
    // only namespaces lead to further names (Schema.SObjectType.X, System.Xxx, Database.Xxx)
    if (NAMESPACES.has(p) || p === (this.I.schema.namespace ?? '').toLowerCase()) return new TypeName(full);
    return this.I.unsupported(`${path}.${name}`);
  }

  label(name: string): string {
    const l = this.I.schema.customLabels.get(name.toLowerCase());
    if (!l) this.I.unsupported(`custom label ${name}`);
    return l.value;
  }

  /**
   * System.Label.get(namespace, name[, language]) and translationExists(namespace, name, language)
   * (https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_System_Label.htm):
   * the translation for the language when the Translation Workbench has one, else the label's
   * own value. A language with a region (es_MX) without its own translation falls back to its
   * base language (es), as the platform's language fallback does.
   */
  labelCall(lname: string, args: any[]): any {
    const ns = args[0] == null ? '' : String(args[0]);
    const name = String(args[1] ?? '');
    const own = (this.I.schema.namespace ?? '').toLowerCase();
    if (ns !== '' && ns.toLowerCase() !== own) this.I.unsupported(`custom label ${ns}__${name}`);
    const l = this.I.schema.customLabels.get(name.toLowerCase());
    if (!l) this.I.unsupported(`custom label ${name}`);
    const lang = args.length > 2 && args[2] != null ? String(args[2]).toLowerCase() : null;
    const translated = lang === null ? undefined : (l.translations?.get(lang) ?? l.translations?.get(lang.split('_')[0]!));
    if (lname === 'translationexists') return translated !== undefined;
    if (lname === 'get') return translated ?? l.value;
    return this.I.unsupported(`System.Label.${lname}`);
  }

  // ------------------------------------------------------------------ static calls

  staticCall(path: string, lname: string, args: any[], e: Expr, f: Frame): any {
    const p = path.replace(/^system\./, '');
    switch (p) {
      case 'system':
        return this.systemCall(lname, args, e, f);
      case 'assert':
        return this.assertCall(lname, args);
      case 'string':
        return this.strings.staticCall(lname, args);
      case 'math':
        return mathCall(this.I, lname, args);
      case 'json':
        return this.json.staticCall(lname, args, f);
      case 'integer':
        return intStatic(this.I, lname, args);
      case 'label':
        return this.labelCall(lname, args);
      case 'long':
        if (lname === 'valueof') return args[0] === null ? null : typeof args[0] === 'string' ? V.parseLong(args[0].trim()) : BigInt(args[0]);
        break;
      case 'decimal':
        if (lname === 'valueof') {
          const a = args[0];
          if (a === null) return null;
          if (typeof a === 'string') return V.Decimal.parse(a.trim());
          return toDecimal(a);
        }
        break;
      case 'double':
        if (lname === 'valueof') {
          const a = args[0];
          if (a === null) return null;
          if (typeof a === 'string') {
            const n = V.parseJavaDouble(a.trim());
            if (n === null) this.I.throwSystem('System.TypeException', `Invalid double: ${a}`);
            return new V.ApexDouble(n);
          }
          return new V.ApexDouble(Number(apexToString(a)));
        }
        break;
      case 'boolean':
        if (lname === 'valueof') return args[0] === null ? null : typeof args[0] === 'boolean' ? args[0] : String(args[0]).toLowerCase() === 'true';
        break;
      case 'id':
        if (lname === 'valueof') return args[0] === null ? null : this.toId(String(args[0]));
        break;
      case 'date':
        return reflectStatic(this.I, V.ApexDate, 'Date', lname, args);
      case 'datetime':
        if (lname === 'newinstance' && args.length === 1) return V.ApexDatetime.newInstanceMs(args[0]);
        if (lname === 'newinstance' && args.length === 2 && args[0] instanceof V.ApexDate) return V.ApexDatetime.newInstanceDateTime(args[0], args[1]);
        if (lname === 'newinstancegmt' && args.length === 2) return V.ApexDatetime.newInstanceGmtDateTime(args[0], args[1]);
        return reflectStatic(this.I, V.ApexDatetime, 'Datetime', lname, args);
      case 'time':
        return reflectStatic(this.I, V.ApexTime, 'Time', lname, args);
      case 'blob':
        if (lname === 'valueof') return V.ApexBlob.valueOf(args[0]);
        break;
      case 'pattern':
        return this.strings.patternStatic(lname, args);
      case 'type':
        return this.typeStatic(lname, args, f);
      case 'userinfo':
        return this.ctx.userInfo(lname, args);
      case 'limits':
        return this.ctx.limitsCall(lname);
      case 'test':
        return this.ctx.testCall(lname, args, f);
      case 'database':
        return this.ctx.databaseCall(lname, args, f);
      case 'schema':
        return this.schemaLib.schemaCall(lname, args);
      case 'messaging':
        return this.ctx.messagingCall(lname, args);
      case 'crypto':
        return cryptoCall(this.I, lname, args);
      case 'encodingutil':
        return encodingCall(this.I, lname, args);
      case 'security':
        return this.ctx.securityCall(lname, args);
      case 'site':
        return this.ctx.siteCall(lname, args);
      case 'url':
        if (lname === 'getorgdomainurl' || lname === 'getsalesforcebaseurl')
          return new NativeObj('URL', { externalform: 'https://local-org.my.salesforce.com' });
        break;
      case 'network':
        if (lname === 'getnetworkid') return null;
        break;
      case 'featuremanagement':
        if (lname === 'checkpermission') return this.ctx.hasCustomPermission(args[0]);
        break;
      case 'request':
        if (lname === 'getcurrent') return new NativeObj('System.Request', { quiddity: this.enumValue('quiddity', this.ctx.quiddity()), requestid: 'local-request' });
        break;
    }
    const sch = this.schemaLib.staticCall(p, lname, args);
    if (sch !== undefined) return sch;
    const sobj = this.I.schemaObject(p);
    if (sobj) {
      if ((sobj as any).customSettingsType) return this.ctx.customSetting(sobj.name, lname, args);
      return this.I.unsupported(`${sobj.name}.${lname}()`);
    }
    return this.I.unsupported(`${path}.${lname}()`);
  }

  typeStatic(lname: string, args: any[], f: Frame): any {
    if (lname === 'forname') {
      const name = args.length === 2 ? (args[0] ? args[0] + '.' : '') + args[1] : args[0];
      if (name === null) return null;
      const cls = this.I.resolveClassName(String(name).toLowerCase(), null);
      if (cls) return new ApexType(cls.name, null, cls);
      const obj = this.I.schemaObject(String(name).toLowerCase());
      if (obj) return new ApexType(obj.name, null, null);
      void f;
      return null;
    }
    return this.I.unsupported(`Type.${lname}`);
  }

  systemCall(lname: string, args: any[], e: Expr, f: Frame): any {
    switch (lname) {
      case 'debug':
        if (process.env.LOCAL_ORG_DEBUG) console.log('DEBUG|' + apexToString(args[args.length - 1]));
        return null;
      case 'assert':
        if (args[0] !== true) this.assertFail(args.length > 1 ? apexToString(args[1]) : null, 'Assertion Failed');
        return null;
      case 'assertequals':
        if (!apexEquals(args[0], args[1]) || !sameKind(args[0], args[1]))
          this.assertFail(args.length > 2 ? apexToString(args[2]) : null, `Assertion Failed: Expected: ${this.show(args[0])}, Actual: ${this.show(args[1])}`, true);
        return null;
      case 'assertnotequals':
        if (apexEquals(args[0], args[1]) && sameKind(args[0], args[1]))
          this.assertFail(args.length > 2 ? apexToString(args[2]) : null, `Assertion Failed: Same value: ${this.show(args[0])}`, true);
        return null;
      case 'now':
        return V.ApexDatetime.now();
      case 'today':
        return V.ApexDate.today();
      case 'currenttimemillis':
        return BigInt(Date.now());
      case 'enqueuejob':
        return this.ctx.enqueueJob(args[0], args[1]);
      case 'schedule':
        return this.ctx.schedule(args[0], args[1], args[2]);
      case 'attachfinalizer':
        return this.ctx.attachFinalizer(args[0]);
      case 'runas':
        return this.I.unsupported('System.runAs as an expression');
      case 'equals':
        return apexEquals(args[0], args[1]);
      case 'hashcode':
        return hashOf(this.I, args[0]);
      case 'isbatch':
        return this.ctx.quiddity() === 'BATCH_APEX';
      case 'isfuture':
        return this.ctx.quiddity() === 'FUTURE';
      case 'isqueueable':
        return this.ctx.quiddity() === 'QUEUEABLE';
      case 'isscheduled':
        return this.ctx.quiddity() === 'SCHEDULED';
      case 'requestversion':
        return new NativeObj('Version', { major: 1, minor: 0, patch: null });
      case 'purgeoldasyncjobs':
        return 0;
      case 'abortjob':
        return this.ctx.abortJob(args[0]);
    }
    void e;
    void f;
    return this.I.unsupported(`System.${lname}`);
  }

  show(v: any): string {
    return apexToString(v);
  }

  assertFail(msg: string | null, base: string, withValues = false): never {
    let text: string;
    if (withValues) {
      // "Assertion Failed: <msg>: Expected: x, Actual: y"
      text = msg !== null ? base.replace('Assertion Failed:', `Assertion Failed: ${msg}:`) : base;
    } else text = msg !== null ? `${base}: ${msg}` : base;
    this.I.throwSystem('System.AssertException', text);
  }

  assertCall(lname: string, args: any[]): any {
    const msg = (i: number): string | null => (args.length > i && args[i] !== null ? apexToString(args[i]) : null);
    switch (lname) {
      case 'areequal':
        if (!apexEquals(args[0], args[1]) || !sameKind(args[0], args[1]))
          this.assertFail(msg(2), `Assertion Failed: Expected: ${this.show(args[0])}, Actual: ${this.show(args[1])}`, true);
        return null;
      case 'arenotequal':
        if (apexEquals(args[0], args[1]) && sameKind(args[0], args[1]))
          this.assertFail(msg(2), `Assertion Failed: Expected: ${this.show(args[0])}, Actual: ${this.show(args[1])}`, true);
        return null;
      case 'istrue':
        if (args[0] !== true) this.assertFail(msg(1), 'Assertion Failed: Expected: true, Actual: ' + this.show(args[0]), true);
        return null;
      case 'isfalse':
        if (args[0] !== false) this.assertFail(msg(1), 'Assertion Failed: Expected: false, Actual: ' + this.show(args[0]), true);
        return null;
      case 'isnull':
        if (args[0] !== null && args[0] !== undefined) this.assertFail(msg(1), 'Assertion Failed: Expected: null, Actual: ' + this.show(args[0]), true);
        return null;
      case 'isnotnull':
        if (args[0] === null || args[0] === undefined) this.assertFail(msg(1), 'Assertion Failed: Expected: not null, Actual: null', true);
        return null;
      case 'fail':
        this.I.throwSystem('System.AssertException', msg(0) !== null ? `Assertion Failed: ${msg(0)}` : 'Assertion Failed');
        break;
      case 'isinstanceoftype': {
        const t: ApexType = args[1];
        const ok = args[0] !== null && t && t.ref ? this.I.isInstance(args[0], t.ref, t.cls) : t?.cls ? args[0] instanceof ApexObject && args[0].cls.isSubclassOf(t.cls) : false;
        if (!ok) this.assertFail(msg(2), `Assertion Failed: Expected: ${t?.name}, Actual: ${this.I.runtimeTypeName(args[0])}`, true);
        return null;
      }
      case 'isnotinstanceoftype': {
        const t: ApexType = args[1];
        const ok = args[0] !== null && t && t.ref ? this.I.isInstance(args[0], t.ref, t.cls) : false;
        if (ok) this.assertFail(msg(2), `Assertion Failed: Expected: not ${t?.name}, Actual: ${this.I.runtimeTypeName(args[0])}`, true);
        return null;
      }
    }
    return this.I.unsupported(`Assert.${lname}`);
  }

  // ------------------------------------------------------------------ instance calls on values

  instanceCall(target: any, lname: string, args: any[], e: Expr, f: Frame): any {
    if (typeof target === 'string') return this.strings.call(target, lname, args);
    if (target instanceof ApexList) return this.listCall(target, lname, args, f);
    if (target instanceof ApexMap) return this.mapCall(target, lname, args);
    if (target instanceof ApexSet) return this.setCall(target, lname, args);
    if (isSObject(target)) return this.sobjectCall(target, lname, args, e);
    if (target instanceof ApexEnum) {
      if (lname === 'name') return target.name;
      if (lname === 'ordinal') return target.ordinal;
      if (lname === 'equals') return target === args[0];
      if (lname === 'hashcode') return hashOf(this.I, target);
      if (lname === 'tostring') return target.name;
    }
    if (typeof target === 'number' || typeof target === 'bigint') return numberCall(this.I, target, lname, args);
    if (typeof target === 'boolean') {
      if (lname === 'equals') return apexEquals(target, args[0]);
      if (lname === 'hashcode') return target ? 1231 : 1237;
      if (lname === 'tostring') return String(target);
    }
    if (target instanceof V.Decimal) return decimalCall(this.I, target, lname, args);
    if (target instanceof V.ApexDouble) return doubleCall(this.I, target, lname, args);
    if (target instanceof ApexType) return this.typeCall(target, lname, args);
    if (target instanceof NativeObj) return this.ctx.nativeCall(target, lname, args, f);
    if (target instanceof V.JsonParser || target instanceof V.JsonGenerator) return this.json.instance(target, lname, args);
    const sch = this.schemaLib.instanceCall(target, lname, args);
    if (sch !== undefined) return sch;
    if (target && typeof target === 'object') {
      const pm = this.strings.patternInstance(target, lname, args);
      if (pm !== undefined) return pm;
      return reflectInstance(this.I, target, lname, args);
    }
    return this.I.unsupported(`${this.I.runtimeTypeName(target)}.${lname}`);
  }

  typeCall(t: ApexType, lname: string, args: any[]): any {
    switch (lname) {
      case 'getname':
      case 'tostring':
        // a class of the package carries the package's namespace: rfrl.MyClass, rfrl.Outer.Inner
        // (Apex Reference, Type Class: getName returns the type's name, which for a class of a
        // namespaced package includes its namespace prefix)
        return t.cls?.decl && this.I.schema.namespace ? `${this.I.schema.namespace}.${t.name}` : t.name;
      case 'newinstance':
        if (t.cls) return this.I.instantiate(t.cls, []);
        if (this.I.schemaObject(t.name.toLowerCase())) return newSObject(this.I.schemaObject(t.name.toLowerCase())!.name);
        return this.I.unsupported(`Type.newInstance for ${t.name}`);
      case 'equals':
        return apexEquals(t, args[0]);
      case 'hashcode':
        return hashOf(this.I, t.name.toLowerCase());
      case 'isassignablefrom': {
        const o: ApexType = args[0];
        if (t.cls && o?.cls) return o.cls.isSubclassOf(t.cls);
        return t.name.toLowerCase() === o?.name.toLowerCase();
      }
    }
    return this.I.unsupported(`Type.${lname}`);
  }

  listCall(l: ApexList, lname: string, args: any[], f: Frame): any {
    const I = this.I;
    switch (lname) {
      case 'add':
        if (args.length === 2) {
          if (args[0] < 0 || args[0] > l.items.length) I.throwSystem('System.ListException', `List index out of bounds: ${args[0]}`);
          l.items.splice(args[0], 0, I.coerce(args[1], l.elemType, null));
        } else l.items.push(I.coerce(args[0], l.elemType, null));
        return null;
      case 'addall': {
        const src = args[0];
        if (src === null) I.npe();
        const items = src instanceof ApexList ? src.items : src instanceof ApexSet ? src.values() : [];
        for (const x of items) l.items.push(I.coerce(x, l.elemType, null));
        return null;
      }
      case 'get':
        return I.listGet(l, args[0]);
      case 'set':
        if (args[0] < 0 || args[0] >= l.items.length) I.throwSystem('System.ListException', `List index out of bounds: ${args[0]}`);
        l.items[args[0]] = I.coerce(args[1], l.elemType, null);
        return null;
      case 'size':
        return l.items.length;
      case 'isempty':
        return l.items.length === 0;
      case 'clear':
        l.items.length = 0;
        return null;
      case 'remove': {
        const i = args[0];
        if (i < 0 || i >= l.items.length) I.throwSystem('System.ListException', `List index out of bounds: ${i}`);
        return l.items.splice(i, 1)[0];
      }
      case 'contains':
        return l.items.some((x) => strictEquals(x, args[0]));
      case 'indexof':
        return l.items.findIndex((x) => strictEquals(x, args[0]));
      case 'clone':
        return new ApexList(l.elemType, l.items.slice());
      case 'deepclone':
        return new ApexList(
          l.elemType,
          l.items.map((x) => (isSObject(x) ? (typeof x.clone === 'function' ? x.clone(args[0] === true, true, args[1] === true, args[2] === true) : sobjClone(x)) : x))
        );
      case 'sort':
        this.sortList(l, args[0] ?? null);
        return null;
      case 'equals':
        return apexEquals(l, args[0]);
      case 'hashcode':
        return hashOf(I, l);
      case 'tostring':
        return apexToString(l);
      case 'iterator':
        return new NativeObj('Iterator', { items: l.items.slice(), pos: 0 });
      case 'getsobjecttype':
        return l.elemType ? this.schemaLib.sobjectType(l.elemType.name) : null;
    }
    void f;
    return I.unsupported(`List.${lname}`);
  }

  sortList(l: ApexList, comparator: any): void {
    const I = this.I;
    const cmp = (a: any, b: any): number => {
      if (comparator instanceof ApexObject) return I.callInstance(comparator, 'compare', [a, b]) as number;
      if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
      if (b === null || b === undefined) return 1;
      if (a instanceof ApexObject) return I.callInstance(a, 'compareto', [b]) as number;
      if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
      if (isNumeric(a) && isNumeric(b)) return compareNumeric(a, b);
      if (a instanceof ApexEnum) return a.ordinal - b.ordinal;
      if (typeof a === 'boolean') return (a ? 1 : 0) - (b ? 1 : 0);
      if (typeof a.compareTo === 'function') return a.compareTo(b);
      if (isSObject(a)) {
        // SObject sort: by Name then other fields (Apex Developer Guide, Sorting Lists of sObjects)
        const an = apexToString(sobjGet(a, 'name'));
        const bn = apexToString(sobjGet(b, 'name'));
        return an < bn ? -1 : an > bn ? 1 : 0;
      }
      return 0;
    };
    // stable merge sort
    const sorted = l.items.map((x, i) => [x, i] as [any, number]).sort((x, y) => cmp(x[0], y[0]) || x[1] - y[1]);
    l.items.splice(0, l.items.length, ...sorted.map((x) => x[0]));
  }

  mapCall(m: ApexMap, lname: string, args: any[]): any {
    const I = this.I;
    if ((m as any).ci && typeof args[0] === 'string' && (lname === 'get' || lname === 'containskey' || lname === 'remove')) args = [args[0].toLowerCase(), ...args.slice(1)];
    switch (lname) {
      case 'get':
        return m.get(this.normKey(args[0], m.keyType));
      case 'put':
        return m.put(this.normKey(I.coerce(args[0], m.keyType, null), m.keyType), I.coerce(args[1], m.valType, null));
      case 'containskey':
        return m.has(this.normKey(args[0], m.keyType));
      case 'remove':
        return m.remove(this.normKey(args[0], m.keyType));
      case 'keyset': {
        const s = new ApexSet(m.keyType);
        for (const k of m.keys()) s.add(k);
        return s;
      }
      case 'values':
        return new ApexList(m.valType, m.vals());
      case 'size':
        return m.size;
      case 'isempty':
        return m.size === 0;
      case 'clear':
        m.map.clear();
        return null;
      case 'putall': {
        const src = args[0];
        if (src instanceof ApexMap) for (const [k, v] of src.map.values()) m.put(k, v);
        else if (src instanceof ApexList) for (const r of src.items) m.put(sobjGet(r, 'id'), r);
        return null;
      }
      case 'clone': {
        const c = new ApexMap(m.keyType, m.valType);
        for (const [k, v] of m.map.values()) c.put(k, v);
        return c;
      }
      case 'deepclone': {
        const c = new ApexMap(m.keyType, m.valType);
        for (const [k, v] of m.map.values()) c.put(k, isSObject(v) ? sobjClone(v) : v);
        return c;
      }
      case 'equals':
        return apexEquals(m, args[0]);
      case 'hashcode':
        return hashOf(I, m);
      case 'tostring':
        return apexToString(m);
    }
    return I.unsupported(`Map.${lname}`);
  }

  /** Id keys are normalised to 18 characters (a 15-character Id finds its 18-character key). */
  normKey(k: any, t: TypeRef | null): any {
    if (typeof k === 'string' && k.length === 15 && t && t.lname === 'id' && /^[a-zA-Z0-9]{15}$/.test(k)) return k + idSuffix(k);
    return k;
  }

  setCall(s: ApexSet, lname: string, args: any[]): any {
    const I = this.I;
    const itemsOf = (src: any): any[] => (src instanceof ApexList ? src.items : src instanceof ApexSet ? src.values() : []);
    switch (lname) {
      case 'add':
        return s.add(I.coerce(args[0], s.elemType, null));
      case 'contains':
        return s.has(this.normKey(args[0], s.elemType));
      case 'addall': {
        let changed = false;
        for (const x of itemsOf(args[0])) changed = s.add(I.coerce(x, s.elemType, null)) || changed;
        return changed;
      }
      case 'containsall':
        return itemsOf(args[0]).every((x) => s.has(x));
      case 'remove':
        return s.remove(args[0]);
      case 'removeall': {
        let changed = false;
        for (const x of itemsOf(args[0])) changed = s.remove(x) || changed;
        return changed;
      }
      case 'retainall': {
        const keep = new ApexSet(null);
        for (const x of itemsOf(args[0])) keep.add(x);
        let changed = false;
        for (const x of s.values())
          if (!keep.has(x)) {
            s.remove(x);
            changed = true;
          }
        return changed;
      }
      case 'size':
        return s.size;
      case 'isempty':
        return s.size === 0;
      case 'clear':
        s.map.clear();
        return null;
      case 'clone': {
        const c = new ApexSet(s.elemType);
        for (const x of s.values()) c.add(x);
        return c;
      }
      case 'equals':
        return apexEquals(s, args[0]);
      case 'hashcode':
        return hashOf(I, s);
      case 'tostring':
        return apexToString(s);
      case 'iterator':
        return new NativeObj('Iterator', { items: s.values(), pos: 0 });
    }
    return I.unsupported(`Set.${lname}`);
  }

  sobjectCall(r: any, lname: string, args: any[], e: Expr): any {
    const I = this.I;
    switch (lname) {
      case 'get': {
        const k = args[0];
        const field = typeof k === 'string' ? k : k?.fieldName;
        return this.sobjectGet(r, field, e);
      }
      case 'put': {
        const k = args[0];
        const field = typeof k === 'string' ? k : k?.fieldName;
        const prev = sobjGet(r, field);
        this.sobjectSet(r, field.toLowerCase(), args[1], e);
        return prev;
      }
      case 'getsobjecttype':
        return this.schemaLib.sobjectType(sobjTypeName(r));
      case 'clone':
        return typeof r.clone === 'function' ? r.clone(...args) : sobjClone(r);
      case 'adderror': {
        // addError(msg), addError(msg, escape), addError(exception), addError(field, msg[, escape])
        let field: string | undefined;
        let m: any = args[0];
        if (args.length >= 2 && typeof args[1] === 'string') {
          field = typeof args[0] === 'string' ? args[0] : args[0]?.fieldName ?? undefined;
          m = args[1];
        }
        const msg = m instanceof ApexObject ? apexToString(m.f.get('$message')) : apexToString(m);
        if (typeof r.addError === 'function') r.addError(msg, field);
        else I.unsupported('addError');
        this.ctx.noteAddError(r);
        return null;
      }
      case 'getsobject': {
        const v = sobjGet(r, typeof args[0] === 'string' ? args[0] : args[0]?.fieldName);
        return v ?? null;
      }
      case 'getsobjects': {
        const v = sobjGet(r, args[0]);
        return Array.isArray(v) ? new ApexList(null, v) : v ?? null;
      }
      case 'putsobject':
        return typeof r.putSObject === 'function' ? r.putSObject(args[0], args[1]) : I.unsupported('putSObject');
      case 'isset':
        return typeof r.isSet === 'function' ? r.isSet(typeof args[0] === 'string' ? args[0] : args[0]?.fieldName) : false;
      case 'getpopulatedfieldsasmap': {
        const m = new ApexMap({ name: 'String', lname: 'string', args: [] }, null);
        const src: Map<string, any> = typeof r.getPopulatedFieldsAsMap === 'function' ? r.getPopulatedFieldsAsMap() : new Map(sobjFieldEntries(r));
        for (const [k, v] of src) m.put(k, Array.isArray(v) ? new ApexList(null, v) : v);
        return m;
      }
      case 'haserrors':
        return typeof r.hasErrors === 'function' ? r.hasErrors() : false;
      case 'geterrors':
        return new ApexList(null, (typeof r.getErrors === 'function' ? r.getErrors() : []).map((x: any) => this.ctx.dbError(x)));
      case 'equals':
        return apexEquals(r, args[0]);
      case 'hashcode':
        return hashOf(I, r);
      case 'tostring':
        return apexToString(r);
      case 'getquickactionname':
        return null;
      case 'setoptions':
        // DMLOptions on a record: the project has no assignment rules, so useDefaultRule assigns nothing
        (r as any).dmlOptions = args[0];
        return null;
    }
    return I.unsupported(`SObject.${lname}`);
  }

  // ------------------------------------------------------------------ DML / SOQL / runAs

  dmlStatement(s: Extract<Stmt, { k: 'dml' }>, f: Frame): void {
    this.ctx.dmlStatement(s, f);
  }

  runAs(s: Extract<Stmt, { k: 'runas' }>, f: Frame): any {
    const args = s.args.map((a) => this.I.eval(a, f));
    return this.ctx.runAs(args[0], () => this.I.exec(s.body, f));
  }

  inlineSoql(e: Extract<Expr, { k: 'soql' }>, f: Frame): any {
    return this.ctx.inlineSoql(e, f);
  }

  temporalArith(op: string, l: any, r: any): any {
    if (l instanceof V.ApexDate && typeof r === 'number') return op === '+' ? l.addDays(r) : op === '-' ? l.addDays(-r) : this.I.unsupported('Date ' + op);
    if (l instanceof V.ApexDatetime && (typeof r === 'number' || r instanceof V.Decimal || r instanceof V.ApexDouble)) {
      const days = typeof r === 'number' ? r : toDecimal(r).doubleValue();
      const ms = Math.round(days * 86400000);
      return V.ApexDatetime.fromEpochMs(Number(l.getTime()) + (op === '+' ? ms : -ms));
    }
    if (l instanceof V.ApexTime && typeof r === 'number') return op === '+' ? l.addMilliseconds(r) : l.addMilliseconds(-r);
    return this.I.unsupported(`operator ${op} on ${this.I.runtimeTypeName(l)} and ${this.I.runtimeTypeName(r)}`);
  }
}

// ------------------------------------------------------------------ helpers

/** List.contains / indexOf: equals() semantics (Strings case-sensitive). */
function strictEquals(a: any, b: any): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b || (a.length !== b.length && apexEquals(a, b));
  return apexEquals(a, b);
}

function sameKind(a: any, b: any): boolean {
  // Assert.areEqual: Integer 1 vs Decimal 1 compare equal in Apex (numeric); strings are
  // compared case-sensitively by Assert.areEqual (String.equals semantics)
  if (typeof a === 'string' && typeof b === 'string') return a === b || (a.length !== b.length && apexEquals(a, b));
  return true;
}

export function canonicalType(t: TypeRef): TypeRef {
  const map: Record<string, string> = {
    string: 'String',
    integer: 'Integer',
    long: 'Long',
    decimal: 'Decimal',
    double: 'Double',
    boolean: 'Boolean',
    id: 'Id',
    date: 'Date',
    datetime: 'Datetime',
    time: 'Time',
    blob: 'Blob',
    object: 'Object',
    list: 'List',
    set: 'Set',
    map: 'Map',
    sobject: 'SObject'
  };
  const name = map[t.lname] ?? t.name;
  return { name, lname: t.lname, args: t.args.map(canonicalType) };
}

export function idSuffix(id15: string): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let out = '';
  for (let i = 0; i < 3; i++) {
    let flags = 0;
    for (let j = 0; j < 5; j++) {
      const c = id15.charAt(i * 5 + j);
      if (c >= 'A' && c <= 'Z') flags += 1 << j;
    }
    out += chars.charAt(flags);
  }
  return out;
}

export function hashOf(I: Interpreter, v: any): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'string') {
    let h = 0;
    for (let i = 0; i < v.length; i++) h = (Math.imul(31, h) + v.charCodeAt(i)) | 0;
    return h;
  }
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1231 : 1237;
  if (typeof v === 'bigint') return V.longHashCode(v);
  if (v instanceof ApexObject) return I.objHash(v) ?? identityOf(v);
  if (typeof v.hashCode === 'function') return v.hashCode();
  const k = keyOf(v);
  return hashOf(I, k);
}

function reflectMethod(obj: any, lname: string): ((...a: any[]) => any) | null {
  let proto = obj;
  while (proto) {
    for (const n of Object.getOwnPropertyNames(proto)) {
      if (n.toLowerCase() === lname && typeof obj[n] === 'function' && n !== 'constructor') return obj[n].bind(obj);
    }
    proto = Object.getPrototypeOf(proto);
  }
  return null;
}

function jsArgs(args: any[]): any[] {
  return args.map((a) => (a instanceof ApexEnum ? a.name : a instanceof V.ApexDouble ? a.value : a instanceof ApexList ? a.items : a));
}

function wrapResult(v: any): any {
  if (v === undefined) return null;
  if (Array.isArray(v)) return new ApexList(null, v);
  return v;
}

export function reflectInstance(I: Interpreter, target: any, lname: string, args: any[]): any {
  const m = reflectMethod(target, lname);
  if (!m) return I.unsupported(`${I.runtimeTypeName(target)}.${lname}()`);
  return wrapResult(m(...jsArgs(args)));
}

export function reflectStatic(I: Interpreter, cls: any, display: string, lname: string, args: any[]): any {
  for (const n of Object.getOwnPropertyNames(cls)) {
    if (n.toLowerCase() === lname && typeof cls[n] === 'function') return wrapResult(cls[n](...jsArgs(args)));
  }
  return I.unsupported(`${display}.${lname}()`);
}

function intStatic(I: Interpreter, lname: string, args: any[]): any {
  if (lname === 'valueof') {
    const a = args[0];
    if (a === null) return null;
    if (typeof a === 'string') return V.parseInteger(a.trim());
    if (typeof a === 'number') return a;
    if (a instanceof V.Decimal) return a.intValue();
    if (a instanceof V.ApexDouble) return V.doubleToInt32(a.value);
    if (typeof a === 'bigint') return Number(BigInt.asIntN(32, a));
  }
  return I.unsupported(`Integer.${lname}`);
}

function numberCall(I: Interpreter, n: number | bigint, lname: string, args: any[]): any {
  switch (lname) {
    case 'format':
      return V.formatInteger(n);
    case 'intvalue':
      return typeof n === 'bigint' ? Number(BigInt.asIntN(32, n)) : n;
    case 'longvalue':
      return BigInt(n);
    case 'doublevalue':
      return new V.ApexDouble(Number(n));
    case 'decimalvalue':
      return V.Decimal.fromInteger(n);
    case 'equals':
      return apexEquals(n, args[0]);
    case 'hashcode':
      return typeof n === 'bigint' ? V.longHashCode(n) : n;
    case 'tostring':
      return String(n);
  }
  return I.unsupported(`Integer.${lname}`);
}

function decimalCall(I: Interpreter, d: V.Decimal, lname: string, args: any[]): any {
  switch (lname) {
    case 'setscale':
      return d.setScale(args[0], args[1] ? (args[1].name as V.RoundingMode) : 'HALF_EVEN');
    case 'divide':
      return d.divide(toDecimal(args[0]), args[1], args[2] ? (args[2].name as V.RoundingMode) : 'HALF_UP');
    case 'intvalue':
      return d.intValue();
    case 'longvalue':
      return d.longValue();
    case 'doublevalue':
      return new V.ApexDouble(d.doubleValue());
    case 'round':
      return d.round(args[0] ? (args[0].name as V.RoundingMode) : 'HALF_EVEN');
    case 'abs':
      return d.abs();
    case 'scale':
      return d.scale();
    case 'precision':
      return d.precision();
    case 'tostring':
      return d.toString();
    case 'toplainstring':
      return d.toPlainString();
    case 'format':
      return d.format();
    case 'striptrailingzeros':
      return d.stripTrailingZeros();
    case 'pow':
      return d.pow(args[0]);
    case 'equals':
      return args[0] instanceof V.Decimal && d.equalsWithScale(args[0]);
    case 'hashcode':
      return d.hashCode();
    case 'compareto':
      return d.compareTo(toDecimal(args[0]));
    case 'signum':
      return d.signum();
    case 'negate':
      return d.negate();
  }
  return reflectInstance(I, d, lname, args);
}

function doubleCall(I: Interpreter, d: V.ApexDouble, lname: string, args: any[]): any {
  switch (lname) {
    case 'intvalue':
      return V.doubleToInt32(d.value);
    case 'longvalue':
      return V.doubleToInt64(d.value);
    case 'round':
      return V.doubleToInt64(Math.round(d.value));
    case 'format':
      return V.Decimal.fromDouble(d.value).format();
    case 'tostring':
      return V.javaDoubleToString(d.value);
    case 'equals':
      return args[0] instanceof V.ApexDouble && args[0].value === d.value;
    case 'doublevalue':
      return d;
    case 'hashcode':
      return d.hashCode();
  }
  return reflectInstance(I, d, lname, args);
}

function mathCall(I: Interpreter, lname: string, args: any[]): any {
  const [a, b] = args;
  const num = (v: any): number => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : v instanceof V.Decimal ? v.doubleValue() : v.value);
  switch (lname) {
    case 'mod':
      if (typeof a === 'bigint' || typeof b === 'bigint') return V.longOps.remainder(BigInt(a), BigInt(b));
      return V.intOps.remainder(a, b);
    case 'max':
    case 'min': {
      if (a === null || b === null) I.npe();
      const c = compareNumeric(a, b);
      const pick = lname === 'max' ? (c >= 0 ? a : b) : c <= 0 ? a : b;
      // result type: the wider of the two
      if (a instanceof V.Decimal || b instanceof V.Decimal) return toDecimal(pick);
      if (a instanceof V.ApexDouble || b instanceof V.ApexDouble) return new V.ApexDouble(num(pick));
      if (typeof a === 'bigint' || typeof b === 'bigint') return BigInt(pick);
      return pick;
    }
    case 'abs':
      if (typeof a === 'number') return Math.abs(a) | 0;
      if (typeof a === 'bigint') return a < 0n ? -a : a;
      if (a instanceof V.Decimal) return a.abs();
      return new V.ApexDouble(Math.abs(num(a)));
    case 'pow':
      return new V.ApexDouble(Math.pow(num(a), num(b)));
    case 'sqrt':
      return new V.ApexDouble(Math.sqrt(num(a)));
    case 'floor':
      if (a instanceof V.Decimal) return a.setScale(0, 'FLOOR');
      return new V.ApexDouble(Math.floor(num(a)));
    case 'ceil':
      if (a instanceof V.Decimal) return a.setScale(0, 'CEILING');
      return new V.ApexDouble(Math.ceil(num(a)));
    case 'round':
      if (a instanceof V.Decimal) return a.setScale(0, 'HALF_EVEN').intValue();
      return Math.round(num(a)) | 0;
    case 'roundtolong':
      if (a instanceof V.Decimal) return a.setScale(0, 'HALF_UP').longValue();
      return BigInt(Math.round(num(a)));
    case 'random':
      return new V.ApexDouble(Math.random());
    case 'log':
      return new V.ApexDouble(Math.log(num(a)));
    case 'log10':
      return new V.ApexDouble(Math.log10(num(a)));
    case 'exp':
      return new V.ApexDouble(Math.exp(num(a)));
    case 'signum':
      return new V.ApexDouble(Math.sign(num(a)));
  }
  return I.unsupported(`Math.${lname}`);
}

function cryptoCall(I: Interpreter, lname: string, args: any[]): any {
  const V2: any = V;
  if (V2.Crypto) {
    for (const n of Object.getOwnPropertyNames(V2.Crypto)) if (n.toLowerCase() === lname) return wrapResult(V2.Crypto[n](...jsArgs(args)));
  }
  switch (lname) {
    case 'getrandominteger':
      return (Math.random() * 4294967296) | 0;
    case 'getrandomlong':
      return BigInt.asIntN(64, BigInt(Math.floor(Math.random() * 2 ** 32)) * 2n ** 32n + BigInt(Math.floor(Math.random() * 2 ** 32)));
  }
  return I.unsupported(`Crypto.${lname}`);
}

function encodingCall(I: Interpreter, lname: string, args: any[]): any {
  const V2: any = V;
  if (V2.EncodingUtil) {
    for (const n of Object.getOwnPropertyNames(V2.EncodingUtil)) if (n.toLowerCase() === lname) return wrapResult(V2.EncodingUtil[n](...jsArgs(args)));
  }
  switch (lname) {
    case 'converttohex':
      return Buffer.from(args[0].bytes).toString('hex');
    case 'base64encode':
      return Buffer.from(args[0].bytes).toString('base64');
    case 'base64decode':
      return V.ApexBlob.fromBuffer(Buffer.from(args[0], 'base64'));
    case 'urlencode':
      return encodeURIComponent(args[0]).replace(/%20/g, '+').replace(/[!'()*~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
    case 'urldecode':
      return decodeURIComponent(String(args[0]).replace(/\+/g, ' '));
  }
  return I.unsupported(`EncodingUtil.${lname}`);
}

export { Ret, ApexError, UnsupportedError };
