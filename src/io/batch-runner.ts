// Runs a batch — the runs of a Monte Carlo or of every sweep point — on a pool of worker threads,
// or on queue workers through Redis (--queue), streaming finished runs into the results store chunk
// by chunk; both ways share what runs (the pending chunks) and what is stored. A batch is identified by its
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
import { checkRedisReachable, QueueExecutor, type QueueOptions } from './queue-executor.js';
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
  // A threat type's kind only names what it is for display, and is left out so that batches stored
  // before threat types had kinds keep their ids (and resume).
  const threatTypes = scenario.threatTypes.map(({ kind: _kind, ...type }) => type);
  return createHash('sha256')
    .update(JSON.stringify({ ...scenario, threatTypes }))
    .digest('hex');
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
  /** Told of every chunk stored (runs, of which failed): for a caller's own progress over many batches. */
  onProgress?: (runs: number, failed: number) => void;
  /** Runs per task sent to a worker; by default sized to the batch. */
  chunkSize?: number;
  /** The worker module; the compiled mc-worker by default. */
  workerFile?: string;
  /** Stop on SIGINT/SIGTERM, keeping what finished (default true). */
  handleSignals?: boolean;
  /** Send the runs to queue workers through Redis instead of running them on threads here. */
  queue?: QueueOptions;
}

export interface BatchResult {
  batch: BatchInfo;
  ranNow: number;
  failedNow: number;
  interrupted: boolean;
  aggregates: PointAggregate[];
}

/**
 * Where the chunks of a batch run: threads of this process, or queue workers anywhere. Both are
 * handed the same chunks and give back the same rows; what runs and what is stored is decided here.
 */
interface ChunkExecutor {
  /** Chunks kept in flight at once. */
  readonly window: number;
  run(chunk: RunChunk, signal: AbortSignal): { id: string; rows: Promise<RunRow[]> };
  /** The chunk's rows are in the store. */
  stored(id: string): Promise<void>;
  /** How many workers took part. */
  workerCount(): number;
  close(interrupted: boolean): Promise<void>;
}

function poolExecutor(workerFile: string, workers: number): ChunkExecutor {
  const pool = new Piscina<RunChunk, RunRow[]>({
    filename: workerFile,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 60_000,
  });
  let next = 0;
  return {
    window: 2 * workers,
    run: (chunk, signal) => ({ id: String(next++), rows: pool.run(chunk, { signal }) }),
    stored: () => Promise.resolve(),
    workerCount: () => workers,
    close: () => pool.destroy(),
  };
}

async function queueExecutor(batchId: string, options: QueueOptions): Promise<ChunkExecutor> {
  try {
    await checkRedisReachable(options.address);
  } catch (e) {
    throw new QueueUnreachableError(options.address.display, (e as Error).message);
  }
  const queue = new QueueExecutor(batchId, options);
  await queue.ready();
  return {
    window: queue.window,
    run: (chunk) => queue.run(chunk),
    stored: (id) => queue.stored(id),
    workerCount: () => queue.workers.size,
    close: (interrupted) => queue.close(interrupted),
  };
}

/** Redis could not be reached when the batch started: a user error (wrong address, no server). */
export class QueueUnreachableError extends Error {
  constructor(address: string, reason: string) {
    super(`--queue: cannot reach Redis at ${address}: ${reason}`);
    this.name = 'QueueUnreachableError';
  }
}

/**
 * Runs per chunk. Queued batches cut their runs on a fixed grid that depends on the batch alone, so
 * a re-run finds the very jobs it queued before; local ones size chunks to the workers.
 */
function chunkSizeFor(def: BatchDefinition, pending: number, options: RunBatchOptions): number {
  if (options.chunkSize !== undefined) return options.chunkSize;
  if (options.queue) return Math.max(1, Math.min(8, Math.ceil((def.points.length * def.runsPerPoint) / 256)));
  const workers = Math.max(1, Math.floor(options.workers));
  return Math.max(1, Math.min(8, Math.ceil(pending / (workers * 16))));
}

/** The pending runs, in (point, run) order, cut into chunks on the grid of `size` runs per point. */
export function* pendingChunks(
  prepared: PreparedBatch,
  stored: ReadonlySet<number>,
  size: number,
): Generator<RunChunk> {
  const { definition: def, pointTexts } = prepared;
  for (let point = 0; point < def.points.length; point++) {
    for (let start = 0; start < def.runsPerPoint; start += size) {
      const runs: RunChunk['runs'] = [];
      for (let run = start; run < Math.min(def.runsPerPoint, start + size); run++)
        if (!stored.has(point * def.runsPerPoint + run))
          runs.push({ point, run, seed: deriveSeed(def.batchSeed, run) });
      if (runs.length > 0)
        yield {
          scenarioHash: def.points[point].scenarioHash,
          scenarioText: pointTexts[point],
          scenarioFile: def.scenarioFile,
          runs,
        };
    }
  }
}

export async function runBatch(
  store: ResultsStore,
  prepared: PreparedBatch,
  options: RunBatchOptions,
): Promise<BatchResult> {
  const { definition: def } = prepared;
  const workerFile = options.workerFile ?? WORKER_FILE;
  if (!existsSync(workerFile))
    throw new Error(`worker module ${workerFile} is missing: run 'npm run build' first`);
  store.ensureBatch(def, new Date().toISOString());

  const stored = store.storedRunKeys(def.id, def.runsPerPoint);
  const total = def.points.length * def.runsPerPoint;
  const pending = total - stored.size;
  const workers = Math.max(1, Math.floor(options.workers));
  const chunkSize = chunkSizeFor(def, pending, options);

  let ranNow = 0;
  let failedNow = 0;
  let interrupted = false;
  if (pending > 0) {
    const executor = options.queue
      ? await queueExecutor(def.id, options.queue)
      : poolExecutor(workerFile, workers);
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
    const stopped = new Promise<void>((resolve) => abort.signal.addEventListener('abort', () => resolve()));
    const session = store.startSession(def.id, options.queue ? 0 : workers, new Date().toISOString());
    const started = performance.now();
    try {
      const inFlight = new Set<Promise<void>>();
      for (const chunk of pendingChunks(prepared, stored, chunkSize)) {
        if (stopping || fault !== undefined) break;
        const { id, rows } = executor.run(chunk, abort.signal);
        const task: Promise<void> = rows.then(
          (rows) => {
            if (stopping || fault !== undefined) return;
            try {
              store.addRuns(def.id, rows);
            } catch (e) {
              fault ??= e;
              abort.abort();
              return;
            }
            void executor.stored(id);
            const failed = rows.filter((r) => r.error !== undefined).length;
            ranNow += rows.length;
            failedNow += failed;
            progress?.advance(rows.length, failed);
            options.onProgress?.(rows.length, failed);
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
        if (inFlight.size >= executor.window) await Promise.race([...inFlight, stopped]);
      }
      // Queued jobs do not hear the abort signal: stop waiting for them when the batch stops.
      await Promise.race([Promise.all(inFlight), stopped]);
    } finally {
      if (options.handleSignals ?? true) {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      await executor.close(interrupted);
      store.endSession(
        session,
        def.id,
        ranNow,
        performance.now() - started,
        interrupted ? 'interrupted' : fault !== undefined ? 'fault' : 'finished',
        new Date().toISOString(),
        executor.workerCount(),
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
