// The preview's server-side API on top of the local org: open the org on a SQLite file, run
// @AuraEnabled methods as a user, uiRecordApi reads and writes, anonymous Apex in a transaction.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { inTransaction, type PreviewSession } from './previewOrg.js';
import { apexFailure } from './aura.js';

export { openPreviewOrg, inTransaction, beginTransaction, schemaFingerprint, type PreviewSession } from './previewOrg.js';
export { invokeAura, canAccessClass, apexFailure, type AuraOutcome, type AuraRequest } from './aura.js';
export { getRecord, updateRecord } from './records.js';

/** Runs anonymous Apex as the user in one committed transaction; throws an Error with the Apex message when it fails. */
export function runAnonymous(session: PreviewSession, userId: string, source: string): void {
  try {
    inTransaction(session, userId, () => session.I.executeAnonymous(source));
  } catch (e: any) {
    const out = apexFailure(session, e);
    throw new Error(`${out.body.exceptionType}: ${out.body.message}${out.body.stackTrace ? `\n${out.body.stackTrace}` : ''}`);
  }
}

/** A system-mode query (the preview's own bookkeeping: persona lists, ids); rows as plain JSON. */
export function querySystem(session: PreviewSession, soql: string, binds: Record<string, unknown> = {}): any[] {
  const res: any = session.org.queryWithBinds(soql, binds, { userId: session.org.seeded.adminUserId, accessLevel: 'SYSTEM_MODE', sharing: 'without' });
  const rows: any[] = Array.isArray(res) ? res : res?.records ?? [];
  const json = session.I.builtins.json;
  return rows.map((r) => JSON.parse(json.write(r, null, false)));
}
