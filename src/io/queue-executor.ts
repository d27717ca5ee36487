// The submitter's side of a queued batch: each chunk of pending runs becomes a BullMQ job with a
// stable id, and its rows come back when a worker completes it. Completions are heard on the
// queue's event stream; a reconciliation pass every few seconds asks Redis for the state of every job
// still awaited, so nothing depends on an event being seen: a job completed while this process was
// away (a re-attaching submitter) is collected, a job failed for good is reported, and a job Redis
// no longer knows (restarted without its data) is queued again. A job is removed from Redis only
// after its rows are in the results store, so a submitter killed at any instant loses nothing, and
// the same command started again re-attaches to the same jobs instead of running them twice.
// A worker of another project version refuses a job and leaves a note on it; the submitter tells
// its user at once, once per worker, and goes on waiting for a worker of its own version.

import { Job, Queue, QueueEvents } from 'bullmq';
import type { RunChunk } from './mc-worker.js';
import type { RunRow } from './results-store.js';
import {
  chunkJobId,
  decodeResult,
  DEFAULT_QUEUE_NAME,
  isJobRefusal,
  projectVersion,
  type QueueAddress,
  type RunJobData,
  type RunJobResult,
} from './run-queue.js';
import type { NightResult } from '../analysis/campaign/index.js';
import type { NightsTask } from './night-task.js';

export interface QueueOptions {
  address: QueueAddress;
  queueName?: string;
  /** Jobs kept queued or running at once (default 128). */
  window?: number;
  /** A job whose processing throws is tried this many times in all (default 5). */
  attempts?: number;
  /** Told when Redis goes away and comes back, and when a worker refuses a job, for the progress output. */
  onNotice?: (message: string) => void;
}

interface Awaited {
  data: RunJobData;
  resolve: (result: RunJobResult) => void;
  reject: (e: unknown) => void;
}

/** How often every awaited job is looked up in Redis (completions are heard at once otherwise). */
const RECONCILE_MS = 3000;

export class QueueExecutor {
  readonly window: number;
  readonly version = projectVersion();
  /** Names of the workers that sent rows back. */
  readonly workers = new Set<string>();
  private readonly queue: Queue<RunJobData, string>;
  private readonly events: QueueEvents;
  private readonly awaited = new Map<string, Awaited>();
  private readonly timer: NodeJS.Timeout;
  private readonly retried = new Set<string>();
  private readonly removals = new Set<Promise<void>>();
  private reconciling = false;
  /** Whether a pass has looked for refusals left on jobs before this submitter came. */
  private refusalsChecked = false;
  /** Workers whose refusal was told, by name and version. */
  private readonly refusedBy = new Set<string>();
  private closed = false;
  private redisDown = false;

  constructor(
    private readonly batchId: string,
    private readonly options: QueueOptions,
  ) {
    this.window = options.window ?? 128;
    const name = options.queueName ?? DEFAULT_QUEUE_NAME;
    this.queue = new Queue<RunJobData, string>(name, { connection: options.address.connection });
    this.events = new QueueEvents(name, { connection: options.address.connection });
    const onError = (e: Error) => {
      if (this.redisDown || this.closed) return;
      this.redisDown = true;
      options.onNotice?.(
        `queue: Redis at ${options.address.display} unreachable (${e.message}); waiting for it to come back`,
      );
    };
    this.queue.on('error', onError);
    this.events.on('error', onError);
    this.events.on('completed', ({ jobId, returnvalue }) => {
      if (typeof returnvalue === 'string') this.settle(jobId, returnvalue);
    });
    this.events.on('progress', ({ jobId, data }) => this.noteRefusal(jobId, data));
    this.timer = setInterval(() => void this.reconcile(), RECONCILE_MS);
  }

  /** Waits until both connections are up (Redis answers). */
  async ready(): Promise<void> {
    await this.queue.waitUntilReady();
    await this.events.waitUntilReady();
  }

  /** Queues the chunk (or finds its job queued before) and gives its rows once a worker ran it. */
  run(
    chunk: RunChunk,
    id = chunkJobId(this.batchId, this.version, chunk),
  ): { id: string; rows: Promise<RunRow[]> } {
    const result = this.enqueue({ version: this.version, batchId: this.batchId, chunk }, id);
    return { id, rows: result.then((r) => r.rows ?? []) };
  }

  /** Queues design nights of a surrogate's fit under this id and gives what each did. */
  runNights(task: NightsTask, id: string): Promise<NightResult[]> {
    return this.enqueue({ version: this.version, batchId: this.batchId, nights: task }, id).then(
      (r) => r.nights ?? [],
    );
  }

  private enqueue(data: RunJobData, id: string): Promise<RunJobResult> {
    const result = new Promise<RunJobResult>((resolve, reject) => {
      this.awaited.set(id, { data, resolve, reject });
    });
    void this.submit(id, data).catch((e: unknown) => this.fail(id, e));
    return result;
  }

