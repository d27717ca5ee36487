// `bulwark sweep`: how the outcome responds to a scenario parameter — a grid over lists and stepped
// ranges, or a Latin hypercube over several ranges — with the statistics of every point.

import Table from 'cli-table3';
import type { Command } from 'commander';
import {
  checkPaths,
  gridPoints,
  latinHypercubePoints,
  parseSetSpec,
  type SweepPoint,
} from '../../analysis/sweep.js';
import { prepareBatch, runBatch } from '../../io/batch-runner.js';
import { didYouMean } from '../../scenario/did-you-mean.js';
import type { PointAggregate } from '../../io/results-store.js';
import {
  asUsageError,
  asUsageErrorAsync,
  batchFooter,
  defaultWorkers,
  fmt,
  openStoreOrExit,
  parseCount,
  pickMeasures,
  QUEUE_HELP,
  QUEUE_NAME_HELP,
  queueOptions,
  type QueueFlags,
} from '../batch-options.js';
import { Interrupted, UsageError } from '../errors.js';
import { loadScenarioOrExit, parseSeed } from '../scenario-arg.js';

interface SweepOptions extends QueueFlags {
  set?: string[];
  runs: string;
  lhs?: string;
  workers?: string;
  seed?: string;
  store?: string;
  measure: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function registerSweep(program: Command): void {
  program
    .command('sweep')
    .description('sweep scenario parameters over a grid or a Latin hypercube; statistics per point')
    .argument('[scenario]', 'scenario file (YAML or JSON); the built-in Kyiv night when omitted')
    .option(
      '--set <path=values>',
      'a parameter and its values (repeatable): a,b,c or low..high:step [unit]',
      collect,
    )
    .option('-n, --runs <n>', 'runs per point', '50')
    .option('--lhs <points>', 'draw this many points by Latin hypercube over the ranges instead of a grid')
    .option('-w, --workers <k>', 'worker threads (default: the number of cores)')
    .option('--seed <s>', "batch seed; every point uses the same run seeds (default: the scenario's seed)")
    .option('--store <file>', 'results database', '.bulwark/results.db')
    .option('--queue <redis-url>', QUEUE_HELP)
    .option('--queue-name <name>', QUEUE_NAME_HELP)
    .option(
      '--measure <names>',
      'measures to print, comma-separated',
      'leaked,assetValueLost,costExchangeRatio',
    )
    .option('--json', 'print the points and their statistics as JSON')
    .addHelpText(
      'after',
      `
A PATH names a field of the scenario file; list items are named by their name (or wave), or by
index: defenders.north-interceptors.stock, threats.east-axis.count, assets.Kyiv HPP.value, c2.cycle.
VALUES is a list (20,40,80), a stepped range (100..1000:100), with a unit where the field takes one
(5..20:5 km). With --lhs N, ranges may leave out the step (0.5..0.9) and N points are drawn so each
parameter's range is covered evenly. Every point runs the same seeds (common random numbers), so
differences between points are the parameter's, not the dice's.

Examples:
  $ bulwark sweep --set defenders.north-interceptors.stock=10..80:10 -n 100
  $ bulwark sweep --set defenders.east-interceptors.crews=1,2,3 --set threats.east-axis.count=20..60:20
  $ bulwark sweep --set defenders.north-interceptors.stock=10..80 --set threats.north-axis.count=20..80 --lhs 30
  $ bulwark report sw-0a1b2c3d4e --out stock.html
  $ bulwark sweep --set defenders.north-interceptors.stock=10..80:10 -n 500 --queue redis://10.0.0.5:6379`,
    )
    .action(async (file: string | undefined, options: SweepOptions) => {
      const sets = options.set ?? [];
      if (sets.length === 0) throw new UsageError('sweep: give at least one --set PATH=VALUES');
      const { scenario, text, file: scenarioFile } = loadScenarioOrExit(file);
      const runs = parseCount('--runs', options.runs);
      const lhs = options.lhs === undefined ? undefined : parseCount('--lhs', options.lhs, 10_000);
      const workers =
        options.workers === undefined ? defaultWorkers() : parseCount('--workers', options.workers, 256);
      const seed = options.seed === undefined ? scenario.seed : parseSeed(options.seed);
      const axes = asUsageError(() => sets.map(parseSetSpec));
      const paths = axes.map((a) => a.path);
      if (new Set(paths).size !== paths.length)
        throw new UsageError('sweep: the same --set path is given twice');
      asUsageError(() => checkPaths(text, axes));
      const points = asUsageError(() =>
        lhs === undefined ? gridPoints(axes) : latinHypercubePoints(axes, lhs, seed),
      );
      const prepared = asUsageError(() =>
        prepareBatch({
          kind: 'sweep',
          scenarioFile,
          scenarioText: text,
          scenario,
          runsPerPoint: runs,
          batchSeed: seed,
          params: { runs, seed, sets, ...(lhs === undefined ? {} : { lhs }) },
          points,
        }),
      );
      const store = openStoreOrExit(options.store);
      try {
        const queue = queueOptions(options);
        const result = await asUsageErrorAsync(() =>
          runBatch(store, prepared, { workers, progress: true, queue }),
        );
        if (result.interrupted) throw new Interrupted();
        const measures = options.measure
          .split(',')
          .map((m) => m.trim())
          .filter((m) => m !== '');
        const known = result.aggregates[0]?.measures.map((m) => m.name) ?? [];
        for (const name of measures.filter((m) => !known.includes(m))) {
          const hint = didYouMean(name, known);
          process.stderr.write(
            `--measure: no measure '${name}'${hint ? ` (${hint})` : ''}; 'bulwark mc --all' lists them\n`,
          );
        }
        if (options.json) {
          process.stdout.write(
            JSON.stringify(
              {
                batch: { ...result.batch, scenarioText: undefined },
                points: points.map((params, i) => ({
                  params,
                  measures: result.aggregates[i]?.measures ?? [],
                })),
              },
              null,
              2,
            ) + '\n',
          );
        } else {
          process.stdout.write(sweepTable(points, result.aggregates, measures) + '\n');
        }
        process.stderr.write(batchFooter(store, result, file ?? '', (p) => setArgs(points[p])) + '\n');
      } finally {
        store.close();
      }
    });
}

/** The --set arguments that reproduce one point in `bulwark run`. */
export function setArgs(point: SweepPoint): string {
  return point.map(({ path, value }) => ` --set '${path}=${value}'`).join('');
}

function sweepTable(points: SweepPoint[], aggregates: PointAggregate[], measures: string[]): string {
  const head = [
    ...points[0].map((p) => p.path.split('.').pop()!),
    ...measures.map((m) => `${m} mean [95% CI]`),
  ];
  const table = new Table({ head, style: { head: [], border: [], compact: true } });
  points.forEach((point, i) => {
    const picked = pickMeasures(aggregates[i], measures);
    table.push([
      ...point.map((p) => String(p.value)),
      ...measures.map((name) => {
        const s = picked.find((m) => m.name === name)?.summary;
        return s ? `${fmt(s.mean)} [${fmt(s.ciLow)}, ${fmt(s.ciHigh)}]` : '–';
      }),
    ]);
  });
  return table.toString();
}
