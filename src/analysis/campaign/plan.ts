// Planning on the campaign model: the budget split (across each pool's munitions, crews and
// co-production set-up) that minimises an expected campaign measure, and the smallest budget or
// production rate that keeps a measure below a target. Expectations are means over a fixed set of
// campaign seeds (common random numbers), so the objective is a deterministic function of the
// split and a derivative-free search (simplex-search.ts) can minimise it.

import { deriveSeed, streamFor } from '../../core/rng.js';
import type { BudgetSplit } from '../../model/campaign.js';
import { budgetCategories } from '../../scenario/campaign-budget.js';
import { DAYS_PER_MONTH } from '../../scenario/campaign.js';
import { attackerTimeline } from './attacker.js';
import type { CampaignContext } from './context.js';
import type { NightEvaluator } from './night-evaluator.js';
import { simplexSearch } from './simplex-search.js';
import type { CampaignTotals } from '../../model/campaign-trajectory.js';
import { campaignTotals, simulateCampaign, type CampaignOptions } from './simulate-campaign.js';

export const PLAN_METRICS = ['damage', 'outage-days', 'people-days', 'leak-rate'] as const;
export type PlanMetric = (typeof PLAN_METRICS)[number];

const METRIC_FIELD: Record<PlanMetric, keyof CampaignTotals> = {
  damage: 'valueLost',
  'outage-days': 'outageAssetDays',
  'people-days': 'peopleDays',
  'leak-rate': 'leakRate',
};

export interface PlanSettings {
  metric: PlanMetric;
  /** Campaign runs averaged per evaluation. */
  runs: number;
  seed: number;
  restarts: number;
  maxEvaluations?: number;
  /** Called before each campaign evaluation (progress on a terminal). */
  onEvaluation?: () => void;
}

/** The campaign with a constant monthly budget in place of its schedule. */
export function withBudget(context: CampaignContext, perMonth: number): CampaignContext {
  const campaign = context.campaign;
  return {
    ...context,
    campaign: {
      ...campaign,
      defender: {
        ...campaign.defender,
        budgetPerDay: { points: [{ day: 0, value: perMonth / DAYS_PER_MONTH }] },
      },
    },
  };
}

/** Mean of a campaign measure over `runs` seeded runs (the same seeds for every plan compared). */
export function expectedMetric(
  context: CampaignContext,
  evaluator: NightEvaluator,
  metric: PlanMetric,
  runs: number,
  seed: number,
  options: CampaignOptions = {},
): number {
  const attacker =
    options.attacker ?? attackerTimeline(context.campaign.attacker, context.campaign.horizonDays);
  let sum = 0;
  for (let r = 0; r < runs; r++) {
    const run = simulateCampaign(context, evaluator, deriveSeed(seed, r), { ...options, attacker });
    sum += campaignTotals(run, context.threatDecoy)[METRIC_FIELD[metric]];
  }
  return sum / runs;
}

export interface SplitPlan {
  categories: string[];
  split: BudgetSplit;
  /** Expected value of the metric with this split. */
  value: number;
  /** The same with the campaign's own spending (its split, or one purse by priority). */
  baseline: number;
  evaluations: number;
  startValues: number[];
}

export function optimiseSplit(
  context: CampaignContext,
  evaluator: NightEvaluator,
  settings: PlanSettings,
  options: { capacityScale?: number; starts?: number[][] } = {},
): SplitPlan {
  const categories = budgetCategories(context.campaign.defender.pools);
  const attacker = attackerTimeline(context.campaign.attacker, context.campaign.horizonDays);
  const base: CampaignOptions = { attacker, capacityScale: options.capacityScale ?? 1 };
  const f = (x: number[]) => {
    settings.onEvaluation?.();
    return expectedMetric(context, evaluator, settings.metric, settings.runs, settings.seed, {
      ...base,
      split: Object.fromEntries(categories.map((c, i) => [c, x[i]])),
    });
  };
  const own = context.campaign.defender.split;
  const starts = [...(options.starts ?? []), ...(own ? [categories.map((c) => own[c] ?? 0)] : [])];
  const result = simplexSearch(f, categories.length, {
    restarts: settings.restarts,
    rng: streamFor(settings.seed, 'campaign/plan'),
    starts,
    ...(settings.maxEvaluations ? { maxEvaluations: settings.maxEvaluations } : {}),
  });
  return {
    categories,
    split: Object.fromEntries(categories.map((c, i) => [c, result.x[i]])),
    value: result.value,
    baseline: expectedMetric(context, evaluator, settings.metric, settings.runs, settings.seed, base),
    evaluations: result.evaluations,
    startValues: result.startValues,
  };
}

export interface LeverSearch {
  lever: 'budget' | 'production';
  target: number;
  feasible: boolean;
  /** Smallest monthly budget (money) or production capacity multiplier found to meet the target. */
  value: number;
  /** The metric at that value, and the split used (budget lever). */
  metricValue: number;
  split?: BudgetSplit;
  /** Every value tried, in order, with the metric it gave. */
  steps: { value: number; metric: number }[];
}

/**
 * The smallest monthly budget (with its best split) or production-capacity multiplier (with the
 * campaign's own spending) whose expected metric is at most `target`: doubling until the target is
 * met, then bisection to `relativeTolerance`. Assumes more money or capacity never makes it worse.
 */
export function smallestLever(
  context: CampaignContext,
  evaluator: NightEvaluator,
  lever: 'budget' | 'production',
  target: number,
  settings: PlanSettings,
  relativeTolerance = 0.02,
): LeverSearch {
  const steps: LeverSearch['steps'] = [];
  let lastSplit: number[] | undefined;
  const splits = new Map<number, BudgetSplit>();
  const attacker = attackerTimeline(context.campaign.attacker, context.campaign.horizonDays);
  const metricAt = (v: number): number => {
    let m: number;
    if (lever === 'budget') {
      const plan = optimiseSplit(
        withBudget(context, v),
        evaluator,
        settings,
        lastSplit ? { starts: [lastSplit] } : {},
      );
      lastSplit = plan.categories.map((c) => plan.split[c]);
      splits.set(v, plan.split);
      m = plan.value;
    } else {
      settings.onEvaluation?.();
      m = expectedMetric(context, evaluator, settings.metric, settings.runs, settings.seed, {
        attacker,
        capacityScale: v,
      });
    }
    steps.push({ value: v, metric: m });
    return m;
  };
  const budgets = context.campaign.defender.budgetPerDay.points.map((p) => p.value * DAYS_PER_MONTH);
  let hi = lever === 'budget' ? Math.max(1, ...budgets) : 1;
  let hiMetric = metricAt(hi);
  let doublings = 0;
  while (hiMetric > target && doublings < 8) {
    hi *= 2;
    hiMetric = metricAt(hi);
    doublings++;
  }
  if (hiMetric > target) return { lever, target, feasible: false, value: hi, metricValue: hiMetric, steps };
  let lo = 0;
  while (hi - lo > relativeTolerance * hi) {
    const mid = (lo + hi) / 2;
    const m = metricAt(mid);
    if (m <= target) {
      hi = mid;
      hiMetric = m;
    } else lo = mid;
  }
  return {
    lever,
    target,
    feasible: true,
    value: hi,
    metricValue: hiMetric,
    ...(lever === 'budget' ? { split: splits.get(hi) } : {}),
    steps,
  };
}
