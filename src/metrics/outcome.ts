// Observes a run's event log and sums it up the way a planner reads a night: what was launched,
// shot down, leaked and lost, and what both sides paid.

import type { RunLog } from '../model/events.js';
import type { Outcome } from '../model/outcome.js';
import type { Scenario } from '../model/scenario.js';
import { effectorOutcome, shotCost } from './effectors.js';
import { quantile } from '../core/quantile.js';
import { peopleOutOfService } from './people-out.js';

export function computeOutcome(scenario: Scenario, log: RunLog): Outcome {
  const typeCost = new Map(scenario.threatTypes.map((t) => [t.name, t.unitCost]));
  const units = new Map(scenario.defenders.map((d) => [d.name, d]));
  const byThreatType: Outcome['byThreatType'] = {};
  for (const type of scenario.threatTypes)
    byThreatType[type.name] = { launched: 0, destroyed: 0, leaked: 0, expired: 0, lostToEw: 0 };
  const destroyedByUnit: Record<string, number> = {};
  for (const unit of scenario.defenders) destroyedByUnit[unit.name] = 0;
  const assetHits = new Map<string, { hits: number; damage: number; valueLost: number }>();
  const killDistances: number[] = [];

  let launched = 0;
  let destroyed = 0;
  let leaked = 0;
  let expired = 0;
  let lostToEw = 0;
  let interceptorsLaunched = 0;
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
        defenseSpend += shotCost(units.get(event.unit), event);
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
        const hit = assetHits.get(event.asset) ?? { hits: 0, damage: 0, valueLost: 0 };
        hit.hits++;
        hit.damage += event.damage;
        hit.valueLost += event.valueLost;
        assetHits.set(event.asset, hit);
        break;
      }
      case 'expired':
        expired++;
        byThreatType[event.type].expired++;
        break;
      case 'lost-ew':
        lostToEw++;
        byThreatType[event.type].lostToEw++;
        break;
      case 'interceptor-lost':
        defenseSpend += shotCost(units.get(event.unit), event);
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
  const days = 86_400;
  const outageDaysByKind: Record<string, number> = {};
  let outageAssetDays = 0;
  const assetsHit = scenario.assets
    .filter((a) => assetHits.has(a.name))
    .map((a) => {
      const hit = assetHits.get(a.name)!;
      const damageFraction = Math.min(1, hit.damage);
      const outageDays = (damageFraction * a.restorationS) / days;
      const people = a.people * damageFraction;
      outageAssetDays += outageDays;
      outageDaysByKind[a.kind] = (outageDaysByKind[a.kind] ?? 0) + outageDays;
      return {
        name: a.name,
        kind: a.kind,
        hits: hit.hits,
        damageFraction,
        valueLost: hit.valueLost,
        outageDays,
        peopleAffected: people,
      };
    });
  const residents = peopleOutOfService(
    assetsHit.map((a) => ({ people: a.peopleAffected, duration: a.outageDays })),
  );
  killDistances.sort((a, b) => a - b);
  // Spent weapons are counted once, by effector kind (metrics/effectors.ts, spentIn).
  const effectors = effectorOutcome(scenario, log);
  const interceptorsSpent = effectors.byEffectorKind['interceptor-drone']?.spent ?? 0;
  return {
    threatsLaunched: launched,
    destroyed,
    destroyedByUnit,
    leaked,
    expired,
    lostToEw,
    byThreatType,
    assetValueTotal,
    assetValueLost: valueLost,
    assetValueProtected: assetValueTotal - valueLost,
    assetsHit,
    outageAssetDays,
    outageDaysByKind,
    peopleAffected: residents.people,
    peopleDaysWithoutService: residents.peopleTime,
    interceptorsLaunched,
    interceptorsSpent,
    interceptorsRecovered,
    interceptAttempts: attempts,
    ...effectors,
    defenseSpend,
    attackerSpend,
    attackerLossDestroyed,
    costExchangeRatio:
      defenseSpend > 0 ? attackerLossDestroyed / defenseSpend : attackerLossDestroyed > 0 ? Infinity : 0,
    interceptDistanceMedianM: quantile(killDistances, 0.5),
    interceptDistanceP10M: quantile(killDistances, 0.1),
    endS: log.endS,
    ...(log.trackPicture ? { trackPicture: log.trackPicture } : {}),
  };
}
