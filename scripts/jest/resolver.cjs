// Jest resolver: sfdx-lwc-jest's, plus custom labels with their real (English) values.
// sfdx-lwc-jest turns `import x from '@salesforce/label/c.Name'` into a require of that id with the
// id itself ("c.Name") as the fallback value; here the id resolves to a small JSON module holding the
// label's value from force-app/**/labels/*.labels-meta.xml, so tests read what a user reads.
// An unknown name still falls back to "c.Name" (the labels gate fails on it).
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const sfdxResolver = require('@salesforce/sfdx-lwc-jest/src/resolver.js');
const { readLabels } = require('../i18n/labels-lib.cjs');

const ROOT = path.resolve(__dirname, '..', '..');
const PREFIX = '@salesforce/label/';
let labels;
let dir;

function labelModule(name) {
  if (!labels) {
    labels = new Map(readLabels(ROOT).map((l) => [l.name, l.value ?? '']));
    const hash = crypto
      .createHash('sha256')
      .update(JSON.stringify([...labels]))
      .digest('hex');
    dir = path.join(os.tmpdir(), 'referral-program-jest-labels', hash.slice(0, 16));
    fs.mkdirSync(dir, { recursive: true });
  }
  if (!labels.has(name)) return null;
  const file = path.join(dir, `${name}.json`);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ default: labels.get(name) }));
    fs.renameSync(tmp, file);
  }
  return file;
}

module.exports = function resolve(modulePath, options) {
  if (modulePath.startsWith(PREFIX)) {
    const id = modulePath.slice(PREFIX.length);
    const file = id.startsWith('c.') ? labelModule(id.slice(2)) : null;
    if (file) return file;
  }
  return sfdxResolver(modulePath, options);
};
