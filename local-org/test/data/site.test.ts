// Site.createExternalUser and Site.login on a running Experience Cloud site. Apex Reference, Site
// Class https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_classes_sites.htm
// createExternalUser: "The email address of the user is used to look for matching contacts
// associated with the specified accountId. If a matching contact is found and is already used by
// an external user, self-registration isn't successful. If a matching contact is found but isn't
// used by an external user, it is used for the new external user. If there is no matching
// contact, a new contact is created for the new external user." "This method throws
// Site.ExternalUserCreateException when user creation fails." "The nickname field is required."
// Outside a running site (tests, anonymous Apex) the local org creates no user and answers null.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataError } from '../../src/data/errors.js';
import type { RunningSite } from '../../src/data/org.js';
import type { SObjectRecord } from '../../src/data/sobject.js';
import { binds, insert, newOrg, rec, sys } from './helpers.js';

const org = newOrg();
const ctx = sys(org);
const site: RunningSite = {
  id: '0DM000000000001AAA',
  name: 'Referral_Portal',
  selfRegProfile: 'Customer Community User',
  loginUrl: (userId, startUrl) => `/signin?user=${userId}&start=${encodeURIComponent(startUrl)}`
};

function newUser(email: string, nickname: string | null = `nick${email.length}${Math.random()}`): SObjectRecord {
  return rec(org, 'User', { FirstName: 'Jo', LastName: 'Smith', Email: email, Username: email, CommunityNickname: nickname, Alias: 'jsmith' });
}

function contactOf(userId: string): string {
  const u = (org.query('SELECT ContactId, Profile.Name FROM User WHERE Id = :id', binds({ id: userId }), ctx) as SObjectRecord[])[0]!;
  assert.equal((u.get('Profile') as SObjectRecord).get('Name'), 'Customer Community User');
  return u.get('ContactId') as string;
}

test('outside a running site no user is created', () => {
  const account = insert(org, 'Account', { Name: 'Outside' });
  assert.equal(org.createExternalUser([newUser('out@example.com'), account.id, 'pw123456'], ctx), null);
  assert.equal(org.siteLogin('out@example.com', '/'), undefined);
});

test('on a running site: the matching unused contact becomes the user contact; a used one and a missing nickname are refused', () => {
  const sp = org.setSavepoint();
  org.runningSite = site;
  try {
    const account = insert(org, 'Account', { Name: 'Acme' });
    const contact = insert(org, 'Contact', { AccountId: account.id, LastName: 'Smith', Email: 'jo@acme.example' });
    const userId = org.createExternalUser([newUser('JO@acme.example'), account.id, 'pw123456'], ctx)!;
    assert.match(userId, /^005/);
    assert.equal(contactOf(userId), contact.id);
    assert.equal(org.siteLogin('jo@acme.example', '/home'), `/signin?user=${userId}&start=%2Fhome`);
    assert.equal(org.siteLogin('nobody@acme.example', '/'), null);
    // the same contact again: already used by an external user
    assert.throws(
      () => org.createExternalUser([newUser('jo@acme.example', 'other'), account.id, 'pw'], ctx),
      (e: unknown) => e instanceof DataError && e.apexType === 'Site.ExternalUserCreateException'
    );
    assert.throws(
      () => org.createExternalUser([newUser('new@acme.example', null), account.id, 'pw'], ctx),
      (e: unknown) => e instanceof DataError && /nickname/.test(e.message)
    );
    // no matching contact: a new one on the account
    const second = org.createExternalUser([newUser('new@acme.example'), account.id, 'pw123456'], ctx)!;
    const created = (org.query('SELECT AccountId, Email, LastName FROM Contact WHERE Id = :id', binds({ id: contactOf(second) }), ctx) as SObjectRecord[])[0]!;
    assert.equal(created.get('AccountId'), account.id);
    assert.equal(created.get('Email'), 'new@acme.example');
  } finally {
    org.runningSite = null;
    org.rollback(sp);
  }
});
