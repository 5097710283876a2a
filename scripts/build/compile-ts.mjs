// Build: compiles every component's TypeScript to the .js beside it (what the platform deploys).
// Decorators stay as written (target ESNext, no experimentalDecorators): the platform compiles them.
import { writeLwcPaths } from './lwc-paths.mjs';
import { fail, run } from '../checks/lib.mjs';

writeLwcPaths();
const status = run(process.execPath, [
  'node_modules/typescript/bin/tsc',
  '-p',
  'tsconfig.build.json'
]);
if (status !== 0) fail('build: TypeScript did not compile (errors above).');
console.log('build: components compiled to JavaScript beside their TypeScript.');

// The local org (local-org/): compiled to local-org/dist for npm run test:apex:local and the apex-local gate.
const localOrg = run(process.execPath, [
  'node_modules/typescript/bin/tsc',
  '-p',
  'local-org/tsconfig.json'
]);
if (localOrg !== 0) fail('build: the local org did not compile (errors above).');
console.log('build: local org compiled to local-org/dist.');
