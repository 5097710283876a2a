// The test runner: loads the project, discovers @IsTest classes and methods, runs @TestSetup
// once per class (rolled back per method through a savepoint), runs each method in a fresh
// transaction with fresh limits, and reports in the shape of `sf apex run test --json`.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { Interpreter } from '../apex/interpreter.js';
import { ApexError, UnsupportedError, RtClass } from '../apex/runtime.js';
import { ApexSyntaxError } from '../apex/parse.js';
import type { MethodDecl } from '../apex/ast.js';
import type { Schema } from '../contracts.js';
import { LimitsState } from '../apex/context.js';

export interface TestResult {
  className: string;
  methodName: string;
  outcome: 'Pass' | 'Fail';
  message: string | null;
  stackTrace: string | null;
  runTime: number;
}

export interface RunOptions {
  root: string;
  namespace?: string;
  /** Class or Class.method selectors (case-insensitive). */
  tests?: string[];
  onClassDone?: (cls: string, results: TestResult[], ms: number) => void;
}

export interface RunSummary {
  results: TestResult[];
  classes: { name: string; passed: number; failed: number; ms: number }[];
  totalMs: number;
}

export interface OrgFactory {
  (schema: Schema): any;
}

async function loadOrgFactory(): Promise<OrgFactory | null> {
  try {
    const path = '../data/org.js';
    const mod: any = await import(path);
    const C = mod.LocalOrg ?? mod.default;
    if (!C) return null;
    return (schema: Schema) => (typeof C.create === 'function' ? C.create(schema) : new C(schema));
  } catch (e: any) {
    if (process.env.LOCAL_ORG_DEBUG) console.error('data layer not loaded:', e?.message);
    return null;
  }
}

export function isTestClass(c: RtClass): boolean {
  return !!c.decl && !c.outer && c.decl.annotations.some((a) => a.name === 'istest');
}

export function testMethodsOf(c: RtClass): MethodDecl[] {
  return c.decl!.methods.filter((m) => m.annotations.some((a) => a.name === 'istest') || m.mods.includes('testmethod'));
}

export function setupMethodsOf(c: RtClass): MethodDecl[] {
  return c.decl!.methods.filter((m) => m.annotations.some((a) => a.name === 'testsetup'));
}

export function failureMessage(I: Interpreter, e: any): { message: string; stack: string } {
  const ae = e instanceof ApexError ? e : I.toApexError(e);
  if (ae) {
    const msg = ae.ex.f.get('$message');
    const name = ae.ex.cls.name;
    return { message: `${name}: ${msg ?? ''}`.trimEnd(), stack: ae.ex.f.get('$stack') ?? '' };
  }
  if (e instanceof UnsupportedError) return { message: e.message, stack: I.stackTrace() };
  if (e && typeof e.apexType === 'string' && e.apexType === 'Unsupported') return { message: e.message, stack: I.stackTrace() };
  return { message: `Internal error of the local org: ${e?.stack ?? e}`, stack: I.stackTrace() };
}

export async function createInterpreter(schema: Schema): Promise<Interpreter> {
  const factory = await loadOrgFactory();
  const org = factory ? factory(schema) : null;
  const I = new Interpreter(schema, org);
  const ctx = I.builtins.ctx;
  if (org) {
    if (typeof org.setTriggerRunner === 'function') org.setTriggerRunner(ctx.triggerRunner());
    else org.triggerRunner = ctx.triggerRunner();
    if (typeof org.setLimits === 'function') org.setLimits(ctx.limitsApi());
    else org.limits = ctx.limitsApi();
  }
  ctx.userId = org?.seeded?.adminUserId || '005000000000001AAA';
  I.loadSources(schema.apexSources);
  return I;
}

function selected(sel: string[] | undefined, cls: string, method: string | null): boolean {
  if (!sel || sel.length === 0) return true;
  const c = cls.toLowerCase();
  return sel.some((s) => {
    const [a, b] = s.toLowerCase().split('.');
    if (a !== c) return false;
    return method === null || !b || b === method.toLowerCase();
  });
}

