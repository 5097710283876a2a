// Builds the preview bundle: the package's own LWC components (force-app/**/lwc, the same
// TypeScript that deploys, transpiled with the repo's compiler options) compiled by the LWC
// compiler through rollup + @lwc/rollup-plugin; lightning-* from lightning-base-components;
// @salesforce/* and the platform's lightning/* services from the preview modules beside this file.
// The bundle is cached under .local-org/preview-build keyed by a hash of every input file.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { layouts } from './layouts.mjs';

const require = createRequire(import.meta.url);
const { decodeXml } = require('../i18n/labels-lib.cjs');
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HERE = path.join(ROOT, 'scripts', 'preview');
const MODULES = path.join(HERE, 'modules');
export const OUT = path.join(ROOT, '.local-org', 'preview-build');

function lwcFolders(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.'))
      continue;
    const full = path.join(dir, entry.name);
    if (entry.name === 'lwc') out.push(full);
    else lwcFolders(full, out);
  }
  return out;
}

/** c/<name> -> the component's entry file (.ts, else .js), whichever domain folder holds it. */
export function componentMap() {
  const map = new Map();
  for (const folder of lwcFolders(path.join(ROOT, 'force-app'))) {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const ts = path.join(folder, entry.name, `${entry.name}.ts`);
      const js = path.join(folder, entry.name, `${entry.name}.js`);
      if (fs.existsSync(ts)) map.set(entry.name, ts);
      else if (fs.existsSync(js)) map.set(entry.name, js);
    }
  }
  return map;
}

function hashInputs() {
  const h = crypto.createHash('sha256');
  const walk = (dir) => {
    for (const e of fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name === '__tests__' || e.name === 'node_modules') continue;
        walk(full);
      } else if (/\.(ts|js|mjs|html|css|xml|json)$/.test(e.name)) {
        h.update(full);
        h.update(fs.readFileSync(full));
      }
    }
  };
  walk(path.join(ROOT, 'force-app'));
  walk(MODULES);
  for (const f of ['build.mjs', 'layouts.mjs']) h.update(fs.readFileSync(path.join(HERE, f)));
  h.update(fs.readFileSync(path.join(ROOT, 'package-lock.json')));
  return h.digest('hex').slice(0, 20);
}

const lbc = require(path.join(ROOT, 'node_modules/lightning-base-components/package.json'));
const LBC_PROVIDED = new Set(lbc.lwc.modules.map((m) => m.name).filter(Boolean));
const LIGHTNING_OVERRIDES = new Set([
  'navigation',
  'uiRecordApi',
  'platformShowToastEvent',
  'platformResourceLoader',
  'actions'
]);
// base components the platform has and lightning-base-components does not: preview components (TypeScript)
const LIGHTNING_COMPONENTS = new Set(['recordPicker', 'fileUpload']);

function customLabels() {
  const labels = new Map();
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.labels-meta.xml')) {
        const xml = fs.readFileSync(full, 'utf8');
        for (const m of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
          const name = /<fullName>(.*?)<\/fullName>/.exec(m[1])?.[1];
          const value = /<value>([\s\S]*?)<\/value>/.exec(m[1])?.[1];
          if (name) labels.set(name, value === undefined ? name : decodeXml(value));
        }
      }
    }
  };
  walk(path.join(ROOT, 'force-app'));
  return labels;
}

const I18N = {
  lang: 'en-US',
  locale: 'en-US',
  dir: 'ltr',
  timeZone: 'America/Los_Angeles',
  currency: 'USD',
  firstDayOfWeek: 1
};

