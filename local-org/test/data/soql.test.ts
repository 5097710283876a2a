// SOQL over the local org. SOQL and SOSL Reference: "SELECT", "fieldExpression Syntax",
// "Comparison Operators", "Date Formats and Date Literals", "ORDER BY", "LIMIT", "OFFSET",
// "Aggregate Functions", "GROUP BY", "Relationship Queries", "Date Functions";
// Apex Developer Guide: "SOQL Statements", "Using Apex Variables in SOQL and SOSL Queries",
// "Dynamic SOQL" (Database.queryWithBinds).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal, ApexDatetime } from '../../src/apex/values/index.js';
import { DataError } from '../../src/data/errors.js';
import type { SObjectRecord } from '../../src/data/sobject.js';
import { advocateSetup, binds, insert, newOrg, noBinds, sys } from './helpers.js';

const org = newOrg();
const ctx = sys(org);
const { contact, advocate } = advocateSetup(org);
insert(org, 'Contact', { LastName: 'Appleton', Email: 'APPLE@example.com' });
insert(org, 'Contact', { LastName: 'Bappl' });
insert(org, 'Contact', { LastName: 'Zed', Email: 'z@example.com', Title: 'CEO' });
const rows = (q: string, b = noBinds) => org.query(q, b, ctx) as SObjectRecord[];

test('LIKE is case-insensitive with % and _ wildcards (Comparison Operators: "appl%" matches Appleton, not Bappl)', () => {
  const r = rows("SELECT LastName FROM Contact WHERE LastName LIKE 'appl%'");
  assert.deepEqual(r.map((x) => x.get('LastName')), ['Appleton']);
  assert.equal(rows("SELECT Id FROM Contact WHERE LastName LIKE '_ed'").length, 1);
});

test('= on text is case-insensitive; != keeps rows whose value is null', () => {
  assert.equal(rows("SELECT Id FROM Contact WHERE Email = 'apple@EXAMPLE.com'").length, 1);
  const notCeo = rows("SELECT LastName FROM Contact WHERE Title != 'CEO'").map((x) => x.get('LastName'));
  assert.ok(notCeo.includes('Bappl'));
  assert.ok(!notCeo.includes('Zed'));
  assert.equal(rows('SELECT Id FROM Contact WHERE Email = null').length, 1);
});

test('IN with a bind list and a literal list; NOT IN; LIKE :list matches any pattern', () => {
  const b = binds({ names: ['Zed', 'Bappl'], pats: ['app%', 'ze%'] });
  assert.equal(rows('SELECT Id FROM Contact WHERE LastName IN :names', b).length, 2);
  assert.equal(rows("SELECT Id FROM Contact WHERE LastName IN ('Zed', 'Nobody')").length, 1);
  assert.equal(rows('SELECT Id FROM Contact WHERE LastName NOT IN :names', b).length, 2);
  assert.equal(rows('SELECT Id FROM Contact WHERE LastName LIKE :pats', b).length, 2);
});

test('AND / OR / NOT with parentheses', () => {
  assert.equal(rows("SELECT Id FROM Contact WHERE (LastName = 'Zed' OR LastName = 'Bappl') AND (NOT Title = 'CEO')").length, 1);
  assert.throws(() => rows('SELECT Id Contact'), (e: unknown) => e instanceof DataError && e.apexType === 'System.QueryException');
});

test('parent relationship paths and a child subquery; the parent record carries its Id', () => {
  const r = rows('SELECT Id, Contact__r.Email, Program__r.Name, (SELECT Id FROM Referrals__r) FROM Advocate__c');
  assert.equal(r.length, 1);
  const c = r[0]!.getSObject('Contact__r')!;
  assert.equal(c.get('Email'), 'jo@example.com');
  assert.equal(c.id, contact.id);
  assert.deepEqual(r[0]!.getSObjects('Referrals__r'), []);
});

test('a relationship whose lookup is empty reads as null', () => {
  const r = rows("SELECT Id, Account.Name FROM Contact WHERE LastName = 'Zed'");
  assert.equal(r[0]!.getSObject('Account'), null);
});

