// npm run package:check: a rehearsal, offline, of what `sf package version create` would refuse for
// the managed package in force-app/main (issue 13 point 6), as far as it can be known without an org:
//   1. types       every metadata file is of a type a second-generation managed package may contain
//   2. references  what the package's metadata names (components on pages, actions on layouts, tabs
//                  in the app, classes, objects, fields and tabs in permission sets, the install
//                  scripts) is in the package or is standard, never only in force-app/site
//   3. api         every apiVersion in the package equals sourceApiVersion of sfdx-project.json
//   4. global      every global class and member is listed in docs/api.md, and docs/api.md lists
//                  no global member that does not exist (global signatures can never change)
// Each problem is one sentence saying what is wrong and how to fix it; any problem fails the check.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

const PACKAGE_DIR = 'force-app/main';
const API_DOC = 'docs/api.md';
const problems = [];
const say = (message) => problems.push(message);
const rel = (file) => path.relative(ROOT, file).split(path.sep).join('/');

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__tests__' && entry.name !== 'node_modules') walk(full, out);
    } else out.push(full);
  }
  return out;
}

const project = JSON.parse(readFileSync(path.join(ROOT, 'sfdx-project.json'), 'utf8'));
const packageEntry = (project.packageDirectories ?? []).find(
  (d) => path.normalize(d.path) === path.normalize(PACKAGE_DIR)
);
if (!packageEntry) say(`sfdx-project.json has no package directory ${PACKAGE_DIR}; add it.`);
const files = walk(path.join(ROOT, PACKAGE_DIR));
const siteFiles = (project.packageDirectories ?? [])
  .filter((d) => path.normalize(d.path) !== path.normalize(PACKAGE_DIR))
  .flatMap((d) => walk(path.join(ROOT, d.path)));

// ---------------------------------------------------------------- 1. metadata types
// Source-format suffixes of the types this package uses, each checked against the Metadata
// Coverage Report ("2GP Managed Packages" column). A type the report marks unsupported is in
// NOT_PACKAGEABLE; a suffix in neither list must be looked up before it is added.
const PACKAGEABLE = new Map([
  ['.cls-meta.xml', 'ApexClass'],
  ['.trigger-meta.xml', 'ApexTrigger'],
  ['.js-meta.xml', 'LightningComponentBundle'],
  ['.app-meta.xml', 'CustomApplication'],
  ['.object-meta.xml', 'CustomObject'],
  ['.field-meta.xml', 'CustomField'],
  ['.validationRule-meta.xml', 'ValidationRule'],
  ['.listView-meta.xml', 'ListView'],
  ['.compactLayout-meta.xml', 'CompactLayout'],
  ['.webLink-meta.xml', 'WebLink'],
  ['.recordType-meta.xml', 'RecordType'],
  ['.fieldSet-meta.xml', 'FieldSet'],
  ['.layout-meta.xml', 'Layout'],
  ['.flexipage-meta.xml', 'FlexiPage'],
  // Paths of the Referral and Reward record pages (issue 14); PathAssistant, Metadata API 34.0+.
  ['.pathAssistant-meta.xml', 'PathAssistant'],
  ['.tab-meta.xml', 'CustomTab'],
  ['.permissionset-meta.xml', 'PermissionSet'],
  ['.permissionsetgroup-meta.xml', 'PermissionSetGroup'],
  ['.customPermission-meta.xml', 'CustomPermission'],
  ['.labels-meta.xml', 'CustomLabels'],
  ['.translation-meta.xml', 'Translations'],
  ['.objectTranslation-meta.xml', 'CustomObjectTranslation'],
  ['.fieldTranslation-meta.xml', 'CustomFieldTranslation'],
  ['.md-meta.xml', 'CustomMetadata'],
  ['.resource-meta.xml', 'StaticResource'],
  ['.email-meta.xml', 'EmailTemplate'],
  ['.emailFolder-meta.xml', 'EmailFolder'],
  ['.flow-meta.xml', 'Flow'],
  ['.quickAction-meta.xml', 'QuickAction'],
  ['.notiftype-meta.xml', 'CustomNotificationType'],
  ['.messageChannel-meta.xml', 'LightningMessageChannel'],
  ['.reportType-meta.xml', 'ReportType'],
  ['.report-meta.xml', 'Report'],
  ['.dashboard-meta.xml', 'Dashboard'],
  // the folders travel with their reports and dashboards (Report and Dashboard types)
  ['.reportFolder-meta.xml', 'ReportFolder'],
  ['.dashboardFolder-meta.xml', 'DashboardFolder'],
  ['.page-meta.xml', 'ApexPage'],
  ['.globalValueSet-meta.xml', 'GlobalValueSet']
]);
const NOT_PACKAGEABLE = new Map([
  ['.network-meta.xml', 'Network'],
  ['.site-meta.xml', 'CustomSite'],
  ['.digitalExperience-meta.xml', 'DigitalExperienceBundle'],
  ['.digitalExperienceConfig-meta.xml', 'DigitalExperienceConfig'],
  ['.sharingSet-meta.xml', 'SharingSet'],
  ['.navigationMenu-meta.xml', 'NavigationMenu'],
  ['.settings-meta.xml', 'Settings'],
  ['.standardValueSet-meta.xml', 'StandardValueSet'],
  ['.queue-meta.xml', 'Queue'],
  ['.group-meta.xml', 'Group'],
  ['.role-meta.xml', 'Role'],
  ['.assignmentRules-meta.xml', 'AssignmentRules'],
  ['.autoResponseRules-meta.xml', 'AutoResponseRules'],
  ['.escalationRules-meta.xml', 'EscalationRules'],
  ['.profile-meta.xml', 'Profile']
]);
// files inside a bundle or beside their -meta.xml, not metadata of their own
const BUNDLE_PARTS = /\/(lwc|aura|staticresources|email)\//;
const typeOf = new Map();
for (const file of files) {
  const name = rel(file);
  const suffix = /(\.[A-Za-z]+-meta\.xml)$/.exec(name)?.[1];
  if (!suffix) {
    // Apex and Visualforce sources sit beside their -meta.xml (MyPage.page, MyPage.page-meta.xml)
    if (BUNDLE_PARTS.test(name) || /\.(cls|trigger|page|component)$/.test(name)) continue;
    say(`${name} is not metadata (no -meta.xml): move it out of ${PACKAGE_DIR}.`);
    continue;
  }
  if (NOT_PACKAGEABLE.has(suffix)) {
    say(
      `${name} is a ${NOT_PACKAGEABLE.get(suffix)}, which a managed package cannot contain: move it to force-app/site and deploy it after the package.`
    );
  } else if (!PACKAGEABLE.has(suffix)) {
    say(
      `${name}: the type of "${suffix}" is not known to this check; look it up in the Metadata Coverage Report (2GP managed packages) and add it to scripts/checks/package.mjs.`
    );
  } else typeOf.set(name, PACKAGEABLE.get(suffix));
}

