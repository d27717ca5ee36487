// Batches through Redis (BullMQ) against the local pool. Two parts:
//   overhead  — jobs that carry no runs, through a real redis-server and one `bulwark worker`: the
//               queue's own cost per job, pipelined (128 jobs in flight, as a batch queues them)
//               and one at a time (the round trip). Aim: under 2 ms per job, pipelined.
//   scaling   — N runs (2,000 by default) of the default Kyiv night through Redis with 1, 2 and 4
//               local worker processes (one thread each), and the same batch on the local pool
//               (`bulwark mc`, as many threads as cores); runs per second and the speed-up.
// Redis is a throwaway redis-server on a free loopback port. On a machine shared with other work
// the scaling figures say more about the load than about the queue: the CPU share obtained is
// printed with them.
//
//   npm run bench -- queue
//   QUEUE_BENCH_RUNS=200 QUEUE_BENCH_PARTS=overhead,scaling node --import tsx bench/queue.ts

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { prepareBatch, runBatch, type PreparedBatch } from '../src/io/batch-runner.js';
import { QueueExecutor } from '../src/io/queue-executor.js';
import { openResultsStore } from '../src/io/results-store.js';
import { parseQueueAddress } from '../src/io/run-queue.js';
import { parseScenarioOrThrow } from '../src/scenario/index.js';
import { TestRedis, WorkerProcess } from '../test/redis-support.js';

const OVERHEAD_TARGET_MS = 2;

/** CPU seconds a process has used so far (Linux /proc; user + system). */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function overhead(redis: TestRedis): Promise<boolean> {
  const url = redis.url;
  const jobs = Number(process.env.QUEUE_BENCH_JOBS ?? 2000);
  console.log(
    `## Queue overhead: ${jobs} jobs without runs, one worker taking 4 at once, real redis-server ` +
      `(load average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores: the machine is shared)`,
  );
  const queueName = `bench-overhead-${process.pid}`;
  const worker = new WorkerProcess(url, queueName, ['--threads', '4']);
  await worker.ready();
  const address = parseQueueAddress(url);
  const chunk = () => ({ scenarioHash: 'none', scenarioText: '', scenarioFile: 'none', runs: [] });
  const measure = async (label: string, window: number, count: number) => {
    const executor = new QueueExecutor(`${label}-${process.pid}`, { address, queueName, window });
    await executor.ready();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const cpuWorker = cpuSeconds(worker.child.pid);
    const cpuRedis = cpuSeconds(redis.pid);
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; i < count; i++) {
      const { id, rows } = executor.run(chunk(), `${label}-${process.pid}-${i}`);
      const task = rows.then(() => executor.stored(id));
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      if (inFlight.size >= window) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const used = process.cpuUsage(cpu);
    const perJob = (s: number) => (1000 * s) / count;
    const result = {
      wallMs: (performance.now() - started) / count,
      submitterCpuMs: perJob((used.user + used.system) / 1e6),
      workerCpuMs: perJob(cpuSeconds(worker.child.pid) - cpuWorker),
      redisCpuMs: perJob(cpuSeconds(redis.pid) - cpuRedis),
    };
    await executor.close(false);
    return result;
  };
  await measure('warm', 16, 100);
  const pipelined = await measure('pipelined', 128, jobs);
  const serial = await measure('serial', 1, Math.min(jobs, 500));
  await worker.kill('SIGTERM');
  const cpuTotal = pipelined.submitterCpuMs + pipelined.workerCpuMs + pipelined.redisCpuMs;
  console.log(
    `pipelined (128 jobs queued at once): ${pipelined.wallMs.toFixed(2)} ms of wall time per job; ` +
      `CPU per job ${cpuTotal.toFixed(2)} ms (submitter ${pipelined.submitterCpuMs.toFixed(2)}, worker ` +
      `${pipelined.workerCpuMs.toFixed(2)}, Redis ${pipelined.redisCpuMs.toFixed(2)}) → ` +
      `${(pipelined.wallMs / OVERHEAD_TARGET_MS).toFixed(2)} of the ${OVERHEAD_TARGET_MS} ms target (wall)`,
  );
  console.log(`one job at a time (the round trip): ${serial.wallMs.toFixed(2)} ms per job`);
  return pipelined.wallMs < OVERHEAD_TARGET_MS;
}

