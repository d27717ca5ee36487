import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haversineM } from '../core/geo.js';
import { FLIGHT_STRIDE, THREAT_STRIDE, TRACK_STRIDE, UNIT_STRIDE } from '../model/trajectory.js';
import { computeOutcome } from '../metrics/index.js';
import { runScenario } from '../run/index.js';
import { parseScenarioOrThrow } from '../scenario/index.js';
import { EntityPositions, Replay } from './replay.js';

const text = readFileSync(new URL('../../scenarios/kyiv-night.yaml', import.meta.url), 'utf8');
const scenario = parseScenarioOrThrow(text, 'kyiv-night.yaml');
const coarse = new Replay(scenario, runScenario(scenario, 2, { sampleEveryS: 10 }));
// Every second: the truth the coarse replay interpolates.
const fine = runScenario(scenario, 2, { sampleEveryS: 1 });

function truthAt(t: number, which: 'threats' | 'flights') {
  const frame = fine.samples!.frames[t - 1];
  expect(frame.t).toBe(t);
  const stride = which === 'threats' ? THREAT_STRIDE : FLIGHT_STRIDE;
  const offset = which === 'threats' ? 1 : 2;
  const flat = frame[which];
  const out = new Map<number, { lat: number; lon: number }>();
  for (let k = 0; k < flat.length; k += stride) {
    const p = coarse.frame.toLatLon(flat[k + offset], flat[k + offset + 1]);
    out.set(flat[k], { lat: p.latDeg, lon: p.lonDeg });
  }
  return out;
}

describe('replay', () => {
  // Deterministic spread of moments through the night, away from the sampled instants.
  const moments = Array.from({ length: 60 }, (_, i) => 1 + Math.floor(((i + 0.37) / 60) * (fine.endS - 2)));

  it('has in the air at any second exactly what the simulation had, close to where it was', () => {
    const positions = new EntityPositions();
    let worstThreatM = 0;
    let worstFlightM = 0;
    for (const t of moments) {
      for (const which of ['threats', 'flights'] as const) {
        const truth = truthAt(t, which);
        if (which === 'threats') coarse.threatsAt(t, positions);
        else coarse.flightsAt(t, positions);
        const shown = new Map<number, { lat: number; lon: number }>();
        for (let k = 0; k < positions.count; k++)
          shown.set(positions.ids[k], { lat: positions.lat[k], lon: positions.lon[k] });
        // Things launched or ended within a step of t may differ by that step.
        for (const id of truth.keys()) if (!shown.has(id)) expect(which === 'flights').toBe(true);
        for (const [id, p] of shown) {
          const q = truth.get(id);
          if (!q) continue;
          const error = haversineM({ latDeg: p.lat, lonDeg: p.lon }, { latDeg: q.lat, lonDeg: q.lon });
          if (which === 'threats') worstThreatM = Math.max(worstThreatM, error);
          else worstFlightM = Math.max(worstFlightM, error);
        }
        const missing = [...truth.keys()].filter((id) => !shown.has(id)).length;
        expect(missing).toBeLessThanOrEqual(which === 'threats' ? 0 : 2);
      }
    }
    // Straight legs are exact; corners and pursuit curves are cut by at most a step's flight.
    expect(worstThreatM).toBeLessThan(10 * 51);
    expect(worstFlightM).toBeLessThan(10 * 78);
  });

  it('shows threats from their launch point before the first frame they appear in', () => {
    const launch = coarse.events.find((e) => e.kind === 'threat-launch')!;
    const positions = new EntityPositions();
    coarse.threatsAt(launch.t, positions);
    const k = Array.from(positions.ids.subarray(0, positions.count)).indexOf(launch.threat);
    expect(k).toBeGreaterThanOrEqual(0);
    const place = coarse.placeOf(coarse.events.indexOf(launch))!;
    expect(positions.lat[k]).toBeCloseTo(place.lat, 6);
    expect(positions.lon[k]).toBeCloseTo(place.lon, 6);
  });

  it('counts what is in the air at any moment as the simulation sampled it', () => {
    for (const t of moments) {
      const frame = fine.samples!.frames[t - 1];
      expect([t, coarse.airborneAt(t)]).toEqual([
        t,
        { threats: frame.threats.length / THREAT_STRIDE, flights: frame.flights.length / FLIGHT_STRIDE },
      ]);
    }
    expect(coarse.airborneAt(-1)).toEqual({ threats: 0, flights: 0 });
  });

  it('counts events and sums the outcome up to any moment', () => {
    expect(coarse.eventCountAt(-1)).toBe(0);
    expect(coarse.eventCountAt(coarse.endS)).toBe(coarse.events.length);
    const full = computeOutcome(scenario, coarse.log);
    expect(coarse.outcomeAt(coarse.endS)).toEqual({ ...full, endS: coarse.endS });
    const mid = coarse.endS / 2;
    const partial = coarse.outcomeAt(mid);
    const launched = coarse.events.filter((e) => e.kind === 'threat-launch' && e.t <= mid).length;
    expect(partial.threatsLaunched).toBe(launched);
    expect(partial.destroyed).toBeLessThanOrEqual(full.destroyed);
  });

  it('places every kill and impact', () => {
    coarse.events.forEach((e, i) => {
      if (e.kind === 'kill' || e.kind === 'impact' || e.kind === 'intercept-attempt')
        expect(coarse.placeOf(i)).toBeDefined();
    });
  });

  it('carries no track picture with perfect sensing, and keeps units that never move at their bases', () => {
    expect(coarse.hasTracks).toBe(false);
    const units = new EntityPositions();
    coarse.unitsAt(coarse.endS / 2, units);
    expect(units.count).toBe(scenario.defenders.length);
    for (let u = 0; u < units.count; u++) {
      expect(units.lat[u]).toBe(coarse.bases[u].lat);
      expect(units.lon[u]).toBe(coarse.bases[u].lon);
    }
  });
});

