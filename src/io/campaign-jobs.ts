// Campaigns run in the background for the server: a queue worked by one worker thread at a time
// (a campaign's surrogate fit is itself hundreds of tactical runs), progress as it comes, and the
// last finished trajectories kept in memory to be fetched. Fitted surrogates are cached under the
// results folder, so running the same campaign again skips the fit.

import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CampaignTrajectory } from '../model/campaign-trajectory.js';
import type { CampaignJobOptions, CampaignProgress } from './campaign-job.js';
import type { CampaignWorkMessage, CampaignWorkRequest } from './campaign-worker.js';

export type CampaignJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface CampaignJobInfo {
  id: string;
  campaign: string;
  options: CampaignJobOptions;
  status: CampaignJobStatus;
  progress: CampaignProgress | null;
  error: string | null;
  /** Wall time from start to finish, ms. */
  elapsedMs: number | null;
}

interface Job extends CampaignJobInfo {
  trajectory?: CampaignTrajectory;
  worker?: Worker;
  started?: number;
}

export interface CampaignJobsOptions {
  /** Jobs waiting or running at once; more are refused until one finishes. */
  maxPending?: number;
  /** Finished jobs kept (with their trajectories), oldest dropped first. */
  keepFinished?: number;
}

export class CampaignJobs {
  private readonly jobs: Job[] = [];
  private readonly maxPending: number;
  private readonly keepFinished: number;

  constructor(
    private readonly scenariosDir: string,
    private readonly resultsDir: string,
    options: CampaignJobsOptions = {},
  ) {
    this.maxPending = options.maxPending ?? 4;
    this.keepFinished = options.keepFinished ?? 16;
  }

  /** Queues a campaign run; undefined when the queue is full. */
  start(campaign: string, options: CampaignJobOptions): CampaignJobInfo | undefined {
    if (this.jobs.filter((j) => j.status === 'queued' || j.status === 'running').length >= this.maxPending)
      return undefined;
    const job: Job = {
      id: `campaign-${randomBytes(6).toString('hex')}`,
      campaign,
      options,
      status: 'queued',
      progress: null,
      error: null,
      elapsedMs: null,
    };
    this.jobs.push(job);
    this.next();
    return info(job);
  }

  info(id: string): CampaignJobInfo | undefined {
    const job = this.jobs.find((j) => j.id === id);
    return job && info(job);
  }

  list(): CampaignJobInfo[] {
    return this.jobs.map(info);
  }

  trajectory(id: string): CampaignTrajectory | undefined {
    return this.jobs.find((j) => j.id === id)?.trajectory;
  }

  /** Stops a queued or running job; false when there is none such. */
  cancel(id: string): boolean {
    const job = this.jobs.find((j) => j.id === id);
    if (!job || (job.status !== 'queued' && job.status !== 'running')) return false;
    void job.worker?.terminate();
    this.finish(job, 'cancelled', 'cancelled');
    return true;
  }

  async close(): Promise<void> {
    for (const job of this.jobs) if (job.status === 'queued') job.status = 'cancelled';
    await Promise.all(this.jobs.map((j) => j.worker?.terminate()));
  }

  private next(): void {
    if (this.jobs.some((j) => j.status === 'running')) return;
    const job = this.jobs.find((j) => j.status === 'queued');
    if (!job) return;
    job.status = 'running';
    job.started = performance.now();
    const worker = spawnWorker();
    job.worker = worker;
    worker.on('message', (m: CampaignWorkMessage) => {
      if (job.status !== 'running') return;
      if (m.type === 'progress') job.progress = m.progress;
      else if (m.type === 'done') {
        job.trajectory = m.trajectory;
        this.finish(job, 'done');
      } else this.finish(job, 'failed', m.error);
    });
    worker.on('error', (e) => {
      if (job.status === 'running') this.finish(job, 'failed', `the campaign worker failed: ${e.message}`);
    });
    worker.on('exit', () => {
      if (job.status === 'running') this.finish(job, 'failed', 'the campaign worker stopped');
    });
    const request: CampaignWorkRequest = {
      scenariosDir: this.scenariosDir,
      id: job.campaign,
      options: job.options,
      surrogateDir: join(this.resultsDir, 'surrogates'),
    };
    worker.postMessage(request);
  }

  private finish(job: Job, status: CampaignJobStatus, error?: string): void {
    const wasRunning = job.status === 'running';
    job.status = status;
    job.error = error ?? null;
    if (job.started !== undefined) job.elapsedMs = Math.round(performance.now() - job.started);
    const worker = job.worker;
    job.worker = undefined;
    if (worker) void worker.terminate();
    const finished = this.jobs.filter((j) => !['queued', 'running'].includes(j.status));
    for (const old of finished.slice(0, Math.max(0, finished.length - this.keepFinished)))
      this.jobs.splice(this.jobs.indexOf(old), 1);
    if (wasRunning) this.next();
  }
}

function info(job: Job): CampaignJobInfo {
  const { id, campaign, options, status, progress, error, elapsedMs } = job;
  return { id, campaign, options, status, progress, error, elapsedMs };
}

/**
 * The compiled worker next to this module; run from the TypeScript sources (tests, `tsx`), the
 * worker registers tsx first so that it can load them too.
 */
function spawnWorker(): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./campaign-worker.js', here));
  const url = JSON.stringify(new URL('./campaign-worker.ts', here).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${url}); });`, {
    eval: true,
  });
}
