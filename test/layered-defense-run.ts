// The two nights the layered-defense test compares — the full defense and its interceptor-drone
// units alone, both on perfect knowledge — run where the test says (on a worker thread for the
// record night's minutes of work).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeOutcome } from '../src/metrics/outcome.js';
import type { Outcome } from '../src/model/outcome.js';
import type { Scenario } from '../src/model/scenario.js';
import { runScenario } from '../src/run/run-scenario.js';
import { parseScenarioOrThrow } from '../src/scenario/index.js';

const root = new URL('../', import.meta.url).pathname;

export const load = (name: string) => {
  const file = join(root, 'scenarios', name);
  return parseScenarioOrThrow(readFileSync(file, 'utf8'), file);
};
export const outcome = (s: Scenario) => computeOutcome(s, runScenario(s));
const withIdealSensors = ({ tracking: _tracking, ...s }: Scenario): Scenario => ({
  ...s,
  sensors: [{ type: 'ideal', name: 'ideal', scanPeriodS: s.stepS }],
});

export interface LayerComparison {
  kinds: string[];
  fullUnits: number;
  aloneUnits: number;
  layered: Outcome;
  interceptors: Outcome;
}

export function compareLayers(name: string): LayerComparison {
  // The layers are compared on perfect knowledge: what the sensors make of the night is the
  // golden run's business, and the record night's 20 radars and ~5,000 nodes cost seconds.
  const full = withIdealSensors(load(name));
  const alone: Scenario = {
    ...full,
    defenders: full.defenders.filter((d) => d.kind === 'interceptor-drone'),
  };
  return {
    kinds: [...new Set(full.defenders.map((d) => d.kind))],
    fullUnits: full.defenders.length,
    aloneUnits: alone.defenders.length,
    layered: outcome(full),
    interceptors: outcome(alone),
  };
}
