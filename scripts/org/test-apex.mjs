// npm run test:apex: every Apex test of the package in the default org, with code coverage.
import { requireTargetOrg, sf } from './sf.mjs';

requireTargetOrg();
sf(
  [
    'apex',
    'run',
    'test',
    '--test-level',
    'RunLocalTests',
    '--code-coverage',
    '--result-format',
    'human',
    '--output-dir',
    'coverage/apex',
    '--wait',
    '60'
  ],
  'Apex tests failed or could not run (results above).'
);
