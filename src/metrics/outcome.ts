// Observes a run's event log and sums it up the way a planner reads a night: what was launched,
// shot down, leaked and lost, and what both sides paid.

import type { RunLog } from '../model/events.js';
import type { Outcome } from '../model/outcome.js';
import type { Scenario } from '../model/scenario.js';

export function computeOutcome(scenario: Scenario, log: RunLog): Outcome {
  const typeCost = new Map(scenario.threatTypes.map((t) => [t.name, t.unitCost]));
  const unitCost = new Map(scenario.defenders.map((d) => [d.name, d.unitCost]));
  const byThreatType: Outcome['byThreatType'] = {};
  for (const type of scenario.threatTypes)
    byThreatType[type.name] = { launched: 0, destroyed: 0, leaked: 0, expired: 0 };
  const destroyedByUnit: Record<string, number> = {};
  for (const unit of scenario.defenders) destroyedByUnit[unit.name] = 0;
  const assetHits = new Map<string, { hits: number; valueLost: number }>();
  const killDistances: number[] = [];

  let launched = 0;
  let destroyed = 0;
  let leaked = 0;
  let expired = 0;
  let interceptorsLaunched = 0;
  let interceptorsSpent = 0;
  let interceptorsRecovered = 0;
  let attempts = 0;
  let defenseSpend = 0;
  let attackerSpend = 0;
  let attackerLossDestroyed = 0;
  let valueLost = 0;

  for (const event of log.events) {
    switch (event.kind) {
      case 'threat-launch':
        launched++;
        byThreatType[event.type].launched++;
        attackerSpend += typeCost.get(event.type) ?? 0;
        break;
      case 'interceptor-launch':
        interceptorsLaunched++;
        break;
      case 'intercept-attempt':
        attempts++;
        interceptorsSpent++;
        defenseSpend += unitCost.get(event.unit) ?? 0;
        break;
      case 'kill':
        destroyed++;
        byThreatType[event.type].destroyed++;
        destroyedByUnit[event.unit]++;
        attackerLossDestroyed += typeCost.get(event.type) ?? 0;
        killDistances.push(event.nearestAssetM);
        break;
      case 'impact': {
        leaked++;
        byThreatType[event.type].leaked++;
        valueLost += event.valueLost;
        const hit = assetHits.get(event.asset) ?? { hits: 0, valueLost: 0 };
        hit.hits++;
        hit.valueLost += event.valueLost;
        assetHits.set(event.asset, hit);
        break;
      }
      case 'expired':
        expired++;
        byThreatType[event.type].expired++;
        break;
      case 'interceptor-lost':
        interceptorsSpent++;
        defenseSpend += unitCost.get(event.unit) ?? 0;
        break;
      case 'interceptor-recovered':
        interceptorsRecovered++;
        break;
      case 'miss':
      case 'assignment':
        break;
    }
  }

  const assetValueTotal = scenario.assets.reduce((sum, a) => sum + a.value, 0);
  const assetsHit = scenario.assets
    .filter((a) => assetHits.has(a.name))
    .map((a) => {
      const hit = assetHits.get(a.name)!;
      return {
        name: a.name,
        hits: hit.hits,
        damageFraction: a.value > 0 ? hit.valueLost / a.value : 0,
        valueLost: hit.valueLost,
      };
    });
  killDistances.sort((a, b) => a - b);
  return {
    threatsLaunched: launched,
    destroyed,
    destroyedByUnit,
    leaked,
    expired,
    byThreatType,
    assetValueTotal,
    assetValueLost: valueLost,
    assetValueProtected: assetValueTotal - valueLost,
    assetsHit,
    interceptorsLaunched,
    interceptorsSpent,
    interceptorsRecovered,
    interceptAttempts: attempts,
    defenseSpend,
    attackerSpend,
    attackerLossDestroyed,
    costExchangeRatio:
      defenseSpend > 0 ? attackerLossDestroyed / defenseSpend : attackerLossDestroyed > 0 ? Infinity : 0,
    interceptDistanceMedianM: quantile(killDistances, 0.5),
    interceptDistanceP10M: quantile(killDistances, 0.1),
    endS: log.endS,
  };
}

/** Linear-interpolated quantile of sorted values (type 7, as R and NumPy default); NaN if empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
