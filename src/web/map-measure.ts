// The geometry behind the map's instruments (map-tools.ts): how far each unit and radar reaches,
// the great circle between two points and its initial bearing, a position as text.

import { LocalFrame, type LatLon } from '../core/geo.js';
import type { DefenderUnit, Scenario } from '../model/scenario.js';

export interface RangeRing {
  name: string;
  /** The unit's kind, or 'radar'. */
  kind: string;
  lat: number;
  lon: number;
  radiusM: number;
}

/**
 * How far a unit reaches from its base, as C2 reckons it: a SAM battery its engagement envelope,
 * guns and fire groups their slant range, interceptor-drone teams what a drone flies on its
 * endurance. Jets have none: where they reach depends on the fuel of the sortie they are in.
 */
export function unitReachM(unit: DefenderUnit): number | undefined {
  switch (unit.kind) {
    case 'sam':
      return unit.maxRangeM;
    case 'gun':
    case 'fire-group':
      return unit.rangeM;
    case 'interceptor-drone':
      return unit.speedMps * unit.enduranceS;
    case 'jet':
      return undefined;
  }
}

/** A ring per defending unit with a reach (around its base) and per radar (its instrumented range). */
export function rangeRings(scenario: Scenario): RangeRing[] {
  const frame = new LocalFrame(scenario.origin);
  const rings: RangeRing[] = [];
  for (const unit of scenario.defenders) {
    const radiusM = unitReachM(unit);
    if (radiusM === undefined || !(radiusM > 0)) continue;
    const p = frame.toLatLon(unit.base.e, unit.base.n);
    rings.push({ name: unit.name, kind: unit.kind, lat: p.latDeg, lon: p.lonDeg, radiusM });
  }
  for (const sensor of scenario.sensors) {
    if (sensor.type !== 'radar') continue;
    const p = frame.toLatLon(sensor.position.e, sensor.position.n);
    rings.push({ name: sensor.name, kind: 'radar', lat: p.latDeg, lon: p.lonDeg, radiusM: sensor.rangeM });
  }
  return rings;
}

/** Points along the great circle from a to b (inclusive), for drawing the measured line. */
export function greatCirclePoints(a: LatLon, b: LatLon, segments = 64): [number, number][] {
  const rad = Math.PI / 180;
  const toVector = (p: LatLon) => [
    Math.cos(p.latDeg * rad) * Math.cos(p.lonDeg * rad),
    Math.cos(p.latDeg * rad) * Math.sin(p.lonDeg * rad),
    Math.sin(p.latDeg * rad),
  ];
  const u = toVector(a);
  const v = toVector(b);
  const omega = Math.acos(Math.max(-1, Math.min(1, u[0] * v[0] + u[1] * v[1] + u[2] * v[2])));
  const out: [number, number][] = [];
  for (let k = 0; k <= segments; k++) {
    const f = k / segments;
    const s = Math.sin(omega);
    const wa = s < 1e-12 ? 1 - f : Math.sin((1 - f) * omega) / s;
    const wb = s < 1e-12 ? f : Math.sin(f * omega) / s;
    const x = wa * u[0] + wb * v[0];
    const y = wa * u[1] + wb * v[1];
    const z = wa * u[2] + wb * v[2];
    out.push([Math.atan2(z, Math.hypot(x, y)) / rad, Math.atan2(y, x) / rad]);
  }
  return out;
}

/** Initial bearing from a to b, degrees clockwise from north, 0–360. */
export function initialBearingDeg(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLon = (b.lonDeg - a.lonDeg) * rad;
  const y = Math.sin(dLon) * Math.cos(b.latDeg * rad);
  const x =
    Math.cos(a.latDeg * rad) * Math.sin(b.latDeg * rad) -
    Math.sin(a.latDeg * rad) * Math.cos(b.latDeg * rad) * Math.cos(dLon);
  return (((Math.atan2(y, x) / rad) % 360) + 360) % 360;
}

/** 50.4501° N 30.5234° E */
export function formatLatLon(lat: number, lon: number): string {
  return `${Math.abs(lat).toFixed(4)}° ${lat >= 0 ? 'N' : 'S'} ${Math.abs(lon).toFixed(4)}° ${lon >= 0 ? 'E' : 'W'}`;
}
