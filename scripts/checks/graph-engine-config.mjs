// Graph Engine (sfge) settings shared by the graph-engine gate and the security-review report,
// and the reading of the engine's per-entry-point errors.
//
// Pinned rather than left to the JVM and the engine's defaults, so a run gives the same answer
// on every machine and finishes on a busy 2-core one:
// - java_max_heap_size: the engine sizes its path-expansion limit (LimitReached) from the heap,
//   so an unpinned heap (a quarter of RAM by default) would make results depend on the machine.
// - java_thread_count: one thread per core (at most 4) instead of the default 8; more threads
//   than cores only share the CPU and push every entry point towards its timeout.
// - java_thread_timeout: wall-clock limit per entry point. The engine's default (30 s) silently
//   drops the slow entry points on a shared machine, and with them findings (two null
//   dereferences in RewardPayoutService were only reported once the limit was raised).
import os from 'node:os';

/** Per-entry-point limit of the npm test gate, in ms; GRAPH_ENGINE_TIMEOUT_MS overrides it. */
export const GATE_TIMEOUT_MS = 120_000;
/** Per-entry-point limit of the security-review report: as complete as the engine can be. */
export const REPORT_TIMEOUT_MS = 900_000;

/** The sfge engine's configuration for a per-entry-point timeout in ms. */
export function graphEngineConfig(timeoutMs) {
  const override = Number(process.env.GRAPH_ENGINE_TIMEOUT_MS);
  return {
    java_max_heap_size: '2g',
    java_thread_count: Math.max(1, Math.min(4, os.availableParallelism())),
    java_thread_timeout: Number.isInteger(override) && override > 0 ? override : timeoutMs
  };
}

const ENTRY_POINT_ERROR =
  /^Internal execution error while scanning entry point: (.+?):(\d+):(\d+): ([\s\S]*)$/;

/**
 * Reads an error the sfge engine logged. The engine reports an entry point it could not finish
 * as an error log, not as a violation: a timeout (the path was too long for the limit: the
 * entry point is only partly analysed) or an internal error (the engine failed on our code).
 * @returns {{kind: 'timeout'|'internal'|'other', file?: string, line?: number, message: string}}
 */
export function classifyEngineError(message) {
  const match = ENTRY_POINT_ERROR.exec(message.trim());
  if (!match) return { kind: 'other', message: message.trim() };
  const detail = match[4].trim();
  const timedOut = /Path evaluation timed out after \d+ ms/.exec(detail);
  return {
    kind: timedOut ? 'timeout' : 'internal',
    file: match[1],
    line: Number(match[2]),
    message: timedOut ? timedOut[0] : detail.split('\n')[0].slice(0, 400)
  };
}
