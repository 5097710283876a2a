// npm run scan:security-review: the Salesforce Code Analyzer report the AppExchange security
// review asks for, offline from Node (no sf plugin). Every engine we run: PMD (Recommended,
// AppExchange, Security and Performance rules), the Graph Engine (every rule, with a long
// per-entry-point limit), the regex engine (every rule) and ESLint (the Recommended rules of Code
// Analyzer's own LWC and TypeScript base configurations; its other rules are style) over the
// package as it is deployed from force-app: component TypeScript sources instead of the .js
// compiled from them, no tests, no jest mocks.
// Writes reports/security-review/code-analyzer.{html,csv} (an ignored folder) and prints a
// summary. Exits non-zero only when an engine failed; findings are the report's content.
// docs/security.md ("Security review scan") says how to use it for a submission.
import fs from 'node:fs';
import path from 'node:path';
import {
  CodeAnalyzer,
  CodeAnalyzerConfig,
  EventType,
  LogLevel,
  OutputFormat,
  RunResultsFormatter
} from '@salesforce/code-analyzer-core';
import * as pmd from '@salesforce/code-analyzer-pmd-engine';
import * as sfge from '@salesforce/code-analyzer-sfge-engine';
import * as regex from '@salesforce/code-analyzer-regex-engine';
import * as eslint from '@salesforce/code-analyzer-eslint-engine';
import { fail, requireJava, ROOT } from '../checks/lib.mjs';
import {
  classifyEngineError,
  graphEngineConfig,
  REPORT_TIMEOUT_MS
} from '../checks/graph-engine-config.mjs';

const SELECTORS = [
  'pmd:Recommended',
  'pmd:AppExchange',
  'pmd:Security',
  'pmd:Performance',
  'sfge',
  'regex',
  'eslint:Recommended'
];
const ENGINES = ['pmd', 'sfge', 'regex', 'eslint'];
const OUT = path.join(ROOT, 'reports', 'security-review');
const SEVERITIES = ['', 'Critical', 'High', 'Moderate', 'Low', 'Info'];

requireJava('the PMD engine and the Graph Engine of Salesforce Code Analyzer');
const started = Date.now();

/** Every file under a folder, recursively. */
function filesUnder(folder) {
  return fs
    .readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/** What the package deploys, with the TypeScript source standing in for its compiled .js. */
function reviewedFiles() {
  return filesUnder(path.join(ROOT, 'force-app')).filter((file) => {
    const relative = path.relative(ROOT, file).split(path.sep).join('/');
    if (relative.startsWith('force-app/test/')) return false; // jest mocks
    if (relative.includes('/__tests__/')) return false; // component tests
    if (/\.test\.(js|ts)$/.test(relative)) return false;
    if (relative.endsWith('.js') && fs.existsSync(file.replace(/\.js$/, '.ts'))) return false;
    return true;
  });
}

fs.mkdirSync(OUT, { recursive: true });
const logFolder = path.join(OUT, 'logs');
fs.mkdirSync(logFolder, { recursive: true });
const sfgeConfig = graphEngineConfig(REPORT_TIMEOUT_MS);
const config = CodeAnalyzerConfig.fromObject(
  { config_root: ROOT, log_folder: logFolder, engines: { sfge: sfgeConfig } },
  ROOT
);
const analyzer = new CodeAnalyzer(config);
const engineErrors = [];
const timeouts = [];
analyzer.onEvent(EventType.LogEvent, (event) => {
  if (event.logLevel === LogLevel.Error) engineErrors.push(event.message);
});
analyzer.onEvent(EventType.EngineLogEvent, (event) => {
  if (event.logLevel !== LogLevel.Error) return;
  const error = classifyEngineError(event.message);
  const where = error.file ? `${path.relative(ROOT, error.file)}:${error.line} ` : '';
  if (error.kind === 'timeout') timeouts.push(`${where}${error.message}`);
  else engineErrors.push(`${where}${event.engineName}: ${error.message}`);
});
let lastProgress = 0;
analyzer.onEvent(EventType.EngineRunProgressEvent, (event) => {
  // A line a minute at most, so a long Graph Engine run shows it is alive.
  if (Date.now() - lastProgress < 60_000) return;
  lastProgress = Date.now();
  console.log(`  ${event.engineName}: ${Math.round(event.percentComplete)}%`);
});
for (const plugin of [pmd, sfge, regex, eslint])
  await analyzer.addEnginePlugin(plugin.createEnginePlugin());

const files = reviewedFiles();
const workspace = await analyzer.createWorkspace(files);
const selection = await analyzer.selectRules(SELECTORS, { workspace });
for (const engine of ENGINES) {
  if (selection.getRulesFor(engine).length === 0)
    fail(
      `security review scan: no ${engine} rules were selected; the ${engine} engine did not load.`
    );
}
console.log(
  `security review scan: ${selection.getCount()} rules (` +
    ENGINES.map((engine) => `${engine} ${selection.getRulesFor(engine).length}`).join(', ') +
    `) over ${files.length} files; the Graph Engine allows ${sfgeConfig.java_thread_timeout / 1000}s ` +
    `per entry point, so this takes a while.`
);

const results = await analyzer.run(selection, { workspace });
const written = [];
for (const [format, extension] of [
  [OutputFormat.HTML, 'html'],
  [OutputFormat.CSV, 'csv']
]) {
  const file = path.join(OUT, `code-analyzer.${extension}`);
  fs.writeFileSync(file, RunResultsFormatter.forFormat(format).format(results));
  written.push(path.relative(ROOT, file));
}

const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`\nsecurity review scan: ${results.getViolationCount()} findings in ${seconds}s`);
for (const engine of ENGINES) {
  const engineResults = results.getEngineRunResults(engine);
  const bySeverity = [1, 2, 3, 4, 5]
    .map((level) => [level, engineResults.getViolationCountOfSeverity(level)])
    .filter(([, count]) => count > 0)
    .map(([level, count]) => `${count} ${SEVERITIES[level]}`);
  console.log(
    `  ${engine.padEnd(7)} ${engineResults.getEngineVersion().padEnd(8)} ` +
      `${engineResults.getViolationCount()} findings${bySeverity.length ? ` (${bySeverity.join(', ')})` : ''}`
  );
}
for (const timeout of timeouts) console.log(`  ${timeout} [entry point not fully analysed]`);
console.log(`report: ${written.join(', ')}`);
if (engineErrors.length > 0) {
  console.log(engineErrors.join('\n'));
  fail('security review scan: an engine reported errors (above); the report is incomplete.');
}
