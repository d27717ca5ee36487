// `bulwark mc`: many seeded runs of one scenario on worker threads, stored and summed up as
// distributions: mean, median, 5th/95th percentiles and a 95% confidence interval per measure.

import type { Command } from 'commander';
import { HEADLINE_MEASURES } from '../../analysis/statistics.js';
import { prepareBatch, runBatch } from '../../io/batch-runner.js';
import {
  asUsageError,
  asUsageErrorAsync,
  batchFooter,
  defaultWorkers,
  openStoreOrExit,
  parseCount,
  pickMeasures,
  QUEUE_HELP,
  QUEUE_NAME_HELP,
  queueOptions,
  type QueueFlags,
  summaryTable,
} from '../batch-options.js';
import { Interrupted } from '../errors.js';
import { loadScenarioOrExit, parseSeed } from '../scenario-arg.js';

interface McOptions extends QueueFlags {
  runs: string;
  workers?: string;
  seed?: string;
  store?: string;
  all?: boolean;
  json?: boolean;
}

export function registerMc(program: Command): void {
  program
    .command('mc')
    .description('Monte Carlo: many seeded runs of one scenario in parallel, as distributions')
    .argument('[scenario]', 'scenario file (YAML or JSON); the built-in Kyiv night when omitted')
    .option('-n, --runs <n>', 'number of runs', '100')
    .option('-w, --workers <k>', 'worker threads (default: the number of cores)')
    .option('--seed <s>', "batch seed; run i uses a seed derived from (S, i) (default: the scenario's seed)")
    .option('--store <file>', 'results database', '.bulwark/results.db')
    .option('--queue <redis-url>', QUEUE_HELP)
    .option('--queue-name <name>', QUEUE_NAME_HELP)
    .option('--all', 'print every measure, not only the headline ones')
    .option('--json', 'print the batch and its statistics as JSON')
    .addHelpText(
      'after',
      `
Run i of a batch always uses the seed derived from (S, i), so the numbers are the same for any
number of workers. Every run is stored as it finishes; after Ctrl-C or a crash, the same command
resumes where it stopped. A run that throws is stored with its error and seed and the batch goes on.
With --queue the runs go through Redis to 'bulwark worker' processes on any machine and come back
into the same store, with the same numbers; re-running the command re-attaches to the batch.

Examples:
  $ bulwark mc --runs 1000                          # the built-in Kyiv night, all cores
  $ bulwark mc scenarios/kyiv-night.yaml -n 500 -w 2 --seed 42
  $ bulwark mc my-city.yaml -n 2000 --all           # every measure, per unit and per asset
  $ bulwark report mc-1a2b3c4d5e --out night.html   # plots of the batch
  $ bulwark mc -n 2000 --queue redis://10.0.0.5:6379  # on 'bulwark worker' processes (docs/scale-out.md)`,
    )
    .action(async (file: string | undefined, options: McOptions) => {
      const { scenario, text, file: scenarioFile } = loadScenarioOrExit(file);
      const runs = parseCount('--runs', options.runs);
      const workers =
        options.workers === undefined ? defaultWorkers() : parseCount('--workers', options.workers, 256);
      const seed = options.seed === undefined ? scenario.seed : parseSeed(options.seed);
      const store = openStoreOrExit(options.store);
      try {
        const prepared = asUsageError(() =>
          prepareBatch({
            kind: 'mc',
            scenarioFile,
            scenarioText: text,
            scenario,
            runsPerPoint: runs,
            batchSeed: seed,
            params: { runs, seed },
          }),
        );
        const queue = queueOptions(options);
        const result = await asUsageErrorAsync(() =>
          runBatch(store, prepared, { workers, progress: true, queue }),
        );
        if (result.interrupted) throw new Interrupted();
        const aggregate = result.aggregates[0];
        if (options.json) {
          process.stdout.write(
            JSON.stringify(
              { batch: { ...result.batch, scenarioText: undefined }, measures: aggregate?.measures ?? [] },
              null,
              2,
            ) + '\n',
          );
        } else {
          process.stdout.write(
            `${scenario.name}: ${result.batch.doneRuns - result.batch.failedRuns} runs, batch seed ${seed}\n` +
              summaryTable(pickMeasures(aggregate, options.all ? 'all' : HEADLINE_MEASURES)) +
              '\n',
          );
        }
        process.stderr.write(batchFooter(store, result, file ?? '') + '\n');
      } finally {
        store.close();
      }
    });
}
