// Builds the compact AST (ast.ts) from the apex-parser tree, once per file; cached in memory
// and on disk under local-org/.cache keyed by the source's content hash.
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as P from '@apexdevtools/apex-parser';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type {
  Annotation,
  ClassDecl,
  CompiledFile,
  CtorDecl,
  Expr,
  FieldDecl,
  InitBlock,
  MethodDecl,
  Param,
  PropDecl,
  Stmt,
  TriggerDecl,
  TypeRef,
  When
} from './ast.js';

const AST_VERSION = 4;

export class ApexSyntaxError extends Error {
  constructor(
    public file: string,
    public line: number,
    public column: number,
    msg: string
  ) {
    super(`${file}:${line}:${column + 1}: Apex does not parse: ${msg.length > 160 ? msg.replace(/expecting \{.*\}$/s, 'expecting something else') : msg}`);
  }
}

class CollectingListener extends (P as any).ApexErrorListener {
  errors: { line: number; column: number; msg: string }[] = [];
  apexSyntaxError(line: number, column: number, msg: string): void {
    this.errors.push({ line, column, msg });
  }
}

const memCache = new Map<string, CompiledFile>();

function cacheDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // dist/src/apex -> local-org
  let dir = here;
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'DESIGN.md'))) break;
    dir = dirname(dir);
  }
  return join(dir, '.cache', 'ast');
}

