#!/usr/bin/env node
// npm run test:apex:local [-- --tests Class[.method],... --json out.json --namespace ns --parse-only]
/* eslint-disable @typescript-eslint/no-explicit-any */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadProject } from '../metadata/loadProject.js';
import { ApexSyntaxError, compileSource } from '../apex/parse.js';
import { runTests, toSfJson } from './runner.js';

function findRoot(): string {
  let dir = process.cwd();
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'sfdx-project.json'))) return dir;
    dir = dirname(dir);
  }
  // fall back to the repository of this build
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let tests: string[] | undefined;
  let jsonOut: string | null = null;
  let namespace = '';
  let quiet = false;
  let parseOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--tests' || a === '-t') tests = argv[++i].split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--json') jsonOut = argv[++i];
    else if (a === '--namespace') namespace = argv[++i];
    else if (a === '--quiet') quiet = true;
    else if (a === '--parse-only') parseOnly = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: test:apex:local [-- --tests Class[.method],... --json out.json --namespace ns --parse-only]');
      return 0;
    } else {
      console.error(`unknown argument: ${a}`);
      return 2;
    }
  }
  const root = findRoot();
  let schema;
  try {
    schema = loadProject(root, { namespace });
  } catch (e: any) {
    console.error(`local org: the project does not load: ${e?.message ?? e}`);
    return 2;
  }
  if (parseOnly) {
    // parses every class and trigger once (fills the parse cache, local-org/.cache) and stops
    const t0 = Date.now();
    try {
      for (const src of schema.apexSources) compileSource(src.path, src.body, src.kind);
    } catch (e: any) {
      console.error(`local org: ${e?.message ?? e}`);
      return 2;
    }
    console.log(`parsed ${schema.apexSources.length} Apex sources in ${Date.now() - t0} ms`);
    return 0;
  }
  let summary;
  try {
    summary = await runTests(schema, {
      root,
      namespace,
      tests,
      onClassDone: quiet
        ? undefined
        : (cls, results, ms) => {
            const p = results.filter((r) => r.outcome === 'Pass').length;
            console.log(`${cls.padEnd(48)} ${String(p).padStart(4)} ${String(results.length - p).padStart(4)} ${String(ms).padStart(7)}`);
          }
    });
  } catch (e: any) {
    if (e instanceof ApexSyntaxError) {
      console.error(`local org: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const failed = summary.results.filter((r) => r.outcome === 'Fail');
  if (failed.length) {
    console.log('\nFailures:');
    for (const r of failed) {
      console.log(`  ${r.className}.${r.methodName}: ${r.message}`);
      if (r.stackTrace) console.log('    ' + r.stackTrace.split('\n').slice(0, 3).join('\n    '));
    }
  }
  console.log('\nclass                                            pass fail      ms');
  for (const c of summary.classes) console.log(`${c.name.padEnd(48)} ${String(c.passed).padStart(4)} ${String(c.failed).padStart(4)} ${String(c.ms).padStart(7)}`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(toSfJson(summary), null, 2) + '\n');
  const exit = failed.length > 0 ? 1 : 0;
  console.log(`\n${summary.results.length - failed.length} passed, ${failed.length} failed`);
  return exit;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e?.stack ?? e);
    process.exit(3);
  }
);
