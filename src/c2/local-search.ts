// Descent to a local optimum of two neighbourhoods: move one weapon to another target (or hold
// it), and exchange the targets of two weapons. Each pass is O(reachable pairs + W^2) with the
// O(1) deltas of WtaState; passes repeat while any move improves by more than `tolerance`.

import { HOLD } from './wta-problem.js';
import type { WtaState } from './wta-state.js';

/** Best single move for weapon i, applied if it improves; true if it did. */
export function improveWeapon(state: WtaState, i: number, tolerance: number): boolean {
  const { reach, problem } = state;
  const current = state.assign[i];
  let best = current;
  let bestDelta = -tolerance;
  for (let r = reach.start[i]; r < reach.start[i + 1]; r++) {
    const j = reach.target[r];
    if (j === current || !state.canTake(j)) continue;
    const d = state.moveDelta(i, j);
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
  const { pk, targets, weapons } = problem;
  const a = assign[i];
  let best = -1;
  let bestDelta = -tolerance;
  for (let k = 0; k < weapons; k++) {
    const b = assign[k];
    if (b === a) continue;
    // An exchange helps only if one of the two can hit the other's target.
    if ((b === HOLD || pk[i * targets + b] === 0) && (a === HOLD || pk[k * targets + a] === 0)) continue;
    const d = state.swapDelta(i, k);
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
): void {
  const n = weapons ? weapons.length : state.problem.weapons;
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (let k = 0; k < n; k++)
      if (improveWeapon(state, weapons ? weapons[k] : k, tolerance)) improved = true;
    for (let k = 0; k < n; k++)
      if (improveBySwap(state, weapons ? weapons[k] : k, tolerance)) improved = true;
    if (!improved) return;
  }
}
