// The weapons C2 can plan with this cycle, as effector descriptors: every guided flight in the
// air or in preparation (which may be re-vectored or recalled), and each unit's next few shots,
// described by its kind's function below. A new effector kind is a defenders/ file, catalog data
// and one describe function here; reachability and assignment work on descriptors only.

import { isDarkAfter } from '../core/sun.js';
import { EffectorOrigin, type EffectorDescriptor } from '../model/effector.js';
import type {
  DefenderKind,
  DefenderUnit,
  FireGroupUnit,
  GunUnit,
  InterceptorDroneUnit,
  JetUnit,
  SamUnit,
  Scenario,
} from '../model/scenario.js';
import { FireGroupMode, FlightStatus, JetMode, type FlightState, type UnitState } from '../model/world.js';

/** Shots per unit looked ahead: the next one and the ones after it. */
export const PLANNED_SHOTS = 3;
/** Mode of a SAM unit that is reloading (defenders/sam.ts). */
const SAM_RELOADING = 1;

/**
 * Value units per unit of money every shot pays whatever the scenario's price: far below any
 * value at stake (a $4M missile costs 0.004), so it only breaks ties between shots that save the
 * same value, for the cheaper one, and keeps a free shot at a known decoy from being taken.
 */
export const TIE_BREAK_VALUE_PER_MONEY = 1e-9;

export interface ShotPrice {
  /** Value units per unit of money set by the scenario; 0 (the default) protects value first. */
  valuePerMoney: number;
  reserveFraction: number;
  reserveValue: number;
}

/** Price of a unit's shot that leaves `stockAfter` in stock: its cost, plus the reserve term. */
export function shotPrice(
  unit: DefenderUnit,
  stockAfter: number,
  price: ShotPrice,
  cost = unit.unitCost,
): number {
  const reserve = stockAfter < price.reserveFraction * unit.stock ? price.reserveValue : 0;
  return cost * (price.valuePerMoney + TIE_BREAK_VALUE_PER_MONEY) + reserve;
}

/** What a describe function sees besides its unit. */
export interface DescribeContext {
  t: number;
  scenario: Scenario;
  units: UnitState;
  price: ShotPrice;
  /** Dark at the decision time (fire groups' sights, jets' cannon). */
  night: boolean;
}

type Describe<U extends DefenderUnit> = (
  c: DescribeContext,
  unit: U,
  u: number,
  out: EffectorDescriptor[],
) => void;

/** A launcher shot with the defaults most kinds share. */
function shot(unit: DefenderUnit, u: number, m: number, x: number, y: number, z: number): EffectorDescriptor {
  return {
    unit: u,
    origin: EffectorOrigin.Launcher,
    flight: -1,
    shot: m,
    x,
    y,
    z,
    launchDelayS: 0,
    orderLeadS: 0,
    mayWait: false,
    speedMps: unit.speedMps,
    enduranceS: unit.enduranceS,
    minRangeM: 0,
    maxRangeM: Infinity,
    minAltitudeM: 0,
    maxAltitudeM: unit.ceilingM,
    maxSlantRangeM: Infinity,
    pkByThreatType: unit.pkByThreatType,
    shotPrice: 0,
    engagedTrack: -1,
  };
}

/** Interceptor drones: the next launches, crews, stock and launch preparation permitting. */
export const describeInterceptorDrones: Describe<InterceptorDroneUnit> = (c, unit, u, out) => {
  const { units, t } = c;
  const crews = unit.maxConcurrentFlights - units.airborne[u];
  const shots = Math.min(units.stock[u], crews, PLANNED_SHOTS);
  const ready = Math.max(0, units.nextLaunchS[u] - t);
  for (let m = 0; m < shots; m++) {
    const w = shot(unit, u, m, unit.base.e, unit.base.n, unit.base.u);
    w.launchDelayS = ready + m * unit.launchIntervalS + unit.prepS;
    w.orderLeadS = unit.prepS;
    w.maxRangeM = unit.speedMps * unit.enduranceS;
    w.shotPrice = shotPrice(unit, units.stock[u] - 1 - m, c.price);
    out.push(w);
  }
};

