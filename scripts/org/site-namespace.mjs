// The site (force-app/site) names the package's components, permission set, classes, object and
// fields without a namespace, as they are in development. In an org where the package is installed
// with a namespace they carry it, so `npm run org:deploy:site -- --namespace <ns>` deploys a copy
// with every such name prefixed (issue 13):
//   "definition": "c:myRewards"            -> "ns:myRewards"          (LWR views and theme layout)
//   <permissionSet>Referral_Program_...     -> ns__Referral_Program_... (network)
//   <apexClass>AdvocateJoinController       -> ns__AdvocateJoinController (guest profile)
//   <object>Advocate__c, <objectField>...   -> ns__Advocate__c, ns__Contact__c (sharing set)
// Only names that exist in the package (force-app/main) change; standard names and the site's own
// route names (My_Rewards__c is a route, not a field) stay.
import fs from 'node:fs';
import path from 'node:path';

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** What the package defines, by the names the site may use. */
export function packageNames(packageDir) {
  const files = walk(packageDir);
  const base = (suffix) =>
    new Set(files.filter((f) => f.endsWith(suffix)).map((f) => path.basename(f, suffix)));
  return {
    components: base('.js-meta.xml'),
    permissionSets: base('.permissionset-meta.xml'),
    classes: base('.cls'),
    objects: base('.object-meta.xml'),
    fields: new Set(
      files
        .filter((f) => f.endsWith('.field-meta.xml'))
        .map((f) => path.basename(f, '.field-meta.xml'))
    )
  };
}

/** One file's text with the package's names prefixed by namespace `ns`. */
export function prefixSiteFile(file, text, names, ns) {
  const tag = (tagName, known, join) => (t) =>
    t.replace(new RegExp(`<${tagName}>([^<]+)</${tagName}>`, 'g'), (whole, name) =>
      known.has(name) ? `<${tagName}>${ns}${join}${name}</${tagName}>` : whole
    );
  let out = text;
  if (file.endsWith('.json'))
    out = out.replace(/"definition": "c:(\w+)"/g, (whole, name) =>
      names.components.has(name) ? `"definition": "${ns}:${name}"` : whole
    );
  if (file.endsWith('.network-meta.xml'))
    out = tag('permissionSet', names.permissionSets, '__')(out);
  if (file.endsWith('.profile-meta.xml')) {
    out = tag('apexClass', names.classes, '__')(out);
    out = tag('object', names.objects, '__')(out);
  }
  if (file.endsWith('.sharingSet-meta.xml')) {
    out = tag('object', names.objects, '__')(out);
    out = tag('objectField', names.fields, '__')(out);
  }
  return out;
}

/** Copies siteDir to targetDir with every file's package names prefixed; returns the files changed. */
export function copySiteWithNamespace(siteDir, targetDir, packageDir, ns) {
  const names = packageNames(packageDir);
  const changed = [];
  for (const file of walk(siteDir)) {
    const target = path.join(targetDir, path.relative(siteDir, file));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const text = fs.readFileSync(file, 'utf8');
    const out = prefixSiteFile(file, text, names, ns);
    if (out !== text) changed.push(path.relative(siteDir, file));
    fs.writeFileSync(target, out);
  }
  return changed;
}
