// Siting from end to end, in three pure steps the CLI drives (and shows progress for):
//   planSiting    the moved units, their candidates, the raid axes and the coverage MIP's first cut
//   searchSiting  the compass search by simulation from the MIP's layout and the file's own
//   checkSiting   the file's layout against the sited one over fresh seeds: the whole night, the
//                 training mix and each raid axis alone, with 95% CIs and paired differences
// Search and check draw different seeds: the check's run i uses deriveSeed(S, i), as `bulwark mc
// --seed S` does, the search's run i uses deriveSeed(S, SEARCH_RUN_OFFSET + i).

import { LocalFrame, type LatLon } from '../../core/geo.js';
import { bounds } from '../../core/polygon.js';
import type { Scenario } from '../../model/scenario.js';
import { runAndMeasure } from '../../run/run-scenario.js';
import { batchSeeds } from '../monte-carlo.js';
import { summarize, type Summary } from '../statistics.js';
import { coverageProblem, coverageValue, solveCoverage, type LpSolver } from './coverage.js';
import {
  applyLayout,
  originalLayout,
  raidAxes,
  resolveMoves,
  SitingError,
  withWaves,
  type Layout,
  type MovedUnit,
  type RaidAxis,
} from './layout.js';
import { finiteMean, OBJECTIVE_SPECS, type Objective, type ObjectiveName } from './objective.js';
import { compassSearch, type SearchResult } from './search.js';

export const SEARCH_RUN_OFFSET = 1_000_000;

export interface SitingPlan {
  scenario: Scenario;
  moved: MovedUnit[];
  objective: Objective;
  axes: RaidAxis[];
  trainWaves: string[];
  /** The MIP's choice (candidate index per unit) and the model's value of it and of the file's layout. */
  coverChoice: number[];
  coverValue: number;
  originalCoverValue: number;
}

export function planSiting(
  scenario: Scenario,
  moves: readonly string[],
  objectiveName: ObjectiveName,
  trainWaves: readonly string[] | undefined,
  solver: LpSolver,
): SitingPlan {
  if (moves.length === 0) throw new SitingError('--move: name at least one unit, e.g. defenders.fg-desna');
  const moved = resolveMoves(scenario, moves);
  const names = scenario.waves.map((w) => w.name);
  const axes = raidAxes(scenario.waves);
  const train = trainWaves === undefined ? names : expandWaves(trainWaves, names, axes);
  const spacing = scenario.siting!.spacingM;
  const problem = coverageProblem(scenario, moved, train, Math.max(500, spacing));
  const coverChoice = solveCoverage(problem, solver);
  const originalChoice = moved.map((m) => m.originalIndex);
  return {
    scenario,
    moved,
    objective: OBJECTIVE_SPECS[objectiveName],
    axes,
    trainWaves: train,
    coverChoice,
    coverValue: coverageValue(problem, coverChoice),
    originalCoverValue: originalChoice.every((c) => c >= 0) ? coverageValue(problem, originalChoice) : NaN,
  };
}

/** --train takes wave names or axis names; an axis stands for all its waves. */
function expandWaves(
  given: readonly string[],
  names: readonly string[],
  axes: readonly RaidAxis[],
): string[] {
  const out = new Set<string>();
  for (const g of given) {
    const axis = axes.find((a) => a.name === g);
    if (axis) axis.waves.forEach((w) => out.add(w));
    else if (names.includes(g)) out.add(g);
    else
      throw new SitingError(
        `--train: no wave or axis named '${g}'; waves: ${names.join(', ')}; axes: ${axes.map((a) => a.name).join(', ')}`,
      );
  }
  return names.filter((n) => out.has(n));
}

export function layoutOf(plan: SitingPlan, choice: readonly number[]): Layout {
  return choice.map((c, u) => plan.moved[u].candidates[c]);
}

export interface SearchSettings {
  seed: number;
  runsPerLayout: number;
  budgetRuns: number;
  /** Called after every simulated run (progress). */
  onRun?: () => void;
}

