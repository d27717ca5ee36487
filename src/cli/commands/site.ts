// `bulwark site`: where to put the named units. A coverage MIP (HiGHS) gives the first cut, a
// compass search by simulation with common random numbers refines it within a fixed budget of
// runs, and the sited layout is checked against the file's over fresh seeds — the whole night,
// the training mix and each raid axis alone. Writes the sited scenario, an HTML report and the
// result as JSON (which the console shows on its map).

import Table from 'cli-table3';
import type { Command } from 'commander';
import { extname } from 'node:path';
import { layoutEdits, SitingError } from '../../analysis/siting/layout.js';
import { OBJECTIVES, type ObjectiveName } from '../../analysis/siting/objective.js';
import { checkRunCount, checkSiting, planSiting, searchSiting } from '../../analysis/siting/site.js';
import { applyPositions, SweepError } from '../../analysis/sweep.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { loadHighsSolver } from '../../io/highs-solver.js';
import { Progress } from '../../io/progress.js';
import { renderSitingHtml, sitingReport } from '../../io/siting-report.js';
import { formatIssue, parseScenario } from '../../scenario/index.js';
import { fmt, parseCount } from '../batch-options.js';
import { UsageError } from '../errors.js';
import { loadScenarioOrExit, parseSeed } from '../scenario-arg.js';

interface SiteOptions {
  move?: string[];
  objective: string;
  train?: string;
  runs: string;
  budget: string;
  checkRuns: string;
  axisRuns: string;
  seed?: string;
  out?: string;
  report?: string;
  result?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] | undefined) => [
  ...(previous ?? []),
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
];

export function registerSite(program: Command): void {
  program
    .command('site')
    .description('choose positions for named units within the allowed areas of the scenario')
    .argument('<scenario>', "scenario file with a 'siting:' block of allowed areas (and no-go zones)")
    .option(
      '--move <units>',
      'units to place, comma-separated (repeatable): defenders.<name> or sensors.<radar>',
      collect,
    )
    .option('--objective <name>', `what to optimise: ${OBJECTIVES.join(', ')}`, 'value-lost')
    .option('--train <waves>', 'waves or raid axes to optimise against, comma-separated (default: all)')
    .option('-n, --runs <n>', 'runs per layout in the search (the same seeds for every layout)', '16')
    .option('--budget <runs>', 'runs the search may spend in all', '480')
    .option(
      '--check-runs <n>',
      'runs of the whole night to compare the file layout with the sited one',
      '100',
    )
    .option('--axis-runs <n>', 'runs of each raid axis alone in the comparison (0: none)', '30')
    .option(
      '--seed <s>',
      "seed; the comparison's run i uses the seed of `bulwark mc --seed S` (default: the scenario's)",
    )
    .option('-o, --out <file>', 'sited scenario to write (default: <scenario>.sited.yaml)')
    .option('--report <file>', 'HTML report to write (default: <scenario>.siting.html)')
    .option(
      '--result <file>',
      'JSON result to write, which `bulwark serve` shows on its map when it lies in the scenario folder (default: <scenario>.siting.json)',
    )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
The scenario's 'siting:' block says where units may stand: areas (polygons, on a grid of candidate
positions 'spacing' apart, or lists of candidate points) naming the units allowed in each, and
no-go zones (polygons). The units keep their type, stock and crews (equal force); a fire group's
patrol moves with its base. See docs/siting.md.

The coverage model (weighted maximal coverage of the raid axes, solved by HiGHS) gives a first
layout; a compass search then moves one unit at a time, judging each layout by the mean of the
objective over the same seeds, until the budget is spent. The comparison runs fresh seeds.

