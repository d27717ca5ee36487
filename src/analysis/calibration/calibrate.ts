// The calibration of the model against the public nightly tallies, start to finish and pure: the
// backtest of every night with the figures as they are, the fit of chosen figures on the training
// nights over a grid with common random numbers, and the fitted figures' error on the held-out
// nights. Running the nights' scenarios is handed to an evaluator (worker threads and the results
// store in the CLI, a plain loop in tests).

import type { CalibrationDataset, CalibrationNight } from '../../model/calibration.js';
import { backtestNight, rmsError, type TallyBand } from './backtest.js';
import { CalibrationError } from './calibration-error.js';
import { applyFigure, currentValue, type FigureValue, type FitFigure } from './figures.js';
import { fitsTally, gridCandidates, pickBest, type Candidate, type ScoredCandidate } from './fit.js';
import { nightScenarioText, parseBase } from './night-scenario.js';
import type { Tallies } from './tallies.js';

export interface CalibrationInput {
  dataset: CalibrationDataset;
  /** The base scenario's text: its raid is scaled to each night. */
  baseText: string;
  /** Figures to fit; none for a backtest alone. */
  figures: readonly FitFigure[];
  /** Grid levels per figure. */
  levels: number;
  /** Dates of the nights kept out of the fit. */
  holdOut: readonly string[];
  idealSensors: boolean;
}

/** One night's scenario to run on the common seeds. */
export interface NightJob {
  night: CalibrationNight;
  figures: Candidate;
  text: string;
}

/** Runs jobs, giving each job's tallies, one per seeded run, in run order. */
export type TallyEvaluator = (jobs: readonly NightJob[]) => Promise<Tallies[][]>;

export interface NightCalibration {
  night: CalibrationNight;
  heldOut: boolean;
  /** With the base scenario's and the catalog's figures. */
  base: TallyBand[];
  /** With the fitted figures (absent without a fit). */
  fitted?: TallyBand[];
}

export interface CalibrationResult {
  nights: NightCalibration[];
  /** Each fitted figure: its value as shipped (mean over where it acts), where it acts, fitted value. */
  figures: { figure: FitFigure; current?: number; places: string[]; fitted?: number }[];
  candidates: ScoredCandidate[];
  best?: ScoredCandidate;
  /** Root mean square errors of the fitted (drone) tallies, as shares of launched. */
  error: {
    training: { base: number; fitted: number };
    heldOut: { base: number; fitted: number };
  };
}

/** How many night scenarios a calibration runs: for the progress bar before it starts. */
export function calibrationJobCount(input: CalibrationInput): number {
  const nights = input.dataset.nights.length;
  if (input.figures.length === 0) return nights;
  const held = input.dataset.nights.filter((n) => input.holdOut.includes(n.date)).length;
  return nights + input.levels ** input.figures.length * (nights - held) + held;
}

export function checkInput(input: CalibrationInput): void {
  const dates = input.dataset.nights.map((n) => n.date);
  for (const d of input.holdOut)
    if (!dates.includes(d))
      throw new CalibrationError(
        `--hold-out: no night dated ${d} in the dataset (its nights: ${dates.join(', ')})`,
      );
  if (input.figures.length > 0 && dates.every((d) => input.holdOut.includes(d)))
    throw new CalibrationError('every night is held out: nothing is left to fit on');
  parseBase(input.baseText);
}

