// Shared by `bulwark campaign` and `bulwark plan`: loads a campaign file with its tactical scenario,
// reads the evaluation options, and builds the night evaluator — fitting (or reading back) the
// surrogate, with progress on a terminal.

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import {
  buildSurrogate,
  campaignContext,
  defaultDesignPoints,
  DirectEvaluator,
  SurrogateEvaluator,
  type CampaignContext,
  type NightEvaluator,
  type Surrogate,
} from '../analysis/campaign/index.js';
import { loadCampaignFile, type LoadedCampaign } from '../io/campaign-file.js';
import { Progress } from '../io/progress.js';
import { readSurrogate, surrogateKey, writeSurrogate } from '../io/surrogate-file.js';
import { EVALUATION_MODES, type EvaluationMode } from '../model/campaign.js';
import { formatIssue, MAX_HORIZON_DAYS } from '../scenario/index.js';
import { UsageError } from './errors.js';

/** The options both commands take: horizon, seed and how the surrogate is fitted and kept. */
export function addEvaluationOptions(command: Command): Command {
  return command
    .option('--days <n>', "horizon in days (default: the file's)")
    .option('--seed <n>', "campaign seed (default: the file's)")
    .option(
      '--surrogate-points <n>',
      'simulated nights the surrogate is fitted to (default: 60, more for a defense of many pools)',
    )
    .option('--held-out <n>', 'further simulated nights its error is measured on', '20')
    .option(
      '--surrogate <file>',
      `keep the fitted surrogate here (default ${SURROGATE_CACHE}/<hash of the inputs>.json) and reuse it while the files and options are unchanged`,
    )
    .option('--refit', 'fit the surrogate afresh even when a kept fit matches');
}

export interface EvaluationOptions {
  mode?: string;
  days?: string;
  seed?: string;
  surrogatePoints?: string;
  heldOut?: string;
  surrogate?: string;
  refit?: boolean;
}

/** Where fitted surrogates are kept unless --surrogate says otherwise, beside the results store. */
export const SURROGATE_CACHE = '.bulwark/surrogates';

export interface LoadedCampaignContext {
  loaded: LoadedCampaign;
  context: CampaignContext;
  mode: EvaluationMode;
  seed: number;
}

export function wholeNumber(flag: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`${flag}: expected a whole number from ${min} to ${max}, found '${text}'`);
  return n;
}

export function loadCampaignOrExit(file: string, options: EvaluationOptions): LoadedCampaignContext {
  const loaded = loadCampaignFile(file);
  if (!loaded.result.ok) throw new UsageError(loaded.result.issues.map(formatIssue).join('\n'));
  let { campaign } = loaded.result;
  if (options.days !== undefined)
    campaign = { ...campaign, horizonDays: wholeNumber('--days', options.days, 1, MAX_HORIZON_DAYS) };
  let mode = campaign.evaluation;
  if (options.mode !== undefined) {
    if (!(EVALUATION_MODES as readonly string[]).includes(options.mode))
      throw new UsageError(`--mode: expected one of ${EVALUATION_MODES.join(', ')}, found '${options.mode}'`);
    mode = options.mode as EvaluationMode;
  }
  const seed =
    options.seed === undefined
      ? campaign.seed
      : wholeNumber('--seed', options.seed, 0, Number.MAX_SAFE_INTEGER);
  return { loaded, context: campaignContext(campaign, loaded.result.scenario), mode, seed };
}

/** Progress of long work on stderr (a bar on a terminal, a line now and then otherwise). */
export function progressCounter(label: string, total: number): { tick: () => void; done: () => void } {
  const progress = new Progress({ label, total });
  return { tick: () => progress.advance(1), done: () => progress.finish() };
}

export interface SurrogateChoice {
  surrogate: Surrogate;
  /** Read back from its file rather than fitted now. */
  cached: boolean;
  /** The file it was read from or kept in. */
  file: string;
}

/**
 * The surrogate for this campaign: read back from its file when one was fitted from the same
 * campaign, tactical scenario and design options, else fitted now and kept there — in --surrogate
 * FILE, or by default in .bulwark/surrogates/ under the hash of those inputs.
 */
export function surrogateFor(c: LoadedCampaignContext, options: EvaluationOptions): SurrogateChoice {
  const points = wholeNumber(
    '--surrogate-points',
    options.surrogatePoints ?? String(defaultDesignPoints(c.context)),
    8,
    10_000,
  );
  const heldOutPoints = wholeNumber('--held-out', options.heldOut ?? '20', 0, 10_000);
  const design = {
    points,
    runsPerPoint: 1,
    heldOutPoints,
    seed: c.seed,
    horizonDays: c.context.campaign.horizonDays,
  };
  const key = surrogateKey(c.loaded.text, c.loaded.tacticalText, design);
  const file = options.surrogate ?? join(SURROGATE_CACHE, `${key.slice(0, 20)}.json`);
  if (!options.refit) {
    const stored = readSurrogate(file, key);
    if (stored) return { surrogate: stored, cached: true, file };
  }
  const progress = progressCounter('surrogate fit: tactical runs', points + heldOutPoints);
  const surrogate = buildSurrogate(c.context, { ...design, onRun: progress.tick });
  progress.done();
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeSurrogate(file, key, surrogate);
  } catch (e) {
    // Only a file named with --surrogate must be written; the default cache is a convenience.
    if (options.surrogate) throw new UsageError(`--surrogate: cannot write ${file}: ${(e as Error).message}`);
  }
  return { surrogate, cached: false, file };
}

export function evaluatorFor(
  c: LoadedCampaignContext,
  options: EvaluationOptions,
): { evaluator: NightEvaluator; surrogate?: SurrogateChoice } {
  if (c.mode === 'direct') return { evaluator: new DirectEvaluator(c.context) };
  const surrogate = surrogateFor(c, options);
  return { evaluator: new SurrogateEvaluator(surrogate.surrogate), surrogate };
}
