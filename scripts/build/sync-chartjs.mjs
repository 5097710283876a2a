// Copies Chart.js's UMD build and licence from node_modules (the devDependency chart.js) into the
// ChartJs static resource. Run after upgrading chart.js: `node scripts/build/sync-chartjs.mjs`.
// The test force-app/main/program/lwc/programCharts/__tests__/chartResource.test.ts fails while
// the shipped copy differs from the installed package.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = path.join(ROOT, 'node_modules', 'chart.js');
const target = path.join(ROOT, 'force-app', 'main', 'program', 'staticresources', 'ChartJs');
fs.mkdirSync(target, { recursive: true });
fs.copyFileSync(
  path.join(source, 'dist', 'chart.umd.min.js'),
  path.join(target, 'chart.umd.min.js')
);
fs.copyFileSync(path.join(source, 'LICENSE.md'), path.join(target, 'LICENSE.md'));
const { version } = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
console.log(`ChartJs static resource: Chart.js ${version} copied from node_modules/chart.js.`);
