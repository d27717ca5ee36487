import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { interceptTime } from '../core/intercept.js';
import { EffectorOrigin, type EffectorDescriptor } from '../model/effector.js';
import type { SimEvent } from '../model/events.js';
import type { Scenario } from '../model/scenario.js';
import { TrackTable } from '../model/track.js';
import { runScenario } from '../run/index.js';
import { C2_POLICY_NAMES, parseScenarioOrThrow } from '../scenario/index.js';
import { C2_POLICIES } from './index.js';
import { ReachMatrix, computeReachability } from './reachability.js';
import { ThreatAssessment, evaluateThreats } from './threat-evaluation.js';

const smallText = readFileSync(new URL('../../test/fixtures/small-night.yaml', import.meta.url), 'utf8');

function small(c2: string): Scenario {
  return parseScenarioOrThrow(`${smallText}\nc2: ${c2}\n`, 'small-night.yaml');
}

function oneTrack(x: number, y: number, vx: number, vy: number, pDecoy = 0): TrackTable {
  const tracks = new TrackTable();
  const k = tracks.add();
  tracks.id[k] = 7;
  tracks.x[k] = x;
  tracks.y[k] = y;
  tracks.z[k] = 500;
  tracks.vx[k] = vx;
  tracks.vy[k] = vy;
  tracks.pDecoy[k] = pDecoy;
  tracks.lastUpdateS[k] = 0;
  return tracks;
}

const drone = (over: Partial<EffectorDescriptor> = {}): EffectorDescriptor => ({
  unit: 0,
  origin: EffectorOrigin.Launcher,
  flight: -1,
  shot: 0,
  x: 0,
  y: 0,
  z: 0,
  launchDelayS: 0,
  orderLeadS: 0,
  mayWait: false,
  maxSlantRangeM: Infinity,
  speedMps: 100,
  enduranceS: 600,
  minRangeM: 0,
  maxRangeM: 60_000,
  minAltitudeM: 0,
  maxAltitudeM: 10_000,
  pkByThreatType: [0.7, 0.5],
  shotPrice: 1,
  engagedTrack: -1,
  ...over,
});

describe('threat evaluation', () => {
  const scenario = small('{ policy: lns }');
  // Plant at the origin (value 100, destroyed by 80 kg), Depot 5.6 km SE (value 50, 200 kg).
  it('aims a track at the asset ahead and prices what it puts at risk', () => {
    const out = new ThreatAssessment();
    // 20 km east of the Plant, flying west at the Shahed's speed, 10 s after its last report.
    const speed = scenario.threatTypes[0].speedMps;
    evaluateThreats(10, scenario, oneTrack(20_000 + speed * 10, 0, -speed, 0, 0.25), out);
    expect(out.count).toBe(1);
    expect(out.x[0]).toBeCloseTo(20_000, 6);
    expect(scenario.assets[out.aimAsset[0]].name).toBe('Plant');
    expect(out.threatType[0]).toBe(0);
    expect(out.timeToImpactS[0]).toBeCloseTo(20_000 / speed, 6);
    expect(out.pReal[0]).toBe(0.75);
    // Value at risk: P(Plant) * 100 * 40/80 + P(Depot) * 50 * 40/200.
    const pPlant = out.aimProbability[0];
    expect(pPlant).toBeGreaterThan(0.7);
    expect(out.valueAtRisk[0]).toBeCloseTo(pPlant * 50 + (1 - pPlant) * 10, 9);
    expect(out.priority[0]).toBeCloseTo((0.75 * out.valueAtRisk[0]) / out.timeToImpactS[0], 9);
  });

  it('types a slow track as the decoy but prices it as the real look-alike; P(real) discounts it', () => {
    const out = new ThreatAssessment();
    const decoySpeed = scenario.threatTypes[1].speedMps;
    evaluateThreats(0, scenario, oneTrack(20_000, 0, -decoySpeed, 0, 0.9), out);
    expect(scenario.threatTypes[out.threatType[0]].name).toBe('gerbera');
    // A Shahed's 40 kg at risk if it is real, as in the test above.
    const pPlant = out.aimProbability[0];
    expect(out.valueAtRisk[0]).toBeCloseTo(pPlant * 50 + (1 - pPlant) * 10, 9);
    expect(out.pReal[0]).toBeCloseTo(0.1, 12);
    // A track known to be a decoy (ideal sensors) is worth nothing to shoot.
    evaluateThreats(0, scenario, oneTrack(20_000, 0, -decoySpeed, 0, 1), out);
    expect(out.pReal[0] * out.valueAtRisk[0]).toBe(0);
  });

  it('counts only what is left of a damaged asset: a hit takes at most the rest', () => {
    const out = new ThreatAssessment();
    const speed = scenario.threatTypes[0].speedMps;
    // The Plant 80% destroyed: a 40 kg hit (half of it) can take only the last 20%.
    evaluateThreats(0, scenario, oneTrack(20_000, 0, -speed, 0), out, [0.8, 0]);
    const pPlant = out.aimProbability[0];
    expect(out.valueAtRisk[0]).toBeCloseTo(pPlant * 100 * 0.2 + (1 - pPlant) * 10, 9);
    // Ruined: only the Depot is at stake.
    evaluateThreats(0, scenario, oneTrack(20_000, 0, -speed, 0), out, [1, 0]);
    expect(out.valueAtRisk[0]).toBeCloseTo((1 - pPlant) * 10, 9);
  });
});

