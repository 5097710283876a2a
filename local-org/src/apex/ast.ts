// The interpreter's compact AST, built once per source file from the apex-parser tree
// (see parse.ts). Plain data: cacheable, and cheap to walk.

export interface Pos {
  line: number;
  col: number;
}

export interface TypeRef {
  /** Dotted name as written, e.g. "List", "Database.SaveResult", "Map". */
  name: string;
  /** Lower-case dotted name. */
  lname: string;
  args: TypeRef[];
}

export interface Annotation {
  name: string; // lower-case
  params: Record<string, string>;
}

export interface Param {
  name: string;
  type: TypeRef;
}

export interface MethodDecl extends Pos {
  name: string;
  lname: string;
  mods: string[];
  annotations: Annotation[];
  params: Param[];
  ret: TypeRef | null; // null = void
  body: Stmt | null;
  isStatic: boolean;
  isAbstract: boolean;
}

export interface CtorDecl extends Pos {
  mods: string[];
  params: Param[];
  body: Stmt;
}

export interface FieldDecl extends Pos {
  k: 'field';
  name: string;
  lname: string;
  type: TypeRef;
  init: Expr | null;
  isStatic: boolean;
  mods: string[];
  annotations: Annotation[];
}

export interface PropDecl extends Pos {
  k: 'prop';
  name: string;
  lname: string;
  type: TypeRef;
  isStatic: boolean;
  mods: string[];
  annotations: Annotation[];
  getter: { body: Stmt | null } | null;
  setter: { body: Stmt | null } | null;
}

export interface InitBlock extends Pos {
  k: 'block';
  isStatic: boolean;
  body: Stmt;
}

export interface ClassDecl extends Pos {
  kind: 'class' | 'interface' | 'enum';
  name: string;
  lname: string;
  /** Full lower-case name: "outer.inner" for inner classes. */
  fullName: string;
  file: string;
  mods: string[];
  annotations: Annotation[];
  sharing: 'with' | 'without' | 'inherited' | null;
  ext: TypeRef | null;
  impls: TypeRef[];
  members: (FieldDecl | PropDecl | InitBlock)[];
  methods: MethodDecl[];
  ctors: CtorDecl[];
  inner: ClassDecl[];
  enumValues: string[];
  outer: string | null;
}

export interface TriggerDecl extends Pos {
  name: string;
  object: string;
  events: string[]; // e.g. BEFORE_INSERT
  body: Stmt;
  file: string;
  /** Inner classes / methods declared in the trigger (rare). */
  members: ClassDecl;
}

export type Stmt =
  | ({ k: 'block'; stmts: Stmt[] } & Pos)
  | ({ k: 'local'; type: TypeRef; decls: { name: string; init: Expr | null }[] } & Pos)
  | ({ k: 'expr'; e: Expr } & Pos)
  | ({ k: 'if'; cond: Expr; then: Stmt; else: Stmt | null } & Pos)
  | ({ k: 'switch'; e: Expr; whens: When[] } & Pos)
  | ({ k: 'for'; init: Stmt[]; cond: Expr | null; update: Expr[]; body: Stmt | null } & Pos)
  | ({ k: 'foreach'; type: TypeRef; name: string; iter: Expr; body: Stmt | null } & Pos)
  | ({ k: 'while'; cond: Expr; body: Stmt | null } & Pos)
  | ({ k: 'do'; cond: Expr; body: Stmt } & Pos)
  | ({ k: 'try'; body: Stmt; catches: { type: TypeRef; name: string; body: Stmt }[]; fin: Stmt | null } & Pos)
  | ({ k: 'return'; e: Expr | null } & Pos)
  | ({ k: 'throw'; e: Expr } & Pos)
  | ({ k: 'break' } & Pos)
  | ({ k: 'continue' } & Pos)
  | ({ k: 'dml'; op: string; access: 'user' | 'system' | null; e: Expr; e2: Expr | null; extField: string | null } & Pos)
  | ({ k: 'runas'; args: Expr[]; body: Stmt } & Pos)
  | ({ k: 'empty' } & Pos);

export interface When {
  kind: 'else' | 'values' | 'type';
  values: Expr[]; // literals or qualified names (enum constants)
  type?: TypeRef;
  varName?: string;
  body: Stmt;
}

export type Expr =
  | ({ k: 'lit'; v: unknown; t: 'int' | 'long' | 'num' | 'str' | 'bool' | 'null' } & Pos)
  | ({ k: 'name'; name: string; lname: string } & Pos)
  | ({ k: 'this' } & Pos)
  | ({ k: 'super' } & Pos)
  | ({ k: 'field'; obj: Expr; name: string; lname: string; safe: boolean } & Pos)
  | ({ k: 'call'; obj: Expr | null; name: string; lname: string; args: Expr[]; safe: boolean } & Pos)
  | ({ k: 'ctorcall'; which: 'this' | 'super'; args: Expr[] } & Pos)
  | ({ k: 'index'; obj: Expr; idx: Expr } & Pos)
  | ({ k: 'new'; type: TypeRef; args: Expr[] } & Pos)
  | ({ k: 'newsobj'; type: TypeRef; names: string[]; values: Expr[] } & Pos)
  | ({ k: 'newcoll'; type: TypeRef; init: Expr[] | null; size: Expr | null } & Pos)
  | ({ k: 'newmap'; type: TypeRef; keys: Expr[]; vals: Expr[] } & Pos)
  | ({ k: 'cast'; type: TypeRef; e: Expr } & Pos)
  | ({ k: 'unary'; op: string; e: Expr } & Pos)
  | ({ k: 'incdec'; op: '++' | '--'; prefix: boolean; e: Expr } & Pos)
  | ({ k: 'bin'; op: string; l: Expr; r: Expr } & Pos)
  | ({ k: 'instanceof'; e: Expr; type: TypeRef } & Pos)
  | ({ k: 'cond'; c: Expr; a: Expr; b: Expr } & Pos)
  | ({ k: 'assign'; op: string; target: Expr; value: Expr } & Pos)
  | ({ k: 'soql'; text: string; binds: Record<string, Expr> } & Pos)
  | ({ k: 'sosl'; text: string } & Pos)
  | ({ k: 'typelit'; type: TypeRef | null } & Pos);

export interface CompiledFile {
  file: string;
  classDecl?: ClassDecl;
  trigger?: TriggerDecl;
}
