// Every inline SOQL query of the package parses with the Apex grammar's query() rule and names
// only objects, fields and relationships the local org models (SOQL and SOSL Reference,
// "Relationship Queries"; Object Reference for the standard fields).
// The queries are taken from the interpreter's compiled AST (the `soql` nodes, the same text the
// interpreter runs), so the classes are parsed once and come from the parse cache when warm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileSource } from '../../src/apex/parse.js';
import { parseSoql } from '../../src/data/soql.js';
import { checkQuery } from '../../src/data/query.js';
import { schema } from './helpers.js';

/** Every `{ k: 'soql' }` node of a compiled file (the AST is plain data). */
function soqlNodes(node: unknown, out: { text: string; line: number }[]): void {
  if (Array.isArray(node)) {
    for (const n of node) soqlNodes(n, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  if (o.k === 'soql' && typeof o.text === 'string') out.push({ text: o.text, line: Number(o.line) });
  for (const v of Object.values(o)) if (v && typeof v === 'object') soqlNodes(v, out);
}

test('all inline SOQL of the package resolves against the schema', () => {
  const s = schema();
  const problems: string[] = [];
  let count = 0;
  for (const src of s.apexSources) {
    const found: { text: string; line: number }[] = [];
    soqlNodes(compileSource(src.path, src.body, src.kind), found);
    for (const lit of found) {
      count++;
      try {
        checkQuery(s, parseSoql(lit.text));
      } catch (e) {
        problems.push(`${src.path}:${lit.line}: ${(e as Error).message.slice(0, 160)}`);
      }
    }
  }
  assert.ok(count > 100, `found ${count} queries`);
  assert.deepEqual(problems, []);
});