describe('reachability', () => {
  const threats = new ThreatAssessment();
  const set = (x: number, vx: number, impactS: number, z = 500) => {
    threats.resize(1);
    threats.x[0] = x;
    threats.y[0] = 0;
    threats.z[0] = z;
    threats.vx[0] = vx;
    threats.vy[0] = 0;
    threats.threatType[0] = 0;
    threats.timeToImpactS[0] = impactS;
    threats.trackId[0] = 3;
  };
  const reach = new ReachMatrix();

  it('solves the intercept with the launch delay and keeps only feasible pairs', () => {
    set(20_000, -50, 400);
    computeReachability([drone({ launchDelayS: 10 })], threats, reach);
    expect(reach.count).toBe(1);
    // After 10 s the threat is at 19.5 km; closing at 150 m/s horizontally, plus the climb.
    const fly = interceptTime(19_500, 0, 500, -50, 0, 0, 100);
    expect(reach.timeS[0]).toBeCloseTo(10 + fly, 9);
    expect(reach.x[0]).toBeCloseTo(19_500 - 50 * fly, 6);
    expect(reach.pk[0]).toBe(0.7);
  });

  it('drops pairs out of endurance, after impact, outside the envelope or the altitudes', () => {
    set(20_000, -50, 400);
    const cases: [Partial<EffectorDescriptor>, number][] = [
      [{ enduranceS: 100 }, 0],
      [{ launchDelayS: 398 }, 0],
      [{ maxRangeM: 10_000 }, 0],
      [{ minRangeM: 15_000 }, 0],
      [{ maxAltitudeM: 400 }, 0],
      [{ pkByThreatType: [0, 0] }, 0],
      [{}, 1],
    ];
    for (const [over, count] of cases) {
      computeReachability([drone(over)], threats, reach);
      expect(reach.count, JSON.stringify(over)).toBe(count);
    }
    set(20_000, -50, 100);
    computeReachability([drone()], threats, reach);
    expect(reach.count).toBe(0);
  });

  it('plans a waiting weapon only as far ahead as its horizon', () => {
    // A gun 2 km in range; the threat 22 km out at 50 m/s enters its range in 400 s.
    set(22_000, -50, 1000);
    const gun = drone({ mayWait: true, maxRangeM: 2000, maxSlantRangeM: 2000, speedMps: 900, enduranceS: 3 });
    computeReachability([gun], threats, reach);
    expect(reach.count).toBe(1);
    expect(reach.timeS[0]).toBeGreaterThan(399);
    computeReachability([gun], threats, reach, 120);
    expect(reach.count).toBe(0);
    set(7_000, -50, 1000);
    computeReachability([gun], threats, reach, 120);
    expect(reach.count).toBe(1);
  });

  it('groups pairs by effector', () => {
    set(20_000, -50, 400);
    computeReachability([drone(), drone({ enduranceS: 10 }), drone()], threats, reach);
    expect(Array.from(reach.start.slice(0, 4))).toEqual([0, 1, 1, 2]);
  });
});

