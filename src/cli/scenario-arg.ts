// Resolves a command's scenario argument: a file, or the built-in default when none is given.

import { applyPoint, checkPaths, parseSetSpec, SweepError, type SweepPoint } from '../analysis/sweep.js';
import { DEFAULT_SCENARIO, loadScenarioFile } from '../io/scenario-file.js';
import type { Scenario } from '../model/scenario.js';
import { formatIssue, parseScenario, plausibilityWarnings } from '../scenario/index.js';
import { UsageError } from './errors.js';

export function loadScenarioOrExit(file: string | undefined): {
  scenario: Scenario;
  file: string;
  text: string;
} {
  const loaded = loadScenarioFile(file ?? DEFAULT_SCENARIO);
  if (!loaded.result.ok) throw new UsageError(loaded.result.issues.map(formatIssue).join('\n'));
  warnImplausible(loaded.text, loaded.file);
  return { scenario: loaded.result.scenario, file: loaded.file, text: loaded.text };
}

/** Prints the scenario's plausibility warnings on stderr; they never stop a run. */
export function warnImplausible(text: string, file: string): void {
  for (const w of plausibilityWarnings(text, file)) process.stderr.write(`warning: ${formatIssue(w)}\n`);
}

/** The scenario with `--set PATH=VALUE` settings applied (one value each), as a sweep point would. */
export function loadScenarioWithSettings(file: string | undefined, sets: readonly string[]) {
  const loaded = loadScenarioOrExit(file);
  if (sets.length === 0) return loaded;
  try {
    const axes = sets.map(parseSetSpec);
    checkPaths(loaded.text, axes);
    const point: SweepPoint = axes.map((axis) => {
      if (axis.values?.length !== 1)
        throw new SweepError(`--set ${axis.path}: give one value here, not a list or range`);
      return { path: axis.path, value: axis.values[0] };
    });
    const text = applyPoint(loaded.text, point);
    const result = parseScenario(text, loaded.file);
    if (!result.ok)
      throw new UsageError(
        result.issues
          .map(
            (i) =>
              `--set: ${i.field}: ${i.message}${i.expected ? `; expected ${i.expected}` : ''}${i.found ? `, found ${i.found}` : ''}`,
          )
          .join('\n'),
      );
    return { scenario: result.scenario, file: loaded.file, text };
  } catch (e) {
    if (e instanceof SweepError) throw new UsageError(e.message);
    throw e;
  }
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
