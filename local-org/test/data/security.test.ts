// Object, field and record access. Apex Developer Guide: "Enforce User Mode for Database
// Operations" (WITH USER_MODE, AccessLevel.USER_MODE), "Filter SOQL Queries Using WITH
// SECURITY_ENFORCED", "Enforce Security with the stripInaccessible Method", "Using the with
// sharing, without sharing, and inherited sharing Keywords"; Salesforce Help: "Organization-Wide
// Sharing Defaults" (Private, Read, Controlled by Parent), "Use Sharing Sets to Grant Access to
// Records" (Experience Cloud), "Field-Level Security".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError } from '../../src/data/errors.js';
import type { SObjectRecord } from '../../src/data/sobject.js';
import { advocateSetup, insert, newOrg, noBinds, rec, sys, userMode, withSharing } from './helpers.js';

const org = newOrg();
const ctx = sys(org);
const { contact, advocate } = advocateSetup(org);
const referral = insert(org, 'Referral__c', { Advocate__c: advocate.id, Referred_Last_Name__c: 'L', Referred_Email__c: 'a@b.co' });
const admin = org.seeded.adminUserId;
const rep = org.createUser('Standard User');
const repWithSet = org.createUser('Standard User');
org.insertRaw('PermissionSetAssignment', { AssigneeId: repWithSet, PermissionSetId: org.seeded.permissionSets.get('referral_program_sales_user') });
const q = (s: string, c = ctx) => org.query(s, noBinds, c) as SObjectRecord[];

test('the default admin has no field access to package fields: WITH USER_MODE on one throws QueryException', () => {
  assert.throws(
    () => q('SELECT Id, Referral_Code__c FROM Advocate__c WITH USER_MODE', userMode(admin)),
    (e: unknown) => e instanceof DataError && e.apexType === 'System.QueryException' && /Referral_Code__c/.test(e.message)
  );
  // standard fields and the name stay readable; system mode ignores field access
  assert.equal(q('SELECT Id, Name FROM Advocate__c WITH USER_MODE', userMode(admin)).length, 1);
  assert.equal(q('SELECT Id, Referral_Code__c FROM Advocate__c WITH SYSTEM_MODE', userMode(admin)).length, 1);
});

test('WITH SECURITY_ENFORCED refuses an inaccessible field with "Insufficient permissions"', () => {
  assert.throws(() => q('SELECT Id, Referral_Code__c FROM Advocate__c WITH SECURITY_ENFORCED', withSharing(admin)), /Insufficient permissions: secure query included inaccessible field/);
});

test('a permission set assigned through PermissionSetAssignment grants object and field access', () => {
  assert.throws(() => q('SELECT Id FROM Advocate__c WITH USER_MODE', userMode(rep)), DataError);
  const rows = q('SELECT Id, Referral_Code__c FROM Advocate__c WITH USER_MODE', userMode(repWithSet));
  // Private sharing model: the rep does not own the advocate, so no row is visible
  assert.equal(rows.length, 0);
});

test('record access: with sharing hides a Private record from a non-owner; without sharing shows it; View All Data shows it', () => {
  assert.equal(q('SELECT Id FROM Advocate__c', withSharing(repWithSet)).length, 0);
  assert.equal(q('SELECT Id FROM Advocate__c', sys(org, repWithSet)).length, 1);
  assert.equal(q('SELECT Id FROM Advocate__c', withSharing(admin)).length, 1);
});

test('Controlled by Parent: the referral follows the advocate; owning the advocate grants it', () => {
  assert.equal(q('SELECT Id FROM Referral__c', withSharing(repWithSet)).length, 0);
  org.updateRaw(advocate.id!, { OwnerId: repWithSet });
  try {
    assert.equal(q('SELECT Id FROM Referral__c', withSharing(repWithSet)).length, 1);
  } finally {
    org.updateRaw(advocate.id!, { OwnerId: admin });
  }
});

test('a parent the user cannot see reads as null in a relationship field', () => {
  const lead = insert(org, 'Lead', { LastName: 'X', Company: 'C', Referral__c: referral.id });
  const r = q(`SELECT Id, Referral__c, Referral__r.Name FROM Lead WHERE Id = '${lead.id}'`, withSharing(repWithSet));
  assert.equal(r.length, 1); // Lead is Public Read/Write
  assert.equal(r[0]!.get('Referral__c'), referral.id);
  assert.equal(r[0]!.getSObject('Referral__r'), null);
});

