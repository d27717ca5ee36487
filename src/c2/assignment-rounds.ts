// Weapon-target assignment through linear assignment, the part of WTA that permutations govern.
//
// assignmentRounds: from nothing, each round matches the weapons still free one-to-one to targets
// at their marginal return given the shots of earlier rounds (one linear assignment per round),
// until every weapon is placed or, when holding is allowed, no shot pays for itself.
//
// slotRecreate: re-places a set of held weapons at once: target j offers slots 0, 1, 2 … for its
// next weapons, slot m worth values[j] * survival[j] * pk * (1 - mean pk)^m, so that a single
// linear assignment spreads and stacks the weapons nearly as the true objective would.

import { solveLinearAssignment } from '../core/linear-assignment.js';
import { greedyInsert } from './greedy-mmr.js';
import { HOLD } from './wta-problem.js';
import type { WtaState } from './wta-state.js';

// Scratch shared by the functions below (synchronous, never nested): one cost matrix, one row of
// places, so that the search's many small assignments do not allocate.
let matrix = new Float64Array(0);
let columns = new Float64Array(0);
let places = new Int32Array(0);
function costMatrix(size: number): Float64Array {
  if (matrix.length < size) matrix = new Float64Array(Math.max(size, 2 * matrix.length));
  return matrix;
}
function scratchColumns(size: number): { base: Float64Array; place: Int32Array } {
  if (columns.length < size) {
    columns = new Float64Array(Math.max(size, 2 * columns.length));
    places = new Int32Array(columns.length);
  }
  return { base: columns, place: places };
}

/** Place every held weapon of the state by rounds of linear assignment. */
export function assignmentRounds(state: WtaState): void {
  const { problem } = state;
  const { weapons, targets } = problem;
  let free: number[] = [];
  for (let i = 0; i < weapons; i++) if (state.assign[i] === HOLD) free.push(i);
  while (free.length > 0) {
    const rows = free.length;
    const cost = costMatrix(rows * targets);
    for (let r = 0; r < rows; r++) {
      const i = free[r];
      for (let j = 0; j < targets; j++)
        cost[r * targets + j] = state.canTake(j) ? state.moveDelta(i, j) : Infinity;
    }
    const { rowToCol } = solveLinearAssignment(cost, rows, targets);
    const left: number[] = [];
    let placed = 0;
    for (let r = 0; r < rows; r++) {
      const j = rowToCol[r];
      const i = free[r];
      if (j < 0 || !state.canTake(j) || (problem.mayHold && cost[r * targets + j] >= 0)) {
        left.push(i);
        continue;
      }
      state.move(i, j);
      placed++;
    }
    if (placed === 0) {
      // Nothing could be placed (all full, or nothing pays): the rest stay held, or must go
      // anywhere with room when holding is not allowed.
      if (!problem.mayHold)
        for (const i of left)
          for (let j = 0; j < targets; j++)
            if (state.canTake(j)) {
              state.move(i, j);
              break;
            }
      return;
    }
    free = left;
  }
}

/** Most slots a target offers in one recreate, and targets considered per weapon. */
const SLOTS = 3;
const TARGETS_PER_WEAPON = 8;

