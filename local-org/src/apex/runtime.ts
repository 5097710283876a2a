// Run-time values the interpreter owns: collections with Apex equality and hashing, class
// instances, enum values, type references, and the JS error that carries an Apex exception.
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as V from './values/index.js';
import type { ClassDecl, TypeRef } from './ast.js';
import { isSObject, sobjEquals, sobjKey, sobjToString } from './sobjects.js';

export class RtClass {
  superclass: RtClass | null = null;
  interfaces: RtClass[] = [];
  staticValues = new Map<string, any>();
  staticState: 'none' | 'running' | 'done' = 'none';
  inner = new Map<string, RtClass>();
  outer: RtClass | null = null;
  enumValues: ApexEnum[] = [];
  resolved = false;
  constructor(
    public name: string, // canonical display name, e.g. RulesEngine.Candidate
    public decl: ClassDecl | null,
    public kind: 'class' | 'interface' | 'enum' = 'class'
  ) {}
  get lname(): string {
    return this.name.toLowerCase();
  }
  isSubclassOf(other: RtClass): boolean {
    const seen = new Set<RtClass>();
    const stack: RtClass[] = [this];
    while (stack.length) {
      const c = stack.pop()!;
      if (c === other) return true;
      if (seen.has(c)) continue;
      seen.add(c);
      if (c.superclass) stack.push(c.superclass);
      for (const i of c.interfaces) stack.push(i);
    }
    return false;
  }
  /** true for Exception and its subclasses. */
  isException = false;
}

let identitySeq = 0;
const identityIds = new WeakMap<object, number>();
export function identityOf(o: object): number {
  let id = identityIds.get(o);
  if (id === undefined) {
    id = ++identitySeq;
    identityIds.set(o, id);
  }
  return id;
}

export class ApexObject {
  f = new Map<string, any>();
  constructor(public cls: RtClass) {}
}

export class ApexEnum {
  constructor(
    public cls: RtClass,
    public name: string,
    public ordinal: number
  ) {}
  toString(): string {
    return this.name;
  }
}

/** A reference to a type or namespace while evaluating a dotted name (Schema.SObjectType...). */
export class TypeName {
  constructor(public path: string) {}
}

/** System.Type values. */
export class ApexType {
  constructor(
    public name: string,
    public ref: TypeRef | null,
    public cls: RtClass | null
  ) {}
}

export type EqualsHook = (a: ApexObject, b: any) => boolean;
export type HashHook = (a: ApexObject) => number | null;
export const hooks: { equals: EqualsHook | null; hashCode: HashHook | null; toStr: ((v: any) => string) | null } = {
  equals: null,
  hashCode: null,
  toStr: null
};

export class ApexList {
  constructor(
    public elemType: TypeRef | null,
    public items: any[] = []
  ) {}
  readOnly = false;
}

/** Hash key of a value for Set/Map: equal Apex values give equal keys, except custom equals(). */
export function keyOf(v: any): string {
  if (v === null || v === undefined) return 'n';
  switch (typeof v) {
    case 'string':
      return 's' + v;
    case 'number':
      return 'i' + v;
    case 'boolean':
      return v ? 'bt' : 'bf';
    case 'bigint':
      return 'l' + v.toString();
  }
  if (v instanceof V.Decimal) return 'd' + v.toString();
  if (v instanceof V.ApexDouble) return 'f' + v.value;
  if (v instanceof ApexEnum) return 'e' + identityOf(v.cls) + ':' + v.name;
  if (v instanceof ApexObject) {
    const h = hooks.hashCode ? hooks.hashCode(v) : null;
    if (h === null) return 'o' + identityOf(v);
    return 'h' + h;
  }
  if (isSObject(v)) return 'r' + sobjKey(v);
  if (v instanceof ApexList) return 'L[' + v.items.map(keyOf).join(',') + ']';
  if (v instanceof ApexSet) return 'S{' + [...v.map.keys()].sort().join(',') + '}';
  if (v instanceof ApexMap) return 'M{' + [...v.map.keys()].sort().map((k) => k + '=' + keyOf(v.map.get(k)![1])).join(',') + '}';
  if (v instanceof ApexType) return 'T' + v.name.toLowerCase();
  if (typeof v.valueKey === 'function') return 'v' + v.constructor.name + v.valueKey();
  if (typeof v.toString === 'function' && v.constructor !== Object) {
    if (typeof v.getTime === 'function') return 'v' + v.constructor.name + v.getTime();
    return 'v' + v.constructor.name + String(v);
  }
  return 'o' + identityOf(v);
}

