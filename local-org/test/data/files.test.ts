// Salesforce Files standard objects. Object Reference for the Salesforce Platform:
// ContentVersion https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentversion.htm
// ("ContentDocumentId ... is created automatically when a version is inserted without it";
// FirstPublishLocationId: "ID of the location where the version was first published ... the
// document is shared with that record"), ContentDocumentLink
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentdocumentlink.htm
// ("You can't run a query without filters against ContentDocumentLink ... filter on
// ContentDocumentId or LinkedEntityId using the equals operator (=) or the IN operator").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApexBlob } from '../../src/apex/values/index.js';
import { DataError } from '../../src/data/errors.js';
import type { SObjectRecord } from '../../src/data/sobject.js';
import { advocateSetup, binds, insert, newOrg, sys } from './helpers.js';

const org = newOrg();
const ctx = sys(org);

test('key prefixes of the Files objects', () => {
  assert.equal(org.schema.objects.get('contentversion')!.keyPrefix, '068');
  assert.equal(org.schema.objects.get('contentdocument')!.keyPrefix, '069');
  assert.equal(org.schema.objects.get('contentdocumentlink')!.keyPrefix, '06A');
});

test('inserting a ContentVersion creates its ContentDocument and links to FirstPublishLocationId and the owner', () => {
  const sp = org.setSavepoint();
  try {
    const { advocate } = advocateSetup(org, ctx);
    const cv = insert(org, 'ContentVersion', { Title: 'Terms', PathOnClient: 'terms.pdf', VersionData: ApexBlob.valueOf('hello'), FirstPublishLocationId: advocate.id }, ctx);
    assert.match(cv.id!, /^068/);
    const v = (org.query('SELECT ContentDocumentId, IsLatest, ContentSize, FileExtension, FileType, VersionData, OwnerId FROM ContentVersion WHERE Id = :id', binds({ id: cv.id }), ctx) as SObjectRecord[])[0]!;
    const docId = v.get('ContentDocumentId') as string;
    assert.match(docId, /^069/);
    assert.equal(v.get('IsLatest'), true);
    assert.equal(String(v.get('ContentSize')), '5');
    assert.equal(v.get('FileExtension'), 'pdf');
    assert.equal(v.get('FileType'), 'PDF');
    assert.ok(v.get('VersionData') instanceof ApexBlob);
    assert.equal(Buffer.from((v.get('VersionData') as ApexBlob).bytes).toString('utf8'), 'hello');
    const doc = (org.query('SELECT Title, LatestPublishedVersionId, OwnerId, FileExtension FROM ContentDocument WHERE Id = :id', binds({ id: docId }), ctx) as SObjectRecord[])[0]!;
    assert.equal(doc.get('Title'), 'Terms');
    assert.equal(doc.get('LatestPublishedVersionId'), cv.id);
    assert.equal(doc.get('OwnerId'), org.seeded.adminUserId);
    const links = org.query('SELECT LinkedEntityId, ShareType, Visibility FROM ContentDocumentLink WHERE ContentDocumentId = :id', binds({ id: docId }), ctx) as SObjectRecord[];
    assert.deepEqual(links.map((l) => l.get('LinkedEntityId')).sort(), [advocate.id, org.seeded.adminUserId].sort());
    const byEntity = org.query('SELECT ContentDocumentId FROM ContentDocumentLink WHERE LinkedEntityId IN :ids', binds({ ids: [advocate.id] }), ctx) as SObjectRecord[];
    assert.equal(byEntity.length, 1);
    // a ContentDocumentLink can be inserted to any record, e.g. a custom object
    const { program } = { program: (org.query('SELECT Id FROM Referral_Program__c LIMIT 1', binds({}), ctx) as SObjectRecord[])[0]! };
    insert(org, 'ContentDocumentLink', { ContentDocumentId: docId, LinkedEntityId: program.id, ShareType: 'V', Visibility: 'AllUsers' }, ctx);
    assert.equal((org.query('SELECT Id FROM ContentDocumentLink WHERE LinkedEntityId = :id', binds({ id: program.id }), ctx) as SObjectRecord[]).length, 1);
    // a second version of the same document becomes the latest
    const cv2 = insert(org, 'ContentVersion', { Title: 'Terms v2', PathOnClient: 'terms.pdf', VersionData: ApexBlob.valueOf('hi'), ContentDocumentId: docId }, ctx);
    const versions = org.query('SELECT Id, IsLatest FROM ContentVersion WHERE ContentDocumentId = :id', binds({ id: docId }), ctx) as SObjectRecord[];
    assert.deepEqual(versions.filter((r) => r.get('IsLatest') === true).map((r) => r.id), [cv2.id]);
  } finally {
    org.rollback(sp);
  }
});

test('querying ContentDocumentLink without a ContentDocumentId or LinkedEntityId filter is a QueryException', () => {
  for (const soql of ['SELECT Id FROM ContentDocumentLink', "SELECT Id FROM ContentDocumentLink WHERE ShareType = 'V'"]) {
    assert.throws(
      () => org.query(soql, binds({}), ctx),
      (e: unknown) => e instanceof DataError && e.apexType === 'System.QueryException' && /ContentDocumentLink requires a filter by a single Id on ContentDocumentId or LinkedEntityId/.test(e.message)
    );
  }
});

// Files sharing as modelled (src/data/README.md): owner; a link to the user; a link to a record
// the user can see. Object Reference, ContentDocumentLink: "ShareType ... V - Viewer ... C - Collaborator".
test('a file is visible to its owner and through links to the user or to records the user can see', () => {
  const sp = org.setSavepoint();
  try {
    const other = org.createUser('Standard User', { LastName: 'Other' });
    const cv = insert(org, 'ContentVersion', { Title: 'Private', PathOnClient: 'p.txt', VersionData: ApexBlob.valueOf('x') }, ctx);
    const docId = (org.query('SELECT ContentDocumentId FROM ContentVersion WHERE Id = :id', binds({ id: cv.id }), ctx) as SObjectRecord[])[0]!.get('ContentDocumentId') as string;
    const asOther = { userId: other, accessLevel: 'SYSTEM_MODE' as const, sharing: 'with' as const };
    const seen = () => (org.query('SELECT Id FROM ContentDocument WHERE Id = :id', binds({ id: docId }), asOther) as SObjectRecord[]).length;
    assert.equal(seen(), 0, 'no link to the other user');
    assert.equal((org.query('SELECT Id FROM ContentDocument WHERE Id = :id', binds({ id: docId }), { ...asOther, userId: org.seeded.adminUserId }) as SObjectRecord[]).length, 1, 'owner');
    insert(org, 'ContentDocumentLink', { ContentDocumentId: docId, LinkedEntityId: other, ShareType: 'V', Visibility: 'AllUsers' }, ctx);
    assert.equal(seen(), 1, 'linked to the user');
    assert.equal((org.query('SELECT Id FROM ContentVersion WHERE ContentDocumentId = :id', binds({ id: docId }), asOther) as SObjectRecord[]).length, 1, 'the version follows the document');
  } finally {
    org.rollback(sp);
  }
});
