// Gate: the source converts to Metadata API format (sf project convert source), and every
// converted *.xml matches the Metadata API schema shipped in @jsforce/jsforce-node: an unknown
// element, a missing type or a value of the wrong type fails, naming the file and the element.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { XMLParser } from 'fast-xml-parser';
import { fail, run, ROOT } from './lib.mjs';
import { checkAnalytics } from './analytics.mjs';

const require = createRequire(import.meta.url);
const { ApiSchemas } = require('@jsforce/jsforce-node/lib/api/metadata/schema.js');

// Elements the WSDL types as a plain string but whose content is structured XML in practice.
const OPAQUE = new Set(['LightningComponentBundle.targetConfigs']);

// Types and elements added to the Metadata API after the WSDL that jsforce's schema was generated
// from (Metadata API Developer Guide, FlexiPage, API 47.0 and later: regions hold itemInstances).
// Each addition names its source; anything not listed here or in the schema is still unknown.
const SCHEMA_ADDITIONS = {
  FlexiPageRegion: { itemInstances: ['ItemInstance'] },
  ComponentInstance: { identifier: '?string' },
  ItemInstance: { componentInstance: '?ComponentInstance', fieldInstance: '?FieldInstance' },
  FieldInstance: {
    fieldInstanceProperties: ['FieldInstanceProperty'],
    fieldItem: 'string',
    identifier: '?string',
    visibilityRule: '?UiFormulaRule'
  },
  FieldInstanceProperty: { name: '?string', value: '?string' },
  // FlexiPage, ComponentInstanceProperty.valueList (ComponentInstancePropertyList of
  // ComponentInstancePropertyListItem): list-valued properties such as the Dynamic Actions of the
  // highlights panel (actionNames).
  ComponentInstanceProperty: { valueList: '?ComponentInstancePropertyList' },
  ComponentInstancePropertyList: { valueListItems: ['ComponentInstancePropertyListItem'] },
  ComponentInstancePropertyListItem: { value: '?string', visibilityRule: '?UiFormulaRule' },
  // QuickAction, API 45.0 and later: Lightning web component actions.
  QuickAction: { actionSubtype: '?string', lightningWebComponent: '?string' },
  // DigitalExperienceConfig and DigitalExperienceBundle, API 56.0 and later (LWR sites as source).
  DigitalExperienceConfig: {
    label: 'string',
    site: 'DigitalExperienceConfigSite',
    space: 'string'
  },
  DigitalExperienceConfigSite: { urlPathPrefix: '?string' },
  DigitalExperienceBundle: { description: '?string', label: 'string' }
};

function typeExists(name) {
  return Boolean(ApiSchemas[name] || SCHEMA_ADDITIONS[name]);
}

/** The props of a schema type, its ancestors' included. */
function propsOf(typeName) {
  const props = { ...(SCHEMA_ADDITIONS[typeName] ?? {}) };
  for (let type = ApiSchemas[typeName]; type; type = ApiSchemas[type.extends]) {
    for (const [name, spec] of Object.entries(type.props ?? {}))
      if (!(name in props)) props[name] = spec;
  }
  return props;
}

function describe(spec) {
  const isArray = Array.isArray(spec);
  const raw = isArray ? spec[0] : spec;
  const name = raw.replace(/^\?/, '');
  return { isArray, name };
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  processEntities: false
});

function textOf(children) {
  return children
    .filter((c) => '#text' in c)
    .map((c) => String(c['#text']))
    .join('');
}

function elementsOf(children) {
  return children.filter((c) => !('#text' in c) && !('#comment' in c));
}

function tagOf(node) {
  return Object.keys(node).find((k) => k !== ':@');
}

