// `bulwark calibrate`: the model against the public nightly tallies (data/calibration/nights.yaml).
// Backtests every night (median and 5–95% band of the simulated tallies next to the reported ones),
// fits chosen unverified figures on the training nights by least squares with common random
// numbers, and reports the error on the nights held out. docs/calibration.md is its --markdown.

import Table from 'cli-table3';
import type { Command } from 'commander';
import { dirname, relative, basename, extname, join } from 'node:path';
import {
  calibrate,
  calibrationJobCount,
  crossValidate,
  crossValidationJobCount,
  type CalibrationFold,
  type CalibrationInput,
  type CalibrationResult,
} from '../../analysis/calibration/calibrate.js';
import { CalibrationError } from '../../analysis/calibration/calibration-error.js';
import { FIT_FIGURES, figureById } from '../../analysis/calibration/figures.js';
import { TALLY_LABELS } from '../../analysis/calibration/tallies.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { batchEvaluator, CalibrationInterrupted } from '../../io/calibration-batches.js';
import {
  DEFAULT_CALIBRATION_BASE,
  DEFAULT_CALIBRATION_NIGHTS,
  loadCalibrationNights,
} from '../../io/calibration-file.js';
import {
  bandText,
  calibrationMarkdown,
  calibrationSvg,
  figureVerdicts,
  foldsTable,
} from '../../io/calibration-report.js';
import { PACKAGE_ROOT } from '../../io/scenario-file.js';
import { formatIssue } from '../../scenario/index.js';
import { asUsageError, defaultWorkers, openStoreOrExit, parseCount } from '../batch-options.js';
import { Interrupted, UsageError } from '../errors.js';
import { loadScenarioOrExit, parseSeed } from '../scenario-arg.js';

interface CalibrateOptions {
  nights?: string;
  runs: string;
  seed: string;
  fit: string;
  grid: string;
  holdOut?: string;
  sensors: string;
  workers?: string;
  store?: string;
  markdown?: string;
  plot?: string;
  json?: boolean;
  crossValidate?: boolean;
}

const DEFAULT_FIT = 'ew.pLoss,interceptor-drone.pk';

