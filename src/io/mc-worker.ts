// A worker thread of a batch: runs a chunk of seeded runs and hands back their outcomes. A run that
// throws comes back with its error and seed instead of an outcome, so the batch goes on.

import { performance } from 'node:perf_hooks';
import { measureRun, type MeasuredRun } from '../analysis/monte-carlo.js';
import type { Scenario } from '../model/scenario.js';
import { parseScenarioOrThrow } from '../scenario/index.js';
import type { RunRow } from './results-store.js';

export interface RunChunk {
  /** Content hash of the scenario text below; parsed scenarios are cached by it. */
  scenarioHash: string;
  scenarioText: string;
  scenarioFile: string;
  runs: { point: number; run: number; seed: number }[];
}

const scenarios = new Map<string, Scenario>();

export function runChunk(chunk: RunChunk): RunRow[] {
  return runChunkWith(measureRun, chunk);
}

/** runChunk with the single-run function given: the seam where tests make runs fail. */
export function runChunkWith(
  measure: (scenario: Scenario, seed: number) => MeasuredRun,
  chunk: RunChunk,
): RunRow[] {
  if (chunk.runs.length === 0) return [];
  let scenario = scenarios.get(chunk.scenarioHash);
  if (!scenario) {
    scenario = parseScenarioOrThrow(chunk.scenarioText, chunk.scenarioFile);
    if (scenarios.size >= 16) scenarios.clear();
    scenarios.set(chunk.scenarioHash, scenario);
  }
  return chunk.runs.map(({ point, run, seed }) => {
    const started = performance.now();
    try {
      const { outcome, marks } = measure(scenario, seed);
      return { point, run, seed, outcome, marks, durationMs: performance.now() - started };
    } catch (e) {
      const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      return { point, run, seed, error, durationMs: performance.now() - started };
    }
  });
}

export default runChunk;

/** Design nights of a campaign surrogate (queued `bulwark plan`), run by name on the same pool. */
export { runNights } from './night-task.js';
