// Runs a batch — the runs of a Monte Carlo or of every sweep point — on a pool of worker threads,
// streaming finished runs into the results store chunk by chunk. A batch is identified by its
// scenario's content hash and its parameters, so the same command finds it again and runs only what
// is missing; Ctrl-C or SIGTERM stop it cleanly, and even SIGKILL loses only the chunks in flight.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { aggregateOutcomes, deriveSeed } from '../analysis/monte-carlo.js';
import { applyPoint, type SweepPoint } from '../analysis/sweep.js';
import type { Scenario } from '../model/scenario.js';
import { parseScenario, type ScenarioIssue } from '../scenario/index.js';
import type { RunChunk } from './mc-worker.js';
import { Progress } from './progress.js';
import type { BatchDefinition, BatchInfo, PointAggregate, ResultsStore, RunRow } from './results-store.js';

/**
 * The worker module next to this one: compiled, or run from the TypeScript sources (the tests,
 * `bin/bulwark.js` before a build) through a shim that registers tsx in the worker thread.
 */
export const WORKER_FILE = fileURLToPath(
  new URL(import.meta.url.endsWith('.ts') ? './mc-worker-source.mjs' : './mc-worker.js', import.meta.url),
);

/** Statistics of one point over the runs stored for it, in run order. */
export function aggregatePoint(store: ResultsStore, batchId: string, point: number): PointAggregate {
  const outcomes = (function* () {
    for (const row of store.runs(batchId, point)) yield row.outcome;
  })();
  return { point, measures: aggregateOutcomes(outcomes).measures };
}

export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(JSON.stringify(scenario)).digest('hex');
}

export interface PreparedBatch {
  definition: BatchDefinition;
  /** The scenario text of each point, as the workers parse it. */
  pointTexts: string[];
}

export interface BatchRequest {
  kind: 'mc' | 'sweep';
  scenarioFile: string;
  scenarioText: string;
  scenario: Scenario;
  runsPerPoint: number;
  batchSeed: number;
  /** Parameters that, with the scenario, identify the batch (not the worker count). */
  params: Record<string, unknown>;
  /** Sweep points; a Monte Carlo batch has one point with no settings. */
  points?: SweepPoint[];
}

/** A point's scenario failed validation: the caller reports it as a user error. */
export class PointInvalidError extends Error {
  constructor(
    readonly point: SweepPoint,
    readonly issues: ScenarioIssue[],
  ) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('\n'));
    this.name = 'PointInvalidError';
  }
}

/** Validates every point's scenario and gives the batch its id. */
export function prepareBatch(request: BatchRequest): PreparedBatch {
  const hash = scenarioHash(request.scenario);
  const points = request.points ?? [[]];
  const pointTexts: string[] = [];
  const pointDefs = points.map((point) => {
    if (point.length === 0) {
      pointTexts.push(request.scenarioText);
      return { params: point, scenarioHash: hash };
    }
    const text = applyPoint(request.scenarioText, point);
    const parsed = parseScenario(text, request.scenarioFile);
    if (!parsed.ok) throw new PointInvalidError(point, parsed.issues);
    pointTexts.push(text);
    return { params: point, scenarioHash: scenarioHash(parsed.scenario) };
  });
  const identity = JSON.stringify({ kind: request.kind, scenario: hash, params: request.params });
  const id = `${request.kind}-${createHash('sha256').update(identity).digest('hex').slice(0, 10)}`;
  return {
    definition: {
      id,
      kind: request.kind,
      scenarioName: request.scenario.name,
      scenarioFile: request.scenarioFile,
      scenarioHash: hash,
      scenarioText: request.scenarioText,
      params: request.params,
      runsPerPoint: request.runsPerPoint,
      batchSeed: request.batchSeed,
      points: pointDefs,
    },
    pointTexts,
  };
}

export interface RunBatchOptions {
  workers: number;
  /** Show progress on stderr (a bar on a terminal, lines otherwise). */
  progress?: boolean;
  progressStream?: NodeJS.WritableStream;
  /** Runs per task sent to a worker; by default sized to the batch. */
  chunkSize?: number;
  /** The worker module; the compiled mc-worker by default. */
  workerFile?: string;
  /** Stop on SIGINT/SIGTERM, keeping what finished (default true). */
  handleSignals?: boolean;
}

