// Wires the stages into one tick loop: components chosen by `type` name from each stage's
// registry, phases in the order of docs/architecture.md. The only place that knows all stages.

import { RandomStreams } from '../core/rng.js';
import { SpatialGrid } from '../core/spatial-grid.js';
import { C2_POLICIES, decisionPhase } from '../c2/index.js';
import { defenderPhases } from '../defenders/index.js';
import { EventLog } from '../engine/event-log.js';
import type { Phase } from '../engine/phase.js';
import { DetectionBatch } from '../model/detection.js';
import type { SimEvent } from '../model/events.js';
import type { Scenario, TrackerSettings, TrackingSpec } from '../model/scenario.js';
import { TrackTable } from '../model/track.js';
import { AssetState, FlightState, ThreatTypeTable, UnitState, type World } from '../model/world.js';
import { TrackScorer, trackScoringPhase } from '../metrics/index.js';
import { DEFAULT_TRACKING } from '../scenario/index.js';
import { SENSOR_TYPES, sensingPhase } from '../sensors/index.js';
import { createElectronicWarfare, impactResolution, planRaid, waypointFlight } from '../threats/index.js';
import { TRACKER_TYPES, trackingPhase } from '../tracking/index.js';

export interface Assembly {
  world: World;
  log: EventLog<SimEvent>;
  phases: Phase<World>[];
  /** Scores the track picture as the run goes; absent with the pass-through tracker. */
  trackScorer?: TrackScorer;
}

/** Grid cells of about the largest engagement radius keep the neighbour queries to a few cells. */
const GRID_CELL_M = 2000;

/** How often the track picture is scored against the truth, s. */
const TRACK_SCORING_PERIOD_S = 2;

export function assemble(scenario: Scenario, seed: number): Assembly {
  const rng = new RandomStreams(seed);
  const threats = planRaid(scenario, rng);
  const log = new EventLog<SimEvent>();

  // The grid spans everything that matters: launch points, routes, assets and bases.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const extend = (x: number, y: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (let i = 0; i < threats.count; i++) extend(threats.x[i], threats.y[i]);
  for (let p = 0; p < threats.routeX.length; p++) extend(threats.routeX[p], threats.routeY[p]);
  for (const asset of scenario.assets) extend(asset.position.e, asset.position.n);
  for (const unit of scenario.defenders) {
    extend(unit.base.e, unit.base.n);
    if (unit.kind === 'jet') extend(unit.station.e, unit.station.n);
    if (unit.kind === 'fire-group') for (const p of unit.patrol) extend(p.e, p.n);
  }
  if (!Number.isFinite(minX)) minX = minY = maxX = maxY = 0;
  const margin = 10_000;
  const threatGrid = new SpatialGrid(
    minX - margin,
    minY - margin,
    maxX - minX + 2 * margin,
    maxY - minY + 2 * margin,
    GRID_CELL_M,
    threats.count,
  );

  const flightCapacity = scenario.defenders.reduce((sum, d) => sum + d.maxConcurrentFlights, 0);
  const world: World = {
    scenario,
    threats,
    assets: new AssetState(scenario.assets.length),
    units: new UnitState(scenario.defenders.map((d) => d.stock)),
    flights: new FlightState(Math.max(1, flightCapacity)),
    detections: new DetectionBatch(),
    tracks: new TrackTable(),
    orders: [],
    threatGrid,
    rng,
    maxThreatSpeedMps: scenario.threatTypes.reduce((m, t) => Math.max(m, t.speedMps), 0),
    threatTypeTable: new ThreatTypeTable(scenario.threatTypes),
    events: log,
    resolvedThreats: 0,
  };

  const sensors = scenario.sensors.map((spec, i) =>
    SENSOR_TYPES[spec.type](spec, i, rng.get(`sensors/${spec.name}`)),
  );
  const scanPeriodS = Math.max(scenario.stepS, ...scenario.sensors.map((s) => s.scanPeriodS));
  // The tracker: as the scenario says; by default pass-through for perfect sensing, GNN otherwise.
  const trackingSpec =
    scenario.tracking ?? (scenario.sensors.every((s) => s.type === 'ideal') ? undefined : DEFAULT_TRACKING);
  const trackerType = trackingSpec?.type ?? 'pass-through';
  const tracker = TRACKER_TYPES[trackerType]({
    staleAfterS: 3 * scanPeriodS,
    ...(trackingSpec
      ? {
          gnn: {
            ...trackerSettings(trackingSpec),
            sensorCountsMisses: sensors.map((s) => s.countsMisses ?? true),
          },
        }
      : {}),
  });
  const trackScorer =
    trackingSpec && trackerType !== 'pass-through'
      ? new TrackScorer({ cutoffM: trackingSpec.scoreCutoffM, p: trackingSpec.scoreP })
      : undefined;
  const policy = C2_POLICIES[scenario.c2.policy](scenario);
  const defenders = defenderPhases(scenario);
  for (const init of defenders.init) init(world);

  const phases: Phase<World>[] = [
    waypointFlight,
    ...(scenario.ewZones.length > 0 ? [createElectronicWarfare(threats.count, scenario.ewZones.length)] : []),
    ...defenders.move,
    sensingPhase(sensors),
    trackingPhase(tracker),
    ...(trackScorer
      ? [trackScoringPhase(trackScorer, Math.max(scenario.stepS, TRACK_SCORING_PERIOD_S))]
      : []),
    decisionPhase(policy, scenario.c2.cycleS),
    ...defenders.act,
    ...defenders.engage,
    impactResolution,
  ];
  return { world, log, phases, ...(trackScorer ? { trackScorer } : {}) };
}

/** The tracker's own settings in a scenario's tracking section (less its type and scoring). */
function trackerSettings(spec: TrackingSpec): TrackerSettings {
  const { type: _type, scoreCutoffM: _cutoff, scoreP: _p, ...settings } = spec;
  return settings;
}
