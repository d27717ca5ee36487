import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenarioOrThrow } from '../scenario/index.js';
import { runScenario } from './run-scenario.js';
import { THREAT_STRIDE, FLIGHT_STRIDE } from '../model/trajectory.js';

const text = readFileSync(new URL('../../scenarios/kyiv-night.yaml', import.meta.url), 'utf8');
const scenario = parseScenarioOrThrow(text, 'kyiv-night.yaml');

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
});