async function timed(work: () => Promise<number>) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const runs = await work();
  return { seconds: (performance.now() - started) / 1000, runs, cpu: process.cpuUsage(cpu) };
}

async function scaling(url: string, dir: string): Promise<boolean> {
  const runs = Number(process.env.QUEUE_BENCH_RUNS ?? 2000);
  const file = new URL('../scenarios/kyiv-night.yaml', import.meta.url).pathname;
  const text = readFileSync(file, 'utf8');
  const scenario = parseScenarioOrThrow(text, file);
  const cores = availableParallelism();
  console.log(
    `## Queue scaling: ${runs} runs of the default night (Kyiv), ${cores} cores, load average ` +
      `${loadavg()[0].toFixed(1)} at the start (the machine is shared: other work competes for the cores)`,
  );
  const prepared = (tag: string): PreparedBatch =>
    prepareBatch({
      kind: 'mc',
      scenarioFile: file,
      scenarioText: text,
      scenario,
      runsPerPoint: runs,
      batchSeed: 1,
      params: { runs, seed: 1, bench: tag },
    });
  const address = parseQueueAddress(url);
  const rows: { label: string; rate: number; cpuPerRunMs: number }[] = [];
  const local = await timed(async () => {
    const store = openResultsStore(join(dir, 'local.db'));
    const r = await runBatch(store, prepared('local'), { workers: cores, handleSignals: false });
    store.close();
    return r.ranNow;
  });
  rows.push({
    label: `local pool, ${cores} threads`,
    rate: local.runs / local.seconds,
    cpuPerRunMs: (local.cpu.user + local.cpu.system) / 1000 / local.runs,
  });
  for (const count of [1, 2, 4]) {
    const queueName = `bench-scaling-${process.pid}-${count}`;
    const workers = Array.from({ length: count }, () => new WorkerProcess(url, queueName));
    await Promise.all(workers.map((w) => w.ready()));
    const queued = await timed(async () => {
      const store = openResultsStore(join(dir, `queued-${count}.db`));
      const r = await runBatch(store, prepared(`queue-${count}`), {
        workers: 1,
        handleSignals: false,
        queue: { address, queueName },
      });
      store.close();
      return r.ranNow;
    });
    await Promise.all(workers.map((w) => w.kill('SIGTERM')));
    rows.push({
      label: `queue, ${count} worker${count > 1 ? 's' : ''}`,
      rate: queued.runs / queued.seconds,
      cpuPerRunMs: NaN,
    });
  }
  const anchor = rows[1].rate;
  for (const r of rows)
    console.log(
      `${r.label.padEnd(24)} ${r.rate.toFixed(2).padStart(7)} runs/s   ${(r.rate / anchor).toFixed(2)}× the 1-worker queue` +
        (Number.isFinite(r.cpuPerRunMs) ? `   (${r.cpuPerRunMs.toFixed(0)} ms CPU per run)` : ''),
    );
  console.log(
    `queue with ${cores} workers vs the local pool of ${cores} threads: ` +
      `${(rows[cores >= 4 ? 3 : 2].rate / rows[0].rate).toFixed(2)}×; beyond ${cores} workers on ${cores} cores ` +
      `no speed-up is possible here (load average now ${loadavg()[0].toFixed(1)})`,
  );
  return true;
}

export async function run(): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-bench-queue-'));
  const redis = await TestRedis.start();
  try {
    const parts = (process.env.QUEUE_BENCH_PARTS ?? 'overhead,scaling').split(',');
    let ok = true;
    if (parts.includes('overhead')) ok = (await overhead(redis)) && ok;
    if (parts.includes('scaling')) ok = (await scaling(redis.url, dir)) && ok;
    return ok;
  } finally {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = (await run()) ? 0 : 1;
}
