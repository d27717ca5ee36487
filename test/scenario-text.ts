// Small scenarios written inline for tests of motion and engagement.

import { parseScenarioOrThrow } from '../src/scenario/index.js';
import type { Scenario } from '../src/model/scenario.js';

export interface OneThreatOptions {
  route?: string;
  defenders?: string;
  pk?: number;
  stock?: number;
  type?: string;
  count?: number;
}

/** One asset at the origin, threats launched from 100 km east at 20:00, optional defenders. */
export function oneThreatNight(options: OneThreatOptions = {}): Scenario {
  const defenders =
    options.defenders ??
    (options.pk === undefined
      ? '[]'
      : `[{ name: team, type: sting-interceptor, base: [50.45, 30.80], stock: ${options.stock ?? 10}, crews: 4, launchInterval: 5 s, pk: ${options.pk} }]`);
  return parseScenarioOrThrow(`
name: one threat
start: 2025-12-14T20:00:00+02:00
duration: 2 h
step: 1 s
region: { origin: [50.45, 30.52] }
assets: [{ name: Plant, kind: power-plant, at: [50.45, 30.52], value: 100, destroy: 80 kg }]
threats:
  - wave: w
    type: ${options.type ?? 'shahed-136'}
    count: ${options.count ?? 1}
    launch: { from: [50.45, 31.9], at: "+0 s" }
    ${options.route ? `route: ${options.route}` : ''}
    aim: Plant
defenders: ${defenders}
`);
}
