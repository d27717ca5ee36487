import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeOutcome } from '../src/metrics/index.js';
import { DetectionBatch } from '../src/model/detection.js';
import { TrackTable } from '../src/model/track.js';
import { runScenario } from '../src/run/index.js';
import { parseScenario, parseScenarioOrThrow } from '../src/scenario/index.js';
import { GNN_DEFAULTS, GnnTracker } from '../src/tracking/index.js';

const HEAD = `
name: sensing
start: 2025-12-14T20:00:00+02:00
duration: 2 h
region: { origin: [50.45, 30.52] }
places: { east: [50.45, 31.4] }
assets: [{ name: Plant, kind: power-plant, at: [50.45, 30.52], value: 100 }]
threats:
  - { wave: w, type: shahed-136, count: 6, launch: { from: east, spread: 3 km, between: ["20:00", "20:05"] }, aim: Plant }
defenders: []
`;

function issuesOf(text: string) {
  const r = parseScenario(text, 's.yaml');
  if (r.ok) throw new Error('accepted');
  return r.issues.map((i) => `${i.line}:${i.column} ${i.field}: ${i.message}`);
}

describe('sensors and tracking in scenarios', () => {
  it('parses radar, acoustic layouts and observers with units and defaults', () => {
    const s = parseScenarioOrThrow(
      HEAD +
        `
sensors:
  - { type: radar, name: r1, at: Plant, range: 40 km, bearingError: 1 deg, referenceSnrDb: 13, rcsM2: { shahed-136: 0.2 } }
  - type: acoustic
    nodes:
      - [50.45, 31.0]
      - { line: { path: [[50.45, 30.9], [50.45, 31.1]], spacing: 2 km } }
      - { grid: { from: [50.40, 30.60], to: [50.42, 30.64], spacing: 1 km } }
    hearingRange: { piston: 4 km }
  - { type: observer, posts: [east], delay: [1 min, 2 min], positionError: 2 km }
tracking: { gate: 5, confirm: 2 of 3, motion: imm, score: { cutoff: 500 m, p: 2 } }
`,
    );
    const [radar, acoustic, observer] = s.sensors;
    if (radar.type !== 'radar' || acoustic.type !== 'acoustic' || observer.type !== 'observer')
      throw new Error('types');
    expect(radar.rangeM).toBe(40_000);
    expect(radar.bearingSigmaRad).toBeCloseTo(Math.PI / 180, 12);
    expect(radar.referenceSnr).toBeCloseTo(10 ** 1.3, 9);
    expect(radar.rcsM2ByThreatType).toEqual([0.2]);
    // 1 listed + a 14.2 km line every 2 km (0, 2, …, 14 km and its end) + a 3 × 3 grid.
    expect(acoustic.nodeE.length).toBe(1 + 9 + 3 * 3);
    expect(acoustic.hearingRangeMByThreatType).toEqual([4000]);
    expect(observer.delayMinS).toBe(60);
    expect(observer.positionSigmaM).toBe(2000);
    expect(s.tracking?.type).toBe('gnn'); // the default with real sensors
    expect(s.tracking?.gate).toBe(5);
    expect(s.tracking?.confirmHits).toBe(2);
    expect(s.tracking?.scoreCutoffM).toBe(500);
    expect(s.tracking?.motion).toBe('imm');
    expect(parseScenarioOrThrow(HEAD + 'sensors: [{ type: radar, at: Plant }]\n').tracking?.motion).toBe(
      'cv',
    );
  });

  it('keeps pass-through (no tracking section) for ideal sensors', () => {
    expect(parseScenarioOrThrow(HEAD).tracking).toBeUndefined();
  });

  it('locates sensor and tracking errors', () => {
    const issues = issuesOf(
      HEAD +
        `sensors:
  - { type: radar, at: Plant, range: 40 kg }
  - { type: acoustic, nodes: [{ line: { path: [east], spacing: 1 km } }], report: bearings }
  - { type: observer, posts: [nowhere], rang: 3 km }
  - { type: sonar }
tracking: { confirm: 5 of 3, motion: ct }
`,
    );
    expect(issues.some((i) => i.includes('sensors[0].range: unknown length unit'))).toBe(true);
    expect(
      issues.some((i) => i.includes('sensors[1].nodes[0].line.path: a line needs at least two points')),
    ).toBe(true);
    expect(issues.some((i) => i.includes("sensors[1].report: unknown report kind 'bearings'"))).toBe(true);
    expect(issues.some((i) => i.includes("sensors[2].posts[0]: unknown place 'nowhere'"))).toBe(true);
    expect(issues.some((i) => i.includes("sensors[2].rang: unknown field 'rang'"))).toBe(true);
    expect(issues.some((i) => i.includes("sensors[3].type: unknown sensor type 'sonar'"))).toBe(true);
    expect(issues.some((i) => i.includes('tracking.confirm: not an M-of-N rule'))).toBe(true);
    expect(issues.some((i) => i.includes("tracking.motion: unknown motion model 'ct'"))).toBe(true);
    for (const i of issues) expect(i).toMatch(/^\d+:\d+ /);
  });

  it('runs the shipped sensor scenario deterministically, with the track picture scored', () => {
    const file = new URL('../scenarios/kyiv-night-sensors.yaml', import.meta.url);
    const s = parseScenarioOrThrow(readFileSync(file, 'utf8'));
    const short = { ...s, durationS: 7200 };
    const a = runScenario(short, 3);
    const b = runScenario(short, 3);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const outcome = computeOutcome(short, a);
    expect(outcome.trackPicture).toBeDefined();
    expect(outcome.trackPicture!.scans).toBeGreaterThan(100);
    expect(outcome.trackPicture!.truthsTracked).toBeGreaterThan(0);
    expect(outcome.destroyed).toBeGreaterThan(0); // C2 acts on tracks built from real sensors
  });

  it('runs the tracker with the motion model the scenario names', () => {
    const file = new URL('../scenarios/kyiv-night-sensors.yaml', import.meta.url);
    const s = parseScenarioOrThrow(readFileSync(file, 'utf8'));
    const withMotion = (motion: 'cv' | 'imm') => ({
      ...s,
      durationS: 7200,
      tracking: { ...s.tracking!, motion },
    });
    const cv = computeOutcome(withMotion('cv'), runScenario(withMotion('cv'), 3)).trackPicture!;
    const imm = computeOutcome(withMotion('imm'), runScenario(withMotion('imm'), 3)).trackPicture!;
    expect(imm.scans).toBe(cv.scans);
    expect(cv.truthsTracked).toBeGreaterThan(0);
    // Same reports, other filters: the picture's error must differ.
    expect(imm.meanGospa).not.toBe(cv.meanGospa);
  });
});

