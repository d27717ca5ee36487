// Guided flights of every kind: interceptor drones, SAM missiles and jets' air-to-air missiles
// share one pool of flights. Each flies lead pursuit onto its track, hands over to its own
// camera or seeker near the target, and comes home (drones) or is lost when endurance runs out.
// C2 re-vectors flights; a missile recalled destroys itself.

import { interceptTime } from '../core/intercept.js';
import type { Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import { roundS } from '../model/events.js';
import type { DefenderUnit } from '../model/scenario.js';
import { FlightStatus, ThreatStatus, type World } from '../model/world.js';

/** Phase 2: move every guided flight one step; flights whose preparation ends take off. */
export const guidedFlight: Phase<World> = {
  name: 'flights-move',
  step(world: World, clock: Clock): void {
    const { flights, scenario, units, events } = world;
    const t = clock.t;
    const dt = clock.dt;
    for (let f = 0; f < flights.capacity; f++) {
      const status = flights.status[f];
      if (status === FlightStatus.Free) continue;
      const u = flights.unit[f];
      const unit = scenario.defenders[u];
      if (status === FlightStatus.Preparing) {
        if (t + dt < flights.launchTimeS[f] - 1e-9) continue;
        flights.status[f] = FlightStatus.Outbound;
        events.push({
          t: roundS(flights.launchTimeS[f]),
          kind: 'interceptor-launch',
          unit: unit.name,
          flight: flights.id[f],
          track: flights.targetTrack[f],
        });
        continue;
      }
      if (t + dt - flights.launchTimeS[f] > unit.enduranceS) {
        endFlight(world, f);
        events.push({
          t: roundS(t + dt),
          kind: 'interceptor-lost',
          unit: unit.name,
          flight: flights.id[f],
          reason: 'endurance',
        });
        continue;
      }
      let aimX: number;
      let aimY: number;
      let aimZ: number;
      if (status === FlightStatus.Returning) {
        aimX = unit.base.e;
        aimY = unit.base.n;
        aimZ = unit.base.u;
        const hx = aimX - flights.x[f];
        const hy = aimY - flights.y[f];
        if (hx * hx + hy * hy <= (unit.speedMps * dt) ** 2) {
          endFlight(world, f);
          units.stock[u]++;
          events.push({
            t: roundS(t + dt),
            kind: 'interceptor-recovered',
            unit: unit.name,
            flight: flights.id[f],
          });
          continue;
        }
      } else {
        const aim = pursuitPoint(world, f, unit, t, dt);
        if (aim === null) {
          // Lost the track: hold position until C2 re-vectors this flight or sends it home.
          flights.vx[f] = flights.vy[f] = flights.vz[f] = 0;
          continue;
        }
        aimX = aim[0];
        aimY = aim[1];
        aimZ = aim[2];
      }
      const dx = aimX - flights.x[f];
      const dy = aimY - flights.y[f];
      const dz = aimZ - flights.z[f];
      const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
      const move = Math.min(d, unit.speedMps * dt);
      const k = d > 0 ? move / d : 0;
      flights.vx[f] = (dx * k) / dt;
      flights.vy[f] = (dy * k) / dt;
      flights.vz[f] = (dz * k) / dt;
      flights.x[f] += dx * k;
      flights.y[f] += dy * k;
      flights.z[f] += dz * k;
    }
  },
};

const aimPoint: [number, number, number] = [0, 0, 0];

/**
 * Where an outbound interceptor steers: the lead point on its track, or, once within its
 * acquisition range, the lead point on the nearest real threat its own camera sees.
 */
function pursuitPoint(
  world: World,
  f: number,
  unit: DefenderUnit,
  t: number,
  dt: number,
): [number, number, number] | null {
  const { flights, tracks, threats } = world;
  const row = tracks.rowOf(flights.targetTrack[f]);
  if (row < 0) return null;
  const age = t - tracks.lastUpdateS[row];
  let tx = tracks.x[row] + tracks.vx[row] * age;
  let ty = tracks.y[row] + tracks.vy[row] * age;
  let tz = tracks.z[row];
  let vx = tracks.vx[row];
  let vy = tracks.vy[row];
  let vz = 0;
  const fx = flights.x[f];
  const fy = flights.y[f];
  const fz = flights.z[f];
  if ((tx - fx) ** 2 + (ty - fy) ** 2 <= unit.acquisitionRangeM ** 2) {
    let seen = -1;
    let seenD = unit.acquisitionRangeM;
    world.threatGrid.forEachNear(fx, fy, unit.acquisitionRangeM, (i) => {
      if (threats.status[i] !== ThreatStatus.Flying) return;
      const dx = threats.x[i] - fx;
      const dy = threats.y[i] - fy;
      const dz = threats.z[i] - fz;
      const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
      if (d < seenD) {
        seenD = d;
        seen = i;
      }
    });
    if (seen >= 0) {
      tx = threats.x[seen];
      ty = threats.y[seen];
      tz = threats.z[seen];
      vx = threats.vx[seen];
      vy = threats.vy[seen];
      vz = threats.vz[seen];
    }
  }
  const time = interceptTime(tx - fx, ty - fy, tz - fz, vx, vy, vz, unit.speedMps);
  // The threats have already moved this step: a weapon that can reach the threat's position
  // within the step aims at it, to meet it there at the end of the step.
  const reachable = (tx - fx) ** 2 + (ty - fy) ** 2 + (tz - fz) ** 2 <= (unit.speedMps * dt) ** 2;
  const lead = reachable || !Number.isFinite(time) ? 0 : time;
  aimPoint[0] = tx + vx * lead;
  aimPoint[1] = ty + vy * lead;
  aimPoint[2] = tz + vz * lead;
  return aimPoint;
}

function endFlight(world: World, f: number): void {
  world.flights.status[f] = FlightStatus.Free;
  world.flights.targetTrack[f] = -1;
  world.units.airborne[world.flights.unit[f]]--;
}

/**
 * A new flight from `unit` at (x, y, z) onto `track`: leaving now, or after `prepS` of launch
 * preparation. Returns false when the pool is full.
 */
export function launchFlight(
  world: World,
  u: number,
  x: number,
  y: number,
  z: number,
  track: number,
  t: number,
  prepS = 0,
): boolean {
  const { flights, units, scenario, events } = world;
  const f = flights.status.indexOf(FlightStatus.Free);
  if (f < 0) return false;
  const unit = scenario.defenders[u];
  units.airborne[u]++;
  flights.status[f] = prepS > 0 ? FlightStatus.Preparing : FlightStatus.Outbound;
  flights.unit[f] = u;
  flights.id[f] = flights.nextId++;
  flights.x[f] = x;
  flights.y[f] = y;
  flights.z[f] = z;
  flights.vx[f] = flights.vy[f] = flights.vz[f] = 0;
  flights.launchTimeS[f] = t + prepS;
  flights.targetTrack[f] = track;
  if (prepS <= 0)
    events.push({ t: roundS(t), kind: 'interceptor-launch', unit: unit.name, flight: flights.id[f], track });
  return true;
}

/**
 * Phase 6a: C2's re-vectors. A flight sent home returns if it is an interceptor drone; a missile
 * destroys itself; a flight still in preparation is stood down and its interceptor goes back to stock.
 */
export const flightOrders: Phase<World> = {
  name: 'flights-act',
  step(world: World, clock: Clock): void {
    const { flights, units, scenario, events } = world;
    const t = clock.end;
    for (const order of world.orders) {
      if (order.kind !== 'vector') continue;
      const f = order.flight;
      const status = flights.status[f];
      if (status === FlightStatus.Free) continue;
      if (order.track >= 0) {
        flights.targetTrack[f] = order.track;
        if (status === FlightStatus.Returning) flights.status[f] = FlightStatus.Outbound;
        continue;
      }
      const u = flights.unit[f];
      const unit = scenario.defenders[u];
      if (status === FlightStatus.Preparing) {
        endFlight(world, f);
        units.stock[u]++;
      } else if (unit.kind === 'interceptor-drone') {
        flights.targetTrack[f] = -1;
        flights.status[f] = FlightStatus.Returning;
      } else {
        endFlight(world, f);
        events.push({
          t: roundS(t),
          kind: 'interceptor-lost',
          unit: unit.name,
          flight: flights.id[f],
          reason: 'recalled',
        });
      }
    }
  },
};
