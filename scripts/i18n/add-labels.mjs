// Adds (or updates) custom labels with their translations in one step:
//   node scripts/i18n/add-labels.mjs <labels.json> [--root <project>]
// labels.json: { "<module folder>": { "Label_Name": { "value": "English", "description": "where it
// is shown", "es": "...", "de": "...", "fr": "..." } } }. Each label goes into
// force-app/main/<module>/labels/CustomLabels.labels-meta.xml (sorted, en_US, not protected) and its
// translations into the Translations files. Refuses a label without value, description or a language.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const {
  LANGUAGES,
  readLabels,
  readTranslations,
  writeLabelsFile,
  writeTranslations
} = require('./labels-lib.cjs');
const argv = process.argv.slice(2);
const rootAt = argv.indexOf('--root');
const ROOT =
  rootAt >= 0
    ? path.resolve(argv[rootAt + 1])
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const files = rootAt >= 0 ? argv.filter((_, i) => i !== rootAt && i !== rootAt + 1) : argv;
if (files.length === 0) {
  console.error('Name a labels JSON file: node scripts/i18n/add-labels.mjs labels.json');
  process.exit(1);
}

const existing = readLabels(ROOT);
const translations = new Map(
  LANGUAGES.map((lang) => [
    lang,
    new Map([...readTranslations(ROOT, lang)].map(([n, t]) => [n, t.label ?? '']))
  ])
);
const problems = [];
const modules = new Map();
for (const file of files) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const [module, labels] of Object.entries(data)) {
    if (!fs.existsSync(path.join(ROOT, 'force-app', 'main', module))) {
      problems.push(
        `${file}: force-app/main/${module} is not a module folder: use one of the package's folders.`
      );
      continue;
    }
    if (!modules.has(module)) {
      const rel = path.join('force-app', 'main', module, 'labels', 'CustomLabels.labels-meta.xml');
      modules.set(module, new Map(existing.filter((l) => l.file === rel).map((l) => [l.name, l])));
    }
    for (const [name, spec] of Object.entries(labels)) {
      const elsewhere = existing.find(
        (l) => l.name === name && !l.file.includes(`${path.sep}${module}${path.sep}labels`)
      );
      if (elsewhere)
        problems.push(`${file}: ${name} already exists in ${elsewhere.file}: reuse it or rename.`);
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name) || /__|_$/.test(name))
        problems.push(
          `${file}: ${name} is not a valid label name: letters, digits and single underscores.`
        );
      if (!spec.value || !spec.description)
        problems.push(`${file}: ${name} needs a value and a description.`);
      for (const lang of LANGUAGES)
        if (!spec[lang]) problems.push(`${file}: ${name} has no "${lang}" translation.`);
      modules
        .get(module)
        .set(name, { name, value: spec.value, shortDescription: spec.description });
      for (const lang of LANGUAGES) translations.get(lang).set(name, spec[lang]);
    }
  }
}
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`Nothing written: ${problems.length} problem(s).`);
  process.exit(1);
}
for (const [module, labels] of modules)
  console.log(`wrote ${writeLabelsFile(ROOT, module, labels.values())} (${labels.size} labels)`);
for (const [lang, map] of translations) writeTranslations(ROOT, lang, map);
console.log(`translations: ${LANGUAGES.join(', ')} updated`);
