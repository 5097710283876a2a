/**
 * The ChartJs static resource is the installed chart.js package's UMD build and licence, byte for
 * byte (scripts/build/sync-chartjs.mjs copies them after an upgrade), and the version the
 * resource's description names.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../../../..');
const RESOURCE = path.join(ROOT, 'force-app/main/program/staticresources');
const PACKAGE = path.join(ROOT, 'node_modules/chart.js');

describe('ChartJs static resource', () => {
  it('ships the installed chart.js UMD build unchanged', () => {
    const shipped = fs.readFileSync(path.join(RESOURCE, 'ChartJs/chart.umd.min.js'));
    const installed = fs.readFileSync(path.join(PACKAGE, 'dist/chart.umd.min.js'));
    expect(shipped.equals(installed)).toBe(true);
  });

  it('ships the licence', () => {
    const shipped = fs.readFileSync(path.join(RESOURCE, 'ChartJs/LICENSE.md'), 'utf8');
    expect(shipped).toBe(fs.readFileSync(path.join(PACKAGE, 'LICENSE.md'), 'utf8'));
    expect(shipped).toContain('MIT');
  });

  it('names the installed version, which is the devDependency', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(PACKAGE, 'package.json'), 'utf8')) as {
      version: string;
    };
    const project = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(project.devDependencies['chart.js'].replace(/^[\^~]/, '')).toBe(version);
    const meta = fs.readFileSync(path.join(RESOURCE, 'ChartJs.resource-meta.xml'), 'utf8');
    expect(meta).toContain(`Chart.js ${version}`);
    const banner = fs
      .readFileSync(path.join(RESOURCE, 'ChartJs/chart.umd.min.js'), 'utf8')
      .slice(0, 200);
    expect(banner).toContain(`Chart.js v${version}`);
  });
});
