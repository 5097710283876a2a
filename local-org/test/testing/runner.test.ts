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

function project(classes: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'local-org-runner-'));
  writeFileSync(join(root, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '62.0' }));
  const dir = join(root, 'force-app', 'main', 'default', 'classes');
  mkdirSync(dir, { recursive: true });
  for (const [name, body] of Object.entries(classes)) {
    writeFileSync(join(dir, `${name}.cls`), body);
    writeFileSync(join(dir, `${name}.cls-meta.xml`), META);
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
