// Runs the night scenarios of a calibration as Monte Carlo batches on worker threads, every one on
// the same seeds (run i of every batch uses deriveSeed(S, i): common random numbers). Each batch is
// kept in the results store like any `mc` batch, so an interrupted calibration resumes where it
// stopped and a repeated one reads its runs back; one progress bar covers them all.

import type { NightJob, TallyEvaluator } from '../analysis/calibration/calibrate.js';
import { talliesOf, type Tallies } from '../analysis/calibration/tallies.js';
import { formatIssue, parseScenario } from '../scenario/index.js';
import { prepareBatch, runBatch } from './batch-runner.js';
import { Progress } from './progress.js';
import type { ResultsStore } from './results-store.js';

export interface CalibrationBatchOptions {
  store: ResultsStore;
  /** The base scenario's file: named in each batch for `bulwark runs`. */
  baseFile: string;
  runs: number;
  seed: number;
  workers: number;
  /** Night scenarios the whole calibration runs, for the progress bar (0: no bar). */
  totalJobs: number;
  progressStream?: NodeJS.WritableStream;
  workerFile?: string;
}

/** The calibration stopped on Ctrl-C or SIGTERM; what ran is stored. */
export class CalibrationInterrupted extends Error {
  constructor() {
    super('calibration interrupted');
    this.name = 'CalibrationInterrupted';
  }
}

export function batchEvaluator(options: CalibrationBatchOptions): TallyEvaluator & { batchIds: string[] } {
  const progress =
    options.totalJobs > 0
      ? new Progress({
          label: 'calibrate',
          total: options.totalJobs * options.runs,
          stream: options.progressStream,
        })
      : undefined;
  let done = 0;
  const batchIds: string[] = [];
  const evaluate = async (jobs: readonly NightJob[]): Promise<Tallies[][]> => {
    const out: Tallies[][] = [];
    for (const job of jobs) {
      const parsed = parseScenario(job.text, options.baseFile);
      if (!parsed.ok)
        throw new Error(
          `the night of ${job.night.date} does not make a valid scenario:\n${parsed.issues.map(formatIssue).join('\n')}`,
        );
      const prepared = prepareBatch({
        kind: 'mc',
        scenarioFile: options.baseFile,
        scenarioText: job.text,
        scenario: parsed.scenario,
        runsPerPoint: options.runs,
        batchSeed: options.seed,
        params: {
          runs: options.runs,
          seed: options.seed,
          calibration: { night: job.night.date, figures: job.figures.map((f) => [f.figure.id, f.value]) },
        },
      });
      batchIds.push(prepared.definition.id);
      const before = options.store.getBatch(prepared.definition.id)?.doneRuns ?? 0;
      if (before > 0) progress?.advance(before);
      const result = await runBatch(options.store, prepared, {
        workers: options.workers,
        workerFile: options.workerFile,
        onProgress: (runs, failed) => progress?.advance(runs, failed),
      });
      if (result.interrupted) {
        progress?.finish(
          'calibrate: stopped; the runs so far are stored. Re-run the same command to resume.',
        );
        throw new CalibrationInterrupted();
      }
      const tallies: Tallies[] = [];
      for (const row of options.store.runs(prepared.definition.id, 0))
        if (row.outcome) tallies.push(talliesOf(row.outcome));
      out.push(tallies);
      if (++done === options.totalJobs) progress?.finish();
    }
    return out;
  };
  return Object.assign(evaluate, { batchIds });
}
