// Conformance harness: runs every case of a docs/rules.md vector file against the TypeScript engine.
//   npm run test:conformance                          (the shipped static resource)
//   CONFORMANCE_VECTORS=/path/to/file.json npm run test:conformance
// Prints each failure with the case name and a diff, ends with "N passed, N failed",
// exits 1 on any failure or when the file cannot be read or is malformed.
//
// The engine is loaded from its TypeScript source without a prior build: each module of
// force-app/main/engine/lwc/referralEngine is transpiled with the `typescript` package into a
// temporary directory as an ES module and imported (`loadEngine`, also used by the benchmark).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
export const ENGINE_DIR = resolve(here, '../../force-app/main/engine/lwc/referralEngine');

/** Transpiles and imports the engine; returns the module namespace of referralEngine.ts. */
export async function loadEngine(engineDir = ENGINE_DIR) {
  const out = mkdtempSync(join(tmpdir(), 'referral-engine-'));
  try {
    const files = readdirSync(engineDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    if (!files.includes('referralEngine.ts')) {
      throw new Error(`referralEngine.ts not found in ${engineDir}`);
    }
    for (const file of files) {
      const source = readFileSync(join(engineDir, file), 'utf8');
      const { outputText, diagnostics } = ts.transpileModule(source, {
        fileName: file,
        reportDiagnostics: true,
        compilerOptions: {
          module: ts.ModuleKind.ESNext,
          target: ts.ScriptTarget.ES2022,
          isolatedModules: true,
          useDefineForClassFields: true
        }
      });
      if (diagnostics && diagnostics.length > 0) {
        const text = diagnostics
          .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
          .join('\n');
        throw new Error(`cannot transpile ${file}: ${text}`);
      }
      const js = outputText.replace(
        /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?\/[^'"]+?)(\.js|\.ts)?\2/g,
        (_m, lead, quote, spec) => `${lead}${quote}${spec}.mjs${quote}`
      );
      writeFileSync(join(out, file.replace(/\.ts$/, '.mjs')), js);
    }
    return await import(pathToFileURL(join(out, 'referralEngine.mjs')).href);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const DEFAULT_VECTORS = resolve(
  here,
  '../../force-app/main/engine/staticresources/ReferralRulesVectors.json'
);
const KINDS = ['reward', 'clawback', 'score', 'route', 'screen', 'metrics', 'propensity'];
const ERROR_CODES = ['MISSING_RATE', 'INVALID_INPUT'];
const SCORE_TOLERANCE = 0.01 + 1e-9;

function fatal(message) {
  console.error(`conformance: ${message}`);
  console.log('0 passed, 0 failed');
  process.exit(1);
}

function readVectors(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return fatal(`cannot read the vector file ${path}: ${e.message}`);
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return fatal(`the vector file ${path} is not valid JSON: ${e.message}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return fatal(`the vector file ${path} must hold an object { "version": 1, "cases": [...] }`);
  }
  if (!Array.isArray(doc.cases)) {
    return fatal(`the vector file ${path} has no "cases" list`);
  }
  if (doc.version !== 1) {
    console.warn(
      `conformance: warning: ${path} has version ${JSON.stringify(doc.version)}, expected 1`
    );
  }
  return doc.cases;
}

/** Problems with the shape of a case, or null. */
function caseProblem(c) {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) {
    return 'the case is not an object';
  }
  if (typeof c.name !== 'string' || c.name === '') {
    return 'the case has no "name"';
  }
  if (!KINDS.includes(c.kind)) {
    return `unknown kind ${JSON.stringify(c.kind)} (expected one of ${KINDS.join(', ')})`;
  }
  if (!('input' in c)) {
    return 'the case has no "input"';
  }
  const hasExpected = 'expected' in c;
  const hasError = 'expectedError' in c;
  if (hasExpected === hasError) {
    return 'the case needs exactly one of "expected" and "expectedError"';
  }
  if (hasError && !ERROR_CODES.includes(c.expectedError)) {
    return `unknown expectedError ${JSON.stringify(c.expectedError)}`;
  }
  return null;
}

const show = (v) => (v === undefined ? 'undefined' : JSON.stringify(v));

/**
 * Differences between expected and actual per docs/rules.md: numbers by value, key order ignored,
 * array order significant, `score` fields of score rows within 0.01.
 */
function diff(expected, actual, path, kind, out) {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const key = path.slice(path.lastIndexOf('.') + 1);
    const ok =
      kind === 'score' && key === 'score'
        ? Math.abs(expected - actual) <= SCORE_TOLERANCE
        : expected === actual;
    if (!ok) {
      out.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      out.push(`${path}: expected a list, got ${show(actual)}`);
      return;
    }
    const n = Math.max(expected.length, actual.length);
    for (let i = 0; i < n; i++) {
      if (i >= expected.length) {
        out.push(`${path}[${i}]: unexpected ${show(actual[i])}`);
      } else if (i >= actual.length) {
        out.push(`${path}[${i}]: missing ${show(expected[i])}`);
      } else {
        diff(expected[i], actual[i], `${path}[${i}]`, kind, out);
      }
    }
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
      out.push(`${path}: expected an object, got ${show(actual)}`);
      return;
    }
    for (const k of Object.keys(expected)) {
      if (!(k in actual) || actual[k] === undefined) {
        out.push(`${path}.${k}: missing, expected ${show(expected[k])}`);
      } else {
        diff(expected[k], actual[k], `${path}.${k}`, kind, out);
      }
    }
    for (const k of Object.keys(actual)) {
      if (!(k in expected) && actual[k] !== undefined) {
        out.push(`${path}.${k}: unexpected ${show(actual[k])}`);
      }
    }
    return;
  }
  if (expected !== actual) {
    out.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

async function main() {
  const path = process.env.CONFORMANCE_VECTORS
    ? resolve(process.env.CONFORMANCE_VECTORS)
    : DEFAULT_VECTORS;
  const cases = readVectors(path);
  let engine;
  try {
    engine = await loadEngine();
  } catch (e) {
    return fatal(`cannot load the TypeScript engine: ${e.message}`);
  }
  let passed = 0;
  let failed = 0;
  const fail = (name, lines) => {
    failed++;
    console.log(`FAIL ${name}`);
    for (const line of lines.slice(0, 20)) {
      console.log(`    ${line}`);
    }
    if (lines.length > 20) {
      console.log(`    ... ${lines.length - 20} more differences`);
    }
  };
  cases.forEach((c, i) => {
    const problem = caseProblem(c);
    const name = c && typeof c.name === 'string' && c.name !== '' ? c.name : `case #${i}`;
    if (problem) {
      fail(name, [`malformed case: ${problem}`]);
      return;
    }
    let result;
    let error;
    try {
      result = engine[c.kind](structuredClone(c.input));
    } catch (e) {
      error = e;
    }
    if ('expectedError' in c) {
      if (error === undefined) {
        fail(name, [`expected error ${c.expectedError}, got ${show(result)}`]);
      } else if (!(error instanceof engine.ReferralEngineError)) {
        fail(name, [`expected error ${c.expectedError}, got ${error?.stack ?? error}`]);
      } else if (error.code !== c.expectedError) {
        fail(name, [`expected error ${c.expectedError}, got ${error.code}: ${error.message}`]);
      } else {
        passed++;
      }
      return;
    }
    if (error !== undefined) {
      const text =
        error instanceof engine.ReferralEngineError
          ? `${error.code}: ${error.message}`
          : (error?.stack ?? String(error));
      fail(name, [`expected ${show(c.expected)}`, `got error ${text}`]);
      return;
    }
    const lines = [];
    diff(c.expected, JSON.parse(JSON.stringify(result)), 'output', c.kind, lines);
    if (lines.length > 0) {
      fail(name, lines);
    } else {
      passed++;
    }
  });
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await main();
}
