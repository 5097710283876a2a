// DML and the save order of execution. Apex Developer Guide: "Triggers and Order of Execution",
// "Bulk DML Exception Handling", "DML Statements vs. Database Class Methods", "Transaction
// Control" (savepoints), "Trigger Context Variables" (Trigger.new is read-only in after
// triggers), "sObjects That Can't Be Used Together in DML Operations", "Upserting Records",
// "Converting Leads"; Object Reference: "Lead" (IsConverted, Converted*Id);
// Salesforce Help: roll-up summary fields, auto-number fields, validation rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApexDate, Decimal } from '../../src/apex/values/index.js';
import type { TriggerEvent } from '../../src/contracts.js';
import { DataError } from '../../src/data/errors.js';
import type { SObjectRecord } from '../../src/data/sobject.js';
import { advocateSetup, insert, newOrg, noBinds, rec, sys } from './helpers.js';

const org = newOrg();
const ctx = sys(org);
const q = (s: string) => org.query(s, noBinds, ctx) as SObjectRecord[];

function dmlError(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('expected a DmlException');
}

/** Each test runs inside a savepoint that is rolled back. */
function isolated(name: string, fn: () => void): void {
  test(name, () => {
    const sp = org.setSavepoint();
    try {
      fn();
    } finally {
      org.setTriggerRunner(null);
      org.rollback(sp);
      org.beginTransaction();
    }
  });
}

isolated('insert sets the Id on the caller\'s record and the audit fields; defaults from metadata apply', () => {
  const { program } = advocateSetup(org);
  assert.equal(program.id!.slice(0, 3), org.schema.objects.get('referral_program__c')!.keyPrefix);
  const row = q(`SELECT CreatedDate, CreatedById, OwnerId, Duplicate_Window_Days__c FROM Referral_Program__c WHERE Id = '${program.id}'`)[0]!;
  assert.equal(row.get('CreatedById'), org.seeded.adminUserId);
  assert.equal(row.get('OwnerId'), org.seeded.adminUserId);
  assert.equal((row.get('Duplicate_Window_Days__c') as Decimal).compareTo(Decimal.parse('365')), 0);
});

isolated('a missing required field fails with Apex\'s message format', () => {
  const e = dmlError(() => org.dml('insert', [rec(org, 'Contact', { FirstName: 'X' })], { allOrNone: true }, ctx));
  assert.equal(e.apexType, 'System.DmlException');
  assert.equal(e.message, 'Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [LastName]: [LastName]');
});

isolated('text longer than the field fails with STRING_TOO_LONG', () => {
  const { advocate } = advocateSetup(org);
  const r = rec(org, 'Referral__c', { Advocate__c: advocate.id, Referred_Last_Name__c: 'L', Referred_Email__c: 'a@b.co', Referred_First_Name__c: 'x'.repeat(41) });
  const [res] = org.dml('insert', [r], { allOrNone: false }, ctx);
  assert.equal(res!.success, false);
  assert.equal(res!.errors[0]!.statusCode, 'STRING_TOO_LONG');
  assert.deepEqual(res!.errors[0]!.fields, ['Referred_First_Name__c']);
});