/** SAM batteries: missiles ready (or after the reload), fired once a threat is in the envelope. */
export const describeSam: Describe<SamUnit> = (c, unit, u, out) => {
  const { units, t } = c;
  const reloading = units.mode[u] === SAM_RELOADING;
  let shots = 0;
  let wait = 0;
  if (!reloading && units.loaded[u] > 0) {
    shots = Math.min(units.loaded[u], unit.maxConcurrentFlights - units.airborne[u], PLANNED_SHOTS);
    wait = Math.max(0, units.nextLaunchS[u] - t);
  } else {
    // Empty launchers: the shots after the reload.
    shots = Math.min(unit.readyMissiles, units.stock[u], PLANNED_SHOTS);
    wait = reloading ? Math.max(0, units.modeUntilS[u] - t) : unit.reloadS;
  }
  for (let m = 0; m < shots; m++) {
    const w = shot(unit, u, m, unit.base.e, unit.base.n, unit.base.u);
    w.launchDelayS = wait + unit.reactionS + m * unit.launchIntervalS;
    w.orderLeadS = unit.reactionS;
    w.mayWait = true;
    w.minRangeM = unit.minRangeM;
    w.maxRangeM = unit.maxRangeM;
    w.minAltitudeM = unit.minAltitudeM;
    w.shotPrice = shotPrice(unit, units.left(u) - 1 - m, c.price);
    w.engagedTrack = m === 0 ? units.targetTrack[u] : -1;
    out.push(w);
  }
};

/** Guns and fire groups: bursts from where the unit stands (or will stand), rounds permitting. */
function describeBursts(
  c: DescribeContext,
  unit: GunUnit | FireGroupUnit,
  u: number,
  out: EffectorDescriptor[],
  x: number,
  y: number,
  z: number,
  delayS: number,
  slantRangeM: number,
): void {
  const { units } = c;
  const bursts = Math.ceil(units.stock[u] / unit.roundsPerBurst);
  const shots = Math.min(bursts, PLANNED_SHOTS);
  const cost = unit.roundsPerBurst * unit.unitCost;
  for (let m = 0; m < shots; m++) {
    const w = shot(unit, u, m, x, y, z);
    w.launchDelayS = delayS + m * unit.burstIntervalS;
    w.mayWait = true;
    w.maxRangeM = slantRangeM;
    w.maxSlantRangeM = slantRangeM;
    w.shotPrice = shotPrice(unit, units.stock[u] - (m + 1) * unit.roundsPerBurst, c.price, cost);
    w.engagedTrack = m === 0 ? units.targetTrack[u] : -1;
    out.push(w);
  }
}

export const describeGun: Describe<GunUnit> = (c, unit, u, out) => {
  const { units } = c;
  describeBursts(
    c,
    unit,
    u,
    out,
    units.x[u],
    units.y[u],
    units.z[u],
    Math.max(0, units.nextLaunchS[u] - c.t),
    unit.rangeM,
  );
};

export const describeFireGroup: Describe<FireGroupUnit> = (c, unit, u, out) => {
  const { units, t } = c;
  const range = c.night ? Math.min(unit.rangeM, unit.nightRangeM) : unit.rangeM;
  const ready = Math.max(0, units.nextLaunchS[u] - t);
  if (units.mode[u] === FireGroupMode.Stopped) {
    const setup = Math.max(0, units.modeUntilS[u] - t);
    describeBursts(c, unit, u, out, units.x[u], units.y[u], units.z[u], Math.max(ready, setup), range);
    return;
  }
  // On the road: it can fire from the next patrol point once there and set up.
  const to = unit.patrol[units.counter[u]];
  const arrive = Math.hypot(to.e - units.x[u], to.n - units.y[u]) / unit.relocationSpeedMps + unit.setupS;
  describeBursts(c, unit, u, out, to.e, to.n, to.u, Math.max(ready, arrive), range);
};

/**
 * Jets: the aircraft itself carries the shot to the threat at dash speed, within the fuel left
 * for the way out and back; a missile while it has them, else a cannon pass.
 */
