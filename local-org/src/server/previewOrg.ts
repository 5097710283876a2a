// The preview's org: the project loaded into a LocalOrg kept in a SQLite file (not :memory:), so
// what a person does in the browser survives a restart. Wires the interpreter exactly as the test
// runner does (trigger runner, limits), then restores on reopen what the org keeps in memory only:
// the ids of its seeded records and its id counters (the platform never reuses an id).
/* eslint-disable @typescript-eslint/no-explicit-any */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { loadProject } from '../metadata/loadProject.js';
import { Interpreter } from '../apex/interpreter.js';
import { LimitsState } from '../apex/context.js';
import { LocalOrg } from '../data/org.js';
import type { Schema } from '../contracts.js';

export interface PreviewSession {
  schema: Schema;
  I: Interpreter;
  org: LocalOrg;
  file: string;
  /** True when the file was created now (demo data must be loaded). */
  fresh: boolean;
}

export interface OpenOptions {
  root: string;
  /** SQLite file; created when missing. */
  file: string;
  /** Delete the file first. */
  reset?: boolean;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A fingerprint of the storage layout: when objects or fields change, the file is rebuilt. */
export function schemaFingerprint(schema: Schema): string {
  const h = crypto.createHash('sha256');
  const names = [...schema.objects.values()].map((o) => `${o.name}:${[...o.fields.values()].map((f) => `${f.name}/${f.type}`).sort().join(',')}`).sort();
  h.update(names.join('\n'));
  h.update([...schema.permissionSets.keys()].sort().join(','));
  h.update([...schema.profiles.keys()].sort().join(','));
  return h.digest('hex').slice(0, 16);
}

function readMeta(file: string): string | null {
  const meta = `${file}.schema`;
  return fs.existsSync(meta) ? fs.readFileSync(meta, 'utf8').trim() : null;
}

export function openPreviewOrg(opts: OpenOptions): PreviewSession {
  const schema = loadProject(opts.root);
  const fp = schemaFingerprint(schema);
  fs.mkdirSync(path.dirname(opts.file), { recursive: true });
  const stale = fs.existsSync(opts.file) && readMeta(opts.file) !== fp;
  if (opts.reset || stale) {
    for (const f of [opts.file, `${opts.file}.schema`, `${opts.file}-journal`, `${opts.file}.ready`]) fs.rmSync(f, { force: true });
  }
  const fresh = !fs.existsSync(opts.file);
  const org = new LocalOrg(schema, { file: opts.file, noSeed: !fresh });
  if (fresh) {
    org.commit();
    fs.writeFileSync(`${opts.file}.schema`, `${fp}\n`);
  } else {
    restoreMemoryState(org);
  }
  const I = new Interpreter(schema, org);
  const ctx = I.builtins.ctx;
  org.setTriggerRunner(ctx.triggerRunner());
  org.setLimits(ctx.limitsApi());
  ctx.userId = org.seeded.adminUserId;
  // The interpreter refuses System.enqueueJob outside a test; the preview runs queued jobs itself
  // after each commit (inTransaction), as the platform does, so it lets the job be queued.
  const unsupported = I.unsupported.bind(I);
  (I as any).unsupported = (what: string): never => {
    if (what === 'queueable outside a test') return undefined as never;
    return unsupported(what);
  };
  I.loadSources(schema.apexSources);
  return { schema, I, org, file: opts.file, fresh };
}

/** Seeded ids (admin, profiles, permission sets, guest) and id counters, read back from the tables. */
function restoreMemoryState(org: LocalOrg): void {
  const db = org.db;
  const one = (sql: string, ...args: unknown[]): any => db.prepare(sql).get(...args);
  const s = org.seeded as any;
  s.orgId = one('SELECT id FROM "o_organization" LIMIT 1')?.id ?? '';
  s.adminUserId = one('SELECT id FROM "o_user" WHERE "f_username" = ?', 'admin@local-org.test')?.id ?? '';
  s.automatedProcessUserId = one('SELECT id FROM "o_user" WHERE "f_username" = ?', 'autoproc@local-org.test')?.id;
  for (const r of db.prepare('SELECT id, "f_name" AS name FROM "o_profile"').all() as any[]) s.profiles.set(String(r.name).toLowerCase(), r.id);
  for (const r of db.prepare('SELECT id, "f_name" AS name, "f_isownedbyprofile" AS owned FROM "o_permissionset"').all() as any[])
    if (!r.owned || r.owned === 0) s.permissionSets.set(String(r.name).toLowerCase(), r.id);
  const guest = one(`SELECT "f_guestuserid" AS id FROM "o_site" WHERE "f_guestuserid" IS NOT NULL LIMIT 1`);
  s.guestUserId = guest?.id ?? null;
  // id counters per key prefix and the row sequence
  const counters: Map<string, number> = (org.ids as any).counters;
  let seq = 0;
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'o_%'`).all() as { name: string }[];
  for (const { name } of tables) {
    for (const r of db.prepare(`SELECT id, _seq FROM "${name}"`).iterate() as Iterable<any>) {
      const id = String(r.id);
      const prefix = id.slice(0, 3);
      let n = 0;
      for (const ch of id.slice(5, 15)) n = n * 62 + BASE62.indexOf(ch);
      if (n > (counters.get(prefix) ?? 0)) counters.set(prefix, n);
      if (typeof r._seq === 'number' && r._seq > seq) seq = r._seq;
    }
  }
  (org as any).seq = seq;
  // auto numbers: continue after the highest number stored in each AutoNumber field
  const autoNumbers: Map<string, number> = (org as any).autoNumbers;
  for (const def of org.schema.objects.values()) {
    for (const f of def.fields.values()) {
      if (f.type !== 'AutoNumber') continue;
      let max = 0;
      try {
        for (const r of db.prepare(`SELECT "f_${f.name.toLowerCase()}" AS v FROM "o_${def.name.toLowerCase()}"`).iterate() as Iterable<any>) {
          const m = /(\d+)(?!.*\d)/.exec(String(r.v ?? ''));
          if (m && Number(m[1]) > max) max = Number(m[1]);
        }
      } catch {
        continue;
      }
      if (max > 0) autoNumbers.set(`${def.name}.${f.name}`.toLowerCase(), max);
    }
  }
}

/** Starts a transaction the way the platform does for each request: fresh limits and statics. */
export function beginTransaction(session: PreviewSession, userId: string): void {
  const { I, org } = session;
  const ctx = I.builtins.ctx;
  I.resetStatics();
  I.stack.length = 0;
  ctx.limits = new LimitsState();
  (ctx as any).saved = null;
  ctx.inTest = false;
  ctx.testStarted = false;
  ctx.testStopped = false;
  ctx.asyncQueue = [];
  ctx.asyncMode = 'SYNCHRONOUS';
  ctx.userStack = [];
  ctx.sentEmails = [];
  ctx.notifications = [];
  ctx.userId = userId;
  org.beginTransaction();
}

/**
 * Runs `work` as one transaction: committed to the file when it returns, rolled back when it
 * throws. Queued async work (queueables, futures) runs after the commit, as on the platform, in
 * its own transaction.
 */
export function inTransaction<T>(session: PreviewSession, userId: string, work: () => T): T {
  const { org, I } = session;
  beginTransaction(session, userId);
  const sp = org.setSavepoint();
  let result: T;
  try {
    result = work();
  } catch (e) {
    org.rollback(sp);
    org.commit();
    throw e;
  }
  org.commit();
  const ctx = I.builtins.ctx;
  if (ctx.asyncQueue.length) {
    const queued = ctx.asyncQueue;
    beginTransaction(session, userId);
    ctx.asyncQueue = queued;
    const sp2 = org.setSavepoint();
    try {
      ctx.runAsync();
      org.commit();
    } catch (e: any) {
      org.rollback(sp2);
      org.commit();
      if (process.env.LOCAL_ORG_DEBUG) console.error('async work failed:', e?.message ?? e);
    }
  }
  return result;
}
