// Jest setup: every `@salesforce/label/c.Name` import resolves to the English value of the label in
// the package's CustomLabels files (force-app/**/labels/*.labels-meta.xml), as in an English org,
// so component tests assert the text the user reads. sfdx-lwc-jest alone falls back to "c.Name".
// Labels not defined in those files keep that fallback.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

function labelFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '__tests__') labelFiles(full, out);
    } else if (entry.name.endsWith('.labels-meta.xml')) out.push(full);
  }
  return out;
}

const unescape = (text) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

for (const file of labelFiles(path.join(root, 'force-app'))) {
  const xml = fs.readFileSync(file, 'utf8');
  for (const match of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
    const name = /<fullName>(.*?)<\/fullName>/.exec(match[1])?.[1];
    const value = /<value>([\s\S]*?)<\/value>/.exec(match[1])?.[1];
    if (!name || value === undefined) continue;
    const text = unescape(value);
    jest.doMock(`@salesforce/label/c.${name}`, () => ({ __esModule: true, default: text }), {
      virtual: true
    });
  }
}
