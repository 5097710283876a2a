// Helpers shared by the gate scripts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Prints a sentence and ends the gate with a failure. */
export function fail(message) {
  console.error(message);
  process.exit(1);
}

/** Fails loudly unless a Java 17+ runtime is on the PATH: the gate cannot run without it. */
export function requireJava(what) {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    fail(
      `${what} needs Java 17 or newer on the PATH and none was found: install a JDK (apt-get install openjdk-17-jdk-headless).`
    );
  }
  const match = /version "(\d+)/.exec(probe.stderr ?? '');
  if (!match || Number(match[1]) < 17) {
    fail(`${what} needs Java 17 or newer; found: ${(probe.stderr ?? '').split('\n')[0]}`);
  }
}

/** Runs a command inheriting the terminal; returns its exit status. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  if (result.error) fail(`could not start ${command}: ${result.error.message}`);
  return result.status ?? 1;
}
