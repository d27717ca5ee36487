// The interface of a weapon-target assignment solver. Solvers never read a clock: the caller
// passes a budget (a stop callback the io layer backs with a deadline, or a fixed iteration
// count that keeps simulation runs byte-identical whatever the machine's load).

import type { WtaProblem } from './wta-problem.js';

export interface SolveOptions {
  /** Asked between iterations; true ends an anytime search with the best found so far. */
  shouldStop?: () => boolean;
  /** Iterations an anytime search may make (its deterministic budget). */
  maxIterations?: number;
  /** Seed of the search's own random stream. */
  seed?: number;
  /** A known assignment to start from or improve on (a warm start, e.g. last cycle's plan). */
  start?: Int32Array;
}

export interface WtaSolution {
  assignment: Int32Array;
  /** Cost of the assignment, as evaluateAssignment computes it. */
  cost: number;
  /** True when the solver proved the assignment optimal. */
  proven: boolean;
  /** Iterations (anytime search) or nodes (branch and bound) used. */
  iterations: number;
}

export interface WtaSolver {
  name: string;
  description: string;
  solve(problem: WtaProblem, options?: SolveOptions): WtaSolution;
}

/** Whether a search that has made `iterations` should stop under `options`. */
export function outOfBudget(options: SolveOptions, iterations: number): boolean {
  if (options.maxIterations !== undefined && iterations >= options.maxIterations) return true;
  return options.shouldStop !== undefined && options.shouldStop();
}
