// Greedy maximum marginal return: repeatedly give the weapon-target pair with the largest drop in
// cost its shot, until no weapon is left (or, when holding is allowed, none pays for itself).
// The drop of weapon i on target j is values[j] * survival[j] * pk[i][j] minus its shot cost, and
// it only shrinks as j takes more weapons, so a lazily refreshed heap of each weapon's best gain
// finds the best pair without rescanning everything after each shot.

import { HOLD, type WtaProblem } from './wta-problem.js';
import type { SolveOptions, WtaSolution, WtaSolver } from './wta-solver.js';
import { WtaState } from './wta-state.js';

// Scratch of greedyInsert (synchronous, never nested), grown as needed.
let scratchTarget = new Int32Array(0);
let scratchGain = new Float64Array(0);
let scratchJitter = new Float64Array(0);
let scratchHeap = new Int32Array(0);
let scratchKey = new Float64Array(0);

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
  if (scratchTarget.length < n) {
    const size = Math.max(n, 2 * scratchTarget.length);
    scratchTarget = new Int32Array(size);
    scratchGain = new Float64Array(size);
    scratchJitter = new Float64Array(size);
    scratchHeap = new Int32Array(size);
    scratchKey = new Float64Array(size);
  }
  const bestTarget = scratchTarget;
  const bestGain = scratchGain;
  const jitter = noise > 0 ? scratchJitter : null;

  const fast = problem.incumbent === null;
  const evaluate = (k: number) => {
    const i = weapons[k];
    let target = HOLD;
    let gain = -Infinity;
    for (let r = reach.start[i]; r < reach.start[i + 1]; r++) {
      const j = reach.target[r];
      if (!state.canTake(j)) continue;
      // From HOLD the drop is values * survival * pk less the shot's price (and switch terms).
      const g = fast
        ? problem.values[j] * state.survival(j) * problem.pk[i * problem.targets + j] - problem.shotCost[i]
        : -state.moveDelta(i, j);
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

  // Lazy greedy (Minoux): a max-heap of each weapon's best gain, possibly stale. Gains only
  // shrink, so a popped weapon whose refreshed gain still tops the heap is the true best pair.
  const heap = scratchHeap;
  const key = scratchKey;
  let size = 0;
  const less = (a: number, b: number) =>
    key[heap[a]] < key[heap[b]] || (key[heap[a]] === key[heap[b]] && heap[a] > heap[b]);
  const swap = (a: number, b: number) => {
    const t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
  };
  const down = (at: number) => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let top = at;
      if (l < size && less(top, l)) top = l;
      if (r < size && less(top, r)) top = r;
      if (top === at) return;
      swap(at, top);
      at = top;
    }
  };
  const up = (at: number) => {
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!less(parent, at)) return;
      swap(at, parent);
      at = parent;
    }
  };
  const keyOf = (k: number) => (jitter && bestGain[k] > 0 ? bestGain[k] * jitter[k] : bestGain[k]);
  for (let k = 0; k < n; k++) {
    evaluate(k);
    if (jitter) jitter[k] = 1 + noise * (random() - 0.5);
    key[k] = keyOf(k);
    heap[size++] = k;
    up(size - 1);
  }
  while (size > 0) {
    const k = heap[0];
    const stale = bestTarget[k];
    evaluate(k);
    key[k] = keyOf(k);
    if (bestTarget[k] !== stale || size > 1) {
      // Still the best after refreshing? Otherwise sink it and look again.
      down(0);
      if (heap[0] !== k) continue;
    }
    heap[0] = heap[--size];
    down(0);
    const j = bestTarget[k];
    if (j === HOLD || (problem.mayHold && bestGain[k] <= 0)) continue;
    state.move(weapons[k], j);
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
