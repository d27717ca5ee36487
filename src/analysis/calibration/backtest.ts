// The backtest of one night: for every tally, the simulated median and 5–95% band over the seeded
// runs next to the reported figure, whether the report falls inside the band, and the error as a
// share of what was launched of that class (drones or missiles).

import { quantile } from '../../core/quantile.js';
import { TALLIES, TALLY_CLASS, type CalibrationNight, type TallyName } from '../../model/calibration.js';
import { threatClassOf } from '../../scenario/index.js';
import type { Tallies } from './tallies.js';

export interface TallyBand {
  tally: TallyName;
  /** The reported figure; undefined when the night's reports do not give it. */
  reported?: number;
  mean: number;
  median: number;
  p5: number;
  p95: number;
  /** Launched of the tally's class that night: residuals are shares of it. */
  launched: number;
  /** p5 ≤ reported ≤ p95; undefined when nothing is reported. */
  inside?: boolean;
  /** (mean − reported) / launched; undefined when nothing is reported. */
  error?: number;
}

export function launchedByClass(night: CalibrationNight): { drones: number; missiles: number } {
  const out = { drones: 0, missiles: 0 };
  for (const [type, n] of Object.entries(night.launched)) out[threatClassOf(type)] += n;
  return out;
}

export function backtestNight(night: CalibrationNight, runs: readonly Tallies[]): TallyBand[] {
  const launched = launchedByClass(night);
  return TALLIES.filter((t) => launched[TALLY_CLASS[t]] > 0).map((tally) => {
    const values = runs.map((r) => r[tally]).sort((a, b) => a - b);
    const mean = values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
    const band: TallyBand = {
      tally,
      mean,
      median: quantile(values, 0.5),
      p5: quantile(values, 0.05),
      p95: quantile(values, 0.95),
      launched: launched[TALLY_CLASS[tally]],
    };
    const reported = night.reported[tally];
    if (reported !== undefined) {
      band.reported = reported;
      band.inside = band.p5 <= reported && reported <= band.p95;
      band.error = (mean - reported) / band.launched;
    }
    return band;
  });
}

/**
 * Root mean square of the reported tallies' errors (shares of launched) over some bands, counting
 * only the tallies `use` admits; NaN when none is reported.
 */
export function rmsError(
  bands: readonly TallyBand[],
  use: (tally: TallyName) => boolean = () => true,
): number {
  const errors = bands.filter((b) => b.error !== undefined && use(b.tally)).map((b) => b.error!);
  if (errors.length === 0) return NaN;
  return Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
}
