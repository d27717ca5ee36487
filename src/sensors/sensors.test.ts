import { describe, expect, it } from 'vitest';
import { RandomStream } from '../core/rng.js';
import { DetectionBatch } from '../model/detection.js';
import type { AcousticSpec, ObserverSpec, RadarSpec } from '../model/scenario.js';
import { ThreatState, ThreatStatus } from '../model/world.js';
import { createAcousticNetwork } from './acoustic.js';
import { guessDecoy } from './class-guess.js';
import { createObservers } from './observer.js';
import { createRadar, radarHorizonM, radarSnr, swerling1Pd } from './radar.js';

function threatsAt(points: [number, number, number][], decoy = false): ThreatState {
  const t = new ThreatState(points.length, 1);
  points.forEach(([x, y, z], i) => {
    t.status[i] = ThreatStatus.Flying;
    t.x[i] = x;
    t.y[i] = y;
    t.z[i] = z;
    t.decoy[i] = decoy ? 1 : 0;
  });
  t.launchedCount = points.length;
  return t;
}

const RADAR: RadarSpec = {
  type: 'radar',
  name: 'r',
  position: { e: 0, n: 0, u: 0 },
  antennaHeightM: 10,
  scanPeriodS: 4,
  latencyS: 2,
  rangeM: 60_000,
  referenceSnr: 100,
  referenceRangeM: 30_000,
  referenceRcsM2: 1,
  pfa: 1e-6,
  rangeSigmaM: 20,
  bearingSigmaRad: 0.01,
  elevationSigmaRad: 0.02,
  clutterPerScan: 0,
  rcsM2ByThreatType: [1],
};

describe('radar model', () => {
  it('puts the 4/3-Earth horizon where the textbook does', () => {
    // 4.12 km per √m: 10 m antenna and 100 m target ≈ 13.0 + 41.2 km.
    expect(radarHorizonM(10, 100) / 1000).toBeCloseTo(4.122 * (Math.sqrt(10) + Math.sqrt(100)), 1);
    expect(radarHorizonM(0, 0)).toBe(0);
  });

  it('follows the radar equation and the Swerling-1 curve', () => {
    expect(radarSnr(RADAR, 30_000, 1)).toBeCloseTo(100, 9);
    expect(radarSnr(RADAR, 15_000, 1)).toBeCloseTo(1600, 9);
    expect(radarSnr(RADAR, 30_000, 0.1)).toBeCloseTo(10, 9);
    expect(swerling1Pd(0, 1e-6)).toBeCloseTo(1e-6, 12);
    expect(swerling1Pd(100, 1e-6)).toBeCloseTo(Math.pow(1e-6, 1 / 101), 12);
    expect(swerling1Pd(1e9, 1e-6)).toBeGreaterThan(0.9999);
  });

  it('detects a near target at the expected rate, not one below the horizon, and delivers after the latency', () => {
    const sensor = createRadar(RADAR, 0, new RandomStream(1, 2, 3, 4));
    // Near: 10 km at 500 m (SNR 8,100 → Pd 0.998); low: 50 km at 20 m, below the horizon (31 km).
    const threats = threatsAt([
      [10_000, 0, 500],
      [0, 50_000, 20],
    ]);
    const out = new DetectionBatch();
    let seen = 0;
    let low = 0;
    const scans = 500;
    for (let s = 0; s < scans; s++) {
      for (let step = 0; step < 4; step++) {
        out.clear();
        const t = s * 4 + step;
        sensor.sense(t, 1, threats, out);
        for (let k = 0; k < out.count; k++) {
          expect(t + 1 - out.timeS[k]).toBeCloseTo(2, 9); // latency
          if (out.truth[k] === 0) {
            seen++;
            expect(Math.abs(out.x[k] - 10_000)).toBeLessThan(200);
            expect(Math.abs(out.y[k])).toBeLessThan(800);
            expect(out.covYY[k]).toBeGreaterThan(out.covXX[k]); // cross-range error dominates at 10 km
          }
          if (out.truth[k] === 1) low++;
        }
      }
    }
    expect(low).toBe(0);
    expect(seen / scans).toBeGreaterThan(0.98);
  });

  it('makes Poisson clutter inside its coverage', () => {
    const sensor = createRadar({ ...RADAR, clutterPerScan: 10 }, 0, new RandomStream(9, 9, 9, 9));
    const out = new DetectionBatch();
    for (let t = 0; t < 400; t++) sensor.sense(t, 1, threatsAt([]), out);
    // 100 scans, of which the last is still in flight: about 990 plots.
    expect(out.count).toBeGreaterThan(880);
    expect(out.count).toBeLessThan(1100);
    for (let k = 0; k < out.count; k++) {
      expect(out.truth[k]).toBe(-1);
      expect(Math.hypot(out.x[k], out.y[k])).toBeLessThan(60_500);
    }
  });
});

