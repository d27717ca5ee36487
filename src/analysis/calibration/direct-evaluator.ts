// A calibration evaluator that runs every night scenario here, one seeded run after another: for
// small scenarios (tests, a browser). Run i uses deriveSeed(S, i) for every job, as the batch
// runner does, so both give the same tallies. It yields between runs so a caller stays responsive.

import { deriveSeed } from '../../core/rng.js';
import { formatIssue, parseScenario } from '../../scenario/index.js';
import { runAndMeasure } from '../../run/run-scenario.js';
import type { NightJob, TallyEvaluator } from './calibrate.js';
import { talliesOf, type Tallies } from './tallies.js';

export function directEvaluator(runs: number, seed: number, file = 'scenario.yaml'): TallyEvaluator {
  return async (jobs: readonly NightJob[]) => {
    const out: Tallies[][] = [];
    for (const job of jobs) {
      const parsed = parseScenario(job.text, file);
      if (!parsed.ok) throw new Error(parsed.issues.map(formatIssue).join('\n'));
      const tallies: Tallies[] = [];
      for (let i = 0; i < runs; i++) {
        tallies.push(talliesOf(runAndMeasure(parsed.scenario, deriveSeed(seed, i)).outcome));
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      out.push(tallies);
    }
    return out;
  };
}