test('ORDER BY: ascending puts nulls first, descending last, NULLS FIRST/LAST override; sorting is case-insensitive', () => {
  const asc = rows("SELECT Email FROM Contact ORDER BY Email").map((x) => x.get('Email'));
  assert.deepEqual(asc, [null, 'APPLE@example.com', 'jo@example.com', 'z@example.com']);
  const desc = rows('SELECT Email FROM Contact ORDER BY Email DESC').map((x) => x.get('Email'));
  assert.deepEqual(desc, ['z@example.com', 'jo@example.com', 'APPLE@example.com', null]);
  const last = rows('SELECT Email FROM Contact ORDER BY Email ASC NULLS LAST').map((x) => x.get('Email'));
  assert.equal(last[3], null);
});

test('LIMIT and OFFSET, also as binds', () => {
  const r = rows('SELECT LastName FROM Contact ORDER BY LastName LIMIT :n OFFSET 1', binds({ n: 2 }));
  assert.deepEqual(r.map((x) => x.get('LastName')), ['Bappl', 'Smith']);
});

test('COUNT() returns a number; COUNT(field) counts non-null values', () => {
  assert.equal(org.query('SELECT COUNT() FROM Contact', noBinds, ctx), 4);
  const ar = rows('SELECT COUNT(Email) FROM Contact');
  assert.equal(ar[0]!.objectName, 'AggregateResult');
  assert.equal(ar[0]!.get('expr0'), 3);
});

test('SUM / AVG / MIN / MAX are exact decimals; an aggregate without GROUP BY gives one row even when nothing matches', () => {
  const acc = insert(org, 'Account', { Name: 'Acme' });
  const q = (s: string) => rows(s);
  // 0.1 + 0.2 = 0.3 exactly
  for (const a of ['0.10', '0.20']) {
    const r = insertOpp(acc.id!, a);
    assert.ok(r.id);
  }
  const ar = q('SELECT SUM(Amount) total, AVG(Amount), MIN(Amount), MAX(Amount) FROM Opportunity');
  assert.equal((ar[0]!.get('total') as Decimal).compareTo(Decimal.parse('0.3')), 0);
  assert.equal((ar[0]!.get('expr0') as Decimal).compareTo(Decimal.parse('0.15')), 0);
  assert.equal((ar[0]!.get('expr1') as Decimal).compareTo(Decimal.parse('0.1')), 0);
  assert.equal((ar[0]!.get('expr2') as Decimal).compareTo(Decimal.parse('0.2')), 0);
  const none = q("SELECT COUNT(Id) n, SUM(Amount) s FROM Opportunity WHERE Name = 'none'");
  assert.equal(none.length, 1);
  assert.equal(none[0]!.get('n'), 0);
  assert.equal(none[0]!.get('s'), null);
  const g = q('SELECT AccountId acc, COUNT(Id) n FROM Opportunity GROUP BY AccountId');
  assert.equal(g.length, 1);
  assert.equal(g[0]!.get('acc'), acc.id);
  assert.equal(g[0]!.get('n'), 2);
  assert.throws(() => g[0]!.get('Nope'), DataError);
});

function insertOpp(accountId: string, amount: string): SObjectRecord {
  const { ApexDate } = requireValues();
  return insert(org, 'Opportunity', { Name: 'O' + amount, StageName: 'Prospecting', CloseDate: ApexDate.newInstance(2030, 1, 1), AccountId: accountId, Amount: Decimal.parse(amount) });
}
import * as values from '../../src/apex/values/index.js';
function requireValues() {
  return values;
}

test('date literals are evaluated in the running user\'s calendar: TODAY, LAST_N_DAYS:n, THIS_YEAR', () => {
  assert.equal(rows('SELECT Id FROM Contact WHERE CreatedDate = TODAY').length, 4);
  assert.equal(rows('SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS:3').length, 4);
  assert.equal(rows('SELECT Id FROM Contact WHERE CreatedDate = THIS_YEAR').length, 4);
  assert.equal(rows('SELECT Id FROM Contact WHERE CreatedDate < TODAY').length, 0);
  assert.equal(rows('SELECT Id FROM Contact WHERE CreatedDate > TODAY').length, 0);
});

test('datetime binds compare exactly', () => {
  const future = ApexDatetime.fromEpochMs(org.now() + 86400000);
  assert.equal(rows('SELECT Id FROM Contact WHERE CreatedDate < :t', binds({ t: future })).length, 4);
});