describe('acoustic network', () => {
  const grid: AcousticSpec = {
    type: 'acoustic',
    name: 'a',
    nodeE: [],
    nodeN: [],
    scanPeriodS: 2,
    latencyS: 0,
    hearingRangeMByThreatType: [3000],
    pdNode: 1,
    report: 'position',
    bearingSigmaRad: 0.05,
  };
  for (let i = 0; i < 20; i++)
    for (let j = 0; j < 20; j++) {
      grid.nodeE.push(1000 * i);
      grid.nodeN.push(1000 * j);
    }

  it('reports the centroid of the nodes within the hearing disc, which shrinks with altitude', () => {
    const sensor = createAcousticNetwork(grid, 0, new RandomStream(1, 1, 1, 1));
    const out = new DetectionBatch();
    sensor.sense(0, 1, threatsAt([[10_000, 10_000, 0]]), out);
    expect(out.count).toBe(1);
    expect(out.x[0]).toBeCloseTo(10_000, 6); // symmetric disc of nodes
    expect(out.y[0]).toBeCloseTo(10_000, 6);
    // 29 nodes within 3 km: σ = 3000 / (2√29).
    expect(Math.sqrt(out.covXX[0])).toBeCloseTo(3000 / (2 * Math.sqrt(29)), 6);
    // At 2,999 m altitude the disc has a 77 m radius: no node hears it; at 3,100 m nothing at all.
    const quiet = createAcousticNetwork(grid, 0, new RandomStream(1, 1, 1, 1));
    const none = new DetectionBatch();
    quiet.sense(0, 1, threatsAt([[10_500, 10_500, 2999]]), none);
    quiet.sense(2, 1, threatsAt([[10_000, 10_000, 3100]]), none);
    expect(none.count).toBe(0);
  });

  it('triangulates bearings near the truth', () => {
    const sensor = createAcousticNetwork({ ...grid, report: 'bearing' }, 0, new RandomStream(3, 1, 4, 1));
    const out = new DetectionBatch();
    for (let t = 0; t < 200; t += 2) sensor.sense(t, 2, threatsAt([[7_300, 12_600, 100]]), out);
    let sx = 0;
    let sy = 0;
    for (let k = 0; k < out.count; k++) {
      sx += out.x[k];
      sy += out.y[k];
      expect(out.covXX[k]).toBeGreaterThan(0);
    }
    expect(out.count).toBe(100);
    expect(Math.abs(sx / out.count - 7_300)).toBeLessThan(60);
    expect(Math.abs(sy / out.count - 12_600)).toBeLessThan(60);
  });
});

describe('observers', () => {
  const spec: ObserverSpec = {
    type: 'observer',
    name: 'o',
    postE: [0],
    postN: [0],
    scanPeriodS: 10,
    sightingRangeM: 3000,
    sightingRatePerS: 1 / 60,
    positionSigmaM: 1000,
    delayMinS: 60,
    delayMaxS: 180,
  };

  it('reports sparse, late sightings stamped with the time they were made', () => {
    const sensor = createObservers(spec, 2, new RandomStream(5, 5, 5, 5));
    const out = new DetectionBatch();
    const threats = threatsAt([
      [1000, 0, 300],
      [9000, 0, 300],
    ]);
    for (let t = 0; t < 3600; t++) {
      const before = out.count;
      sensor.sense(t, 1, threats, out);
      for (let k = before; k < out.count; k++) {
        const delay = t + 1 - out.timeS[k];
        expect(delay).toBeGreaterThanOrEqual(60 - 1);
        expect(delay).toBeLessThanOrEqual(180 + 1);
        expect(out.truth[k]).toBe(0); // the far one is out of sight
        expect(out.sensor[k]).toBe(2);
      }
    }
    // About one sighting a minute over the hour (less the last few minutes still in transit).
    expect(out.count).toBeGreaterThan(35);
    expect(out.count).toBeLessThan(80);
  });
});

describe('class guesses', () => {
  it('turn the confusion matrix into the report decoy probability', () => {
    const c = { decoyAsDecoy: 0.6, threatAsDecoy: 0.2 };
    const rng = new RandomStream(1, 2, 3, 4);
    const values = new Set<number>();
    let saysDecoyOnDecoys = 0;
    for (let i = 0; i < 2000; i++) {
      const p = guessDecoy(c, true, rng);
      values.add(p);
      if (p > 0.5) saysDecoyOnDecoys++;
    }
    expect([...values].sort()).toEqual([0.4 / 1.2, 0.6 / 0.8].sort());
    expect(saysDecoyOnDecoys / 2000).toBeCloseTo(0.6, 1);
    expect(guessDecoy(undefined, true, rng)).toBe(0.5);
  });
});
