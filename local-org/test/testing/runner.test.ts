// The runner over a small project: @TestSetup data rolled back per method, per-method failures
// with platform-shaped messages and stack traces, Unsupported never passes, the JSON shape of
// `sf apex run test --json`, and a parse error naming file and line.
// Apex Developer Guide: "Using Test Setup Methods", "Testing Best Practices", "Exception Class and Built-In Exceptions".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProject } from '../../src/metadata/loadProject.js';
import { runTests, toSfJson } from '../../src/testing/runner.js';

const META = '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>62.0</apiVersion><status>Active</status></ApexClass>\n';

function project(classes: Record<string, string>, triggers: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'local-org-runner-'));
  writeFileSync(join(root, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '62.0' }));
  const dir = join(root, 'force-app', 'main', 'default', 'classes');
  mkdirSync(dir, { recursive: true });
  for (const [name, body] of Object.entries(classes)) {
    writeFileSync(join(dir, `${name}.cls`), body);
    writeFileSync(join(dir, `${name}.cls-meta.xml`), META);
  }
  const tdir = join(root, 'force-app', 'main', 'default', 'triggers');
  mkdirSync(tdir, { recursive: true });
  for (const [name, body] of Object.entries(triggers)) {
    writeFileSync(join(tdir, `${name}.trigger`), body);
    writeFileSync(join(tdir, `${name}.trigger-meta.xml`), META.replace(/ApexClass/g, 'ApexTrigger'));
  }
  return root;
}

test('runner: setup data per method, failures, Unsupported, JSON shape', async () => {
  const root = project({
    SampleTest: `@IsTest
private class SampleTest {
    static Integer counter = 0;
    @TestSetup
    static void makeData() {
        insert new Account(Name = 'Setup');
    }
    @IsTest
    static void seesSetupDataAndInsertsMore() {
        Assert.areEqual(1, [SELECT COUNT() FROM Account]);
        insert new Account(Name = 'Mine');
        counter++;
        Assert.areEqual(1, counter, 'statics start fresh');
    }
    @IsTest
    static void insertsOfAnotherMethodAreRolledBack() {
        Assert.areEqual(1, [SELECT COUNT() FROM Account]);
        counter++;
        Assert.areEqual(1, counter, 'statics start fresh');
    }
    @IsTest
    static void failsWithThePlatformMessage() {
        Assert.areEqual(1, 2, 'numbers');
    }
    @IsTest
    static void unsupportedNeverPasses() {
        Test.setMock(HttpCalloutMock.class, null);
    }
    static testMethod void oldStyle() {
        Assert.isTrue(Test.isRunningTest());
    }
}`
  });
  const summary = await runTests(loadProject(root), { root });
  const by = new Map(summary.results.map((r) => [r.methodName, r]));
  assert.equal(by.get('seesSetupDataAndInsertsMore')?.outcome, 'Pass', by.get('seesSetupDataAndInsertsMore')?.message ?? '');
  assert.equal(by.get('insertsOfAnotherMethodAreRolledBack')?.outcome, 'Pass', by.get('insertsOfAnotherMethodAreRolledBack')?.message ?? '');
  assert.equal(by.get('oldStyle')?.outcome, 'Pass');
  const failed = by.get('failsWithThePlatformMessage')!;
  assert.equal(failed.outcome, 'Fail');
  assert.equal(failed.message, 'System.AssertException: Assertion Failed: numbers: Expected: 1, Actual: 2');
  assert.match(failed.stackTrace ?? '', /^Class\.SampleTest\.failsWithThePlatformMessage: line 23, column 9/);
  const unsupported = by.get('unsupportedNeverPasses')!;
  assert.equal(unsupported.outcome, 'Fail');
  assert.match(unsupported.message ?? '', /^Unsupported in the local org: /);
  const json = toSfJson(summary);
  assert.equal(json.result.summary.testsRan, 5);
  assert.equal(json.result.summary.failing, 2);
  assert.equal(json.result.summary.outcome, 'Failed');
  assert.deepEqual(Object.keys(json.result.tests[0]).sort(), ['ApexClass', 'AsyncApexJobId', 'FullName', 'Id', 'Message', 'MethodName', 'Outcome', 'QueueItemId', 'RunTime', 'StackTrace'].sort());
});

test('runner: Apex the parser rejects names the file and line', async () => {
  const root = project({ Broken: 'public class Broken {\n  void m() {\n    Integer x = ;\n  }\n}\n' });
  await assert.rejects(runTests(loadProject(root), { root }), /Broken\.cls:3:\d+: Apex does not parse/);
});

// Apex Developer Guide, "Triggers and Order of Execution" / "Trigger Exceptions": an unhandled
// exception in a trigger fails the DML of its rows; addError marks one row; Trigger context variables.
test('runner: triggers, addError and unhandled trigger exceptions', async () => {
  const root = project(
    {
      TriggerTest: `@IsTest
private class TriggerTest {
    @IsTest
    static void beforeInsertChangesTheRecord() {
        Account a = new Account(Name = 'plain');
        insert a;
        Assert.areEqual('plain (seen)', [SELECT Name FROM Account WHERE Id = :a.Id].Name);
    }
    @IsTest
    static void addErrorFailsOnlyThatRow() {
        List<Database.SaveResult> rs = Database.insert(new List<Account>{ new Account(Name = 'ok'), new Account(Name = 'refuse') }, false);
        Assert.isTrue(rs[0].isSuccess());
        Assert.isFalse(rs[1].isSuccess());
        Assert.areEqual('refused', rs[1].getErrors()[0].getMessage());
    }
    @IsTest
    static void anExceptionInATriggerIsADmlException() {
        try {
            insert new Account(Name = 'boom');
            Assert.fail('expected a DmlException');
        } catch (DmlException e) {
            Assert.areEqual(StatusCode.CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY, e.getDmlType(0));
            Assert.isTrue(e.getMessage().contains('AccountTrigger: execution of BeforeInsert'), e.getMessage());
        }
    }
}`
    },
    {
      AccountTrigger: `trigger AccountTrigger on Account (before insert) {
    Assert.isTrue(Trigger.isBefore && Trigger.isInsert);
    Assert.areEqual(System.TriggerOperation.BEFORE_INSERT, Trigger.operationType);
    for (Account a : Trigger.new) {
        if (a.Name == 'refuse') a.addError('refused');
        if (a.Name == 'boom') { Integer x = null; x++; }
        if (a.Name == 'plain') a.Name = a.Name + ' (seen)';
    }
}`
    }
  );
  const summary = await runTests(loadProject(root), { root });
  for (const r of summary.results) assert.equal(r.outcome, 'Pass', `${r.methodName}: ${r.message}`);
  assert.equal(summary.results.length, 3);
});