function needsEqualsCheck(k: string): boolean {
  return k.charCodeAt(0) === 104; // 'h'
}

/** Map and Set share this keyed store: insertion order, Apex equality. */
class KeyedStore {
  map = new Map<string, [any, any]>();
  resolveKey(k: any, create: boolean): string | null {
    const base = keyOf(k);
    if (!needsEqualsCheck(base)) return base;
    for (let i = 0; ; i++) {
      const cand = i === 0 ? base : base + '#' + i;
      const e = this.map.get(cand);
      if (!e) return create ? cand : null;
      if (apexEquals(e[0], k)) return cand;
    }
  }
}

export class ApexSet extends KeyedStore {
  constructor(public elemType: TypeRef | null) {
    super();
  }
  add(v: any): boolean {
    const k = this.resolveKey(v, true)!;
    if (this.map.has(k)) return false;
    this.map.set(k, [v, true]);
    return true;
  }
  has(v: any): boolean {
    const k = this.resolveKey(v, false);
    return k !== null && this.map.has(k);
  }
  remove(v: any): boolean {
    const k = this.resolveKey(v, false);
    return k !== null && this.map.delete(k);
  }
  values(): any[] {
    return [...this.map.values()].map((e) => e[0]);
  }
  get size(): number {
    return this.map.size;
  }
  readOnly = false;
}

export class ApexMap extends KeyedStore {
  constructor(
    public keyType: TypeRef | null,
    public valType: TypeRef | null
  ) {
    super();
  }
  get(k: any): any {
    const key = this.resolveKey(k, false);
    if (key === null) return null;
    const e = this.map.get(key);
    return e ? e[1] : null;
  }
  has(k: any): boolean {
    const key = this.resolveKey(k, false);
    return key !== null && this.map.has(key);
  }
  put(k: any, v: any): any {
    const key = this.resolveKey(k, true)!;
    const old = this.map.get(key);
    if (old) {
      const prev = old[1];
      old[1] = v;
      return prev;
    }
    this.map.set(key, [k, v]);
    return null;
  }
  remove(k: any): any {
    const key = this.resolveKey(k, false);
    if (key === null) return null;
    const e = this.map.get(key);
    if (!e) return null;
    this.map.delete(key);
    return e[1];
  }
  keys(): any[] {
    return [...this.map.values()].map((e) => e[0]);
  }
  vals(): any[] {
    return [...this.map.values()].map((e) => e[1]);
  }
  get size(): number {
    return this.map.size;
  }
}

