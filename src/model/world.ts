// Per-entity simulation state as typed arrays (struct of arrays): the stages update these in
// place each step, with no allocation per entity per tick.

import type { RandomStreams } from '../core/rng.js';
import type { SpatialGrid } from '../core/spatial-grid.js';
import type { DetectionBatch } from './detection.js';
import type { SimEvent } from './events.js';
import type { Order } from './order.js';
import type { Scenario, ThreatType } from './scenario.js';
import type { TrackTable } from './track.js';

export const ThreatStatus = {
  Pending: 0,
  Flying: 1,
  /** Reached its aim point this step; threats/impact resolves it after the engagements. */
  Arrived: 2,
  Destroyed: 3,
  Impacted: 4,
  Expired: 5,
  LostToEw: 6,
} as const;

export class ThreatState {
  readonly type: Uint16Array;
  readonly wave: Uint16Array;
  readonly status: Uint8Array;
  /** 1 for decoys: the truth sensors may or may not reveal. */
  readonly decoy: Uint8Array;
  readonly launchTimeS: Float64Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  readonly vx: Float64Array;
  readonly vy: Float64Array;
  readonly vz: Float64Array;
  readonly aimAsset: Int32Array;
  /** Index of the next route point to fly to, into routeX/routeY. */
  readonly leg: Uint16Array;
  readonly routeStart: Int32Array;
  readonly routeLength: Uint16Array;
  readonly routeX: Float64Array;
  readonly routeY: Float64Array;
  /** Loiter time and orbit radius at each route point (0: fly through). */
  readonly routeHoldS: Float64Array;
  readonly routeOrbitM: Float64Array;
  /** While loitering: when the loiter ends, and the angle on the orbit; 0 when not loitering. */
  readonly loiterEndS: Float64Array;
  readonly orbitAngle: Float64Array;
  /** EW zone index + 1 once a zone has sent the threat astray (it will crash where it now heads); else 0. */
  readonly astray: Uint16Array;
  readonly flownM: Float64Array;
  /** Threats with index below this have been launched (threats are ordered by launch time). */
  launchedCount = 0;
  /** Every threat below this index is resolved (destroyed, impacted or expired). */
  firstUnresolved = 0;

  constructor(
    readonly count: number,
    routePoints: number,
  ) {
    this.type = new Uint16Array(count);
    this.wave = new Uint16Array(count);
    this.status = new Uint8Array(count);
    this.decoy = new Uint8Array(count);
    this.launchTimeS = new Float64Array(count);
    this.x = new Float64Array(count);
    this.y = new Float64Array(count);
    this.z = new Float64Array(count);
    this.vx = new Float64Array(count);
    this.vy = new Float64Array(count);
    this.vz = new Float64Array(count);
    this.aimAsset = new Int32Array(count);
    this.leg = new Uint16Array(count);
    this.routeStart = new Int32Array(count);
    this.routeLength = new Uint16Array(count);
    this.routeX = new Float64Array(routePoints);
    this.routeY = new Float64Array(routePoints);
    this.routeHoldS = new Float64Array(routePoints);
    this.routeOrbitM = new Float64Array(routePoints);
    this.loiterEndS = new Float64Array(count);
    this.orbitAngle = new Float64Array(count);
    this.astray = new Uint16Array(count);
    this.flownM = new Float64Array(count);
  }
}

export const FlightStatus = {
  Free: 0,
  Outbound: 1,
  Returning: 2,
  /** Ordered and being made ready (launch preparation): leaves the ground at launchTimeS. */
  Preparing: 3,
} as const;

/** Interceptor flights in the air, in a fixed pool of slots reused as flights end. */
export class FlightState {
  readonly status: Uint8Array;
  readonly unit: Int32Array;
  /** Sequential id across the run, for the event log. */
  readonly id: Int32Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  readonly vx: Float64Array;
  readonly vy: Float64Array;
  readonly vz: Float64Array;
  readonly launchTimeS: Float64Array;
  /** The track the flight is vectored onto (track id), or -1. */
  readonly targetTrack: Int32Array;
  nextId = 0;

  constructor(readonly capacity: number) {
    this.status = new Uint8Array(capacity);
    this.unit = new Int32Array(capacity);
    this.id = new Int32Array(capacity);
    this.x = new Float64Array(capacity);
    this.y = new Float64Array(capacity);
    this.z = new Float64Array(capacity);
    this.vx = new Float64Array(capacity);
    this.vy = new Float64Array(capacity);
    this.vz = new Float64Array(capacity);
    this.launchTimeS = new Float64Array(capacity);
    this.targetTrack = new Int32Array(capacity).fill(-1);
  }
}

/**
 * Per defender unit. Every kind uses stock, airborne and nextLaunchS; the rest is read by
 * the kinds that need it (see each field), so one table serves all kinds with no per-kind objects.
 */
