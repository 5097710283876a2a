// lightning/uiRecordApi for the preview: getRecord and updateRecord in user mode (object and
// field access, sharing) as the persona, updates through the org's full save order (triggers,
// validation rules). Answers in the UI API's record shape: { id, apiName, fields: { F: { value, displayValue } } }.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { inTransaction, type PreviewSession } from './previewOrg.js';
import { apexFailure, type AuraOutcome } from './aura.js';

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const ID_RE = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

function objectOf(session: PreviewSession, id: string): string | null {
  const name = session.schema.keyPrefixes.get(id.slice(0, 3));
  return name ? session.schema.objects.get(name.toLowerCase())?.name ?? null : null;
}

function uiValue(v: any): any {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const fields: Record<string, any> = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'attributes') fields[k] = { value: uiValue(x), displayValue: null };
    return { apiName: v.attributes?.type ?? null, id: v.Id ?? null, fields };
  }
  return v;
}

/** fields: "Object.Field" or "Field" names (relationship paths allowed). */
export function getRecord(session: PreviewSession, userId: string, recordId: string, fields: string[]): AuraOutcome {
  if (typeof recordId !== 'string' || !ID_RE.test(recordId)) return { status: 400, body: { message: `Invalid record id: ${recordId}` } };
  const obj = objectOf(session, recordId);
  if (!obj) return { status: 404, body: { message: `The requested resource does not exist: no object has the key prefix ${recordId.slice(0, 3)}.` } };
  const names = new Set<string>(['Id']);
  for (const f of fields ?? []) {
    const bare = f.toLowerCase().startsWith(`${obj.toLowerCase()}.`) ? f.slice(obj.length + 1) : f;
    if (!NAME_RE.test(bare)) return { status: 400, body: { message: `Invalid field name: ${f}` } };
    names.add(bare);
  }
  try {
    return inTransaction(session, userId, () => {
      const res: any = session.org.queryWithBinds(`SELECT ${[...names].join(', ')} FROM ${obj} WHERE Id = :id`, { id: recordId }, { userId, accessLevel: 'USER_MODE', sharing: 'with' });
      const rows: any[] = Array.isArray(res) ? res : res?.records ?? [];
      if (!rows.length) return { status: 404, body: { message: 'The requested resource does not exist' } };
      const json = session.I.builtins.json;
      const plain = JSON.parse(json.write(rows[0], null, false));
      const ui = uiValue(plain);
      return { status: 200, body: { ...ui, apiName: obj, id: rows[0].id ?? plain.Id } };
    });
  } catch (e) {
    return apexFailure(session, e);
  }
}

/** recordInput: { fields: { Id, Field: value, ... } } as lightning/uiRecordApi's updateRecord takes it. */
export function updateRecord(session: PreviewSession, userId: string, recordInput: any): AuraOutcome {
  const fields = recordInput?.fields;
  const id = fields?.Id;
  if (!fields || typeof id !== 'string' || !ID_RE.test(id)) return { status: 400, body: { message: 'updateRecord needs { fields: { Id: <record id>, ... } }.' } };
  const obj = objectOf(session, id);
  if (!obj) return { status: 404, body: { message: `The requested resource does not exist: no object has the key prefix ${id.slice(0, 3)}.` } };
  for (const k of Object.keys(fields)) if (!NAME_RE.test(k)) return { status: 400, body: { message: `Invalid field name: ${k}` } };
  const { I } = session;
  const json = I.builtins.json;
  try {
    inTransaction(session, userId, () => {
      const rec = json.typed(json.parse(JSON.stringify({ attributes: { type: obj }, ...fields })), { name: obj, lname: obj.toLowerCase(), args: [] }, null, false);
      const results: any[] = session.org.dml('update', [rec], { allOrNone: false }, { userId, accessLevel: 'USER_MODE', sharing: 'with' });
      const failed = results.find((r: any) => r && r.success === false);
      if (failed) {
        const errs = failed.errors ?? [];
        const message = errs.map((e: any) => e.message).join(' ') || 'The record could not be saved.';
        throw Object.assign(new Error(message), { uiErrors: errs });
      }
    });
    return getRecord(session, userId, id, Object.keys(fields));
  } catch (e: any) {
    if (e?.uiErrors) {
      const errs = e.uiErrors as any[];
      return {
        status: 400,
        body: {
          message: e.message,
          output: {
            errors: errs.filter((x) => !x.fields?.length).map((x) => ({ errorCode: x.statusCode, message: x.message })),
            fieldErrors: Object.fromEntries(errs.filter((x) => x.fields?.length).map((x) => [x.fields[0], [{ errorCode: x.statusCode, message: x.message, field: x.fields[0] }]]))
          }
        }
      };
    }
    return apexFailure(session, e);
  }
}
