// Registry of static weapon-target assignment solvers, by the short names that scenario files
// (c2.policy) and `bulwark wta --solver` use.

import { branchAndBoundSolver } from './branch-and-bound.js';
import { greedyMmrSolver } from './greedy-mmr.js';
import { lnsSolver } from './lns.js';
import { nearestSolver } from './nearest.js';
import type { WtaSolver } from './wta-solver.js';

export const WTA_SOLVERS: Record<string, WtaSolver> = {
  nearest: nearestSolver,
  'greedy-mmr': greedyMmrSolver,
  exact: branchAndBoundSolver,
  lns: lnsSolver,
};

/** The flagship: what the WTA policies and `bulwark wta` use unless told otherwise. */
export const DEFAULT_WTA_SOLVER = 'lns';
