// Schema describe: SObjectType and SObjectField tokens, DescribeSObjectResult,
// DescribeFieldResult, PicklistEntry, Schema.getGlobalDescribe. Access checks ask the
// running context (profile plus permission sets of the running user).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { ApexList, ApexMap } from '../runtime.js';
import { newSObject } from '../sobjects.js';
import * as V from '../values/index.js';
import type { Interpreter } from '../interpreter.js';

/** Default values whose formula is a literal (true/false, a number, a quoted text). */
export function applyDefaults(r: any, def: any): void {
  for (const f of def.fields.values()) {
    if (f.defaultValue === undefined || f.defaultValue === null) continue;
    const dv = String(f.defaultValue).trim();
    let v: any;
    if (f.type === 'Checkbox' && /^(true|false)$/i.test(dv)) v = dv.toLowerCase() === 'true';
    else if (/^'.*'$/s.test(dv) || /^".*"$/s.test(dv)) v = dv.slice(1, -1);
    else if (/^-?\d+(\.\d+)?$/.test(dv) && ['Number', 'Currency', 'Percent'].includes(f.type)) v = V.Decimal.parse(dv);
    else continue;
    r.setRaw ? r.setRaw(f.name, v) : r.put(f.name, v);
  }
}

export class SchemaTok {
  constructor(
    public kind: 'sobjtype' | 'field' | 'sdescribe' | 'fdescribe' | 'fieldsmap' | 'picklist' | 'childrel',
    public obj: string,
    public field: string | null = null,
    public entry: any = null
  ) {}
  valueKey(): string {
    return `${this.kind}:${this.obj.toLowerCase()}:${(this.field ?? '').toLowerCase()}:${this.entry?.value ?? ''}`;
  }
  equals(o: any): boolean {
    return o instanceof SchemaTok && o.valueKey() === this.valueKey();
  }
  get fieldName(): string | null {
    return this.field;
  }
  toString(): string {
    if (this.kind === 'field' || this.kind === 'fdescribe') return this.field ?? '';
    if (this.kind === 'sobjtype') return this.obj;
    return `Schema.${this.kind}:${this.obj}`;
  }
  hashCode(): number {
    let h = 0;
    const s = this.valueKey();
    for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
    return h;
  }
}

const DISPLAY: Record<string, string> = {
  Id: 'ID',
  Text: 'STRING',
  TextArea: 'TEXTAREA',
  LongTextArea: 'TEXTAREA',
  Html: 'TEXTAREA',
  Email: 'EMAIL',
  Phone: 'PHONE',
  Url: 'URL',
  Picklist: 'PICKLIST',
  MultiselectPicklist: 'MULTIPICKLIST',
  Checkbox: 'BOOLEAN',
  Number: 'DOUBLE',
  Currency: 'CURRENCY',
  Percent: 'PERCENT',
  Date: 'DATE',
  DateTime: 'DATETIME',
  Time: 'TIME',
  Lookup: 'REFERENCE',
  MasterDetail: 'REFERENCE',
  AutoNumber: 'STRING'
};

export class SchemaLib {
  constructor(private I: Interpreter) {}

  objDef(name: string): any {
    const o = this.I.schemaObject(name.toLowerCase());
    if (!o) this.I.unsupported(`unknown SObject type ${name}`);
    return o;
  }

  fieldDef(obj: string, field: string): any {
    const def = this.objDef(obj);
    const f = def.fields.get(field.toLowerCase());
    if (!f) {
      const ns = this.I.schema.namespace ? this.I.schema.namespace.toLowerCase() + '__' : '';
      const g = ns ? def.fields.get(ns + field.toLowerCase()) ?? def.fields.get(field.toLowerCase().replace(ns, '')) : undefined;
      if (g) return g;
      this.I.unsupported(`unknown field ${obj}.${field}`);
    }
    return f;
  }

  sobjectType(name: string): SchemaTok {
    return new SchemaTok('sobjtype', this.objDef(name).name);
  }

  fieldToken(obj: string, field: string): SchemaTok {
    return new SchemaTok('field', this.objDef(obj).name, this.fieldDef(obj, field).name);
  }

