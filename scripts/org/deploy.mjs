// npm run org:deploy: compile the components, deploy the package directory to the default org,
// and give the running user the admin permission set.
import { run, fail } from '../checks/lib.mjs';
import { requireTargetOrg, sf } from './sf.mjs';

requireTargetOrg();
if (run(process.execPath, ['scripts/build/compile-ts.mjs']) !== 0)
  fail('The components did not compile; nothing was deployed.');
sf(
  ['project', 'deploy', 'start', '--source-dir', 'force-app/main', '--wait', '30'],
  'The deployment failed (the CLI listed the components above).'
);
sf(
  ['org', 'assign', 'permset', '--name', 'Referral_Program_Admin'],
  'The package deployed, but the admin permission set could not be assigned.'
);
console.log('Deployed force-app/main and assigned Referral_Program_Admin to you.');