export function registerCalibrate(program: Command): void {
  program
    .command('calibrate')
    .description('Backtest the model against public nightly tallies and fit unverified figures to them')
    .argument(
      '[base]',
      'base scenario whose raid is scaled to each night (default: scenarios/record-night.yaml)',
    )
    .option('--nights <file>', 'the dataset of nightly tallies (default: data/calibration/nights.yaml)')
    .option('-n, --runs <n>', 'seeded runs per night and candidate (the same seeds for all)', '8')
    .option('--seed <s>', 'batch seed: run i of every batch uses the seed derived from (S, i)', '1')
    .option(
      '--fit <figures>',
      `figures to fit, comma-separated, or 'none' for the backtest alone (${FIT_FIGURES.map((f) => f.id).join(', ')})`,
      DEFAULT_FIT,
    )
    .option('--grid <levels>', 'values per fitted figure, evenly spaced over its plausible range', '3')
    .option(
      '--hold-out <dates>',
      "nights kept out of the fit, YYYY-MM-DD,… or 'none' (default: the latest night)",
    )
    .option(
      '--sensors <mode>',
      "'ideal' (fast: C2 sees the truth) or 'as-is' (the base scenario's sensors)",
      'ideal',
    )
    .option('-w, --workers <k>', 'worker threads (default: the number of cores)')
    .option(
      '--store <file>',
      'results database (every night scenario is kept as an mc batch)',
      '.bulwark/results.db',
    )
    .option('--markdown <file>', 'write the calibration page (and its plot as <file>.svg beside it)')
    .option('--plot <file>', 'write the plot of reported tallies against the simulated bands as SVG')
    .option('--json', 'print the result as JSON')
    .option(
      '--cross-validate',
      'also fit with each night held out in turn (leave-one-out); runs shared with the main fit are read back',
    )
    .addHelpText(
      'after',
      `
Each night of the dataset is simulated by scaling the base scenario's raid to the night's launches by
threat type. Every night and every candidate runs on the same seeds (common random numbers). The fit
is least squares on the mean drone tallies, as shares of the drones launched, over a grid of each
figure's plausible range; nights held out are not fitted on and give the held-out error. Runs are
kept in the results store: an interrupted calibration resumes, a repeated one reads its runs back.
The default (2 figures × 3 levels, 8 runs) is 96 runs of the record night, a few minutes on 2 cores.

Examples:
  $ bulwark calibrate                                   # backtest, fit EW pLoss and interceptor pk
  $ bulwark calibrate --fit none --runs 32              # backtest alone, tighter bands
  $ bulwark calibrate --fit ew.pLoss,mobile-fire-group.pk --grid 4 --hold-out 2025-09-07
  $ bulwark calibrate --cross-validate                  # every night held out in turn, its error
  $ bulwark calibrate --cross-validate --markdown docs/calibration.md   # regenerate the calibration page
  $ bulwark calibrate my-region.yaml --nights my-nights.yaml --sensors as-is -w 2`,
    )
    .action(async (file: string | undefined, options: CalibrateOptions) => {
      const base = loadScenarioOrExit(file ?? DEFAULT_CALIBRATION_BASE);
      const nightsFile = options.nights ?? DEFAULT_CALIBRATION_NIGHTS;
      const loaded = loadCalibrationNights(nightsFile);
      if (!loaded.result.ok) throw new UsageError(loaded.result.issues.map(formatIssue).join('\n'));
      const dataset = loaded.result.dataset;
      const runs = parseCount('--runs', options.runs, 10_000);
      const levels = parseCount('--grid', options.grid, 50);
      if (levels < 2) throw new UsageError(`--grid: expected at least 2 values per figure, found ${levels}`);
      const seed = parseSeed(options.seed);
      const workers =
        options.workers === undefined ? defaultWorkers() : parseCount('--workers', options.workers, 256);
      if (options.sensors !== 'ideal' && options.sensors !== 'as-is')
        throw new UsageError(`--sensors: expected 'ideal' or 'as-is', found '${options.sensors}'`);
      const figures =
        options.fit.trim() === 'none'
          ? []
          : options.fit.split(',').map((id) => {
              const f = figureById(id.trim());
              if (!f)
                throw new UsageError(
                  `--fit: unknown figure '${id.trim()}'; expected ${FIT_FIGURES.map((x) => x.id).join(', ')} or none`,
                );
              return f;
            });
      const latest = [...dataset.nights].sort((a, b) => a.date.localeCompare(b.date)).at(-1)!.date;
      const holdOut =
        options.holdOut === undefined
          ? dataset.nights.length > 1 && figures.length > 0
            ? [latest]
            : []
          : options.holdOut.trim() === 'none'
            ? []
            : options.holdOut.split(',').map((d) => d.trim());
      const input: CalibrationInput = {
        dataset,
        baseText: base.text,
        figures,
        levels,
        holdOut,
        idealSensors: options.sensors === 'ideal',
      };
      const store = openStoreOrExit(options.store);
      let result: CalibrationResult;
      let folds: CalibrationFold[] | undefined;
      try {
        const evaluate = batchEvaluator({
          store,
          baseFile: base.file,
          runs,
          seed,
          workers,
          totalJobs:
            calibrationJobCount(input) + (options.crossValidate ? crossValidationJobCount(input) : 0),
        });
        result = await asUsageErrorAsync(() => calibrate(input, evaluate));
        if (options.crossValidate) folds = await asUsageErrorAsync(() => crossValidate(input, evaluate));
      } catch (e) {
        if (e instanceof CalibrationInterrupted) throw new Interrupted();
        throw e;
      } finally {
        store.close();
      }
      const context = {
        command: commandLine(file, options),
        baseName: base.scenario.name,
        baseFile: shown(base.file),
        nightsFile: shown(nightsFile),
        runs,
        seed,
        levels,
        idealSensors: input.idealSensors,
      };
      if (options.markdown) {
        const plot = join(
          dirname(options.markdown),
          `${basename(options.markdown, extname(options.markdown))}.svg`,
        );
        writeFileAtomic(plot, calibrationSvg(result));
        writeFileAtomic(
          options.markdown,
          calibrationMarkdown(result, { ...context, plotFile: basename(plot) }, folds),
        );
        process.stderr.write(`wrote ${options.markdown} and ${plot}\n`);
      }
      if (options.plot) {
        writeFileAtomic(options.plot, calibrationSvg(result));
        process.stderr.write(`wrote ${options.plot}\n`);
      }
      if (options.json) process.stdout.write(JSON.stringify(resultJson(result, folds), null, 2) + '\n');
      else process.stdout.write(resultText(result) + (folds ? `\n\n${foldsTable(folds)}` : '') + '\n');
    });
}

