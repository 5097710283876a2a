// npm test: every quality gate, in order, offline. Each gate is also its own npm script.
// All gates run even when one fails, so one run shows every problem; any failure fails the run.
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib.mjs';

const GATES = [
  ['types', 'check:types', 'strict TypeScript'],
  ['lint', 'check:lint', 'ESLint (LWC rules, TypeScript)'],
  ['format', 'check:format', 'Prettier (Apex, XML, TS, HTML)'],
  ['unit', 'test:unit', 'Jest with coverage floor'],
  [
    'unit-namespace',
    'test:unit:namespace',
    'Jest under the namespace rfrl: the components that import the schema, with prefixed API names'
  ],
  ['conformance', 'test:conformance', 'docs/rules.md vectors on the TypeScript engine'],
  ['apex-semantics', 'check:apex-semantics', 'apex-ls semantic check'],
  ['code-analyzer', 'check:code-analyzer', 'Code Analyzer (PMD) security and performance'],
  ['graph-engine', 'check:graph-engine', 'Code Analyzer Graph Engine (path-based) and regex rules'],
  [
    'labels',
    'check:labels',
    'user-visible text is custom labels, each translated into Spanish, German and French'
  ],
  ['metadata', 'check:metadata', 'source converts; XML matches the Metadata API schema'],
  [
    'package',
    'package:check',
    'packaging rehearsal: 2GP types, unpackaged references, API versions, global surface in docs/api.md'
  ],
  [
    'apex-local',
    'check:apex-local',
    'the local org: its node tests, the fidelity suite, every Apex test of the package (policy in apex-local.mjs)'
  ],
  [
    'e2e',
    'test:e2e',
    'the preview in headless Chromium: the referral flow end to end on the real Apex, axe-core'
  ]
];

const only = process.argv.slice(2);
const results = [];
for (const [name, script, what] of GATES) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n=== ${name}: ${what} (npm run ${script})`);
  const started = Date.now();
  const run = spawnSync('npm', ['run', '--silent', script], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: false
  });
  const ok = run.status === 0 && !run.error;
  results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

console.log('\n=== summary');
for (const { name, ok, seconds } of results)
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(15)} ${seconds}s`);
const failed = results.filter((r) => !r.ok).length;
console.log(`gates: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
