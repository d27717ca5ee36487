// Golden runs: each shipped scenario and each file in test/golden/in, run with its own seed,
// must give the recorded outcome and event log. Refresh deliberately with REGEN=1.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeOutcome } from '../../src/metrics/outcome.js';
import { runScenario } from '../../src/run/run-scenario.js';
import { parseScenarioOrThrow } from '../../src/scenario/index.js';
import { slowIt } from '../slow.js';

const root = new URL('../../', import.meta.url).pathname;
const inputs = [
  ...readdirSync(join(root, 'scenarios'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(root, 'scenarios', f)),
  ...readdirSync(join(root, 'test/golden/in'))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(root, 'test/golden/in', f)),
];

function golden(file: string) {
  const scenario = parseScenarioOrThrow(readFileSync(file, 'utf8'), file);
  const log = runScenario(scenario);
  const ndjson = log.events.map((e) => JSON.stringify(e)).join('\n');
  const counts: Record<string, number> = {};
  for (const e of log.events) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return {
    scenario: scenario.name,
    seed: log.seed,
    events: log.events.length,
    eventsByKind: counts,
    eventLogSha256: createHash('sha256').update(ndjson).digest('hex'),
    outcome: computeOutcome(scenario, log),
  };
}

/** The record night runs its 20 radars, ~5,000 acoustic nodes and the tracker: a slow test. */
const SLOW = new Set(['record-night.yaml']);

describe('golden runs', () => {
  for (const file of inputs) {
    (SLOW.has(basename(file)) ? slowIt : it)(basename(file), () => {
      const out = join(root, 'test/golden/out', basename(file).replace(/\.ya?ml$/, '.json'));
      const actual = JSON.parse(JSON.stringify(golden(file)));
      if (process.env.REGEN === '1' || !existsSync(out)) {
        if (process.env.CI && process.env.REGEN !== '1')
          throw new Error(`no golden output for ${basename(file)}: run REGEN=1 npm run test:unit`);
        writeFileSync(out, JSON.stringify(actual, null, 2) + '\n');
      }
      expect(actual).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  }
});
