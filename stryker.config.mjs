// Mutation testing of the TypeScript rules engine (c/referralEngine): `npm run test:mutation`.
// Not part of `npm test` (it takes minutes of CPU). Stryker mutates the engine's sources and
// runs the engine's Jest suites (unit, v2, mutant-gap and property tests, and every shipped
// vector) against each mutant. Figures and surviving/equivalent mutants: docs/quality.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    config: {
      testMatch: ['<rootDir>/force-app/main/engine/lwc/referralEngine/__tests__/*.test.ts'],
      collectCoverage: false,
      coverageThreshold: undefined
    },
    enableFindRelatedTests: false
  },
  mutate: [
    'force-app/main/engine/lwc/referralEngine/*.ts',
    // declarations and the barrel have no behaviour of their own
    '!force-app/main/engine/lwc/referralEngine/types.ts',
    '!force-app/main/engine/lwc/referralEngine/referralEngine.ts'
  ],
  ignorePatterns: ['local-org', 'docs', 'scripts/org', 'reports', 'coverage', '.sf', '.sfdx'],
  coverageAnalysis: 'perTest',
  // Re-test only what changed since the last run (reports/stryker-incremental.json); `--force` to redo all.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 1,
  timeoutMS: 60000,
  tempDirName: 'reports/.stryker-tmp',
  cleanTempDir: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 95 }
};
