// Whole nights: on each reference scenario with a layered defense, the full defense must do
// better than its interceptor-drone units alone (fewer leakers and less value lost), and every
// layer present must take part.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeOutcome } from '../src/metrics/outcome.js';
import type { Scenario } from '../src/model/scenario.js';
import { runScenario } from '../src/run/run-scenario.js';
import { parseScenarioOrThrow } from '../src/scenario/index.js';
import { slowIt } from './slow.js';

const root = new URL('../', import.meta.url).pathname;
const load = (name: string) => {
  const file = join(root, 'scenarios', name);
  return parseScenarioOrThrow(readFileSync(file, 'utf8'), file);
};
const outcome = (s: Scenario) => computeOutcome(s, runScenario(s));
const withIdealSensors = ({ tracking: _tracking, ...s }: Scenario): Scenario => ({
  ...s,
  sensors: [{ type: 'ideal', name: 'ideal', scanPeriodS: s.stepS }],
});

describe('layered defense beats interceptors alone', () => {
  for (const name of ['kyiv-layered-night.yaml', 'cruise-missile-raid.yaml', 'record-night.yaml']) {
    // Two whole nights per test, of up to ~820 threats each: the record night's are slow.
    (name === 'record-night.yaml' ? slowIt : it)(name, () => {
      // The layers are compared on perfect knowledge: what the sensors make of the night is the
      // golden run's business, and the record night's 20 radars and ~5,000 nodes cost seconds.
      const full = withIdealSensors(load(name));
      const alone: Scenario = {
        ...full,
        defenders: full.defenders.filter((d) => d.kind === 'interceptor-drone'),
      };
      expect(alone.defenders.length).toBeGreaterThan(0);
      expect(alone.defenders.length).toBeLessThan(full.defenders.length);
      const layered = outcome(full);
      const interceptors = outcome(alone);
      expect(layered.leaked).toBeLessThan(interceptors.leaked);
      expect(layered.assetValueLost).toBeLessThan(interceptors.assetValueLost);
      expect(layered.destroyed).toBeGreaterThan(interceptors.destroyed);
      for (const kind of new Set(full.defenders.map((d) => d.kind)))
        expect(layered.byEffectorKind[kind].engagements, kind).toBeGreaterThan(0);
    });
  }
});

describe('the assignment policies use every kind', () => {
  it('greedy-mmr, with shots priced for missiles worth millions, engages with jets and SAMs and does no worse than nearest', () => {
    const nearest = load('cruise-missile-raid.yaml');
    const wta: Scenario = { ...nearest, c2: { ...nearest.c2, policy: 'greedy-mmr', valuePerMoney: 1e-5 } };
    const planned = outcome(wta);
    for (const kind of ['jet', 'sam', 'interceptor-drone'])
      expect(planned.byEffectorKind[kind].engagements, kind).toBeGreaterThan(0);
    expect(planned.assetValueLost).toBeLessThanOrEqual(outcome(nearest).assetValueLost);
  });
});
