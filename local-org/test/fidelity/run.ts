#!/usr/bin/env node
// The fidelity suite runner: executes every program of test/fidelity/<area>/*.apex as anonymous
// Apex in the local org (each program like one test method: a fresh org, a fresh transaction, the
// default test user, Test.startTest/stopTest allowed, queued async work run at the end) and
// compares the outcome with the program's header: success, or the uncaught exception named by
// `// Expect: Type[: message]`.
//
//   npm run build -w local-org && node local-org/dist/test/fidelity/run.js [--only text] [--dir path] [--json out.json] [--verbose]
//
// Prints one line per failing program (file and reason) and closes with `N passed, N failed`.
// Exit code: 0 when every program matches its documented outcome, 1 otherwise, 2 when the
// local org itself cannot be loaded.
//
// The local org's modules are imported dynamically so that this file compiles whatever the
// state of the interpreter's internals; see README.md in this folder.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const AREAS = [
  'language',
  'decimal',
  'string',
  'date',
  'collections',
  'exceptions',
  'json',
  'soql',
  'dml',
  'order-of-execution',
  'sharing-fls',
  'async'
];

export interface ProgramHeader {
  source: string | null;
  url: string | null;
  documented: string | null;
  expect: { type: string; message: string | null } | null;
}

export interface ProgramOutcome {
  ok: boolean;
  /** 'System.ListException: List index out of bounds: 3' style, null on success. */
  error: { type: string; message: string } | null;
}

export interface ProgramResult {
  file: string;
  passed: boolean;
  reason: string | null;
  ms: number;
}

/** Reads the leading `//` comment lines of a program. */
export function parseHeader(src: string): ProgramHeader {
  const header: ProgramHeader = { source: null, url: null, documented: null, expect: null };
  for (const raw of src.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (!line.startsWith('//')) break;
    const text = line.replace(/^\/\/\s?/, '');
    let m: RegExpMatchArray | null;
    if ((m = text.match(/^Source:\s*(.+)$/))) header.source = m[1].trim();
    else if ((m = text.match(/^(https?:\/\/\S+)\s*$/))) header.url = header.url ?? m[1];
    else if ((m = text.match(/^Documented:\s*(.+)$/))) header.documented = m[1].trim();
    else if ((m = text.match(/^Expect:\s*(.+)$/))) {
      const spec = m[1].trim();
      const sep = spec.indexOf(': ');
      header.expect = sep < 0 ? { type: spec, message: null } : { type: spec.slice(0, sep).trim(), message: spec.slice(sep + 2).trim() };
    }
  }
  return header;
}

/** The problems of a header, empty when it has what the README requires. */
export function headerProblems(h: ProgramHeader): string[] {
  const problems: string[] = [];
  if (!h.source) problems.push('header lacks "// Source: <guide> — <page>"');
  if (!h.url || !/^https:\/\/developer\.salesforce\.com\/docs\//.test(h.url)) problems.push('header lacks the documentation URL (https://developer.salesforce.com/docs/...)');
  if (!h.documented) problems.push('header lacks "// Documented: <behaviour>"');
  return problems;
}

function shortType(t: string): string {
  const parts = t.split('.');
  return parts[parts.length - 1].toLowerCase();
}

/**
 * Whether an exception type matches the expected one: equal ignoring case, or equal after the
 * namespace/outer-class prefix when only one side has it (custom exceptions declared in an
 * anonymous block may be reported as AnonymousBlock.X or X).
 */
export function typeMatches(expected: string, actual: string): boolean {
  const e = expected.toLowerCase();
  const a = actual.toLowerCase();
  if (e === a) return true;
  if (e.startsWith('system.') || a.startsWith('system.')) {
    // A system exception must be named exactly, with or without the System. prefix on one side.
    return e.replace(/^system\./, '') === a.replace(/^system\./, '') && shortType(e) === shortType(a);
  }
  return shortType(e) === shortType(a);
}

/** Compares an outcome with the header's expectation; null when it matches. */
export function judge(h: ProgramHeader, outcome: ProgramOutcome): string | null {
  if (!h.expect) {
    if (outcome.ok) return null;
    return `expected success, got ${outcome.error!.type}: ${outcome.error!.message}`;
  }
  const want = h.expect.type + (h.expect.message ? ': ' + h.expect.message : '');
  if (outcome.ok) return `expected ${want}, but the program ended normally`;
  const got = outcome.error!;
  if (!typeMatches(h.expect.type, got.type)) return `expected ${want}, got ${got.type}: ${got.message}`;
  if (h.expect.message !== null) {
    const msg = got.message.trim();
    if (!(msg === h.expect.message || msg.startsWith(h.expect.message))) return `expected message "${h.expect.message}", got ${got.type}: ${got.message}`;
  }
  return null;
}

/** Every program file, sorted by area (in AREAS order) then name. */
export function listPrograms(dir: string): string[] {
  const files: string[] = [];
  const areas = readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory())
    .sort((a, b) => (AREAS.indexOf(a) + 1 || 99) - (AREAS.indexOf(b) + 1 || 99) || a.localeCompare(b));
  for (const area of areas) {
    for (const f of readdirSync(join(dir, area)).sort()) {
      if (f.endsWith('.apex')) files.push(join(dir, area, f));
    }
  }
  return files;
}

