// Summary of a mutation run so far, from the event-recorder output of `npm run test:mutation`
// (reports/mutation/events*): per module, how many mutants were killed, timed out, survived or had
// no test, the score so far, and each surviving mutant with its place and replacement.
//   node scripts/mutation/summary.mjs [--survivors]
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = 'reports/mutation';
const results = readdirSync(root)
  .filter((d) => d.startsWith('events'))
  .flatMap((d) =>
    readdirSync(join(root, d))
      .filter((f) => f.endsWith('-onMutantTested.json'))
      .map((f) => JSON.parse(readFileSync(join(root, d, f), 'utf8')))
  );
const byFile = new Map();
for (const r of results) {
  const file = relative(process.cwd(), r.fileName);
  if (!byFile.has(file)) byFile.set(file, []);
  byFile.get(file).push(r);
}
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
let detected = 0;
let undetected = 0;
for (const [file, list] of byFile) {
  const count = (s) => list.filter((r) => r.status === s).length;
  const d = list.filter((r) => DETECTED.has(r.status)).length;
  const u = list.filter((r) => UNDETECTED.has(r.status)).length;
  detected += d;
  undetected += u;
  const score = d + u === 0 ? 100 : (100 * d) / (d + u);
  console.log(
    `${file}: ${list.length} tested, killed ${count('Killed')}, timeout ${count('Timeout')}, ` +
      `survived ${count('Survived')}, no coverage ${count('NoCoverage')}, ` +
      `ignored ${count('Ignored')}, errors ${count('CompileError') + count('RuntimeError')}: ${score.toFixed(2)}%`
  );
}
const total = detected + undetected;
console.log(
  `all: ${results.length} tested; score ${total === 0 ? '-' : ((100 * detected) / total).toFixed(2)}% ` +
    `(${detected} detected of ${total} valid)`
);
if (process.argv.includes('--survivors')) {
  for (const r of results.filter((x) => UNDETECTED.has(x.status))) {
    const at = `${relative(process.cwd(), r.fileName)}:${r.location.start.line}:${r.location.start.column}`;
    console.log(`${r.status} ${r.id} ${at} ${r.mutatorName}: ${JSON.stringify(r.replacement)}`);
  }
}
