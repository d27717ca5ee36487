// Bulwark as a library: what `import … from 'bulwark'` gives another program. A face like the CLI
// (it may use every layer), kept small and stable: load and validate scenarios, run a night,
// measure it, export it as geodata, run Monte Carlo batches (in this process, or on worker
// threads into the results store), solve weapon-target assignments and read the results store.
// docs/library.md documents it; test/api.test.ts imports the package by its name.

import { aggregateOutcomes, batchSeeds, measureRun, type Aggregate } from '../analysis/monte-carlo.js';
import { classicProblem, DEFAULT_WTA_SOLVER, WTA_SOLVERS } from '../c2/index.js';
import { prepareBatch, runBatch, type BatchResult } from '../io/batch-runner.js';
import { openResultsStore } from '../io/results-store.js';
import { loadScenarioFile } from '../io/scenario-file.js';
import type { Outcome } from '../model/outcome.js';
import type { Scenario } from '../model/scenario.js';
import { ScenarioError } from '../scenario/index.js';

// The shapes of a scenario, a run and its outcome.
export type {
  Scenario,
  Asset,
  ThreatType,
  Wave,
  DefenderUnit,
  SensorSpec,
  C2Spec,
  EwZone,
} from '../model/scenario.js';
export type { RunLog, SimEvent, SimEventKind } from '../model/events.js';
export type { Outcome } from '../model/outcome.js';
export type { TrajectorySamples, TrajectoryFrame } from '../model/trajectory.js';
export type { GeoFeatureCollection, GeoFeature, GeoGeometry, GeoPosition } from '../model/geodata.js';
export type { LatLon, Enu } from '../core/geo.js';
export { LocalFrame } from '../core/geo.js';

// Scenarios: text in, a validated Scenario or located issues out.
export {
  parseScenario,
  parseScenarioOrThrow,
  formatIssue,
  ScenarioError,
  lookupTown,
  type ParseResult,
  type ParseOptions,
  type ScenarioIssue,
  type Town,
  type TownLookup,
} from '../scenario/index.js';

// One night.
export {
  runScenario,
  runAndMeasure,
  runToGeoJson,
  scenarioToGeoJson,
  geoJsonToKml,
  type RunOptions,
  type RunResult,
} from '../run/index.js';

export { computeOutcome } from '../metrics/index.js';

// Statistics and the results store.
export type { Summary } from '../analysis/statistics.js';
export type { Aggregate } from '../analysis/monte-carlo.js';
export {
  openResultsStore,
  ResultsStore,
  StoreError,
  DEFAULT_STORE,
  type BatchInfo,
  type PointInfo,
  type PointAggregate,
} from '../io/results-store.js';
export type { BatchResult } from '../io/batch-runner.js';

/**
 * A scenario file (YAML or JSON) read and validated, GeoJSON files it imports included. Throws a
 * ScenarioError whose `issues` name file, line, column and field of every problem.
 */
export function loadScenario(file: string): Scenario {
  const loaded = loadScenarioFile(file);
  if (!loaded.result.ok) throw new ScenarioError(loaded.result.issues);
  return loaded.result.scenario;
}

export interface MonteCarloOptions {
  /** Number of runs (default 100). */
  runs?: number;
  /** Batch seed S: run i uses deriveSeed(S, i), as `bulwark mc` does (default the scenario's seed). */
  seed?: number;
  /** Called after every run, e.g. for progress. */
  onRun?: (run: number, outcome: Outcome) => void;
}

export interface MonteCarloResult {
  seeds: number[];
  outcomes: Outcome[];
  /** Mean, median, p5, p95 and the 95% confidence interval of every numeric measure. */
  aggregate: Aggregate;
}

/**
 * Monte Carlo in this process, one run after another: the same seeds and the same numbers as
 * `bulwark mc` with the same batch seed, without the store or worker threads.
 */
export function monteCarlo(scenario: Scenario, options: MonteCarloOptions = {}): MonteCarloResult {
  const runs = options.runs ?? 100;
  if (!Number.isInteger(runs) || runs < 1)
    throw new RangeError(`runs must be a whole number ≥ 1, got ${runs}`);
  const seeds = batchSeeds(options.seed ?? scenario.seed, 0, runs);
  const outcomes = seeds.map((seed, i) => {
    const { outcome } = measureRun(scenario, seed);
    options.onRun?.(i, outcome);
    return outcome;
  });
  return { seeds, outcomes, aggregate: aggregateOutcomes(outcomes) };
}

export interface StoredMonteCarloOptions {
  runs?: number;
  seed?: number;
  /** Worker threads (default 2). */
  workers?: number;
  /** The results store (default .bulwark/results.db, as the CLI's). */
  store?: string;
}

/**
 * A Monte Carlo batch of a scenario file on worker threads, stored in the results store as
 * `bulwark mc FILE` stores it (resumed if it was interrupted; the same batch id).
 */
export async function monteCarloStored(
  file: string,
  options: StoredMonteCarloOptions = {},
): Promise<BatchResult> {
  const loaded = loadScenarioFile(file);
  if (!loaded.result.ok) throw new ScenarioError(loaded.result.issues);
  const scenario = loaded.result.scenario;
  const runs = options.runs ?? 100;
  const batchSeed = options.seed ?? scenario.seed;
  const store = openResultsStore(options.store);
  try {
    const prepared = prepareBatch({
      kind: 'mc',
      scenarioFile: file,
      scenarioText: loaded.text,
      scenario,
      runsPerPoint: runs,
      batchSeed,
      params: { runs, seed: batchSeed },
    });
    return await runBatch(store, prepared, { workers: options.workers ?? 2, handleSignals: false });
  } finally {
    store.close();
  }
}

export interface WtaInstance {
  /** Value of each target. */
  values: ArrayLike<number>;
  /** Kill probability of weapon i on target j at pk[i * targets + j]. */
  pk: ArrayLike<number>;
  weapons: number;
}

export interface WtaOptions {
  /** One of WTA_SOLVER_NAMES (default 'lns'). */
  solver?: string;
  /** Time budget of the anytime and exact solvers (default 1000 ms). */
  timeLimitMs?: number;
  /** Or a fixed iteration budget, which makes the answer independent of the machine's speed. */
  maxIterations?: number;
  seed?: number;
}

export interface WtaResult {
  /** The target of each weapon. */
  assignment: number[];
  /** Expected value of the targets that survive: what the solvers minimise. */
  expectedSurvivingValue: number;
  proven: boolean;
  iterations: number;
}

export const WTA_SOLVER_NAMES: readonly string[] = Object.keys(WTA_SOLVERS);

/** Solves a static weapon-target assignment: every weapon to one target, least expected survival. */
export function solveWta(instance: WtaInstance, options: WtaOptions = {}): WtaResult {
  const solver = WTA_SOLVERS[options.solver ?? DEFAULT_WTA_SOLVER];
  if (!solver)
    throw new RangeError(
      `unknown solver '${options.solver}'; expected one of ${WTA_SOLVER_NAMES.join(', ')}`,
    );
  const problem = classicProblem(instance.values, instance.pk, instance.weapons);
  const deadline = performance.now() + (options.timeLimitMs ?? 1000);
  const solution = solver.solve(problem, {
    ...(options.maxIterations === undefined
      ? { shouldStop: () => performance.now() >= deadline }
      : { maxIterations: options.maxIterations }),
    seed: options.seed ?? 1,
  });
  return {
    assignment: Array.from(solution.assignment),
    expectedSurvivingValue: solution.cost,
    proven: solution.proven,
    iterations: solution.iterations,
  };
}