test('portal sharing set: a Customer Community user reads the advocate on their own contact', () => {
  const acc = insert(org, 'Account', { Name: 'Portal Co' });
  org.updateRaw(contact.id!, { AccountId: acc.id });
  const portal = org.createUser('Customer Community User', { ContactId: contact.id });
  org.insertRaw('PermissionSetAssignment', { AssigneeId: portal, PermissionSetId: org.seeded.permissionSets.get('referral_program_advocate') });
  assert.equal(q('SELECT Id FROM Advocate__c', withSharing(portal)).length, 1);
  // and, Controlled by Parent, the advocate's referrals
  assert.equal(q('SELECT Id FROM Referral__c', withSharing(portal)).length, 1);
  const other = insert(org, 'Contact', { LastName: 'Other' });
  const stranger = org.createUser('Customer Community User', { ContactId: other.id });
  assert.equal(q('SELECT Id FROM Advocate__c', withSharing(stranger)).length, 0);
});

test('stripInaccessible removes the fields the user cannot read and reports them', () => {
  const rows = q('SELECT Id, Name, Referral_Code__c FROM Advocate__c');
  const res = org.stripInaccessible('READABLE', rows, userMode(admin));
  assert.equal(res.records[0]!.isSet('Referral_Code__c'), false);
  assert.equal(res.records[0]!.get('Name'), rows[0]!.get('Name'));
  assert.deepEqual([...res.removedFields.get('Advocate__c')!], ['Referral_Code__c']);
});

test('user-mode DML checks object create access and field edit access', () => {
  const [noObj] = org.dml('insert', [rec(org, 'Referral_Program__c', { Name: 'X', Currency_Code__c: 'USD' })], { allOrNone: false }, userMode(rep));
  assert.equal(noObj!.success, false);
  assert.equal(noObj!.errors[0]!.statusCode, 'INSUFFICIENT_ACCESS_OR_READONLY');
  // required fields are always editable; an optional package field needs field-level security
  const [noField] = org.dml('insert', [rec(org, 'Referral_Program__c', { Name: 'X', Currency_Code__c: 'USD', Offer_Headline__c: 'Hi' })], { allOrNone: false }, userMode(admin));
  assert.equal(noField!.success, false);
  assert.equal(noField!.errors[0]!.statusCode, 'INVALID_FIELD_FOR_INSERT_UPDATE');
  assert.deepEqual(noField!.errors[0]!.fields, ['Offer_Headline__c']);
});

test('with sharing, updating a record the user cannot edit fails with INSUFFICIENT_ACCESS_OR_READONLY', () => {
  const [res] = org.dml('update', [rec(org, 'Advocate__c', { Id: advocate.id, Status__c: 'Active' })], { allOrNone: false }, withSharing(repWithSet));
  assert.equal(res!.success, false);
  assert.equal(res!.errors[0]!.statusCode, 'INSUFFICIENT_ACCESS_OR_READONLY');
});

test('a manual share (Advocate__Share) grants the user access to a Private record', () => {
  const share = org.insertRaw('Advocate__Share', { ParentId: advocate.id, UserOrGroupId: repWithSet, AccessLevel: 'Read', RowCause: 'Manual' });
  try {
    assert.equal(q('SELECT Id FROM Advocate__c', withSharing(repWithSet)).length, 1);
    const [upd] = org.dml('update', [rec(org, 'Advocate__c', { Id: advocate.id, Status__c: 'Active' })], { allOrNone: false }, withSharing(repWithSet));
    assert.equal(upd!.success, false, 'Read access does not allow edits');
  } finally {
    org.dml('delete', [rec(org, 'Advocate__Share', { Id: share })], { allOrNone: true }, ctx);
  }
  assert.equal(q('SELECT Id FROM Advocate__c', withSharing(repWithSet)).length, 0);
});

test('a permission set created with ObjectPermissions and FieldPermissions rows grants what they say', () => {
  const user = org.createUser('Standard User');
  const ps = org.insertRaw('PermissionSet', { Name: 'Made_In_Test', Label: 'Made in test' });
  org.insertRaw('ObjectPermissions', { ParentId: ps, SobjectType: 'Advocate__c', PermissionsRead: true });
  org.insertRaw('FieldPermissions', { ParentId: ps, SobjectType: 'Advocate__c', Field: 'Advocate__c.Referral_Code__c', PermissionsRead: true });
  org.insertRaw('PermissionSetAssignment', { AssigneeId: user, PermissionSetId: ps });
  assert.doesNotThrow(() => q('SELECT Id, Referral_Code__c FROM Advocate__c WITH USER_MODE', userMode(user)));
  assert.throws(() => q('SELECT Id, Status__c FROM Advocate__c WITH USER_MODE', userMode(user)), DataError);
});

