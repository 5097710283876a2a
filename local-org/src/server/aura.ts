// The preview's bridge for `@salesforce/apex/Class.method`: runs the real static @AuraEnabled
// method in the local org as the persona's user, in one transaction, and answers the way
// Lightning does: the method's return value serialized to JSON, or an error whose body carries
// the exception's message (AuraHandledException and any other Apex exception).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { ApexError, UnsupportedError, type RtClass } from '../apex/runtime.js';
import type { MethodDecl } from '../apex/ast.js';
import { inTransaction, type PreviewSession } from './previewOrg.js';
import type { RunningSite } from '../data/org.js';

export interface AuraOutcome {
  status: number;
  body: any;
}

export interface AuraRequest {
  classname: string;
  method: string;
  params: unknown;
  userId: string;
  /** Only cacheable=true methods (@wire). */
  cacheable?: boolean;
  /** The site serving the request (guest and portal users' requests), or none. */
  site?: RunningSite | null;
}

function refusal(status: number, message: string, exceptionType = 'System.AuraException'): AuraOutcome {
  return { status, body: { message, exceptionType, isUserDefinedException: false, stackTrace: '' } };
}

/** Whether the user's profile or permission sets grant access to the Apex class (Aura checks this before running). */
export function canAccessClass(session: PreviewSession, userId: string, className: string): boolean {
  const db = session.org.db;
  const lower = className.toLowerCase();
  const user = db.prepare('SELECT "f_profileid" AS p FROM "o_user" WHERE id = ?').get(userId) as any;
  if (!user) return false;
  const profile = db.prepare('SELECT "f_name" AS name, "f_permissionsmodifyalldata" AS mad FROM "o_profile" WHERE id = ?').get(user.p) as any;
  if (!profile) return false;
  if (profile.mad === 1 || profile.mad === '1' || profile.mad === 'true') return true;
  const pdef = session.schema.profiles.get(String(profile.name).toLowerCase()) as any;
  if (pdef?.classAccesses?.has(lower)) return true;
  const sets = db
    .prepare('SELECT ps."f_name" AS name FROM "o_permissionsetassignment" a JOIN "o_permissionset" ps ON ps.id = a."f_permissionsetid" WHERE a."f_assigneeid" = ?')
    .all(userId) as any[];
  for (const s of sets) {
    const def = session.schema.permissionSets.get(String(s.name).toLowerCase()) as any;
    if (def?.classAccesses?.has(lower)) return true;
  }
  return false;
}

function findAuraMethod(session: PreviewSession, classname: string, method: string): { cls: RtClass; m: MethodDecl } | null {
  const cls = session.I.findClass(classname);
  if (!cls || !cls.decl) return null;
  const m = cls.decl.methods.find((x) => x.lname === method.toLowerCase() && x.isStatic && x.annotations.some((a) => a.name === 'auraenabled'));
  return m ? { cls, m } : null;
}

function isCacheable(m: MethodDecl): boolean {
  const a = m.annotations.find((x) => x.name === 'auraenabled');
  return !!a && Object.entries(a.params).some(([k, v]) => k.toLowerCase() === 'cacheable' && String(v).toLowerCase() === 'true');
}

/** Runs one @AuraEnabled call. Never throws: every failure is an outcome with a status. */
export function invokeAura(session: PreviewSession, req: AuraRequest): AuraOutcome {
  const { I } = session;
  if (typeof req.classname !== 'string' || typeof req.method !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(req.classname) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(req.method))
    return refusal(400, 'The request must name an Apex class and method: {"classname": "...", "method": "...", "params": {...}}.');
  if (req.params !== undefined && req.params !== null && (typeof req.params !== 'object' || Array.isArray(req.params)))
    return refusal(400, 'The parameters of an Apex action must be an object keyed by parameter name.');
  const found = findAuraMethod(session, req.classname, req.method);
  if (!found) return refusal(404, `Unable to find action '${req.method}' on the controller of ${req.classname}: no static @AuraEnabled method has that name.`);
  const { cls, m } = found;
  if (req.cacheable && !isCacheable(m)) return refusal(400, `${cls.name}.${m.name} is not cacheable: annotate it @AuraEnabled(cacheable=true) to use it with @wire.`);
  if (!canAccessClass(session, req.userId, cls.name)) return refusal(403, `You do not have access to the Apex class named '${cls.name}'.`);
  const params = (req.params ?? {}) as Record<string, unknown>;
  const byLower = new Map(Object.entries(params).map(([k, v]) => [k.toLowerCase(), v]));
  const known = new Set(m.params.map((p) => p.name.toLowerCase()));
  for (const k of byLower.keys()) if (!known.has(k)) return refusal(400, `Unknown parameter '${k}' for action ${cls.name}.${m.name}(${m.params.map((p) => p.name).join(', ')}).`);
  const json = I.builtins.json;
  session.org.runningSite = req.site ?? null;
  try {
    return inTransaction(session, req.userId, () => {
      const args: any[] = [];
      for (const p of m.params) {
        const raw = byLower.get(p.name.toLowerCase());
        if (raw === undefined || raw === null) {
          args.push(null);
          continue;
        }
        try {
          args.push(json.typed(json.parse(JSON.stringify(raw)), p.type, cls, false));
        } catch {
          throw new BadParam(`Value provided is invalid for action parameter '${p.name}' of type '${typeText(p.type)}'`);
        }
      }
      const value = I.invokeMethod(null, cls, m, args);
      const text = m.ret === null || m.ret.lname === 'void' ? 'null' : json.write(value, null, false);
      return { status: 200, body: JSON.parse(text) };
    });
  } catch (e: any) {
    if (e instanceof BadParam) return refusal(400, e.message);
    return apexFailure(session, e);
  } finally {
    session.org.runningSite = null;
  }
}

class BadParam extends Error {}

function typeText(t: { name: string; args: { name: string; args: any[] }[] }): string {
  return t.args.length ? `${t.name}<${t.args.map((a) => typeText(a as any)).join(',')}>` : t.name;
}

/** An exception that left the Apex method, as Lightning delivers it to the component. */
export function apexFailure(session: PreviewSession, e: any): AuraOutcome {
  const ae = e instanceof ApexError ? e : session.I.toApexError(e);
  if (ae) {
    const type = ae.ex.cls.name;
    const message = String(ae.ex.f.get('$message') ?? '');
    return {
      status: 500,
      body: { message, exceptionType: type, isUserDefinedException: !type.startsWith('System.'), stackTrace: String(ae.ex.f.get('$stack') ?? '') }
    };
  }
  if (e instanceof UnsupportedError) return refusal(501, e.message, 'LocalOrg.Unsupported');
  return refusal(500, `Internal error of the local org: ${e?.message ?? e}`, 'LocalOrg.InternalError');
}
