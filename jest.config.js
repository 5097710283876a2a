// Jest for the Lightning Web Components (TypeScript) through sfdx-lwc-jest.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  testMatch: ['**/force-app/**/__tests__/**/*.test.ts'],
  // reports/ holds the mutation run's sandbox copy of the project (npm run test:mutation).
  modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/build', '<rootDir>/reports'],
  // Coverage is measured on the TypeScript sources, never on compiled output.
  collectCoverageFrom: [
    'force-app/**/lwc/**/*.ts',
    '!force-app/**/__tests__/**',
    '!force-app/**/*.d.ts',
    // Declaration-only modules (DTO interfaces, engine types): no runtime code to cover.
    '!force-app/**/lwc/*Dtos/**',
    '!force-app/main/engine/lwc/referralEngine/types.ts'
  ],
  // V8 coverage: the LWC transformer does not instrument for Istanbul, which would measure nothing.
  coverageProvider: 'v8',
  coverageReporters: ['text-summary', 'lcov'],
  coverageThreshold: {
    global: { lines: 80 }
  },
  // custom labels resolve to their English values (scripts/jest/resolver.cjs)
  resolver: '<rootDir>/scripts/jest/resolver.cjs',
  testTimeout: 20000
};
