// SObjectRecord: an SObject value, shared by the interpreter and the data layer.
// Owned by data/ (see ../../DESIGN.md). Field keys are lower-case API names.
//
// Apex Developer Guide, "SObject Class": get/put/getSObject/getSObjects/getPopulatedFieldsAsMap/
// isSet/addError/clone. Reading a field of a queried row that the query did not select throws
// System.SObjectException "SObject row was retrieved via SOQL without querying the requested
// field: <Object>.<Field>".

import type { DmlError, ObjectDef } from '../contracts.js';
import { DataError, sobjectError } from './errors.js';
import { isValidId, to18 } from './ids.js';

export type RecordValue = unknown; // FieldValue | SObjectRecord | SObjectRecord[]

const TIMESTAMP_FIELDS = ['createddate', 'createdbyid', 'lastmodifieddate', 'lastmodifiedbyid', 'systemmodstamp'];

type RelInfo = { kind: 'parent' | 'child'; name: string; field?: string };
const relCache = new WeakMap<ObjectDef, Map<string, RelInfo>>();
/** Parent and child relationship names of an object, by lower-case name. */
export function relationshipIndex(def: ObjectDef): Map<string, RelInfo> {
  let m = relCache.get(def);
  if (!m) {
    m = new Map();
    for (const f of def.fields.values()) {
      if (f.relationshipName) m.set(f.relationshipName.toLowerCase(), { kind: 'parent', name: f.relationshipName, field: f.name });
    }
    for (const c of def.childRelationships.values()) m.set(c.relationshipName.toLowerCase(), { kind: 'child', name: c.relationshipName });
    relCache.set(def, m);
  }
  return m;
}

/** `ns__name` for an unprefixed custom name when the project is loaded with a namespace. */
export function namespacedKey(def: { namespace?: string }, lower: string): string | undefined {
  const ns = def.namespace?.toLowerCase();
  if (!ns || lower.startsWith(ns + '__') || !/__[a-z]+$/.test(lower)) return undefined;
  return `${ns}__${lower}`;
}

export class SObjectRecord {
  /** Canonical object API name (Referral__c, Lead). */
  readonly objectName: string;
  /** The object's metadata when known (records made by the org always have it). */
  readonly def: ObjectDef | undefined;
  /** Scalars by lower-case field name; parent records and child lists by lower-case relationship name. */
  readonly fields = new Map<string, RecordValue>();
  /** Canonical spelling of each populated key, for getPopulatedFieldsAsMap and output. */
  readonly names = new Map<string, string>();
  /** Non-null for rows that came from SOQL: the lower-case fields and relationships the query selected. */
  queried: Set<string> | null = null;
  /** Errors added with addError (in triggers they fail the row). */
  readonly errors: DmlError[] = [];
  /** Trigger.new in after triggers and Trigger.old: writes throw System.FinalException. */
  readOnly = false;

  constructor(def: ObjectDef | string, values?: Record<string, RecordValue> | Map<string, RecordValue>) {
    if (typeof def === 'string') {
      this.objectName = def;
      this.def = undefined;
    } else {
      this.objectName = def.name;
      this.def = def;
    }
    if (values) {
      const entries = values instanceof Map ? values.entries() : Object.entries(values);
      for (const [k, v] of entries) this.put(k, v);
    }
  }

  /** The record id (18 characters) or null. */
  get id(): string | null {
    const v = this.fields.get('id');
    return typeof v === 'string' ? v : null;
  }
  set id(v: string | null) {
    this.setRaw('Id', v);
  }

  /** True when the row came from SOQL. */
  get fromQuery(): boolean {
    return this.queried !== null;
  }

  private canonicalField(name: string): string {
    const lower = name.toLowerCase();
    const f = this.def?.fields.get(lower);
    if (f) return f.name;
    const r = this.relationshipOf(lower);
    if (r) return r.name;
    return this.names.get(lower) ?? name;
  }

  /** Resolves a relationship name: parent (kind 'parent', its lookup field) or child (kind 'child'). */
  relationshipOf(lower: string): { kind: 'parent' | 'child'; name: string; field?: string } | undefined {
    const def = this.def;
    if (!def) return undefined;
    return relationshipIndex(def).get(lower);
  }

  private checkField(name: string): string {
    const lower = name.toLowerCase();
    if (!this.def) return lower;
    if (this.def.fields.has(lower) || this.relationshipOf(lower)) return lower;
    // Apex inside the package's namespace names its own fields without the prefix
    const alias = namespacedKey(this.def, lower);
    if (alias && (this.def.fields.has(alias) || this.relationshipOf(alias))) return alias;
    throw sobjectError(`Invalid field ${name} for ${this.objectName}`);
  }

  /** SObject.get(fieldName). Throws for a queried row whose query did not select the field. */
  get(name: string): RecordValue {
    const lower = this.checkField(name);
    if (this.fields.has(lower)) return this.fields.get(lower);
    if (!this.def && this.objectName === 'AggregateResult') throw sobjectError(`Invalid field ${name} for AggregateResult`);
    if (this.queried && !this.queried.has(lower)) {
      const rel = this.relationshipOf(lower);
      if (rel) return null; // unqueried relationships read as null
      throw sobjectError(`SObject row was retrieved via SOQL without querying the requested field: ${this.objectName}.${this.canonicalField(name)}`);
    }
    return null;
  }

