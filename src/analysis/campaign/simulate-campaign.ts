// A campaign run: day by day, the attacker builds and raids, the defender's money, lines, deliveries
// and schools refill stocks and crews, the night is evaluated (directly or by the surrogate), stocks
// are drawn down, and infrastructure damage accumulates and is repaired. Pure and deterministic:
// the same campaign, evaluator and seed give the same trajectory.

import { deriveSeed } from '../../core/rng.js';
import { attackerTimeline, type AttackerDay } from './attacker.js';
import type { CampaignContext } from './context.js';
import { DamageState } from './damage.js';
import { DefenderLogistics, type LogisticsOptions } from './logistics.js';
import type { NightEvaluator } from './night-evaluator.js';
import type { CampaignTotals, LedgerRow } from '../../model/campaign-trajectory.js';

export interface PoolRecord {
  /** Stock before the night, after today's production and deliveries. */
  stockBefore: number;
  /** Stock after the night. */
  stock: number;
  /** Crews ready tonight (drone flights, jets flying, fire units manned, radars operating). */
  crews: number;
  operators: number;
  platforms: number;
  /** Platforms whose upkeep was paid today. */
  sustained: number;
  produced: number;
  delivered: number;
  trained: number;
  spent: number;
}

export interface CampaignDay {
  day: number;
  mass: boolean;
  /** Threats launched tonight, by campaign threat type. */
  launched: number[];
  destroyed: number[];
  leaked: number;
  /** Leakers per non-decoy threat launched (0 on a night without any). */
  leakRate: number;
  attackerStock: number[];
  attackerProduced: number[];
  pools: PoolRecord[];
  /** Asset value lost tonight. */
  valueLost: number;
  /** Value-weighted damaged share of the assets after tonight. */
  damagedShare: number;
  /** Asset-days and people-days out of service during the day after the night. */
  outageAssetDays: number;
  peopleDays: number;
  /** Defender money spent today (set-up, crews, munitions) and the value of munitions used up tonight. */
  defenseSpend: number;
  munitionsValueSpent: number;
  /** Cost of the threats the attacker built today and of those shot down tonight. */
  attackerSpend: number;
  attackerLossDestroyed: number;
}

export interface CampaignRun {
  mode: NightEvaluator['mode'];
  seed: number;
  days: CampaignDay[];
  /** Defender spend over the campaign by budget category. */
  spendByCategory: Record<string, number>;
  budgetReceived: number;
  budgetUnspent: number;
  /** Conservation ledger per pool (munitions, platforms, operators). */
  ledger: LedgerRow[];
}

export interface CampaignOptions extends LogisticsOptions {
  /** Scales the attacker's production (plans and sensitivity). */
  attackerScale?: number;
  /** The attacker's timeline when already computed (it does not depend on the defense). */
  attacker?: AttackerDay[];
}

export function simulateCampaign(
  context: CampaignContext,
  evaluator: NightEvaluator,
  seed: number,
  options: CampaignOptions = {},
): CampaignRun {
  const { campaign, template, threatCost, threatDecoy, poolStarts } = context;
  const attacker =
    options.attacker ?? attackerTimeline(campaign.attacker, campaign.horizonDays, options.attackerScale ?? 1);
  const logistics = new DefenderLogistics(campaign.defender, poolStarts, options);
  const damage = new DamageState(template.assets);
  const days: CampaignDay[] = [];
  let spentBefore = 0;
  for (let day = 0; day < campaign.horizonDays; day++) {
    const a = attacker[day];
    const morning = logistics.morning(day);
    const night = evaluator.evaluate(
      { raid: a.launched, forces: morning.map((m) => ({ stock: m.stock, crews: m.crews })) },
      deriveSeed(seed, day),
    );
    const pools: PoolRecord[] = morning.map((m, i) => {
      const spent = Math.min(m.stock, Math.max(0, Math.round(night.spent[i])));
      logistics.expend(i, spent);
      return {
        stockBefore: m.stock,
        stock: m.stock - spent,
        crews: m.crews,
        operators: m.operators,
        platforms: m.platforms,
        sustained: m.sustained,
        produced: m.produced,
        delivered: m.delivered,
        trained: m.trained,
        spent,
      };
    });
    const valueLost = damage.hit(night.damage);
    const damagedShare = damage.damagedShare();
    const { outageAssetDays, peopleDays } = damage.repairDay();
    let real = 0;
    a.launched.forEach((n, t) => (real += threatDecoy[t] ? 0 : n));
    let spentNow = 0;
    for (const v of logistics.spentByCategory.values()) spentNow += v;
    days.push({
      day,
      mass: a.mass,
      launched: a.launched,
      destroyed: night.destroyed,
      leaked: night.leaked,
      leakRate: real > 0 ? night.leaked / real : 0,
      attackerStock: a.stock,
      attackerProduced: a.produced,
      pools,
      valueLost,
      damagedShare,
      outageAssetDays,
      peopleDays,
      defenseSpend: spentNow - spentBefore,
      munitionsValueSpent: pools.reduce((s, p, i) => s + p.spent * poolStarts[i].unitCost, 0),
      attackerSpend: a.produced.reduce((s, n, t) => s + n * threatCost[t], 0),
      attackerLossDestroyed: night.destroyed.reduce((s, n, t) => s + n * threatCost[t], 0),
    });
    spentBefore = spentNow;
  }
  return {
    mode: evaluator.mode,
    seed,
    days,
    spendByCategory: Object.fromEntries(logistics.spentByCategory),
    budgetReceived: logistics.received,
    budgetUnspent: logistics.balance,
    ledger: campaign.defender.pools.map((p, i) => ({ pool: p.name, ...logistics.totals(i) })),
  };
}

export function campaignTotals(run: CampaignRun, threatDecoy: readonly boolean[]): CampaignTotals {
  const t: CampaignTotals = {
    valueLost: 0,
    outageAssetDays: 0,
    peopleDays: 0,
    leaked: 0,
    leakRate: 0,
    launched: 0,
    destroyed: 0,
    defenseSpend: 0,
    munitionsValueSpent: 0,
    attackerSpend: 0,
    attackerLossDestroyed: 0,
    costExchangeRatio: 0,
  };
  let real = 0;
  for (const d of run.days) {
    t.valueLost += d.valueLost;
    t.outageAssetDays += d.outageAssetDays;
    t.peopleDays += d.peopleDays;
    t.leaked += d.leaked;
    d.launched.forEach((n, i) => {
      t.launched += n;
      if (!threatDecoy[i]) real += n;
    });
    t.destroyed += d.destroyed.reduce((s, n) => s + n, 0);
    t.defenseSpend += d.defenseSpend;
    t.munitionsValueSpent += d.munitionsValueSpent;
    t.attackerSpend += d.attackerSpend;
    t.attackerLossDestroyed += d.attackerLossDestroyed;
  }
  t.leakRate = real > 0 ? t.leaked / real : 0;
  t.costExchangeRatio = t.munitionsValueSpent > 0 ? t.attackerLossDestroyed / t.munitionsValueSpent : NaN;
  return t;
}
