// npm run org:create [-- --portal]: a scratch org from the definition in config/, set as default.
// --portal uses the Experience Cloud definition (needed for the advocate portal site).
import { requireDevHub, sf } from './sf.mjs';

const portal = process.argv.includes('--portal');
const definition = portal
  ? 'config/experience-cloud-scratch-def.json'
  : 'config/project-scratch-def.json';
requireDevHub();
sf(
  [
    'org',
    'create',
    'scratch',
    '--definition-file',
    definition,
    '--alias',
    'referral-program',
    '--set-default',
    '--duration-days',
    '7',
    '--wait',
    '15'
  ],
  'The scratch org could not be created (the CLI said why above).'
);
console.log(
  `Scratch org "referral-program" created from ${definition} and set as the default org.`
);
