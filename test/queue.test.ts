// Batches through a real Redis (Debian's redis-server) and real `bulwark worker` processes: the same
// rows as a local batch whatever the workers, and the faults — a worker killed mid-job, Redis lost
// mid-batch, the submitter killed and run again, a worker of another version — each checked by
// counting the rows in the results store. Workers run the compiled code: `npm test` builds it first.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gridPoints, parseSetSpec } from '../src/analysis/sweep.js';
import { prepareBatch, runBatch, type PreparedBatch } from '../src/io/batch-runner.js';
import { openResultsStore, type ResultsStore } from '../src/io/results-store.js';
import { parseQueueAddress, QueueAddressError, type RunJobData } from '../src/io/run-queue.js';
import {
  BIN,
  hasRedis,
  otherVersionInstall,
  sharedRedis,
  TestRedis,
  waitFor,
  WorkerProcess,
} from './redis-support.js';
import { MC_NIGHT_FILE as FIXTURE, MC_NIGHT_TEXT as TEXT, mcRequest } from './mc-night.js';

let dir: string;
let queueCount = 0;
const stores: ResultsStore[] = [];
const workers: WorkerProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-queue-'));
});
afterEach(async () => {
  for (const w of workers.splice(0)) await w.kill();
  for (const s of stores.splice(0)) s.close();
  for (const c of cleanups.splice(0)) await c();
  rmSync(dir, { recursive: true, force: true });
});

function store(name: string): ResultsStore {
  const s = openResultsStore(join(dir, name));
  stores.push(s);
  return s;
}

/** A queue name of its own for each test, so tests sharing a Redis never see each other's jobs. */
const queueName = () => `test-${process.pid}-${++queueCount}`;

function worker(url: string, queue: string, extra: string[] = []): WorkerProcess {
  const w = new WorkerProcess(url, queue, ['--stall-timeout', '2', ...extra]);
  workers.push(w);
  return w;
}

const rowsOf = (s: ResultsStore, id: string) =>
  [...s.runs(id, undefined, { marks: true })].map(({ durationMs: _, ...r }) => JSON.stringify(r));

async function runCli(
  args: string[],
  keepStdout = false,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((r) => child.once('close', r));
  return { status, stdout, stderr };
}

/** `bulwark mc` of 4 runs through the queue, in the background, its stderr collected. */
function submit(url: string, queue: string, storeFile: string) {
  const args = ['mc', FIXTURE, '-n', '4', '--seed', '3', '--store', storeFile];
  const child = spawn(process.execPath, [BIN, ...args, '--queue', url, '--queue-name', queue], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const run = { child, stderr: '', exit: new Promise<number | null>((r) => child.once('close', r)) };
  child.stderr!.on('data', (d: Buffer) => (run.stderr += d.toString()));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await run.exit;
  });
  return run;
}

/** The batch run here on threads: what the queued batch must give. */
async function localRows(prepared: PreparedBatch): Promise<string[]> {
  const s = store(`local-${prepared.definition.id}.db`);
  const result = await runBatch(s, prepared, { workers: 2, handleSignals: false });
  return rowsOf(s, result.batch.id);
}

describe('parseQueueAddress', () => {
  it('reads host, port, database, password and TLS, and hides the password when shown', () => {
    const a = parseQueueAddress('rediss://:s3cret@queue.example.org:6380/2');
    expect(a.connection).toMatchObject({ host: 'queue.example.org', port: 6380, db: 2, password: 's3cret' });
    expect(a.connection).toHaveProperty('tls');
    expect(a.display).toBe('rediss://:***@queue.example.org:6380/2');
    expect(parseQueueAddress('redis://127.0.0.1').connection).toMatchObject({ port: 6379, db: 0 });
  });

  it('refuses what is not a Redis address', () => {
    for (const bad of ['localhost:6379', 'http://h:1', 'redis://h:1/x', 'redis://', '6379'])
      expect(() => parseQueueAddress(bad), bad).toThrow(QueueAddressError);
  });
});

