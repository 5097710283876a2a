// Custom labels and their translations as the repository holds them, for the labels gate
// (scripts/checks/labels.mjs), the translation merge (scripts/i18n/merge-translations.mjs), the
// Jest resolver (scripts/jest/resolver.cjs) and the preview.
//
// Layout (source format): each module folder keeps its own labels file,
// force-app/main/<module>/labels/CustomLabels.labels-meta.xml. CustomLabels is a non-decomposed
// type in source-deploy-retrieve (transformer "nonDecomposed"): on convert and deploy the labels of
// every *.labels-meta.xml in every package directory are merged into one CustomLabels component, so
// one file per module is allowed. Translations are one file per language for the whole package,
// force-app/main/core/translations/<lang>.translation-meta.xml (type Translations, not splittable).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/** The languages the package ships translations for (Salesforce language codes). */
const LANGUAGES = ['es', 'de', 'fr'];
const LANGUAGE_NAMES = { es: 'Spanish', de: 'German', fr: 'French' };
const TRANSLATIONS_DIR = path.join('force-app', 'main', 'core', 'translations');

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text content to a string (the five named entities and numeric references). */
function decodeXml(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : +e.slice(1)
      );
    return ENTITIES[e.toLowerCase()];
  });
}

/** A string as XML text content. */
function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function walk(dir, suffix, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, suffix, out);
    else if (e.name.endsWith(suffix)) out.push(full);
  }
  return out.sort();
}

function lineOf(text, index) {
  return text.slice(0, index).split('\n').length;
}

function element(block, name) {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(block);
  return m ? decodeXml(m[1]) : null;
}

/** Every custom label under force-app: { name, value, shortDescription, language, protected, file, line }. */
function readLabels(root) {
  const labels = [];
  for (const file of walk(path.join(root, 'force-app'), '.labels-meta.xml')) {
    const xml = fs.readFileSync(file, 'utf8');
    for (const m of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
      labels.push({
        name: element(m[1], 'fullName'),
        value: element(m[1], 'value'),
        shortDescription: element(m[1], 'shortDescription'),
        language: element(m[1], 'language'),
        protected: element(m[1], 'protected'),
        file: path.relative(root, file),
        line: lineOf(xml, m.index)
      });
    }
  }
  return labels;
}

function translationFile(root, lang) {
  return path.join(root, TRANSLATIONS_DIR, `${lang}.translation-meta.xml`);
}

/** The custom label translations of one language: Map name -> { label, line }, in file order. */
function readTranslations(root, lang) {
  const file = translationFile(root, lang);
  const map = new Map();
  if (!fs.existsSync(file)) return map;
  const xml = fs.readFileSync(file, 'utf8');
  for (const m of xml.matchAll(/<customLabels>([\s\S]*?)<\/customLabels>/g)) {
    const name = element(m[1], 'name');
    if (name) map.set(name, { label: element(m[1], 'label'), line: lineOf(xml, m.index) });
  }
  return map;
}

/**
 * Writes one language's Translations file: its custom label translations sorted by name, any other
 * translation element of the file (flows, quick actions...) kept as it is.
 */
function writeTranslations(root, lang, translations) {
  const file = translationFile(root, lang);
  let others = '';
  if (fs.existsSync(file)) {
    const xml = fs.readFileSync(file, 'utf8');
    const body = /<Translations[^>]*>([\s\S]*)<\/Translations>/.exec(xml)?.[1] ?? '';
    others = body.replace(/\s*<customLabels>[\s\S]*?<\/customLabels>/g, '').trim();
  }
  const entries = [...translations.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([name, label]) =>
        `    <customLabels>\n        <label>${escapeXml(label)}</label>\n        <name>${name}</name>\n    </customLabels>\n`
    )
    .join('');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8" ?>\n<Translations xmlns="http://soap.sforce.com/2006/04/metadata">\n${entries}${others ? `    ${others}\n` : ''}</Translations>\n`
  );
  return path.relative(root, file);
}

/** Writes a module's labels file with these labels, sorted by name. */
function writeLabelsFile(root, module, labels) {
  const file = path.join(
    root,
    'force-app',
    'main',
    module,
    'labels',
    'CustomLabels.labels-meta.xml'
  );
  const body = [...labels]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(
      (l) =>
        `    <labels>\n        <fullName>${l.name}</fullName>\n        <language>en_US</language>\n        <protected>false</protected>\n        <shortDescription>${escapeXml(l.shortDescription)}</shortDescription>\n        <value>${escapeXml(l.value)}</value>\n    </labels>\n`
    )
    .join('');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8" ?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}</CustomLabels>\n`
  );
  return path.relative(root, file);
}

