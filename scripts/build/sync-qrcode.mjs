// Copies qrcode-generator's browser build (its MIT notice is the file's header) from node_modules
// (the devDependency qrcode-generator) into the QrCodeGenerator static resource. Run after
// upgrading qrcode-generator: `node scripts/build/sync-qrcode.mjs`. The test
// force-app/main/portal/lwc/myReferralLink/__tests__/qrResource.test.ts fails while the shipped
// copy differs from the installed package.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const source = path.join(ROOT, 'node_modules', 'qrcode-generator');
const target = path.join(ROOT, 'force-app', 'main', 'portal', 'staticresources', 'QrCodeGenerator');
fs.mkdirSync(target, { recursive: true });
fs.copyFileSync(path.join(source, 'dist', 'qrcode.js'), path.join(target, 'qrcode.js'));
const { version } = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8'));
console.log(
  `QrCodeGenerator static resource: qrcode-generator ${version} copied from node_modules/qrcode-generator.`
);