/** The rollup plugin for everything the platform provides and the LWC resolver does not. */
function previewPlatform(components) {
  const labels = customLabels();
  const ts = require(path.join(ROOT, 'node_modules/typescript'));
  const tsOptions = {
    target: ts.ScriptTarget.ESNext,
    module: ts.ModuleKind.ESNext,
    useDefineForClassFields: true,
    experimentalDecorators: false,
    isolatedModules: true,
    esModuleInterop: true,
    verbatimModuleSyntax: false
  };
  const virtual = (code) => `\0preview:${Buffer.from(code).toString('base64url')}`;
  const modulePath = (rel) => path.join(MODULES, rel);
  return {
    name: 'preview-platform',
    resolveId(source) {
      if (source.startsWith('c/')) {
        const file = components.get(source.slice(2));
        if (!file) return null;
        return `${file}?specifier=${encodeURIComponent(source)}`;
      }
      if (source.startsWith('preview/')) {
        const name = source.slice('preview/'.length);
        return modulePath(`preview/${name}/${name}.js`);
      }
      if (source.startsWith('lightning/')) {
        const name = source.slice('lightning/'.length);
        if (LIGHTNING_OVERRIDES.has(name)) return modulePath(`lightning/${name}/${name}.js`);
        if (LIGHTNING_COMPONENTS.has(name))
          return `${modulePath(`lightning/${name}/${name}.ts`)}?specifier=${encodeURIComponent(source)}`;
        return null;
      }
      if (!source.startsWith('@salesforce/')) return null;
      // the user's locale settings: the same values for our components and the base components
      // (lightning-base-components lists them too, but resolves them only for its own modules)
      if (source.startsWith('@salesforce/i18n/')) {
        const key = source.slice('@salesforce/i18n/'.length);
        return virtual(`export default ${JSON.stringify(I18N[key] ?? 'en-US')};`);
      }
      if (LBC_PROVIDED.has(source)) return null;
      const [, kind, rest = ''] = /^@salesforce\/([^/]+)\/?(.*)$/.exec(source) ?? [];
      const client = JSON.stringify(modulePath('preview/platform/platform.js'));
      switch (kind) {
        case 'apex': {
          if (!rest) return virtual(`export { refreshApex, getSObjectValue } from ${client};`);
          const [cls, method] = rest.split('.');
          return virtual(
            `import { apexMethod } from ${client};\nexport default apexMethod(${JSON.stringify(cls)}, ${JSON.stringify(method)});`
          );
        }
        case 'schema': {
          const [obj, ...field] = rest.split('.');
          const value = field.length
            ? { objectApiName: obj, fieldApiName: field.join('.') }
            : { objectApiName: obj };
          return virtual(`export default ${JSON.stringify(value)};`);
        }
        case 'label': {
          const name = rest.split('.').slice(1).join('.') || rest;
          return virtual(
            `export default ${JSON.stringify(labels.get(name) ?? labels.get(rest) ?? name)};`
          );
        }
        case 'user':
          return virtual(
            `import { currentUser } from ${client};\nexport default currentUser(${JSON.stringify(rest)});`
          );
        case 'client':
          return virtual(`export default 'Large';`);
        case 'resourceUrl':
          return virtual(`export default ${JSON.stringify(`/resource/${rest}`)};`);
        case 'customPermission':
        case 'userPermission':
          return virtual(
            `import { hasPermission } from ${client};\nexport default hasPermission(${JSON.stringify(rest)});`
          );
        default:
          return virtual(`export default undefined;`);
      }
    },
    load(id) {
      if (id.startsWith('\0preview:'))
        return Buffer.from(id.slice('\0preview:'.length), 'base64url').toString('utf8');
      return null;
    },
    transform(code, id) {
      const file = id.split('?')[0];
      if (!file.endsWith('.ts')) return null;
      const out = ts.transpileModule(code, { compilerOptions: tsOptions, fileName: file });
      return { code: out.outputText, map: null };
    }
  };
}

/** The entry module: synthetic shadow (as Lightning Experience), every component the pages use, the shell. */
function entrySource(components, manifest) {
  const used = new Set();
  for (const page of Object.values(manifest)) for (const c of page.components) used.add(c.name);
  for (const extra of [
    'logVerbalReferral',
    'inviteAdvocates',
    'advocateLeaderboard',
    'rewardApprovals',
    'referralReviewQueue',
    'programSimulator',
    'programMetrics',
    'portalNavigation'
  ])
    if (components.has(extra)) used.add(extra);
  const names = [...used].filter((n) => components.has(n)).sort();
  const lines = ["import '@lwc/synthetic-shadow';", "import { start } from 'preview/shell';"];
  names.forEach((n, i) => lines.push(`import C${i} from 'c/${n}';`));
  lines.push(
    `const components = { ${names.map((n, i) => `${JSON.stringify(n)}: C${i}`).join(', ')} };`
  );
  lines.push(`start(components, ${JSON.stringify(manifest)});`);
  return lines.join('\n');
}

/** Builds (or reuses) the bundle; returns { dir, hash, ms, cached }. */
export async function buildPreview({ force = false, log = () => {} } = {}) {
  const t0 = Date.now();
  const hash = hashInputs();
  const dir = OUT;
  const stamp = path.join(dir, 'hash');
  if (
    !force &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === hash &&
    fs.existsSync(path.join(dir, 'app.js'))
  )
    return { dir, hash, ms: Date.now() - t0, cached: true };
  log('compiling the components (LWC compiler, rollup)...');
  const { rollup } = await import('rollup');
  const lwc = (await import('@lwc/rollup-plugin')).default;
  const replace = (await import('@rollup/plugin-replace')).default;
  const components = componentMap();
  const manifest = layouts(ROOT, components);
  fs.mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, 'entry.js');
  fs.writeFileSync(entry, entrySource(components, manifest));
  const bundle = await rollup({
    input: entry,
    plugins: [
      replace({
        preventAssignment: true,
        values: {
          'process.env.NODE_ENV': JSON.stringify('production'),
          'import.meta.env.SSR': 'false'
        }
      }),
      previewPlatform(components),
      lwc({
        rootDir: MODULES,
        modules: [{ dir: MODULES }, { npm: 'lightning-base-components' }],
        enableDynamicComponents: true,
        // lightning-combobox and friends use ElementInternals; Lightning Experience runs synthetic shadow
        enableSyntheticElementInternals: true
      })
    ],
    onwarn(w, warn) {
      if (
        w.plugin === 'rollup-plugin-lwc-compiler' &&
        /node_modules/.test(w.id || w.loc?.file || w.message)
      )
        return;
      if (
        w.code === 'CIRCULAR_DEPENDENCY' ||
        w.code === 'THIS_IS_UNDEFINED' ||
        /rootDir/.test(w.message)
      )
        return;
      warn(w);
    }
  });
  await bundle.write({
    file: path.join(dir, 'app.js'),
    format: 'es',
    sourcemap: false,
    inlineDynamicImports: true
  });
  await bundle.close();
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  fs.writeFileSync(stamp, hash);
  return { dir, hash, ms: Date.now() - t0, cached: false };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await buildPreview({ force: process.argv.includes('--force'), log: console.log });
  console.log(
    `preview bundle ${r.cached ? 'up to date' : 'built'} in ${r.ms} ms: ${path.relative(ROOT, r.dir)}/app.js`
  );
}
