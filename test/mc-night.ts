// The small Monte Carlo night the batch tests share (test/fixtures/mc-night.yaml), and a request
// for an `mc` batch of it.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BatchRequest } from '../src/io/batch-runner.js';
import { parseScenarioOrThrow } from '../src/scenario/index.js';

export const MC_NIGHT_FILE = join(import.meta.dirname, 'fixtures', 'mc-night.yaml');
export const MC_NIGHT_TEXT = readFileSync(MC_NIGHT_FILE, 'utf8');
export const MC_NIGHT = parseScenarioOrThrow(MC_NIGHT_TEXT, MC_NIGHT_FILE);

/** `bulwark mc --runs <runs> --seed <seed>` of the night, as the batch runner takes it. */
export const mcRequest = (runs: number, seed = 11): BatchRequest => ({
  kind: 'mc',
  scenarioFile: MC_NIGHT_FILE,
  scenarioText: MC_NIGHT_TEXT,
  scenario: MC_NIGHT,
  runsPerPoint: runs,
  batchSeed: seed,
  params: { runs, seed },
});
