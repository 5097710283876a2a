// npm run org:deploy:site [-- --namespace <ns>]: deploy the Experience Cloud site (force-app/site)
// after the package. Needs an org with Digital Experiences enabled (npm run org:create -- --portal).
// With --namespace (an org where the managed package is installed), a copy of the site is deployed
// in which every name of the package carries the namespace (scripts/org/site-namespace.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fail, ROOT } from '../checks/lib.mjs';
import { copySiteWithNamespace } from './site-namespace.mjs';
import { requireTargetOrg, sf } from './sf.mjs';

const args = process.argv.slice(2);
const nsAt = args.indexOf('--namespace');
const namespace = nsAt >= 0 ? args[nsAt + 1] : '';
if (nsAt >= 0 && !/^[A-Za-z][A-Za-z0-9]{0,14}$/.test(namespace ?? ''))
  fail(
    '--namespace needs the package namespace (letters and digits, up to 15), e.g. --namespace rfrl.'
  );

requireTargetOrg();
if (!fs.existsSync('force-app/site') || fs.readdirSync('force-app/site').length === 0) {
  fail('There is no site in force-app/site to deploy yet.');
}
let sourceDir = 'force-app/site';
if (namespace) {
  // the copy lives in a project folder of its own beside the repository's, deployed from there
  const project = fs.mkdtempSync(path.join(os.tmpdir(), 'site-namespace-'));
  fs.writeFileSync(
    path.join(project, 'sfdx-project.json'),
    JSON.stringify({
      packageDirectories: [{ path: 'site', default: true }],
      sourceApiVersion: JSON.parse(fs.readFileSync(path.join(ROOT, 'sfdx-project.json'), 'utf8'))
        .sourceApiVersion
    })
  );
  const changed = copySiteWithNamespace(
    path.join(ROOT, 'force-app/site'),
    path.join(project, 'site'),
    path.join(ROOT, 'force-app/main'),
    namespace
  );
  console.log(`site: ${changed.length} files name the package with the namespace ${namespace}.`);
  sourceDir = path.join(project, 'site');
}
sf(
  ['project', 'deploy', 'start', '--source-dir', sourceDir, '--wait', '30'],
  'The site deployment failed (the CLI said why above); deploy or install the package first.'
);
console.log(
  'Site deployed. Publish it in Setup > Digital Experiences > All Sites > Builder > Publish.'
);