/** Re-place the given held weapons by one slot-expanded linear assignment. */
export function slotRecreate(state: WtaState, removed: readonly number[], mark: Uint8Array): void {
  const { problem, reach } = state;
  const { targets, pk, values, capacity, shotCost } = problem;
  const rows = removed.length;
  if (rows === 0) return;
  // Candidate targets: each weapon's best few by marginal return.
  const candidates: number[] = [];
  const top: number[] = [];
  const topGain: number[] = [];
  for (const i of removed) {
    top.length = topGain.length = 0;
    for (let r = reach.start[i]; r < reach.start[i + 1]; r++) {
      const j = reach.target[r];
      const g = values[j] * state.survival(j) * pk[i * targets + j];
      if (top.length < TARGETS_PER_WEAPON) {
        top.push(j);
        topGain.push(g);
      } else {
        let worst = 0;
        for (let k = 1; k < top.length; k++) if (topGain[k] < topGain[worst]) worst = k;
        if (g > topGain[worst]) {
          top[worst] = j;
          topGain[worst] = g;
        }
      }
    }
    for (const j of top)
      if (!mark[j]) {
        mark[j] = 1;
        candidates.push(j);
      }
  }
  for (const j of candidates) mark[j] = 0;
  candidates.sort((a, b) => a - b);

  const slotTarget: number[] = [];
  const slotDepth: number[] = [];
  for (const j of candidates) {
    const room = capacity ? capacity[j] - state.count[j] : rows;
    for (let m = 0; m < Math.min(SLOTS, room, rows); m++) {
      slotTarget.push(j);
      slotDepth.push(m);
    }
  }
  const holdCols = problem.mayHold || slotTarget.length < rows ? rows : 0;
  const cols = slotTarget.length + holdCols;
  const cost = costMatrix(rows * cols);
  const meanPk = new Float64Array(candidates.length);
  for (let c = 0, s = 0; c < candidates.length; c++) {
    const j = candidates[c];
    let sum = 0;
    for (const i of removed) sum += pk[i * targets + j];
    meanPk[c] = sum / rows;
    while (s < slotTarget.length && slotTarget[s] === j) {
      const decay = Math.pow(1 - meanPk[c], slotDepth[s]);
      for (let r = 0; r < rows; r++) {
        const i = removed[r];
        cost[r * cols + s] = -values[j] * state.survival(j) * pk[i * targets + j] * decay + shotCost[i];
      }
      s++;
    }
  }
  // Hold columns: free when holding is allowed, otherwise a last resort placed greedily below.
  for (let r = 0; r < rows; r++)
    for (let h = 0; h < holdCols; h++) cost[r * cols + slotTarget.length + h] = problem.mayHold ? 0 : 1e18;
  const { rowToCol } = solveLinearAssignment(cost, rows, cols);
  for (let r = 0; r < rows; r++) {
    const c = rowToCol[r];
    if (c >= 0 && c < slotTarget.length && state.canTake(slotTarget[c]))
      state.move(removed[r], slotTarget[c]);
  }
}

/**
 * Re-seat the given weapons by one linear assignment over their own places and one extra slot on
 * each of their targets: the cyclic exchanges of any length among them (each weapon takes another's
 * place) and the path exchanges (a weapon joins a target without giving its place up). A place
 * costs values[t] * survival[t] without its weapon * (1 - pk[i][t]) relative to being empty, exact
 * when no two of the weapons share a target (callers pick them so); an extra slot costs the
 * marginal of one more shot on t. The true cost of the result is the caller's to judge.
 */
export function permutationMove(state: WtaState, weapons: readonly number[]): void {
  const { problem } = state;
  const { targets, pk, values, shotCost, incumbent, switchCost } = problem;
  const n = weapons.length;
  if (n < 2) return;
  const cols = 2 * n;
  const { base, place } = scratchColumns(cols);
  for (let s = 0; s < n; s++) {
    const t = state.assign[weapons[s]];
    place[s] = t;
    base[s] = t === HOLD ? 0 : values[t] * state.survivalAfter(t, weapons[s], -1);
    // The extra slot on the same target: one more shot on top of the present ones.
    place[n + s] = t;
    base[n + s] = t === HOLD ? 0 : values[t] * state.survival(t);
  }
  const cost = costMatrix(n * cols);
  for (let r = 0; r < n; r++) {
    const i = weapons[r];
    for (let s = 0; s < cols; s++) {
      const t = place[s];
      let c: number;
      if (t === HOLD) c = s < n ? 0 : Infinity;
      else c = -base[s] * pk[i * targets + t] + shotCost[i];
      if (incumbent && switchCost && t !== incumbent[i]) c += switchCost[i];
      cost[r * cols + s] = c;
    }
  }
  const { rowToCol } = solveLinearAssignment(cost, n, cols);
  // Through HOLD, so that target capacity never sees a half-done exchange.
  for (let r = 0; r < n; r++) state.move(weapons[r], HOLD);
  const left: number[] = [];
  for (let r = 0; r < n; r++) {
    const s = rowToCol[r];
    const t = s >= 0 ? place[s] : place[r];
    if (t === HOLD) continue;
    if (state.canTake(t)) state.move(weapons[r], t);
    else left.push(weapons[r]);
  }
  if (left.length > 0) greedyInsert(state, left);
}