test('date functions group by the converted calendar year (Date Functions, convertTimezone())', () => {
  const r = rows('SELECT CALENDAR_YEAR(convertTimezone(CreatedDate)) y, COUNT(Id) n FROM Contact GROUP BY CALENDAR_YEAR(convertTimezone(CreatedDate))');
  assert.equal(r.length, 1);
  assert.equal(r[0]!.get('y'), new Date(org.now()).getUTCFullYear());
});

test('a semi-join selects ids through a subquery', () => {
  const r = rows("SELECT Id FROM Advocate__c WHERE Contact__c IN (SELECT Id FROM Contact WHERE LastName = 'Smith')");
  assert.deepEqual(r.map((x) => x.id), [advocate.id]);
});

test('an unknown object or field is a QueryException naming it', () => {
  assert.throws(() => rows('SELECT Id FROM Nope__c'), (e: unknown) => e instanceof DataError && e.apexType === 'System.QueryException' && /sObject type 'Nope__c' is not supported/.test(e.message));
  assert.throws(() => rows('SELECT Bogus__c FROM Contact'), (e: unknown) => e instanceof DataError && e.apexType === 'System.QueryException' && /No such column 'Bogus__c' on entity 'Contact'/.test(e.message));
});

test('Database.queryWithBinds resolves binds from the map, case-insensitively', () => {
  const r = org.queryWithBinds('SELECT Id FROM Contact WHERE LastName = :Name', new Map([['name', 'Zed']]), ctx) as SObjectRecord[];
  assert.equal(r.length, 1);
  assert.throws(() => org.queryWithBinds('SELECT Id FROM Contact WHERE LastName = :other', new Map(), ctx), DataError);
});

test('deleted rows are only returned with ALL ROWS, with IsDeleted = true', () => {
  const c = insert(org, 'Contact', { LastName: 'Gone' });
  org.dml('delete', [c], { allOrNone: true }, ctx);
  assert.equal(rows("SELECT Id FROM Contact WHERE LastName = 'Gone'").length, 0);
  const all = rows("SELECT Id, IsDeleted FROM Contact WHERE LastName = 'Gone' ALL ROWS");
  assert.equal(all.length, 1);
  assert.equal(all[0]!.get('IsDeleted'), true);
});

test('every query counts against the query and query-row limits', () => {
  const calls: string[] = [];
  org.setLimits({ countQuery: () => calls.push('q'), countQueryRows: (n) => calls.push('rows:' + n), countDmlStatement: () => {}, countDmlRows: () => {} });
  rows("SELECT Id FROM Contact WHERE LastName = 'Zed'");
  org.setLimits(null);
  assert.deepEqual(calls, ['q', 'rows:1']);
});

test('COUNT() consumes one query row and counts up to LIMIT; SUM consumes every aggregated row (Working with SOQL Aggregate Functions)', () => {
  const seen: number[] = [];
  org.setLimits({ countQuery: () => {}, countQueryRows: (n) => seen.push(n), countDmlStatement: () => {}, countDmlRows: () => {} });
  assert.equal(org.query('SELECT COUNT() FROM Contact LIMIT 2', noBinds, ctx), 2);
  rows('SELECT COUNT(Id) FROM Contact');
  rows('SELECT SUM(Amount) FROM Opportunity');
  org.setLimits(null);
  assert.deepEqual(seen, [1, 1, 2]);
});

test('polymorphic Owner: Owner.Name reads the owning user (Relationship Queries: polymorphic relationships)', () => {
  const r = rows("SELECT Owner.Name FROM Contact WHERE LastName = 'Zed'");
  assert.equal(r[0]!.getSObject('Owner')!.get('Name'), 'Local Admin');
});

test('HAVING filters groups; COUNT_DISTINCT counts distinct non-null values', () => {
  const g = rows('SELECT Title, COUNT(Id) n FROM Contact GROUP BY Title HAVING COUNT(Id) > 1');
  assert.deepEqual(g.map((x) => x.get('Title')), [null]);
  const d = rows('SELECT COUNT_DISTINCT(Title) FROM Contact');
  assert.equal(d[0]!.get('expr0'), 1);
});

test('toLabel() returns the picklist label', () => {
  const r = rows("SELECT toLabel(Routing_Policy__c) FROM Referral_Program__c");
  const def = org.schema.objects.get('referral_program__c')!.fields.get('routing_policy__c')!;
  const v = r[0]!.get('Routing_Policy__c');
  assert.ok(v === null || def.picklistValues!.some((p) => p.label === v));
});
