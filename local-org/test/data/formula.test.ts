// The formula engine for validation rules, formula fields and default values. Salesforce Help:
// "Formula Operators and Functions" (AND, OR, NOT, IF, ISBLANK, ISPICKVAL, TEXT, REGEX, TRIM,
// ISNEW, ISCHANGED, PRIORVALUE), "Validation Rules" (the rule fires when the condition is true).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '../../src/apex/values/index.js';
import { evaluate, parseFormula } from '../../src/data/formula.js';

const run = (f: string, fields: Record<string, unknown> = {}, extra: { isNew?: boolean; prior?: Record<string, unknown> } = {}) =>
  evaluate(parseFormula(f), {
    field: (p) => fields[p.join('.')] ?? null,
    ...(extra.prior ? { prior: (p: string[]) => extra.prior![p.join('.')] ?? null } : {}),
    isNew: extra.isNew ?? false,
  });

test('the package\'s email rule (REGEX with escaped \\\\s, which formulon cannot parse) evaluates', () => {
  const rule = 'OR(ISBLANK(Referred_Email__c), NOT(REGEX(TRIM(Referred_Email__c), "^[^@\\\\s]+@[^@\\\\s.]+(\\\\.[^@\\\\s.]+)+$")))';
  assert.equal(run(rule, { Referred_Email__c: ' lee@globex.com ' }), false);
  assert.equal(run(rule, { Referred_Email__c: 'lee@globex' }), true);
  assert.equal(run(rule, {}), true);
});

test('REGEX must match the whole text', () => {
  assert.equal(run('REGEX(C, "[A-Z]{3}")', { C: 'USD' }), true);
  assert.equal(run('REGEX(C, "[A-Z]{3}")', { C: 'USDX' }), false);
});

test('ISPICKVAL and TEXT on a picklist; ISBLANK(TEXT(blank picklist)) is true', () => {
  assert.equal(run('ISPICKVAL(P, "FLAT")', { P: 'FLAT' }), true);
  assert.equal(run('ISBLANK(TEXT(P))', {}), true);
});

test('number comparisons are exact and blank numbers do not compare', () => {
  assert.equal(run('X > 1', { X: Decimal.parse('1.0000000000000000001') }), true);
  assert.notEqual(run('X < 0', {}), true); // blank (null): the rule does not fire
  assert.equal(run('0.1 + 0.2 = 0.3'), true);
});

test('ISNEW, ISCHANGED and PRIORVALUE', () => {
  assert.equal(run('ISNEW()', {}, { isNew: true }), true);
  assert.equal(run('ISCHANGED(S)', { S: 'b' }, { prior: { S: 'a' } }), true);
  assert.equal(run('ISCHANGED(S)', { S: 'a' }, { prior: { S: 'a' } }), false);
  assert.equal(run('PRIORVALUE(S)', { S: 'b' }, { prior: { S: 'a' } }), 'a');
});

test('parent relationship paths are read through the context', () => {
  assert.equal(run('Program__r.Active__c', { 'Program__r.Active__c': true }), true);
});

test('IF, AND with && and ||, text concatenation with &', () => {
  assert.equal(run('IF(A && !B, "x" & "y", "z")', { A: true, B: false }), 'xy');
  assert.equal(run('A || B', { A: false, B: true }), true);
});

// Salesforce Help, "Formula Operators and Functions" (- on Date values returns the number of days
// between them) and "Handle Blank Fields in Formulas" (treat blanks as blanks: an expression with a
// blank operand is blank).
test('Date - Date is a number of days; a blank operand gives a blank, never an error', async () => {
  const { makeDate, dateToDays } = await import('../../src/data/values.js');
  const d = (iso: string) => makeDate(Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86400000));
  assert.equal(dateToDays(d('2026-03-01')) - dateToDays(d('2026-02-01')), 28);
  assert.equal(String(run('Issued - Submitted', { Issued: d('2026-03-01'), Submitted: d('2026-02-01') })), '28');
  assert.equal(run('Issued - Submitted', { Submitted: d('2026-02-01') }), null);
  assert.equal(run('Issued - Submitted', { Issued: d('2026-03-01') }), null);
  assert.equal(run('X * 2', {}), null);
});
