// npm run org:deploy:site: deploy the Experience Cloud site (force-app/site) after the package.
// Needs an org with Digital Experiences enabled (npm run org:create -- --portal).
import fs from 'node:fs';
import { fail } from '../checks/lib.mjs';
import { requireTargetOrg, sf } from './sf.mjs';

requireTargetOrg();
if (!fs.existsSync('force-app/site') || fs.readdirSync('force-app/site').length === 0) {
  fail('There is no site in force-app/site to deploy yet.');
}
sf(
  ['project', 'deploy', 'start', '--source-dir', 'force-app/site', '--wait', '30'],
  'The site deployment failed (the CLI said why above); deploy the package first with npm run org:deploy.'
);
console.log(
  'Site deployed. Publish it in Setup > Digital Experiences > All Sites > Builder > Publish.'
);
