// Adapter between the interpreter and the data layer's SObjectRecord (data/sobject.ts).
// Everything the interpreter does with a record goes through these functions.
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as S from '../data/sobject.js';

const Rec: any = (S as any).SObjectRecord;

export function isSObject(v: any): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Rec && v instanceof Rec) return true;
  return v.__sobject === true;
}

/** Lower-case field -> value, in insertion order. */
function fieldsOf(r: any): Map<string, any> {
  return r.fields as Map<string, any>;
}

export function sobjTypeName(r: any): string {
  return r.objectName ?? r.type ?? r.sobjectType;
}

export function sobjGet(r: any, field: string): any {
  if (typeof r.get === 'function') return r.get(field);
  const v = fieldsOf(r).get(field.toLowerCase());
  return v === undefined ? null : v;
}

export function sobjHas(r: any, field: string): boolean {
  if (typeof r.isSet === 'function') return r.isSet(field);
  return fieldsOf(r).has(field.toLowerCase());
}

export function sobjPut(r: any, field: string, value: any): void {
  if (typeof r.put === 'function') {
    r.put(field, value);
    return;
  }
  fieldsOf(r).set(field.toLowerCase(), value);
}

export function sobjFieldEntries(r: any): [string, any][] {
  return [...fieldsOf(r).entries()];
}

let schemaRef: any = null;
/** The schema new records take their ObjectDef from (field checks, canonical names). */
export function setSObjectSchema(schema: any): void {
  schemaRef = schema;
}

export function newSObject(objectName: string): any {
  const def = schemaRef?.objects?.get(objectName.toLowerCase());
  if (Rec) return new Rec(def ?? objectName);
  return { __sobject: true, objectName, fields: new Map<string, any>() };
}

export function sobjClone(r: any): any {
  if (typeof r.clone === 'function') return r.clone();
  const c = newSObject(sobjTypeName(r));
  for (const [k, v] of sobjFieldEntries(r)) fieldsOf(c).set(k, v);
  return c;
}

export function sobjKey(r: any): string {
  const parts = sobjFieldEntries(r)
    .filter(([, v]) => v === null || typeof v !== 'object' || !isSObject(v))
    .map(([k, v]) => k + '=' + (v === null ? 'null' : typeof v === 'object' ? (v.valueKey?.() ?? String(v)) : String(v)))
    .sort();
  return sobjTypeName(r).toLowerCase() + '{' + parts.join(',') + '}';
}

export function sobjEquals(a: any, b: any): boolean {
  return sobjKey(a) === sobjKey(b);
}

export function sobjToString(r: any): string {
  const parts = sobjFieldEntries(r).map(([k, v]) => `${k}=${v === null ? 'null' : String(v)}`);
  return `${sobjTypeName(r)}:{${parts.join(', ')}}`;
}
