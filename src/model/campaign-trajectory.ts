// A campaign's outcome as the console and `bulwark campaign --json` see it: the trajectory over many
// runs with its bands, the monthly rows and the totals, how the nights were evaluated and what was
// assumed. Produced by analysis/campaign/ and io/campaign-job.ts, read by cli/ and web/.

import type { EvaluationMode } from './campaign.js';

/** Mean, median and 90% band of a figure over the runs. */
export interface Quantiles {
  mean: number;
  p5: number;
  median: number;
  p95: number;
}

/** One series on one day: mean, median and the 5th–95th percentile band over the runs. */
export interface BandPoint {
  day: number;
  series: string;
  mean: number;
  p5: number;
  median: number;
  p95: number;
}

/** A series of the trajectory and the chart it is drawn in. */
export interface SeriesInfo {
  name: string;
  title: string;
  /** The group a chart draws together. */
  chart: string;
}

/** How far the surrogate's predictions of one night figure are from simulated nights. */
export interface TargetError {
  name: string;
  n: number;
  /** Mean of the simulated values, for scale. */
  meanActual: number;
  rmse: number;
  mae: number;
  /** Mean of prediction − simulation. */
  bias: number;
  /** Share of the variance across points that the surrogate explains (1 − SSE/SST). */
  r2: number;
}

/** What came into and went out of a pool over the campaign so far. */
export interface PoolTotals {
  initial: number;
  produced: number;
  delivered: number;
  spent: number;
  stock: number;
  platformsInitial: number;
  platformsBought: number;
  platformsDelivered: number;
  platforms: number;
  operatorsInitial: number;
  trained: number;
  operatorsDelivered: number;
  operators: number;
}

/**
 * Conservation ledger of a pool: stock = initial + produced + delivered − spent (munitions),
 * platforms = platformsInitial + platformsBought + platformsDelivered, and
 * operators = operatorsInitial + trained + operatorsDelivered.
 */
export interface LedgerRow extends PoolTotals {
  pool: string;
}

/** Headline figures of one campaign run, the quantities plans minimise or bound. */
export interface CampaignTotals {
  valueLost: number;
  outageAssetDays: number;
  peopleDays: number;
  leaked: number;
  /** Leakers per non-decoy threat launched over the whole campaign. */
  leakRate: number;
  launched: number;
  destroyed: number;
  defenseSpend: number;
  munitionsValueSpent: number;
  attackerSpend: number;
  attackerLossDestroyed: number;
  /** Attacker cost shot down per value of munitions used up. */
  costExchangeRatio: number;
}

/** A month of the campaign over the runs. */
export interface MonthRow {
  month: number;
  launched: number;
  leaked: Quantiles;
  leakRate: Quantiles;
  outageAssetDays: Quantiles;
  /** State at the month's last day. */
  damagedShare: Quantiles;
  stock: Quantiles[];
  crews: Quantiles[];
  defenseSpend: Quantiles;
  attackerSpend: number;
  costExchange: Quantiles;
}

/** What the console draws: everything `bulwark campaign --json` prints, with the series it charts. */
export interface CampaignTrajectory {
  campaign: {
    id: string;
    name: string;
    description: string;
    horizonDays: number;
    tacticalFile: string;
    pools: string[];
    threatTypes: string[];
  };
  evaluation: {
    mode: EvaluationMode;
    runs: number;
    seed: number;
    surrogate: {
      points: number;
      heldOut: { points: number; errors: TargetError[] } | null;
      /** Read back from the cache rather than fitted for this run. */
      cached: boolean;
    } | null;
  };
  /** The attacker funding lever: an assumption, not a fact. */
  assumptions: {
    funding: {
      elasticity: number;
      note: string;
      revenuePressure: { day: number; value: number }[];
      /** Production at the end as a share of plan: (1 − final pressure)^elasticity. */
      finalProductionShare: number;
    } | null;
  };
  /** The series of the bands, with the chart each belongs to. */
  series: SeriesInfo[];
  bands: BandPoint[];
  months: MonthRow[];
  totals: Record<keyof CampaignTotals, Quantiles>;
  /** Of the first run: stock in = produced + delivered − spent, and spend by budget category. */
  ledger: LedgerRow[];
  spendByCategory: Record<string, number>;
}

/** A value as it arrives over JSON: numbers it could not give (NaN, ±∞) become null. */
export type OverJson<T> = T extends number
  ? number | null
  : T extends readonly (infer U)[]
    ? OverJson<U>[]
    : T extends object
      ? { [K in keyof T]: OverJson<T[K]> }
      : T;