// ---------------------------------------------------------------- 2. references
const baseName = (file, suffix) => path.basename(file).slice(0, -suffix.length);
const named = (list, suffix) =>
  new Set(list.filter((f) => f.endsWith(suffix)).map((f) => baseName(f, suffix)));
const inPackage = {
  classes: named(files, '.cls'),
  lwc: new Set(
    files.filter((f) => f.endsWith('.js-meta.xml')).map((f) => baseName(f, '.js-meta.xml'))
  ),
  objects: named(files, '.object-meta.xml'),
  tabs: named(files, '.tab-meta.xml'),
  flexipages: named(files, '.flexipage-meta.xml'),
  flows: named(files, '.flow-meta.xml'),
  quickActions: named(files, '.quickAction-meta.xml'),
  pages: named(files, '.page-meta.xml'),
  fields: new Set(
    files
      .filter((f) => f.endsWith('.field-meta.xml'))
      .map(
        (f) => `${path.basename(path.dirname(path.dirname(f)))}.${baseName(f, '.field-meta.xml')}`
      )
  )
};
const inSite = {
  classes: named(siteFiles, '.cls'),
  lwc: new Set(
    siteFiles.filter((f) => f.endsWith('.js-meta.xml')).map((f) => baseName(f, '.js-meta.xml'))
  )
};
const isCustom = (name) => /__(c|mdt|e|x)$/.test(name) || /__c\./.test(name);
const tags = (text, tag) =>
  [...text.matchAll(new RegExp(`<${tag}>([^<]+)</${tag}>`, 'g'))].map((m) => m[1].trim());
const where = (name, kind) =>
  inSite[kind]?.has(name) ? ' (it is only in force-app/site, outside the package)' : '';

function requireIn(kind, name, file, what) {
  if (inPackage[kind].has(name)) return;
  say(
    `${rel(file)} names ${what} ${name}, which is not in ${PACKAGE_DIR}${where(name, kind)}: add it to the package or remove the reference.`
  );
}

