// `bulwark worker`: takes queued runs from Redis, runs them on this machine's cores and sends the
// results back to the command that queued them (`bulwark mc|sweep ... --queue`).

import type { Command } from 'commander';
import { checkRedisReachable } from '../../io/queue-executor.js';
import { startQueueWorker, VersionMismatch } from '../../io/queue-worker.js';
import { parseCount, queueOptions, QUEUE_NAME_HELP, defaultWorkers } from '../batch-options.js';
import { UsageError } from '../errors.js';

interface WorkerOptions {
  queue: string;
  queueName?: string;
  threads?: string;
  stallTimeout: string;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('take queued Monte Carlo and sweep runs from Redis and run them here')
    .requiredOption(
      '--queue <redis-url>',
      'the Redis the runs are queued on: redis://[:password@]HOST:PORT[/db]',
    )
    .option('--queue-name <name>', QUEUE_NAME_HELP)
    .option('-t, --threads <k>', 'jobs run at once, one thread each (default: the number of cores)')
    .option(
      '--stall-timeout <s>',
      "seconds before a job of a worker that died is taken again by another (kept alive meanwhile by a live worker's heartbeat)",
      '30',
    )
    .addHelpText(
      'after',
      `
Start any number of workers, on any machines that reach the Redis, then queue a batch from one
place; the results land in that place's results store. Workers run the very version of the
submitter (a job from another version is refused with a message, which its submitter prints too).
Ctrl-C finishes the jobs in hand, then stops; a worker killed outright loses nothing: its jobs are
taken again after the stall timeout.

Examples:
  $ bulwark worker --queue redis://127.0.0.1:6379
  $ bulwark worker --queue redis://:s3cret@10.0.0.5:6379 --threads 8
  $ bulwark worker --queue rediss://queue.example.org:6380 --queue-name night-study

See docs/scale-out.md for several machines, docker compose and securing Redis.`,
    )
    .action(async (options: WorkerOptions) => {
      const queue = queueOptions({ queue: options.queue, queueName: options.queueName })!;
      const threads =
        options.threads === undefined ? defaultWorkers() : parseCount('--threads', options.threads, 256);
      const stall = Number(options.stallTimeout);
      if (!/^\s*\d+(\.\d+)?\s*$/.test(options.stallTimeout) || stall < 1 || stall > 86_400)
        throw new UsageError(
          `--stall-timeout: expected seconds from 1 to 86400, found '${options.stallTimeout}'`,
        );
      try {
        await checkRedisReachable(queue.address);
      } catch (e) {
        throw new UsageError(
          `--queue: cannot reach Redis at ${queue.address.display}: ${(e as Error).message}`,
        );
      }
      const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
      const worker = startQueueWorker({
        address: queue.address,
        queueName: queue.queueName,
        threads,
        stallTimeoutS: stall,
        log,
      });
      log(
        `worker ${worker.name} (bulwark ${worker.version}, ${threads} threads) on ${queue.address.display}, ` +
          `queue ${queue.queueName ?? 'bulwark-runs'}; Ctrl-C to stop`,
      );
      let signals = 0;
      const stop = () => {
        if (++signals > 1) process.exit(130); // a second Ctrl-C: leave at once; the jobs are retaken
        log('stopping after the jobs in hand');
        void worker.stop();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      try {
        await worker.stopped;
      } catch (e) {
        if (e instanceof VersionMismatch) throw new UsageError(`worker refused a job: ${e.message}`);
        throw e;
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      log('stopped');
    });
}
