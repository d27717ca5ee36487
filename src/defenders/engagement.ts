// Phase 7a: an outbound guided flight (interceptor drone or missile) that passed within its
// engagement radius of a live threat below its ceiling during the step engages it once: a
// kill-probability draw from its unit's own stream. Either way the flight is spent.

import { closestApproach } from '../core/intercept.js';
import type { Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import { roundM, roundS } from '../model/events.js';
import { FlightStatus, ThreatStatus, type World } from '../model/world.js';

export const engagementResolution: Phase<World> = {
  name: 'engagements',
  step(world: World, clock: Clock): void {
    const { flights, threats, scenario, units } = world;
    const dt = clock.dt;
    const t = roundS(clock.t + dt);
    for (let f = 0; f < flights.capacity; f++) {
      if (flights.status[f] !== FlightStatus.Outbound) continue;
      const u = flights.unit[f];
      const unit = scenario.defenders[u];
      const fx = flights.x[f];
      const fy = flights.y[f];
      const fz = flights.z[f];
      const reach = unit.engagementRadiusM + (unit.speedMps + world.maxThreatSpeedMps) * dt;
      let target = -1;
      let targetMiss = unit.engagementRadiusM;
      world.threatGrid.forEachNear(fx, fy, reach, (i) => {
        const status = threats.status[i];
        if (status !== ThreatStatus.Flying && status !== ThreatStatus.Arrived) return;
        if (threats.z[i] > unit.ceilingM) return;
        // Relative position at the end of the step, and at its start by backing out the velocities.
        const ex = fx - threats.x[i];
        const ey = fy - threats.y[i];
        const ez = fz - threats.z[i];
        const miss = closestApproach(
          ex - (flights.vx[f] - threats.vx[i]) * dt,
          ey - (flights.vy[f] - threats.vy[i]) * dt,
          ez - (flights.vz[f] - threats.vz[i]) * dt,
          ex,
          ey,
          ez,
        );
        if (miss <= targetMiss) {
          targetMiss = miss;
          target = i;
        }
      });
      if (target < 0) continue;

      const flightId = flights.id[f];
      flights.status[f] = FlightStatus.Free;
      flights.targetTrack[f] = -1;
      units.airborne[u]--;
      resolveEngagement(world, unit.name, flightId, target, unit.pkByThreatType[threats.type[target]], t);
    }
  },
};

/**
 * One engagement of `target` by a unit's flight (or burst, flight -1): the attempt, one draw from
 * the unit's stream `engage/<unit>`, and the kill or miss, all logged at `t`.
 */
export function resolveEngagement(
  world: World,
  unit: string,
  flight: number,
  target: number,
  pk: number,
  t: number,
  rounds?: number,
): void {
  const { threats, scenario, events } = world;
  const type = scenario.threatTypes[threats.type[target]].name;
  events.push({
    t,
    kind: 'intercept-attempt',
    unit,
    flight,
    threat: target,
    type,
    pk,
    e: roundM(threats.x[target]),
    n: roundM(threats.y[target]),
    u: roundM(threats.z[target]),
    ...(rounds === undefined ? {} : { rounds }),
  });
  if (world.rng.get(`engage/${unit}`).bernoulli(pk)) {
    threats.status[target] = ThreatStatus.Destroyed;
    world.resolvedThreats++;
    const nearestAssetM = roundM(nearestAssetDistance(world, threats.x[target], threats.y[target]));
    events.push({ t, kind: 'kill', unit, flight, threat: target, type, nearestAssetM });
  } else {
    events.push({ t, kind: 'miss', unit, flight, threat: target, type });
  }
}

export function nearestAssetDistance(world: World, x: number, y: number): number {
  let best = Infinity;
  for (const asset of world.scenario.assets)
    best = Math.min(best, Math.hypot(asset.position.e - x, asset.position.n - y));
  return best;
}