export async function calibrate(
  input: CalibrationInput,
  evaluate: TallyEvaluator,
): Promise<CalibrationResult> {
  checkInput(input);
  const job = (night: CalibrationNight, figures: Candidate): NightJob => ({
    night,
    figures,
    text: nightScenarioText(input.baseText, night, { idealSensors: input.idealSensors, figures }),
  });
  const nights = input.dataset.nights;
  const training = nights.filter((n) => !input.holdOut.includes(n.date));
  const heldOut = nights.filter((n) => input.holdOut.includes(n.date));
  const candidates = input.figures.length === 0 ? [] : gridCandidates(input.figures, input.levels);
  // Every scenario is built before anything runs, so a night the base cannot carry fails at once.
  const baseJobs = nights.map((n) => job(n, []));
  const gridJobs = candidates.flatMap((c) => training.map((n) => job(n, c)));

  const baseRuns = await evaluate(baseJobs);
  const result: CalibrationResult = {
    nights: nights.map((night, i) => ({
      night,
      heldOut: input.holdOut.includes(night.date),
      base: backtestNight(night, baseRuns[i]),
    })),
    figures: input.figures.map((figure) => ({
      figure,
      current: currentValue(parseBase(input.baseText), figure),
      places: applyFigure(parseBase(input.baseText), { figure, value: figure.low }),
    })),
    candidates: [],
    error: { training: { base: NaN, fitted: NaN }, heldOut: { base: NaN, fitted: NaN } },
  };
  const bandsOf = (list: readonly CalibrationNight[], which: 'base' | 'fitted') =>
    result.nights.filter((n) => list.includes(n.night)).flatMap((n) => n[which] ?? []);
  result.error.training.base = rmsError(bandsOf(training, 'base'), fitsTally);
  result.error.heldOut.base = rmsError(bandsOf(heldOut, 'base'), fitsTally);
  if (candidates.length === 0) return result;

  const gridRuns = await evaluate(gridJobs);
  const scored = candidates.map((candidate, c) => ({
    candidate,
    nights: training.map((night, k) => ({ night, runs: gridRuns[c * training.length + k] })),
  }));
  const { best, all } = pickBest(scored);
  result.candidates = all;
  result.best = best;
  const bestIndex = all.indexOf(best);
  training.forEach((night, k) => {
    const entry = result.nights.find((n) => n.night === night)!;
    entry.fitted = backtestNight(night, scored[bestIndex].nights[k].runs);
  });
  const heldRuns = await evaluate(heldOut.map((n) => job(n, best.candidate)));
  heldOut.forEach((night, k) => {
    result.nights.find((n) => n.night === night)!.fitted = backtestNight(night, heldRuns[k]);
  });
  for (const f of result.figures)
    f.fitted = best.candidate.find((v: FigureValue) => v.figure === f.figure)?.value;
  result.error.training.fitted = rmsError(bandsOf(training, 'fitted'), fitsTally);
  result.error.heldOut.fitted = rmsError(bandsOf(heldOut, 'fitted'), fitsTally);
  return result;
}

/** One fold of leave-one-out cross-validation: the fit with one night held out. */
export interface CalibrationFold {
  heldOut: string;
  fitted: FigureValue[];
  error: CalibrationResult['error'];
}

/** Night scenarios the folds run (those shared with the main fit are read back, not run again). */
export function crossValidationJobCount(input: CalibrationInput): number {
  return input.dataset.nights.reduce(
    (sum, n) => sum + calibrationJobCount({ ...input, holdOut: [n.date] }),
    0,
  );
}

/**
 * Leave-one-out: the fit repeated with each night held out in turn, so every night's held-out
 * error is known, and figures that move the same way in every fold are told from those one night
 * pulls. With common random numbers and a results store, folds share most of their runs.
 */
export async function crossValidate(
  input: CalibrationInput,
  evaluate: TallyEvaluator,
): Promise<CalibrationFold[]> {
  if (input.figures.length === 0) throw new CalibrationError('cross-validation needs figures to fit (--fit)');
  if (input.dataset.nights.length < 2)
    throw new CalibrationError('cross-validation needs at least two nights in the dataset');
  const folds: CalibrationFold[] = [];
  for (const night of input.dataset.nights) {
    const result = await calibrate({ ...input, holdOut: [night.date] }, evaluate);
    folds.push({ heldOut: night.date, fitted: result.best!.candidate, error: result.error });
  }
  return folds;
}
