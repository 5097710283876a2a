// Merges translations written as JSON ({ "Label_Name": { "es": "...", "de": "...", "fr": "..." } },
// the format helpers write to translations-<branch>.json) into the package's Translations files,
// force-app/main/core/translations/<lang>.translation-meta.xml.
//   node scripts/i18n/merge-translations.mjs <file.json> [more.json ...] [--root <project>]
// Refuses (and writes nothing) when a name is not a custom label of the package or a language is
// missing or blank; an existing translation is replaced by the file's.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { LANGUAGES, readLabels, readTranslations, writeTranslations } = require('./labels-lib.cjs');
const argv = process.argv.slice(2);
const rootAt = argv.indexOf('--root');
const ROOT =
  rootAt >= 0
    ? path.resolve(argv[rootAt + 1])
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const files = rootAt >= 0 ? argv.filter((_, i) => i !== rootAt && i !== rootAt + 1) : argv;
if (files.length === 0) {
  console.error(
    'Name at least one translations JSON file: node scripts/i18n/merge-translations.mjs translations-<branch>.json'
  );
  process.exit(1);
}

const known = new Set(readLabels(ROOT).map((l) => l.name));
const merged = new Map(LANGUAGES.map((lang) => [lang, new Map()]));
for (const [lang, map] of merged)
  for (const [name, t] of readTranslations(ROOT, lang)) map.set(name, t.label ?? '');

const problems = [];
let count = 0;
for (const file of files) {
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push(`${file}: not readable JSON (${error.message}); fix the file and run again.`);
    continue;
  }
  for (const [name, byLang] of Object.entries(data)) {
    if (!known.has(name)) {
      problems.push(
        `${file}: "${name}" is not a custom label in any force-app/**/labels/*.labels-meta.xml; add the label first or correct the name.`
      );
      continue;
    }
    for (const lang of LANGUAGES) {
      const value = byLang?.[lang];
      if (typeof value !== 'string' || !value.trim()) {
        problems.push(`${file}: "${name}" has no "${lang}" translation; add it to the file.`);
        continue;
      }
      merged.get(lang).set(name, value);
    }
    count++;
  }
}
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`Nothing written: ${problems.length} problem(s).`);
  process.exit(1);
}
for (const [lang, map] of merged)
  console.log(`wrote ${writeTranslations(ROOT, lang, map)} (${map.size} labels)`);
console.log(`merged ${count} label(s) from ${files.length} file(s)`);
