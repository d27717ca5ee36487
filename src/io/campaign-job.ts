// One campaign computed for the console: the night evaluator the file (or the request) asks for —
// the surrogate, fitted to simulated nights and kept in a cache file keyed by everything it was
// fitted from, or direct simulation of every night — then many runs summarised as the trajectory
// with its bands, the monthly rows and the totals, with how it was evaluated and what was assumed.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSurrogate,
  campaignBands,
  campaignContext,
  campaignSeries,
  DirectEvaluator,
  defaultDesignPoints,
  monthlySummary,
  runCampaigns,
  SurrogateEvaluator,
  totalsSummary,
  type NightEvaluator,
} from '../analysis/campaign/index.js';
import type { Campaign, EvaluationMode } from '../model/campaign.js';
import type { CampaignTrajectory } from '../model/campaign-trajectory.js';
import type { Scenario } from '../model/scenario.js';
import { readSurrogate, surrogateKey, writeSurrogate } from './surrogate-file.js';

export interface CampaignJobOptions {
  /** Campaign runs behind the bands (default: 20 with the surrogate, 1 direct, as on the command line). */
  runs?: number;
  /** Night evaluation; the file's when absent. */
  mode?: EvaluationMode;
  /** Horizon in days; the file's when absent. */
  days?: number;
  seed?: number;
  /** Simulated nights the surrogate is fitted to, and further nights its error is measured on. */
  surrogatePoints?: number;
  heldOut?: number;
}

export const DEFAULT_HELD_OUT = 20;

export interface CampaignProgress {
  /** Fitting the surrogate (tactical runs), campaign runs on the surrogate, or nights simulated directly. */
  phase: 'fit' | 'runs' | 'nights';
  done: number;
  total: number;
}

export interface CampaignInput {
  id: string;
  text: string;
  tacticalText: string;
  campaign: Campaign;
  scenario: Scenario;
}

export function computeCampaign(
  input: CampaignInput,
  options: CampaignJobOptions,
  onProgress: (p: CampaignProgress) => void = () => {},
  surrogateDir?: string,
): CampaignTrajectory {
  const campaign =
    options.days === undefined ? input.campaign : { ...input.campaign, horizonDays: options.days };
  const context = campaignContext(campaign, input.scenario);
  const mode = options.mode ?? campaign.evaluation;
  const seed = options.seed ?? campaign.seed;
  const runs = options.runs ?? (mode === 'direct' ? 1 : 20);
  const days = campaign.horizonDays;

  let evaluator: NightEvaluator;
  let surrogate: CampaignTrajectory['evaluation']['surrogate'] = null;
  if (mode === 'direct') {
    const direct = new DirectEvaluator(context);
    let nights = 0;
    evaluator = {
      mode: direct.mode,
      evaluate: (...args: Parameters<typeof direct.evaluate>) => {
        const night = direct.evaluate(...args);
        onProgress({ phase: 'nights', done: ++nights, total: runs * days });
        return night;
      },
    };
  } else {
    // The same design (and so the same cache key) as `bulwark campaign --surrogate FILE`.
    const points = options.surrogatePoints ?? defaultDesignPoints(context);
    const heldOutPoints = options.heldOut ?? DEFAULT_HELD_OUT;
    const design = { points, runsPerPoint: 1, heldOutPoints, seed, horizonDays: days };
    const key = surrogateKey(input.text, input.tacticalText, design);
    const file = surrogateDir === undefined ? undefined : join(surrogateDir, `${key.slice(0, 24)}.json`);
    let fitted = file === undefined ? undefined : readSurrogate(file, key);
    const cached = fitted !== undefined;
    if (!fitted) {
      let done = 0;
      const total = points + heldOutPoints;
      fitted = buildSurrogate(context, {
        ...design,
        onRun: () => onProgress({ phase: 'fit', done: ++done, total }),
      });
      if (file !== undefined) {
        mkdirSync(surrogateDir!, { recursive: true });
        writeSurrogate(file, key, fitted);
      }
    }
    surrogate = { points: fitted.fit.points, heldOut: fitted.heldOut ?? null, cached };
    evaluator = new SurrogateEvaluator(fitted);
  }

  let done = 0;
  const results = runCampaigns(context, evaluator, runs, seed, {}, () => {
    if (mode !== 'direct') onProgress({ phase: 'runs', done: ++done, total: runs });
  });
  const f = campaign.attacker.funding;
  const finalPressure = f ? f.revenuePressure.points[f.revenuePressure.points.length - 1].value : 0;
  return {
    campaign: {
      id: input.id,
      name: campaign.name,
      description: campaign.description,
      horizonDays: days,
      tacticalFile: campaign.tacticalFile,
      pools: campaign.defender.pools.map((p) => p.name),
      threatTypes: context.threatTypes,
    },
    evaluation: { mode, runs, seed, surrogate },
    assumptions: {
      funding: f
        ? {
            elasticity: f.elasticity,
            note: f.note,
            revenuePressure: f.revenuePressure.points,
            finalProductionShare: (1 - finalPressure) ** f.elasticity,
          }
        : null,
    },
    series: campaignSeries(context).map(({ name, title, chart }) => ({ name, title, chart })),
    bands: campaignBands(context, results),
    months: monthlySummary(context, results),
    totals: totalsSummary(context, results),
    ledger: results[0].ledger,
    spendByCategory: results[0].spendByCategory,
  };
}
