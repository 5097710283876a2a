// Gate: Salesforce Code Analyzer (PMD engine) over the Apex of force-app.
// Fails on any violation of severity 1 (critical) to 3 (moderate) from the Recommended rules
// and every Security and Performance rule for Apex. Runs offline, without the sf plugin.
import fs from 'node:fs';
import path from 'node:path';
import {
  CodeAnalyzer,
  CodeAnalyzerConfig,
  EventType,
  LogLevel
} from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { fail, requireJava, ROOT } from './lib.mjs';

const MAX_FAILING_SEVERITY = 3;
const SELECTORS = ['pmd:Recommended:Apex', 'pmd:Security:Apex', 'pmd:Performance:Apex'];

requireJava('the PMD engine of Salesforce Code Analyzer');

const logFolder = path.join(ROOT, 'coverage', 'code-analyzer-logs');
fs.mkdirSync(logFolder, { recursive: true });
const config = CodeAnalyzerConfig.fromObject({ config_root: ROOT, log_folder: logFolder }, ROOT);
const analyzer = new CodeAnalyzer(config);
const engineErrors = [];
analyzer.onEvent(EventType.LogEvent, (event) => {
  if (event.logLevel === LogLevel.Error) engineErrors.push(event.message);
});
await analyzer.addEnginePlugin(createEnginePlugin());

const workspace = await analyzer.createWorkspace([path.join(ROOT, 'force-app')]);
const selection = await analyzer.selectRules(SELECTORS, { workspace });
if (selection.getCount() === 0)
  fail('code analyzer: no rules were selected; the PMD engine did not load.');

const results = await analyzer.run(selection, { workspace });
const failing = results
  .getViolations()
  .filter((violation) => violation.getRule().getSeverityLevel() <= MAX_FAILING_SEVERITY);

for (const violation of failing) {
  const location = violation.getPrimaryLocation();
  const file = path.relative(ROOT, location.getFile() ?? '?');
  console.log(
    `${file}:${location.getStartLine()} [sev ${violation.getRule().getSeverityLevel()}] ` +
      `${violation.getRule().getName()}: ${violation.getMessage().trim()}`
  );
}
if (engineErrors.length > 0) {
  console.log(engineErrors.join('\n'));
  fail('code analyzer: the engine reported errors (above); the run is not trustworthy.');
}
const files = (await workspace.getTargetedFiles()).filter((f) => /\.(cls|trigger)$/.test(f)).length;
console.log(
  `code analyzer: ${selection.getCount()} rules over ${files} Apex files, ` +
    `${failing.length} findings of severity 1-${MAX_FAILING_SEVERITY} ` +
    `(${results.getViolationCount() - failing.length} of lower severity)`
);
if (failing.length > 0) process.exit(1);
