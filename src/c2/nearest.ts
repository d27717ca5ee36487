// The baseline policy: each free interceptor goes to the nearest unengaged track it can reach
// within its endurance. It ignores value, cost and decoy probability, on purpose: it is the
// yardstick the smarter assignment policies must beat.

import { interceptTime } from '../core/intercept.js';
import type { Order } from '../model/order.js';
import type { Scenario } from '../model/scenario.js';
import { FlightStatus } from '../model/world.js';
import type { C2Policy, C2View } from './types.js';
import { HOLD, evaluateAssignment, type WtaProblem } from './wta-problem.js';
import type { WtaSolution, WtaSolver } from './wta-solver.js';

export function createNearestPolicy(scenario: Scenario): C2Policy {
  // Per track row for this cycle: engaged flag and the position extrapolated to now.
  let engaged = new Uint8Array(256);
  let nowX = new Float64Array(256);
  let nowY = new Float64Array(256);
  let speed = new Float64Array(256);
  return {
    decide(t: number, view: C2View, orders: Order[]): void {
      const { tracks, flights, units } = view;
      if (engaged.length < tracks.count) {
        engaged = new Uint8Array(tracks.count * 2);
        nowX = new Float64Array(tracks.count * 2);
        nowY = new Float64Array(tracks.count * 2);
        speed = new Float64Array(tracks.count * 2);
      }
      engaged.fill(0, 0, tracks.count);
      for (let k = 0; k < tracks.count; k++) {
        const age = t - tracks.lastUpdateS[k];
        nowX[k] = tracks.x[k] + tracks.vx[k] * age;
        nowY[k] = tracks.y[k] + tracks.vy[k] * age;
        speed[k] = Math.sqrt(tracks.vx[k] * tracks.vx[k] + tracks.vy[k] * tracks.vy[k]);
      }
      for (let f = 0; f < flights.capacity; f++) {
        if (flights.status[f] !== FlightStatus.Outbound) continue;
        const row = tracks.rowOf(flights.targetTrack[f]);
        if (row >= 0) engaged[row] = 1;
      }
      const pick = (x: number, y: number, z: number, speedMps: number, withinS: number): number => {
        const row = nearestReachable(view, nowX, nowY, speed, engaged, x, y, z, speedMps, withinS);
        if (row < 0) return -1;
        engaged[row] = 1;
        return tracks.id[row];
      };

      // Airborne interceptors whose track is gone take the nearest free one, or go home.
      for (let f = 0; f < flights.capacity; f++) {
        if (flights.status[f] !== FlightStatus.Outbound || tracks.rowOf(flights.targetTrack[f]) >= 0)
          continue;
        const unit = scenario.defenders[flights.unit[f]];
        const remainingS = unit.enduranceS - (t - flights.launchTimeS[f]);
        orders.push({
          kind: 'vector',
          flight: f,
          track: pick(flights.x[f], flights.y[f], flights.z[f], unit.speedMps, remainingS),
        });
      }

      // Units with stock, a free crew and a ready launcher send one interceptor each per cycle.
      scenario.defenders.forEach((unit, u) => {
        if (units.stock[u] <= 0 || units.airborne[u] >= unit.maxConcurrentFlights || t < units.nextLaunchS[u])
          return;
        const track = pick(unit.base.e, unit.base.n, unit.base.u, unit.speedMps, unit.enduranceS);
        if (track >= 0) orders.push({ kind: 'launch', unit: u, track });
      });
    },
  };
}

/** Row of the unengaged track with the earliest feasible intercept from (x, y, z), or -1. */
function nearestReachable(
  view: C2View,
  nowX: Float64Array,
  nowY: Float64Array,
  trackSpeed: Float64Array,
  engaged: Uint8Array,
  x: number,
  y: number,
  z: number,
  speedMps: number,
  withinS: number,
): number {
  const { tracks } = view;
  let best = -1;
  let bestTime = withinS;
  for (let k = 0; k < tracks.count; k++) {
    if (engaged[k]) continue;
    const dx = nowX[k] - x;
    const dy = nowY[k] - y;
    // Nothing closes faster than both speeds added: skip the quadratic for tracks out of reach.
    const reach = (speedMps + trackSpeed[k]) * bestTime;
    if (dx * dx + dy * dy > reach * reach) continue;
    const time = interceptTime(dx, dy, tracks.z[k] - z, tracks.vx[k], tracks.vy[k], 0, speedMps);
    if (time < bestTime) {
      bestTime = time;
      best = k;
    }
  }
  return best;
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
