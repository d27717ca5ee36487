// Campaigns run in the background for the server: a queue worked by one worker thread at a time
// (a campaign's surrogate fit is itself hundreds of tactical runs) and progress as it comes. A
// finished trajectory is saved under the results folder (`campaign-runs/<job>.json`), so it outlives
// the server; the last few stay in memory too. Fitted surrogates are cached under the results
// folder as well, so running the same campaign again skips the fit.

import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CampaignTrajectory, OverJson } from '../model/campaign-trajectory.js';
import { writeFileAtomic } from './atomic-write.js';
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
  /** When it finished (ISO 8601), null while queued or running. */
  finishedAt: string | null;
}

/** Job ids as CampaignJobs makes them. */
export const CAMPAIGN_JOB_ID = /^campaign-[0-9a-f]{12}$/;

/** A trajectory as served: computed in this process, or read back from its file (NaN saved as null). */
export type ServedTrajectory = CampaignTrajectory | OverJson<CampaignTrajectory>;

const SAVED_FORMAT = 1;

interface SavedRun {
  format: typeof SAVED_FORMAT;
  info: CampaignJobInfo;
  trajectory: OverJson<CampaignTrajectory>;
}

interface Job extends CampaignJobInfo {
  /** In memory; a saved run's is read from its file when asked for. */
  trajectory?: ServedTrajectory;
  saved?: boolean;
  worker?: Worker;
  started?: number;
}

export interface CampaignJobsOptions {
  /** Jobs waiting or running at once; more are refused until one finishes. */
  maxPending?: number;
  /** Finished trajectories kept in memory, oldest dropped first (saved runs stay listed and on disk). */
  keepFinished?: number;
}

export class CampaignJobs {
  private readonly jobs: Job[] = [];
  private readonly maxPending: number;
  private readonly keepFinished: number;
  private readonly runsDir: string;

  constructor(
    private readonly scenariosDir: string,
    private readonly resultsDir: string,
    options: CampaignJobsOptions = {},
  ) {
    this.maxPending = options.maxPending ?? 4;
    this.keepFinished = options.keepFinished ?? 16;
    this.runsDir = join(resultsDir, 'campaign-runs');
    this.jobs.push(...savedRuns(this.runsDir));
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
      finishedAt: null,
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

  trajectory(id: string): ServedTrajectory | undefined {
    const job = this.jobs.find((j) => j.id === id);
    if (!job || job.status !== 'done') return undefined;
    return job.trajectory ?? readSaved(this.file(id))?.trajectory;
  }

  /** Deletes a finished run and its saved trajectory; false when there is none such. */
  remove(id: string): boolean {
    const job = this.jobs.find((j) => j.id === id);
    if (!job || job.status === 'queued' || job.status === 'running') return false;
    rmSync(this.file(id), { force: true });
    this.jobs.splice(this.jobs.indexOf(job), 1);
    return true;
  }

  private file(id: string): string {
    return join(this.runsDir, `${id}.json`);
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
    job.finishedAt = new Date().toISOString();
    const worker = job.worker;
    job.worker = undefined;
    if (worker) void worker.terminate();
    if (status === 'done' && job.trajectory) job.saved = this.save(job);
    // Older finished runs leave memory: saved ones stay listed and are read back when asked for,
    // unsaved ones (failed, stopped, or not written) are dropped.
    const inMemory = this.jobs.filter((j) => j.saved && j.trajectory);
    for (const old of inMemory.slice(0, Math.max(0, inMemory.length - this.keepFinished)))
      old.trajectory = undefined;
    const unsaved = this.jobs.filter((j) => !['queued', 'running'].includes(j.status) && !j.saved);
    for (const old of unsaved.slice(0, Math.max(0, unsaved.length - this.keepFinished)))
      this.jobs.splice(this.jobs.indexOf(old), 1);
    if (wasRunning) this.next();
  }

  /** Saves a finished run; a failure to write keeps it in memory only (the server goes on). */
  private save(job: Job): boolean {
    const saved: SavedRun = {
      format: SAVED_FORMAT,
      info: info(job),
      trajectory: job.trajectory as SavedRun['trajectory'],
    };
    try {
      mkdirSync(this.runsDir, { recursive: true });
      writeFileAtomic(this.file(job.id), JSON.stringify(saved));
      return true;
    } catch (e) {
      job.error = `the trajectory is kept in memory only: it could not be saved (${(e as Error).message})`;
      return false;
    }
  }
}

function info(job: Job): CampaignJobInfo {
  const { id, campaign, options, status, progress, error, elapsedMs, finishedAt } = job;
  return { id, campaign, options, status, progress, error, elapsedMs, finishedAt };
}

function readSaved(file: string): SavedRun | undefined {
  try {
    const run = JSON.parse(readFileSync(file, 'utf8')) as SavedRun;
    return run.format === SAVED_FORMAT && run.info?.status === 'done' && run.trajectory ? run : undefined;
  } catch {
    return undefined;
  }
}

/** The runs saved in a folder, oldest first; files that cannot be read are left alone and not listed. */
function savedRuns(dir: string): Job[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const jobs: Job[] = [];
  for (const name of names.sort()) {
    const id = name.replace(/\.json$/, '');
    if (id === name || !CAMPAIGN_JOB_ID.test(id)) continue;
    const run = readSaved(join(dir, name));
    if (run && run.info.id === id) jobs.push({ ...run.info, saved: true });
  }
  return jobs.sort((a, b) => (a.finishedAt ?? '').localeCompare(b.finishedAt ?? ''));
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