export const describeJet: Describe<JetUnit> = (c, unit, u, out) => {
  const { units, t } = c;
  const mode = units.mode[u];
  if (mode === JetMode.Returning || mode === JetMode.Turnaround) return;
  const missiles = units.loaded[u];
  if (missiles === 0 && units.counter[u] === 0) return;
  let delay = 0;
  let enduranceS: number;
  if (mode === JetMode.Ready || mode === JetMode.Scrambling) {
    delay = mode === JetMode.Ready ? unit.scrambleS : Math.max(0, units.modeUntilS[u] - t);
    enduranceS = unit.sortieS / 2;
  } else {
    const homeS = Math.hypot(unit.base.e - units.x[u], unit.base.n - units.y[u]) / unit.cruiseSpeedMps;
    enduranceS = (unit.sortieS - (t - units.sortieStartS[u]) - homeS) / 2;
  }
  if (enduranceS <= 0) return;
  const cannonPk = unit.cannonPk * (c.night ? unit.nightCannonFactor : 1);
  const shots = missiles > 0 ? Math.min(missiles, PLANNED_SHOTS) : 1;
  for (let m = 0; m < shots; m++) {
    const w = shot(unit, u, m, units.x[u], units.y[u], units.z[u]);
    w.launchDelayS = delay + m * unit.launchIntervalS;
    w.orderLeadS = delay;
    w.speedMps = unit.dashSpeedMps;
    w.enduranceS = enduranceS;
    if (missiles > 0) {
      w.shotPrice = shotPrice(unit, units.left(u) - 1 - m, c.price);
    } else {
      w.pkByThreatType = unit.pkByThreatType.map(() => cannonPk);
      w.shotPrice = 0;
    }
    w.engagedTrack = m === 0 ? units.targetTrack[u] : -1;
    out.push(w);
  }
};

/** One describe function per effector kind. */
export const DESCRIBE: { [K in DefenderKind]: Describe<Extract<DefenderUnit, { kind: K }>> } = {
  'interceptor-drone': describeInterceptorDrones,
  sam: describeSam,
  gun: describeGun,
  'fire-group': describeFireGroup,
  jet: describeJet,
};

/** Guided flights in the air or in preparation: interceptor drones and missiles. */
export function describeFlights(
  t: number,
  scenario: Scenario,
  units: UnitState,
  flights: FlightState,
  price: ShotPrice,
  out: EffectorDescriptor[],
): void {
  for (let f = 0; f < flights.capacity; f++) {
    const status = flights.status[f];
    if (status === FlightStatus.Free) continue;
    const u = flights.unit[f];
    const unit = scenario.defenders[u];
    const preparing = status === FlightStatus.Preparing;
    const delay = preparing ? Math.max(0, flights.launchTimeS[f] - t) : 0;
    const left = preparing ? unit.enduranceS : unit.enduranceS - (t - flights.launchTimeS[f]);
    if (left <= 0) continue;
    out.push({
      unit: u,
      origin: EffectorOrigin.Airborne,
      flight: f,
      shot: 0,
      x: flights.x[f],
      y: flights.y[f],
      z: flights.z[f],
      launchDelayS: delay,
      orderLeadS: delay,
      mayWait: false,
      speedMps: unit.speedMps,
      enduranceS: left,
      minRangeM: 0,
      maxRangeM: Infinity,
      minAltitudeM: 0,
      maxAltitudeM: unit.ceilingM,
      maxSlantRangeM: Infinity,
      pkByThreatType: unit.pkByThreatType,
      // A drone sent home is recovered, so keeping it on a target spends it like a launch; a
      // missile in the air is spent either way.
      shotPrice: unit.kind === 'interceptor-drone' ? shotPrice(unit, units.stock[u], price) : 0,
      engagedTrack: status === FlightStatus.Returning ? -1 : flights.targetTrack[f],
    });
  }
}

/** Every weapon C2 may plan with now: the flights, then each unit's shots by its kind. */
export function describeEffectors(
  t: number,
  scenario: Scenario,
  units: UnitState,
  flights: FlightState,
  price: ShotPrice,
  out: EffectorDescriptor[],
): void {
  out.length = 0;
  describeFlights(t, scenario, units, flights, price, out);
  const context: DescribeContext = {
    t,
    scenario,
    units,
    price,
    night: scenario.defenders.some((d) => d.kind === 'fire-group' || d.kind === 'jet')
      ? isDarkAfter(scenario.startIso, scenario.origin.latDeg, scenario.origin.lonDeg, t)
      : true,
  };
  scenario.defenders.forEach((unit, u) => {
    (DESCRIBE[unit.kind] as Describe<DefenderUnit>)(context, unit, u, out);
  });
}
