// The weapons C2 can plan with this cycle, as effector descriptors: each interceptor flight in
// the air (which may be re-vectored or recalled), and each unit's next few launches (a unit that
// launches every 60 s offers its next shot now and later ones after the interval). Other effector
// kinds add their own describe function and plug into reachability unchanged.

import { EffectorOrigin, type EffectorDescriptor } from '../model/effector.js';
import type { InterceptorUnit, Scenario } from '../model/scenario.js';
import { FlightStatus, type FlightState, type UnitState } from '../model/world.js';

/** Launches per unit looked ahead: the next one and the ones after it. */
export const PLANNED_SHOTS = 3;
/** Interceptor drones engage from the ground up to any height a threat cruises at. */
const MAX_ALTITUDE_M = 10_000;

export interface ShotPrice {
  /** Value units per unit of money. */
  valuePerMoney: number;
  reserveFraction: number;
  reserveValue: number;
}

/** Price of a unit's shot that leaves `stockAfter` in stock: its cost, plus the reserve term. */
export function shotPrice(unit: InterceptorUnit, stockAfter: number, price: ShotPrice): number {
  const reserve = stockAfter < price.reserveFraction * unit.stock ? price.reserveValue : 0;
  return unit.unitCost * price.valuePerMoney + reserve;
}

export function describeInterceptorDrones(
  t: number,
  scenario: Scenario,
  units: UnitState,
  flights: FlightState,
  price: ShotPrice,
  out: EffectorDescriptor[],
): void {
  out.length = 0;
  for (let f = 0; f < flights.capacity; f++) {
    const status = flights.status[f];
    if (status === FlightStatus.Free) continue;
    const u = flights.unit[f];
    const unit = scenario.defenders[u];
    const left = unit.enduranceS - (t - flights.launchTimeS[f]);
    if (left <= 0) continue;
    out.push({
      unit: u,
      origin: EffectorOrigin.Airborne,
      flight: f,
      shot: 0,
      x: flights.x[f],
      y: flights.y[f],
      z: flights.z[f],
      launchDelayS: 0,
      speedMps: unit.speedMps,
      enduranceS: left,
      minRangeM: 0,
      maxRangeM: Infinity,
      minAltitudeM: 0,
      maxAltitudeM: MAX_ALTITUDE_M,
      pkByThreatType: unit.pkByThreatType,
      // A flight sent home is recovered; keeping it on a target spends it like a launch.
      shotPrice: shotPrice(unit, units.stock[u], price),
      engagedTrack: status === FlightStatus.Outbound ? flights.targetTrack[f] : -1,
    });
  }
  scenario.defenders.forEach((unit, u) => {
    const crews = unit.maxConcurrentFlights - units.airborne[u];
    const shots = Math.min(units.stock[u], crews, PLANNED_SHOTS);
    const ready = Math.max(0, units.nextLaunchS[u] - t);
    for (let m = 0; m < shots; m++) {
      out.push({
        unit: u,
        origin: EffectorOrigin.Launcher,
        flight: -1,
        shot: m,
        x: unit.base.e,
        y: unit.base.n,
        z: unit.base.u,
        launchDelayS: ready + m * unit.launchIntervalS,
        speedMps: unit.speedMps,
        enduranceS: unit.enduranceS,
        minRangeM: 0,
        maxRangeM: unit.speedMps * unit.enduranceS,
        minAltitudeM: 0,
        maxAltitudeM: MAX_ALTITUDE_M,
        pkByThreatType: unit.pkByThreatType,
        shotPrice: shotPrice(unit, units.stock[u] - 1 - m, price),
        engagedTrack: -1,
      });
    }
  });
}
