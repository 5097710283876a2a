// Shared set-up for the data layer tests: the project's own schema and a fresh LocalOrg.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunContext, Schema } from '../../src/contracts.js';
import { loadProject } from '../../src/metadata/loadProject.js';
import { LocalOrg, type LocalOrgOptions } from '../../src/data/org.js';
import { SObjectRecord } from '../../src/data/sobject.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../../../..');

let cached: Schema | null = null;
export function schema(): Schema {
  if (!cached) cached = loadProject(repoRoot);
  return cached;
}

export function newOrg(opts: LocalOrgOptions = {}): LocalOrg {
  return new LocalOrg(schema(), opts);
}

export function sys(org: LocalOrg, userId = org.seeded.adminUserId): RunContext {
  return { userId, accessLevel: 'SYSTEM_MODE', sharing: 'without' };
}
export function userMode(userId: string): RunContext {
  return { userId, accessLevel: 'USER_MODE', sharing: 'with' };
}
export function withSharing(userId: string): RunContext {
  return { userId, accessLevel: 'SYSTEM_MODE', sharing: 'with' };
}

export type Binds = (t: string) => unknown;
export const noBinds: Binds = (t: string): never => {
  throw new Error(`unexpected bind ${t}`);
};
export function binds(values: Record<string, unknown>): Binds {
  return (t: string) => {
    if (!(t in values)) throw new Error(`no bind ${t}`);
    return values[t];
  };
}

export function rec(org: LocalOrg, objectName: string, values: Record<string, unknown> = {}): SObjectRecord {
  return new SObjectRecord(org.schema.objects.get(objectName.toLowerCase())!, values);
}

export function insert(org: LocalOrg, objectName: string, values: Record<string, unknown>, ctx = sys(org)): SObjectRecord {
  const r = rec(org, objectName, values);
  org.dml('insert', [r], { allOrNone: true }, ctx);
  return r;
}

/** A program, contact and advocate: the smallest valid referral set-up of the package. */
export function advocateSetup(org: LocalOrg, ctx = sys(org)): { program: SObjectRecord; contact: SObjectRecord; advocate: SObjectRecord } {
  const program = insert(org, 'Referral_Program__c', { Name: 'P', Currency_Code__c: 'USD' }, ctx);
  const contact = insert(org, 'Contact', { LastName: 'Smith', FirstName: 'Jo', Email: 'jo@example.com' }, ctx);
  const advocate = insert(org, 'Advocate__c', { Contact__c: contact.id, Program__c: program.id }, ctx);
  return { program, contact, advocate };
}
