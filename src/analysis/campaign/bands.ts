// Uncertainty bands of a campaign: many runs (replicates with their own seeds) summarised day by
// day as the median and the 5th–95th percentile band of each series a planner follows.

import { quantile } from '../../core/quantile.js';
import type { CampaignContext } from './context.js';
import type { CampaignRun } from './simulate-campaign.js';
import type { BandPoint, SeriesInfo } from '../../model/campaign-trajectory.js';

/** The series of a campaign trajectory, with one extractor each over a run's cumulative state. */
export function campaignSeries(
  context: CampaignContext,
): (SeriesInfo & { value: (run: CampaignRun) => number[] })[] {
  const cumulative = (xs: number[]) => {
    let s = 0;
    return xs.map((x) => (s += x));
  };
  const series: (SeriesInfo & { value: (run: CampaignRun) => number[] })[] = [
    {
      name: 'damagedShare',
      title: 'damaged share of asset value',
      chart: 'damage',
      value: (r) => r.days.map((d) => d.damagedShare),
    },
    {
      name: 'outageAssetDays',
      title: 'assets out of service',
      chart: 'outage',
      value: (r) => r.days.map((d) => d.outageAssetDays),
    },
    {
      name: 'peopleWithoutService',
      title: 'people without service',
      chart: 'people',
      value: (r) => r.days.map((d) => d.peopleDays),
    },
    { name: 'leakRate', title: 'leak rate', chart: 'leak', value: (r) => r.days.map((d) => d.leakRate) },
    { name: 'leaked', title: 'leakers', chart: 'leakers', value: (r) => r.days.map((d) => d.leaked) },
  ];
  context.campaign.defender.pools.forEach((p, i) => {
    series.push(
      {
        name: `stock:${p.name}`,
        title: `${p.name} stock`,
        chart: 'stocks',
        value: (r) => r.days.map((d) => d.pools[i].stock),
      },
      {
        name: `crews:${p.name}`,
        title: `${p.name} crews`,
        chart: 'crews',
        value: (r) => r.days.map((d) => d.pools[i].crews),
      },
    );
  });
  context.threatTypes.forEach((t, i) => {
    series.push({
      name: `attackerStock:${t}`,
      title: `attacker ${t} stock`,
      chart: 'attacker',
      value: (r) => r.days.map((d) => d.attackerStock[i]),
    });
  });
  series.push(
    {
      name: 'defenseSpend',
      title: 'defender spend (cumulative)',
      chart: 'spend',
      value: (r) => cumulative(r.days.map((d) => d.defenseSpend)),
    },
    {
      name: 'attackerSpend',
      title: 'attacker production cost (cumulative)',
      chart: 'spend',
      value: (r) => cumulative(r.days.map((d) => d.attackerSpend)),
    },
    {
      name: 'costExchange',
      title: 'cost-exchange ratio (cumulative)',
      chart: 'exchange',
      value: (r) => {
        const loss = cumulative(r.days.map((d) => d.attackerLossDestroyed));
        const spent = cumulative(r.days.map((d) => d.munitionsValueSpent));
        return loss.map((l, k) => (spent[k] > 0 ? l / spent[k] : NaN));
      },
    },
  );
  return series;
}

export function campaignBands(context: CampaignContext, runs: readonly CampaignRun[]): BandPoint[] {
  const out: BandPoint[] = [];
  const days = runs[0]?.days.length ?? 0;
  for (const s of campaignSeries(context)) {
    const values = runs.map((r) => s.value(r));
    for (let day = 0; day < days; day++) {
      const v = values.map((xs) => xs[day]).filter(Number.isFinite);
      v.sort((a, b) => a - b);
      const mean = v.length > 0 ? v.reduce((a, b) => a + b, 0) / v.length : NaN;
      out.push({
        day,
        series: s.name,
        mean,
        p5: quantile(v, 0.05),
        median: quantile(v, 0.5),
        p95: quantile(v, 0.95),
      });
    }
  }
  return out;
}