  staticField(p: string, lname: string, name: string): any {
    if (p === 'schema.sobjecttype' || p === 'sobjecttype') return new SchemaTok('sdescribe', this.objDef(name).name);
    if (p === 'schema') {
      if (lname === 'sobjecttype') return undefined; // namespace step
    }
    if (p.startsWith('schema.') && this.I.schemaObject(p.substring(7))) {
      const obj = this.I.schemaObject(p.substring(7))!.name;
      if (lname === 'sobjecttype') return this.sobjectType(obj);
      return this.fieldToken(obj, name);
    }
    return undefined;
  }

  schemaCall(lname: string, args: any[]): any {
    if (lname === 'getglobaldescribe') {
      const m = new ApexMap({ name: 'String', lname: 'string', args: [] }, null);
      for (const o of this.I.schema.objects.values()) m.put(o.name.toLowerCase(), new SchemaTok('sobjtype', o.name));
      (m as any).ci = true;
      return m;
    }
    if (lname === 'describesobjects') {
      const names = args[0] instanceof ApexList ? args[0].items : [];
      return new ApexList(null, names.map((n: string) => new SchemaTok('sdescribe', this.objDef(n).name)));
    }
    return this.I.unsupported(`Schema.${lname}`);
  }

  staticCall(p: string, lname: string, args: any[]): any {
    void args;
    if (p.startsWith('schema.sobjecttype') || p === 'sobjecttype') return undefined;
    void lname;
    return undefined;
  }

  get(o: any, lname: string, name: string): any {
    if (!(o instanceof SchemaTok)) return undefined;
    if (o.kind === 'sdescribe' && lname === 'fields') return new SchemaTok('fieldsmap', o.obj);
    if (o.kind === 'fieldsmap') return new SchemaTok('fdescribe', o.obj, this.fieldDef(o.obj, name).name);
    if (o.kind === 'sobjtype' && lname === 'fields') return new SchemaTok('fieldsmap', o.obj);
    return this.I.unsupported(`Schema property ${name}`);
  }

  /** A name without the project's own namespace prefix (other prefixes stay). */
  localName(name: string): string {
    const ns = this.I.schema.namespace;
    return ns && name.toLowerCase().startsWith(ns.toLowerCase() + '__') ? name.substring(ns.length + 2) : name;
  }

  access(obj: string, field: string | null, kind: 'read' | 'create' | 'edit' | 'delete'): boolean {
    return this.I.builtins.ctx.hasAccess(obj, field, kind);
  }