for (const file of files) {
  const text = file.endsWith('-meta.xml') ? readFileSync(file, 'utf8') : '';
  if (file.endsWith('.flexipage-meta.xml')) {
    // custom components are named bare (advocateActivity) or c:name; platform ones ns:name
    for (const c of tags(text, 'componentName'))
      if (!c.includes(':') || c.startsWith('c:'))
        requireIn('lwc', c.replace(/^c:/, ''), file, 'the component');
    // Dynamic Actions on a record page: the package's own quick actions (names with an underscore)
    for (const a of tags(text, 'value'))
      if (/^[A-Za-z_]+\.[A-Za-z]+_\w+$/.test(a) && !a.includes('__'))
        requireIn('quickActions', a, file, 'the quick action');
  }
  if (file.endsWith('.layout-meta.xml')) {
    // the package's own quick actions have an underscore; standard ones (NewTask, FeedItem.TextPost) none
    for (const a of tags(text, 'quickActionName'))
      if (/_/.test(a.split('.').pop())) requireIn('quickActions', a, file, 'the quick action');
  }
  if (file.endsWith('.app-meta.xml')) {
    for (const t of tags(text, 'tabs')) if (isCustom(t)) requireIn('tabs', t, file, 'the tab');
    for (const c of tags(text, 'content'))
      if (!inPackage.flexipages.has(c) && /_/.test(c))
        requireIn('flexipages', c, file, 'the Lightning page');
    for (const p of tags(text, 'utilityBar')) requireIn('flexipages', p, file, 'the utility bar');
  }
  if (file.endsWith('.permissionset-meta.xml')) {
    for (const c of tags(text, 'apexClass')) requireIn('classes', c, file, 'the Apex class');
    for (const o of tags(text, 'object'))
      if (isCustom(o)) requireIn('objects', o, file, 'the object');
    for (const f of tags(text, 'field')) if (isCustom(f)) requireIn('fields', f, file, 'the field');
    for (const t of tags(text, 'tab')) if (isCustom(t)) requireIn('tabs', t, file, 'the tab');
    for (const p of tags(text, 'apexPage')) requireIn('pages', p, file, 'the Visualforce page');
  }
  if (file.endsWith('.quickAction-meta.xml')) {
    for (const c of tags(text, 'lightningWebComponent'))
      requireIn('lwc', c.replace(/^c:/, ''), file, 'the component');
    for (const f of tags(text, 'flowDefinition')) requireIn('flows', f, file, 'the flow');
  }
  if (file.endsWith('.webLink-meta.xml')) {
    const url = tags(text, 'url')[0] ?? '';
    // a flow installed from a managed package is /flow/<namespace>/<flow>, and a button's URL has
    // no merge field for the namespace: /flow/<flow> works where the package is developed only
    const flow = /^\/flow\/([^?/]+)(\?|$)/.exec(url);
    if (flow)
      say(
        `${rel(file)} opens /flow/${flow[1]} without the namespace, which breaks once the package is installed (a managed flow's address is /flow/${project.namespace || '<namespace>'}/${flow[1]}): open it from a Visualforce page that builds the address with its own namespace, or from a quick action.`
      );
    if (tags(text, 'linkType')[0] === 'page') {
      const page = tags(text, 'page')[0] ?? '';
      requireIn('pages', page, file, 'the Visualforce page');
      const source = files.find((f) => f.endsWith(`/pages/${page}.page`));
      const object = path.basename(path.dirname(path.dirname(file)));
      const markup = source ? readFileSync(source, 'utf8') : '';
      if (source && !new RegExp(`standardController="${object}"`, 'i').test(markup))
        say(
          `${rel(file)} is a ${object} button on the page ${page}, which does not use standardController="${object}": the platform offers a page as a button only for its standard controller's object.`
        );
      if (
        source &&
        tags(text, 'displayType')[0] === 'massActionButton' &&
        !/recordSetVar="/i.test(markup)
      )
        say(
          `${rel(file)} is a list view button on the page ${page}, which has no recordSetVar: a list button's page needs the standard list controller (recordSetVar) to receive the selection.`
        );
    }
  }
}
for (const key of ['postInstallScript', 'uninstallScript']) {
  const name = packageEntry?.[key];
  if (!name) continue;
  const file = files.find((f) => path.basename(f) === `${name}.cls`);
  if (!file) {
    say(
      `sfdx-project.json ${key} is ${name}, which is not an Apex class in ${PACKAGE_DIR}: create it or correct the name.`
    );
    continue;
  }
  const iface = key === 'postInstallScript' ? 'InstallHandler' : 'UninstallHandler';
  const source = readFileSync(file, 'utf8');
  if (!new RegExp(`implements[^{]*\\b${iface}\\b`).test(source))
    say(`${rel(file)} is the ${key} but does not implement ${iface}: add "implements ${iface}".`);
  const declaredWithSharing = (text) => /^\s*(?:public|global)\s+with sharing\s+class/m.test(text);
  if (declaredWithSharing(source))
    say(
      `${rel(file)} is declared with sharing; a post-install or uninstall script cannot run with sharing: declare it without sharing and say why.`
    );
  // "it can't call another Apex class in the package if that class uses the with sharing keyword"
  // (InstallHandler, Apex Reference): the classes it names directly
  for (const other of files.filter((f) => f.endsWith('.cls') && f !== file)) {
    const otherName = path.basename(other, '.cls');
    if (!new RegExp(`\\b${otherName}\\b`).test(source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      continue;
    if (declaredWithSharing(readFileSync(other, 'utf8')))
      say(
        `${rel(file)} (${key}) calls ${otherName}, which is declared with sharing; an install script cannot call it: use a class declared inherited sharing or without sharing.`
      );
  }
}

// ---------------------------------------------------------------- 3. API versions
const sourceApi = String(project.sourceApiVersion ?? '');
if (!/^\d+\.0$/.test(sourceApi))
  say(
    `sfdx-project.json sourceApiVersion "${sourceApi}" is not an API version such as 62.0: set it.`
  );
for (const file of files.filter((f) => f.endsWith('-meta.xml'))) {
  const text = readFileSync(file, 'utf8');
  for (const version of tags(text, 'apiVersion'))
    if (version !== sourceApi)
      say(
        `${rel(file)} has apiVersion ${version}, the project ${sourceApi}: set it to ${sourceApi} (one API version across the package).`
      );
}

// ---------------------------------------------------------------- 4. global surface
/** Global classes and members of one Apex file: ['Class', 'Class.member', 'Class.Inner.member']. */
function globalsOf(source) {
  const out = [];
  const classAt = []; // class name by indent level (prettier-apex: 4 spaces a level)
  const interfaceAt = []; // whether that level is a global interface
  for (const line of source.split('\n')) {
    const m = /^(\s*)(?:@\w+(?:\([^)]*\))?\s+)*global\s+(.*)$/.exec(line);
    const decl =
      /^(\s*)(?:public|global|private)?\s*(?:with sharing|without sharing|inherited sharing)?\s*(?:virtual |abstract )?(?:class|interface|enum)\s+(\w+)/.exec(
        line
      );
    if (decl) {
      classAt[decl[1].length / 4] = decl[2];
      interfaceAt[decl[1].length / 4] = Boolean(m) && /\binterface\b/.test(line);
    }
    // the methods of a global interface are global without the keyword
    const indent = /^(\s*)/.exec(line)[1].length / 4;
    const signature = /^\s*[\w<>,. ]+\s+(\w+)\s*\([^)]*\)\s*;/.exec(line);
    if (!m && signature && indent > 0 && interfaceAt[indent - 1])
      out.push(`${classAt.slice(0, indent).join('.')}.${signature[1]}`);
    if (!m) continue;
    const level = m[1].length / 4;
    if (decl) {
      out.push(classAt.slice(0, level + 1).join('.'));
      continue;
    }
    const head = m[2].split('=')[0];
    const member = /(\w+)\s*\(/.exec(head) ?? /(\w+)\s*(?:;|\{|$)/.exec(head.trim());
    if (member) out.push(`${classAt.slice(0, level).join('.')}.${member[1]}`);
  }
  return out;
}
const globals = new Set();
for (const file of files.filter((f) => f.endsWith('.cls')))
  for (const g of globalsOf(readFileSync(file, 'utf8'))) globals.add(g);
if (process.argv.includes('--list-globals')) console.log([...globals].sort().join('\n'));
const docFile = path.join(ROOT, API_DOC);
if (!existsSync(docFile)) {
  if (globals.size > 0)
    say(`${API_DOC} is missing; document the ${globals.size} global classes and members in it.`);
} else {
  const doc = readFileSync(docFile, 'utf8');
  const documented = new Set([...doc.matchAll(/`([A-Z]\w*(?:\.\w+)*)`/g)].map((m) => m[1]));
  for (const g of [...globals].sort())
    if (!documented.has(g))
      say(
        `global ${g} is not documented in ${API_DOC}: add \`${g}\` with what it does (global signatures can never change).`
      );
  const surface = /## Global surface([\s\S]*?)(\n## |$)/.exec(doc)?.[1] ?? '';
  if (!surface)
    say(`${API_DOC} has no "## Global surface" section listing every global class and member.`);
  for (const m of surface.matchAll(/`([A-Z]\w*(?:\.\w+)*)`/g))
    if (!globals.has(m[1]))
      say(
        `${API_DOC} lists \`${m[1]}\` in its global surface, but no such global exists in ${PACKAGE_DIR}: remove it or make it global on purpose.`
      );
  if (!/cannot change|can never change|can't change/i.test(doc))
    say(`${API_DOC} must say that global signatures cannot change once a version is released.`);
}

// ---------------------------------------------------------------- verdict
const counts = `${typeOf.size} metadata files, ${globals.size} global classes and members, API ${sourceApi}`;
if (problems.length === 0) {
  console.log(
    `package:check: ${counts}; nothing sf package version create would refuse for these reasons.`
  );
} else {
  for (const p of problems) console.log(`package:check: ${p}`);
  console.log(`package:check: ${problems.length} problem(s) (${counts}).`);
  process.exit(1);
}