Examples:
  $ bulwark site scenarios/kyiv-layered-night.yaml --move defenders.fg-desna,defenders.fg-brovary
  $ bulwark site scenarios/kyiv-layered-night.yaml --move defenders.fg-desna --move defenders.gepard-chp \\
      --objective leak-rate --budget 960 --check-runs 200
  $ bulwark site city.yaml --move sensors.radar-1 --train north,east   # south held out: robustness
  $ bulwark mc city.sited.yaml -n 200 --seed 1                        # the comparison's runs again
  $ bulwark site scenarios/city.yaml --move defenders.fg-1 && bulwark serve   # Siting menu in the console`,
    )
    .action(async (file: string, options: SiteOptions) => {
      const moves = options.move ?? [];
      if (moves.length === 0)
        throw new UsageError('site: give the units to place, e.g. --move defenders.fg-desna');
      if (!(OBJECTIVES as readonly string[]).includes(options.objective))
        throw new UsageError(
          `--objective: expected one of ${OBJECTIVES.join(', ')}, found '${options.objective}'`,
        );
      const objective = options.objective as ObjectiveName;
      const runsPerLayout = parseCount('--runs', options.runs, 100_000);
      const budgetRuns = parseCount('--budget', options.budget, 10_000_000);
      if (budgetRuns < runsPerLayout)
        throw new UsageError(`--budget: ${budgetRuns} runs do not cover one layout of ${runsPerLayout} runs`);
      const checkRuns = parseCount('--check-runs', options.checkRuns, 100_000);
      if (checkRuns < 2) throw new UsageError('--check-runs: at least 2 runs, for a confidence interval');
      const axisRuns =
        options.axisRuns.trim() === '0' ? 0 : parseCount('--axis-runs', options.axisRuns, 100_000);
      const { scenario, text, file: scenarioFile } = loadScenarioOrExit(file);
      const seed = options.seed === undefined ? scenario.seed : parseSeed(options.seed);
      const stem = scenarioFile.slice(0, scenarioFile.length - extname(scenarioFile).length);
      const out = options.out ?? `${stem}.sited.yaml`;
      const reportFile = options.report ?? `${stem}.siting.html`;
      const resultFile = options.result ?? `${stem}.siting.json`;
      const train = options.train
        ?.split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');

      const solver = await loadHighsSolver();
      const plan = userErrors(() => planSiting(scenario, moves, objective, train, solver));
      const searchProgress = new Progress({ label: 'search', total: budgetRuns });
      const search = searchSiting(plan, {
        seed,
        runsPerLayout,
        budgetRuns,
        onRun: () => searchProgress.advance(1),
      });
      searchProgress.finish(
        `search: ${search.history.length} layouts, ${search.runsSpent} runs; best mean ${plan.objective.label} ` +
          `${fmt(plan.objective.sense === 'min' ? search.bestLoss : -search.bestLoss)} on the search's seeds`,
      );

      // The sited layout as written to the file; the comparison runs what the file says.
      const sitedText = userErrors(() =>
        applyPositions(text, layoutEdits(scenario, plan.moved, search.layout)),
      );
      const parsed = parseScenario(sitedText, out);
      if (!parsed.ok)
        throw new Error(`the sited scenario does not parse:\n${parsed.issues.map(formatIssue).join('\n')}`);
      writeFileAtomic(out, sitedText);

      const checkSettings = { seed, runs: checkRuns, axisRuns };
      const checkProgress = new Progress({ label: 'compare', total: checkRunCount(plan, checkSettings) });
      const check = checkSiting(plan, scenario, parsed.scenario, {
        ...checkSettings,
        onRun: () => checkProgress.advance(1),
      });
      checkProgress.finish();

      const report = sitingReport({
        plan,
        search,
        check,
        scenarioFile,
        sitedFile: out,
        settings: { seed, runsPerLayout, budgetRuns, checkRuns, axisRuns, trainWaves: plan.trainWaves },
      });
      writeFileAtomic(reportFile, renderSitingHtml(report));
      const json =
        JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) +
        '\n';
      writeFileAtomic(resultFile, json);
      if (options.json) {
        process.stdout.write(json);
      } else {
        const moved = new Table({
          head: ['unit', 'file (lat, lon)', 'sited (lat, lon)', 'moved'],
          style: { head: [], border: [], compact: true },
        });
        for (const m of report.moves)
          moved.push([
            m.unit,
            `${m.from.latDeg}, ${m.from.lonDeg}`,
            `${m.to.latDeg}, ${m.to.lonDeg}`,
            `${(m.distanceM / 1000).toFixed(1)} km`,
          ]);
        const rows = new Table({
          head: [
            'raid',
            'trained',
            'runs',
            'file layout [95% CI]',
            'sited [95% CI]',
            'sited − file [95% CI]',
            '',
          ],
          style: { head: [], border: [], compact: true },
        });
        const ci = (s: { mean: number; ciLow: number; ciHigh: number }) =>
          `${fmt(s.mean)} [${fmt(s.ciLow)}, ${fmt(s.ciHigh)}]`;
        for (const row of report.check)
          rows.push([
            row.name,
            row.trained ? 'yes' : 'no',
            String(row.baseline.n),
            ci(row.baseline),
            ci(row.sited),
            ci(row.difference),
            row.verdict,
          ]);
        process.stdout.write(
          `${scenario.name}: ${plan.objective.label} (${plan.objective.sense === 'min' ? 'lower' : 'higher'} is better)\n` +
            `${moved.toString()}\n${rows.toString()}\n`,
        );
      }
      process.stderr.write(`wrote ${out}, ${reportFile} and ${resultFile}\n`);
    });
}

function userErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof SitingError || e instanceof SweepError) throw new UsageError(e.message);
    throw e;
  }
}
