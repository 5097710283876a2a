// Gate: Salesforce Code Analyzer's Graph Engine (sfge) and regex engine over force-app.
// Every Graph Engine rule (path-based: CRUD/FLS, null dereferences, null SOQL binds, database
// operations in loops, sharing, schema lookups) and every regex rule; fails on any violation of
// severity 1 (critical) to 3 (moderate) and on any internal engine error. Runs offline, without
// the sf plugin, like the PMD gate. An entry point whose paths exceed the per-entry-point time
// limit is listed as not fully analysed (a warning: how far the engine gets depends on the load
// of the machine); `npm run scan:security-review` runs with a far longer limit (docs/security.md).
import fs from 'node:fs';
import path from 'node:path';
import {
  CodeAnalyzer,
  CodeAnalyzerConfig,
  EventType,
  LogLevel
} from '@salesforce/code-analyzer-core';
import * as sfge from '@salesforce/code-analyzer-sfge-engine';
import * as regex from '@salesforce/code-analyzer-regex-engine';
import { fail, requireJava, ROOT } from './lib.mjs';
import { classifyEngineError, GATE_TIMEOUT_MS, graphEngineConfig } from './graph-engine-config.mjs';

const MAX_FAILING_SEVERITY = 3;
const ENGINES = ['sfge', 'regex'];

requireJava('the Graph Engine of Salesforce Code Analyzer');
const started = Date.now();

const logFolder = path.join(ROOT, 'coverage', 'code-analyzer-logs');
fs.mkdirSync(logFolder, { recursive: true });
const sfgeConfig = graphEngineConfig(GATE_TIMEOUT_MS);
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
// The engines' own errors arrive as engine log events (not as core log events).
analyzer.onEvent(EventType.EngineLogEvent, (event) => {
  if (event.logLevel !== LogLevel.Error) return;
  const error = classifyEngineError(event.message);
  const where = error.file ? `${path.relative(ROOT, error.file)}:${error.line} ` : '';
  if (error.kind === 'timeout') timeouts.push(`${where}${error.message}`);
  else engineErrors.push(`${where}${event.engineName}: ${error.message}`);
});
await analyzer.addEnginePlugin(sfge.createEnginePlugin());
await analyzer.addEnginePlugin(regex.createEnginePlugin());

const workspace = await analyzer.createWorkspace([path.join(ROOT, 'force-app')]);
const selection = await analyzer.selectRules(ENGINES, { workspace });
for (const engine of ENGINES) {
  if (selection.getRulesFor(engine).length === 0)
    fail(`graph engine: no ${engine} rules were selected; the ${engine} engine did not load.`);
}

const results = await analyzer.run(selection, { workspace });
const failing = results
  .getViolations()
  .filter((violation) => violation.getRule().getSeverityLevel() <= MAX_FAILING_SEVERITY);

for (const violation of failing) {
  const location = violation.getPrimaryLocation();
  const file = path.relative(ROOT, location.getFile() ?? '?');
  console.log(
    `${file}:${location.getStartLine()} [sev ${violation.getRule().getSeverityLevel()}] ` +
      `${violation.getRule().getEngineName()}:${violation.getRule().getName()}: ` +
      `${violation.getMessage().trim()}`
  );
}
for (const timeout of timeouts) console.log(`${timeout} [entry point not fully analysed]`);
if (engineErrors.length > 0) {
  console.log(engineErrors.join('\n'));
  fail('graph engine: the engine reported errors (above); the run is not trustworthy.');
}
const files = (await workspace.getTargetedFiles()).filter((f) => /\.(cls|trigger)$/.test(f)).length;
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `graph engine: ${selection.getRulesFor('sfge').length} Graph Engine rules and ` +
    `${selection.getRulesFor('regex').length} regex rules over ${files} Apex files in ${seconds}s ` +
    `(${sfgeConfig.java_thread_count} threads, ${sfgeConfig.java_thread_timeout / 1000}s per entry point), ` +
    `${failing.length} findings of severity 1-${MAX_FAILING_SEVERITY} ` +
    `(${results.getViolationCount() - failing.length} of lower severity), ` +
    `${timeouts.length} entry points not fully analysed within the time limit`
);
if (failing.length > 0) process.exit(1);