describe.skipIf(!hasRedis)('queued batches on a real Redis', { timeout: 240_000 }, () => {
  it('stores the same rows and statistics as a local batch, with two workers', async () => {
    const redis = await sharedRedis();
    cleanups.push(redis.stop);
    const queue = queueName();
    const ws = [worker(redis.url, queue), worker(redis.url, queue)];
    await Promise.all(ws.map((w) => w.ready()));
    const prepared = prepareBatch(mcRequest(24));
    const sweep = prepareBatch({
      ...mcRequest(6),
      kind: 'sweep',
      params: { runs: 6, sets: ['stock'] },
      points: gridPoints([parseSetSpec('defenders.north-interceptors.stock=0,14')]),
    });
    const address = parseQueueAddress(redis.url);
    for (const p of [prepared, sweep]) {
      const s = store(`queued-${p.definition.id}.db`);
      const result = await runBatch(s, p, {
        workers: 1,
        chunkSize: 3,
        handleSignals: false,
        queue: { address, queueName: queue },
      });
      expect(result.ranNow).toBe(p.definition.points.length * p.definition.runsPerPoint);
      const local = store(`local-${p.definition.id}.db`);
      const reference = await runBatch(local, p, { workers: 2, handleSignals: false });
      expect(rowsOf(s, result.batch.id)).toEqual(rowsOf(local, reference.batch.id));
      expect(JSON.stringify(result.aggregates)).toEqual(JSON.stringify(reference.aggregates));
    }
    // Every job was taken once and done once, and Redis keeps none of them once stored.
    const took = ws.flatMap((w) => w.jobs('took'));
    expect(new Set(took).size).toBe(took.length);
    expect(took).toHaveLength(8 + 4);
    const q = new Queue(queue, { connection: address.connection });
    expect(await q.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed')).toMatchObject({
      waiting: 0,
      active: 0,
      completed: 0,
      failed: 0,
      delayed: 0,
    });
    await q.close();
  });

  it('retakes the job of a worker killed mid-job: no row lost, none twice', async () => {
    const redis = await sharedRedis();
    cleanups.push(redis.stop);
    const queue = queueName();
    const doomed = worker(redis.url, queue);
    await doomed.ready();
    const prepared = prepareBatch(mcRequest(40, 7));
    const s = store('killed-worker.db');
    const batch = runBatch(s, prepared, {
      workers: 1,
      chunkSize: 20,
      handleSignals: false,
      queue: { address: parseQueueAddress(redis.url), queueName: queue },
    });
    await waitFor('the first job to be taken', () => doomed.jobs('took').length > 0);
    await doomed.kill('SIGKILL');
    const [lost] = doomed.jobs('took');
    expect(doomed.jobs('done')).not.toContain(lost);
    const survivor = worker(redis.url, queue);
    const result = await batch;
    // The survivor took the lost job again, once the dead worker's lock ran out.
    expect(survivor.jobs('done')).toContain(lost);
    expect(result.batch.doneRuns).toBe(40);
    const count = s.db.prepare('SELECT COUNT(*) AS n FROM runs WHERE batch_id = ?').get(result.batch.id) as {
      n: number;
    };
    expect(count.n).toBe(40);
    expect(rowsOf(s, result.batch.id)).toEqual(await localRows(prepared));
  });

  it('resumes a batch when Redis restarts with nothing left of it', async () => {
    const redis = await TestRedis.start();
    cleanups.push(() => redis.stop());
    const queue = queueName();
    const w = worker(redis.url, queue);
    await w.ready();
    const prepared = prepareBatch(mcRequest(40, 3));
    const s = store('redis-restart.db');
    const notices: string[] = [];
    const batch = runBatch(s, prepared, {
      workers: 1,
      chunkSize: 4,
      handleSignals: false,
      queue: { address: parseQueueAddress(redis.url), queueName: queue, onNotice: (m) => notices.push(m) },
    });
    await waitFor('a few jobs done', () => w.jobs('done').length >= 2);
    await redis.kill();
    await new Promise((r) => setTimeout(r, 1500));
    await redis.startProcess();
    const result = await batch;
    expect(result.batch.doneRuns).toBe(40);
    expect(rowsOf(s, result.batch.id)).toEqual(await localRows(prepared));
    // The worker lived through the outage and went on taking jobs.
    expect(w.child.exitCode).toBeNull();
    expect(notices.some((n) => n.includes('unreachable'))).toBe(true);
  });

  it('re-attaches a submitter killed and run again: nothing runs twice', async () => {
    const redis = await sharedRedis();
    cleanups.push(redis.stop);
    const queue = queueName();
    const w = worker(redis.url, queue);
    await w.ready();
    const storeFile = join(dir, 'reattach.db');
    const args = [BIN, 'mc', FIXTURE, '-n', '40', '--seed', '9', '--store', storeFile];
    const queued = [...args, '--queue', redis.url, '--queue-name', queue];
    const first = spawn(process.execPath, queued, { stdio: 'ignore' });
    await waitFor('some jobs done', () => w.jobs('done').length >= 5);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    // The worker goes on with the jobs queued; their results wait in Redis for the submitter.
    const doneWhileAway = w.jobs('done').length;
    await waitFor('more jobs done while the submitter is away', () => w.jobs('done').length > doneWhileAway);
    // Run without blocking this process: the worker's log must keep flowing in meanwhile.
    const second = await runCli(queued);
    expect(second.stderr).toMatch(/40\/40 runs stored/);
    expect(second.status).toBe(0);
    const took = w.jobs('took');
    expect(took, w.log).toHaveLength(40);
    expect(new Set(took).size).toBe(40);
    const s = openResultsStore(storeFile);
    stores.push(s);
    const [batch] = s.listBatches();
    expect(batch.doneRuns).toBe(40);
    const local = await runCli([...args.slice(0, -1), join(dir, 'local.db'), '-w', '1']);
    expect(local.status).toBe(0);
    const l = openResultsStore(join(dir, 'local.db'));
    stores.push(l);
    expect(rowsOf(s, batch.id)).toEqual(rowsOf(l, batch.id));
  });

  it('fits the same surrogate and finds the same plan when `bulwark plan` queues its nights', async () => {
    const redis = await sharedRedis();
    cleanups.push(redis.stop);
    const queue = queueName();
    const w = worker(redis.url, queue);
    await w.ready();
    const campaign = join(import.meta.dirname, 'fixtures', 'campaign', 'small-campaign.yaml');
    const args = [BIN, 'plan', campaign, '--objective', 'damage', '--budget', '300 k$'];
    // Both fit afresh (--refit): a fit kept by an earlier run would leave the workers nothing to do
    // and the local run nothing to compare.
    const tiny = ['--surrogate-points', '10', '--held-out', '4', '--days', '12', '--runs', '2', '--refit'];
    const more = ['--restarts', '0', '--evaluations', '40', '--json'];
    const queued = await runCli(
      [...args, ...tiny, ...more, '--queue', redis.url, '--queue-name', queue],
      true,
    );
    expect(queued.status, queued.stderr).toBe(0);
    const local = await runCli([...args, ...tiny, ...more], true);
    expect(local.status, local.stderr).toBe(0);
    expect(JSON.parse(queued.stdout)).toEqual(JSON.parse(local.stdout));
    // 14 design nights, 4 to a job: every job taken once, by the worker.
    const took = w.jobs('took');
    expect(took).toHaveLength(4);
    expect(new Set(took).size).toBe(4);
  });

  it('refuses a job queued by another version, leaving it for the right workers', async () => {
    const redis = await sharedRedis();
    cleanups.push(redis.stop);
    const queue = queueName();
    const address = parseQueueAddress(redis.url);
    const q = new Queue<RunJobData>(queue, { connection: address.connection });
    const prepared = prepareBatch(mcRequest(2));
    await q.add(
      'runs',
      {
        version: '0.0.1+0123456789ab',
        batchId: prepared.definition.id,
        chunk: {
          scenarioHash: prepared.definition.scenarioHash,
          scenarioText: TEXT,
          scenarioFile: FIXTURE,
          runs: [{ point: 0, run: 0, seed: 1 }],
        },
      },
      { jobId: 'other-version-job', attempts: 1 },
    );
    const w = worker(redis.url, queue);
    expect(await w.exited).toBe(2);
    expect(w.log).toMatch(
      /job other-version-job was queued by bulwark 0\.0\.1\+0123456789ab, but this worker is bulwark \d/,
    );
    expect(w.log).not.toMatch(/internal error|\n\s+at /);
    const job = await q.getJob('other-version-job');
    expect(await job!.getState()).not.toBe('failed');
    expect(job!.attemptsMade).toBe(0);
    await q.close();
  });

  it('tells the submitter at once when a worker of another version refuses its job, and goes on waiting', async () => {
    const redis = await sharedRedis();
    cleanups.push(redis.stop);
    const queue = queueName();
    // A real install of another version: this build's code under another package version.
    const otherBin = otherVersionInstall(join(dir, 'other-install'));
    const stray = new WorkerProcess(redis.url, queue, ['--stall-timeout', '2'], otherBin);
    workers.push(stray);
    await stray.ready();
    const storeFile = join(dir, 'refused.db');
    const submitter = submit(redis.url, queue, storeFile);
    await waitFor('the refusal told to the submitter', () => /refused job/.test(submitter.stderr), 120_000);
    expect(submitter.stderr).toMatch(
      /queue: worker \S+:\d+ refused job \S+: it runs bulwark 0\.0\.0-other\+[0-9a-f]{12}, this batch needs bulwark \d+\.\d+\.\d+\+[0-9a-f]{12}; start workers of the same version \(same release, same build\)\. Still waiting for one\./,
    );
    // Named as the stray worker: its host and process id.
    expect(submitter.stderr).toContain(`worker ${hostname()}:${stray.child.pid} refused job`);
    expect(await stray.exited).toBe(2);
    // The submitter waits on: a worker of its own version then runs the batch, every row once.
    expect(submitter.child.exitCode).toBeNull();
    const right = worker(redis.url, queue);
    expect(await submitter.exit, submitter.stderr).toBe(0);
    expect(submitter.stderr.match(/refused job/g)).toHaveLength(1);
    expect(submitter.stderr).toMatch(/4\/4 runs stored/);
    expect(right.jobs('took').length).toBeGreaterThan(0);
    const s = openResultsStore(storeFile);
    stores.push(s);
    expect(s.listBatches()[0].doneRuns).toBe(4);
  });

  it('tells a re-attaching submitter of a refusal made while it was away', async () => {
    const redis = await sharedRedis();
    cleanups.push(redis.stop);
    const queue = queueName();
    const storeFile = join(dir, 'refused-away.db');
    const first = submit(redis.url, queue, storeFile);
    const q = new Queue(queue, { connection: parseQueueAddress(redis.url).connection });
    cleanups.push(() => q.close());
    // Killed once its jobs are queued: nobody listens when the stray worker refuses one.
    for (let tries = 0; (await q.getJobCounts('waiting')).waiting === 0; tries++) {
      if (tries > 1200) throw new Error(`no job queued:\n${first.stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    first.child.kill('SIGKILL');
    await first.exit;
    const stray = new WorkerProcess(
      redis.url,
      queue,
      ['--stall-timeout', '2'],
      otherVersionInstall(join(dir, 'o')),
    );
    workers.push(stray);
    expect(await stray.exited).toBe(2);
    const second = submit(redis.url, queue, storeFile);
    await waitFor('the earlier refusal told', () => /refused job/.test(second.stderr), 120_000);
    expect(second.stderr).toContain(`worker ${hostname()}:${stray.child.pid} refused job`);
    expect(first.stderr).not.toMatch(/refused job/);
    worker(redis.url, queue);
    expect(await second.exit, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/4\/4 runs stored/);
  });

  it('says clearly when Redis cannot be reached or the address is wrong (exit 2)', async () => {
    const unreachable = spawnSync(
      process.execPath,
      [BIN, 'mc', FIXTURE, '-n', '2', '--store', join(dir, 'x.db'), '--queue', 'redis://127.0.0.1:1'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(unreachable.status).toBe(2);
    expect(unreachable.stderr).toMatch(/--queue: cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
    const bad = spawnSync(process.execPath, [BIN, 'worker', '--queue', 'localhost:6379'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--queue: expected a redis:\/\/ or rediss:\/\/ address/);
  });
});