export interface BatchResult {
  batch: BatchInfo;
  ranNow: number;
  failedNow: number;
  interrupted: boolean;
  aggregates: PointAggregate[];
}

export async function runBatch(
  store: ResultsStore,
  prepared: PreparedBatch,
  options: RunBatchOptions,
): Promise<BatchResult> {
  const { definition: def, pointTexts } = prepared;
  const workerFile = options.workerFile ?? WORKER_FILE;
  if (!existsSync(workerFile))
    throw new Error(`worker module ${workerFile} is missing: run 'npm run build' first`);
  store.ensureBatch(def, new Date().toISOString());

  const stored = store.storedRunKeys(def.id, def.runsPerPoint);
  const total = def.points.length * def.runsPerPoint;
  const pending = total - stored.size;
  const workers = Math.max(1, Math.floor(options.workers));
  const chunkSize = options.chunkSize ?? Math.max(1, Math.min(8, Math.ceil(pending / (workers * 16))));

  function* chunks(): Generator<RunChunk> {
    for (let point = 0; point < def.points.length; point++) {
      let runs: RunChunk['runs'] = [];
      const flush = (): RunChunk => {
        const chunk = {
          scenarioHash: def.points[point].scenarioHash,
          scenarioText: pointTexts[point],
          scenarioFile: def.scenarioFile,
          runs,
        };
        runs = [];
        return chunk;
      };
      for (let run = 0; run < def.runsPerPoint; run++) {
        if (stored.has(point * def.runsPerPoint + run)) continue;
        runs.push({ point, run, seed: deriveSeed(def.batchSeed, run) });
        if (runs.length === chunkSize) yield flush();
      }
      if (runs.length > 0) yield flush();
    }
  }

  let ranNow = 0;
  let failedNow = 0;
  let interrupted = false;
  if (pending > 0) {
    const progress = options.progress
      ? new Progress({ label: def.id, total, done: stored.size, stream: options.progressStream })
      : undefined;
    const abort = new AbortController();
    let stopping = false;
    let fault: unknown;
    const stop = () => {
      if (stopping) process.exit(130); // a second Ctrl-C: leave at once; stored runs are safe
      stopping = interrupted = true;
      abort.abort();
    };
    if (options.handleSignals ?? true) {
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    }
    const pool = new Piscina<RunChunk, RunRow[]>({
      filename: workerFile,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 60_000,
    });
    const session = store.startSession(def.id, workers, new Date().toISOString());
    const started = performance.now();
    try {
      const inFlight = new Set<Promise<void>>();
      for (const chunk of chunks()) {
        if (stopping || fault !== undefined) break;
        const task: Promise<void> = pool.run(chunk, { signal: abort.signal }).then(
          (rows) => {
            try {
              store.addRuns(def.id, rows);
            } catch (e) {
              fault ??= e;
              abort.abort();
              return;
            }
            const failed = rows.filter((r) => r.error !== undefined).length;
            ranNow += rows.length;
            failedNow += failed;
            progress?.advance(rows.length, failed);
          },
          (e) => {
            if (!stopping && fault === undefined) {
              fault = e;
              abort.abort();
            }
          },
        );
        inFlight.add(task);
        void task.finally(() => inFlight.delete(task));
        if (inFlight.size >= 2 * workers) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
    } finally {
      if (options.handleSignals ?? true) {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      await pool.destroy();
      store.endSession(
        session,
        def.id,
        ranNow,
        performance.now() - started,
        interrupted ? 'interrupted' : fault !== undefined ? 'fault' : 'finished',
        new Date().toISOString(),
      );
      progress?.finish(
        interrupted
          ? `${def.id}: stopped; ${ranNow} runs stored. Re-run the same command to resume.`
          : undefined,
      );
    }
    if (fault !== undefined) throw fault;
  }

  let aggregates = store.getAggregates(def.id);
  const before = store.getBatch(def.id)!;
  if (!interrupted && (ranNow > 0 || before.finishedAt === null)) {
    aggregates = def.points.map((_, point) => aggregatePoint(store, def.id, point));
    store.saveAggregates(def.id, aggregates, new Date().toISOString());
  }
  return { batch: store.getBatch(def.id)!, ranNow, failedNow, interrupted, aggregates };
}
