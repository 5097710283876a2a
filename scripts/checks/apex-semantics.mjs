// Gate: the apex-ls semantic checker (Apex Dev Tools) over the whole SFDX project.
// It resolves every Apex reference against our metadata: unknown fields, types, methods and
// type errors fail the run. The jars ship inside @salesforce/code-analyzer-pmd-engine.
// Static SOQL is checked for unknown custom fields by soql-fields.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fail, requireJava, ROOT } from './lib.mjs';
import { checkProject } from './soql-fields.mjs';

const JARS = path.join(
  ROOT,
  'node_modules',
  '@salesforce',
  'code-analyzer-pmd-engine',
  'dist',
  'java-lib'
);
if (!fs.existsSync(path.join(JARS)) || !fs.readdirSync(JARS).some((f) => f.startsWith('apex-ls'))) {
  fail(
    `apex semantics: the apex-ls jars were not found in ${path.relative(ROOT, JARS)}; run npm ci.`
  );
}
requireJava('the apex-ls semantic check');

const result = spawnSync(
  'java',
  ['-cp', `${JARS}${path.sep}*`, 'io.github.apexdevtools.apexls.CheckForIssues', '-n', '-w', ROOT],
  { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
);
if (result.error) fail(`apex semantics: could not start java: ${result.error.message}`);
const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
const findings = output.split('\n').filter((line) => /^(Error|Missing|Syntax)\b/.test(line)).length;
if (output) console.log(output);
const apexFiles = (function count(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((n, entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return n + count(full);
    return n + (/\.(cls|trigger)$/.test(entry.name) ? 1 : 0);
  }, 0);
})(path.join(ROOT, 'force-app'));
console.log(
  `apex semantics: ${apexFiles} Apex files checked by apex-ls, ${findings} findings (exit ${result.status})`
);

// apex-ls does not resolve fields inside static SOQL: check our custom fields there too.
const soql = checkProject(ROOT);
for (const problem of soql.problems) console.log(problem);
console.log(
  `apex semantics: ${soql.queries} static SOQL queries checked, ${soql.problems.length} unknown custom fields or relationships`
);
if (result.status !== 0 || findings > 0 || soql.problems.length > 0) process.exit(1);
