// npm run test:mutation: StrykerJS (with its Jest runner) over the rules engine c/referralEngine,
// configured by stryker.config.mjs at the repository root. Not part of `npm test`.
//
// StrykerJS 10's command line refuses Node.js below 22 at start-up (a version guard in its CLI
// module), while this project runs on Node 20 (see ARCHITECTURE.md). The mutation run itself only
// needs what Node 20 has, so this script drives Stryker's programmatic API, loaded from its own
// module file because the package entry point also loads the CLI and with it the guard.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import config from '../../stryker.config.mjs';

const require = createRequire(import.meta.url);
const coreDir = dirname(require.resolve('@stryker-mutator/core/package.json'));
const { Stryker } = await import(pathToFileURL(join(coreDir, 'dist/src/stryker.js')).href);

// `--only reward,money` mutates just those modules of the engine (a run in parts on a busy
// machine). Every part reads and writes the one incremental file, which keeps the results of the
// modules a part does not mutate: a full run afterwards reuses them and re-tests only mutants whose
// code or covering tests changed. `--concurrency 2` runs two test processes; `--force` re-tests all.
const only = process.argv.indexOf('--only');
const concurrency = process.argv.indexOf('--concurrency');
const options = { ...config };
if (only >= 0) {
  const names = process.argv[only + 1].split(',');
  options.mutate = names.map((n) => `force-app/main/engine/lwc/referralEngine/${n}.ts`);
  options.jsonReporter = { fileName: `reports/mutation/mutation-${names.join('-')}.json` };
  options.eventReporter = { baseDir: `reports/mutation/events-${names.join('-')}` };
  options.htmlReporter = { fileName: `reports/mutation/mutation-${names.join('-')}.html` };
}
if (concurrency >= 0) {
  options.concurrency = Number(process.argv[concurrency + 1]);
}
// `--timeout-ms 15000` shortens the wait for a mutant that loops forever (config: 60 s, for a busy
// machine; on a quiet one a shorter limit saves minutes per such mutant).
const timeout = process.argv.indexOf('--timeout-ms');
if (timeout >= 0) {
  options.timeoutMS = Number(process.argv[timeout + 1]);
}
if (process.argv.includes('--force')) {
  options.force = true;
}
const results = await new Stryker(options).runMutationTest();
const counts = {};
for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
const undetected = (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
const score = (100 * detected) / (detected + undetected);
console.log(`mutation: ${JSON.stringify(counts)}`);
console.log(
  `mutation score: ${score.toFixed(2)}% (${detected} detected of ${detected + undetected} valid mutants)`
);
process.exitCode = score >= config.thresholds.break ? 0 : 1;