export function searchSiting(plan: SitingPlan, settings: SearchSettings): SearchResult & { layout: Layout } {
  const { scenario, moved, objective } = plan;
  const frame = new LocalFrame(scenario.origin);
  const trained = withWaves(scenario, plan.trainWaves);
  const seeds = batchSeeds(settings.seed, SEARCH_RUN_OFFSET, settings.runsPerLayout);
  const sign = objective.sense === 'min' ? 1 : -1;
  const evaluate = (choice: readonly number[]) => {
    const s = applyLayout(trained, moved, layoutOf(plan, choice));
    const values = seeds.map((seed) => {
      const v = objective.measure(runAndMeasure(s, seed).outcome);
      settings.onRun?.();
      return v;
    });
    return sign * finiteMean(values);
  };
  const originalChoice = moved.map((m) => m.originalIndex);
  const starts = [plan.coverChoice];
  if (originalChoice.every((c) => c >= 0) && originalChoice.join() !== plan.coverChoice.join())
    starts.push(originalChoice);
  const units = moved.map((m) => ({ candidates: m.candidates.map((c) => frame.toEnu(c.latDeg, c.lonDeg)) }));
  // The first step spans half the widest unit's candidate set (at least four grid steps, at most
  // sixteen); the search ends below one grid step.
  const spacing = scenario.siting!.spacingM;
  const halfWidth = Math.max(...units.map((u) => diameter(u.candidates) / 2));
  const result = compassSearch(units, evaluate, {
    budgetRuns: settings.budgetRuns,
    runsPerLayout: settings.runsPerLayout,
    starts,
    stepM: Math.min(16 * spacing, Math.max(4 * spacing, halfWidth)),
    minStepM: spacing * 0.99,
  });
  return { ...result, layout: layoutOf(plan, result.best) };
}

function diameter(points: readonly { e: number; n: number }[]): number {
  const b = bounds(points);
  return Math.hypot(b.maxE - b.minE, b.maxN - b.minN);
}

/** How the two layouts compare on one set of waves. */
export interface CheckRow {
  name: string;
  waves: string[];
  /** Whether every wave of the row was in the training mix. */
  trained: boolean;
  baseline: Summary;
  sited: Summary;
  /** Sited minus baseline, run by run (common random numbers). */
  difference: Summary;
}

export interface CheckSettings {
  seed: number;
  runs: number;
  /** Runs for each raid axis alone (0: the whole night and the training mix only). */
  axisRuns: number;
  onRun?: () => void;
}

/** How many runs checkSiting makes with these settings. */
export function checkRunCount(plan: SitingPlan, settings: CheckSettings): number {
  return 2 * checkSets(plan, settings).reduce((s, set) => s + set.runs, 0);
}

function checkSets(plan: SitingPlan, settings: CheckSettings) {
  const all = plan.scenario.waves.map((w) => w.name);
  const sets = [{ name: 'whole night', waves: all, runs: settings.runs }];
  if (plan.trainWaves.length < all.length)
    sets.push({ name: 'training mix', waves: plan.trainWaves, runs: settings.runs });
  if (settings.axisRuns > 0 && plan.axes.length > 1)
    for (const axis of plan.axes)
      sets.push({ name: `axis ${axis.name}`, waves: axis.waves, runs: settings.axisRuns });
  return sets;
}

/**
 * The file's layout (`baseline`) against the sited scenario, both as parsed from their files, over
 * the check's seeds.
 */
export function checkSiting(
  plan: SitingPlan,
  baseline: Scenario,
  sited: Scenario,
  settings: CheckSettings,
): CheckRow[] {
  return checkSets(plan, settings).map((set) => {
    const seeds = batchSeeds(settings.seed, 0, set.runs);
    const values = (scenario: Scenario) => {
      const s = withWaves(scenario, set.waves);
      return seeds.map((seed) => {
        const v = plan.objective.measure(runAndMeasure(s, seed).outcome);
        settings.onRun?.();
        return v;
      });
    };
    const a = values(baseline);
    const b = values(sited);
    return {
      name: set.name,
      waves: set.waves,
      trained: set.waves.every((w) => plan.trainWaves.includes(w)),
      baseline: summarize(a),
      sited: summarize(b),
      difference: summarize(a.map((v, i) => b[i] - v)),
    };
  });
}

/** The file's layout, for callers that show both. */
export function baselineLayout(plan: SitingPlan): LatLon[] {
  return originalLayout(plan.moved);
}
