// The Apex interpreter: class loading, static and instance initialisation, statements,
// expressions, method dispatch, exceptions. System classes live in builtins.ts.
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as V from './values/index.js';
import type { ClassDecl, CtorDecl, Expr, MethodDecl, PropDecl, Stmt, TriggerDecl, TypeRef, FieldDecl } from './ast.js';
import { compileSource } from './parse.js';
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
  hooks,
  isNumeric,
  toDecimal
} from './runtime.js';
import { isSObject, sobjGet, sobjPut, sobjTypeName, newSObject, setSObjectSchema } from './sobjects.js';
import type { Schema, ApexSourceFile } from '../contracts.js';
import { Builtins, SYSTEM_EXCEPTION_CANONICAL } from './builtins.js';

export const BRK = 1;
/** A safe navigation (?.) met null: the rest of the chain is not evaluated and yields null. */
const SHORT = Symbol('short-circuit');
export const CONT = 2;
export class Ret {
  constructor(public v: any) {}
}
type Completion = undefined | typeof BRK | typeof CONT | Ret;

export class Scope {
  vars = new Map<string, { v: any; t: TypeRef | null }>();
  constructor(public parent: Scope | null) {}
  lookup(n: string): { v: any; t: TypeRef | null } | undefined {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let s: Scope | null = this;
    while (s) {
      const x = s.vars.get(n);
      if (x) return x;
      s = s.parent;
    }
    return undefined;
  }
}

export interface Frame {
  self: ApexObject | null;
  cls: RtClass;
  scope: Scope;
  method: string;
  line: number;
  col: number;
  file: string;
  accessorOf?: string;
  sharing?: 'with' | 'without';
}

interface MemberInfo {
  decl: FieldDecl | PropDecl;
  owner: RtClass;
  isStatic: boolean;
}

const PRIMS = new Set([
  'string',
  'id',
  'integer',
  'long',
  'decimal',
  'double',
  'boolean',
  'date',
  'datetime',
  'time',
  'blob',
  'object',
  'sobject'
]);

/** Whether a numeric Apex value is a NaN Double. */
function isNaNDouble(v: any): boolean {
  return (typeof v === 'number' && Number.isNaN(v)) || (v instanceof V.ApexDouble && Number.isNaN(v.value));
}

export class Interpreter {
  classes = new Map<string, RtClass>();
  triggers: TriggerDecl[] = [];
  stack: Frame[] = [];
  builtins: Builtins;
  members = new Map<RtClass, Map<string, MemberInfo>>();
  methodCache = new Map<RtClass, Map<string, { m: MethodDecl; owner: RtClass }[]>>();
  resolveCache = new Map<string, RtClass | null>();
  exceptionBase: RtClass;
  steps = 0;

  constructor(
    public schema: Schema,
    public org: any
  ) {
    setSObjectSchema(schema);
    this.exceptionBase = new RtClass('Exception', null);
    this.exceptionBase.isException = true;
    this.classes.set('exception', this.exceptionBase);
    this.builtins = new Builtins(this);
    hooks.equals = (a, b) => this.objEquals(a, b);
    hooks.hashCode = (a) => this.objHash(a);
    hooks.toStr = (a) => this.objToString(a);
  }

  // ------------------------------------------------------------------ loading

  loadSources(sources: ApexSourceFile[]): void {
    for (const s of sources) {
      const compiled = compileSource(s.path, s.body, s.kind);
      if (compiled.classDecl) this.registerClass(compiled.classDecl, null);
      if (compiled.trigger) this.triggers.push(compiled.trigger);
    }
  }

  registerClass(decl: ClassDecl, outer: RtClass | null): RtClass {
    const name = outer ? `${outer.name}.${decl.name}` : decl.name;
    const cls = new RtClass(name, decl, decl.kind);
    cls.outer = outer;
    this.classes.set(name.toLowerCase(), cls);
    if (outer) outer.inner.set(decl.lname, cls);
    if (decl.kind === 'enum') cls.enumValues = decl.enumValues.map((v, i) => new ApexEnum(cls, v, i));
    for (const i of decl.inner) this.registerClass(i, cls);
    return cls;
  }

  /** Makes a system exception class (System.DmlException etc.) on demand. */
  systemException(name: string): RtClass {
    let short = name.replace(/^system\./i, '');
    const key = short.toLowerCase();
    short = SYSTEM_EXCEPTION_CANONICAL.get(key) ?? short;
    let c = this.classes.get(key);
    if (c) return c;
    c = new RtClass('System.' + short, null);
    c.isException = true;
    c.superclass = this.exceptionBase;
    c.resolved = true;
    this.classes.set(key, c);
    this.classes.set('system.' + key, c);
    return c;
  }

  ensureResolved(cls: RtClass): void {
    if (cls.resolved) return;
    cls.resolved = true;
    const d = cls.decl;
    if (!d) return;
    const ctx = cls.outer ?? cls;
    if (d.ext) {
      const sup = this.resolveClassRef(d.ext, cls.outer ?? null) ?? this.resolveClassRef(d.ext, ctx);
      if (!sup) throw new UnsupportedError(`superclass ${d.ext.name}`, `${d.file}:${d.line}`);
      cls.superclass = sup;
      this.ensureResolved(sup);
      if (sup.isException) cls.isException = true;
    }
    for (const i of d.impls) {
      const ic = this.resolveClassRef(i, ctx);
      if (ic) {
        this.ensureResolved(ic);
        cls.interfaces.push(ic);
      }
    }
    if (d.kind === 'interface' && d.impls.length) {
      // interface extends
    }
    if (cls.isException === false && /exception$/i.test(d.name) && !d.ext && d.kind === 'class') {
      // `extends Exception` is required in Apex; nothing to do
    }
  }

  /** Resolves a class name (dotted, any case) visible from ctx. */
  resolveClassName(lname: string, ctx: RtClass | null): RtClass | null {
    const key = (ctx ? ctx.lname : '') + '|' + lname;
    const hit = this.resolveCache.get(key);
    if (hit !== undefined) return hit;
    let found: RtClass | null = null;
    // inner classes of ctx and its outers and superclasses
    for (let c: RtClass | null = ctx; c && !found; c = c.outer) {
      for (let s: RtClass | null = c; s && !found; s = s.superclass) {
        const first = lname.split('.')[0];
        const inner = s.inner.get(first);
        if (inner) found = this.walkInner(inner, lname.split('.').slice(1));
        if (!s.resolved && s.decl) this.ensureResolved(s);
      }
    }
    if (!found) {
      const parts = lname.split('.');
      let c = this.classes.get(lname) ?? null;
      if (!c && parts.length > 1 && parts[0] === 'system') c = this.classes.get(parts.slice(1).join('.')) ?? null;
      if (!c && this.schema.namespace && parts[0] === this.schema.namespace.toLowerCase())
        c = this.classes.get(parts.slice(1).join('.')) ?? null;
      if (!c && /exception$/.test(lname) && this.builtins.isSystemExceptionName(lname)) c = this.systemException(lname);
      found = c;
    }
    this.resolveCache.set(key, found);
    return found;
  }

  walkInner(c: RtClass, rest: string[]): RtClass | null {
    let cur: RtClass | null = c;
    for (const r of rest) {
      cur = cur?.inner.get(r) ?? null;
    }
    return cur;
  }

  resolveClassRef(t: TypeRef, ctx: RtClass | null): RtClass | null {
    return this.resolveClassName(t.lname, ctx);
  }

  // ------------------------------------------------------------------ members

  memberTable(cls: RtClass): Map<string, MemberInfo> {
    let t = this.members.get(cls);
    if (t) return t;
    this.ensureResolved(cls);
    t = new Map();
    if (cls.superclass) for (const [k, v] of this.memberTable(cls.superclass)) t.set(k, v);
    if (cls.decl) {
      for (const m of cls.decl.members) {
        if (m.k === 'block') continue;
        t.set(m.lname, { decl: m, owner: cls, isStatic: m.isStatic });
      }
    }
    this.members.set(cls, t);
    return t;
  }

