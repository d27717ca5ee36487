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
  planSurrogate,
  surrogateFromResults,
  SurrogateEvaluator,
  type CampaignContext,
  type NightEvaluator,
  type Surrogate,
} from '../analysis/campaign/index.js';
import { loadCampaignFile, type LoadedCampaign } from '../io/campaign-file.js';
import { Progress } from '../io/progress.js';
import type { NightsTask } from '../io/night-task.js';
import { checkRedisReachable, QueueExecutor, type QueueOptions } from '../io/queue-executor.js';
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

/** Where fitted surrogates are kept unless --surrogate says otherwise, beside the results store. */
export const SURROGATE_CACHE = '.bulwark/surrogates';

export interface SurrogateChoice {
  surrogate: Surrogate;
  /** Read back from its file rather than fitted now. */
  cached: boolean;
  /** The file it was read from or kept in. */
  file: string;
}

function surrogateDesign(c: LoadedCampaignContext, options: EvaluationOptions) {
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
  return { design, key, file };
}

/** A kept fit for these inputs, unless --refit. */
function keptSurrogate(options: EvaluationOptions, key: string, file: string): SurrogateChoice | undefined {
  if (options.refit) return undefined;
  const stored = readSurrogate(file, key);
  return stored ? { surrogate: stored, cached: true, file } : undefined;
}

/** Keeps a fresh fit in its file (only a file named with --surrogate must be written). */
function keepSurrogate(
  options: EvaluationOptions,
  key: string,
  file: string,
  surrogate: Surrogate,
): SurrogateChoice {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeSurrogate(file, key, surrogate);
  } catch (e) {
    if (options.surrogate) throw new UsageError(`--surrogate: cannot write ${file}: ${(e as Error).message}`);
  }
  return { surrogate, cached: false, file };
}

/**
 * The surrogate for this campaign: read back from its file when one was fitted from the same
 * campaign, tactical scenario and design options, else fitted now and kept there — in --surrogate
 * FILE, or by default in .bulwark/surrogates/ under the hash of those inputs.
 */
export function surrogateFor(c: LoadedCampaignContext, options: EvaluationOptions): SurrogateChoice {
  const { design, key, file } = surrogateDesign(c, options);
  const kept = keptSurrogate(options, key, file);
  if (kept) return kept;
  const progress = progressCounter('surrogate fit: tactical runs', design.points + design.heldOutPoints);
  const surrogate = buildSurrogate(c.context, { ...design, onRun: progress.tick });
  progress.done();
  return keepSurrogate(options, key, file, surrogate);
}

/** Design nights per queued job of a surrogate fit. */
const NIGHTS_PER_JOB = 4;

/**
 * surrogateFor with the fit's tactical nights simulated by queue workers (`--queue`): the same
 * design, seeds and fit as here. The jobs' ids derive from the fit's inputs, so a re-run command
 * re-attaches to the nights already queued or done.
 */
export async function surrogateOnQueue(
  c: LoadedCampaignContext,
  options: EvaluationOptions,
  queue: QueueOptions,
): Promise<SurrogateChoice> {
  const { design, key, file } = surrogateDesign(c, options);
  const kept = keptSurrogate(options, key, file);
  if (kept) return kept;
  const plan = planSurrogate(c.context, design);
  const nights = [...plan.fit, ...plan.heldOut].map((n, index) => ({ ...n, index }));
  try {
    await checkRedisReachable(queue.address);
  } catch (e) {
    throw new UsageError(`--queue: cannot reach Redis at ${queue.address.display}: ${(e as Error).message}`);
  }
  const fitId = `fit-${key.slice(0, 10)}`;
  const executor = new QueueExecutor(fitId, queue);
  await executor.ready();
  const progress = progressCounter('surrogate fit: tactical runs (queued)', nights.length);
  const results = await Promise.all(
    Array.from({ length: Math.ceil(nights.length / NIGHTS_PER_JOB) }, async (_, j) => {
      const part = nights.slice(j * NIGHTS_PER_JOB, (j + 1) * NIGHTS_PER_JOB);
      const task: NightsTask = {
        campaignText: c.loaded.text,
        campaignFile: c.loaded.file,
        tacticalText: c.loaded.tacticalText,
        tacticalFile: c.loaded.tacticalPath,
        nights: part,
      };
      const id = `${fitId}.${executor.version.slice(-8)}.n${part[0].index}`;
      const done = await executor.runNights(task, id);
      if (done.length !== part.length)
        throw new Error(`queued job ${id} gave ${done.length} nights of ${part.length}`);
      for (let i = 0; i < done.length; i++) progress.tick();
      await executor.stored(id);
      return done;
    }),
  ).finally(() => executor.close(false));
  progress.done();
  const all = results.flat();
  const surrogate = surrogateFromResults(
    c.context,
    plan,
    all.slice(0, plan.fit.length),
    all.slice(plan.fit.length),
  );
  return keepSurrogate(options, key, file, surrogate);
}

export function evaluatorFor(
  c: LoadedCampaignContext,
  options: EvaluationOptions,
): { evaluator: NightEvaluator; surrogate?: SurrogateChoice } {
  if (c.mode === 'direct') return { evaluator: new DirectEvaluator(c.context) };
  const surrogate = surrogateFor(c, options);
  return { evaluator: new SurrogateEvaluator(surrogate.surrogate), surrogate };
}
