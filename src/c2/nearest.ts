// The baseline policy: each weapon free to act goes to the unengaged track it can reach soonest:
// a flight whose track is gone is re-vectored (or sent home), and each unit ready to shoot takes
// one. It ignores value, cost and decoy probability, on purpose: it is the yardstick the smarter
// assignment policies must beat. Every effector kind takes part through its descriptor and the
// same reachability the assignment policies use (envelopes, ceilings, waiting for range).

import type { EffectorDescriptor } from '../model/effector.js';
import { EffectorOrigin } from '../model/effector.js';
import type { Order } from '../model/order.js';
import type { Scenario } from '../model/scenario.js';
import { describeEffectors } from './effectors.js';
import { ReachMatrix, computeReachability } from './reachability.js';
import { ThreatAssessment, evaluateThreats } from './threat-evaluation.js';
import type { C2Policy, C2View } from './types.js';
import { HOLD, evaluateAssignment, type WtaProblem } from './wta-problem.js';
import type { WtaSolution, WtaSolver } from './wta-solver.js';

/** How often a unit that holds a live track chooses again. */
const REDECIDE_S = 20;

export function createNearestPolicy(scenario: Scenario): C2Policy {
  const threats = new ThreatAssessment();
  const reach = new ReachMatrix();
  const effectors: EffectorDescriptor[] = [];
  const deciding: EffectorDescriptor[] = [];
  let engaged = new Uint8Array(256);
  /** When each unit holding a track last chose again. */
  const decidedAt = new Map<number, number>();
  return {
    decide(t: number, view: C2View, orders: Order[]): void {
      const { tracks } = view;
      describeEffectors(t, scenario, view.units, view.flights, scenario.c2, effectors);
      // The weapons that need a decision: flights whose track is gone, and every unit's shot
      // that can be ordered now.
      deciding.length = 0;
      if (engaged.length < tracks.count) engaged = new Uint8Array(tracks.count * 2);
      engaged.fill(0, 0, tracks.count);
      for (const w of effectors) {
        if (w.origin === EffectorOrigin.Airborne) {
          const row = w.engagedTrack >= 0 ? tracks.rowOf(w.engagedTrack) : -1;
          if (row >= 0) engaged[row] = 1;
          else if (w.engagedTrack >= 0) deciding.push(w);
        } else if (w.shot === 0 && w.launchDelayS <= w.orderLeadS) {
          // A unit holding a live track (a gun waiting for it to come into range, a jet on its
          // way) chooses again every REDECIDE_S: its track may have turned away.
          const holding = w.engagedTrack >= 0 && tracks.rowOf(w.engagedTrack) >= 0;
          if (holding && t < (decidedAt.get(w.unit) ?? -Infinity) + REDECIDE_S) {
            engaged[tracks.rowOf(w.engagedTrack)] = 1;
            continue;
          }
          decidedAt.set(w.unit, t);
          deciding.push(w);
        }
      }
      if (deciding.length === 0) return;
      evaluateThreats(t, scenario, tracks, threats);
      computeReachability(deciding, threats, reach);
      for (let e = 0; e < deciding.length; e++) {
        const w = deciding[e];
        let best = -1;
        let bestTime = Infinity;
        for (let r = reach.start[e]; r < reach.start[e + 1]; r++) {
          const k = reach.track[r];
          if (!engaged[k] && reach.timeS[r] < bestTime) {
            bestTime = reach.timeS[r];
            best = k;
          }
        }
        if (best >= 0) engaged[best] = 1;
        const track = best >= 0 ? threats.trackId[best] : -1;
        if (w.origin === EffectorOrigin.Airborne) orders.push({ kind: 'vector', flight: w.flight, track });
        else if (track >= 0) orders.push({ kind: 'launch', unit: w.unit, track });
      }
    },
  };
}

/**
 * The same rule on a static WTA problem, where there is no geometry: each weapon in turn takes
 * the target it is most likely to kill among those with the fewest weapons so far, ignoring
 * values and costs. It holds only when it can reach nothing (and holding is allowed).
 */
export function solveNearestStatic(problem: WtaProblem): WtaSolution {
  const { weapons, targets, pk, capacity } = problem;
  const count = new Int32Array(targets);
  const assignment = new Int32Array(weapons).fill(HOLD);
  for (let i = 0; i < weapons; i++) {
    let best = HOLD;
    for (let j = 0; j < targets; j++) {
      if (capacity && count[j] >= capacity[j]) continue;
      const p = pk[i * targets + j];
      if (problem.mayHold && p <= 0) continue;
      if (best === HOLD || count[j] < count[best] || (count[j] === count[best] && p > pk[i * targets + best]))
        best = j;
    }
    assignment[i] = best;
    if (best !== HOLD) count[best]++;
  }
  return { assignment, cost: evaluateAssignment(problem, assignment), proven: false, iterations: 1 };
}

export const nearestSolver: WtaSolver = {
  name: 'nearest',
  description: 'baseline: each weapon to its likeliest kill among the least-engaged targets, values ignored',
  solve: (problem: WtaProblem) => solveNearestStatic(problem),
};
