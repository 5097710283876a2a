// Jest under a namespace (issue 13): the components as a subscriber's org runs them after a
// managed install. Every `@salesforce/schema/...` import resolves to the prefixed API names
// (`rfrl__Advocate__c`, `rfrl__Advocate__c.rfrl__Email__c`), as the platform hands them to a
// namespaced package; standard objects and fields stay as they are. Only the component tests that
// import the schema run (each component's own test file), so the run stays short.
// The tests take API names from the same imports, so a component that compares with or passes a
// literal API name fails here. `@salesforce/apex` imports need no mapping: the component never
// sees the class name, and the platform resolves it inside the package's namespace.
//   npm run test:unit:namespace
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const base = require('./jest.config.js');

const NAMESPACE = 'rfrl';
const SOURCES = path.join(__dirname, 'force-app');
const SCHEMA_IMPORT = /['"]@salesforce\/schema\/([\w.]+)['"]/g;

/** `Advocate__c` -> `rfrl__Advocate__c`; standard names and already prefixed names unchanged. */
function prefixed(name) {
  if (!/__[a-z]+$/i.test(name) || /^[A-Za-z0-9]+__\w+__[a-z]+$/i.test(name)) return name;
  return `${NAMESPACE}__${name}`;
}

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|js|html)$/.test(entry.name)) out.push(full);
  }
  return out;
}

// every schema import of the project, and the lwc folders that use one
const imports = new Set();
const components = new Set();
for (const file of walk(SOURCES)) {
  const text = fs.readFileSync(file, 'utf8');
  for (const match of text.matchAll(SCHEMA_IMPORT)) {
    imports.add(match[1]);
    const lwc = /^(.*\/lwc\/[^/]+)\//.exec(file.split(path.sep).join('/'));
    if (lwc) components.add(lwc[1]);
  }
}

// one module per import, in a folder of the machine's temp dir keyed by this checkout
const key = crypto.createHash('sha1').update(__dirname).digest('hex').slice(0, 12);
const dir = path.join(os.tmpdir(), `jest-namespace-${key}`);
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
for (const name of imports) {
  const [object, ...fieldPath] = name.split('.');
  const value = { objectApiName: prefixed(object) };
  if (fieldPath.length > 0) value.fieldApiName = fieldPath.map(prefixed).join('.');
  fs.writeFileSync(
    path.join(dir, `${name}.js`),
    `module.exports = { __esModule: true, default: ${JSON.stringify(value)} };\n`
  );
}

module.exports = {
  ...base,
  testMatch: [...components].map(
    (c) => `<rootDir>${c.slice(__dirname.length)}/__tests__/${path.basename(c)}.test.ts`
  ),
  moduleNameMapper: {
    ...(base.moduleNameMapper ?? {}),
    '^@salesforce/schema/([\\w.]+)$': `${dir}/$1.js`
  },
  // read by a test that checks the run is namespaced (logVerbalReferral.test.ts)
  globals: { ...(base.globals ?? {}), SCHEMA_NAMESPACE: NAMESPACE },
  collectCoverage: false,
  coverageThreshold: undefined
};
