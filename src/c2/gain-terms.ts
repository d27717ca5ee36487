// Why a weapon is worth its target: its gain in the plan (the drop in cost when it shoots rather
// than holds, the other weapons staying where they are) split into the factors that make it:
//   gain = value x othersMiss x pk - price + commitment
// where value is the target's value in the problem (value at risk x P(real) in the simulation).

import { HOLD, type WtaProblem } from './wta-problem.js';
import { WtaState } from './wta-state.js';

export interface GainTerms {
  /** The target's value in the problem. */
  value: number;
  /** Probability that the plan's other shots at the target all miss. */
  othersMiss: number;
  pk: number;
  /** The shot's price (cost term, reserve included). */
  price: number;
  /** Saved switch cost: the weapon stays on the engagement it is committed to. */
  commitment: number;
  gain: number;
}

/** The terms of weapon e on target j; the state is left as it was. */
export function gainTerms(state: WtaState, e: number, j: number): GainTerms {
  const { problem } = state;
  const { incumbent, switchCost } = problem;
  const was = state.assign[e];
  if (was !== HOLD) state.move(e, HOLD);
  const committed = incumbent !== null && switchCost !== null && incumbent[e] === j ? switchCost[e] : 0;
  const terms: GainTerms = {
    value: problem.values[j],
    othersMiss: state.survival(j),
    pk: problem.pk[e * problem.targets + j],
    price: problem.shotCost[e],
    commitment: committed,
    gain: -state.moveDelta(e, j),
  };
  if (was !== HOLD) state.move(e, was);
  return terms;
}

/** The terms of every weapon where a plan puts it (null for a weapon the plan holds). */
export function planGainTerms(problem: WtaProblem, assignment: Int32Array): (GainTerms | null)[] {
  const state = new WtaState(problem);
  state.load(assignment);
  return Array.from(assignment, (j, i) => (j === HOLD ? null : gainTerms(state, i, j)));
}