  methodsNamed(cls: RtClass, lname: string): { m: MethodDecl; owner: RtClass }[] {
    let cache = this.methodCache.get(cls);
    if (!cache) {
      cache = new Map();
      this.methodCache.set(cls, cache);
    }
    const hit = cache.get(lname);
    if (hit) return hit;
    this.ensureResolved(cls);
    const out: { m: MethodDecl; owner: RtClass }[] = [];
    for (let c: RtClass | null = cls; c; c = c.superclass) {
      if (c.decl) for (const m of c.decl.methods) if (m.lname === lname && !m.isAbstract) out.push({ m, owner: c });
    }
    // interface/abstract declarations last (for default resolution of arity)
    cache.set(lname, out);
    return out;
  }

  selectMethod(cands: { m: MethodDecl; owner: RtClass }[], args: any[], ctx: RtClass): { m: MethodDecl; owner: RtClass } | null {
    let best: { m: MethodDecl; owner: RtClass } | null = null;
    let bestScore = -1;
    const seenSig = new Set<string>();
    for (const c of cands) {
      if (c.m.params.length !== args.length) continue;
      const sig = c.m.params.map((p) => p.type.lname).join(',');
      if (seenSig.has(sig)) continue; // overridden in a subclass (first seen wins)
      seenSig.add(sig);
      let score = 0;
      let ok = true;
      for (let i = 0; i < args.length; i++) {
        const s = this.matchScore(args[i], c.m.params[i].type, c.owner);
        if (s < 0) {
          ok = false;
          break;
        }
        score += s;
      }
      if (ok && score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    void ctx;
    if (!best) {
      // the compiler has checked the types; with a single candidate of this arity, take it
      const same = cands.filter((c) => c.m.params.length === args.length);
      const sigs = new Set(same.map((c) => c.m.params.map((p) => p.type.lname).join(',')));
      if (sigs.size === 1) return same[0];
    }
    return best;
  }

  matchScore(v: any, t: TypeRef, ctx: RtClass): number {
    if (v === null || v === undefined) return 1;
    const n = t.lname;
    if (n === 'object') return 1;
    if (this.isInstance(v, t, ctx)) {
      // exact primitive matches rank above widening
      return 3;
    }
    if (typeof v === 'number' && (n === 'long' || n === 'decimal' || n === 'double')) return 2;
    if (typeof v === 'bigint' && (n === 'decimal' || n === 'double')) return 2;
    if (v instanceof V.Decimal && n === 'double') return 2;
    if (typeof v === 'string' && n === 'id') return 2;
    return -1;
  }

  // ------------------------------------------------------------------ static init

  ensureStatic(cls: RtClass): void {
    if (cls.staticState !== 'none') return;
    this.ensureResolved(cls);
    cls.staticState = 'running';
    if (cls.superclass) this.ensureStatic(cls.superclass);
    const d = cls.decl;
    if (!d) {
      cls.staticState = 'done';
      return;
    }
    const frame = this.newFrame(null, cls, '<clinit>', d.line);
    this.stack.push(frame);
    try {
      for (const m of d.members) {
        if (m.k === 'field' && m.isStatic) cls.staticValues.set(m.lname, this.defaultValue(m.type));
        if (m.k === 'prop' && m.isStatic) cls.staticValues.set(m.lname, this.defaultValue(m.type));
      }
      for (const m of d.members) {
        if (m.k === 'field' && m.isStatic && m.init) {
          frame.line = m.line;
          cls.staticValues.set(m.lname, this.coerce(this.eval(m.init, frame), m.type, cls));
        } else if (m.k === 'block' && m.isStatic) {
          this.exec(m.body, frame);
        }
      }
    } finally {
      this.stack.pop();
      cls.staticState = 'done';
    }
  }

  defaultValue(t: TypeRef): any {
    void t;
    return null;
  }

  resetStatics(): void {
    for (const c of this.classes.values()) {
      c.staticState = 'none';
      c.staticValues.clear();
    }
  }

  // ------------------------------------------------------------------ frames and stack

  newFrame(self: ApexObject | null, cls: RtClass, method: string, line: number): Frame {
    return {
      self,
      cls,
      scope: new Scope(null),
      method,
      line,
      col: 1,
      file: this.fileOf(cls),
      sharing: undefined
    };
  }

  fileOf(cls: RtClass): string {
    let c: RtClass | null = cls;
    while (c && !c.decl) c = c.outer;
    return c?.decl?.file ?? '';
  }

  topClassName(cls: RtClass): string {
    return cls.name;
  }

  stackTrace(): string {
    const lines: string[] = [];
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const f = this.stack[i];
      if (f.method === '<trigger>') lines.push(`Trigger.${f.cls.name}: line ${f.line}, column ${f.col}`);
      else if (f.method === '<clinit>') lines.push(`Class.${f.cls.name}.<clinit>: line ${f.line}, column ${f.col}`);
      else lines.push(`Class.${f.cls.name}.${f.method}: line ${f.line}, column ${f.col}`);
    }
    return lines.join('\n');
  }

  where(): string {
    const f = this.stack[this.stack.length - 1];
    return f ? `${f.file}:${f.line}` : '';
  }

  unsupported(what: string): never {
    throw new UnsupportedError(what, this.where());
  }

  // ------------------------------------------------------------------ exceptions

  newException(cls: RtClass, message: string | null, cause: any = null): ApexObject {
    const o = new ApexObject(cls);
    o.f.set('$message', message);
    o.f.set('$cause', cause);
    const top = this.stack[this.stack.length - 1];
    o.f.set('$line', top ? top.line : 0);
    o.f.set('$col', top ? top.col : 0);
    o.f.set('$stack', this.stackTrace());
    return o;
  }

  /** Throws a system exception of the given type name (System.XxxException). */
  throwSystem(typeName: string, message: string, extra?: (o: ApexObject) => void): never {
    const cls = this.systemException(typeName);
    const o = this.newException(cls, message);
    if (extra) extra(o);
    throw new ApexError(o);
  }

  /** Converts a library error into an Apex exception while the throwing frame is still on the stack. */
  atThrowSite(e: any): any {
    if (e instanceof ApexError || e instanceof UnsupportedError) return e;
    if (e && typeof e === 'object' && e.apexType === 'Unsupported') return new UnsupportedError(String(e.message).replace(/^Unsupported in the local org: /, ''), this.where());
    return this.toApexError(e) ?? e;
  }

  /** Converts any JS error into an ApexError when it is an Apex exception. */
  toApexError(e: any): ApexError | null {
    if (e instanceof ApexError) return e;
    if (e instanceof V.ApexValueError) {
      if (e.apexType === 'Unsupported') return null;
      const cls = this.systemException(e.apexType);
      return new ApexError(this.newException(cls, e.message));
    }
    if (e && typeof e === 'object' && typeof e.apexType === 'string' && e.apexType !== 'Unsupported') {
      const cls = this.systemException(e.apexType);
      const o = this.newException(cls, e.message);
      if (e.dmlRows) o.f.set('$dml', e.dmlRows);
      return new ApexError(o);
    }
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      const cls = this.systemException('System.LimitException');
      return new ApexError(this.newException(cls, 'Maximum stack depth reached: 1001'));
    }
    return null;
  }

  // ------------------------------------------------------------------ invocation

  invokeMethod(self: ApexObject | null, owner: RtClass, m: MethodDecl, args: any[], direct = false): any {
    if (m.isStatic) this.ensureStatic(owner);
    if (!direct && m.isStatic && m.annotations.some((a) => a.name === 'future')) {
      const ctx = this.builtins.ctx;
      if (ctx.asyncMode === 'FUTURE' || ctx.asyncMode === 'BATCH_APEX') this.throwSystem('System.AsyncException', 'Future method cannot be called from a future or batch method: ' + owner.name + '.' + m.name);
      ctx.enqueueFuture(owner, m, args);
      return null;
    }
    if (!m.body) this.unsupported(`abstract method ${owner.name}.${m.name} called`);
    const frame = this.newFrame(self, owner, m.name, m.line);
    frame.sharing = this.sharingOf(owner);
    for (let i = 0; i < m.params.length; i++) {
      frame.scope.vars.set(m.params[i].name.toLowerCase(), { v: this.coerce(args[i], m.params[i].type, owner), t: m.params[i].type });
    }
    if (this.stack.length > 1000) this.throwSystem('System.LimitException', 'Maximum stack depth reached: 1001');
    this.stack.push(frame);
    try {
      const c = this.exec(m.body, frame);
      if (c instanceof Ret) return m.ret ? this.coerce(c.v, m.ret, owner) : null;
      return null;
    } catch (e) {
      throw this.atThrowSite(e);
    } finally {
      this.stack.pop();
    }
  }