/** Apex == : strings case-insensitive, numbers by value across types, SObjects by fields. */
export function apexEquals(a: any, b: any): boolean {
  if (a === b) return true;
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (typeof a === 'string' && typeof b === 'string') {
    if (a.length !== b.length) {
      // 15/18-char Id comparison
      if ((a.length === 15 && b.length === 18) || (a.length === 18 && b.length === 15))
        return a.substring(0, 15) === b.substring(0, 15);
      return false;
    }
    return a === b || a.toLowerCase() === b.toLowerCase();
  }
  if (isNumeric(a) && isNumeric(b)) return compareNumeric(a, b) === 0;
  if (a instanceof ApexObject) {
    if (hooks.equals) return hooks.equals(a, b);
    return false;
  }
  if (isSObject(a) && isSObject(b)) return sobjEquals(a, b);
  if (a instanceof ApexList && b instanceof ApexList) {
    if (a.items.length !== b.items.length) return false;
    return a.items.every((x, i) => apexEquals(x, b.items[i]));
  }
  if (a instanceof ApexSet && b instanceof ApexSet) {
    if (a.size !== b.size) return false;
    return a.values().every((x) => b.has(x));
  }
  if (a instanceof ApexMap && b instanceof ApexMap) {
    if (a.size !== b.size) return false;
    return a.keys().every((k) => b.has(k) && apexEquals(a.get(k), b.get(k)));
  }
  if (a instanceof ApexType && b instanceof ApexType) return a.name.toLowerCase() === b.name.toLowerCase();
  if (typeof a === 'object' && typeof b === 'object' && a.constructor === b.constructor) {
    if (typeof a.equals === 'function') return a.equals(b);
    if (typeof a.getTime === 'function') return a.getTime() === b.getTime();
    if (typeof a.compareTo === 'function') return a.compareTo(b) === 0;
    if (a instanceof Uint8Array || (a.bytes instanceof Uint8Array && b.bytes instanceof Uint8Array)) {
      const x: Uint8Array = a.bytes ?? a;
      const y: Uint8Array = b.bytes ?? b;
      return x.length === y.length && x.every((v, i) => v === y[i]);
    }
  }
  return false;
}

export function isNumeric(v: any): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || v instanceof V.Decimal || v instanceof V.ApexDouble;
}

export function toDecimal(v: any): V.Decimal {
  if (v instanceof V.Decimal) return v;
  if (typeof v === 'number') return V.Decimal.fromInteger(v);
  if (typeof v === 'bigint') return V.Decimal.fromInteger(v);
  if (v instanceof V.ApexDouble) return V.Decimal.fromDouble(v.value);
  throw new V.ApexValueError('System.TypeException', 'Invalid conversion to Decimal');
}

export function toJsNumber(v: any): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof V.Decimal) return v.doubleValue();
  if (v instanceof V.ApexDouble) return v.value;
  throw new V.ApexValueError('System.TypeException', 'not a number');
}

export function compareNumeric(a: any, b: any): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof V.ApexDouble || b instanceof V.ApexDouble) {
    const x = toJsNumber(a);
    const y = toJsNumber(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return toDecimal(a).compareTo(toDecimal(b));
}

/** String.valueOf / concatenation rendering of any value. */
export function apexToString(v: any): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string':
      return v;
    case 'number':
      return String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return v.toString();
  }
  if (v instanceof V.ApexDouble) return V.javaDoubleToString(v.value);
  if (v instanceof V.Decimal) return v.toString();
  if (v instanceof ApexEnum) return v.name;
  if (v instanceof ApexList) return '(' + v.items.map(apexToString).join(', ') + ')';
  if (v instanceof ApexSet) return '{' + v.values().map(apexToString).join(', ') + '}';
  if (v instanceof ApexMap) return '{' + [...v.map.values()].map((e) => apexToString(e[0]) + '=' + apexToString(e[1])).join(', ') + '}';
  if (v instanceof ApexType) return v.name;
  if (v instanceof ApexObject) {
    if (hooks.toStr) return hooks.toStr(v);
    return v.cls.name + ':[' + [...v.f.entries()].filter(([k]) => !k.startsWith('$')).map(([k, x]) => k + '=' + apexToString(x)).join(', ') + ']';
  }
  if (isSObject(v)) return sobjToString(v);
  return String(v);
}

export class ApexError extends Error {
  constructor(public ex: ApexObject) {
    super(String(ex.f.get('$message') ?? ''));
  }
}

/** Not modelled: fails the test that reaches it; never caught by Apex code. */
export class UnsupportedError extends Error {
  constructor(what: string, where?: string) {
    super(`Unsupported in the local org: ${what}${where ? ` (${where})` : ''}`);
  }
}