describe('replay of moving units and tracks', () => {
  const read = (name: string) =>
    parseScenarioOrThrow(readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8'), name);

  it('moves fire groups between their patrol points as the simulation did', () => {
    const layered = { ...read('kyiv-layered-night.yaml'), durationS: 4 * 3600 };
    const everyS = 30;
    const replay = new Replay(layered, runScenario(layered, 1, { sampleEveryS: everyS }));
    const truth = runScenario(layered, 1, { sampleEveryS: 1 });
    const units = new EntityPositions();
    let moved = 0;
    let worstM = 0;
    for (const frame of truth.samples!.frames) {
      if (frame.t % 7 !== 3) continue;
      replay.unitsAt(frame.t, units);
      const away = new Map<number, [number, number]>();
      for (let k = 0; k < (frame.units ?? []).length; k += UNIT_STRIDE)
        away.set(frame.units![k], [frame.units![k + 1], frame.units![k + 2]]);
      for (let u = 0; u < layered.defenders.length; u++) {
        const [e, n] = away.get(u) ?? [layered.defenders[u].base.e, layered.defenders[u].base.n];
        const p = replay.frame.toLatLon(e, n);
        const error = haversineM({ latDeg: units.lat[u], lonDeg: units.lon[u] }, p);
        worstM = Math.max(worstM, error);
        if (away.has(u)) moved++;
      }
    }
    expect(moved).toBeGreaterThan(100);
    // Straight roads at constant speed: exact but for the sample in which a group stops or starts.
    const fastest = Math.max(
      ...layered.defenders.map((d) => (d.kind === 'fire-group' ? d.relocationSpeedMps : 0)),
    );
    expect(worstM).toBeLessThan(fastest * everyS + 1);
  });

  it('shows the sampled tracks with their sigma and decoy probability at the sampled instants', () => {
    const sensed = { ...read('kyiv-night-sensors.yaml'), durationS: 5400 };
    const log = runScenario(sensed, 1, { sampleEveryS: 10 });
    const replay = new Replay(sensed, log);
    expect(replay.hasTracks).toBe(true);
    const tracks = new EntityPositions();
    let seen = 0;
    for (const frame of log.samples!.frames) {
      replay.tracksAt(frame.t, tracks);
      expect(tracks.count * TRACK_STRIDE).toBe(frame.tracks!.length);
      for (let k = 0; k < tracks.count; k++) {
        const [id, e, n, sigma, pDecoy] = frame.tracks!.slice(k * TRACK_STRIDE, (k + 1) * TRACK_STRIDE);
        const p = replay.frame.toLatLon(e, n);
        expect(tracks.ids[k]).toBe(id);
        expect(tracks.lat[k]).toBeCloseTo(p.latDeg, 9);
        expect(tracks.lon[k]).toBeCloseTo(p.lonDeg, 9);
        expect(tracks.sigma[k]).toBe(sigma);
        expect(tracks.tag[k]).toBe(pDecoy);
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(100);
    // Between two samples a track in both is on the line between its two sampled positions.
    const [a, b] = log.samples!.frames.filter((f) => f.tracks!.length > 0).slice(10, 12);
    replay.tracksAt((a.t + b.t) / 2, tracks);
    let between = 0;
    for (let k = 0; k < tracks.count; k++) {
      const at = (f: typeof a) => {
        for (let j = 0; j < f.tracks!.length; j += TRACK_STRIDE)
          if (f.tracks![j] === tracks.ids[k])
            return replay.frame.toLatLon(f.tracks![j + 1], f.tracks![j + 2]);
        return undefined;
      };
      const pa = at(a);
      const pb = at(b);
      if (!pa || !pb) continue;
      expect(tracks.lat[k]).toBeCloseTo((pa.latDeg + pb.latDeg) / 2, 9);
      expect(tracks.lon[k]).toBeCloseTo((pa.lonDeg + pb.lonDeg) / 2, 9);
      between++;
    }
    expect(between).toBeGreaterThan(0);
  });
});