  sharingOf(cls: RtClass): 'with' | 'without' | undefined {
    let c: RtClass | null = cls;
    while (c) {
      const s = c.decl?.sharing;
      if (s === 'with' || s === 'without') return s;
      if (s === 'inherited') return undefined;
      c = c.outer;
    }
    return undefined;
  }

  /** Current sharing mode: the innermost frame's class's declared mode, inherited from callers. */
  currentSharing(): 'with' | 'without' {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const s = this.stack[i].sharing;
      if (s) return s;
    }
    return 'without';
  }

  callStatic(cls: RtClass, lname: string, args: any[], node: Expr): any {
    this.ensureStatic(cls);
    const cands = this.methodsNamed(cls, lname).filter((c) => c.m.isStatic);
    const sel = this.selectMethod(cands, args, cls);
    if (!sel) {
      if (cls.kind === 'enum') return this.builtins.enumStatic(cls, lname, args);
      this.unsupported(`method ${cls.name}.${lname}(${args.length} args) not found`);
    }
    void node;
    return this.invokeMethod(null, sel.owner, sel.m, args);
  }

  callInstance(obj: ApexObject, lname: string, args: any[], startCls?: RtClass): any {
    const cls = startCls ?? obj.cls;
    const cands = this.methodsNamed(cls, lname);
    const sel = this.selectMethod(cands, args, cls);
    if (sel) return this.invokeMethod(sel.m.isStatic ? null : obj, sel.owner, sel.m, args);
    if (cls.isException || obj.cls.isException) return this.builtins.exceptionMethod(obj, lname, args);
    return this.builtins.objectMethod(obj, lname, args);
  }

  // ------------------------------------------------------------------ instances

  instantiate(cls: RtClass, args: any[]): ApexObject {
    this.ensureStatic(cls);
    if (cls.kind !== 'class') this.unsupported(`new on ${cls.kind} ${cls.name}`);
    if (cls.decl?.mods.includes('abstract')) this.unsupported(`new on abstract class ${cls.name}`);
    const obj = new ApexObject(cls);
    // defaults for every field in the hierarchy
    for (const [k, mi] of this.memberTable(cls)) if (!mi.isStatic) obj.f.set(k, null);
    if (cls.isException) {
      obj.f.set('$message', null);
      obj.f.set('$cause', null);
      const top = this.stack[this.stack.length - 1];
      obj.f.set('$line', top ? top.line : 0);
      obj.f.set('$col', top ? top.col : 0);
      obj.f.set('$stack', this.stackTrace());
    }
    this.construct(obj, cls, args);
    return obj;
  }

  /** An instance without a constructor call (JSON.deserialize of a class without a no-argument constructor). */
  allocate(cls: RtClass): ApexObject {
    this.ensureStatic(cls);
    const obj = new ApexObject(cls);
    for (const [k, mi] of this.memberTable(cls)) if (!mi.isStatic) obj.f.set(k, null);
    const chain: RtClass[] = [];
    for (let c: RtClass | null = cls; c; c = c.superclass) chain.unshift(c);
    for (const c of chain) this.runInstanceInit(obj, c);
    return obj;
  }

  runInstanceInit(obj: ApexObject, cls: RtClass): void {
    const d = cls.decl;
    if (!d) return;
    const frame = this.newFrame(obj, cls, '<init>', d.line);
    this.stack.push(frame);
    try {
      for (const m of d.members) {
        if (m.k === 'field' && !m.isStatic && m.init) {
          frame.line = m.line;
          obj.f.set(m.lname, this.coerce(this.eval(m.init, frame), m.type, cls));
        } else if (m.k === 'block' && !m.isStatic) this.exec(m.body, frame);
      }
    } finally {
      this.stack.pop();
    }
  }

  construct(obj: ApexObject, cls: RtClass, args: any[]): void {
    if (!cls.decl) {
      // built-in Exception: (), (msg), (cause), (msg, cause)
      if (cls.isException) {
        if (args.length >= 1) {
          if (args[0] instanceof ApexObject && args.length === 1) obj.f.set('$cause', args[0]);
          else obj.f.set('$message', args[0] === null ? null : apexToString(args[0]));
        }
        if (args.length === 2) obj.f.set('$cause', args[1]);
      }
      return;
    }
    const ctors = cls.decl.ctors;
    if (ctors.length === 0) {
      if (args.length > 0 && !cls.isException) this.unsupported(`constructor ${cls.name}(${args.length} args)`);
      if (cls.superclass) this.construct(obj, cls.superclass, cls.isException ? args : []);
      this.runInstanceInit(obj, cls);
      return;
    }
    const ctor = this.selectCtor(ctors, args, cls);
    if (!ctor) {
      if (cls.isException && args.length <= 2 && cls.superclass) {
        this.construct(obj, cls.superclass, args);
        this.runInstanceInit(obj, cls);
        return;
      }
      this.unsupported(`constructor ${cls.name}(${args.length} args) not found`);
    }
    const frame = this.newFrame(obj, cls, '<init>', ctor.line);
    frame.sharing = this.sharingOf(cls);
    for (let i = 0; i < ctor.params.length; i++)
      frame.scope.vars.set(ctor.params[i].name.toLowerCase(), { v: this.coerce(args[i], ctor.params[i].type, cls), t: ctor.params[i].type });
    this.stack.push(frame);
    try {
      const body = ctor.body as Extract<Stmt, { k: 'block' }>;
      const first = body.stmts[0];
      let rest = body.stmts;
      if (first && first.k === 'expr' && first.e.k === 'ctorcall') {
        const cc = first.e;
        const cargs = cc.args.map((a) => this.eval(a, frame));
        rest = body.stmts.slice(1);
        if (cc.which === 'this') {
          this.construct(obj, cls, cargs);
        } else {
          if (cls.superclass) this.construct(obj, cls.superclass, cargs);
          this.runInstanceInit(obj, cls);
        }
      } else {
        if (cls.superclass) this.construct(obj, cls.superclass, []);
        this.runInstanceInit(obj, cls);
      }
      for (const s of rest) {
        const c = this.exec(s, frame);
        if (c instanceof Ret) break;
      }
    } finally {
      this.stack.pop();
    }
  }

  selectCtor(ctors: CtorDecl[], args: any[], cls: RtClass): CtorDecl | null {
    let best: CtorDecl | null = null;
    let bestScore = -1;
    for (const c of ctors) {
      if (c.params.length !== args.length) continue;
      let score = 0;
      let ok = true;
      for (let i = 0; i < args.length; i++) {
        const s = this.matchScore(args[i], c.params[i].type, cls);
        if (s < 0) {
          ok = false;
          break;
        }
        score += s;
      }
      if (ok && score > bestScore) {
        best = c;
        bestScore = score;
      }
    }
    if (!best) {
      const same = ctors.filter((c) => c.params.length === args.length);
      if (same.length === 1) return same[0];
    }
    return best;
  }

  objEquals(a: ApexObject, b: any): boolean {
    if (a === b) return true;
    if (!(b instanceof ApexObject)) return false;
    const cands = this.methodsNamed(a.cls, 'equals');
    const sel = cands.find((c) => c.m.params.length === 1);
    if (!sel) return false;
    return this.invokeMethod(a, sel.owner, sel.m, [b]) === true;
  }

  objHash(a: ApexObject): number | null {
    const cands = this.methodsNamed(a.cls, 'hashcode');
    const sel = cands.find((c) => c.m.params.length === 0);
    if (!sel) return null;
    return this.invokeMethod(a, sel.owner, sel.m, []) as number;
  }

  objToString(a: ApexObject): string {
    const cands = this.methodsNamed(a.cls, 'tostring');
    const sel = cands.find((c) => c.m.params.length === 0);
    if (sel) return apexToString(this.invokeMethod(a, sel.owner, sel.m, []));
    if (a.cls.isException) {
      const msg = a.f.get('$message');
      return a.cls.name + (msg !== null && msg !== undefined ? ': ' + msg : '');
    }
    const parts: string[] = [];
    for (const [k, mi] of this.memberTable(a.cls)) {
      if (mi.isStatic) continue;
      parts.push(`${mi.decl.name}=${apexToString(a.f.get(k))}`);
    }
    return `${a.cls.name}:[${parts.join(', ')}]`;
  }

  // ------------------------------------------------------------------ types

  isInstance(v: any, t: TypeRef, ctx: RtClass | null): boolean {
    if (v === null || v === undefined) return false;
    const n = t.lname;
    switch (n) {
      case 'object':
        return true;
      case 'string':
        return typeof v === 'string';
      case 'id':
        return typeof v === 'string';
      case 'integer':
        return typeof v === 'number';
      case 'long':
        return typeof v === 'bigint';
      case 'decimal':
        return v instanceof V.Decimal;
      case 'double':
        return v instanceof V.ApexDouble;
      case 'boolean':
        return typeof v === 'boolean';
      case 'date':
        return v instanceof V.ApexDate;
      case 'datetime':
        return v instanceof V.ApexDatetime;
      case 'time':
        return v instanceof V.ApexTime;
      case 'blob':
        return v instanceof V.ApexBlob;
      case 'list':
        return v instanceof ApexList;
      case 'set':
        return v instanceof ApexSet;
      case 'map':
        return v instanceof ApexMap;
      case 'sobject':
        return isSObject(v);
    }
    if (isSObject(v)) {
      const obj = this.schemaObject(t.lname);
      if (obj) return sobjTypeName(v).toLowerCase() === obj.name.toLowerCase();
    }
    const cls = this.resolveClassName(n, ctx);
    if (cls) {
      if (v instanceof ApexObject) return v.cls.isSubclassOf(cls);
      if (v instanceof ApexEnum) return v.cls === cls;
      return false;
    }
    return this.builtins.isNativeInstance(v, n);
  }

  schemaObject(lname: string): { name: string } | null {
    let o = this.schema.objects.get(lname);
    if (!o && lname.startsWith('schema.')) o = this.schema.objects.get(lname.substring(7));
    if (!o && this.schema.namespace) {
      const ns = this.schema.namespace.toLowerCase() + '__';
      if (lname.startsWith(ns)) o = this.schema.objects.get(lname.substring(ns.length));
      else o = this.schema.objects.get(ns + lname);
    }
    return o ?? null;
  }

  /** Assignment conversion to a declared type. */
  coerce(v: any, t: TypeRef | null, ctx: RtClass | null): any {
    if (v === null || v === undefined || !t) return v ?? null;
    switch (t.lname) {
      case 'long':
        if (typeof v === 'number') return BigInt(v);
        return v;
      case 'decimal':
        if (typeof v === 'number' || typeof v === 'bigint') return V.Decimal.fromInteger(v);
        if (v instanceof V.ApexDouble) return V.Decimal.fromDouble(v.value);
        return v;
      case 'double':
        if (typeof v === 'number') return new V.ApexDouble(v);
        if (typeof v === 'bigint') return new V.ApexDouble(Number(v));
        if (v instanceof V.Decimal) return new V.ApexDouble(v.doubleValue());
        return v;
      case 'id':
        if (typeof v === 'string') return this.builtins.toId(v);
        return v;
      case 'list':
        if (v instanceof ApexList && t.args[0] && !v.elemType) v.elemType = t.args[0];
        return v;
    }
    if (v instanceof ApexList && (v as any).fromSoql && (t.lname === 'sobject' || t.lname === 'aggregateresult' || this.schemaObject(t.lname))) return this.singleRow(v);
    void ctx;
    return v;
  }

  /** A SOQL result assigned to a single SObject: exactly one row (Apex Developer Guide, SOQL Statements). */
  singleRow(l: ApexList): any {
    if (l.items.length === 0) this.throwSystem('System.QueryException', 'List has no rows for assignment to SObject');
    if (l.items.length > 1) this.throwSystem('System.QueryException', 'List has more than 1 row for assignment to SObject');
    return l.items[0];
  }

  /** (Type) v at run time. */
  cast(v: any, t: TypeRef, ctx: RtClass): any {
    if (v === null || v === undefined) return null;
    const n = t.lname;
    if (n === 'object') return v;
    if (this.isInstance(v, t, ctx)) return this.coerce(v, t, ctx);
    // numeric widening/narrowing casts that Apex allows
    if (isNumeric(v)) {
      if (n === 'decimal' || n === 'double' || n === 'long') return this.coerce(v, t, ctx);
      if (n === 'integer') {
        if (typeof v === 'bigint') return Number(BigInt.asIntN(32, v));
        if (v instanceof V.Decimal) return v.intValue();
        if (v instanceof V.ApexDouble) return V.doubleToInt32(v.value);
      }
    }
    if (typeof v === 'string' && n === 'id') return this.builtins.toId(v);
    if (isSObject(v) && this.schemaObject(n) === null && !this.resolveClassName(n, ctx)) return v;
    throw new ApexError(
      this.newException(this.systemException('System.TypeException'), `Invalid conversion from runtime type ${this.runtimeTypeName(v)} to ${this.typeDisplay(t)}`)
    );
  }

  typeDisplay(t: TypeRef): string {
    if (t.args.length) return `${t.name}<${t.args.map((a) => this.typeDisplay(a)).join(',')}>`;
    return t.name;
  }

  runtimeTypeName(v: any): string {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return 'String';
    if (typeof v === 'number') return 'Integer';
    if (typeof v === 'bigint') return 'Long';
    if (typeof v === 'boolean') return 'Boolean';
    if (v instanceof V.Decimal) return 'Decimal';
    if (v instanceof V.ApexDouble) return 'Double';
    if (v instanceof V.ApexDate) return 'Date';
    if (v instanceof V.ApexDatetime) return 'Datetime';
    if (v instanceof V.ApexTime) return 'Time';
    if (v instanceof V.ApexBlob) return 'Blob';
    if (v instanceof ApexList) return `List<${v.elemType ? this.typeDisplay(v.elemType) : 'Object'}>`;
    if (v instanceof ApexSet) return `Set<${v.elemType ? this.typeDisplay(v.elemType) : 'Object'}>`;
    if (v instanceof ApexMap) return `Map<${v.keyType ? this.typeDisplay(v.keyType) : 'Object'},${v.valType ? this.typeDisplay(v.valType) : 'Object'}>`;
    if (v instanceof ApexObject) return v.cls.name;
    if (v instanceof ApexEnum) return v.cls.name;
    if (isSObject(v)) return sobjTypeName(v);
    if (v instanceof ApexType) return 'System.Type';
    return this.builtins.nativeTypeName(v);
  }

  // ------------------------------------------------------------------ statements

  exec(s: Stmt, f: Frame): Completion {
    f.line = s.line;
    f.col = s.col;
    switch (s.k) {
      case 'block': {
        const saved = f.scope;
        f.scope = new Scope(saved);
        try {
          for (const x of s.stmts) {
            const c = this.exec(x, f);
            if (c !== undefined) return c;
          }
        } finally {
          f.scope = saved;
        }
        return undefined;
      }
      case 'local':
        for (const d of s.decls) {
          const v = d.init ? this.coerce(this.eval(d.init, f), s.type, f.cls) : null;
          f.scope.vars.set(d.name.toLowerCase(), { v, t: s.type });
        }
        return undefined;
      case 'expr':
        this.eval(s.e, f);
        return undefined;
      case 'if': {
        const c = this.eval(s.cond, f);
        if (c === null) this.npe();
        if (c) return this.exec(s.then, f);
        if (s.else) return this.exec(s.else, f);
        return undefined;
      }
      case 'return':
        return new Ret(s.e ? this.eval(s.e, f) : null);
      case 'for': {
        const saved = f.scope;
        f.scope = new Scope(saved);
        try {
          for (const i of s.init) this.exec(i, f);
          for (;;) {
            if (s.cond) {
              const c = this.eval(s.cond, f);
              if (c === null) this.npe();
              if (!c) break;
            }
            if (s.body) {
              const c = this.exec(s.body, f);
              if (c === BRK) break;
              if (c instanceof Ret) return c;
            }
            for (const u of s.update) this.eval(u, f);
          }
        } finally {
          f.scope = saved;
        }
        return undefined;
      }
      case 'foreach': {
        const coll = this.eval(s.iter, f);
        if (coll === null) this.npe();
        let items: any[];
        if (coll instanceof ApexList && (coll as any).fromSoql && s.type.lname === 'list') {
          // SOQL for loop over lists: batches of 200 records (Apex Developer Guide, SOQL For Loops)
          items = [];
          for (let i = 0; i < coll.items.length; i += 200) items.push(new ApexList(coll.elemType, coll.items.slice(i, i + 200)));
          if (items.length === 0) items.push(new ApexList(coll.elemType, []));
        } else if (coll instanceof ApexList) items = coll.items.slice();
        else if (coll instanceof ApexSet) items = coll.values();
        else if (Array.isArray(coll)) items = coll;
        else if (coll && typeof coll.iterate === 'function') items = coll.iterate();
        else this.unsupported('for-each over ' + this.runtimeTypeName(coll));
        const saved = f.scope;
        try {
          for (const it of items) {
            f.scope = new Scope(saved);
            f.scope.vars.set(s.name.toLowerCase(), { v: this.coerce(it, s.type, f.cls), t: s.type });
            if (s.body) {
              const c = this.exec(s.body, f);
              if (c === BRK) break;
              if (c instanceof Ret) return c;
            }
          }
        } finally {
          f.scope = saved;
        }
        return undefined;
      }
      case 'while':
        for (;;) {
          const c = this.eval(s.cond, f);
          if (c === null) this.npe();
          if (!c) break;
          if (s.body) {
            const r = this.exec(s.body, f);
            if (r === BRK) break;
            if (r instanceof Ret) return r;
          }
        }
        return undefined;
      case 'do':
        for (;;) {
          const r = this.exec(s.body, f);
          if (r === BRK) break;
          if (r instanceof Ret) return r;
          const c = this.eval(s.cond, f);
          if (c === null) this.npe();
          if (!c) break;
        }
        return undefined;
      case 'break':
        return BRK;
      case 'continue':
        return CONT;
      case 'throw': {
        const v = this.eval(s.e, f);
        if (v === null) this.npe();
        if (!(v instanceof ApexObject) || !v.cls.isException) this.unsupported('throw of a non-exception');
        if (v.f.get('$stack') === undefined || v.f.get('$stack') === '') v.f.set('$stack', this.stackTrace());
        throw new ApexError(v);
      }
      case 'try':
        return this.execTry(s, f);
      case 'switch':
        return this.execSwitch(s, f);
      case 'dml':
        this.builtins.dmlStatement(s, f);
        return undefined;
      case 'runas':
        return this.builtins.runAs(s, f);
      case 'empty':
        return undefined;
    }
    return undefined;
  }

  execTry(s: Extract<Stmt, { k: 'try' }>, f: Frame): Completion {
    const depth = this.stack.length;
    const savedScope = f.scope;
    let result: Completion;
    let pending: any = null;
    try {
      result = this.exec(s.body, f);
    } catch (e) {
      this.stack.length = depth;
      f.scope = savedScope;
      const ae = this.toApexError(e);
      let handled = false;
      if (ae && !this.isUncatchable(ae.ex)) {
        for (const c of s.catches) {
          if (this.catchMatches(ae.ex, c.type, f.cls)) {
            handled = true;
            const saved = f.scope;
            f.scope = new Scope(saved);
            f.scope.vars.set(c.name.toLowerCase(), { v: ae.ex, t: c.type });
            try {
              result = this.exec(c.body, f);
            } catch (e2) {
              pending = e2;
            } finally {
              f.scope = saved;
            }
            break;
          }
        }
      }
      if (!handled) pending = ae ?? e;
    }
    if (s.fin) {
      this.stack.length = Math.min(this.stack.length, depth);
      const fc = this.exec(s.fin, f);
      if (fc !== undefined) return fc;
    }
    if (pending) throw pending;
    return result!;
  }

  isUncatchable(ex: ApexObject): boolean {
    const n = ex.cls.name;
    return n === 'System.LimitException' || n === 'System.AssertException';
  }

  catchMatches(ex: ApexObject, t: TypeRef, ctx: RtClass): boolean {
    if (t.lname === 'exception' || t.lname === 'system.exception') return true;
    const cls = this.resolveClassName(t.lname, ctx);
    if (!cls) return false;
    return ex.cls.isSubclassOf(cls);
  }

  execSwitch(s: Extract<Stmt, { k: 'switch' }>, f: Frame): Completion {
    const v = this.eval(s.e, f);
    for (const w of s.whens) {
      let hit = false;
      if (w.kind === 'else') hit = true;
      else if (w.kind === 'type') {
        if (v !== null && this.isInstance(v, w.type!, f.cls)) {
          const saved = f.scope;
          f.scope = new Scope(saved);
          f.scope.vars.set(w.varName!.toLowerCase(), { v, t: w.type! });
          try {
            const c = this.exec(w.body, f);
            return c === BRK || c === CONT ? c : c;
          } finally {
            f.scope = saved;
          }
        }
        continue;
      } else {
        for (const lit of w.values) {
          let x: any;
          if (v instanceof ApexEnum && lit.k === 'name') {
            x = v.cls.enumValues.find((e) => e.name.toLowerCase() === lit.lname) ?? this.eval(lit, f);
          } else x = this.eval(lit, f);
          if (v === null ? x === null : typeof v === 'string' ? v === x : apexEquals(v, x)) {
            hit = true;
            break;
          }
        }
      }
      if (hit) return this.exec(w.body, f);
    }
    return undefined;
  }

  npe(): never {
    this.throwSystem('System.NullPointerException', 'Attempt to de-reference a null object');
  }

  // ------------------------------------------------------------------ expressions

  eval(e: Expr, f: Frame): any {
    switch (e.k) {
      case 'lit':
        return this.literal(e);
      case 'name':
        return this.evalName(e, f);
      case 'this':
        return f.self;
      case 'super':
        return f.self;
      case 'field': {
        const v = this.evalField(e, f);
        return v === SHORT ? null : v;
      }
      case 'call': {
        f.line = e.line;
        f.col = e.col;
        const v = this.evalCall(e, f);
        return v === SHORT ? null : v;
      }
      case 'index': {
        const o = this.eval(e.obj, f);
        const i = this.eval(e.idx, f);
        if (o === null) this.npe();
        if (o instanceof ApexList) return this.listGet(o, i);
        if (o instanceof ApexMap) return o.get(i);
        return this.unsupported('index on ' + this.runtimeTypeName(o));
      }
      case 'new':
        f.line = e.line;
        return this.evalNew(e, f);
      case 'newcoll':
        return this.evalNewColl(e, f);
      case 'newmap': {
        const m = new ApexMap(e.type.args[0] ?? null, e.type.args[1] ?? null);
        for (let i = 0; i < e.keys.length; i++)
          m.put(this.coerce(this.eval(e.keys[i], f), m.keyType, f.cls), this.coerce(this.eval(e.vals[i], f), m.valType, f.cls));
        return m;
      }
      case 'cast':
        return this.cast(this.eval(e.e, f), e.type, f.cls);
      case 'unary': {
        const v = this.eval(e.e, f);
        if (e.op === '!') {
          if (v === null) this.npe();
          return !v;
        }
        if (v === null) this.npe();
        if (e.op === '-') return this.negate(v);
        if (e.op === '~') return typeof v === 'bigint' ? BigInt.asIntN(64, ~v) : ~v;
        return v;
      }
      case 'incdec':
        return this.evalIncDec(e, f);
      case 'bin':
        return this.evalBinary(e, f);
      case 'instanceof': {
        const v = this.eval(e.e, f);
        return this.isInstance(v, e.type, f.cls);
      }
      case 'cond': {
        const c = this.eval(e.c, f);
        if (c === null) this.npe();
        return c ? this.eval(e.a, f) : this.eval(e.b, f);
      }
      case 'assign':
        return this.evalAssign(e, f);
      case 'soql':
        f.line = e.line;
        return this.builtins.inlineSoql(e, f);
      case 'sosl':
        return this.unsupported('SOSL');
      case 'typelit':
        return e.type ? this.builtins.typeOf(e.type, f.cls) : new ApexType('void', null, null);
      case 'ctorcall':
        return this.unsupported('this(...)/super(...) outside the first statement of a constructor');
      case 'newsobj':
        return this.unsupported('newsobj');
    }
    return undefined;
  }

  literal(e: Extract<Expr, { k: 'lit' }>): any {
    switch (e.t) {
      case 'int':
        return e.v as number;
      case 'long':
        return BigInt(e.v as string);
      case 'num': {
        const s = e.v as string;
        if (/[dD]$/.test(s)) return new V.ApexDouble(Number(s.slice(0, -1)));
        let cached = (e as any).$dec;
        if (!cached) {
          cached = V.Decimal.parse(s);
          (e as any).$dec = cached;
        }
        return cached;
      }
      default:
        return e.v;
    }
  }

  listGet(o: ApexList, i: any): any {
    if (typeof i !== 'number') {
      if (i === null) this.npe();
      i = Number(i);
    }
    if (i < 0 || i >= o.items.length) this.throwSystem('System.ListException', `List index out of bounds: ${i}`);
    return o.items[i];
  }

  evalName(e: Extract<Expr, { k: 'name' }>, f: Frame): any {
    const v = f.scope.lookup(e.lname);
    if (v) return v.v;
    return this.lookupMember(e.lname, f, e);
  }

  lookupMember(lname: string, f: Frame, e: Expr): any {
    // instance members (this) and static members of the class chain and outer classes
    for (let c: RtClass | null = f.cls; c; c = c.outer) {
      const t = this.memberTable(c);
      const mi = t.get(lname);
      if (mi) {
        if (mi.isStatic) return this.getStatic(mi.owner, mi, f);
        if (f.self && c === f.cls) return this.getInstance(f.self, mi, f);
        if (f.self && f.self.cls.isSubclassOf(c)) return this.getInstance(f.self, mi, f);
      }
    }
    void e;
    return new TypeName(lname);
  }

  getStatic(cls: RtClass, mi: MemberInfo, f: Frame): any {
    this.ensureStatic(cls);
    const d = mi.decl;
    if (d.k === 'prop' && d.getter?.body && f.accessorOf !== d.lname + '@' + cls.lname) {
      return this.runAccessor(null, cls, d, 'get', null);
    }
    return cls.staticValues.get(d.lname) ?? null;
  }

  getInstance(obj: ApexObject, mi: MemberInfo, f: Frame | null): any {
    const d = mi.decl;
    if (d.k === 'prop' && d.getter?.body && (!f || f.accessorOf !== d.lname + '@' + mi.owner.lname || f.self !== obj)) {
      return this.runAccessor(obj, mi.owner, d, 'get', null);
    }
    const v = obj.f.get(d.lname);
    return v === undefined ? null : v;
  }

  runAccessor(obj: ApexObject | null, owner: RtClass, d: PropDecl, which: 'get' | 'set', value: any): any {
    const frame = this.newFrame(obj, owner, (which === 'get' ? 'get' : 'set') + d.name, d.line);
    frame.accessorOf = d.lname + '@' + owner.lname;
    frame.sharing = this.sharingOf(owner);
    if (which === 'set') frame.scope.vars.set('value', { v: value, t: d.type });
    this.stack.push(frame);
    try {
      const body = which === 'get' ? d.getter!.body! : d.setter!.body!;
      const c = this.exec(body, frame);
      if (c instanceof Ret) return this.coerce(c.v, d.type, owner);
      return null;
    } finally {
      this.stack.pop();
    }
  }

  setMember(target: any, lname: string, value: any, f: Frame, node: Expr): void {
    if (target === null || target === undefined) this.npe();
    if (target instanceof ApexObject) {
      const mi = this.memberTable(target.cls).get(lname);
      if (!mi) {
        if (target.cls.isException) {
          target.f.set(lname, value);
          return;
        }
        this.unsupported(`field ${target.cls.name}.${lname}`);
      }
      if (mi.isStatic) {
        this.setStatic(mi.owner, mi, value, f);
        return;
      }
      const d = mi.decl;
      const v = this.coerce(value, d.type, mi.owner);
      if (d.k === 'prop' && d.setter?.body && (f.accessorOf !== d.lname + '@' + mi.owner.lname || f.self !== target)) {
        this.runAccessor(target, mi.owner, d, 'set', v);
        return;
      }
      target.f.set(lname, v);
      return;
    }
    if (target instanceof TypeName) {
      const cls = this.resolveClassName(target.path, f.cls);
      if (cls) {
        const mi = this.memberTable(cls).get(lname);
        if (mi && mi.isStatic) {
          this.setStatic(mi.owner, mi, value, f);
          return;
        }
      }
      this.unsupported(`assignment to ${target.path}.${lname}`);
    }
    if (isSObject(target)) {
      this.builtins.sobjectSet(target, lname, value, node);
      return;
    }
    if (target instanceof ApexList && (target as any).fromSoql) {
      this.builtins.sobjectSet(this.singleRow(target), lname, value, node);
      return;
    }
    this.builtins.nativeSet(target, lname, value);
  }

  setStatic(cls: RtClass, mi: MemberInfo, value: any, f: Frame): void {
    this.ensureStatic(cls);
    const d = mi.decl;
    const v = this.coerce(value, d.type, cls);
    if (d.k === 'prop' && d.setter?.body && f.accessorOf !== d.lname + '@' + cls.lname) {
      this.runAccessor(null, cls, d, 'set', v);
      return;
    }
    cls.staticValues.set(d.lname, v);
  }

  /** The object of a member access: a safe navigation that met null short-circuits the whole chain. */
  evalChain(x: Expr, f: Frame): any {
    if (x.k === 'field') return this.evalField(x, f);
    if (x.k === 'call') return this.evalCall(x, f);
    return this.eval(x, f);
  }

  evalField(e: Extract<Expr, { k: 'field' }>, f: Frame): any {
    const o = this.evalChain(e.obj, f);
    if (o === SHORT) return SHORT;
    if (o === null || o === undefined) {
      if (e.safe) return SHORT;
      f.line = e.line;
      this.npe();
    }
    return this.getField(o, e.lname, e.name, f, e);
  }

  getField(o: any, lname: string, name: string, f: Frame, e: Expr): any {
    if (o instanceof ApexObject) {
      const mi = this.memberTable(o.cls).get(lname);
      if (mi) return mi.isStatic ? this.getStatic(mi.owner, mi, f) : this.getInstance(o, mi, f);
      if (o.cls.isException) return o.f.get(lname) ?? null;
      return this.unsupported(`field ${o.cls.name}.${name}`);
    }
    if (o instanceof TypeName) return this.staticPath(o, lname, name, f, e);
    if (isSObject(o)) return this.builtins.sobjectGet(o, name, e);
    if (o instanceof ApexList && lname === 'length') return o.items.length;
    if (o instanceof ApexList && (o as any).fromSoql) return this.getField(this.singleRow(o), lname, name, f, e);
    return this.builtins.nativeGet(o, lname, name);
  }

  /** Evaluates Type.member or namespace.Type on a TypeName. */
  staticPath(t: TypeName, lname: string, name: string, f: Frame, e: Expr): any {
    const cls = this.resolveClassName(t.path, f.cls);
    if (cls) {
      if (cls.kind === 'enum') {
        const ev = cls.enumValues.find((x) => x.name.toLowerCase() === lname);
        if (ev) return ev;
        if (this.builtins.isOpenEnum(cls)) return this.builtins.openEnumValue(cls, name);
      }
      const mi = this.memberTable(cls).get(lname);
      if (mi && mi.isStatic) return this.getStatic(mi.owner, mi, f);
      const inner = cls.inner.get(lname);
      if (inner) return new TypeName(inner.lname);
      return this.unsupported(`static member ${cls.name}.${name}`);
    }
    return this.builtins.staticField(t.path, lname, name, e);
  }

  evalCall(e: Extract<Expr, { k: 'call' }>, f: Frame): any {
    if (e.obj === null) {
      const args = e.args.map((a) => this.eval(a, f));
      // method of this class chain, then outer classes
      for (let c: RtClass | null = f.cls; c; c = c.outer) {
        const cands = this.methodsNamed(f.self && c === f.cls ? f.self.cls : c, e.lname);
        if (cands.length) {
          const sel = this.selectMethod(cands, args, c);
          if (sel) {
            if (!sel.m.isStatic && f.self) return this.invokeMethod(f.self, sel.owner, sel.m, args);
            if (sel.m.isStatic) return this.invokeMethod(null, sel.owner, sel.m, args);
          }
        }
      }
      if (f.self && f.self.cls.isException) return this.builtins.exceptionMethod(f.self, e.lname, args);
      return this.unsupported(`method ${e.name}(${args.length} args) in ${f.cls.name}`);
    }
    if (e.obj.k === 'super') {
      const args = e.args.map((a) => this.eval(a, f));
      const sup = f.cls.superclass;
      if (!sup) this.unsupported('super call without superclass');
      if (!sup.decl) return this.builtins.exceptionMethod(f.self!, e.lname, args);
      return this.callInstance(f.self!, e.lname, args, sup);
    }
    if (e.lname === 'adderror' && e.obj.k === 'field') {
      // field-level addError: record.Field__c.addError(msg)
      const rec = this.eval(e.obj.obj, f);
      if (isSObject(rec)) {
        const args = e.args.map((a) => this.eval(a, f));
        const msg = args[0] instanceof ApexObject ? apexToString(args[0].f.get('$message')) : apexToString(args[0]);
        if (typeof rec.addError === 'function') rec.addError(msg, e.obj.name);
        return null;
      }
    }
    const target = this.evalChain(e.obj, f);
    if (target === SHORT) return SHORT;
    if (target === null || target === undefined) {
      if (e.safe) return SHORT;
      f.line = e.line;
      this.npe();
    }
    const args = e.args.map((a) => this.eval(a, f));
    f.line = e.line;
    f.col = e.col;
    if (target instanceof ApexObject) return this.callInstance(target, e.lname, args);
    if (target instanceof TypeName) {
      const cls = this.resolveClassName(target.path, f.cls);
      if (cls) return this.callStatic(cls, e.lname, args, e);
      return this.builtins.staticCall(target.path, e.lname, args, e, f);
    }
    return this.builtins.instanceCall(target, e.lname, args, e, f);
  }

  evalNew(e: Extract<Expr, { k: 'new' }>, f: Frame): any {
    const t = e.type;
    const cls = this.resolveClassName(t.lname, f.cls);
    if (cls) {
      const args = e.args.map((a) => this.eval(a, f));
      return this.instantiate(cls, args);
    }
    const obj = this.schemaObject(t.lname);
    if (obj) {
      const rec = newSObject(obj.name);
      for (const a of e.args) {
        if (a.k !== 'assign' || a.target.k !== 'name') this.unsupported('SObject constructor argument');
        this.builtins.sobjectSet(rec, a.target.lname, this.eval(a.value, f), a);
      }
      return rec;
    }
    if (t.lname === 'list' || t.lname === 'set') {
      const args = e.args.map((a) => this.eval(a, f));
      return this.newCollFrom(t, args[0]);
    }
    if (t.lname === 'map') {
      const args = e.args.map((a) => this.eval(a, f));
      const m = new ApexMap(t.args[0] ?? null, t.args[1] ?? null);
      const src = args[0];
      if (src instanceof ApexMap) for (const [k, v] of src.map.values()) m.put(k, v);
      else if (src instanceof ApexList) for (const r of src.items) m.put(sobjGet(r, 'id'), r);
      return m;
    }
    if (e.args.some((a) => a.k === 'assign' && a.target.k === 'name')) this.unsupported(`SObject type ${t.name} (not in the local org's schema)`);
    const args = e.args.map((a) => this.eval(a, f));
    return this.builtins.newNative(t, args, e);
  }

  newCollFrom(t: TypeRef, src: any): any {
    if (t.lname === 'list') {
      const l = new ApexList(t.args[0] ?? null);
      if (src instanceof ApexList) l.items = src.items.map((x) => this.coerce(x, l.elemType, null));
      else if (src instanceof ApexSet) l.items = src.values().map((x) => this.coerce(x, l.elemType, null));
      else if (typeof src === 'number') l.items = [];
      return l;
    }
    const s = new ApexSet(t.args[0] ?? null);
    if (src instanceof ApexList) for (const x of src.items) s.add(this.coerce(x, s.elemType, null));
    else if (src instanceof ApexSet) for (const x of src.values()) s.add(this.coerce(x, s.elemType, null));
    return s;
  }

  evalNewColl(e: Extract<Expr, { k: 'newcoll' }>, f: Frame): any {
    const t = e.type;
    if (t.lname === 'list') {
      const l = new ApexList(t.args[0] ?? null);
      if (e.init) l.items = e.init.map((x) => this.coerce(this.eval(x, f), l.elemType, f.cls));
      else if (e.size) {
        const n = this.eval(e.size, f) as number;
        l.items = new Array(n).fill(null);
      }
      return l;
    }
    if (t.lname === 'set') {
      const s = new ApexSet(t.args[0] ?? null);
      if (e.init) for (const x of e.init) s.add(this.coerce(this.eval(x, f), s.elemType, f.cls));
      return s;
    }
    if (t.lname === 'map') return new ApexMap(t.args[0] ?? null, t.args[1] ?? null);
    return this.unsupported('collection initialiser for ' + t.name);
  }

  negate(v: any): any {
    if (typeof v === 'number') return V.intOps.negate(v);
    if (typeof v === 'bigint') return V.longOps.negate(v);
    if (v instanceof V.Decimal) return v.negate();
    if (v instanceof V.ApexDouble) return new V.ApexDouble(-v.value);
    return this.unsupported('negation of ' + this.runtimeTypeName(v));
  }

  evalIncDec(e: Extract<Expr, { k: 'incdec' }>, f: Frame): any {
    const old = this.eval(e.e, f);
    if (old === null) this.npe();
    const nv = this.arith(e.op === '++' ? '+' : '-', old, 1);
    this.assignTo(e.e, nv, f);
    return e.prefix ? nv : old;
  }

  evalAssign(e: Extract<Expr, { k: 'assign' }>, f: Frame): any {
    let v: any;
    if (e.op === '=') v = this.eval(e.value, f);
    else {
      const cur = this.eval(e.target, f);
      const rhs = this.eval(e.value, f);
      const op = e.op.slice(0, -1);
      if (op === '+' && (typeof cur === 'string' || typeof rhs === 'string')) v = apexToString(cur) + apexToString(rhs);
      else if (op === '&' || op === '|' || op === '^') v = this.bitwise(op, cur, rhs);
      else if (op === '<<' || op === '>>' || op === '>>>') v = this.evalBinary({ k: 'bin', op, l: { k: 'lit', t: 'null', v: cur, line: 0, col: 0 } as any, r: { k: 'lit', t: 'null', v: rhs, line: 0, col: 0 } as any, line: e.line, col: e.col }, f);
      else {
        if (cur === null || rhs === null) this.npe();
        v = this.arith(op, cur, rhs);
      }
    }
    return this.assignTo(e.target, v, f);
  }

  assignTo(target: Expr, v: any, f: Frame): any {
    switch (target.k) {
      case 'name': {
        const slot = f.scope.lookup(target.lname);
        if (slot) {
          slot.v = this.coerce(v, slot.t, f.cls);
          return slot.v;
        }
        for (let c: RtClass | null = f.cls; c; c = c.outer) {
          const mi = this.memberTable(c).get(target.lname);
          if (mi) {
            if (mi.isStatic) this.setStatic(mi.owner, mi, v, f);
            else this.setMember(f.self, target.lname, v, f, target);
            return v;
          }
        }
        return this.unsupported(`assignment to unknown variable ${target.name}`);
      }
      case 'field': {
        const o = this.eval(target.obj, f);
        this.setMember(o, target.lname, v, f, target);
        return v;
      }
      case 'index': {
        const o = this.eval(target.obj, f);
        const i = this.eval(target.idx, f);
        if (o === null) this.npe();
        if (o instanceof ApexList) {
          if (typeof i !== 'number' || i < 0 || i >= o.items.length) this.throwSystem('System.ListException', `List index out of bounds: ${i}`);
          o.items[i] = this.coerce(v, o.elemType, f.cls);
          return v;
        }
        if (o instanceof ApexMap) {
          o.put(i, v);
          return v;
        }
        return this.unsupported('indexed assignment');
      }
    }
    return this.unsupported('assignment target ' + target.k);
  }

  evalBinary(e: Extract<Expr, { k: 'bin' }>, f: Frame): any {
    const op = e.op;
    if (op === '&&') {
      const l = this.eval(e.l, f);
      if (l === null) this.npe();
      if (!l) return false;
      const r = this.eval(e.r, f);
      if (r === null) this.npe();
      return !!r;
    }
    if (op === '||') {
      const l = this.eval(e.l, f);
      if (l === null) this.npe();
      if (l) return true;
      const r = this.eval(e.r, f);
      if (r === null) this.npe();
      return !!r;
    }
    if (op === '??') {
      const l = this.eval(e.l, f);
      return l !== null && l !== undefined ? l : this.eval(e.r, f);
    }
    const l = this.eval(e.l, f);
    const r = this.eval(e.r, f);
    switch (op) {
      case '==':
        return apexEquals(l, r);
      case '!=':
      case '<>':
        return !apexEquals(l, r);
      case '===':
        return this.identical(l, r);
      case '!==':
        return !this.identical(l, r);
      case '+':
        if (typeof l === 'string' || typeof r === 'string') return apexToString(l) + apexToString(r);
        if (l === null || r === null) this.npe();
        return this.arith('+', l, r);
      case '-':
      case '*':
      case '/':
      case '%':
        if (l === null || r === null) this.npe();
        return this.arith(op, l, r);
      case '<':
      case '>':
      case '<=':
      case '>=':
        return this.compare(op, l, r);
      case '&':
      case '|':
      case '^':
        return this.bitwise(op, l, r);
      case '<<':
      case '>>':
      case '>>>':
        if (l === null || r === null) this.npe();
        if (typeof l === 'bigint') {
          const n = Number(r);
          if (op === '<<') return V.longOps.shiftLeft(l, n);
          if (op === '>>') return V.longOps.shiftRight(l, n);
          return BigInt.asIntN(64, BigInt.asUintN(64, l) >> BigInt(n & 63));
        }
        if (op === '<<') return V.intOps.shiftLeft(l, r);
        if (op === '>>') return V.intOps.shiftRight(l, r);
        return V.intOps.shiftRightUnsigned(l, r);
    }
    return this.unsupported('operator ' + op);
  }

  identical(l: any, r: any): boolean {
    if (l === r) return true;
    if (typeof l !== 'object' || l === null || typeof r !== 'object' || r === null) return apexEquals(l, r) && typeof l !== 'object';
    return false;
  }

  bitwise(op: string, l: any, r: any): any {
    if (typeof l === 'boolean' && typeof r === 'boolean') {
      if (op === '&') return l && r;
      if (op === '|') return l || r;
      return l !== r;
    }
    if (l === null || r === null) this.npe();
    if (typeof l === 'bigint' || typeof r === 'bigint') {
      const a = BigInt(l);
      const b = BigInt(r);
      return BigInt.asIntN(64, op === '&' ? a & b : op === '|' ? a | b : a ^ b);
    }
    return op === '&' ? l & r : op === '|' ? l | r : l ^ r;
  }

  compare(op: string, l: any, r: any): boolean {
    if (l === null || r === null || l === undefined || r === undefined) {
      // Apex: < > with a null operand is false, except for Strings, where null sorts first
      if (typeof l === 'string' || typeof r === 'string') {
        l = l ?? '';
        r = r ?? '';
        if (l === '' && r === '') return op === '<=' || op === '>=';
      } else return false;
    }
    let c: number;
    if (typeof l === 'string' && typeof r === 'string') {
      const a = l.toLowerCase();
      const b = r.toLowerCase();
      c = a < b ? -1 : a > b ? 1 : 0;
    } else if (isNumeric(l) && isNumeric(r)) {
      // Apex Doubles are Java doubles: <, <=, > and >= are false when either operand is NaN
      // (Java Language Specification 15.20.1). Infinity x 0 makes a NaN.
      if (isNaNDouble(l) || isNaNDouble(r)) return false;
      c = compareNumeric(l, r);
    } else if (typeof l.compareTo === 'function') c = l.compareTo(r);
    else if (typeof l.getTime === 'function') c = l.getTime() - r.getTime();
    else return this.unsupported('comparison of ' + this.runtimeTypeName(l));
    switch (op) {
      case '<':
        return c < 0;
      case '>':
        return c > 0;
      case '<=':
        return c <= 0;
      default:
        return c >= 0;
    }
  }

  arith(op: string, l: any, r: any): any {
    if (typeof l === 'number' && typeof r === 'number') {
      switch (op) {
        case '+':
          return V.intOps.add(l, r);
        case '-':
          return V.intOps.subtract(l, r);
        case '*':
          return V.intOps.multiply(l, r);
        case '/':
          return V.intOps.divide(l, r);
        case '%':
          return V.intOps.remainder(l, r);
      }
    }
    if (l instanceof V.ApexDouble || r instanceof V.ApexDouble) {
      const a = toNum(l);
      const b = toNum(r);
      switch (op) {
        case '+':
          return new V.ApexDouble(a + b);
        case '-':
          return new V.ApexDouble(a - b);
        case '*':
          return new V.ApexDouble(a * b);
        case '/':
          if (b === 0) this.throwSystem('System.MathException', 'Divide by 0');
          return new V.ApexDouble(a / b);
        case '%':
          return new V.ApexDouble(a % b);
      }
    }
    if (l instanceof V.Decimal || r instanceof V.Decimal) {
      const a = toDecimal(l);
      const b = toDecimal(r);
      switch (op) {
        case '+':
          return a.add(b);
        case '-':
          return a.subtract(b);
        case '*':
          return a.multiply(b);
        case '/':
          if (b.isZero()) this.throwSystem('System.MathException', 'Divide by 0');
          return a.divide(b);
        case '%':
          return a.remainder(b);
      }
    }
    if ((typeof l === 'bigint' || typeof l === 'number') && (typeof r === 'bigint' || typeof r === 'number')) {
      const a = BigInt(l);
      const b = BigInt(r);
      switch (op) {
        case '+':
          return V.longOps.add(a, b);
        case '-':
          return V.longOps.subtract(a, b);
        case '*':
          return V.longOps.multiply(a, b);
        case '/':
          return V.longOps.divide(a, b);
        case '%':
          return V.longOps.remainder(a, b);
      }
    }
    return this.builtins.temporalArith(op, l, r);
  }

  // ------------------------------------------------------------------ entry points for the runner

  /** Runs an anonymous Apex block (statements, plus methods and classes declared in it). */
  executeAnonymous(src: string, file = 'anonymous.apex'): void {
    const compiled = compileSource(file, src, 'anonymous');
    const t = compiled.trigger!;
    for (const m of t.members.methods) m.isStatic = true;
    for (const m of t.members.members) if (m.k !== 'block') m.isStatic = true;
    const cls = this.registerClass(t.members, null);
    this.members.delete(cls);
    this.methodCache.delete(cls);
    this.resolveCache.clear();
    const frame = this.newFrame(null, cls, 'AnonymousBlock', t.line);
    frame.file = file;
    // anonymous Apex runs with sharing (Apex Developer Guide, Anonymous Blocks)
    frame.sharing = 'with';
    this.stack.push(frame);
    try {
      this.exec(t.body, frame);
    } catch (e) {
      throw this.atThrowSite(e);
    } finally {
      this.stack.pop();
    }
  }

  findClass(name: string): RtClass | null {
    return this.resolveClassName(name.toLowerCase(), null);
  }

  /** Runs a static or instance-less method by name (test methods). */
  runStaticMethod(cls: RtClass, m: MethodDecl, args: any[] = []): any {
    if (m.isStatic) return this.invokeMethod(null, cls, m, args);
    const obj = this.instantiate(cls, []);
    return this.invokeMethod(obj, cls, m, args);
  }

  /** Calls a method of an object or class by name (async jobs, interfaces). */
  callByName(target: ApexObject, lname: string, args: any[]): any {
    return this.callInstance(target, lname, args);
  }

  sobjectGetRaw(r: any, f: string): any {
    return sobjGet(r, f);
  }

  sobjectPutRaw(r: any, f: string, v: any): void {
    sobjPut(r, f, v);
  }
}

function toNum(v: any): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof V.Decimal) return v.doubleValue();
  if (v instanceof V.ApexDouble) return v.value;
  throw new V.ApexValueError('System.TypeException', 'not a number');
}

export { PRIMS };
