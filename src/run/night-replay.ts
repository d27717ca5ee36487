// A recorded night, played again as a track picture: the threats of an event log (`bulwark run
// --events`) flown once more along their routes, so that a live feed can be demonstrated and
// tested with no outside system. The log gives each threat's launch (time, point, wave, type,
// aim) and its end (kill, impact, expiry, loss to EW); the scenario gives the routes and the
// speeds; threats/waypoint-flight flies them exactly as the simulation did (its only draws are
// the launch points and aims, which the log carries). Each frame is what the scenario's ideal
// sensor would have reported at that moment, decoys revealed as it reveals them.

import { Clock } from '../engine/clock.js';
import { SpatialGrid } from '../core/spatial-grid.js';
import type { SimEvent } from '../model/events.js';
import type { Scenario } from '../model/scenario.js';
import { ThreatState, ThreatStatus, type World } from '../model/world.js';
import { waypointFlight } from '../threats/index.js';
import { assemble } from './assemble.js';

/** One threat in the air at a frame's time, local ENU metres and m/s. */
export interface ReplayThreat {
  /** The threat's number in the log. */
  threat: number;
  type: string;
  decoy: boolean;
  x: number;
  y: number;
  z: number;
  vx: number;
  vy: number;
  vz: number;
}

export interface ReplayFrame {
  /** Seconds after scenario start. */
  t: number;
  threats: ReplayThreat[];
}

/** A log line that names what it refers to but not in this scenario. */
export class ReplayMismatch extends Error {}

/** Frames every `everyS` seconds from the first launch to the last threat's end. */
export function* replayNight(
  scenario: Scenario,
  events: readonly SimEvent[],
  everyS: number,
): Generator<ReplayFrame> {
  const launches = events.filter(
    (e): e is Extract<SimEvent, { kind: 'threat-launch' }> => e.kind === 'threat-launch',
  );
  launches.sort((a, b) => a.t - b.t || a.threat - b.threat);
  const endS = new Map<number, number>();
  for (const e of events)
    if (e.kind === 'kill' || e.kind === 'impact' || e.kind === 'expired' || e.kind === 'lost-ew')
      if (!endS.has(e.threat)) endS.set(e.threat, e.t);

  const typeIndex = new Map(scenario.threatTypes.map((t, i) => [t.name, i]));
  const waveIndex = new Map(scenario.waves.map((w, i) => [w.name, i]));
  const assetIndex = new Map(scenario.assets.map((a, i) => [a.name, i]));
  const routePoints = launches.reduce(
    (sum, l) => sum + (scenario.waves[waveIndex.get(l.wave) ?? 0]?.route.length ?? 0) + 1,
    0,
  );
  const threats = new ThreatState(launches.length, routePoints);
  const number = new Int32Array(launches.length);
  const ends = new Float64Array(launches.length);
  let cursor = 0;
  launches.forEach((l, i) => {
    const type = typeIndex.get(l.type);
    const wave = waveIndex.get(l.wave);
    const aim = assetIndex.get(l.aim);
    if (type === undefined)
      throw new ReplayMismatch(`threat ${l.threat}: type '${l.type}' is not in the scenario`);
    if (wave === undefined)
      throw new ReplayMismatch(`threat ${l.threat}: wave '${l.wave}' is not in the scenario`);
    if (aim === undefined)
      throw new ReplayMismatch(`threat ${l.threat}: asset '${l.aim}' is not in the scenario`);
    const spec = scenario.threatTypes[type];
    number[i] = l.threat;
    ends[i] = endS.get(l.threat) ?? Infinity;
    threats.type[i] = type;
    threats.wave[i] = wave;
    threats.decoy[i] = spec.decoy ? 1 : 0;
    threats.launchTimeS[i] = l.t;
    threats.x[i] = l.e;
    threats.y[i] = l.n;
    threats.z[i] = spec.cruiseAltitudeM;
    threats.aimAsset[i] = aim;
    threats.routeStart[i] = cursor;
    for (const point of scenario.waves[wave].route) {
      threats.routeX[cursor] = point.e;
      threats.routeY[cursor] = point.n;
      threats.routeHoldS[cursor] = point.holdS;
      threats.routeOrbitM[cursor] = point.orbitRadiusM;
      cursor++;
    }
    const target = scenario.assets[aim].position;
    threats.routeX[cursor] = target.e;
    threats.routeY[cursor] = target.n;
    cursor++;
    threats.routeLength[i] = scenario.waves[wave].route.length + 1;
  });
  if (launches.length === 0) return;

  // The flight phase needs a world; the rest of it (defenders, sensors) is never stepped.
  const base = assemble({ ...scenario, waves: [] }, scenario.seed).world;
  const world: World = {
    ...base,
    scenario,
    threats,
    threatGrid: new SpatialGrid(-3e6, -3e6, 6e6, 6e6, 50_000, threats.count),
    events: { push() {} },
  };
  const clock = new Clock(scenario.stepS);
  let lastS = 0;
  for (const e of ends) lastS = Math.max(lastS, Math.min(e, scenario.durationS));
  let nextFrameS = launches[0].t;
  while (clock.t < lastS) {
    waypointFlight.step(world, clock);
    clock.tick++;
    const t = clock.t;
    for (let i = threats.firstUnresolved; i < threats.launchedCount; i++)
      if (ends[i] <= t && threats.status[i] < ThreatStatus.Destroyed)
        threats.status[i] = ThreatStatus.Destroyed;
    if (t + 1e-9 < nextFrameS) continue;
    nextFrameS += everyS * Math.max(1, Math.ceil((t - nextFrameS + 1e-9) / everyS));
    const frame: ReplayFrame = { t: Math.round(t * 1000) / 1000, threats: [] };
    for (let i = threats.firstUnresolved; i < threats.launchedCount; i++) {
      const status = threats.status[i];
      if (status !== ThreatStatus.Flying && status !== ThreatStatus.Arrived) continue;
      frame.threats.push({
        threat: number[i],
        type: scenario.threatTypes[threats.type[i]].name,
        decoy: threats.decoy[i] === 1,
        x: threats.x[i],
        y: threats.y[i],
        z: threats.z[i],
        vx: threats.vx[i],
        vy: threats.vy[i],
        vz: threats.vz[i],
      });
    }
    yield frame;
  }
}
