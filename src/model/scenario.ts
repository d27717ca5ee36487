// The validated scenario: SI units, local ENU metres around the region origin. Produced by
// scenario/ from a file, read by every stage; nothing here refers to text or units.

import type { Enu, LatLon } from '../core/geo.js';

export const SCENARIO_FORMAT_VERSION = 1;

export interface Scenario {
  name: string;
  description: string;
  /** ISO 8601 start time with its UTC offset, as written. */
  startIso: string;
  durationS: number;
  stepS: number;
  seed: number;
  origin: LatLon;
  assets: Asset[];
  threatTypes: ThreatType[];
  waves: Wave[];
  defenders: InterceptorUnit[];
  sensors: SensorSpec[];
  c2: C2Spec;
  /** Electronic-warfare zones in which navigation-dependent threats may be lost. */
  ewZones: EwZone[];
}

export const ASSET_KINDS = [
  'power-plant',
  'substation',
  'heating',
  'water',
  'rail',
  'bridge',
  'fuel-depot',
  'airfield',
  'industry',
  'government',
  'telecom',
  'city-district',
] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

export const CRITICALITIES = ['low', 'medium', 'high', 'vital'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

export interface Asset {
  name: string;
  kind: AssetKind;
  position: Enu;
  /** Value at risk, in the scenario's value units (often $M or a planner's score). */
  value: number;
  /** Warhead mass that destroys the asset outright; each hit takes warheadKg / destroyKg of its value. */
  destroyKg: number;
  criticality: Criticality;
  /** Time to restore the asset when destroyed; partial damage restores in proportion. */
  restorationS: number;
  /** People who lose the asset's service while it is out. */
  people: number;
}

export interface ThreatType {
  name: string;
  speedMps: number;
  cruiseAltitudeM: number;
  /** Explosive mass; 0 for decoys. */
  warheadKg: number;
  unitCost: number;
  decoy: boolean;
  rangeM: number;
  /** Dive angle below the horizon for the terminal phase. */
  diveAngleRad: number;
  /** Multiplies an EW zone's loss probability: 1 for satellite-navigated drones, low for terrain-matching missiles. */
  ewSusceptibility: number;
}

export interface AimWeight {
  asset: number;
  weight: number;
}

export interface RoutePoint extends Enu {
  /** Time to loiter here, circling, before flying on (0: fly through). */
  holdS: number;
  orbitRadiusM: number;
}

export interface Wave {
  name: string;
  threatType: number;
  count: number;
  launchCenter: Enu;
  launchSpreadM: number;
  launchFromS: number;
  launchToS: number;
  /**
   * Time-on-target window: when set, each threat's launch time is worked back from an arrival
   * time drawn in this window, so the wave arrives together whatever its launch points.
   */
  arrive?: { fromS: number; toS: number };
  aim: AimWeight[];
  /** Waypoints flown in order between the launch point and the aim point. */
  route: RoutePoint[];
}

export interface EwZone {
  name: string;
  center: Enu;
  radiusM: number;
  /** Probability that a fully susceptible threat entering the zone is lost. */
  pLoss: number;
  /** Of the threats lost, the share that goes astray (flies off and crashes elsewhere) rather than crashing at once. */
  astrayFraction: number;
}

export interface InterceptorUnit {
  name: string;
  /** The engine component that flies it (the catalog entry's kind). */
  type: string;
  /** The catalog entry it was built from. */
  catalogType: string;
  base: Enu;
  stock: number;
  launchIntervalS: number;
  /** How many flights the unit's operators and ground stations can control at once. */
  maxConcurrentFlights: number;
  speedMps: number;
  enduranceS: number;
  engagementRadiusM: number;
  /** Range at which the interceptor's own camera/seeker takes over from the track picture. */
  acquisitionRangeM: number;
  /** Kill probability per engagement, indexed like Scenario.threatTypes. */
  pkByThreatType: number[];
  unitCost: number;
}

export interface SensorSpec {
  type: 'ideal';
  name: string;
  /** Period between reports. */
  scanPeriodS: number;
}

export interface C2Spec {
  policy: string;
  /** Time between decision cycles. */
  cycleS: number;
  /**
   * Doctrine: the most weapons in flight at one track at once, by threat type (indexed like
   * Scenario.threatTypes). 1 everywhere is shoot-look-shoot; 2 for a type is a salvo of two.
   */
  salvoByThreatType: number[];
  /** Asset-value units one unit of money is worth: weighs each shot's price against the value it saves. */
  valuePerMoney: number;
  /** Reserve policy: shots that would take a unit below `reserveFraction` of its initial stock cost `reserveValue` more. */
  reserveFraction: number;
  reserveValue: number;
  /** A re-vector of a weapon already engaging must gain this fraction of the value at stake on its engagement. */
  switchMargin: number;
  /** Iterations of the anytime solver per decision cycle: a deterministic budget. */
  iterations: number;
}

/** The C2 settings a scenario gets for the fields it leaves out. */
export const C2_DEFAULTS = {
  valuePerMoney: 0.001,
  reserveFraction: 0,
  reserveValue: 0,
  switchMargin: 0.2,
  iterations: 30,
} as const;
