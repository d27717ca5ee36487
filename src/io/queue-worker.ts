// A queue worker: takes jobs of seeded runs from Redis (BullMQ), runs them on its own pool of
// worker threads — the same compiled mc-worker a local batch uses — and hands the rows back as the
// job's result. The runs stay off the main thread so it keeps renewing the jobs' locks; a worker
// that dies mid-job stops renewing, and after the stall timeout another worker takes the job again.
// A job from a submitter of another project version is put back untouched (but for a note of the
// refusal, which the submitter prints) and the worker stops: its numbers would not be the ones that
// version gives.

import { hostname } from 'node:os';
import { DelayedError, Worker, type Job } from 'bullmq';
import { Piscina } from 'piscina';
import { WORKER_FILE } from './batch-runner.js';
import type { NightResult } from '../analysis/campaign/index.js';
import type { RunChunk } from './mc-worker.js';
import type { NightsTask } from './night-task.js';
import type { RunRow } from './results-store.js';
import {
  DEFAULT_QUEUE_NAME,
  encodeResult,
  projectVersion,
  type JobRefusal,
  type QueueAddress,
  type RunJobData,
  type RunJobResult,
} from './run-queue.js';

export interface QueueWorkerOptions {
  address: QueueAddress;
  queueName?: string;
  /** Jobs run at once, each on its own thread. */
  threads: number;
  /** Seconds a dead worker's job stays locked before another worker takes it again. */
  stallTimeoutS?: number;
  /** One line per job taken, finished or refused. */
  log: (line: string) => void;
}

export class VersionMismatch extends Error {
  constructor(
    readonly jobId: string,
    readonly wanted: string,
    readonly own: string,
  ) {
    super(
      `job ${jobId} was queued by bulwark ${wanted}, but this worker is bulwark ${own}: ` +
        'a worker must run the very same version as the submitter (same release, same build) ' +
        'to give the same numbers. Install that version here and start the worker again.',
    );
    this.name = 'VersionMismatch';
  }
}

export interface RunningWorker {
  name: string;
  version: string;
  /** Settles when the worker has stopped: normally, or refusing a job (VersionMismatch). */
  stopped: Promise<void>;
  /** Finishes the jobs in hand, then stops. */
  stop(): Promise<void>;
}

export function startQueueWorker(options: QueueWorkerOptions): RunningWorker {
  const version = projectVersion();
  const name = `${hostname()}:${process.pid}`;
  const threads = Math.max(1, Math.floor(options.threads));
  const pool = new Piscina<RunChunk | NightsTask, RunRow[]>({
    filename: WORKER_FILE,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  const lockDuration = 1000 * (options.stallTimeoutS ?? 30);
  let refusal: VersionMismatch | undefined;
  let stopping: Promise<void> | undefined;

  const handle = async (job: Job<RunJobData, string>, token?: string): Promise<string> => {
    const id = job.id ?? '?';
    if (job.data.version !== version) {
      refusal ??= new VersionMismatch(id, job.data.version, version);
      // The submitter hears of it at once (a progress event) and tells its user; a best effort, since
      // the refusal itself must not wait on it.
      const note: JobRefusal = { refused: { worker: name, version } };
      await job.updateProgress(note).catch(() => undefined);
      // Back to the queue for a worker of the right version, its attempts untouched.
      await job.moveToDelayed(Date.now() + 1000, token);
      void stop();
      throw new DelayedError();
    }
    const { chunk, nights } = job.data;
    const what = nights ? `${nights.nights.length} campaign nights` : `${chunk?.runs.length ?? 0} runs`;
    const attempt = job.attemptsStarted > 1 ? `, attempt ${job.attemptsStarted}` : '';
    options.log(`took ${id} (${what}${attempt})`);
    const started = performance.now();
    const result: RunJobResult = nights
      ? { worker: name, nights: (await pool.run(nights, { name: 'runNights' })) as unknown as NightResult[] }
      : { worker: name, rows: chunk ? await pool.run(chunk) : [] };
    options.log(`done ${id} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return encodeResult(result);
  };

  const worker = new Worker<RunJobData, string>(options.queueName ?? DEFAULT_QUEUE_NAME, handle, {
    connection: options.address.connection,
    concurrency: threads,
    lockDuration,
    stalledInterval: lockDuration,
    maxStalledCount: 5,
    name,
  });
  let lastError = '';
  worker.on('error', (e) => {
    // Redis going away shows up here, once per outage; the worker reconnects by itself.
    if (e.message !== lastError) options.log(`queue: ${e.message}`);
    lastError = e.message;
  });
  worker.on('ready', () => (lastError = ''));
  worker.on('failed', (job, e) => {
    if (!(e instanceof DelayedError) && e.name !== 'DelayedError')
      options.log(`failed ${job?.id ?? '?'}: ${e.message}`);
  });

  let resolveStopped!: () => void;
  let rejectStopped!: (e: unknown) => void;
  const stopped = new Promise<void>((resolve, reject) => {
    resolveStopped = resolve;
    rejectStopped = reject;
  });
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await worker.close();
      await pool.destroy();
      if (refusal) rejectStopped(refusal);
      else resolveStopped();
    })());
  return { name, version, stopped, stop };
}
