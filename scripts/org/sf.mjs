// Helpers for the org scripts: run the project's Salesforce CLI and say clearly what is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, fail } from '../checks/lib.mjs';

const SF = path.join(ROOT, 'node_modules', '.bin', 'sf');
const ENV = {
  ...process.env,
  PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
  SF_DISABLE_TELEMETRY: 'true',
  SF_AUTOUPDATE_DISABLE: 'true'
};

function requireCli() {
  if (!fs.existsSync(SF))
    fail('The Salesforce CLI is not installed in node_modules: run npm ci first.');
}

/** Runs sf with the terminal attached; fails the script with a sentence when sf fails. */
export function sf(args, failure) {
  requireCli();
  const result = spawnSync(SF, args, { cwd: ROOT, stdio: 'inherit', env: ENV });
  if (result.status !== 0) fail(failure);
}

/** Runs sf --json and returns the parsed result, or null when the command failed. */
export function sfJson(args) {
  requireCli();
  const result = spawnSync(SF, [...args, '--json'], { cwd: ROOT, encoding: 'utf8', env: ENV });
  try {
    const parsed = JSON.parse(result.stdout);
    return parsed.status === 0 ? parsed.result : null;
  } catch {
    return null;
  }
}

/** Fails with instructions unless a Dev Hub is authorised and set as the default. */
export function requireDevHub() {
  const config = sfJson(['config', 'get', 'target-dev-hub']);
  const hub = Array.isArray(config)
    ? config.find((c) => c.name === 'target-dev-hub')?.value
    : undefined;
  if (!hub) {
    fail(
      'No Dev Hub is set: authorise one with `npx sf org login web --set-default-dev-hub --alias devhub` ' +
        '(Dev Hub enabled in Setup), then run this again.'
    );
  }
  return hub;
}

/** Fails with instructions unless a default org (the scratch org) is set. */
export function requireTargetOrg() {
  const config = sfJson(['config', 'get', 'target-org']);
  const org = Array.isArray(config)
    ? config.find((c) => c.name === 'target-org')?.value
    : undefined;
  if (!org) {
    fail(
      'No default org is set: create a scratch org with `npm run org:create` (needs a Dev Hub) or set one with `npx sf config set target-org <alias>`.'
    );
  }
  return org;
}