/** Validates the children of an element of schema type typeName; pushes problems. */
function validate(typeName, children, trail, problems) {
  const props = propsOf(typeName);
  const seen = new Map();
  for (const node of elementsOf(children)) {
    const tag = tagOf(node);
    const where = `${trail}/${tag}`;
    const spec = props[tag];
    if (!spec) {
      problems.push(`${where}: unknown element <${tag}> in ${typeName}`);
      continue;
    }
    const { isArray, name } = describe(spec);
    seen.set(tag, (seen.get(tag) ?? 0) + 1);
    if (!isArray && seen.get(tag) > 1)
      problems.push(`${where}: <${tag}> may appear only once in ${typeName}`);
    const content = node[tag];
    if (OPAQUE.has(`${typeName}.${tag}`)) continue;
    if (name === 'string' || name === 'any') {
      if (elementsOf(content).length > 0)
        problems.push(`${where}: <${tag}> must be text, found child elements`);
    } else if (name === 'boolean') {
      const value = textOf(content);
      if (value !== 'true' && value !== 'false')
        problems.push(`${where}: <${tag}> must be true or false, found "${value}"`);
    } else if (name === 'number') {
      const value = textOf(content);
      if (!/^-?\d+(\.\d+)?$/.test(value))
        problems.push(`${where}: <${tag}> must be a number, found "${value}"`);
    } else if (typeExists(name)) {
      const xsiType = node[':@']?.['@_xsi:type'];
      const concrete = xsiType && typeExists(xsiType) ? xsiType : name;
      validate(concrete, content, where, problems);
    } else {
      problems.push(`${where}: the schema has no type ${name} (for <${tag}>)`);
    }
  }
}

function validateFile(file, relative, problems) {
  let document;
  try {
    document = parser.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${relative}: not well-formed XML: ${error.message}`);
    return;
  }
  const roots = elementsOf(document);
  if (roots.length !== 1) {
    problems.push(`${relative}: expected one root element, found ${roots.length}`);
    return;
  }
  const rootTag = tagOf(roots[0]);
  if (!typeExists(rootTag)) {
    problems.push(`${relative}: <${rootTag}> is not a Metadata API type`);
    return;
  }
  const before = problems.length;
  validate(rootTag, roots[0][rootTag], rootTag, problems);
  for (let i = before; i < problems.length; i++) problems[i] = `${relative}: ${problems[i]}`;
}

function isXml(file) {
  const head = Buffer.alloc(64);
  const fd = fs.openSync(file, 'r');
  const read = fs.readSync(fd, head, 0, 64, 0);
  fs.closeSync(fd);
  return /^\uFEFF?\s*<\?xml/.test(head.subarray(0, read).toString('utf8'));
}

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

// Components deploy as compiled JavaScript: build first so every bundle is complete.
if (run(process.execPath, ['scripts/build/compile-ts.mjs']) !== 0)
  fail('metadata: the build failed.');

const packageDirs = JSON.parse(fs.readFileSync(path.join(ROOT, 'sfdx-project.json'), 'utf8'))
  .packageDirectories.map((entry) => entry.path)
  .filter((dir) => fs.existsSync(path.join(ROOT, dir)));
const outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'referral-mdapi-'));
const problems = [];
let checked = 0;
try {
  for (const dir of packageDirs) {
    const outDir = path.join(outRoot, dir.replace(/[\\/]/g, '_'));
    const sf = path.join(ROOT, 'node_modules', '.bin', 'sf');
    if (!fs.existsSync(sf))
      fail('metadata: the Salesforce CLI is missing from node_modules; run npm ci.');
    const status = run(
      sf,
      ['project', 'convert', 'source', '--root-dir', dir, '--output-dir', outDir],
      {
        env: {
          ...process.env,
          PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
          SF_DISABLE_TELEMETRY: 'true',
          SF_AUTOUPDATE_DISABLE: 'true',
          SF_HIDE_RELEASE_NOTES: 'true'
        },
        stdio: ['ignore', 'ignore', 'inherit']
      }
    );
    if (status !== 0) fail(`metadata: sf project convert source failed for ${dir} (errors above).`);
    for (const file of walk(outDir)) {
      // Metadata API files are XML whatever their ending (.object, .layout, .permissionset...).
      if (path.basename(file) === 'package.xml' || !isXml(file)) continue;
      const relative = `${dir}:${path.relative(outDir, file)}`;
      validateFile(file, relative, problems);
      checked++;
    }
  }
} finally {
  fs.rmSync(outRoot, { recursive: true, force: true });
}
// Report types, reports and dashboards: fields, report types and reports they name exist.
const analytics = checkAnalytics(packageDirs.map((dir) => path.join(ROOT, dir)));
problems.push(...analytics.problems);
for (const problem of problems) console.log(problem);
console.log(
  `metadata: ${analytics.counts.reportTypes} report types, ${analytics.counts.reports} reports and ${analytics.counts.dashboards} dashboards checked against the objects' fields, their report types and reports, ${analytics.problems.length} problems`
);
console.log(
  `metadata: ${checked} metadata files converted and checked against the Metadata API schema, ${problems.length} problems`
);
if (problems.length > 0 || checked === 0) process.exit(1);
