// Example outputs quoted in the docs must be the outputs of the code as it is: a batch id in an
// example is derived from the scenario and the parameters, so it goes stale when either changes.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareBatch } from '../src/io/batch-runner.js';
import { DEFAULT_SCENARIO } from '../src/io/scenario-file.js';
import { parseScenarioOrThrow } from '../src/scenario/index.js';

const doc = (name: string) => readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8');

describe('docs/monte-carlo.md', () => {
  it("quotes the batch id the example's command makes of the default scenario today", () => {
    const text = readFileSync(DEFAULT_SCENARIO, 'utf8');
    const { definition } = prepareBatch({
      kind: 'mc',
      scenarioFile: DEFAULT_SCENARIO,
      scenarioText: text,
      scenario: parseScenarioOrThrow(text, DEFAULT_SCENARIO),
      runsPerPoint: 100,
      batchSeed: 42,
      params: { runs: 100, seed: 42 },
    });
    const md = doc('monte-carlo.md');
    expect(md).toContain('$ bulwark mc --runs 100 --seed 42 --workers 2');
    const quoted = [...new Set(md.match(/\bmc-[0-9a-f]{10}\b/g))];
    expect(quoted).toEqual([definition.id]);
  });
});
