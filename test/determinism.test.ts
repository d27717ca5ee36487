// Same scenario and seed: byte-identical event log. Different seeds: different nights.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../src/run/run-scenario.js';
import { parseScenarioOrThrow } from '../src/scenario/index.js';

const kyiv = parseScenarioOrThrow(
  readFileSync(new URL('../scenarios/kyiv-night.yaml', import.meta.url), 'utf8'),
);
const bytes = (seed: number) => JSON.stringify(runScenario(kyiv, seed));

describe('determinism', () => {
  it('gives a byte-identical event log for the same seed', () => {
    const first = bytes(5);
    expect(bytes(5)).toBe(first);
    // Another run in between must not leak state into the next.
    bytes(6);
    expect(bytes(5)).toBe(first);
  });

  it('gives different nights for different seeds', () => {
    expect(bytes(5)).not.toBe(bytes(6));
  });

  it('keeps the threats flying the same when a sensor is added (named streams)', () => {
    const withTwo = {
      ...kyiv,
      sensors: [...kyiv.sensors, { type: 'ideal' as const, name: 'second', scanPeriodS: 2 }],
    };
    const launches = (s: typeof kyiv) => runScenario(s, 9).events.filter((e) => e.kind === 'threat-launch');
    expect(launches(withTwo)).toEqual(launches(kyiv));
  });
});