test('writeRequiresMasterRead: Read on the advocate lets a user create and edit its referrals, not its rewards (Metadata API, CustomField.writeRequiresMasterRead)', () => {
  const share = org.insertRaw('Advocate__Share', { ParentId: advocate.id, UserOrGroupId: repWithSet, AccessLevel: 'Read', RowCause: 'Manual' });
  try {
    const [ref] = org.dml('insert', [rec(org, 'Referral__c', { Advocate__c: advocate.id, Referred_Last_Name__c: 'M', Referred_Email__c: 'm@b.co' })], { allOrNone: false }, withSharing(repWithSet));
    assert.equal(ref!.success, true, JSON.stringify(ref!.errors));
    const [rw] = org.dml('insert', [rec(org, 'Reward__c', { Advocate__c: advocate.id, Reward_Type__c: 'POINTS', Points__c: 1 })], { allOrNone: false }, withSharing(repWithSet));
    assert.equal(rw!.success, false);
    assert.equal(rw!.errors[0]!.statusCode, 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY');
  } finally {
    org.dml('delete', [rec(org, 'Advocate__Share', { Id: share })], { allOrNone: true }, ctx);
  }
});

test('custom settings have no sharing: with sharing, a user edits the org-default row another user created (Apex Developer Guide, Custom Settings)', () => {
  const orgId = org.seeded.orgId;
  const [ins] = org.dml('insert', [rec(org, 'Referral_Program_Settings__c', { SetupOwnerId: orgId, Portal_Base_Url__c: 'https://a.example' })], { allOrNone: true }, withSharing(admin));
  assert.equal(ins!.success, true);
  const [upd] = org.dml('update', [rec(org, 'Referral_Program_Settings__c', { Id: ins!.id, Portal_Base_Url__c: 'https://b.example' })], { allOrNone: false }, withSharing(repWithSet));
  assert.equal(upd!.success, true, JSON.stringify(upd!.errors));
});

// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_userrecordaccess.htm
test('UserRecordAccess answers for one user and up to 200 records, from the same sharing as queries', () => {
  const ask = (user: string) =>
    q(
      `SELECT RecordId, HasReadAccess, HasEditAccess, MaxAccessLevel FROM UserRecordAccess WHERE UserId = '${user}' AND RecordId IN ('${referral.id}', '${advocate.id}')`
    );
  const none = ask(repWithSet);
  assert.equal(none.length, 2);
  assert.ok(
    none.every((r) => r.get('HasReadAccess') === false && r.get('MaxAccessLevel') === 'None')
  );
  org.updateRaw(advocate.id!, { OwnerId: repWithSet });
  try {
    const owner = ask(repWithSet);
    assert.ok(
      owner.every((r) => r.get('HasReadAccess') === true && r.get('HasEditAccess') === true)
    );
    const readable = q(
      `SELECT RecordId FROM UserRecordAccess WHERE UserId = '${repWithSet}' AND RecordId = '${referral.id}' AND HasReadAccess = true`
    );
    assert.equal(readable.length, 1);
  } finally {
    org.updateRaw(advocate.id!, { OwnerId: admin });
  }
  assert.throws(
    () => q(`SELECT RecordId FROM UserRecordAccess WHERE RecordId = '${referral.id}'`),
    /must filter on one UserId/
  );
});

// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_objectpermissions.htm
test('ObjectPermissions rows mirror what each permission set grants', () => {
  const rows = q(
    `SELECT PermissionsRead, PermissionsCreate FROM ObjectPermissions WHERE Parent.Name = 'Referral_Program_Sales_User' AND SobjectType = 'Referral__c'`
  );
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.get('PermissionsRead'), true);
  assert.equal(
    q(
      `SELECT Id FROM ObjectPermissions WHERE Parent.Name = 'Referral_Program_Advocate' AND SobjectType = 'Reward_Rule__c' AND PermissionsEdit = true`
    ).length,
    0
  );
});
