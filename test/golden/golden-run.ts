// One golden run: the scenario file run with its own seed, summed up as the golden output holds it.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { computeOutcome } from '../../src/metrics/outcome.js';
import { runScenario } from '../../src/run/run-scenario.js';
import { parseScenarioOrThrow } from '../../src/scenario/index.js';

export function golden(file: string) {
  const scenario = parseScenarioOrThrow(readFileSync(file, 'utf8'), file);
  const log = runScenario(scenario);
  const ndjson = log.events.map((e) => JSON.stringify(e)).join('\n');
  const counts: Record<string, number> = {};
  for (const e of log.events) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  // As JSON holds it (∞ and NaN become null), so that it crosses threads and files alike.
  return JSON.parse(
    JSON.stringify({
      scenario: scenario.name,
      seed: log.seed,
      events: log.events.length,
      eventsByKind: counts,
      eventLogSha256: createHash('sha256').update(ndjson).digest('hex'),
      outcome: computeOutcome(scenario, log),
    }),
  ) as unknown;
}
