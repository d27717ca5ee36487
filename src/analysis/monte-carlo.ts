// Monte Carlo over one scenario: run i of a batch seeded by S always uses deriveSeed(S, i), so a
// batch gives the same numbers whichever worker ran which run, and in whatever order they finished.

import { deriveSeed } from '../core/rng.js';
import type { RunLog } from '../model/events.js';
import type { Outcome } from '../model/outcome.js';
import type { Scenario } from '../model/scenario.js';
import { runAndMeasure } from '../run/run-scenario.js';
import { flattenMeasures, MeasureColumns } from './outcome-measures.js';
import { summarize, type Summary } from './statistics.js';

export { deriveSeed };

/** Where a run's threats were shot down and where they struck, local ENU metres rounded to 1 m. */
export interface RunMarks {
  /** Kill positions, flat [e0, n0, e1, n1, …]. */
  kills: number[];
  /** Impacts, as the name of the asset struck, one entry per impact. */
  impacts: string[];
  /**
   * Seconds after the scenario start of each kill and each impact, to 0.1 s (for the report's
   * geodata). Absent in runs stored before they were recorded.
   */
  killTimesS?: number[];
  impactTimesS?: number[];
}

export interface MeasuredRun {
  outcome: Outcome;
  marks: RunMarks;
}

/** One run of a batch: the scenario at a given seed, measured, with its kill and impact points. */
export function measureRun(scenario: Scenario, seed: number): MeasuredRun {
  const { log, outcome } = runAndMeasure(scenario, seed);
  return { outcome, marks: runMarks(log) };
}

export function runMarks(log: RunLog): RunMarks {
  // The kill is resolved at the engagement that preceded it: its position is the attempt's.
  const attemptAt = new Map<number, { e: number; n: number }>();
  const kills: number[] = [];
  const impacts: string[] = [];
  const killTimesS: number[] = [];
  const impactTimesS: number[] = [];
  for (const event of log.events) {
    if (event.kind === 'intercept-attempt') attemptAt.set(event.flight, { e: event.e, n: event.n });
    else if (event.kind === 'kill') {
      const at = attemptAt.get(event.flight);
      if (at) {
        kills.push(Math.round(at.e), Math.round(at.n));
        killTimesS.push(tenths(event.t));
      }
    } else if (event.kind === 'impact') {
      impacts.push(event.asset);
      impactTimesS.push(tenths(event.t));
    }
  }
  return { kills, impacts, killTimesS, impactTimesS };
}

const tenths = (tS: number) => Math.round(tS * 10) / 10;

/** The seeds of runs first..first+count-1 of a batch. */
export function batchSeeds(batchSeed: number, first: number, count: number): number[] {
  const seeds: number[] = [];
  for (let i = first; i < first + count; i++) seeds.push(deriveSeed(batchSeed, i));
  return seeds;
}

export interface Aggregate {
  /** Runs that finished with an outcome. */
  runs: number;
  /** Runs that threw; they are left out of the statistics. */
  failed: number;
  measures: { name: string; summary: Summary }[];
}

/** Statistics of every numeric measure over the runs' outcomes, given in run order. */
export function aggregateOutcomes(outcomes: Iterable<Outcome | undefined>): Aggregate {
  const columns = new MeasureColumns();
  let failed = 0;
  for (const outcome of outcomes) {
    if (outcome === undefined) failed++;
    else columns.add(flattenMeasures(outcome));
  }
  return {
    runs: columns.count,
    failed,
    measures: columns.entries().map(([name, values]) => ({ name, summary: summarize(values) })),
  };
}