function findProgramsDir(explicit: string | null): string {
  if (explicit) return resolve(explicit);
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [here, resolve(here, '../../../test/fidelity'), resolve(process.cwd(), 'local-org/test/fidelity'), resolve(process.cwd(), 'test/fidelity')];
  for (const c of candidates) {
    if (existsSync(join(c, 'language')) && existsSync(join(c, 'README.md'))) return c;
  }
  throw new Error(`cannot find the fidelity programs (looked in ${candidates.join(', ')}); pass --dir`);
}

function findProjectRoot(start: string): string {
  let dir = start;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'sfdx-project.json'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`no sfdx-project.json above ${start}`);
}

/** The compiled local org (dist/src/...), located from this file or from the working directory. */
function findDistSrc(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '../../src'), resolve(process.cwd(), 'local-org/dist/src'), resolve(process.cwd(), 'dist/src')];
  for (const c of candidates) {
    if (existsSync(join(c, 'testing/runner.js'))) return c;
  }
  throw new Error(`cannot find the built local org (dist/src/testing/runner.js); run npm run build -w local-org first`);
}

async function load(distSrc: string, rel: string): Promise<any> {
  return import(pathToFileURL(join(distSrc, rel)).href);
}

/** One program through the interpreter's execute-anonymous entry, as one test method. */
export class FidelityHarness {
  private constructor(
    private readonly runner: any,
    private readonly context: any,
    private readonly schema: any
  ) {}

  static async create(root: string): Promise<FidelityHarness> {
    const distSrc = findDistSrc();
    const meta = await load(distSrc, 'metadata/loadProject.js');
    const runner = await load(distSrc, 'testing/runner.js');
    let context: any = {};
    try {
      context = await load(distSrc, 'apex/context.js');
    } catch {
      context = {};
    }
    const schema = meta.loadProject(root, {});
    return new FidelityHarness(runner, context, schema);
  }

  /** A fresh interpreter and org per program, so no class, static or record leaks between programs. */
  async run(src: string, file: string): Promise<ProgramOutcome> {
    const I: any = await this.runner.createInterpreter(this.schema);
    const ctx: any = I.builtins?.ctx;
    const org: any = I.org;
    if (org && typeof org.reset === 'function') org.reset();
    if (ctx) {
      // The default test user: the org's seeded System Administrator (as src/testing/runner.ts does).
      const defaultUser =
        org?.seeded?.adminUserId ||
        (org && typeof org.defaultUserId === 'function' ? org.defaultUserId() : org?.defaultUserId) ||
        ctx.userId ||
        '005000000000001AAA';
      ctx.userId = defaultUser;
      if (typeof I.resetStatics === 'function') I.resetStatics();
      if (this.context.LimitsState) ctx.limits = new this.context.LimitsState();
      ctx.saved = null;
      ctx.inTest = true;
      ctx.testStarted = false;
      ctx.testStopped = false;
      ctx.asyncQueue = [];
      ctx.asyncMode = 'SYNCHRONOUS';
      ctx.userStack = [];
      ctx.sentEmails = [];
      ctx.notifications = [];
    }
    if (org && typeof org.beginTransaction === 'function') org.beginTransaction();
    try {
      if (typeof I.executeAnonymous !== 'function') throw new Error('the interpreter has no executeAnonymous(source, file) entry');
      I.executeAnonymous(src, file);
      if (ctx && typeof ctx.runAsync === 'function') ctx.runAsync();
      return { ok: true, error: null };
    } catch (e: any) {
      return { ok: false, error: this.describe(I, e) };
    }
  }