async function asUsageErrorAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof CalibrationError) throw new UsageError(e.message);
    return asUsageError(() => {
      throw e;
    });
  }
}

/** A path as the page shows it: relative to the package when inside it. */
function shown(path: string): string {
  const rel = relative(PACKAGE_ROOT, path);
  return rel.startsWith('..') ? path : rel;
}

function commandLine(file: string | undefined, o: CalibrateOptions): string {
  const parts = ['bulwark calibrate'];
  if (file) parts.push(shown(file));
  if (o.nights) parts.push(`--nights ${shown(o.nights)}`);
  parts.push(`--runs ${o.runs}`, `--seed ${o.seed}`, `--fit ${o.fit}`, `--grid ${o.grid}`);
  if (o.holdOut) parts.push(`--hold-out ${o.holdOut}`);
  if (o.sensors !== 'ideal') parts.push(`--sensors ${o.sensors}`);
  if (o.crossValidate) parts.push('--cross-validate');
  if (o.markdown) parts.push(`--markdown ${o.markdown}`);
  return parts.join(' ');
}

const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–');

function resultText(result: CalibrationResult): string {
  const fitted = result.best !== undefined;
  const table = new Table({
    head: ['night', 'tally', 'reported', 'model (p5–p95)', ...(fitted ? ['fitted (p5–p95)'] : [])],
    style: { head: [], border: [], compact: true },
  });
  for (const n of result.nights)
    n.base.forEach((b, i) => {
      const f = n.fitted?.[i];
      const flag = (x: typeof b | undefined) => (x?.inside === undefined ? '' : x.inside ? ' in' : ' OUT');
      table.push([
        `${n.night.date}${n.heldOut ? ' (held out)' : ''}`,
        TALLY_LABELS[b.tally],
        b.reported === undefined ? '—' : String(b.reported),
        bandText(b) + flag(b),
        ...(fitted ? [bandText(f) + flag(f)] : []),
      ]);
    });
  const lines = [table.toString()];
  if (fitted) {
    lines.push('', ...figureVerdicts(result).map((l) => l.replace(/`/g, '')));
    lines.push(
      '',
      `RMS error of the drone tallies (share of drones launched): training ${pct(result.error.training.base)} → ` +
        `${pct(result.error.training.fitted)}; held out ${pct(result.error.heldOut.base)} → ${pct(result.error.heldOut.fitted)}`,
    );
  } else if (Number.isFinite(result.error.training.base)) {
    lines.push(
      '',
      `RMS error of the drone tallies (share of drones launched): ${pct(result.error.training.base)}`,
    );
  }
  return lines.join('\n');
}

function resultJson(result: CalibrationResult, folds?: CalibrationFold[]) {
  return {
    nights: result.nights.map((n) => ({
      date: n.night.date,
      heldOut: n.heldOut,
      base: n.base,
      fitted: n.fitted,
    })),
    figures: result.figures.map((f) => ({
      id: f.figure.id,
      low: f.figure.low,
      high: f.figure.high,
      current: f.current,
      fitted: f.fitted,
    })),
    candidates: result.candidates.map((c) => ({
      figures: Object.fromEntries(c.candidate.map((v) => [v.figure.id, v.value])),
      rms: c.rms,
    })),
    error: result.error,
    ...(folds
      ? {
          folds: folds.map((f) => ({
            heldOut: f.heldOut,
            fitted: Object.fromEntries(f.fitted.map((v) => [v.figure.id, v.value])),
            error: f.error,
          })),
        }
      : {}),
  };
}
