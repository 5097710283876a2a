// The local org's public entry points (see ../README.md and ../DESIGN.md).
export { Interpreter } from './apex/interpreter.js';
export { ApexError, UnsupportedError } from './apex/runtime.js';
export { ApexSyntaxError, compileSource } from './apex/parse.js';
export { runTests, createInterpreter, toSfJson } from './testing/runner.js';
export type { TestResult, RunOptions, RunSummary } from './testing/runner.js';
export { loadProject } from './metadata/loadProject.js';
export type * from './contracts.js';
