import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioOrThrow } from '../scenario/index.js';
import { runScenario } from './run-scenario.js';
import { FLIGHT_STRIDE, THREAT_STRIDE, TRACK_STRIDE, UNIT_STRIDE } from '../model/trajectory.js';

const read = (name: string) =>
  parseScenarioOrThrow(readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8'), name);
const scenario = read('kyiv-night.yaml');

describe('trajectory observer', () => {
  const plain = runScenario(scenario, 3);
  const sampled = runScenario(scenario, 3, { sampleEveryS: 10 });

  it('leaves the event log unchanged', () => {
    expect(plain.samples).toBeUndefined();
    expect(JSON.stringify(sampled.events)).toBe(JSON.stringify(plain.events));
    expect(sampled.endS).toBe(plain.endS);
  });

  it('samples every interval until the run ends', () => {
    const frames = sampled.samples!.frames;
    expect(frames.length).toBe(Math.floor(plain.endS / 10));
    frames.forEach((frame, k) => expect(frame.t).toBe((k + 1) * 10));
  });

  it('holds exactly the threats and flights in the air at each frame', () => {
    const launched = new Map<number, number>();
    const resolved = new Map<number, number>();
    const flightStart = new Map<number, number>();
    const flightEnd = new Map<number, number>();
    for (const e of plain.events) {
      if (e.kind === 'threat-launch') launched.set(e.threat, e.t);
      if (e.kind === 'kill' || e.kind === 'impact' || e.kind === 'expired' || e.kind === 'lost-ew')
        resolved.set(e.threat, e.t);
      if (e.kind === 'interceptor-launch') flightStart.set(e.flight, e.t);
      if (
        e.kind === 'intercept-attempt' ||
        e.kind === 'interceptor-lost' ||
        e.kind === 'interceptor-recovered'
      )
        flightEnd.set(e.flight, e.t);
    }
    for (const frame of sampled.samples!.frames) {
      const inAir = new Set<number>();
      for (let k = 0; k < frame.threats.length; k += THREAT_STRIDE) inAir.add(frame.threats[k]);
      for (const [threat, t0] of launched) {
        const t1 = resolved.get(threat) ?? Infinity;
        expect(inAir.has(threat), `threat ${threat} at ${frame.t}`).toBe(t0 <= frame.t && frame.t < t1);
      }
      const ids: number[] = [];
      for (let k = 0; k < frame.flights.length; k += FLIGHT_STRIDE) ids.push(frame.flights[k]);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      for (const id of ids) {
        expect(flightStart.get(id)!).toBeLessThanOrEqual(frame.t);
        expect(flightEnd.get(id) ?? Infinity).toBeGreaterThan(frame.t);
      }
    }
  });

  it('refuses a non-positive interval', () => {
    expect(() => runScenario(scenario, 3, { sampleEveryS: 0 })).toThrow(RangeError);
  });

  it('records no track picture with perfect sensing, and no units that stay at their bases', () => {
    for (const frame of sampled.samples!.frames) {
      expect(frame.tracks).toBeUndefined();
      expect(frame.units).toBeUndefined();
    }
  });

  it('records the confirmed tracks of a real tracker with their uncertainty, near the threats they follow', () => {
    // The first 90 minutes of the Kyiv night seen by radars, microphones and observers.
    const sensed = { ...read('kyiv-night-sensors.yaml'), durationS: 5400 };
    const log = runScenario(sensed, 1, { sampleEveryS: 20 });
    expect(JSON.stringify(log.events)).toBe(JSON.stringify(runScenario(sensed, 1).events));
    let tracks = 0;
    let near = 0;
    for (const frame of log.samples!.frames) {
      const flat = frame.tracks!;
      expect(flat.length % TRACK_STRIDE).toBe(0);
      const ids: number[] = [];
      for (let k = 0; k < flat.length; k += TRACK_STRIDE) {
        const [id, e, n, sigma, pDecoy] = flat.slice(k, k + TRACK_STRIDE);
        ids.push(id);
        expect(Number.isInteger(sigma) && sigma >= 1).toBe(true);
        expect(Number.isInteger(pDecoy) && pDecoy >= 0 && pDecoy <= 100).toBe(true);
        // The nearest threat in the air: a track follows one, within a few sigma (or a scan's travel).
        let best = Infinity;
        for (let j = 0; j < frame.threats.length; j += THREAT_STRIDE)
          best = Math.min(best, Math.hypot(frame.threats[j + 1] - e, frame.threats[j + 2] - n));
        tracks++;
        if (best <= Math.max(4 * sigma, 1000)) near++;
      }
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(tracks).toBeGreaterThan(100);
    expect(near / tracks).toBeGreaterThan(0.9);
  });

  it('records fire groups away from their base on the road between their patrol points', () => {
    const layered = read('kyiv-layered-night.yaml');
    const log = runScenario(layered, 1, { sampleEveryS: 30 });
    const groups = layered.defenders.flatMap((d, u) => (d.kind === 'fire-group' ? [u] : []));
    const seen = new Set<number>();
    let onTheRoad = 0;
    for (const frame of log.samples!.frames) {
      const flat = frame.units ?? [];
      for (let k = 0; k < flat.length; k += UNIT_STRIDE) {
        const [u, e, n, , mode] = flat.slice(k, k + UNIT_STRIDE);
        const unit = layered.defenders[u];
        expect(unit.kind).toBe('fire-group');
        if (unit.kind !== 'fire-group') continue;
        seen.add(u);
        if (mode === 1) onTheRoad++;
        // Two patrol points: always on the segment between them.
        const [a, b] = unit.patrol;
        const abx = b.e - a.e;
        const aby = b.n - a.n;
        const w = ((e - a.e) * abx + (n - a.n) * aby) / (abx * abx + aby * aby);
        expect(w).toBeGreaterThan(-0.01);
        expect(w).toBeLessThan(1.01);
        expect(Math.abs((e - a.e) * aby - (n - a.n) * abx) / Math.hypot(abx, aby)).toBeLessThan(2);
      }
    }
    expect([...seen].sort()).toEqual(groups.sort());
    expect(onTheRoad).toBeGreaterThan(0);
  });
});
