// Every inline SOQL query of the package parses with the Apex grammar's query() rule and names
// only objects, fields and relationships the local org models (SOQL and SOSL Reference,
// "Relationship Queries"; Object Reference for the standard fields).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApexParserFactory, ApexParseTreeWalker, ApexParserBaseListener, type SoqlLiteralContext } from '@apexdevtools/apex-parser';
import { parseSoqlTree } from '../../src/data/soql.js';
import { checkQuery } from '../../src/data/query.js';
import { schema } from './helpers.js';

test('all inline SOQL of the package resolves against the schema', () => {
  const s = schema();
  const problems: string[] = [];
  let count = 0;
  for (const src of s.apexSources) {
    const parser = ApexParserFactory.createParser(src.body);
    const tree = src.kind === 'class' ? parser.compilationUnit() : parser.triggerUnit();
    const found: SoqlLiteralContext[] = [];
    class L extends ApexParserBaseListener {
      enterSoqlLiteral(ctx: SoqlLiteralContext): void {
        found.push(ctx);
      }
    }
    ApexParseTreeWalker.DEFAULT.walk(new L() as never, tree);
    for (const lit of found) {
      count++;
      try {
        checkQuery(s, parseSoqlTree(lit.query()));
      } catch (e) {
        problems.push(`${src.path}:${lit.start.line}: ${(e as Error).message.slice(0, 160)}`);
      }
    }
  }
  assert.ok(count > 100, `found ${count} queries`);
  assert.deepEqual(problems, []);
});
