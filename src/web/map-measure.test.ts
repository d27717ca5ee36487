import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haversineM } from '../core/geo.js';
import { parseScenarioOrThrow } from '../scenario/index.js';
import { formatLatLon, greatCirclePoints, initialBearingDeg, rangeRings, unitReachM } from './map-measure.js';

const kyiv = { latDeg: 50.45, lonDeg: 30.52 };
const lviv = { latDeg: 49.84, lonDeg: 24.03 };

describe('map measures', () => {
  it('follows the great circle from one point to the other', () => {
    const line = greatCirclePoints(kyiv, lviv, 32);
    expect(line).toHaveLength(33);
    expect(line[0][0]).toBeCloseTo(kyiv.latDeg, 9);
    expect(line[0][1]).toBeCloseTo(kyiv.lonDeg, 9);
    expect(line[32][0]).toBeCloseTo(lviv.latDeg, 9);
    expect(line[32][1]).toBeCloseTo(lviv.lonDeg, 9);
    // The pieces add up to the whole (a great circle is the shortest way), each an equal share.
    const whole = haversineM(kyiv, lviv);
    let sum = 0;
    for (let k = 1; k < line.length; k++) {
      const piece = haversineM(
        { latDeg: line[k - 1][0], lonDeg: line[k - 1][1] },
        { latDeg: line[k][0], lonDeg: line[k][1] },
      );
      expect(piece).toBeCloseTo(whole / 32, 3);
      sum += piece;
    }
    expect(sum).toBeCloseTo(whole, 3);
  });

  it('gives initial bearings of worked cases', () => {
    expect(initialBearingDeg({ latDeg: 50, lonDeg: 30 }, { latDeg: 51, lonDeg: 30 })).toBeCloseTo(0, 9);
    expect(initialBearingDeg({ latDeg: 50, lonDeg: 30 }, { latDeg: 49, lonDeg: 30 })).toBeCloseTo(180, 9);
    expect(initialBearingDeg({ latDeg: 0, lonDeg: 0 }, { latDeg: 0, lonDeg: 1 })).toBeCloseTo(90, 9);
    expect(initialBearingDeg({ latDeg: 0, lonDeg: 1 }, { latDeg: 0, lonDeg: 0 })).toBeCloseTo(270, 9);
    // Kyiv to Lviv: the rhumb line runs 8.3° south of west (261.7°); the great circle sets out
    // north of it by about half the meridians' convergence, Δλ·sin φ / 2 ≈ 2.5°.
    expect(initialBearingDeg(kyiv, lviv)).toBeGreaterThan(263.5);
    expect(initialBearingDeg(kyiv, lviv)).toBeLessThan(265);
  });

  it('writes a position with hemispheres', () => {
    expect(formatLatLon(50.45012, 30.52341)).toBe('50.4501° N 30.5234° E');
    expect(formatLatLon(-33.9, -70.25)).toBe('33.9000° S 70.2500° W');
  });

  it('rings every unit with a reach and every radar, at its base', () => {
    const text = readFileSync(new URL('../../scenarios/kyiv-layered-night.yaml', import.meta.url), 'utf8');
    const scenario = parseScenarioOrThrow(text, 'kyiv-layered-night.yaml');
    const rings = rangeRings(scenario);
    const units = scenario.defenders.filter((d) => unitReachM(d) !== undefined);
    const radars = scenario.sensors.filter((s) => s.type === 'radar');
    expect(rings).toHaveLength(units.length + radars.length);
    expect(units.length).toBeGreaterThan(0);
    for (const unit of units) {
      const ring = rings.find((r) => r.name === unit.name)!;
      const expected =
        unit.kind === 'sam'
          ? unit.maxRangeM
          : unit.kind === 'gun' || unit.kind === 'fire-group'
            ? unit.rangeM
            : unit.speedMps * unit.enduranceS;
      expect(ring.radiusM).toBe(expected);
      expect(ring.kind).toBe(unit.kind);
    }
    for (const jet of scenario.defenders.filter((d) => d.kind === 'jet'))
      expect(rings.some((r) => r.name === jet.name)).toBe(false);
  });
});
