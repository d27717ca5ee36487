// The baseline policy: each weapon free to act goes to the unengaged track it can reach soonest:
// a flight whose track is gone is re-vectored (or sent home), and each unit ready to shoot takes
// one. It ignores value, cost and decoy probability, on purpose: it is the yardstick the smarter
// assignment policies must beat. Every effector kind takes part through its descriptor and the
// same reachability the assignment policies use (envelopes, ceilings, waiting for range).

import type { EffectorDescriptor } from '../model/effector.js';
import { EffectorOrigin } from '../model/effector.js';
import type { Order } from '../model/order.js';
import type { Scenario } from '../model/scenario.js';
import { TrackTable } from '../model/track.js';
import { describeEffectors } from './effectors.js';
import { ReachMatrix, computeReachability } from './reachability.js';
import { ThreatAssessment, evaluateThreats } from './threat-evaluation.js';
import type { C2Policy, C2View } from './types.js';
import { HOLD, evaluateAssignment, type WtaProblem } from './wta-problem.js';
import type { WtaSolution, WtaSolver } from './wta-solver.js';

export function createNearestPolicy(scenario: Scenario): C2Policy {
  const threats = new ThreatAssessment();
  const reach = new ReachMatrix();
  const effectors: EffectorDescriptor[] = [];
  const deciding: EffectorDescriptor[] = [];
  /** The tracks within reach of a deciding weapon soon: the only ones assessed this cycle. */
  const near = new TrackTable();
  let engaged = new Uint8Array(256);
  /** When each unit (other than interceptor-drone teams) last chose. */
  const decidedAt = new Float64Array(scenario.defenders.length).fill(-Infinity);
  const idleUntil = new Float64Array(scenario.defenders.length);
  return {
    decide(t: number, view: C2View, orders: Order[]): void {
      const { tracks } = view;
      describeEffectors(t, scenario, view.units, view.flights, scenario.c2, effectors);
      // The weapons that need a decision: flights whose track is gone, and the units' shots that
      // can be ordered now. A unit that found nothing in reach waits IDLE_S before looking again;
      // a unit other than an interceptor-drone team that holds a live track (a gun waiting for it
      // to come into range, a jet on its way) chooses again every REDECIDE_S, as it may turn away.
      deciding.length = 0;
      for (const w of effectors) {
        if (w.origin === EffectorOrigin.Airborne) {
          if (w.engagedTrack >= 0 && tracks.rowOf(w.engagedTrack) < 0) deciding.push(w);
        } else if (w.shot === 0 && w.launchDelayS <= w.orderLeadS && t >= idleUntil[w.unit]) {
          if (scenario.defenders[w.unit].kind !== 'interceptor-drone') {
            const holding = w.engagedTrack >= 0 && tracks.rowOf(w.engagedTrack) >= 0;
            if (holding && t < decidedAt[w.unit] + REDECIDE_S) continue;
            decidedAt[w.unit] = t;
          }
          deciding.push(w);
        }
      }
      if (deciding.length === 0) return;
      selectNear(t, tracks, deciding, near);
      if (engaged.length < near.count) engaged = new Uint8Array(near.count * 2);
      engaged.fill(0, 0, near.count);
      for (const w of effectors) {
        if (w.engagedTrack < 0 || deciding.includes(w)) continue;
        const row = near.rowOf(w.engagedTrack);
        if (row >= 0) engaged[row] = 1;
      }
      evaluateThreats(t, scenario, near, threats);
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
        // A unit that finds nothing in reach looks again after IDLE_S.
        else idleUntil[w.unit] = t + IDLE_S;
      }
    },
  };
}

/** How often a unit holding a live track chooses again, and one holding none. */
const REDECIDE_S = 20;
const IDLE_S = 8;
/** How far ahead a weapon that may wait looks for threats coming into its reach. */
const HORIZON_S = 600;

/** Copies into `out` the tracks that a deciding weapon could reach within its time, or soon. */
function selectNear(
  t: number,
  tracks: TrackTable,
  deciding: readonly EffectorDescriptor[],
  out: TrackTable,
): void {
  out.clear();
  const n = deciding.length;
  // Per weapon: its origin, its own reach and the time a threat has to come into it.
  const wx = new Float64Array(n);
  const wy = new Float64Array(n);
  const reachM = new Float64Array(n);
  const timeS = new Float64Array(n);
  for (let e = 0; e < n; e++) {
    const w = deciding[e];
    wx[e] = w.x;
    wy[e] = w.y;
    reachM[e] = Math.min(w.speedMps * w.enduranceS, w.maxRangeM);
    timeS[e] = w.launchDelayS + Math.min(w.enduranceS, 1e6) + (w.mayWait ? HORIZON_S : 0);
  }
  for (let k = 0; k < tracks.count; k++) {
    const age = t - tracks.lastUpdateS[k];
    const x = tracks.x[k] + tracks.vx[k] * age;
    const y = tracks.y[k] + tracks.vy[k] * age;
    const speed = Math.sqrt(tracks.vx[k] * tracks.vx[k] + tracks.vy[k] * tracks.vy[k]);
    let keep = false;
    for (let e = 0; e < n; e++) {
      const r = reachM[e] + speed * timeS[e];
      const dx = x - wx[e];
      const dy = y - wy[e];
      if (dx * dx + dy * dy <= r * r) {
        keep = true;
        break;
      }
    }
    if (!keep) continue;
    const row = out.add();
    out.id[row] = tracks.id[k];
    out.x[row] = tracks.x[k];
    out.y[row] = tracks.y[k];
    out.z[row] = tracks.z[k];
    out.vx[row] = tracks.vx[k];
    out.vy[row] = tracks.vy[k];
    out.vz[row] = tracks.vz[k];
    out.sigmaM[row] = tracks.sigmaM[k];
    out.pDecoy[row] = tracks.pDecoy[k];
    out.lastUpdateS[row] = tracks.lastUpdateS[k];
  }
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