export async function runTests(schema: Schema, opts: RunOptions): Promise<RunSummary> {
  const started = Date.now();
  const I = await createInterpreter(schema);
  const ctx = I.builtins.ctx;
  const org = I.org;
  const results: TestResult[] = [];
  const classes: RunSummary['classes'] = [];
  const testClasses = [...new Set(I.classes.values())].filter(isTestClass).sort((a, b) => a.name.localeCompare(b.name));
  for (const cls of testClasses) {
    if (!selected(opts.tests, cls.name, null)) continue;
    const methods = testMethodsOf(cls).filter((m) => selected(opts.tests, cls.name, m.name));
    if (methods.length === 0) continue;
    const t0 = Date.now();
    const classResults: TestResult[] = [];
    const classSp = org ? org.setSavepoint() : null;
    const defaultUser = org?.seeded?.adminUserId || '005000000000001AAA';
    ctx.userId = defaultUser;
    // @TestSetup
    let setupError: { message: string; stack: string } | null = null;
    const setups = setupMethodsOf(cls);
    const beginTransaction = (): void => {
      I.resetStatics();
      I.stack.length = 0;
      ctx.limits = new LimitsState();
      ctx.saved = null;
      ctx.inTest = true;
      ctx.testStarted = false;
      ctx.testStopped = false;
      ctx.asyncQueue = [];
      ctx.asyncMode = 'SYNCHRONOUS';
      ctx.userStack = [];
      ctx.sentEmails = [];
      ctx.notifications = [];
      if (org && typeof org.beginTransaction === 'function') org.beginTransaction();
    };
    if (setups.length) {
      beginTransaction();
      try {
        for (const m of setups) I.runStaticMethod(cls, m);
        ctx.runAsync();
      } catch (e) {
        setupError = failureMessage(I, e);
      }
    }
    const sp = org && typeof org.setSavepoint === 'function' ? org.setSavepoint() : null;
    for (const m of methods) {
      const m0 = Date.now();
      beginTransaction();
      let failure: { message: string; stack: string } | null = setupError;
      if (!failure) {
        try {
          I.runStaticMethod(cls, m);
          // work queued after Test.startTest runs only at Test.stopTest; work queued in a test
          // that never started runs when the method ends
          if (!ctx.testStarted || ctx.testStopped) ctx.runAsync();
        } catch (e) {
          failure = failureMessage(I, e);
        }
      }
      if (sp !== null && org) org.rollback(sp);
      const r: TestResult = {
        className: cls.name,
        methodName: m.name,
        outcome: failure ? 'Fail' : 'Pass',
        message: failure ? failure.message : null,
        stackTrace: failure ? failure.stack : null,
        runTime: Date.now() - m0
      };
      classResults.push(r);
      results.push(r);
    }
    if (org && classSp !== null) org.rollback(classSp);
    const ms = Date.now() - t0;
    classes.push({ name: cls.name, passed: classResults.filter((r) => r.outcome === 'Pass').length, failed: classResults.filter((r) => r.outcome === 'Fail').length, ms });
    opts.onClassDone?.(cls.name, classResults, ms);
  }
  return { results, classes, totalMs: Date.now() - started };
}

export function toSfJson(summary: RunSummary): any {
  const passing = summary.results.filter((r) => r.outcome === 'Pass').length;
  const failing = summary.results.length - passing;
  return {
    status: failing > 0 ? 100 : 0,
    result: {
      summary: {
        outcome: failing > 0 ? 'Failed' : 'Passed',
        testsRan: summary.results.length,
        passing,
        failing,
        skipped: 0,
        passRate: summary.results.length ? `${Math.round((passing / summary.results.length) * 100)}%` : '0%',
        failRate: summary.results.length ? `${Math.round((failing / summary.results.length) * 100)}%` : '0%',
        testStartTime: new Date(Date.now() - summary.totalMs).toISOString(),
        testExecutionTime: `${summary.totalMs} ms`,
        testTotalTime: `${summary.totalMs} ms`,
        commandTime: `${summary.totalMs} ms`,
        hostname: 'local-org',
        orgId: '00D000000000001AAA',
        username: 'local-org',
        testRunId: 'local',
        userId: '005000000000001AAA'
      },
      tests: summary.results.map((r) => ({
        Id: `local-${r.className}.${r.methodName}`,
        QueueItemId: 'local',
        StackTrace: r.stackTrace,
        Message: r.message,
        AsyncApexJobId: 'local',
        MethodName: r.methodName,
        Outcome: r.outcome,
        ApexClass: { Id: 'local', Name: r.className, NamespacePrefix: null },
        RunTime: r.runTime,
        FullName: `${r.className}.${r.methodName}`
      }))
    },
    warnings: []
  };
}

export { ApexSyntaxError };