  /** The results of this job are kept (stored, or used): Redis may forget it. */
  async stored(id: string): Promise<void> {
    const removal = this.queue.remove(id).then(
      () => undefined,
      () => undefined,
    );
    this.removals.add(removal);
    await removal;
    this.removals.delete(removal);
  }

  private async submit(id: string, data: RunJobData): Promise<void> {
    // A job of this id queued by an earlier submitter is kept as it is (BullMQ ignores the add);
    // the next reconciliation pass collects it if it finished meanwhile.
    await this.queue.add('runs', data, {
      jobId: id,
      attempts: this.options.attempts ?? 5,
      backoff: { type: 'fixed', delay: 1000 },
      // Removed by the submitter once stored; a day's grace for results nobody came back for.
      removeOnComplete: { age: 24 * 3600 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }

  private settle(id: string, returnvalue: string): void {
    const waiting = this.awaited.get(id);
    if (!waiting) return;
    this.awaited.delete(id);
    try {
      const result = decodeResult(returnvalue);
      this.workers.add(result.worker);
      waiting.resolve(result);
    } catch (e) {
      waiting.reject(e);
    }
  }

  private fail(id: string, e: unknown): void {
    const waiting = this.awaited.get(id);
    if (!waiting) return;
    this.awaited.delete(id);
    waiting.reject(e);
  }

  /** Tells the user, once per worker, that a worker of another version refused one of these jobs. */
  private noteRefusal(id: string, progress: unknown): void {
    if (!this.awaited.has(id) || !isJobRefusal(progress)) return;
    const { worker, version } = progress.refused;
    if (version === this.version || this.refusedBy.has(`${worker} ${version}`)) return;
    this.refusedBy.add(`${worker} ${version}`);
    this.options.onNotice?.(
      `queue: worker ${worker} refused job ${id}: it runs bulwark ${version}, this batch needs bulwark ` +
        `${this.version}; start workers of the same version (same release, same build). ` +
        'Still waiting for one.',
    );
  }

  private async collect(id: string): Promise<void> {
    const job = await Job.fromId<RunJobData, string>(this.queue, id);
    if (job?.returnvalue !== undefined && job.returnvalue !== null) this.settle(id, job.returnvalue);
  }

  /** Asks Redis about every job still awaited: collects, requeues or reports it. */
  private async reconcile(): Promise<void> {
    if (this.reconciling || this.closed || this.awaited.size === 0) return;
    this.reconciling = true;
    try {
      const ids = [...this.awaited.keys()];
      const states = await Promise.all(ids.map((id) => this.queue.getJobState(id)));
      // Once: a refusal that came while no submitter listened (this one re-attaching) is on the job.
      const checkRefusals = !this.refusalsChecked;
      this.refusalsChecked = true;
      if (this.redisDown) {
        this.redisDown = false;
        this.options.onNotice?.(`queue: Redis at ${this.options.address.display} is back; resuming`);
      }
      await Promise.all(
        ids.map(async (id, i) => {
          const waiting = this.awaited.get(id);
          if (!waiting) return;
          if (states[i] === 'completed') await this.collect(id);
          else if (checkRefusals && (states[i] === 'waiting' || states[i] === 'delayed')) {
            const job = await Job.fromId(this.queue, id);
            if (job) this.noteRefusal(id, job.progress);
          } else if (states[i] === 'unknown') await this.submit(id, waiting.data);
          else if (states[i] === 'failed') {
            const job = await Job.fromId(this.queue, id);
            // Failed for good before this submitter came: this command tries it once more.
            if (job && !this.retried.has(id)) {
              this.retried.add(id);
              await job.retry('failed');
            } else
              this.fail(id, new Error(`queued job ${id} failed: ${job?.failedReason ?? 'no reason given'}`));
          }
        }),
      );
    } catch {
      // Redis is away: the next pass tries again.
    } finally {
      this.reconciling = false;
    }
  }

  /**
   * Stops awaiting. When the batch was interrupted, jobs not yet taken by a worker are withdrawn
   * (a re-run queues them again); those running finish and wait in Redis for the re-run.
   */
  async close(withdraw: boolean): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    const ids = [...this.awaited.keys()];
    for (const id of ids) this.fail(id, new Error('the batch stopped'));
    if (withdraw)
      await Promise.all(
        ids.map(async (id) => {
          if ((await this.queue.getJobState(id).catch(() => 'unknown')) === 'waiting')
            await this.queue.remove(id).catch(() => undefined);
        }),
      );
    await Promise.all(this.removals);
    await this.events.close();
    await this.queue.close();
  }
}

/** Fails fast with the reason when Redis cannot be reached at all (a wrong address, no server). */
export async function checkRedisReachable(address: QueueAddress, timeoutMs = 5000): Promise<void> {
  const { Redis } = await import('ioredis');
  const { connection } = address;
  const client = new Redis({
    ...(connection as object),
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: timeoutMs,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } finally {
    client.disconnect();
  }
}