describe('why the sensors night leaks less than the ideal night (docs/sensing-and-tracking.md)', () => {
  // The recorded outcomes of both shipped nights (the golden runs check they are current).
  const outcome = (name: string) =>
    JSON.parse(readFileSync(new URL(`./golden/out/${name}.json`, import.meta.url), 'utf8')).outcome;
  const ideal = outcome('kyiv-night');
  const sensed = outcome('kyiv-night-sensors');

  it('leaks less with sensors, the same stock spent', () => {
    expect(sensed.leaked).toBeLessThan(ideal.leaked);
    expect(sensed.interceptorsSpent).toBe(ideal.interceptorsSpent);
  });

  it('because fewer interceptors go to decoys, kills come closer in, and lost flights are recovered', () => {
    const decoys = (o: typeof ideal) => o.byThreatType.gerbera.destroyed;
    const shaheds = (o: typeof ideal) => o.byThreatType['shahed-136'].destroyed;
    expect(decoys(sensed)).toBeLessThan(decoys(ideal));
    expect(shaheds(sensed) - shaheds(ideal)).toBeGreaterThanOrEqual(decoys(ideal) - decoys(sensed));
    expect(sensed.interceptDistanceMedianM).toBeLessThan(ideal.interceptDistanceMedianM / 2);
    expect(sensed.interceptorsRecovered).toBeGreaterThan(0);
    expect(ideal.interceptorsRecovered).toBe(0);
  });
});

describe('GNN tracker fusion', () => {
  it('fuses two sensors and folds late reports into one track per target', () => {
    const tracker = new GnnTracker({ ...GNN_DEFAULTS, maxCoastS: 30 });
    const batch = new DetectionBatch();
    const idx = new Int32Array(4);
    const out = new TrackTable();
    // Two targets 5 km apart flying east at 50 m/s; sensor 0 precise (30 m) each second, sensor 1
    // coarse (300 m) every 3 s and 2 s late.
    for (let t = 0; t < 60; t++) {
      batch.clear();
      let n = 0;
      for (const y of [0, 5000])
        idx[n++] = batch.addPosition(0, t, 50 * t + ((t * 7919 + y) % 41) - 20, y, 0, 30, NaN);
      tracker.processScan(batch, idx, n, t, 0);
      if (t % 3 === 2 && t >= 2) {
        batch.clear();
        n = 0;
        for (const y of [0, 5000])
          idx[n++] = batch.addPosition(1, t - 2, 50 * (t - 2) + 150, y - 100, 0, 300, NaN);
        tracker.processScan(batch, idx, n, t - 2, 1);
      }
    }
    tracker.writeConfirmed(59, out);
    expect(out.count).toBe(2);
    const ids = new Set(Array.from(out.id.subarray(0, 2)));
    expect(ids.size).toBe(2);
    for (let i = 0; i < 2; i++) {
      expect(Math.abs(out.x[i] - 50 * 59)).toBeLessThan(60);
      expect(Math.abs(out.vx[i] - 50)).toBeLessThan(5);
    }
  });
});
