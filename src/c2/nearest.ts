// The baseline policy: each free interceptor goes to the nearest unengaged track it can reach
// within its endurance. It ignores value, cost and decoy probability, on purpose: it is the
// yardstick the smarter assignment policies must beat.

import { interceptTime } from '../core/intercept.js';
import type { Order } from '../model/order.js';
import type { Scenario } from '../model/scenario.js';
import { FlightStatus } from '../model/world.js';
import type { C2Policy, C2View } from './types.js';

export function createNearestPolicy(scenario: Scenario): C2Policy {
  const engaged = new Set<number>();
  return {
    decide(t: number, view: C2View, orders: Order[]): void {
      const { tracks, flights, units } = view;
      const liveTracks = new Set<number>();
      for (let k = 0; k < tracks.count; k++) liveTracks.add(tracks.id[k]);

      engaged.clear();
      for (let f = 0; f < flights.capacity; f++) {
        if (flights.status[f] === FlightStatus.Outbound && liveTracks.has(flights.targetTrack[f])) {
          engaged.add(flights.targetTrack[f]);
        }
      }

      // Airborne interceptors whose track is gone take the nearest free one, or go home.
      for (let f = 0; f < flights.capacity; f++) {
        if (flights.status[f] !== FlightStatus.Outbound || liveTracks.has(flights.targetTrack[f])) continue;
        const unit = scenario.defenders[flights.unit[f]];
        const remainingS = unit.enduranceS - (t - flights.launchTimeS[f]);
        const best = nearestReachable(
          view,
          t,
          flights.x[f],
          flights.y[f],
          flights.z[f],
          unit.speedMps,
          remainingS,
          engaged,
        );
        orders.push({ kind: 'vector', flight: f, track: best });
        if (best >= 0) engaged.add(best);
      }

      // Units with stock, a free crew and a ready launcher send one interceptor each per cycle.
      scenario.defenders.forEach((unit, u) => {
        if (units.stock[u] <= 0 || units.airborne[u] >= unit.maxConcurrentFlights || t < units.nextLaunchS[u])
          return;
        const best = nearestReachable(
          view,
          t,
          unit.base.e,
          unit.base.n,
          unit.base.u,
          unit.speedMps,
          unit.enduranceS,
          engaged,
        );
        if (best < 0) return;
        orders.push({ kind: 'launch', unit: u, track: best });
        engaged.add(best);
      });
    },
  };
}

/** Track id with the earliest feasible intercept from (x, y, z), or -1. */
function nearestReachable(
  view: C2View,
  t: number,
  x: number,
  y: number,
  z: number,
  speedMps: number,
  withinS: number,
  engaged: ReadonlySet<number>,
): number {
  const { tracks } = view;
  let best = -1;
  let bestTime = withinS;
  for (let k = 0; k < tracks.count; k++) {
    const id = tracks.id[k];
    if (engaged.has(id)) continue;
    // Extrapolate the track to now before solving the intercept.
    const age = t - tracks.lastUpdateS[k];
    const tx = tracks.x[k] + tracks.vx[k] * age;
    const ty = tracks.y[k] + tracks.vy[k] * age;
    const time = interceptTime(tx - x, ty - y, tracks.z[k] - z, tracks.vx[k], tracks.vy[k], 0, speedMps);
    if (time < bestTime) {
      bestTime = time;
      best = id;
    }
  }
  return best;
}
