// Summary of a mutation run of `npm run test:mutation` (StrykerJS): per module, how many mutants
// were killed, timed out, survived, had no test or were ignored, the score, and with `--survivors`
// each undetected mutant with its place and replacement.
//   node scripts/mutation/summary.mjs [report.json] [--survivors]
//   node scripts/mutation/summary.mjs --events [--survivors]
// The default report is reports/mutation/mutation.json (a full run); a part run writes
// reports/mutation/mutation-<modules>.json. `--events` reads what the event recorder wrote of
// every run so far (reports/mutation/events*), an interrupted one included; the latest result of
// a mutant wins.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function fromEvents(root) {
  const events = readdirSync(root)
    .filter((d) => d.startsWith('events'))
    .flatMap((d) =>
      readdirSync(join(root, d))
        .filter((f) => f.endsWith('-onMutantTested.json'))
        .map((f) => ({
          at: statSync(join(root, d, f)).mtimeMs,
          ...JSON.parse(readFileSync(join(root, d, f), 'utf8'))
        }))
    )
    .sort((a, b) => a.at - b.at);
  const latest = new Map();
  for (const e of events) {
    const { line, column } = e.location.start;
    latest.set(`${e.fileName}:${line}:${column}:${e.mutatorName}:${e.replacement}`, e);
  }
  const files = {};
  for (const e of latest.values()) {
    (files[e.fileName] ??= { mutants: [] }).mutants.push(e);
  }
  return { files };
}

const file =
  process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'reports/mutation/mutation.json';
const report = process.argv.includes('--events')
  ? fromEvents('reports/mutation')
  : JSON.parse(readFileSync(file, 'utf8'));
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
let detected = 0;
let undetected = 0;
const survivors = [];
const names = Object.keys(report.files).sort((a, b) => a.localeCompare(b));
for (const name of names) {
  const { mutants } = report.files[name];
  const path = relative(process.cwd(), name) || name;
  const count = (s) => mutants.filter((m) => m.status === s).length;
  const d = mutants.filter((m) => DETECTED.has(m.status)).length;
  const u = mutants.filter((m) => UNDETECTED.has(m.status)).length;
  detected += d;
  undetected += u;
  const score = d + u === 0 ? '-' : `${((100 * d) / (d + u)).toFixed(2)}%`;
  console.log(
    `${path}: ${mutants.length} mutants, killed ${count('Killed')}, timeout ${count('Timeout')}, ` +
      `survived ${count('Survived')}, no coverage ${count('NoCoverage')}, ignored ${count('Ignored')}, ` +
      `errors ${count('CompileError') + count('RuntimeError')}: ${score}`
  );
  for (const m of mutants.filter((x) => UNDETECTED.has(x.status))) {
    const { line, column } = m.location.start;
    survivors.push(
      `${m.status} ${path}:${line}:${column} ${m.mutatorName}: ${JSON.stringify(m.replacement)}`
    );
  }
}
const total = detected + undetected;
console.log(
  `all: score ${total === 0 ? '-' : ((100 * detected) / total).toFixed(2)}% (${detected} detected of ${total} valid)`
);
if (process.argv.includes('--survivors')) {
  console.log(survivors.join('\n'));
}
