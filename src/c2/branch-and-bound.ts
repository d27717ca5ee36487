// Exact WTA for small problems, by depth-first branch and bound (c2/exact-search.ts) from the
// anytime search's answer; it checks the other solvers.

import { searchExactly } from './exact-search.js';
import { solveLns } from './lns.js';
import type { WtaProblem } from './wta-problem.js';
import type { SolveOptions, WtaSolution, WtaSolver } from './wta-solver.js';

/** Nodes explored before the search gives up proving (the result is then not `proven`). */
const DEFAULT_NODE_LIMIT = 5_000_000;

export function solveBranchAndBound(problem: WtaProblem, options: SolveOptions = {}): WtaSolution {
  const start = solveLns(problem, { maxIterations: 200, seed: options.seed });
  if (start.proven) return start;
  return searchExactly(
    problem,
    start.assignment,
    options.maxIterations ?? DEFAULT_NODE_LIMIT,
    options.shouldStop,
  );
}

export const branchAndBoundSolver: WtaSolver = {
  name: 'exact',
  description: 'branch and bound with a diminishing-returns bound: proven optimum for small problems',
  solve: solveBranchAndBound,
};
