// Exact WTA for small problems: depth-first branch and bound from a known assignment, which it
// proves optimal or beats. The `exact` solver and the anytime search on tiny problems use it.
//
// Weapons are branched on in order of their best kill probability, each over its reachable
// targets (and HOLD when allowed) best first. The incumbent is the caller's start, so the tree only
// has to prove it (or beat it). Two lower bounds on every completion of a partial
// assignment, the cheap one first:
//
// 1. Diminishing returns: the drop in cost that an unplaced weapon can still bring is at most its
//    best single-move drop now, since every later shot only lowers survival and so every marginal
//    return: cost(partial) − Σ_unplaced max(0, best drop now).
// 2. Slots (a linear assignment): let R_j be target j's remaining value now. In any completion,
//    sort the weapons that j receives by decreasing pk; the k-th of them removes
//    R_j·Π_{l<k}(1 − p_(l))·p_(k) ≤ R_j·(1 − p_(k))^(k−1)·p_(k), since every weapon before it has
//    a pk at least its own. So every completion is a matching of the unplaced weapons to slots
//    (j, k) whose weights R_j·p_ij·(1 − p_ij)^(k−1) (less shot and switch terms) add up to at
//    least its drop, and the maximum-weight matching bounds the drop. It is never weaker than 1
//    (slot 1 is the best single drop) and far tighter when weapons would crowd a target (W > T).

import { solveLinearAssignment } from '../core/linear-assignment.js';
import { HOLD, evaluateAssignment, reachOf, type WtaProblem } from './wta-problem.js';
import type { WtaSolution } from './wta-solver.js';
import { WtaState } from './wta-state.js';

/**
 * The optimum from `start` (a valid assignment), proven unless `nodeLimit` nodes were explored or
 * `shouldStop` said stop first; then the best found, never worse than `start`.
 */
