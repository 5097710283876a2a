// JSON.serialize / serializePretty / deserialize / deserializeUntyped, with Apex's number
// rules (integral numbers become Integer or Long, others Decimal) and Jackson's pretty format.
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as V from '../values/index.js';
import { ApexEnum, ApexList, ApexMap, ApexObject, ApexSet, ApexType, apexToString } from '../runtime.js';
import { isSObject, newSObject, sobjFieldEntries, sobjTypeName } from '../sobjects.js';
import type { Frame, Interpreter } from '../interpreter.js';
import type { TypeRef } from '../ast.js';

type J = { t: 'obj'; v: [string, J][] } | { t: 'arr'; v: J[] } | { t: 'str'; v: string } | { t: 'num'; v: string } | { t: 'bool'; v: boolean } | { t: 'null' };

const STR_T: TypeRef = { name: 'String', lname: 'string', args: [] };
const OBJ_T: TypeRef = { name: 'Object', lname: 'object', args: [] };

export class JsonLib {
  constructor(private I: Interpreter) {}

  fail(msg: string): never {
    this.I.throwSystem('System.JSONException', msg);
  }

  parse(text: string): J {
    let i = 0;
    const s = text;
    const ws = (): void => {
      while (i < s.length && /\s/.test(s[i])) i++;
    };
    const val = (): J => {
      ws();
      const c = s[i];
      if (c === '{') {
        i++;
        const out: [string, J][] = [];
        ws();
        if (s[i] === '}') {
          i++;
          return { t: 'obj', v: out };
        }
        for (;;) {
          ws();
          if (s[i] !== '"') this.fail(`Unexpected character ('${s[i]}' (code ${s.charCodeAt(i)})): was expecting double-quote to start field name at [line:1, column:${i + 1}]`);
          const k = str();
          ws();
          if (s[i] !== ':') this.fail(`Unexpected character at [line:1, column:${i + 1}]`);
          i++;
          out.push([k, val()]);
          ws();
          if (s[i] === ',') {
            i++;
            continue;
          }
          if (s[i] === '}') {
            i++;
            return { t: 'obj', v: out };
          }
          this.fail(`Unexpected character at [line:1, column:${i + 1}]`);
        }
      }
      if (c === '[') {
        i++;
        const out: J[] = [];
        ws();
        if (s[i] === ']') {
          i++;
          return { t: 'arr', v: out };
        }
        for (;;) {
          out.push(val());
          ws();
          if (s[i] === ',') {
            i++;
            continue;
          }
          if (s[i] === ']') {
            i++;
            return { t: 'arr', v: out };
          }
          this.fail(`Unexpected character at [line:1, column:${i + 1}]`);
        }
      }
      if (c === '"') return { t: 'str', v: str() };
      if (s.startsWith('true', i)) {
        i += 4;
        return { t: 'bool', v: true };
      }
      if (s.startsWith('false', i)) {
        i += 5;
        return { t: 'bool', v: false };
      }
      if (s.startsWith('null', i)) {
        i += 4;
        return { t: 'null' };
      }
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(s.substring(i));
      if (m) {
        i += m[0].length;
        return { t: 'num', v: m[0] };
      }
      return this.fail(`Unexpected character ('${c}' (code ${s.charCodeAt(i)})): expected a valid value at [line:1, column:${i + 1}]`);
    };
    const str = (): string => {
      i++;
      let out = '';
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\') {
          const n = s[i + 1];
          i += 2;
          if (n === 'n') out += '\n';
          else if (n === 't') out += '\t';
          else if (n === 'r') out += '\r';
          else if (n === 'b') out += '\b';
          else if (n === 'f') out += '\f';
          else if (n === 'u') {
            out += String.fromCharCode(parseInt(s.substr(i, 4), 16));
            i += 4;
          } else out += n;
        } else out += s[i++];
      }
      if (i >= s.length) this.fail('Unexpected end-of-input in a string');
      i++;
      return out;
    };
    const r = val();
    ws();
    if (i < s.length) this.fail(`Unexpected character ('${s[i]}') at [line:1, column:${i + 1}]`);
    return r;
  }

  untyped(j: J): any {
    switch (j.t) {
      case 'obj': {
        const m = new ApexMap(STR_T, OBJ_T);
        for (const [k, v] of j.v) m.put(k, this.untyped(v));
        return m;
      }
      case 'arr':
        return new ApexList(OBJ_T, j.v.map((x) => this.untyped(x)));
      case 'str':
        return j.v;
      case 'bool':
        return j.v;
      case 'null':
        return null;
      case 'num':
        if (/^-?\d+$/.test(j.v)) {
          const b = BigInt(j.v);
          if (b >= -2147483648n && b <= 2147483647n) return Number(b);
          if (b >= V.LONG_MIN && b <= V.LONG_MAX) return b;
          return V.Decimal.parse(j.v);
        }
        return V.Decimal.parse(j.v);
    }
  }

  staticCall(lname: string, args: any[], f: Frame): any {
    switch (lname) {
      case 'serialize':
        return this.write(args[0], null, args[1] === true);
      case 'serializepretty':
        return this.write(args[0], 0, args[1] === true);
      case 'deserializeuntyped':
        if (args[0] === null) this.I.npe();
        return this.untyped(this.parse(args[0]));
      case 'deserialize':
      case 'deserializestrict': {
        if (args[0] === null) this.I.npe();
        const t: ApexType = args[1];
        return this.typed(this.parse(args[0]), t.ref ?? { name: t.name, lname: t.name.toLowerCase(), args: [] }, t.cls ? t.cls : f.cls, lname === 'deserializestrict');
      }
      case 'createparser':
        if (args[0] === null) this.I.npe();
        return new V.JsonParser(args[0]);
      case 'creategenerator':
        return new V.JsonGenerator(args[0] === true);
    }
    return this.I.unsupported(`JSON.${lname}`);
  }

  typed(j: J, t: TypeRef, ctx: any, strict: boolean): any {
    if (j.t === 'null') return null;
    const n = t.lname;
    switch (n) {
      case 'object':
        return this.untyped(j);
      case 'string':
      case 'id':
        if (j.t === 'str') return j.v;
        if (j.t === 'num' || j.t === 'bool') return String(j.v);
        break;
      case 'integer':
        if (j.t === 'num') return V.Decimal.parse(j.v).intValue();
        if (j.t === 'str') return V.parseInteger(j.v);
        break;
      case 'long':
        if (j.t === 'num') return V.Decimal.parse(j.v).longValue();
        break;
      case 'decimal':
        if (j.t === 'num' || j.t === 'str') return V.Decimal.parse(j.v);
        break;
      case 'double':
        if (j.t === 'num' || j.t === 'str') return new V.ApexDouble(Number(j.v));
        break;
      case 'boolean':
        if (j.t === 'bool') return j.v;
        if (j.t === 'str') return j.v.toLowerCase() === 'true';
        break;
      case 'date':
        if (j.t === 'str') return V.ApexDate.parseIso(j.v);
        break;
      case 'datetime':
        if (j.t === 'str') return V.ApexDatetime.parseIso(j.v);
        break;
      case 'list':
      case 'set':
        if (j.t === 'arr') {
          const et = t.args[0] ?? OBJ_T;
          const items = j.v.map((x) => this.typed(x, et, ctx, strict));
          if (n === 'list') return new ApexList(et, items);
          const s = new ApexSet(et);
          for (const x of items) s.add(x);
          return s;
        }
        break;
      case 'map':
        if (j.t === 'obj') {
          const m = new ApexMap(t.args[0] ?? STR_T, t.args[1] ?? OBJ_T);
          for (const [k, v] of j.v) m.put(this.I.coerce(k, t.args[0] ?? STR_T, null), this.typed(v, t.args[1] ?? OBJ_T, ctx, strict));
          return m;
        }
        break;
      default: {
        const obj = this.I.schemaObject(n);
        if (obj && j.t === 'obj') return this.sobject(j, obj as any, strict);
        const cls = this.I.resolveClassName(n, ctx?.lname ? ctx : null);
        if (cls && cls.kind === 'enum' && j.t === 'str') return cls.enumValues.find((e) => e.name === j.v) ?? null;
        if (cls && j.t === 'obj') {
          const hasNoArg = !cls.decl || cls.decl.ctors.length === 0 || cls.decl.ctors.some((c) => c.params.length === 0);
          const o = hasNoArg ? this.I.instantiate(cls, []) : this.I.allocate(cls);
          const table = this.I.memberTable(cls);
          for (const [k, v] of j.v) {
            const mi = table.get(k.toLowerCase());
            if (!mi || mi.isStatic) {
              if (strict) this.fail(`No such column '${k}' on object of type ${cls.name}`);
              continue;
            }
            o.f.set(k.toLowerCase(), this.I.coerce(this.typed(v, mi.decl.type, mi.owner, strict), mi.decl.type, mi.owner));
          }
          return o;
        }
      }
    }
    return this.fail(`Cannot deserialize instance of ${t.name} from ${j.t === 'arr' ? 'START_ARRAY' : j.t === 'obj' ? 'START_OBJECT' : 'VALUE_STRING'} value`);
  }

  sobject(j: Extract<J, { t: 'obj' }>, def: any, strict: boolean): any {
    const rec = newSObject(def.name);
    for (const [k, v] of j.v) {
      if (k === 'attributes') continue;
      const lk = k.toLowerCase();
      const child = def.childRelationships?.get(lk);
      if (child) {
        if (v.t === 'null') continue;
        const recs = v.t === 'obj' ? v.v.find(([x]) => x === 'records')?.[1] : v;
        const childDef = this.I.schemaObject(String(child.childObject).toLowerCase());
        const items = recs && recs.t === 'arr' ? recs.v.map((x) => (x.t === 'obj' ? this.sobject(x, childDef, strict) : null)) : [];
        this.I.sobjectPutRaw(rec, lk, items);
        continue;
      }
      const parentField = [...(def.fields?.values() ?? [])].find((f: any) => f.relationshipName && f.relationshipName.toLowerCase() === lk);
      if (parentField) {
        if (v.t === 'obj') {
          const pdef = this.I.schemaObject(String(parentField.referenceTo?.[0] ?? '').toLowerCase());
          if (pdef) this.I.sobjectPutRaw(rec, lk, this.sobject(v, pdef, strict));
        } else this.I.sobjectPutRaw(rec, lk, null);
        continue;
      }
      const fd = def.fields?.get(lk);
      let val: any = this.untyped(v);
      if (fd && val !== null) {
        const ft = fd.type === 'Formula' ? fd.formulaType : fd.type;
        if (['Number', 'Currency', 'Percent', 'Summary'].includes(ft) && v.t === 'num') val = V.Decimal.parse(v.v);
        else if (ft === 'Date' && typeof val === 'string') val = V.ApexDate.parseIso(val.substring(0, 10));
        else if (ft === 'DateTime' && typeof val === 'string') val = V.ApexDatetime.parseIso(val);
        else if (ft === 'Summary' && v.t === 'num') val = V.Decimal.parse(v.v);
      }
      this.I.sobjectPutRaw(rec, lk, val);
    }
    return rec;
  }

  /** An Apex value as the generator's JsonOut (user classes by their fields, SObjects with attributes). */
  toJsonOut(x: any): any {
    if (x === null || x === undefined) return null;
    if (x instanceof ApexEnum) return x.name;
    if (x instanceof ApexList) return x.items.map((i) => this.toJsonOut(i));
    if (x instanceof ApexSet) return x.values().map((i) => this.toJsonOut(i));
    if (x instanceof ApexMap) return new Map([...x.map.values()].map(([k, v]) => [apexToString(k), this.toJsonOut(v)]));
    if (x instanceof ApexObject) {
      const m = new Map<string, any>();
      for (const [, mi] of this.I.memberTable(x.cls)) {
        if (mi.isStatic || mi.decl.mods.includes('transient')) continue;
        m.set(mi.decl.name, this.toJsonOut(x.f.get(mi.decl.lname)));
      }
      return m;
    }
    if (isSObject(x)) {
      const m = new Map<string, any>([['attributes', new Map([['type', sobjTypeName(x)]])]]);
      const names: Map<string, string> | undefined = (x as any).names;
      for (const [k, v] of sobjFieldEntries(x)) m.set(names?.get(k) ?? k, Array.isArray(v) ? v.map((r) => this.toJsonOut(r)) : this.toJsonOut(v));
      return m;
    }
    return x;
  }

  fromJsonValue(v: any): any {
    if (v instanceof Map) {
      const m = new ApexMap(STR_T, OBJ_T);
      for (const [k, x] of v) m.put(k, this.fromJsonValue(x));
      return m;
    }
    if (Array.isArray(v)) return new ApexList(OBJ_T, v.map((x) => this.fromJsonValue(x)));
    return v;
  }

  /** JSONGenerator and JSONParser instance methods. */
  instance(t: any, lname: string, args: any[]): any {
    if (t instanceof V.JsonGenerator) {
      const g: any = t;
      switch (lname) {
        case 'writestartobject':
        case 'writeendobject':
        case 'writestartarray':
        case 'writeendarray':
        case 'writenull':
        case 'close':
          g[{ writestartobject: 'writeStartObject', writeendobject: 'writeEndObject', writestartarray: 'writeStartArray', writeendarray: 'writeEndArray', writenull: 'writeNull', close: 'close' }[lname]!]();
          return null;
        case 'writefieldname':
          g.writeFieldName(args[0]);
          return null;
        case 'isclosed':
          return g.isClosed();
        case 'getasstring':
          return g.getAsString();
        case 'writenullfield':
          g.writeFieldValue(args[0], null);
          return null;
      }
      if (/^write[a-z]*field$/.test(lname) && args.length === 2) {
        g.writeFieldValue(args[0], this.toJsonOut(args[1]));
        return null;
      }
      if (/^write[a-z]+$/.test(lname) && args.length === 1) {
        g.writeValue(this.toJsonOut(args[0]));
        return null;
      }
      return this.I.unsupported(`JSONGenerator.${lname}`);
    }
    const p: any = t;
    for (let proto = Object.getPrototypeOf(p); proto; proto = Object.getPrototypeOf(proto)) {
      for (const n of Object.getOwnPropertyNames(proto)) {
        if (n.toLowerCase() !== lname || n === 'constructor') continue;
        const r = p[n](...args);
        if (lname === 'nexttoken' || lname === 'nextvalue' || lname === 'getcurrenttoken' || lname === 'getlastclearedtoken')
          return r === null || r === undefined ? null : this.I.builtins.enumValue('jsontoken', r);
        if (lname === 'readvalueasuntyped') return this.fromJsonValue(r);
        return r === undefined ? null : r;
      }
    }
    return this.I.unsupported(`JSONParser.${lname}`);
  }

  /** indent null = compact; else Jackson's default pretty printer. */
  write(v: any, indent: number | null, suppressNulls: boolean): string {
    const q = (s: string): string => JSON.stringify(s).replace(/[\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16));
    const pretty = indent !== null;
    const obj = (entries: [string, any][], lvl: number): string => {
      const parts = entries.filter(([, x]) => !(suppressNulls && (x === null || x === undefined)));
      if (parts.length === 0) return pretty ? '{ }' : '{}';
      if (!pretty) return '{' + parts.map(([k, x]) => q(k) + ':' + w(x, lvl + 1)).join(',') + '}';
      const pad = '  '.repeat(lvl + 1);
      return '{\n' + parts.map(([k, x]) => pad + q(k) + ' : ' + w(x, lvl + 1)).join(',\n') + '\n' + '  '.repeat(lvl) + '}';
    };
    const arr = (items: any[], lvl: number): string => {
      if (items.length === 0) return pretty ? '[ ]' : '[]';
      if (!pretty) return '[' + items.map((x) => w(x, lvl)).join(',') + ']';
      return '[ ' + items.map((x) => w(x, lvl)).join(', ') + ' ]';
    };
    const w = (x: any, lvl: number): string => {
      if (x === null || x === undefined) return 'null';
      if (typeof x === 'string') return q(x);
      if (typeof x === 'number' || typeof x === 'bigint') return String(x);
      if (typeof x === 'boolean') return String(x);
      if (x instanceof V.Decimal) return x.toString();
      if (x instanceof V.ApexDouble) return V.javaDoubleToString(x.value);
      if (x instanceof V.ApexDate) return q(x.toISO ? x.toISO() : x.toString());
      if (x instanceof V.ApexDatetime) return q(x.toJSON());
      if (x instanceof V.ApexTime) return q(x.toJSON());
      if (x instanceof V.ApexBlob) return q(Buffer.from((x as any).bytes).toString('base64'));
      if (x instanceof ApexEnum) return q(x.name);
      if (x instanceof ApexList) return arr(x.items, lvl);
      if (x instanceof ApexSet) return arr(x.values(), lvl);
      if (x instanceof ApexMap) return obj([...x.map.values()].map(([k, val]) => [apexToString(k), val]), lvl);
      if (isSObject(x)) {
        const entries: [string, any][] = [['attributes', new ApexMap(null, null)]];
        const attrs = entries[0][1] as ApexMap;
        attrs.put('type', sobjTypeName(x));
        const names: Map<string, string> | undefined = (x as any).names;
        for (const [k, val] of sobjFieldEntries(x)) {
          const name = names?.get(k) ?? k;
          if (Array.isArray(val)) entries.push([name, { totalSize: val.length, done: true, records: val } as any]);
          else entries.push([name, val]);
        }
        return obj(entries, lvl);
      }
      if (x instanceof ApexObject) {
        const entries: [string, any][] = [];
        if (x.cls.isException) this.I.unsupported('JSON.serialize of an exception');
        for (const [k, mi] of this.I.memberTable(x.cls)) {
          if (mi.isStatic || mi.decl.mods.includes('transient')) continue;
          void k;
          entries.push([mi.decl.name, x.f.get(mi.decl.lname)]);
        }
        return obj(entries, lvl);
      }
      if (x && typeof x === 'object' && 'records' in x) return obj(Object.entries(x), lvl);
      return this.I.unsupported('JSON.serialize of ' + this.I.runtimeTypeName(x));
    };
    return w(v, 0);
  }
}