isolated('a value outside a restricted picklist fails with INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', () => {
  const { advocate } = advocateSetup(org);
  const r = rec(org, 'Referral__c', { Advocate__c: advocate.id, Referred_Last_Name__c: 'L', Referred_Email__c: 'a@b.co', Routing_Route__c: 'NOPE' });
  const [res] = org.dml('insert', [r], { allOrNone: false }, ctx);
  assert.equal(res!.errors[0]!.statusCode, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
});

isolated('a validation rule fails the row with its message on its error field (FIELD_CUSTOM_VALIDATION_EXCEPTION)', () => {
  const { advocate } = advocateSetup(org);
  const r = rec(org, 'Referral__c', { Advocate__c: advocate.id, Referred_Last_Name__c: 'L', Referred_Email__c: 'not an email' });
  const e = dmlError(() => org.dml('insert', [r], { allOrNone: true }, ctx));
  assert.match(e.message, /^Insert failed\. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, .*: \[Referred_Email__c\]$/);
});

isolated('allOrNone=false saves the good rows and reports the bad ones; allOrNone=true saves none', () => {
  const good = rec(org, 'Contact', { LastName: 'Good' });
  const bad = rec(org, 'Contact', { FirstName: 'Bad' });
  const res = org.dml('insert', [good, bad], { allOrNone: false }, ctx);
  assert.deepEqual(res.map((r) => r.success), [true, false]);
  assert.equal(q("SELECT Id FROM Contact WHERE LastName = 'Good'").length, 1);
  const good2 = rec(org, 'Contact', { LastName: 'Good2' });
  dmlError(() => org.dml('insert', [good2, rec(org, 'Contact', {})], { allOrNone: true }, ctx));
  assert.equal(q("SELECT Id FROM Contact WHERE LastName = 'Good2'").length, 0);
});

isolated('triggers run before and after save in chunks of 200; Trigger.old holds the values before the update', () => {
  const calls: string[] = [];
  org.setTriggerRunner({
    runTriggers(objectName: string, event: TriggerEvent, newRows: SObjectRecord[] | null, oldRows: SObjectRecord[] | null) {
      if (objectName !== 'Contact') return;
      calls.push(`${event}:${(newRows ?? oldRows)!.length}`);
      if (event === 'BEFORE_INSERT') {
        // before insert: no Id and no audit fields yet; the default owner is set
        assert.equal(newRows![0]!.id, null);
        assert.equal(newRows![0]!.get('CreatedDate'), null);
        assert.equal(newRows![0]!.get('OwnerId'), org.seeded.adminUserId);
        for (const r of newRows!) r.put('Title', 'set in before');
      }
      if (event === 'AFTER_INSERT') assert.notEqual(newRows![0]!.get('CreatedDate'), null);
      if (event === 'BEFORE_UPDATE') assert.equal(oldRows![0]!.get('Title'), 'set in before');
    },
  });
  const rows = Array.from({ length: 250 }, (_, i) => rec(org, 'Contact', { LastName: 'C' + i }));
  org.dml('insert', rows, { allOrNone: true }, ctx);
  assert.deepEqual(calls, ['BEFORE_INSERT:200', 'AFTER_INSERT:200', 'BEFORE_INSERT:50', 'AFTER_INSERT:50']);
  assert.equal(q("SELECT Title FROM Contact WHERE LastName = 'C0'")[0]!.get('Title'), 'set in before');
  // the caller's record only receives the Id
  assert.equal(rows[0]!.get('Title'), null);
  calls.length = 0;
  org.dml('update', [rec(org, 'Contact', { Id: rows[0]!.id, Title: 'changed' })], { allOrNone: true }, ctx);
  assert.deepEqual(calls, ['BEFORE_UPDATE:1', 'AFTER_UPDATE:1']);
});

isolated('addError in a before trigger fails the row; Trigger.new is read-only in after triggers', () => {
  org.setTriggerRunner({
    runTriggers(objectName: string, event: TriggerEvent, newRows: SObjectRecord[] | null) {
      if (objectName !== 'Contact') return;
      if (event === 'BEFORE_INSERT') for (const r of newRows!) if (r.get('LastName') === 'Refused') r.addError('not this one');
      if (event === 'AFTER_INSERT') assert.throws(() => newRows![0]!.put('Title', 'x'), /Record is read-only/);
    },
  });
  const res = org.dml('insert', [rec(org, 'Contact', { LastName: 'Ok' }), rec(org, 'Contact', { LastName: 'Refused' })], { allOrNone: false }, ctx);
  assert.deepEqual(res.map((r) => r.success), [true, false]);
  assert.equal(res[1]!.errors[0]!.message, 'not this one');
});

isolated('partial save retries only the rows that did not fail: triggers see the good rows again', () => {
  const sizes: number[] = [];
  org.setTriggerRunner({
    runTriggers(objectName: string, event: TriggerEvent, newRows: SObjectRecord[] | null) {
      if (objectName === 'Contact' && event === 'AFTER_INSERT') {
        sizes.push(newRows!.length);
        for (const r of newRows!) if (r.get('LastName') === 'LateFail') r.addError('after');
      }
    },
  });
  const res = org.dml('insert', [rec(org, 'Contact', { LastName: 'A' }), rec(org, 'Contact', { LastName: 'LateFail' })], { allOrNone: false }, ctx);
  assert.deepEqual(sizes, [2, 1]);
  assert.deepEqual(res.map((r) => r.success), [true, false]);
  assert.equal(q("SELECT Id FROM Contact WHERE LastName = 'LateFail'").length, 0);
});

isolated('auto-number Name, formula field computed on read, roll-up summary count', () => {
  const { advocate, contact } = advocateSetup(org);
  const r = insert(org, 'Referral__c', { Advocate__c: advocate.id, Referred_Last_Name__c: 'L', Referred_Email__c: 'a@b.co' });
  const ref = q(`SELECT Name FROM Referral__c WHERE Id = '${r.id}'`)[0]!;
  assert.match(String(ref.get('Name')), /^REF-\d{6}$/);
  const a = q(`SELECT Email__c, Referrals_Submitted__c FROM Advocate__c WHERE Id = '${advocate.id}'`)[0]!;
  assert.equal(a.get('Email__c'), 'jo@example.com');
  assert.equal((a.get('Referrals_Submitted__c') as Decimal).intValue(), 1);
  org.dml('update', [rec(org, 'Contact', { Id: contact.id, Email: 'new@example.com' })], { allOrNone: true }, ctx);
  assert.equal(q(`SELECT Email__c FROM Advocate__c WHERE Id = '${advocate.id}'`)[0]!.get('Email__c'), 'new@example.com');
});

isolated('delete: a Restrict lookup blocks with DELETE_FAILED; master-detail children cascade to the recycle bin and come back on undelete', () => {
  const { advocate, program } = advocateSetup(org);
  const e = dmlError(() => org.dml('delete', [rec(org, 'Referral_Program__c', { Id: program.id })], { allOrNone: true }, ctx));
  assert.match(e.message, /^Delete failed\. First exception on row 0 with id \w{18}; first error: DELETE_FAILED, /);
  const r = insert(org, 'Referral__c', { Advocate__c: advocate.id, Referred_Last_Name__c: 'L', Referred_Email__c: 'a@b.co' });
  org.dml('delete', [advocate], { allOrNone: true }, ctx);
  assert.equal(q(`SELECT Id FROM Referral__c WHERE Id = '${r.id}'`).length, 0);
  assert.equal(q(`SELECT Id FROM Referral__c WHERE Id = '${r.id}' ALL ROWS`).length, 1);
  org.dml('undelete', [rec(org, 'Advocate__c', { Id: advocate.id })], { allOrNone: true }, ctx);
  assert.equal(q(`SELECT Id FROM Referral__c WHERE Id = '${r.id}'`).length, 1);
  const [u] = org.dml('undelete', [rec(org, 'Advocate__c', { Id: advocate.id })], { allOrNone: false }, ctx);
  assert.equal(u!.errors[0]!.statusCode, 'UNDELETE_FAILED');
});

isolated('updating a deleted record fails with ENTITY_IS_DELETED', () => {
  const c = insert(org, 'Contact', { LastName: 'Del' });
  org.dml('delete', [c], { allOrNone: true }, ctx);
  const [res] = org.dml('update', [rec(org, 'Contact', { Id: c.id, Title: 'x' })], { allOrNone: false }, ctx);
  assert.equal(res!.errors[0]!.statusCode, 'ENTITY_IS_DELETED');
});

isolated('a lookup to a record that does not exist fails', () => {
  const [res] = org.dml('insert', [rec(org, 'Contact', { LastName: 'X', AccountId: '001000000000000AAA' })], { allOrNone: false }, ctx);
  assert.equal(res!.errors[0]!.statusCode, 'INVALID_CROSS_REFERENCE_KEY');
});

isolated('upsert on an external id field: created tells insert from update', () => {
  const { advocate } = advocateSetup(org);
  const mk = () => rec(org, 'Referral__c', { Advocate__c: advocate.id, Referred_Last_Name__c: 'L', Referred_Email__c: 'a@b.co', Referred_Email_Key__c: 'a@b.co' });
  const [first] = org.dml('upsert', [mk()], { allOrNone: true, externalIdField: 'Referred_Email_Key__c' }, ctx);
  assert.equal(first!.created, true);
  const again = mk();
  again.clear('Advocate__c'); // master-detail cannot be reparented on the update
  const [second] = org.dml('upsert', [again], { allOrNone: true, externalIdField: 'Referred_Email_Key__c' }, ctx);
  assert.equal(second!.created, false);
  assert.equal(second!.id, first!.id);
});

isolated('savepoint and rollback undo later DML; the rolled-back record keeps its Id', () => {
  const sp = org.setSavepoint();
  const c = insert(org, 'Contact', { LastName: 'Temp' });
  org.rollback(sp);
  assert.ok(c.id);
  assert.equal(q("SELECT Id FROM Contact WHERE LastName = 'Temp'").length, 0);
});

isolated('mixed DML: a setup object after a non-setup object fails with MIXED_DML_OPERATION; runAs gives a new frame', () => {
  insert(org, 'Contact', { LastName: 'First' });
  const psa = rec(org, 'PermissionSetAssignment', { AssigneeId: org.seeded.adminUserId, PermissionSetId: org.seeded.permissionSets.get('referral_program_admin') });
  const e = dmlError(() => org.dml('insert', [psa], { allOrNone: true }, ctx));
  assert.match(e.message, /MIXED_DML_OPERATION/);
  org.enterRunAs();
  org.dml('insert', [psa], { allOrNone: true }, ctx);
  org.exitRunAs();
});

isolated('DML counts one statement and the rows against the limits', () => {
  const calls: string[] = [];
  org.setLimits({ countQuery: () => {}, countQueryRows: () => {}, countDmlStatement: () => calls.push('dml'), countDmlRows: (n) => calls.push('rows:' + n) });
  org.dml('insert', [rec(org, 'Contact', { LastName: 'L1' }), rec(org, 'Contact', { LastName: 'L2' })], { allOrNone: true }, ctx);
  org.setLimits(null);
  assert.deepEqual(calls, ['dml', 'rows:2']);
});

isolated('convertLead creates the account, contact and opportunity and marks the lead converted', () => {
  const lead = insert(org, 'Lead', { LastName: 'Lee', Company: 'Globex', Email: 'lee@globex.com' });
  const [res] = org.convertLead([{ leadId: lead.id!, convertedStatus: 'Closed - Converted' }], true, ctx);
  assert.equal(res!.success, true);
  const l = q(`SELECT IsConverted, Status, ConvertedAccountId, ConvertedContactId, ConvertedOpportunityId FROM Lead WHERE Id = '${lead.id}'`)[0]!;
  assert.equal(l.get('IsConverted'), true);
  assert.equal(l.get('ConvertedContactId'), res!.contactId);
  assert.equal(q(`SELECT Name FROM Account WHERE Id = '${res!.accountId}'`)[0]!.get('Name'), 'Globex');
  assert.equal(q(`SELECT AccountId FROM Contact WHERE Id = '${res!.contactId}'`)[0]!.get('AccountId'), res!.accountId);
  const again = org.convertLead([{ leadId: lead.id!, convertedStatus: 'Closed - Converted' }], false, ctx);
  assert.equal(again[0]!.success, false);
});

isolated('Opportunity IsClosed / IsWon follow the stage', () => {
  const o = insert(org, 'Opportunity', { Name: 'O', StageName: 'Closed Won', CloseDate: ApexDate.newInstance(2030, 1, 1) });
  const row = q(`SELECT IsClosed, IsWon FROM Opportunity WHERE Id = '${o.id}'`)[0]!;
  assert.equal(row.get('IsClosed'), true);
  assert.equal(row.get('IsWon'), true);
});

// Object Reference, Case: "IsClosed: Indicates whether the case is closed (true) or open (false)",
// set from the status (CaseStatus.IsClosed; "Closed" is the default org's closed status).
isolated('Case IsClosed follows the status', () => {
  const c = insert(org, 'Case', { Subject: 'S', Status: 'Working' });
  assert.equal(q(`SELECT IsClosed FROM Case WHERE Id = '${c.id}'`)[0]!.get('IsClosed'), false);
  org.dml('update', [rec(org, 'Case', { Id: c.id, Status: 'Closed' })], { allOrNone: true }, ctx);
  assert.equal(q(`SELECT IsClosed FROM Case WHERE Id = '${c.id}'`)[0]!.get('IsClosed'), true);
});

isolated('a child change that moves a roll-up summary re-saves the master: its update triggers run once per chunk (Triggers and Order of Execution, roll-up summary step)', () => {
  const { advocate } = advocateSetup(org);
  const events: string[] = [];
  org.setTriggerRunner({
    runTriggers(objectName: string, event: TriggerEvent, newRows: SObjectRecord[] | null) {
      if (objectName === 'Advocate__c') events.push(`${event}:${newRows!.length}`);
    },
  });
  const mk = () => rec(org, 'Referral__c', { Advocate__c: advocate.id, Referred_Last_Name__c: 'L', Referred_Email__c: 'a@b.co' });
  org.dml('insert', [mk(), mk()], { allOrNone: true }, ctx);
  assert.deepEqual(events, ['BEFORE_UPDATE:1', 'AFTER_UPDATE:1']);
});

test('with a namespace prefix, validation rules written without it still evaluate (loadProject namespace option)', async () => {
  const { loadProject } = await import('../../src/metadata/loadProject.js');
  const { LocalOrg } = await import('../../src/data/org.js');
  const { repoRoot } = await import('./helpers.js');
  const s = loadProject(repoRoot, { namespace: 'refp' });
  const nsOrg = new LocalOrg(s);
  const c = sys(nsOrg);
  const { SObjectRecord } = await import('../../src/data/sobject.js');
  const program = new SObjectRecord(s.objects.get('refp__referral_program__c')!, { Name: 'P', refp__Currency_Code__c: 'usd' });
  const [res] = nsOrg.dml('insert', [program], { allOrNone: false }, c);
  assert.equal(res!.success, false);
  assert.equal(res!.errors[0]!.statusCode, 'FIELD_CUSTOM_VALIDATION_EXCEPTION');
  nsOrg.close();
});

isolated('an all-or-none failure reports every failed row (DmlException.getNumDml) and names the first in the message', () => {
  const e = dmlError(() => org.dml('insert', [rec(org, 'Contact', { LastName: 'ok' }), rec(org, 'Contact', {}), rec(org, 'Contact', {})], { allOrNone: true }, ctx));
  assert.deepEqual(e.dmlRows!.map((r) => r.index), [1, 2]);
  assert.match(e.message, /^Insert failed\. First exception on row 1; first error: REQUIRED_FIELD_MISSING/);
});
