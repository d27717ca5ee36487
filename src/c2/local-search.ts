// Descent to a local optimum of two neighbourhoods: move one weapon to another target (or hold
// it), and exchange the targets of two weapons. Each pass is O(reachable pairs + W^2) with the
// O(1) deltas of WtaState; passes repeat while any move improves by more than `tolerance`.

import { HOLD } from './wta-problem.js';
import type { WtaState } from './wta-state.js';

/** Best single move for weapon i, applied if it improves; true if it did. */
export function improveWeapon(state: WtaState, i: number, tolerance: number): boolean {
  const { reach, problem } = state;
  const { pk, targets, values, shotCost } = problem;
  const current = state.assign[i];
  let best = current;
  let bestDelta = -tolerance;
  const fast = problem.incumbent === null;
  // Leaving the current target: its value rises to what it is without i, and the shot is saved.
  const leave =
    current === HOLD
      ? 0
      : values[current] * (state.survivalAfter(current, i, -1) - state.survival(current)) - shotCost[i];
  for (let r = reach.start[i]; r < reach.start[i + 1]; r++) {
    const j = reach.target[r];
    if (j === current || !state.canTake(j)) continue;
    const d = fast
      ? leave - values[j] * state.survival(j) * pk[i * targets + j] + shotCost[i]
      : state.moveDelta(i, j);
    if (d < bestDelta) {
      bestDelta = d;
      best = j;
    }
  }
  if (problem.mayHold && current !== HOLD) {
    const d = state.moveDelta(i, HOLD);
    if (d < bestDelta) {
      bestDelta = d;
      best = HOLD;
    }
  }
  if (best === current) return false;
  state.move(i, best);
  return true;
}

/** Best exchange of weapon i with any other weapon, applied if it improves; true if it did. */
export function improveBySwap(state: WtaState, i: number, tolerance: number): boolean {
  const { assign, problem } = state;
  const { pk, targets, weapons, values, shotCost } = problem;
  const a = assign[i];
  let best = -1;
  let bestDelta = -tolerance;
  const fast = problem.incumbent === null;
  // Value left on a without i, and on a now: the exchange delta is then a few products.
  const withoutI = a === HOLD ? 0 : values[a] * state.survivalAfter(a, i, -1);
  const nowA = a === HOLD ? 0 : values[a] * state.survival(a);
  for (let k = 0; k < weapons; k++) {
    const b = assign[k];
    if (b === a) continue;
    const pkIb = b === HOLD ? 0 : pk[i * targets + b];
    const pkKa = a === HOLD ? 0 : pk[k * targets + a];
    // An exchange helps only if one of the two can hit the other's target (or it saves a switch).
    if (fast && pkIb === 0 && pkKa === 0) continue;
    let d: number;
    if (fast && pkIb < 1 && pkKa < 1) {
      d = 0;
      if (a !== HOLD) d += withoutI * (1 - pkKa) - nowA + shotCost[k] - shotCost[i];
      if (b !== HOLD) {
        const pkKb = pk[k * targets + b];
        const nowB = values[b] * state.survival(b);
        const withoutK = pkKb < 1 ? nowB / (1 - pkKb) : values[b] * state.survivalAfter(b, k, -1);
        d += withoutK * (1 - pkIb) - nowB + shotCost[i] - shotCost[k];
      }
    } else d = state.swapDelta(i, k);
    if (d < bestDelta) {
      bestDelta = d;
      best = k;
    }
  }
  if (best < 0) return false;
  state.swap(i, best);
  return true;
}

/** Descend over the given weapons (all when omitted) until no move or exchange improves. */
export function localSearch(
  state: WtaState,
  tolerance: number,
  weapons?: ArrayLike<number>,
  maxPasses = 50,
  stop?: () => boolean,
): void {
  const n = weapons ? weapons.length : state.problem.weapons;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let k = 0; k < n; k++)
      if (improveWeapon(state, weapons ? weapons[k] : k, tolerance)) improved = true;
    for (let k = 0; k < n; k++) {
      if (improveBySwap(state, weapons ? weapons[k] : k, tolerance)) improved = true;
      // Large problems: a pass of exchanges is O(W^2), so the budget is asked along the way.
      if (stop && (k & 63) === 63 && stop()) return;
    }
    if (!improved || (stop && stop())) return;
  }
}
