/**
 * The QrCodeGenerator static resource is the installed qrcode-generator package's browser build,
 * byte for byte (scripts/build/sync-qrcode.mjs copies it after an upgrade), carrying the package's
 * MIT notice, and the version the resource's description names is the devDependency's.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../../../..');
const RESOURCE = path.join(ROOT, 'force-app/main/portal/staticresources');

function installedPackage(): string {
  try {
    // Node's own resolution from the project root (node_modules there, or NODE_PATH): the
    // package's main file is dist/qrcode.js (its exports do not expose package.json).
    const nodeRequire = createRequire(path.join(ROOT, 'package.json'));
    return path.resolve(path.dirname(nodeRequire.resolve('qrcode-generator')), '..');
  } catch {
    throw new Error(
      'qrcode-generator is not installed: it is the devDependency the QrCodeGenerator static resource is copied from (npm install).'
    );
  }
}

describe('QrCodeGenerator static resource', () => {
  it('ships the installed qrcode-generator browser build unchanged, with its MIT notice', () => {
    const shipped = fs.readFileSync(path.join(RESOURCE, 'QrCodeGenerator/qrcode.js'));
    const installed = fs.readFileSync(path.join(installedPackage(), 'dist/qrcode.js'));
    expect(shipped.equals(installed)).toBe(true);
    const header = shipped.toString('utf8').slice(0, 600);
    expect(header).toContain('Copyright (c) 2009 Kazuhiko Arase');
    expect(header).toContain('Licensed under the MIT license');
  });

  it('names the installed version, which is the devDependency', () => {
    const pkg = installedPackage();
    const { version, license } = JSON.parse(
      fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')
    ) as { version: string; license: string };
    expect(license).toBe('MIT');
    const project = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(project.devDependencies['qrcode-generator']?.replace(/^[\^~]/, '')).toBe(version);
    const meta = fs.readFileSync(path.join(RESOURCE, 'QrCodeGenerator.resource-meta.xml'), 'utf8');
    expect(meta).toContain(`qrcode-generator ${version}`);
  });
});
