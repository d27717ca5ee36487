// One golden run, in a process of its own: prints the scenario's golden record (outcome, event
// counts, event log hash) and its event log, one event per line, as JSON. The test runs it as a child so that a long night never blocks
// the test worker's event loop (a worker blocked for a minute loses its link to the runner).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { computeOutcome } from '../../src/metrics/outcome.js';
import { runScenario } from '../../src/run/run-scenario.js';
import { parseScenarioOrThrow } from '../../src/scenario/index.js';

function golden(file: string): { record: unknown; events: string[] } {
  const scenario = parseScenarioOrThrow(readFileSync(file, 'utf8'), file);
  const log = runScenario(scenario);
  const events = log.events.map((e) => JSON.stringify(e));
  const ndjson = events.join('\n');
  const counts: Record<string, number> = {};
  for (const e of log.events) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  const record = {
    scenario: scenario.name,
    seed: log.seed,
    events: log.events.length,
    eventsByKind: counts,
    eventLogSha256: createHash('sha256').update(ndjson).digest('hex'),
    outcome: computeOutcome(scenario, log),
  };
  return { record, events };
}

process.stdout.write(JSON.stringify(golden(process.argv[2])));
