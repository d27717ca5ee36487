// Greedy maximum marginal return: repeatedly give the weapon-target pair with the largest drop in
// cost its shot, until no weapon is left (or, when holding is allowed, none pays for itself).
// The drop of weapon i on target j is values[j] * survival[j] * pk[i][j] minus its shot cost, and
// it only shrinks as j takes more weapons, so each weapon's best target need be recomputed only
// when that target was just served.

import { HOLD, type WtaProblem } from './wta-problem.js';
import type { SolveOptions, WtaSolution, WtaSolver } from './wta-solver.js';
import { WtaState } from './wta-state.js';

/**
 * Insert the given held weapons into the state greedily. When the problem forbids holding, every
 * one of them is placed even at a loss; `noise` > 0 perturbs the choice (for diversification).
 */
export function greedyInsert(
  state: WtaState,
  weapons: ArrayLike<number>,
  noise = 0,
  random: () => number = () => 0.5,
): void {
  const n = weapons.length;
  if (n === 0) return;
  const { problem, reach } = state;
  const bestTarget = new Int32Array(n);
  const bestGain = new Float64Array(n);
  const open = new Uint8Array(n).fill(1);
  const jitter = noise > 0 ? new Float64Array(n) : null;

  const evaluate = (k: number) => {
    const i = weapons[k];
    let target = HOLD;
    let gain = -Infinity;
    for (let r = reach.start[i]; r < reach.start[i + 1]; r++) {
      const j = reach.target[r];
      if (!state.canTake(j)) continue;
      const g = -state.moveDelta(i, j);
      if (g > gain) {
        gain = g;
        target = j;
      }
    }
    if (target === HOLD && !problem.mayHold) {
      // Nothing reachable: any target with room takes the (useless) shot.
      for (let j = 0; j < problem.targets && target === HOLD; j++) if (state.canTake(j)) target = j;
      gain = target === HOLD ? -Infinity : -state.moveDelta(i, target);
    }
    bestTarget[k] = target;
    bestGain[k] = gain;
  };

  for (let k = 0; k < n; k++) {
    evaluate(k);
    if (jitter) jitter[k] = 1 + noise * (random() - 0.5);
  }
  for (let placed = 0; placed < n; placed++) {
    let pick = -1;
    let pickGain = -Infinity;
    for (let k = 0; k < n; k++) {
      if (!open[k]) continue;
      const g = jitter && bestGain[k] > 0 ? bestGain[k] * jitter[k] : bestGain[k];
      if (pick < 0 || g > pickGain) {
        pick = k;
        pickGain = g;
      }
    }
    const j = bestTarget[pick];
    open[pick] = 0;
    if (j === HOLD || (problem.mayHold && bestGain[pick] <= 0)) continue;
    state.move(weapons[pick], j);
    for (let k = 0; k < n; k++) if (open[k] && bestTarget[k] === j) evaluate(k);
  }
}

export function solveGreedyMmr(problem: WtaProblem): WtaSolution {
  const state = new WtaState(problem);
  const all = new Int32Array(problem.weapons);
  for (let i = 0; i < all.length; i++) all[i] = i;
  greedyInsert(state, all);
  state.load(state.assign);
  return { assignment: state.assign.slice(), cost: state.cost, proven: false, iterations: 1 };
}

export const greedyMmrSolver: WtaSolver = {
  name: 'greedy-mmr',
  description: 'greedy maximum marginal return: one pass, the best pair first',
  solve: (problem: WtaProblem, _options?: SolveOptions) => solveGreedyMmr(problem),
};