// Validation rule messages are translated through the object's own translation (type
// CustomObjectTranslation, decomposed in source format): beside the object's module,
// force-app/main/<module>/objectTranslations/<Object>-<lang>/<Object>-<lang>.objectTranslation-meta.xml
// holds <validationRules><errorMessage>..</errorMessage><name>Rule</name></validationRules>.

/** Every validation rule under force-app: { object, name, message, module, file, line }. */
function readValidationRules(root) {
  const rules = [];
  for (const file of walk(path.join(root, 'force-app'), '.validationRule-meta.xml')) {
    const xml = fs.readFileSync(file, 'utf8');
    const parts = path.relative(root, file).split(path.sep);
    const objects = parts.lastIndexOf('objects');
    rules.push({
      object: parts[objects + 1],
      name: path.basename(file, '.validationRule-meta.xml'),
      message: element(xml, 'errorMessage'),
      moduleDir: parts.slice(0, objects).join('/'),
      file: path.relative(root, file),
      line: lineOf(xml, xml.indexOf('<errorMessage>'))
    });
  }
  return rules;
}

/**
 * The validation rule translations of every object translation file:
 * [{ object, lang, name, message, file, line }].
 */
function readRuleTranslations(root) {
  const out = [];
  for (const file of walk(path.join(root, 'force-app'), '.objectTranslation-meta.xml')) {
    const m = /^(.+)-([a-z]{2}(?:_[A-Z]{2})?)\.objectTranslation-meta\.xml$/.exec(
      path.basename(file)
    );
    if (!m) continue;
    const xml = fs.readFileSync(file, 'utf8');
    for (const r of xml.matchAll(/<validationRules>([\s\S]*?)<\/validationRules>/g))
      out.push({
        object: m[1],
        lang: m[2],
        name: element(r[1], 'name'),
        message: element(r[1], 'errorMessage'),
        file: path.relative(root, file),
        line: lineOf(xml, r.index)
      });
  }
  return out;
}

function objectTranslationFile(root, moduleDir, object, lang) {
  const dir = `${object}-${lang}`;
  return path.join(root, moduleDir, 'objectTranslations', dir, `${dir}.objectTranslation-meta.xml`);
}

/**
 * Writes one object's translation file for one language: its validation rule messages sorted by
 * rule name, any other element of the file (field labels, layouts...) kept as it is.
 */
function writeRuleTranslations(root, moduleDir, object, lang, messages) {
  const file = objectTranslationFile(root, moduleDir, object, lang);
  let others = '';
  if (fs.existsSync(file)) {
    const xml = fs.readFileSync(file, 'utf8');
    const body =
      /<CustomObjectTranslation[^>]*>([\s\S]*)<\/CustomObjectTranslation>/.exec(xml)?.[1] ?? '';
    others = body.replace(/\s*<validationRules>[\s\S]*?<\/validationRules>/g, '').trim();
  }
  const entries = [...messages.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([name, message]) =>
        `    <validationRules>\n        <errorMessage>${escapeXml(message)}</errorMessage>\n        <name>${name}</name>\n    </validationRules>\n`
    )
    .join('');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8" ?>\n<CustomObjectTranslation xmlns="http://soap.sforce.com/2006/04/metadata">\n${others ? `    ${others}\n` : ''}${entries}</CustomObjectTranslation>\n`
  );
  return path.relative(root, file);
}

/** Replaces {0}, {1}... in a label's value, as the platform's String.format and LWC labels do. */
function formatLabel(template, ...args) {
  return template.replace(/\{(\d+)\}/g, (whole, i) =>
    +i < args.length ? String(args[+i]) : whole
  );
}

module.exports = {
  LANGUAGES,
  LANGUAGE_NAMES,
  TRANSLATIONS_DIR,
  decodeXml,
  escapeXml,
  readLabels,
  readTranslations,
  writeTranslations,
  writeLabelsFile,
  translationFile,
  formatLabel,
  readValidationRules,
  readRuleTranslations,
  objectTranslationFile,
  writeRuleTranslations
};