/** Flights engaging each track over time, from the event log; the largest count seen. */
function mostOnOneTrack(events: readonly SimEvent[]): number {
  const flightTrack = new Map<number, number>();
  let most = 0;
  const count = () => {
    const per = new Map<number, number>();
    for (const track of flightTrack.values()) if (track >= 0) per.set(track, (per.get(track) ?? 0) + 1);
    for (const n of per.values()) most = Math.max(most, n);
  };
  for (const e of events) {
    if (e.kind === 'interceptor-launch') flightTrack.set(e.flight, e.track);
    else if (e.kind === 'assignment' && e.flight >= 0) flightTrack.set(e.flight, e.track);
    else if (
      e.kind === 'intercept-attempt' ||
      e.kind === 'interceptor-lost' ||
      e.kind === 'interceptor-recovered'
    )
      flightTrack.delete(e.flight);
    count();
  }
  return most;
}

describe('assignment policies in the simulation', () => {
  it('are all registered under the names the scenario accepts', () => {
    expect(Object.keys(C2_POLICIES).sort()).toEqual([...C2_POLICY_NAMES].sort());
  });

  it('explain each launch with its gain and alternatives, leave known decoys alone, and repeat exactly', () => {
    const scenario = small('{ policy: lns, cycle: 2 s }');
    const log = runScenario(scenario, 3);
    expect(JSON.stringify(runScenario(scenario, 3))).toBe(JSON.stringify(log));
    const launches = log.events.filter((e) => e.kind === 'interceptor-launch');
    const reasons = log.events.filter((e) => e.kind === 'assignment');
    expect(launches.length).toBeGreaterThan(0);
    // Every launch is preceded, in the same instant, by its reason.
    for (const launch of launches)
      expect(reasons.some((r) => r.kind === 'assignment' && r.t === launch.t && r.flight === -1)).toBe(true);
    for (const r of reasons) {
      if (r.kind !== 'assignment') continue;
      if (r.track >= 0) expect(r.gain).toBeGreaterThan(0);
      for (const alt of r.alternatives) expect(alt.gain).toBeLessThanOrEqual(r.gain + 1e-9);
      // The gain is its terms multiplied out, for the track taken and for each alternative.
      const checks = [{ gain: r.gain, terms: r.terms, track: r.track }, ...r.alternatives];
      for (const c of checks) {
        if (c.track < 0) {
          expect(c.terms).toBeUndefined();
          continue;
        }
        const x = c.terms!;
        expect(x.pk).toBeGreaterThan(0);
        expect(x.othersMiss).toBeGreaterThanOrEqual(0);
        expect(x.othersMiss).toBeLessThanOrEqual(1);
        const product = x.valueAtRisk * (1 - x.pDecoy) * x.othersMiss * x.pk - x.price + x.commitment;
        expect(Math.abs(product - c.gain)).toBeLessThan(0.01 + 0.002 * x.valueAtRisk);
      }
    }
    // The ideal sensor reports decoys as such: no launch at one.
    const decoys = new Set(
      log.events
        .filter((e) => e.kind === 'threat-launch' && e.type === 'gerbera')
        .map((e) => (e as { threat: number }).threat),
    );
    for (const launch of launches)
      if (launch.kind === 'interceptor-launch') expect(decoys.has(launch.track)).toBe(false);
  });

  it('keep shoot-look-shoot to one weapon per track, and fire salvos when told', () => {
    const look = runScenario(small('{ policy: lns, doctrine: shoot-look-shoot }'), 5);
    expect(mostOnOneTrack(look.events)).toBe(1);
    const salvo = runScenario(
      small('{ policy: lns, doctrine: { salvo: { shahed-136: 2 } }, valuePerMoney: 0 }'),
      5,
    );
    expect(mostOnOneTrack(salvo.events)).toBe(2);
  });

  it('hold fire when a shot costs more than it can save', () => {
    const log = runScenario(small('{ policy: greedy-mmr, valuePerMoney: 1 }'), 2);
    expect(log.events.filter((e) => e.kind === 'interceptor-launch')).toHaveLength(0);
  });

  it('keep a reserve: reserve shots are fired only where they save more than its value', () => {
    const all = runScenario(small('{ policy: lns }'), 4).events.filter(
      (e) => e.kind === 'interceptor-launch',
    );
    const kept = runScenario(small('{ policy: lns, reserve: { keep: 50%, value: 1000 } }'), 4).events.filter(
      (e) => e.kind === 'interceptor-launch',
    );
    expect(all.length).toBeGreaterThan(5);
    expect(kept.length).toBe(5);
  });
});
