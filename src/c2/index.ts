// C2 policy registry, and the decision phase of the tick loop.

import { every, type Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import type { World } from '../model/world.js';
import { branchAndBoundSolver } from './branch-and-bound.js';
import { greedyMmrSolver } from './greedy-mmr.js';
import { lnsSolver } from './lns.js';
import { createNearestPolicy } from './nearest.js';
import type { C2Policy, C2PolicyFactory } from './types.js';
import { createWtaPolicy } from './wta-policy.js';

/** Nodes the exact solver may explore per cycle, per unit of the scenario's iteration budget. */
const EXACT_NODES_PER_ITERATION = 2000;

/** Scenario `c2.policy` names; the WTA policies differ only in their solver. */
export const C2_POLICIES: Record<string, C2PolicyFactory> = {
  nearest: createNearestPolicy,
  'greedy-mmr': createWtaPolicy(greedyMmrSolver, () => 1),
  exact: createWtaPolicy(branchAndBoundSolver, (iterations) => wtaBudget('exact', iterations)),
  lns: createWtaPolicy(lnsSolver, (iterations) => wtaBudget('lns', iterations)),
};

/** The deterministic budget a WTA solver gets per cycle from the scenario's `c2.iterations`. */
export function wtaBudget(solver: string, iterations: number): number {
  if (solver === 'exact') return iterations * EXACT_NODES_PER_ITERATION;
  if (solver === 'lns') return iterations;
  return 1;
}

/** Phase 5: every decision cycle the policy turns the track picture into orders. */
export function decisionPhase(policy: C2Policy, cycleS: number): Phase<World> {
  const cycle = every(cycleS);
  return {
    name: 'c2',
    step(world: World, clock: Clock): void {
      world.orders.length = 0;
      if (!cycle.due(clock)) return;
      const t = clock.end;
      // C2 sees the picture and its own forces, never world.threats.
      const view = {
        scenario: world.scenario,
        tracks: world.tracks,
        units: world.units,
        flights: world.flights,
        assetDamage: world.assets.damageFraction,
      };
      policy.decide(t, view, world.orders, world.events);
    },
  };
}

export type { C2Policy, C2PolicyFactory, C2View } from './types.js';
export { WTA_SOLVERS, DEFAULT_WTA_SOLVER } from './wta-solvers.js';
// Static problems (`bulwark wta`, benchmarks): the classic problem from values and pk.
export { classicProblem, evaluateAssignment } from './wta-problem.js';
export { planGainTerms, type GainTerms } from './gain-terms.js';
