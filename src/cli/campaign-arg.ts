// Shared by `bulwark campaign` and `bulwark plan`: loads a campaign file with its tactical scenario,
// reads the evaluation options, and builds the night evaluator — fitting (or reading back) the
// surrogate, with progress on a terminal.

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
      'store the fitted surrogate here and reuse it while the files are unchanged',
    );
}

export interface EvaluationOptions {
  mode?: string;
  days?: string;
  seed?: string;
  surrogatePoints?: string;
  heldOut?: string;
  surrogate?: string;
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

export interface SurrogateChoice {
  surrogate: Surrogate;
  /** Read back from the --surrogate file rather than fitted now. */
  cached: boolean;
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
  return { design, key: surrogateKey(c.loaded.text, c.loaded.tacticalText, design) };
}

/** The surrogate for this campaign: read from --surrogate FILE when it matches, else fitted (and saved there). */
export function surrogateFor(c: LoadedCampaignContext, options: EvaluationOptions): SurrogateChoice {
  const { design, key } = surrogateDesign(c, options);
  if (options.surrogate) {
    const stored = readSurrogate(options.surrogate, key);
    if (stored) return { surrogate: stored, cached: true };
  }
  const progress = progressCounter('surrogate fit: tactical runs', design.points + design.heldOutPoints);
  const surrogate = buildSurrogate(c.context, { ...design, onRun: progress.tick });
  progress.done();
  if (options.surrogate) writeSurrogate(options.surrogate, key, surrogate);
  return { surrogate, cached: false };
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
  const { design, key } = surrogateDesign(c, options);
  if (options.surrogate) {
    const stored = readSurrogate(options.surrogate, key);
    if (stored) return { surrogate: stored, cached: true };
  }
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
  if (options.surrogate) writeSurrogate(options.surrogate, key, surrogate);
  return { surrogate, cached: false };
}

export function evaluatorFor(
  c: LoadedCampaignContext,
  options: EvaluationOptions,
): { evaluator: NightEvaluator; surrogate?: SurrogateChoice } {
  if (c.mode === 'direct') return { evaluator: new DirectEvaluator(c.context) };
  const surrogate = surrogateFor(c, options);
  return { evaluator: new SurrogateEvaluator(surrogate.surrogate), surrogate };
}
