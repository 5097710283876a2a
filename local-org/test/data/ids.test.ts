// Record ids. Apex Developer Guide, "Primitive Data Types" (Id: 15- and 18-character forms) and
// "ID Class" (to15, to18); the 18-character suffix encodes the case of the 15-character id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { IdGenerator, idSuffix, isValidId, to18 } from '../../src/data/ids.js';

test('the 18-character suffix encodes upper-case positions per 5-character chunk', () => {
  assert.equal(idSuffix('001A0000006Vm9r'), 'IAC');
  assert.equal(to18('001A0000006Vm9r'), '001A0000006Vm9rIAC');
});

test('an 18-character id is case-insensitive: the suffix restores the case of the first 15', () => {
  assert.equal(to18('001a0000006vm9riac'), '001A0000006Vm9rIAC');
});

test('validity: 15 or 18 alphanumerics, and a matching suffix', () => {
  assert.ok(isValidId('001A0000006Vm9r'));
  assert.ok(isValidId('001A0000006Vm9rIAC'));
  assert.ok(!isValidId('001A0000006Vm9rAAA'));
  assert.ok(!isValidId('not an id'));
});

test('generated ids carry the key prefix and a valid suffix, and never repeat', () => {
  const g = new IdGenerator();
  const a = g.next('a0A');
  const b = g.next('a0A');
  assert.equal(a.length, 18);
  assert.ok(a.startsWith('a0A'));
  assert.ok(isValidId(a));
  assert.notEqual(a, b);
});
