// Writes tsconfig.lwc-paths.json: maps every `c/<name>` import to its component's TypeScript,
// whichever domain folder it lives in. TypeScript's `paths` cannot express "lwc/<name>/<name>"
// with one wildcard, so the map is generated from the folders (gitignored; tsc runs refresh it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

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

export function writeLwcPaths() {
  const paths = {};
  for (const folder of lwcFolders(path.join(ROOT, 'force-app'))) {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const source = path.join(folder, entry.name, `${entry.name}.ts`);
      if (!entry.isDirectory() || !fs.existsSync(source)) continue;
      const key = `c/${entry.name}`;
      if (paths[key])
        throw new Error(`Two components are named ${entry.name}: ${paths[key][0]} and ${source}`);
      paths[key] = [path.relative(ROOT, source).split(path.sep).join('/')];
    }
  }
  const sorted = Object.fromEntries(Object.entries(paths).sort(([a], [b]) => (a < b ? -1 : 1)));
  const file = path.join(ROOT, 'tsconfig.lwc-paths.json');
  const content = `${JSON.stringify({ compilerOptions: { baseUrl: '.', paths: sorted } }, null, 2)}\n`;
  if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== content)
    fs.writeFileSync(file, content);
  return Object.keys(sorted).length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`tsconfig.lwc-paths.json: ${writeLwcPaths()} components mapped.`);
}