  /** SObject.put(fieldName, value): returns the previous value. Ids are normalised to 18 characters. */
  put(name: string, value: RecordValue): RecordValue {
    if (this.readOnly) throw new DataError('System.FinalException', 'Record is read-only');
    const lower = this.checkField(name);
    const prev = this.fields.has(lower) ? this.fields.get(lower) : null;
    this.setRaw(lower === name.toLowerCase() ? name : lower, value);
    return prev;
  }

  /** Sets a value without read-only or field checks (the org's own writes). */
  setRaw(name: string, value: RecordValue): void {
    const lower = name.toLowerCase();
    let v = value === undefined ? null : value;
    if (typeof v === 'string' && v.length === 15 && this.isIdField(lower) && isValidId(v)) v = to18(v);
    this.fields.set(lower, v);
    if (!this.names.has(lower)) this.names.set(lower, this.canonicalField(name));
    if (this.queried) this.queried.add(lower);
  }

  private isIdField(lower: string): boolean {
    if (lower === 'id') return true;
    const f = this.def?.fields.get(lower);
    return !!f && (f.type === 'Lookup' || f.type === 'MasterDetail' || f.type === 'Id');
  }

  /** SObject.isSet(fieldName): populated by a query or by code (even with null). */
  isSet(name: string): boolean {
    return this.fields.has(this.checkField(name));
  }

  /** Removes a field from the record (as if never set). */
  clear(name: string): void {
    const lower = name.toLowerCase();
    this.fields.delete(lower);
    this.names.delete(lower);
  }

  /** SObject.getPopulatedFieldsAsMap(): canonical names to values, in the order they were set. */
  getPopulatedFieldsAsMap(): Map<string, RecordValue> {
    const m = new Map<string, RecordValue>();
    for (const [k, v] of this.fields) m.set(this.names.get(k) ?? k, v);
    return m;
  }

  /** SObject.getSObject(relationshipName): the parent record or null. */
  getSObject(relName: string): SObjectRecord | null {
    const v = this.get(relName);
    return v instanceof SObjectRecord ? v : null;
  }
  /** SObject.getSObjects(childRelationshipName): the child rows or null. */
  getSObjects(relName: string): SObjectRecord[] | null {
    const v = this.get(relName);
    return Array.isArray(v) ? (v as SObjectRecord[]) : null;
  }
  putSObject(relName: string, value: SObjectRecord | null): SObjectRecord | null {
    const prev = this.fields.get(relName.toLowerCase());
    this.put(relName, value);
    return prev instanceof SObjectRecord ? prev : null;
  }

  /** SObject.addError(msg) / field.addError(msg): marks the row failed with FIELD_CUSTOM_VALIDATION_EXCEPTION. */
  addError(message: string, field?: string, escape = true): void {
    void escape;
    this.errors.push({ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message, fields: field ? [this.canonicalField(field)] : [] });
  }
  hasErrors(): boolean {
    return this.errors.length > 0;
  }
  getErrors(): DmlError[] {
    return [...this.errors];
  }

  /**
   * SObject.clone(preserveId, isDeepClone, preserveReadonlyTimestamps, preserveAutonumber).
   * A shallow clone shares parent records and child lists; a deep clone copies them.
   */
  clone(preserveId = false, isDeepClone = false, preserveReadonlyTimestamps = false, preserveAutonumber = false): SObjectRecord {
    const c = new SObjectRecord(this.def ?? this.objectName);
    if (this.queried) c.queried = new Set(this.queried);
    for (const [k, v] of this.fields) {
      if (k === 'id' && !preserveId) continue;
      if (!preserveReadonlyTimestamps && TIMESTAMP_FIELDS.includes(k)) continue;
      const f = this.def?.fields.get(k);
      if (!preserveAutonumber && f && (f.type === 'AutoNumber' || (f.name === 'Name' && this.def?.fields.get('name')?.type === 'AutoNumber'))) continue;
      let cv = v;
      if (isDeepClone) {
        if (v instanceof SObjectRecord) cv = v.clone(true, true, true, true);
        else if (Array.isArray(v)) cv = (v as SObjectRecord[]).map((r) => r.clone(true, true, true, true));
      }
      c.fields.set(k, cv);
      c.names.set(k, this.names.get(k) ?? k);
    }
    return c;
  }

  /** A copy with every field and flag (for Trigger.old and savepoints). */
  snapshot(): SObjectRecord {
    const c = this.clone(true, true, true, true);
    c.queried = this.queried ? new Set(this.queried) : null;
    return c;
  }

  getSObjectType(): string {
    return this.objectName;
  }

  /** Apex SObject equality: same type and equal populated field values (see Apex Developer Guide, "Understanding Expression Operators": == on sObjects). */
  equalsRecord(other: SObjectRecord, eq: (a: unknown, b: unknown) => boolean): boolean {
    if (other.objectName.toLowerCase() !== this.objectName.toLowerCase()) return false;
    if (other.fields.size !== this.fields.size) return false;
    for (const [k, v] of this.fields) {
      if (!other.fields.has(k)) return false;
      if (!eq(v, other.fields.get(k))) return false;
    }
    return true;
  }

  toString(): string {
    const parts: string[] = [];
    for (const [k, v] of this.fields) {
      if (v instanceof SObjectRecord || Array.isArray(v)) continue;
      parts.push(`${this.names.get(k) ?? k}=${v === null ? 'null' : String(v)}`);
    }
    return `${this.objectName}:{${parts.join(', ')}}`;
  }
}
