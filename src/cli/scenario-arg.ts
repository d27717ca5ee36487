// Resolves a command's scenario argument: a file, or the built-in default when none is given.

import { DEFAULT_SCENARIO, loadScenarioFile } from '../io/scenario-file.js';
import type { Scenario } from '../model/scenario.js';
import { formatIssue } from '../scenario/index.js';
import { UsageError } from './errors.js';

export function loadScenarioOrExit(file: string | undefined): {
  scenario: Scenario;
  file: string;
  text: string;
} {
  const loaded = loadScenarioFile(file ?? DEFAULT_SCENARIO);
  if (!loaded.result.ok) throw new UsageError(loaded.result.issues.map(formatIssue).join('\n'));
  return { scenario: loaded.result.scenario, file: loaded.file, text: loaded.text };
}

export function parseSeed(text: string): number {
  const seed = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(seed)) {
    throw new UsageError(
      `--seed: expected a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, found '${text}'`,
    );
  }
  return seed;
}
