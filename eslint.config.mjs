// ESLint flat config: Salesforce's LWC rules (TypeScript variant) for components and their tests;
// plain recommended rules for the Node scripts.
import lwcTsConfig from '@salesforce/eslint-config-lwc/recommended-ts.js';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const componentFiles = ['force-app/**/*.ts'];

export default [
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      '.sf/**',
      '.sfdx/**',
      'build/**',
      'local-org/dist/**',
      '.local-org/**',
      'local-org/dist-test/**',
      'reports/**',
      'force-app/**/lwc/**/*.js',
      // Third-party builds shipped as static resources (Chart.js), not our code.
      'force-app/**/staticresources/**',
      '**/*.d.ts'
    ]
  },
  ...lwcTsConfig.map((config) => ({ ...config, files: config.files ?? componentFiles })),
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: componentFiles })),
  {
    files: componentFiles,
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // TypeScript resolves and checks imports (tsc gate); the import plugin cannot see c/* or
      // platform modules, and would read stale compiled .js beside the .ts.
      'import/no-unresolved': 'off',
      'import/named': 'off',
      'import/default': 'off',
      'import/namespace': 'off'
    }
  },
  {
    files: ['force-app/**/__tests__/**/*.ts', 'force-app/test/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } }
  },
  {
    files: ['scripts/**/*.mjs', '*.mjs'],
    ...js.configs.recommended,
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 'latest', sourceType: 'module' }
  },
  {
    files: ['*.js', 'scripts/**/*.cjs'],
    ...js.configs.recommended,
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 'latest', sourceType: 'commonjs' }
  }
];
