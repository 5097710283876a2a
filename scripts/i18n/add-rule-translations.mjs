// Adds (or updates) the Spanish, German and French error messages of validation rules:
//   node scripts/i18n/add-rule-translations.mjs <rules.json> [--root <project>]
// rules.json: { "<Object__c>": { "<Rule_Name>": { "es": "...", "de": "...", "fr": "..." } } }.
// Each message goes into the object's translation beside the object's module folder,
// <module>/objectTranslations/<Object>-<lang>/<Object>-<lang>.objectTranslation-meta.xml (type
// CustomObjectTranslation, element validationRules). Refuses a rule that does not exist and a
// missing or blank language, and then writes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const {
  LANGUAGES,
  readValidationRules,
  readRuleTranslations,
  writeRuleTranslations
} = require('./labels-lib.cjs');
const argv = process.argv.slice(2);
const rootAt = argv.indexOf('--root');
const ROOT =
  rootAt >= 0
    ? path.resolve(argv[rootAt + 1])
    : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const files = rootAt >= 0 ? argv.filter((_, i) => i !== rootAt && i !== rootAt + 1) : argv;
if (files.length === 0) {
  console.error('Name a rules JSON file: node scripts/i18n/add-rule-translations.mjs rules.json');
  process.exit(1);
}

const rules = new Map(readValidationRules(ROOT).map((r) => [`${r.object}.${r.name}`, r]));
const problems = [];
const updates = new Map(); // "<moduleDir>|<object>|<lang>" -> Map rule -> message
for (const file of files) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const [object, byRule] of Object.entries(json))
    for (const [name, langs] of Object.entries(byRule)) {
      const rule = rules.get(`${object}.${name}`);
      if (!rule) {
        problems.push(`${file}: ${object}.${name} is no validation rule: correct the name.`);
        continue;
      }
      for (const lang of LANGUAGES) {
        const message = langs?.[lang];
        if (typeof message !== 'string' || !message.trim()) {
          problems.push(`${file}: ${object}.${name} has no "${lang}" message: add it.`);
          continue;
        }
        const key = `${rule.moduleDir}|${object}|${lang}`;
        if (!updates.has(key)) updates.set(key, new Map());
        updates.get(key).set(name, message.trim());
      }
    }
}
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(`add-rule-translations: ${problems.length} problem(s); nothing written.`);
  process.exit(1);
}

const existing = readRuleTranslations(ROOT);
for (const [key, messages] of updates) {
  const [moduleDir, object, lang] = key.split('|');
  const merged = new Map(
    existing.filter((t) => t.object === object && t.lang === lang).map((t) => [t.name, t.message])
  );
  for (const [name, message] of messages) merged.set(name, message);
  console.log(`wrote ${writeRuleTranslations(ROOT, moduleDir, object, lang, merged)}`);
}