  private describe(I: any, e: any): { type: string; message: string } {
    const ae = typeof I.toApexError === 'function' ? I.toApexError(e) : null;
    if (ae?.ex?.cls) {
      const msg = ae.ex.f?.get?.('$message');
      return { type: String(ae.ex.cls.name), message: msg == null ? '' : String(msg) };
    }
    if (e?.name === 'ApexSyntaxError' || /Apex does not parse/.test(String(e?.message ?? ''))) {
      return { type: 'ParseError', message: String(e?.message ?? e).split('\n')[0] };
    }
    const failure = typeof this.runner.failureMessage === 'function' ? this.runner.failureMessage(I, e) : { message: String(e?.message ?? e) };
    const text: string = failure.message ?? String(e);
    const m = text.match(/^([A-Za-z_][\w.]*(?:Exception|Error)):\s?([\s\S]*)$/);
    if (m) return { type: m[1], message: m[2] };
    if (/^Unsupported in the local org/.test(text)) return { type: 'Unsupported', message: text };
    return { type: 'InternalError', message: text };
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let only: string | null = null;
  let dirArg: string | null = null;
  let jsonOut: string | null = null;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') only = argv[++i];
    else if (a === '--dir') dirArg = argv[++i];
    else if (a === '--json') jsonOut = argv[++i];
    else if (a === '--verbose' || a === '-v') verbose = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: node local-org/dist/test/fidelity/run.js [--only text] [--dir programs-dir] [--json out.json] [--verbose]');
      return 0;
    } else {
      console.error(`unknown argument: ${a}`);
      return 2;
    }
  }
  let dir: string;
  let harness: FidelityHarness;
  try {
    dir = findProgramsDir(dirArg);
    let root: string;
    try {
      root = findProjectRoot(dir);
    } catch {
      root = findProjectRoot(process.cwd());
    }
    harness = await FidelityHarness.create(root);
  } catch (e: any) {
    console.error(`fidelity: the local org cannot run the suite: ${e?.message ?? e}`);
    return 2;
  }
  const files = listPrograms(dir).filter((f) => !only || relative(dir, f).includes(only));
  const results: ProgramResult[] = [];
  for (const file of files) {
    const name = relative(dir, file);
    const src = readFileSync(file, 'utf8');
    const t0 = Date.now();
    const header = parseHeader(src);
    const problems = headerProblems(header);
    let reason: string | null = problems.length ? problems.join('; ') : null;
    if (!reason) {
      let outcome: ProgramOutcome;
      try {
        outcome = await harness.run(src, name);
      } catch (e: any) {
        outcome = { ok: false, error: { type: 'InternalError', message: String(e?.stack ?? e) } };
      }
      reason = judge(header, outcome);
    }
    const r: ProgramResult = { file: name, passed: reason === null, reason, ms: Date.now() - t0 };
    results.push(r);
    if (!r.passed) console.log(`FAIL ${name}: ${(reason ?? '').split('\n')[0]}`);
    else if (verbose) console.log(`pass ${name} (${r.ms} ms)`);
  }
  const passed = results.filter((r) => r.passed).length;
  const failed = results.length - passed;
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ passed, failed, results }, null, 2) + '\n');
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

const invokedDirectly = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e?.stack ?? e);
      process.exit(2);
    }
  );
}