  instanceCall(t: any, lname: string, args: any[]): any {
    if (!(t instanceof SchemaTok)) return undefined;
    switch (t.kind) {
      case 'sobjtype':
        switch (lname) {
          case 'getdescribe':
            return new SchemaTok('sdescribe', t.obj);
          case 'newsobject': {
            const r = newSObject(t.obj);
            if (args[0]) this.I.sobjectPutRaw(r, 'id', args[0]);
            if (args[1] === true) applyDefaults(r, this.objDef(t.obj));
            return r;
          }
          case 'tostring':
            return t.obj;
          case 'equals':
            return t.equals(args[0]);
          case 'hashcode':
            return t.hashCode();
        }
        break;
      case 'sdescribe': {
        const def = this.objDef(t.obj);
        switch (lname) {
          case 'getname':
            return def.name;
          case 'getlocalname':
            // "if the object is part of the current namespace, the namespace portion of the name
            // is omitted" (DescribeSObjectResult.getLocalName, Apex Reference)
            return this.localName(def.name);
          case 'getchildrelationships':
            // DescribeSObjectResult.getChildRelationships: one Schema.ChildRelationship per
            // lookup or master-detail pointing at this object (relationship names carry the prefix)
            return new ApexList(
              null,
              [...def.childRelationships.values()].map((c: any) => new SchemaTok('childrel', t.obj, c.field, c))
            );
          case 'getlabel':
            return def.label;
          case 'getlabelplural':
            return def.labelPlural;
          case 'getkeyprefix':
            return def.keyPrefix;
          case 'getsobjecttype':
            return new SchemaTok('sobjtype', t.obj);
          case 'iscustom':
            return def.custom;
          case 'isaccessible':
            return this.access(t.obj, null, 'read');
          case 'iscreateable':
            return this.access(t.obj, null, 'create');
          case 'isupdateable':
            return this.access(t.obj, null, 'edit');
          case 'isdeletable':
            return this.access(t.obj, null, 'delete');
          case 'isqueryable':
            return this.access(t.obj, null, 'read');
          case 'fields':
            return new SchemaTok('fieldsmap', t.obj);
        }
        break;
      }
      case 'fieldsmap':
        if (lname === 'getmap') {
          const m = new ApexMap({ name: 'String', lname: 'string', args: [] }, null);
          for (const f of this.objDef(t.obj).fields.values()) m.put(f.name.toLowerCase(), new SchemaTok('field', t.obj, f.name));
          (m as any).ci = true;
          return m;
        }
        break;
      case 'field':
        if (lname === 'getdescribe') return new SchemaTok('fdescribe', t.obj, t.field);
        if (lname === 'tostring') return t.field;
        if (lname === 'equals') return t.equals(args[0]);
        if (lname === 'hashcode') return t.hashCode();
        break;
      case 'fdescribe': {
        const f = this.fieldDef(t.obj, t.field!);
        switch (lname) {
          case 'getname':
            return f.name;
          case 'getlocalname':
            // "if the field is part of the current namespace, the namespace portion of the name
            // is omitted" (DescribeFieldResult.getLocalName, Apex Reference)
            return this.localName(f.name);
          case 'getlabel':
            return f.label;
          case 'gettype':
            return this.I.builtins.enumValue('displaytype', f.type === 'Formula' ? DISPLAY[f.formulaType] ?? 'STRING' : DISPLAY[f.type] ?? 'STRING');
          case 'getlength':
            return f.length ?? 0;
          case 'getprecision':
            return f.precision ?? 0;
          case 'getscale':
            return f.scale ?? 0;
          case 'isnillable':
            return f.nillable;
          case 'iscustom':
            return f.custom;
          case 'isunique':
            return f.unique;
          case 'isexternalid':
            return f.externalId;
          case 'iscalculated':
            return !!f.calculated || f.type === 'Formula';
          case 'getdefaultvalue':
            return null;
          case 'getsobjectfield':
            return new SchemaTok('field', t.obj, f.name);
          case 'getrelationshipname':
            return f.relationshipName ?? null;
          case 'getreferenceto':
            return new ApexList(null, (f.referenceTo ?? []).map((r: string) => new SchemaTok('sobjtype', r)));
          case 'isaccessible':
            return this.access(t.obj, f.name, 'read');
          case 'iscreateable':
            return f.createable !== false && this.access(t.obj, f.name, 'create');
          case 'isupdateable':
            return f.updateable !== false && this.access(t.obj, f.name, 'edit');
          case 'getpicklistvalues':
            return new ApexList(
              null,
              (f.picklistValues ?? []).map((p: any) => new SchemaTok('picklist', t.obj, f.name, p))
            );
          case 'getinlinehelptext':
            return f.inlineHelpText ?? null;
        }
        break;
      }
      case 'childrel':
        switch (lname) {
          case 'getchildsobject':
            return new SchemaTok('sobjtype', t.entry.childObject);
          case 'getfield':
            return new SchemaTok('field', t.entry.childObject, t.entry.field);
          case 'getrelationshipname':
            return t.entry.relationshipName ?? null;
          case 'iscascadedelete':
            return !!t.entry.cascadeDelete;
        }
        break;
      case 'picklist':
        switch (lname) {
          case 'getvalue':
            return t.entry.value;
          case 'getlabel':
            return t.entry.label;
          case 'isactive':
            return t.entry.active !== false;
          case 'isdefaultvalue':
            return !!t.entry.isDefault;
        }
        break;
    }
    return this.I.unsupported(`Schema ${t.kind}.${lname}`);
  }
}