export function compileSource(file: string, body: string, kind: 'class' | 'trigger' | 'anonymous'): CompiledFile {
  const hash = createHash('sha1').update(`${AST_VERSION}\0${kind}\0${file}\0${body}`).digest('hex');
  const hit = memCache.get(hash);
  if (hit) return hit;
  const dir = cacheDir();
  const cachePath = join(dir, hash + '.json');
  if (process.env.LOCAL_ORG_NO_CACHE !== '1' && existsSync(cachePath)) {
    try {
      const parsed = JSON.parse(readFileSync(cachePath, 'utf8')) as CompiledFile;
      memCache.set(hash, parsed);
      return parsed;
    } catch {
      /* rebuild */
    }
  }
  const result = parseUncached(file, body, kind);
  memCache.set(hash, result);
  try {
    mkdirSync(dir, { recursive: true });
    // written aside and renamed: a concurrent run (the gate runs several) never reads half a file
    const tmp = `${cachePath}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(result));
    renameSync(tmp, cachePath);
  } catch {
    /* cache is optional */
  }
  return result;
}

export function parseUncached(file: string, body: string, kind: 'class' | 'trigger' | 'anonymous'): CompiledFile {
  const listener = new CollectingListener();
  const { parser } = (P as any).ApexParserFactory.createLexerAndParser(body, listener);
  const tree = kind === 'class' ? parser.compilationUnit() : kind === 'trigger' ? parser.triggerUnit() : parser.anonymousUnit();
  if (listener.errors.length > 0) {
    const e = listener.errors[0];
    throw new ApexSyntaxError(file, e.line, e.column, e.msg);
  }
  const b = new Builder(file, body);
  if (kind === 'class') return { file, classDecl: b.typeDecl(tree.typeDeclaration(), null) };
  if (kind === 'anonymous') return { file, trigger: b.anonymous(tree) };
  return { file, trigger: b.trigger(tree) };
}

function pos(ctx: any): { line: number; col: number } {
  return { line: ctx.start.line, col: ctx.start.column + 1 };
}

function text(ctx: any): string {
  return ctx.getText();
}

class Builder {
  constructor(
    private file: string,
    private src: string
  ) {}

  fail(ctx: any, what: string): never {
    throw new ApexSyntaxError(this.file, ctx.start?.line ?? 0, ctx.start?.column ?? 0, what);
  }

  srcText(ctx: any): string {
    return this.src.substring(ctx.start.start, ctx.stop.stop + 1);
  }

  trigger(ctx: any): TriggerDecl {
    const ids = ctx.id_list();
    const events = ctx.triggerCase_list().map((c: any) => {
      const when = c.BEFORE() ? 'BEFORE' : 'AFTER';
      const op = c.INSERT() ? 'INSERT' : c.UPDATE() ? 'UPDATE' : c.DELETE() ? 'DELETE' : 'UNDELETE';
      return `${when}_${op}`;
    });
    const stmts: Stmt[] = [];
    const holder: ClassDecl = this.emptyClass(text(ids[0]), ctx);
    for (const m of ctx.triggerBlock().triggerBlockMember_list()) {
      if (m.statement()) stmts.push(this.stmt(m.statement()));
      else this.member(holder, m.modifier_list(), m.triggerMemberDeclaration());
    }
    return {
      ...pos(ctx),
      name: text(ids[0]),
      object: text(ids[1]),
      events,
      body: { k: 'block', stmts, ...pos(ctx) },
      file: this.file,
      members: holder
    };
  }

  anonymous(ctx: any): TriggerDecl {
    const stmts: Stmt[] = [];
    const holder: ClassDecl = this.emptyClass('AnonymousBlock', ctx);
    for (const m of ctx.anonymousBlock().anonymousBlockMember_list()) {
      if (m.statement()) stmts.push(this.stmt(m.statement()));
      else if (m.anonymousMemberDeclaration().fieldDeclaration()) {
        // `Type x = ...;` at the top level of anonymous Apex is a local variable, in order
        const fd = m.anonymousMemberDeclaration().fieldDeclaration();
        stmts.push(this.localDecl(fd));
      } else this.member(holder, m.modifier_list(), m.anonymousMemberDeclaration());
    }
    return { ...pos(ctx), name: 'AnonymousBlock', object: '', events: [], body: { k: 'block', stmts, ...pos(ctx) }, file: this.file, members: holder };
  }

  emptyClass(name: string, ctx: any): ClassDecl {
    return {
      ...pos(ctx),
      kind: 'class',
      name,
      lname: name.toLowerCase(),
      fullName: name.toLowerCase(),
      file: this.file,
      mods: [],
      annotations: [],
      sharing: null,
      ext: null,
      impls: [],
      members: [],
      methods: [],
      ctors: [],
      inner: [],
      enumValues: [],
      outer: null
    };
  }

  mods(list: any[]): { mods: string[]; annotations: Annotation[]; sharing: ClassDecl['sharing'] } {
    const mods: string[] = [];
    const annotations: Annotation[] = [];
    let sharing: ClassDecl['sharing'] = null;
    for (const m of list) {
      if (m.annotation()) {
        const a = m.annotation();
        const params: Record<string, string> = {};
        if (a.elementValuePairs()) {
          for (const p of a.elementValuePairs().elementValuePair_list())
            params[text(p.id()).toLowerCase()] = text(p.elementValue());
        } else if (a.elementValue()) params['value'] = text(a.elementValue());
        annotations.push({ name: text(a.id()).toLowerCase(), params });
      } else {
        const t = text(m).toLowerCase();
        if (t === 'withsharing') sharing = 'with';
        else if (t === 'withoutsharing') sharing = 'without';
        else if (t === 'inheritedsharing') sharing = 'inherited';
        else mods.push(t);
      }
    }
    return { mods, annotations, sharing };
  }

  typeDecl(ctx: any, outer: ClassDecl | null): ClassDecl {
    const m = this.mods(ctx.modifier_list());
    if (ctx.classDeclaration()) return this.classDecl(ctx.classDeclaration(), m, outer);
    if (ctx.enumDeclaration()) return this.enumDecl(ctx.enumDeclaration(), m, outer);
    return this.interfaceDecl(ctx.interfaceDeclaration(), m, outer);
  }

  base(ctx: any, kind: ClassDecl['kind'], m: ReturnType<Builder['mods']>, outer: ClassDecl | null): ClassDecl {
    const name = text(ctx.id());
    const c = this.emptyClass(name, ctx);
    c.kind = kind;
    c.mods = m.mods;
    c.annotations = m.annotations;
    c.sharing = m.sharing;
    c.outer = outer ? outer.fullName : null;
    c.fullName = outer ? `${outer.fullName}.${name.toLowerCase()}` : name.toLowerCase();
    return c;
  }

  classDecl(ctx: any, m: ReturnType<Builder['mods']>, outer: ClassDecl | null): ClassDecl {
    const c = this.base(ctx, 'class', m, outer);
    if (ctx.typeRef()) c.ext = this.typeRef(ctx.typeRef());
    if (ctx.typeList()) c.impls = ctx.typeList().typeRef_list().map((t: any) => this.typeRef(t));
    for (const d of ctx.classBody().classBodyDeclaration_list()) {
      if (d.block()) {
        const blk: InitBlock = { k: 'block', isStatic: !!d.STATIC(), body: this.block(d.block()), ...pos(d) };
        c.members.push(blk);
      } else if (d.memberDeclaration()) this.member(c, d.modifier_list(), d.memberDeclaration());
    }
    return c;
  }

  enumDecl(ctx: any, m: ReturnType<Builder['mods']>, outer: ClassDecl | null): ClassDecl {
    const c = this.base(ctx, 'enum', m, outer);
    if (ctx.enumConstants()) c.enumValues = ctx.enumConstants().id_list().map((i: any) => text(i));
    return c;
  }

  interfaceDecl(ctx: any, m: ReturnType<Builder['mods']>, outer: ClassDecl | null): ClassDecl {
    const c = this.base(ctx, 'interface', m, outer);
    if (ctx.typeList()) c.impls = ctx.typeList().typeRef_list().map((t: any) => this.typeRef(t));
    for (const im of ctx.interfaceBody().interfaceMethodDeclaration_list()) {
      const mm = this.mods(im.modifier_list());
      c.methods.push({
        ...pos(im),
        name: text(im.id()),
        lname: text(im.id()).toLowerCase(),
        mods: mm.mods,
        annotations: mm.annotations,
        params: this.params(im.formalParameters()),
        ret: im.typeRef() ? this.typeRef(im.typeRef()) : null,
        body: null,
        isStatic: false,
        isAbstract: true
      });
    }
    return c;
  }

  member(c: ClassDecl, modList: any[], md: any): void {
    const m = this.mods(modList);
    const isStatic = m.mods.includes('static');
    if (md.methodDeclaration()) {
      const x = md.methodDeclaration();
      const method: MethodDecl = {
        ...pos(x),
        name: text(x.id()),
        lname: text(x.id()).toLowerCase(),
        mods: m.mods,
        annotations: m.annotations,
        params: this.params(x.formalParameters()),
        ret: x.typeRef() ? this.typeRef(x.typeRef()) : null,
        body: x.block() ? this.block(x.block()) : null,
        isStatic,
        isAbstract: !x.block()
      };
      if (m.mods.includes('testmethod')) method.annotations.push({ name: 'istest', params: {} });
      c.methods.push(method);
    } else if (md.constructorDeclaration && md.constructorDeclaration()) {
      const x = md.constructorDeclaration();
      const ctor: CtorDecl = { ...pos(x), mods: m.mods, params: this.params(x.formalParameters()), body: this.block(x.block()) };
      c.ctors.push(ctor);
    } else if (md.fieldDeclaration()) {
      const x = md.fieldDeclaration();
      const type = this.typeRef(x.typeRef());
      for (const v of x.variableDeclarators().variableDeclarator_list()) {
        const f: FieldDecl = {
          k: 'field',
          ...pos(v),
          name: text(v.id()),
          lname: text(v.id()).toLowerCase(),
          type,
          init: v.expression() ? this.expr(v.expression()) : null,
          isStatic,
          mods: m.mods,
          annotations: m.annotations
        };
        c.members.push(f);
      }
    } else if (md.propertyDeclaration()) {
      const x = md.propertyDeclaration();
      const p: PropDecl = {
        k: 'prop',
        ...pos(x),
        name: text(x.id()),
        lname: text(x.id()).toLowerCase(),
        type: this.typeRef(x.typeRef()),
        isStatic,
        mods: m.mods,
        annotations: m.annotations,
        getter: null,
        setter: null
      };
      for (const pb of x.propertyBlock_list()) {
        if (pb.getter()) p.getter = { body: pb.getter().block() ? this.block(pb.getter().block()) : null };
        if (pb.setter()) p.setter = { body: pb.setter().block() ? this.block(pb.setter().block()) : null };
      }
      c.members.push(p);
    } else if (md.classDeclaration()) {
      c.inner.push(this.classDecl(md.classDeclaration(), m, c));
    } else if (md.enumDeclaration()) {
      c.inner.push(this.enumDecl(md.enumDeclaration(), m, c));
    } else if (md.interfaceDeclaration()) {
      c.inner.push(this.interfaceDecl(md.interfaceDeclaration(), m, c));
    }
  }

  params(ctx: any): Param[] {
    const list = ctx.formalParameterList();
    if (!list) return [];
    return list.formalParameter_list().map((p: any) => ({ name: text(p.id()), type: this.typeRef(p.typeRef()) }));
  }

  typeRef(ctx: any): TypeRef {
    const names = ctx.typeName_list();
    const parts: string[] = [];
    let args: TypeRef[] = [];
    for (const n of names) {
      const base = n.LIST() ? 'List' : n.SET() ? 'Set' : n.MAP() ? 'Map' : text(n.id());
      parts.push(base);
      if (n.typeArguments()) args = n.typeArguments().typeList().typeRef_list().map((t: any) => this.typeRef(t));
    }
    const name = parts.join('.');
    let t: TypeRef = { name, lname: name.toLowerCase(), args };
    const subs = ctx.arraySubscripts() ? ctx.arraySubscripts().LBRACK_list().length : 0;
    for (let i = 0; i < subs; i++) t = { name: 'List', lname: 'list', args: [t] };
    return t;
  }

  block(ctx: any): Stmt {
    return { k: 'block', stmts: ctx.statement_list().map((s: any) => this.stmt(s)), ...pos(ctx) };
  }

  optStmt(ctx: any): Stmt | null {
    return ctx ? this.stmt(ctx) : null;
  }

  localDecl(ctx: any): Stmt {
    const type = this.typeRef(ctx.typeRef());
    const decls = ctx
      .variableDeclarators()
      .variableDeclarator_list()
      .map((v: any) => ({ name: text(v.id()), init: v.expression() ? this.expr(v.expression()) : null }));
    return { k: 'local', type, decls, ...pos(ctx) };
  }

  stmt(ctx: any): Stmt {
    const p = pos(ctx);
    if (ctx.block()) return this.block(ctx.block());
    if (ctx.localVariableDeclarationStatement())
      return this.localDecl(ctx.localVariableDeclarationStatement().localVariableDeclaration());
    if (ctx.expressionStatement()) return { k: 'expr', e: this.expr(ctx.expressionStatement().expression()), ...p };
    if (ctx.ifStatement()) {
      const s = ctx.ifStatement();
      const st = s.statement_list();
      return { k: 'if', cond: this.expr(s.parExpression().expression()), then: this.stmt(st[0]), else: st[1] ? this.stmt(st[1]) : null, ...p };
    }
    if (ctx.returnStatement()) {
      const e = ctx.returnStatement().expression();
      return { k: 'return', e: e ? this.expr(e) : null, ...p };
    }
    if (ctx.forStatement()) {
      const s = ctx.forStatement();
      const fc = s.forControl();
      const body = this.optStmt(s.statement());
      if (fc.enhancedForControl()) {
        const e = fc.enhancedForControl();
        return { k: 'foreach', type: this.typeRef(e.typeRef()), name: text(e.id()), iter: this.expr(e.expression()), body, ...p };
      }
      const init: Stmt[] = [];
      if (fc.forInit()) {
        const fi = fc.forInit();
        if (fi.localVariableDeclaration()) init.push(this.localDecl(fi.localVariableDeclaration()));
        else for (const e of fi.expressionList().expression_list()) init.push({ k: 'expr', e: this.expr(e), ...pos(e) });
      }
      const update = fc.forUpdate() ? fc.forUpdate().expressionList().expression_list().map((e: any) => this.expr(e)) : [];
      return { k: 'for', init, cond: fc.expression() ? this.expr(fc.expression()) : null, update, body, ...p };
    }
    if (ctx.whileStatement()) {
      const s = ctx.whileStatement();
      return { k: 'while', cond: this.expr(s.parExpression().expression()), body: this.optStmt(s.statement()), ...p };
    }
    if (ctx.doWhileStatement()) {
      const s = ctx.doWhileStatement();
      return { k: 'do', cond: this.expr(s.parExpression().expression()), body: this.block(s.block()), ...p };
    }
    if (ctx.tryStatement()) {
      const s = ctx.tryStatement();
      return {
        k: 'try',
        body: this.block(s.block()),
        catches: s.catchClause_list().map((c: any) => ({
          type: { name: text(c.qualifiedName()), lname: text(c.qualifiedName()).toLowerCase(), args: [] },
          name: text(c.id()),
          body: this.block(c.block())
        })),
        fin: s.finallyBlock() ? this.block(s.finallyBlock().block()) : null,
        ...p
      };
    }
    if (ctx.throwStatement()) return { k: 'throw', e: this.expr(ctx.throwStatement().expression()), ...p };
    if (ctx.breakStatement()) return { k: 'break', ...p };
    if (ctx.continueStatement()) return { k: 'continue', ...p };
    if (ctx.switchStatement()) {
      const s = ctx.switchStatement();
      const whens: When[] = s.whenControl_list().map((w: any) => {
        const wv = w.whenValue();
        const body = this.block(w.block());
        if (wv.ELSE()) return { kind: 'else', values: [], body };
        if (wv.typeRef()) return { kind: 'type', values: [], type: this.typeRef(wv.typeRef()), varName: text(wv.id()), body };
        return { kind: 'values', values: wv.whenLiteral_list().map((l: any) => this.whenLiteral(l)), body };
      });
      return { k: 'switch', e: this.expr(s.expression()), whens, ...p };
    }
    for (const op of ['insert', 'update', 'delete', 'undelete', 'upsert', 'merge']) {
      const s = ctx[op + 'Statement']();
      if (s) {
        const al = s.accessLevel();
        const access = al ? (al.SYSTEM() ? 'system' : 'user') : null;
        const exprs = s.expression_list ? s.expression_list() : [s.expression()];
        const qn = op === 'upsert' && s.qualifiedName() ? text(s.qualifiedName()) : null;
        return {
          k: 'dml',
          op,
          access,
          e: this.expr(exprs[0]),
          e2: exprs[1] ? this.expr(exprs[1]) : null,
          extField: qn,
          ...p
        };
      }
    }
    if (ctx.runAsStatement()) {
      const s = ctx.runAsStatement();
      const args = s.expressionList() ? s.expressionList().expression_list().map((e: any) => this.expr(e)) : [];
      return { k: 'runas', args, body: this.block(s.block()), ...p };
    }
    return { k: 'empty', ...p };
  }

  whenLiteral(l: any): Expr {
    const p = pos(l);
    if (l.whenLiteral()) return this.whenLiteral(l.whenLiteral());
    const neg = l.SUB_list ? l.SUB_list().length % 2 === 1 : false;
    if (l.IntegerLiteral()) {
      const v = parseInt(text(l.IntegerLiteral()), 10);
      return { k: 'lit', t: 'int', v: neg ? -v : v, ...p };
    }
    if (l.LongLiteral()) {
      const v = BigInt(text(l.LongLiteral()).replace(/[lL]$/, ''));
      return { k: 'lit', t: 'long', v: (neg ? -v : v).toString(), ...p };
    }
    if (l.StringLiteral()) return { k: 'lit', t: 'str', v: unquote(text(l.StringLiteral())), ...p };
    if (l.NULL()) return { k: 'lit', t: 'null', v: null, ...p };
    const qn = text(l.qualifiedName());
    const parts = qn.split('.');
    let e: Expr = { k: 'name', name: parts[0], lname: parts[0].toLowerCase(), ...p };
    for (const part of parts.slice(1)) e = { k: 'field', obj: e, name: part, lname: part.toLowerCase(), safe: false, ...p };
    return e;
  }

  exprList(ctx: any): Expr[] {
    return ctx ? ctx.expression_list().map((e: any) => this.expr(e)) : [];
  }

  expr(ctx: any): Expr {
    const p = pos(ctx);
    if (ctx instanceof P.PrimaryExpressionContext) return this.primary((ctx as any).primary());
    if (ctx instanceof P.DotExpressionContext) {
      const c = ctx as any;
      const obj = this.expr(c.expression());
      const safe = !!c.QUESTIONDOT();
      if (c.dotMethodCall()) {
        const dm = c.dotMethodCall();
        const name = text(dm.anyId());
        return { k: 'call', obj, name, lname: name.toLowerCase(), args: this.exprList(dm.expressionList()), safe, ...p };
      }
      const name = text(c.anyId());
      return { k: 'field', obj, name, lname: name.toLowerCase(), safe, ...p };
    }
    if (ctx instanceof P.ArrayExpressionContext) {
      const c = ctx as any;
      return { k: 'index', obj: this.expr(c.expression(0)), idx: this.expr(c.expression(1)), ...p };
    }
    if (ctx instanceof P.MethodCallExpressionContext) {
      const mc = (ctx as any).methodCall();
      const args = this.exprList(mc.expressionList());
      if (mc.THIS()) return { k: 'ctorcall', which: 'this', args, ...p };
      if (mc.SUPER()) return { k: 'ctorcall', which: 'super', args, ...p };
      const name = text(mc.id());
      return { k: 'call', obj: null, name, lname: name.toLowerCase(), args, safe: false, ...p };
    }
    if (ctx instanceof P.NewExpressionContext) return this.creator((ctx as any).creator());
    if (ctx instanceof P.CastExpressionContext) {
      const c = ctx as any;
      return { k: 'cast', type: this.typeRef(c.typeRef()), e: this.expr(c.expression()), ...p };
    }
    if (ctx instanceof P.SubExpressionContext) return this.expr((ctx as any).expression());
    if (ctx instanceof P.PostOpExpressionContext) {
      const c = ctx as any;
      return { k: 'incdec', op: c.INC() ? '++' : '--', prefix: false, e: this.expr(c.expression()), ...p };
    }
    if (ctx instanceof P.PreOpExpressionContext) {
      const c = ctx as any;
      if (c.INC() || c.DEC()) return { k: 'incdec', op: c.INC() ? '++' : '--', prefix: true, e: this.expr(c.expression()), ...p };
      const inner = this.expr(c.expression());
      if (c.SUB() && inner.k === 'lit' && (inner.t === 'int' || inner.t === 'long' || inner.t === 'num')) {
        // fold -literal so that -2147483648 is a valid Integer
        if (inner.t === 'int') return { ...inner, v: -(inner.v as number) | 0 };
        if (inner.t === 'long') return { ...inner, v: (-BigInt(inner.v as string)).toString() };
        return { ...inner, v: '-' + (inner.v as string) };
      }
      return { k: 'unary', op: c.SUB() ? '-' : '+', e: inner, ...p };
    }
    if (ctx instanceof P.NegExpressionContext) {
      const c = ctx as any;
      return { k: 'unary', op: c.BANG() ? '!' : '~', e: this.expr(c.expression()), ...p };
    }
    if (ctx instanceof P.InstanceOfExpressionContext) {
      const c = ctx as any;
      return { k: 'instanceof', e: this.expr(c.expression()), type: this.typeRef(c.typeRef()), ...p };
    }
    if (ctx instanceof P.CondExpressionContext) {
      const c = ctx as any;
      return { k: 'cond', c: this.expr(c.expression(0)), a: this.expr(c.expression(1)), b: this.expr(c.expression(2)), ...p };
    }
    if (ctx instanceof P.AssignExpressionContext) {
      const c = ctx as any;
      const op = c.getChild(1).getText();
      return { k: 'assign', op, target: this.expr(c.expression(0)), value: this.expr(c.expression(1)), ...p };
    }
    // binary forms: operator = the text of the terminal children between the two expressions
    const c = ctx as any;
    if (c.expression_list && c.expression_list().length === 2) {
      const l = c.expression(0);
      const r = c.expression(1);
      let op = '';
      for (let i = 0; i < c.getChildCount(); i++) {
        const ch = c.getChild(i);
        if (ch !== l && ch !== r) op += ch.getText();
      }
      return { k: 'bin', op, l: this.expr(l), r: this.expr(r), ...p };
    }
    return this.fail(ctx, 'expression form not supported: ' + text(ctx));
  }

  creator(ctx: any): Expr {
    const p = pos(ctx);
    const pairs = ctx.createdName().idCreatedNamePair_list();
    const parts: string[] = [];
    let args: TypeRef[] = [];
    for (const pr of pairs) {
      parts.push(text(pr.anyId()));
      if (pr.typeList()) args = pr.typeList().typeRef_list().map((t: any) => this.typeRef(t));
    }
    const name = parts.join('.');
    const type: TypeRef = { name, lname: name.toLowerCase(), args };
    if (ctx.classCreatorRest()) {
      return { k: 'new', type, args: this.exprList(ctx.classCreatorRest().arguments().expressionList()), ...p };
    }
    if (ctx.noRest()) {
      if (type.lname === 'map') return { k: 'newmap', type, keys: [], vals: [], ...p };
      return { k: 'newcoll', type, init: [], size: null, ...p };
    }
    if (ctx.arrayCreatorRest()) {
      const a = ctx.arrayCreatorRest();
      const listType: TypeRef = { name: 'List', lname: 'list', args: [type] };
      if (a.expression()) return { k: 'newcoll', type: listType, init: null, size: this.expr(a.expression()), ...p };
      const init = a.arrayInitializer() ? this.exprList(a.arrayInitializer()) : [];
      return { k: 'newcoll', type: listType, init, size: null, ...p };
    }
    if (ctx.mapCreatorRest()) {
      const keys: Expr[] = [];
      const vals: Expr[] = [];
      for (const pr of ctx.mapCreatorRest().mapCreatorRestPair_list()) {
        keys.push(this.expr(pr.expression(0)));
        vals.push(this.expr(pr.expression(1)));
      }
      return { k: 'newmap', type, keys, vals, ...p };
    }
    if (ctx.setCreatorRest()) {
      return { k: 'newcoll', type, init: this.exprList(ctx.setCreatorRest()), size: null, ...p };
    }
    return this.fail(ctx, 'creator form not supported');
  }

  primary(ctx: any): Expr {
    const p = pos(ctx);
    if (ctx instanceof P.ThisPrimaryContext) return { k: 'this', ...p };
    if (ctx instanceof P.SuperPrimaryContext) return { k: 'super', ...p };
    if (ctx instanceof P.IdPrimaryContext) {
      const name = text(ctx);
      return { k: 'name', name, lname: name.toLowerCase(), ...p };
    }
    if (ctx instanceof P.TypeRefPrimaryContext) return { k: 'typelit', type: this.typeRef((ctx as any).typeRef()), ...p };
    if (ctx instanceof P.VoidPrimaryContext) return { k: 'typelit', type: null, ...p };
    if (ctx instanceof P.LiteralPrimaryContext) {
      const l = (ctx as any).literal();
      if (l.IntegerLiteral()) {
        const v = Number(text(l));
        return { k: 'lit', t: 'int', v: v | 0, ...p };
      }
      if (l.LongLiteral()) return { k: 'lit', t: 'long', v: BigInt(text(l).replace(/[lL]$/, '')).toString(), ...p };
      if (l.NumberLiteral()) return { k: 'lit', t: 'num', v: text(l), ...p };
      if (l.StringLiteral()) return { k: 'lit', t: 'str', v: unquote(text(l)), ...p };
      if (l.MultilineStringLiteral()) return { k: 'lit', t: 'str', v: unquote(text(l).slice(2, -2)), ...p };
      if (l.BooleanLiteral()) return { k: 'lit', t: 'bool', v: text(l).toLowerCase() === 'true', ...p };
      return { k: 'lit', t: 'null', v: null, ...p };
    }
    if (ctx instanceof P.SoqlPrimaryContext) {
      const q = (ctx as any).soqlLiteral().query();
      const binds: Record<string, Expr> = {};
      const walk = (n: any): void => {
        if (n instanceof P.BoundExpressionContext) {
          binds[text((n as any).expression())] = this.expr((n as any).expression());
          return;
        }
        for (let i = 0; i < (n.getChildCount ? n.getChildCount() : 0); i++) walk(n.getChild(i));
      };
      walk(q);
      return { k: 'soql', text: this.srcText(q), binds, ...p };
    }
    if (ctx instanceof P.SoslPrimaryContext) return { k: 'sosl', text: this.srcText(ctx), ...p };
    return this.fail(ctx, 'primary not supported');
  }
}

export function unquote(s: string): string {
  const body = s.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const n = body[++i];
    switch (n) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u': {
        out += String.fromCharCode(parseInt(body.substr(i + 1, 4), 16));
        i += 4;
        break;
      }
      default:
        out += n;
    }
  }
  return out;
}