export function searchExactly(
  problem: WtaProblem,
  start: Int32Array,
  nodeLimit: number,
  shouldStop?: () => boolean,
): WtaSolution {
  const { weapons, targets, pk } = problem;
  const reach = reachOf(problem);
  let best = start.slice();
  let bestCost = evaluateAssignment(problem, start);

  // Unreachable-only weapons still must shoot somewhere when holding is forbidden.
  const order = Array.from({ length: weapons }, (_, i) => i);
  const maxPk = order.map((i) => {
    let m = 0;
    for (let j = 0; j < targets; j++) m = Math.max(m, pk[i * targets + j]);
    return m;
  });
  order.sort((a, b) => maxPk[b] - maxPk[a] || a - b);

  const state = new WtaState(problem, reach);
  // With holding forbidden every unplaced weapon is charged as held; shot costs of forced shots
  // are then added as weapons are placed, so the bound stays a bound. Start from all held.
  const tolerance = 1e-9 * Math.max(1, Math.abs(bestCost));
  let nodes = 0;
  let aborted = false;
  const choices: Int32Array[] = [];
  for (let d = 0; d < weapons; d++) choices.push(new Int32Array(targets + 1));
  const gains = new Float64Array(targets + 1);

  const bound = (depth: number): number => {
    let lb = state.cost;
    for (let d = depth; d < weapons; d++) {
      const i = order[d];
      let drop = problem.mayHold ? 0 : -Infinity;
      for (let r = reach.start[i]; r < reach.start[i + 1]; r++) {
        const j = reach.target[r];
        if (!state.canTake(j)) continue;
        drop = Math.max(drop, -state.moveDelta(i, j));
      }
      if (drop === -Infinity) {
        // Must shoot, can reach nothing with room: the cheapest forced shot still costs.
        drop = 0;
        for (let j = 0; j < targets; j++) if (state.canTake(j)) drop = Math.max(drop, -state.moveDelta(i, j));
      }
      lb -= Math.max(0, drop);
    }
    return lb;
  };

  // The slot bound (2 above), by one rectangular linear assignment.
  const { values, shotCost, incumbent, switchCost, capacity } = problem;
  const rankOf = new Int32Array(weapons);
  const byPk = new Int32Array(weapons);
  let matrix = new Float64Array(0);
  const switchTerm = (i: number, j: number) =>
    incumbent && switchCost && j !== incumbent[i] ? switchCost[i] : 0;
  const slotBound = (depth: number): number => {
    const rows = weapons - depth;
    let cols = problem.mayHold ? rows : 0;
    for (let j = 0; j < targets; j++)
      cols += Math.max(0, Math.min(rows, capacity ? capacity[j] - state.count[j] : rows));
    if (cols < rows) return Infinity;
    if (matrix.length < rows * cols) matrix = new Float64Array(rows * cols);
    let col = 0;
    for (let j = 0; j < targets; j++) {
      const room = Math.min(rows, capacity ? capacity[j] - state.count[j] : rows);
      if (room <= 0) continue;
      const remaining = values[j] * state.survival(j);
      // The unplaced weapons by pk on j, largest first (ties by index): a weapon ranked r can be
      // at most the (r+1)-th of those j receives, behind weapons of pk at least its own.
      for (let r = 0; r < rows; r++) byPk[r] = order[depth + r];
      const pkOn = (i: number) => pk[i * targets + j];
      byPk.subarray(0, rows).sort((a, b) => pkOn(b) - pkOn(a) || a - b);
      for (let r = 0; r < rows; r++) rankOf[byPk[r]] = r;
      for (let r = 0; r < rows; r++) {
        const i = order[depth + r];
        const rank = rankOf[i];
        const p = pkOn(i);
        const fixed = shotCost[i] + switchTerm(i, j) - switchTerm(i, HOLD);
        // Slot k: k weapons ahead, the k of least pk among those ranked before i (the largest
        // survival they can leave).
        let survive = 1;
        for (let k = 0; k < room; k++) {
          let c: number;
          if (k > rank) c = Infinity;
          else {
            if (k > 0) survive *= 1 - pkOn(byPk[rank - k]);
            c = fixed - remaining * survive * p;
          }
          matrix[r * cols + col + k] = c;
        }
      }
      col += room;
    }
    for (let r = 0; r < rows; r++) for (let c = col; c < cols; c++) matrix[r * cols + c] = 0;
    const lap = solveLinearAssignment(matrix, rows, cols);
    return lap.feasible ? state.cost + lap.cost : Infinity;
  };

  const visit = (depth: number): void => {
    if (aborted) return;
    if (++nodes > nodeLimit || (shouldStop !== undefined && nodes % 4096 === 0 && shouldStop())) {
      aborted = true;
      return;
    }
    if (depth === weapons) {
      if (state.cost < bestCost - tolerance) {
        bestCost = state.cost;
        best = state.assign.slice();
      }
      return;
    }
    if (bound(depth) >= bestCost - tolerance) return;
    if (weapons - depth > 1 && slotBound(depth) >= bestCost - tolerance) return;
    const i = order[depth];
    const list = choices[depth];
    let n = 0;
    for (let r = reach.start[i]; r < reach.start[i + 1]; r++)
      if (state.canTake(reach.target[r])) list[n++] = reach.target[r];
    if (problem.mayHold) list[n++] = HOLD;
    else if (n === 0) for (let j = 0; j < targets; j++) if (state.canTake(j)) list[n++] = j;
    for (let k = 0; k < n; k++) gains[k] = state.moveDelta(i, list[k]);
    // Best first: a simple insertion sort of the few choices by their delta.
    for (let a = 1; a < n; a++) {
      const g = gains[a];
      const t = list[a];
      let b = a - 1;
      while (b >= 0 && gains[b] > g) {
        gains[b + 1] = gains[b];
        list[b + 1] = list[b];
        b--;
      }
      gains[b + 1] = g;
      list[b + 1] = t;
    }
    const mine = list.slice(0, n);
    for (const j of mine) {
      state.move(i, j);
      visit(depth + 1);
      state.move(i, HOLD);
      if (aborted) return;
    }
  };
  visit(0);
  return { assignment: best, cost: evaluateAssignment(problem, best), proven: !aborted, iterations: nodes };
}
