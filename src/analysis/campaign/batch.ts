// Replicates of a campaign — each with its own seed derived from the campaign's — summarised as
// totals and as monthly figures: the data behind the console tables, the JSON and the report.

import { deriveSeed } from '../../core/rng.js';
import { quantile } from '../../core/quantile.js';
import { DAYS_PER_MONTH } from '../../scenario/campaign.js';
import { attackerTimeline } from './attacker.js';
import type { CampaignContext } from './context.js';
import type { NightEvaluator } from './night-evaluator.js';
import {
  campaignTotals,
  simulateCampaign,
  type CampaignOptions,
  type CampaignRun,
} from './simulate-campaign.js';
import type { CampaignTotals, MonthRow, Quantiles } from '../../model/campaign-trajectory.js';

export function runCampaigns(
  context: CampaignContext,
  evaluator: NightEvaluator,
  runs: number,
  seed: number,
  options: CampaignOptions = {},
  onRun?: () => void,
): CampaignRun[] {
  const attacker =
    options.attacker ??
    attackerTimeline(context.campaign.attacker, context.campaign.horizonDays, options.attackerScale ?? 1);
  const out: CampaignRun[] = [];
  for (let r = 0; r < runs; r++) {
    out.push(simulateCampaign(context, evaluator, deriveSeed(seed, r), { ...options, attacker }));
    onRun?.();
  }
  return out;
}

export function quantiles(values: readonly number[]): Quantiles {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  return {
    mean: v.length > 0 ? v.reduce((a, b) => a + b, 0) / v.length : NaN,
    p5: quantile(v, 0.05),
    median: quantile(v, 0.5),
    p95: quantile(v, 0.95),
  };
}

/** Each total over the runs, as mean, median and 90% band. */
export function totalsSummary(
  context: CampaignContext,
  runs: readonly CampaignRun[],
): Record<keyof CampaignTotals, Quantiles> {
  const totals = runs.map((r) => campaignTotals(r, context.threatDecoy));
  const keys = Object.keys(totals[0] ?? {}) as (keyof CampaignTotals)[];
  return Object.fromEntries(keys.map((k) => [k, quantiles(totals.map((t) => t[k]))])) as Record<
    keyof CampaignTotals,
    Quantiles
  >;
}

export function monthlySummary(context: CampaignContext, runs: readonly CampaignRun[]): MonthRow[] {
  const days = runs[0]?.days.length ?? 0;
  const rows: MonthRow[] = [];
  for (let m = 0; m * DAYS_PER_MONTH < days; m++) {
    const from = m * DAYS_PER_MONTH;
    const to = Math.min(days, from + DAYS_PER_MONTH);
    const slice = runs.map((r) => r.days.slice(from, to));
    const sum = (f: (d: CampaignRun['days'][number]) => number) =>
      slice.map((ds) => ds.reduce((s, d) => s + f(d), 0));
    const last = slice.map((ds) => ds[ds.length - 1]);
    const real = sum((d) => d.launched.reduce((s, n, t) => s + (context.threatDecoy[t] ? 0 : n), 0));
    const leaked = sum((d) => d.leaked);
    const loss = sum((d) => d.attackerLossDestroyed);
    const spentValue = sum((d) => d.munitionsValueSpent);
    rows.push({
      month: m + 1,
      launched: sum((d) => d.launched.reduce((a, b) => a + b, 0))[0] ?? 0,
      leaked: quantiles(leaked),
      leakRate: quantiles(leaked.map((l, i) => (real[i] > 0 ? l / real[i] : 0))),
      outageAssetDays: quantiles(sum((d) => d.outageAssetDays)),
      damagedShare: quantiles(last.map((d) => d.damagedShare)),
      stock: context.campaign.defender.pools.map((_, p) => quantiles(last.map((d) => d.pools[p].stock))),
      crews: context.campaign.defender.pools.map((_, p) => quantiles(last.map((d) => d.pools[p].crews))),
      defenseSpend: quantiles(sum((d) => d.defenseSpend)),
      attackerSpend: sum((d) => d.attackerSpend)[0] ?? 0,
      costExchange: quantiles(loss.map((l, i) => (spentValue[i] > 0 ? l / spentValue[i] : NaN))),
    });
  }
  return rows;
}
