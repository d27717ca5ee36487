// Least squares on simulated tallies: every candidate set of figures is run on the same seeds
// (common random numbers, so candidates differ by their figures and not by their luck), and the
// candidate whose mean tallies come closest to the reported ones, as shares of what was launched,
// wins. The candidates are a full grid over each figure's plausible range.

import { TALLY_CLASS, type CalibrationNight, type TallyName } from '../../model/calibration.js';
import { CalibrationError } from './calibration-error.js';
import { backtestNight } from './backtest.js';
import type { FigureValue, FitFigure } from './figures.js';
import type { Tallies } from './tallies.js';

export type Candidate = FigureValue[];

/** At most this many candidates: a grid larger than this is a typo, not a budget. */
export const MAX_CANDIDATES = 400;

/** `levels` evenly spaced values from low to high (both ends included) for each figure, every combination. */
export function gridCandidates(figures: readonly FitFigure[], levels: number): Candidate[] {
  if (!Number.isInteger(levels) || levels < 2)
    throw new CalibrationError(`--grid: expected a whole number of at least 2, found ${levels}`);
  const total = levels ** figures.length;
  if (total > MAX_CANDIDATES)
    throw new CalibrationError(
      `${figures.length} figures at ${levels} levels make ${total} candidates; at most ${MAX_CANDIDATES}`,
    );
  let out: Candidate[] = [[]];
  for (const figure of figures) {
    const values = Array.from({ length: levels }, (_, i) =>
      Number((figure.low + ((figure.high - figure.low) * i) / (levels - 1)).toPrecision(6)),
    );
    out = out.flatMap((c) => values.map((value) => [...c, { figure, value }]));
  }
  return out;
}

/** The tallies a fit uses by default: the drone tallies (the fitted figures act on drones). */
export const fitsTally = (tally: TallyName): boolean => TALLY_CLASS[tally] === 'drones';

/** Sum of squared errors (shares of launched) of the mean tallies over the nights, and their number. */
export function sumOfSquares(
  nights: readonly { night: CalibrationNight; runs: readonly Tallies[] }[],
  use: (tally: TallyName) => boolean = fitsTally,
): { sse: number; terms: number } {
  let sse = 0;
  let terms = 0;
  for (const { night, runs } of nights)
    for (const band of backtestNight(night, runs))
      if (band.error !== undefined && use(band.tally)) {
        sse += band.error * band.error;
        terms++;
      }
  return { sse, terms };
}

export interface ScoredCandidate {
  candidate: Candidate;
  sse: number;
  /** Root mean square error over the training tallies, as a share of launched. */
  rms: number;
}

/** Scores every candidate; the best is the smallest error, the first one listed on a tie. */
export function pickBest(
  scored: readonly {
    candidate: Candidate;
    nights: { night: CalibrationNight; runs: readonly Tallies[] }[];
  }[],
  use: (tally: TallyName) => boolean = fitsTally,
): { best: ScoredCandidate; all: ScoredCandidate[] } {
  if (scored.length === 0) throw new CalibrationError('no candidate to fit');
  const all = scored.map(({ candidate, nights }) => {
    const { sse, terms } = sumOfSquares(nights, use);
    return { candidate, sse, rms: terms === 0 ? NaN : Math.sqrt(sse / terms) };
  });
  let best = all[0];
  for (const s of all) if (s.sse < best.sse) best = s;
  return { best, all };
}
