// SObjectRecord. Apex Reference Guide, "SObject Class" (get, put, isSet, getPopulatedFieldsAsMap,
// getSObject, getSObjects, addError, clone); Apex Developer Guide, "SOQL Statements" / "Working
// with SOQL Query Results" (a field not queried cannot be read).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SObjectRecord } from '../../src/data/sobject.js';
import { DataError } from '../../src/data/errors.js';
import { schema } from './helpers.js';

const def = () => schema().objects.get('referral__c')!;

test('get and put are case-insensitive and keep the canonical name', () => {
  const r = new SObjectRecord(def());
  r.put('referred_last_name__c', 'Lee');
  assert.equal(r.get('Referred_Last_Name__C'), 'Lee');
  assert.deepEqual([...r.getPopulatedFieldsAsMap().keys()], ['Referred_Last_Name__c']);
});

test('an unknown field throws SObjectException "Invalid field X for Object"', () => {
  const r = new SObjectRecord(def());
  assert.throws(
    () => r.get('Bogus__c'),
    (e: unknown) => e instanceof DataError && e.apexType === 'System.SObjectException' && e.message === 'Invalid field Bogus__c for Referral__c'
  );
});

test('a queried row throws when a field that was not queried is read', () => {
  const r = new SObjectRecord(def());
  r.queried = new Set(['id']);
  r.setRaw('Id', 'a0H5g0000000001EAA');
  assert.throws(
    () => r.get('Status__c'),
    (e: unknown) =>
      e instanceof DataError &&
      e.apexType === 'System.SObjectException' &&
      e.message === 'SObject row was retrieved via SOQL without querying the requested field: Referral__c.Status__c'
  );
  // a field set after the query can be read back
  r.put('Status__c', 'Won');
  assert.equal(r.get('Status__c'), 'Won');
});

test('a new record reads unset fields as null; isSet tells set (even to null) from unset', () => {
  const r = new SObjectRecord(def());
  assert.equal(r.get('Notes__c'), null);
  assert.equal(r.isSet('Notes__c'), false);
  r.put('Notes__c', null);
  assert.equal(r.isSet('Notes__c'), true);
  assert.ok(r.getPopulatedFieldsAsMap().has('Notes__c'));
});

test('15-character ids are stored as 18 characters', () => {
  const r = new SObjectRecord(def());
  r.put('Advocate__c', 'a0A5g0000000001');
  assert.equal(r.get('Advocate__c'), 'a0A5g0000000001EAA');
});

test('parent records and child lists live under the relationship name', () => {
  const r = new SObjectRecord(def());
  const parent = new SObjectRecord(schema().objects.get('advocate__c')!, { Name: 'ADV-1' });
  r.putSObject('Advocate__r', parent);
  assert.equal(r.getSObject('advocate__r'), parent);
  const a = new SObjectRecord(schema().objects.get('advocate__c')!);
  a.put('Referrals__r', [r]);
  assert.deepEqual(a.getSObjects('Referrals__r'), [r]);
});

test('addError fails the row with FIELD_CUSTOM_VALIDATION_EXCEPTION on the field', () => {
  const r = new SObjectRecord(def());
  r.addError('No', 'referred_email__c');
  assert.deepEqual(r.getErrors(), [{ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'No', fields: ['Referred_Email__c'] }]);
});

test('clone(): without preserveId the Id is cleared; a deep clone copies parent records', () => {
  const r = new SObjectRecord(def(), { Id: 'a0H5g0000000001EAA', Referred_Last_Name__c: 'Lee' });
  const parent = new SObjectRecord(schema().objects.get('advocate__c')!, { Name: 'ADV-1' });
  r.putSObject('Advocate__r', parent);
  const shallow = r.clone();
  assert.equal(shallow.id, null);
  assert.equal(shallow.get('Referred_Last_Name__c'), 'Lee');
  assert.equal(shallow.getSObject('Advocate__r'), parent);
  const deep = r.clone(true, true);
  assert.equal(deep.id, 'a0H5g0000000001EAA');
  assert.notEqual(deep.getSObject('Advocate__r'), parent);
  assert.equal(deep.getSObject('Advocate__r')!.get('Name'), 'ADV-1');
});

test('a read-only record (Trigger.new after save) throws FinalException "Record is read-only"', () => {
  const r = new SObjectRecord(def());
  r.readOnly = true;
  assert.throws(() => r.put('Notes__c', 'x'), (e: unknown) => e instanceof DataError && e.apexType === 'System.FinalException' && e.message === 'Record is read-only');
});