export class UnitState {
  /**
   * In store, not loaded: interceptors, rounds, a SAM's missiles waiting for a reload, a jet's
   * missiles at the airbase. One meaning for every kind: what is left is `left(u)`, stock plus
   * `loaded` (0 for the kinds that load nothing).
   */
  readonly stock: Int32Array;
  /** Guided flights in the air or in preparation. */
  readonly airborne: Int32Array;
  readonly nextLaunchS: Float64Array;
  /** Where the unit is now: a jet in the air, a fire group on the road, else its base. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  /** Kind-specific state (jets: JetMode; fire groups: FireGroupMode; SAMs: 1 while reloading). */
  readonly mode: Uint8Array;
  /** When the current mode ends (scramble, turnaround, reload, dwell, setup). */
  readonly modeUntilS: Float64Array;
  /** Missiles ready: on a SAM's launchers, under a jet's wings. */
  readonly loaded: Int32Array;
  /** The track a gun, fire group, SAM or jet was ordered onto, or -1. */
  readonly targetTrack: Int32Array;
  /** Jets: take-off time of the current sortie. */
  readonly sortieStartS: Float64Array;
  /** Jets: cannon passes left; fire groups: index of the patrol point. */
  readonly counter: Int32Array;
  /** Interceptor units: next delivery to come, into the unit's resupply list. */
  readonly nextDelivery: Int32Array;

  constructor(stocks: readonly number[]) {
    const n = stocks.length;
    this.stock = Int32Array.from(stocks);
    this.airborne = new Int32Array(n);
    this.nextLaunchS = new Float64Array(n);
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.z = new Float64Array(n);
    this.mode = new Uint8Array(n);
    this.modeUntilS = new Float64Array(n);
    this.loaded = new Int32Array(n);
    this.targetTrack = new Int32Array(n).fill(-1);
    this.sortieStartS = new Float64Array(n);
    this.counter = new Int32Array(n);
    this.nextDelivery = new Int32Array(n);
  }

  /** Weapons the unit has left: in store and loaded. */
  left(u: number): number {
    return this.stock[u] + this.loaded[u];
  }
}

/** What a jet is doing. */
export const JetMode = {
  /** On the ground, ready: takes off for its CAP station or when scrambled. */
  Ready: 0,
  Scrambling: 1,
  /** Flying to (or orbiting at) its CAP station. */
  Patrol: 2,
  /** Vectored by ground control onto a track. */
  Intercept: 3,
  Returning: 4,
  Turnaround: 5,
} as const;

/** What a mobile fire group is doing. */
export const FireGroupMode = {
  /** Stopped at a patrol point, setting up until modeUntilS, then ready. */
  Stopped: 0,
  Driving: 1,
} as const;

export class AssetState {
  readonly damageFraction: Float64Array;
  readonly hits: Int32Array;

  constructor(count: number) {
    this.damageFraction = new Float64Array(count);
    this.hits = new Int32Array(count);
  }
}

/** Everything one run's phases share; assembled by run/, updated in place by the stages. */
export interface World {
  readonly scenario: Scenario;
  readonly threats: ThreatState;
  readonly assets: AssetState;
  readonly units: UnitState;
  readonly flights: FlightState;
  /** Reports of the current step, filled by sensors/. */
  readonly detections: DetectionBatch;
  /** The current track picture, kept by tracking/. */
  readonly tracks: TrackTable;
  /** Orders of the current decision cycle, from c2/ to defenders/. */
  readonly orders: Order[];
  /** Horizontal index of the threats in the air, rebuilt after they move. */
  readonly threatGrid: SpatialGrid;
  readonly rng: RandomStreams;
  /** Fastest threat type's speed: bounds how far anything can move in a step. */
  readonly maxThreatSpeedMps: number;
  /** Per threat type, the figures the flight loop reads, as typed arrays. */
  readonly threatTypeTable: ThreatTypeTable;
  readonly events: { push(event: SimEvent): void };
  /** Threats destroyed, impacted or expired so far. */
  resolvedThreats: number;
}

/** Threat type figures by type index, laid out for the hot loop. */
export class ThreatTypeTable {
  readonly speedMps: Float64Array;
  readonly cruiseAltitudeM: Float64Array;
  readonly tanDive: Float64Array;
  readonly rangeM: Float64Array;

  constructor(types: readonly ThreatType[]) {
    this.speedMps = Float64Array.from(types, (t) => t.speedMps);
    this.cruiseAltitudeM = Float64Array.from(types, (t) => t.cruiseAltitudeM);
    this.tanDive = Float64Array.from(types, (t) => Math.tan(t.diveAngleRad));
    this.rangeM = Float64Array.from(types, (t) => t.rangeM);
  }
}
