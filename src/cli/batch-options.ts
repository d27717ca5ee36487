// Options and output shared by the batch commands (mc, sweep): counts, workers, the store, and the
// tables of statistics they print.

import Table from 'cli-table3';
import { availableParallelism } from 'node:os';
import { formatStatistic, type Summary } from '../analysis/statistics.js';
import { describePoint, SweepError } from '../analysis/sweep.js';
import { PointInvalidError, QueueUnreachableError, type BatchResult } from '../io/batch-runner.js';
import type { QueueOptions } from '../io/queue-executor.js';
import { parseQueueAddress, QueueAddressError } from '../io/run-queue.js';
import { formatDuration } from '../io/progress.js';
import {
  DEFAULT_STORE,
  openResultsStore,
  StoreError,
  type PointAggregate,
  type ResultsStore,
} from '../io/results-store.js';
import { UsageError } from './errors.js';

export function parseCount(option: string, text: string, max = 10_000_000): number {
  const value = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || value < 1 || value > max)
    throw new UsageError(`${option}: expected a whole number from 1 to ${max}, found '${text}'`);
  return value;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/** Opens the store, turning a store problem into a user error. */
export function openStoreOrExit(file: string | undefined, readonly = false): ResultsStore {
  try {
    return openResultsStore(file ?? DEFAULT_STORE, { readonly });
  } catch (e) {
    if (e instanceof StoreError) throw new UsageError(e.message);
    throw e;
  }
}

/** User mistakes found while preparing a batch become UsageErrors (exit 2). */
export function asUsageError<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (
      e instanceof SweepError ||
      e instanceof StoreError ||
      e instanceof QueueAddressError ||
      e instanceof QueueUnreachableError
    )
      throw new UsageError(e.message);
    if (e instanceof PointInvalidError)
      throw new UsageError(
        e.issues
          .map(
            (i) =>
              `--set point (${describePoint(e.point)}): ${i.field}: ${i.message}` +
              (i.expected !== undefined ? `; expected ${i.expected}` : '') +
              (i.found !== undefined ? `, found ${i.found}` : ''),
          )
          .join('\n'),
      );
    throw e;
  }
}

/** asUsageError for asynchronous work (a batch that may find Redis unreachable). */
export async function asUsageErrorAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    return asUsageError(() => {
      throw e;
    });
  }
}

export interface QueueFlags {
  queue?: string;
  queueName?: string;
}

export const QUEUE_HELP = 'send the runs to queue workers through Redis: redis://[:password@]HOST:PORT[/db]';
export const QUEUE_NAME_HELP = 'the queue on that Redis (default bulwark-runs); workers must name the same';

/** The --queue flags as queue options; undefined runs the batch here. */
export function queueOptions(flags: QueueFlags): QueueOptions | undefined {
  if (flags.queue === undefined) return undefined;
  const address = asUsageError(() => parseQueueAddress(flags.queue!));
  if (flags.queueName !== undefined && !/^[A-Za-z0-9_.-]{1,100}$/.test(flags.queueName))
    throw new UsageError(
      `--queue-name: expected letters, digits, '.', '_' or '-', found '${flags.queueName}'`,
    );
  return {
    address,
    queueName: flags.queueName,
    onNotice: (message) => process.stderr.write(`${message}\n`),
  };
}

/** Table cells: large amounts in k and M, others as formatStatistic. */
export const fmt = (v: number): string => {
  const a = Math.abs(v);
  if (a >= 1e6 && Number.isFinite(v)) return `${(v / 1e6).toFixed(2)}M`;
  if (a >= 1e4 && Number.isFinite(v)) return `${(v / 1e3).toFixed(1)}k`;
  return formatStatistic(v);
};

export function pickMeasures(aggregate: PointAggregate | undefined, names: readonly string[] | 'all') {
  if (!aggregate) return [];
  if (names === 'all') return aggregate.measures;
  return names
    .map((name) => aggregate.measures.find((m) => m.name === name))
    .filter((m): m is { name: string; summary: Summary } => m !== undefined);
}

export function summaryTable(measures: { name: string; summary: Summary }[]): string {
  const table = new Table({
    head: ['measure', 'mean', 'median', 'p5', 'p95', '95% CI of mean', 'n'],
    style: { head: [], border: [], compact: true },
  });
  for (const { name, summary: s } of measures)
    table.push([
      name,
      fmt(s.mean),
      fmt(s.median),
      fmt(s.p5),
      fmt(s.p95),
      Number.isNaN(s.ciLow) ? '–' : `${fmt(s.ciLow)} … ${fmt(s.ciHigh)}`,
      s.excluded > 0 ? `${s.n} (+${s.excluded} undefined)` : String(s.n),
    ]);
  return table.toString();
}

/** Closing lines of a batch: where it is stored, what failed and how to reproduce it. */
export function batchFooter(
  store: ResultsStore,
  result: BatchResult,
  scenarioArg: string,
  pointArgs: (point: number) => string = () => '',
): string {
  const b = result.batch;
  const lines = [
    `${b.id}: ${b.doneRuns}/${b.totalRuns} runs stored in ${store.file}` +
      (result.ranNow === 0
        ? ' (all stored before)'
        : result.ranNow < b.doneRuns
          ? ` (${result.ranNow} run now, ${b.doneRuns - result.ranNow} stored before)`
          : '') +
      `, ${formatDuration(b.elapsedMs / 1000)} of running`,
  ];
  if (b.failedRuns > 0) {
    const failed = store.failedRuns(b.id);
    lines.push(`${b.failedRuns} runs threw and are left out of the statistics:`);
    for (const f of failed.slice(0, 5))
      lines.push(
        `  run ${f.run}${b.pointCount > 1 ? ` of point ${f.point}` : ''}, seed ${f.seed}: ${f.error}` +
          `\n    reproduce: bulwark run${scenarioArg ? ` ${scenarioArg}` : ''} --seed ${f.seed}${pointArgs(f.point)}`,
      );
    if (failed.length > 5) lines.push(`  … and ${failed.length - 5} more (bulwark runs ${b.id} --json)`);
  }
  if (!result.interrupted) lines.push(`report: bulwark report ${b.id} --out ${b.id}.html`);
  return lines.join('\n');
}
