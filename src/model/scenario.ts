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
  defenders: DefenderUnit[];
  sensors: SensorSpec[];
  /** The tracker; absent means pass-through when every sensor is ideal, GNN otherwise. */
  tracking?: TrackingSpec;
  c2: C2Spec;
  /** Electronic-warfare zones in which navigation-dependent threats may be lost. */
  ewZones: EwZone[];
  /** Where units may be placed when `bulwark site` chooses their positions; the run ignores it. */
  siting?: SitingSpec;
  /** Towns the file named by name, as the pinned gazetteer resolved them (absent when none). */
  gazetteer?: { source: string; places: GazetteerPlace[] };
}

export interface GazetteerPlace {
  /** The name as written in the file. */
  name: string;
  /** The town it resolved to, "Name, CC". */
  town: string;
  latDeg: number;
  lonDeg: number;
}

/** The allowed areas and no-go zones of siting (docs/siting.md). */
export interface SitingSpec {
  /** Spacing of the grid of candidate positions laid inside allowed polygons. */
  spacingM: number;
  areas: SitingArea[];
  noGo: { name: string; polygon: Enu[] }[];
}

/** Where some units may stand: inside a polygon, or at one of listed candidate points. */
export interface SitingArea {
  name: string;
  /** Defender units and sensors (radars) allowed here, by name. */
  units: string[];
  polygon?: Enu[];
  candidates?: Enu[];
  /** Candidate positions: the polygon's grid or the listed points, less those in a no-go zone. */
  positions: Enu[];
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

/**
 * What a threat type is, for what shows it (map symbols, lists): its catalog entry's kind, `decoy`
 * for a type made a decoy, `unknown` for a custom type without a catalog base. The model's behaviour
 * reads the figures (speed, decoy, ...), never the kind.
 */
export const THREAT_KINDS = [
  'one-way-attack-drone',
  'jet-attack-drone',
  'decoy',
  'cruise-missile',
  'unknown',
] as const;
export type ThreatKind = (typeof THREAT_KINDS)[number];

export interface ThreatType {
  name: string;
  kind: ThreatKind;
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

/** Effector kinds: each has its file in defenders/ and its describe function in c2/effectors. */
export const DEFENDER_KINDS = ['interceptor-drone', 'jet', 'fire-group', 'gun', 'sam'] as const;
export type DefenderKind = (typeof DEFENDER_KINDS)[number];

/**
 * What every defender unit has. The weapon figures (speed, endurance, engagement radius,
 * acquisition range) describe what it fires as a guided flight: the interceptor drone itself,
 * a SAM's missile, a jet's air-to-air missile. Units that only fire bursts (guns, fire groups)
 * keep them for the projectile's flight time C2 reckons with.
 */
export interface DefenderBase {
  name: string;
  /** The engine component that flies it: the catalog entry's kind (same as `kind`). */
  type: string;
  kind: DefenderKind;
  /** The catalog entry it was built from (e.g. 'sting-interceptor', 'mirage-2000-5'). */
  catalogType: string;
  /** Home position: drone launch site, airbase, firing position, first patrol point. */
  base: Enu;
  /**
   * Everything the unit has at the start: interceptors, rounds, or missiles including those a SAM
   * loads on its launchers and a jet under its wings from it (UnitState.stock is then what is left
   * unloaded; UnitState.left(u) all that is left).
   */
  stock: number;
  launchIntervalS: number;
  /** Guided flights the unit can have in the air at once (operators, ground stations, launch rails). */
  maxConcurrentFlights: number;
  speedMps: number;
  enduranceS: number;
  engagementRadiusM: number;
  /** Range at which the weapon's own camera/seeker takes over from the track picture. */
  acquisitionRangeM: number;
  /** Highest altitude the weapon reaches: threats above it are out of reach. */
  ceilingM: number;
  /** Kill probability per engagement (a flight's, a missile's or a burst's), indexed like Scenario.threatTypes. */
  pkByThreatType: number[];
  /** Price of one interceptor or missile, or of one round for guns and fire groups. */
  unitCost: number;
}

/** A delivery of interceptors to a unit during the night. */
export interface Delivery {
  atS: number;
  amount: number;
}

export interface InterceptorDroneUnit extends DefenderBase {
  kind: 'interceptor-drone';
  /** Launch preparation: from the order to the interceptor leaving the ground. */
  prepS: number;
  /** Deliveries in time order. */
  resupply: Delivery[];
}

/** Guns and mobile fire groups: bursts at threats within slant range of where the unit stands. */
export interface DirectFireFigures {
  /** Slant range of effective fire. */
  rangeM: number;
  roundsPerBurst: number;
  /** Time between bursts (aiming, the burst itself, assessing). */
  burstIntervalS: number;
}

export interface GunUnit extends DefenderBase, DirectFireFigures {
  kind: 'gun';
}

export interface FireGroupUnit extends DefenderBase, DirectFireFigures {
  kind: 'fire-group';
  /** Patrol points in order, visited in a loop; the first is `base`. */
  patrol: Enu[];
  /** Time at each patrol point before moving to the next. */
  dwellS: number;
  relocationSpeedMps: number;
  /** Time from stopping at a point to being ready to fire. */
  setupS: number;
  /** At night, fire only at threats within searchlight/thermal-sight range. */
  nightRangeM: number;
}

export interface SamUnit extends DefenderBase {
  kind: 'sam';
  /** Engagement envelope: horizontal range and altitude of the intercept point. */
  minRangeM: number;
  maxRangeM: number;
  minAltitudeM: number;
  /** Missiles ready on the launchers; the rest of `stock` waits for a reload. */
  readyMissiles: number;
  reloadS: number;
  /** From the order to the first missile leaving its launcher. */
  reactionS: number;
}

export const JET_ALERT = ['cap', 'ground'] as const;
export type JetAlert = (typeof JET_ALERT)[number];

export interface JetUnit extends DefenderBase {
  kind: 'jet';
  /** 'cap' flies combat air patrol at `station`; 'ground' waits at the airbase for a scramble. */
  alert: JetAlert;
  station: Enu;
  scrambleS: number;
  cruiseSpeedMps: number;
  /** Speed when vectored onto a track. */
  dashSpeedMps: number;
  /** Fuel: the longest sortie from take-off to landing. */
  sortieS: number;
  /** From landing to ready again: refuel and rearm. */
  turnaroundS: number;
  /** Air-to-air missiles per sortie, loaded from `stock` (the airbase's store, first loadout included). */
  loadout: number;
  /** Catalog name of the missile it carries. */
  missile: string;
  /** Range at which the pilot fires a missile at the track. */
  missileRangeM: number;
  cannonPasses: number;
  cannonRangeM: number;
  cannonPk: number;
  /** Factor on the cannon's kill probability at night (visual identification and aiming). */
  nightCannonFactor: number;
}

export type DefenderUnit = InterceptorDroneUnit | JetUnit | FireGroupUnit | GunUnit | SamUnit;
/** The name the foundation used for a defender unit; any kind now. */
export type InterceptorUnit = DefenderUnit;

/** One of the sensor models of sensors/ (docs/sensing-and-tracking.md). */
export type SensorSpec = IdealSensorSpec | RadarSpec | AcousticSpec | ObserverSpec;

export interface IdealSensorSpec {
  type: 'ideal';
  name: string;
  /** Period between reports. */
  scanPeriodS: number;
}

/** Class guess of a report: the confusion matrix between decoys and real threats. */
export interface ClassConfusion {
  /** Probability that a decoy is reported as a decoy. */
  decoyAsDecoy: number;
  /** Probability that a real threat is reported as a decoy. */
  threatAsDecoy: number;
}

export interface RadarSpec {
  type: 'radar';
  name: string;
  position: Enu;
  /** Antenna height above the ground, m. */
  antennaHeightM: number;
  scanPeriodS: number;
  /** Time from the scan to the report reaching the tracker. */
  latencyS: number;
  /** Instrumented range, m. */
  rangeM: number;
  /** Signal-to-noise ratio (linear) of a target of referenceRcsM2 at referenceRangeM. */
  referenceSnr: number;
  referenceRangeM: number;
  referenceRcsM2: number;
  /** False-alarm probability per resolution cell, which sets the Swerling-1 detection curve. */
  pfa: number;
  rangeSigmaM: number;
  bearingSigmaRad: number;
  elevationSigmaRad: number;
  /** Mean number of clutter plots per scan (Poisson), uniform over the covered disc. */
  clutterPerScan: number;
  /** Radar cross-section of each threat type, m², indexed like Scenario.threatTypes. */
  rcsM2ByThreatType: number[];
  classify?: ClassConfusion;
}

export const NOISE_CLASSES = ['electric', 'piston', 'jet', 'rocket'] as const;
export type NoiseClass = (typeof NOISE_CLASSES)[number];

export interface AcousticSpec {
  type: 'acoustic';
  name: string;
  /** Microphone node positions (local metres, on the ground). */
  nodeE: number[];
  nodeN: number[];
  scanPeriodS: number;
  latencyS: number;
  /** Slant range at which a node hears each threat type, m, indexed like Scenario.threatTypes. */
  hearingRangeMByThreatType: number[];
  /** Probability that a node within hearing range reports in a scan. */
  pdNode: number;
  /** 'position': the network reports the centroid of the nodes that hear; 'bearing': nodes
   *  measure bearings and the network triangulates. */
  report: 'position' | 'bearing';
  bearingSigmaRad: number;
  classify?: ClassConfusion;
}

export interface ObserverSpec {
  type: 'observer';
  name: string;
  /** Observation posts (local metres). */
  postE: number[];
  postN: number[];
  /** How often each post considers reporting, s. */
  scanPeriodS: number;
  /** Ground range within which a post can see or hear a threat, m. */
  sightingRangeM: number;
  /** Sightings per second of a threat in range (one post). */
  sightingRatePerS: number;
  /** Position error per axis of a sighting, m. */
  positionSigmaM: number;
  /** Delay of a sighting, uniform between these, s. */
  delayMinS: number;
  delayMaxS: number;
  classify?: ClassConfusion;
}

/** Settings shared by the scenario's `tracking` block and the GNN tracker. */
export interface TrackerSettings {
  /** Gate on the Mahalanobis distance √(νᵀS⁻¹ν) (not squared). */
  gate: number;
  /** Cost of a track's "missed" option in the assignment, in the same units as the distance. */
  missCost: number;
  /** White-acceleration spectral density q, m²/s³ per axis. */
  processNoise: number;
  /** Initial velocity standard deviation per axis of a new track, m/s. */
  initialSpeedSigmaMps: number;
  /** M of M-of-N: updates (counting the seed report) that confirm a tentative track. */
  confirmHits: number;
  /** N of M-of-N: a tentative track not confirmed within this many scans is dropped. */
  confirmWindow: number;
  /** A tentative track is dropped at this many consecutive misses. */
  tentativeMaxMisses: number;
  /** A confirmed track is deleted at this many consecutive misses. */
  deleteAfterMisses: number;
  /** A confirmed track not updated for this long is deleted, s (covers sensors that stop seeing it). */
  maxCoastS: number;
  /** Motion model of the track filters: 'cv' nearly constant velocity, 'imm' an interacting
   *  multiple model of constant velocity and coordinated turn (manoeuvring cruise missiles). */
  motion: TrackerMotion;
}

/** Motion models of the tracker's filters (tracking/ `motion` names). */
export const TRACKER_MOTIONS = ['cv', 'imm'] as const;
export type TrackerMotion = (typeof TRACKER_MOTIONS)[number];

/** The tracker that builds the picture C2 sees (tracking/ registry `type`). */
export interface TrackingSpec extends TrackerSettings {
  type: 'pass-through' | 'gnn';
  /** GOSPA cut-off c and order p for scoring the picture against the truth. */
  scoreCutoffM: number;
  scoreP: number;
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
  /**
   * Asset-value units one unit of money is worth: weighs each shot's price against the value it
   * saves. 0 (the default) protects value first: cost then only breaks ties (c2/effectors).
   */
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
  valuePerMoney: 0,
  reserveFraction: 0,
  reserveValue: 0,
  switchMargin: 0.2,
  iterations: 30,
} as const;
