// Gate: strict TypeScript over every component, its tests and the shared types.
import { writeLwcPaths } from '../build/lwc-paths.mjs';
import { fail, run } from './lib.mjs';

writeLwcPaths();
const status = run(process.execPath, [
  'node_modules/typescript/bin/tsc',
  '-p',
  'tsconfig.json',
  '--noEmit'
]);
if (status !== 0) fail('types: TypeScript reported errors (above).');
console.log('types: strict TypeScript compiles with no errors.');
