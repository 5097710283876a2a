// npm run org:seed: a sample program with rules, accounts, contacts, advocates and referrals.
import { requireTargetOrg, sf } from './sf.mjs';

requireTargetOrg();
sf(
  ['data', 'import', 'tree', '--plan', 'scripts/org/seed/plan.json'],
  'The sample data could not be imported (the CLI said why above); deploy the package first with npm run org:deploy.'
);
console.log('Sample program, rules, advocates and referrals imported.');
