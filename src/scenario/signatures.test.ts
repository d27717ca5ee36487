import { describe, expect, it } from 'vitest';
import { catalogEntries, catalogEntry } from './catalog.js';
import { parseScenarioOrThrow } from './index.js';
import { sensorFigure } from './sensor-defaults.js';
import { DEFAULT_SIGNATURE, HEARING_RANGE_M, signatureOf } from './signatures.js';

// The values the sensor models ran with when they were written in code, before they moved to the
// catalog: a change here changes every run with sensors.
const RUN_WITH = {
  'shahed-136': { rcsM2: 0.1, noise: 'piston' },
  gerbera: { rcsM2: 0.05, noise: 'piston' },
  'geran-3': { rcsM2: 0.1, noise: 'jet' },
  'kh-101': { rcsM2: 0.01, noise: 'jet' },
};

describe('sensor signatures and defaults from the catalog', () => {
  it('reads each threat type’s radar cross-section and noise class, with sources', () => {
    for (const [name, signature] of Object.entries(RUN_WITH)) {
      expect(signatureOf(name)).toEqual(signature);
      expect(signatureOf(`${name}@variant`)).toEqual(signature);
      const entry = catalogEntry('threats', name)!;
      expect(entry.figures.rcs!.source.length).toBeGreaterThan(0);
      expect(typeof entry.traits!.noise!.verified).toBe('boolean');
      expect(entry.traits!.noise!.source.length).toBeGreaterThan(0);
    }
    // Every threat type in the catalog has both, so none falls back to the unknown-type default.
    for (const entry of catalogEntries('threats')) {
      expect(entry.figures.rcs, entry.name).toBeDefined();
      expect(entry.traits?.noise, entry.name).toBeDefined();
    }
    expect(signatureOf('home-made')).toEqual({ rcsM2: 0.1, noise: 'piston' });
    expect(DEFAULT_SIGNATURE).toEqual({ rcsM2: 0.1, noise: 'piston' });
  });

  it('reads hearing ranges by noise class', () => {
    expect(HEARING_RANGE_M).toEqual({ electric: 800, piston: 3000, jet: 5000, rocket: 8000 });
  });

  it('gives a sensor without fields of its own the catalog defaults, in SI', () => {
    const s = parseScenarioOrThrow(
      `
name: defaults
start: 2025-12-14T20:00:00+02:00
duration: 1 h
region: { origin: [50.45, 30.52] }
assets: [{ name: Plant, kind: power-plant, at: [50.45, 30.52], value: 1 }]
defenders: [{ name: guns, type: gepard, base: [50.45, 30.52] }]
threats:
  - { wave: w, type: shahed-136, count: 1, launch: { from: [50.45, 31.9], at: 20:00 }, aim: Plant }
  - { wave: m, type: kh-101, count: 1, launch: { from: [50.45, 31.9], at: 20:00 }, aim: Plant }
sensors:
  - { type: radar, name: r, at: [50.45, 30.52] }
  - { type: acoustic, name: a, nodes: [[50.45, 30.52]] }
  - { type: observer, name: o, posts: [[50.45, 30.52]] }
`,
      'defaults.yaml',
    );
    const [radar, acoustic, observer] = s.sensors;
    expect(radar).toMatchObject({
      scanPeriodS: 4,
      antennaHeightM: 10,
      latencyS: 1,
      rangeM: 60_000,
      referenceSnr: 100,
      referenceRangeM: 30_000,
      referenceRcsM2: 1,
      pfa: 1e-6,
      rangeSigmaM: 20,
      bearingSigmaRad: (0.5 * Math.PI) / 180,
      elevationSigmaRad: Math.PI / 180,
      clutterPerScan: 5,
      rcsM2ByThreatType: [0.1, 0.01],
    });
    expect(acoustic).toMatchObject({
      scanPeriodS: 2,
      latencyS: 2,
      pdNode: 0.8,
      bearingSigmaRad: (5 * Math.PI) / 180,
      hearingRangeMByThreatType: [3000, 5000],
    });
    expect(observer).toMatchObject({
      scanPeriodS: 10,
      sightingRangeM: 3000,
      sightingRatePerS: 0.5 / 60,
      positionSigmaM: 1500,
      delayMinS: 60,
      delayMaxS: 300,
    });
  });

  it('refuses to run without a sensor figure the catalog lacks', () => {
    expect(() => sensorFigure('radar', 'no-such-figure')).toThrow(/sensors\.radar\.no-such-figure/);
  });
});
