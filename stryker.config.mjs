// Mutation testing of the TypeScript rules engine (c/referralEngine): `npm run test:mutation`.
// Not part of `npm test` (it takes minutes of CPU). Stryker mutates every source file of the
// engine and runs the engine's example-based Jest suites (unit, v2, validation, mutant-gap tests
// and every shipped vector) against each mutant. The fast-check property suites are left out of
// the mutation run: they cost two thirds of the suite's CPU time and Jest cannot stop at the
// first failure, so each mutant would pay for them; the score is therefore a lower bound (the
// property suites can only kill more). Figures and equivalent mutants: docs/quality.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      testMatch: ['<rootDir>/force-app/main/engine/lwc/referralEngine/__tests__/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.property\\.test\\.ts$'],
      collectCoverage: false,
      coverageThreshold: undefined,
      // The engine is plain TypeScript without components: a Node environment and a plain
      // TypeScript transform instead of jsdom and the LWC transformer cut the CPU time of each
      // mutant's test run to about a third (same tests, same results).
      testEnvironment: 'node',
      setupFilesAfterEnv: [],
      snapshotSerializers: [],
      transform: {
        '^.+\\.ts$': [
          'babel-jest',
          {
            babelrc: false,
            configFile: false,
            presets: ['@babel/preset-typescript'],
            plugins: ['@babel/plugin-transform-modules-commonjs']
          }
        ]
      }
    },
    enableFindRelatedTests: false
  },
  // Every source file of the engine (the declarations in types.ts and the barrel
  // referralEngine.ts yield no mutants), never its tests. On a busy machine run it in parts,
  // `node scripts/mutation/run.mjs --only validate,money`: the parts share the incremental file,
  // so a later full run re-tests only what changed since (see docs/quality.md).
  mutate: [
    'force-app/main/engine/lwc/referralEngine/*.ts',
    '!force-app/main/engine/lwc/referralEngine/__tests__/**'
  ],
  // The sandbox needs the engine and its tests only: no Apex, metadata, site or compiled components.
  ignorePatterns: [
    'local-org',
    'docs',
    'scripts/org',
    'reports',
    'coverage',
    '.sf',
    '.sfdx',
    'force-app/site',
    'force-app/**/*.cls',
    'force-app/**/*-meta.xml',
    'force-app/**/lwc/**/*.js'
  ],
  coverageAnalysis: 'perTest',
  // Re-test only what changed since the last run (reports/stryker-incremental.json); `--force` to redo all.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 1,
  // A mutant that loops forever (the hash-table probes, say) is cut off after this. Generous,
  // because a busy shared machine slows every test run down: a short limit reports slow runs
  // of mutants no test noticed as timed out, which Stryker counts as detected.
  timeoutMS: 60000,
  timeoutFactor: 3,
  // Mutants in module-level constants would each need the whole suite; they are left out of
  // the run (reported as ignored) to keep it within a shared 2-core machine's budget.
  ignoreStatic: true,
  tempDirName: 'reports/.stryker-tmp',
  cleanTempDir: true,
  // clear-text lists each surviving mutant at the end; scripts/mutation/summary.mjs reads the JSON.
  // event-recorder writes each tested mutant as it goes (reports/mutation/events*), so the figures
  // of an interrupted run can still be read (`node scripts/mutation/summary.mjs --events`).
  reporters: ['clear-text', 'progress', 'html', 'json', 'event-recorder'],
  eventReporter: { baseDir: 'reports/mutation/events' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 95 }
};
