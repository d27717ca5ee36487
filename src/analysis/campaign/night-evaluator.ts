// One night of a campaign, evaluated: the raid and the force in, what was shot down, what struck,
// what was spent and the damage done to each asset out. Direct evaluation simulates the night's
// tactical scenario; the surrogate (surrogate.ts) draws from a model fitted to such simulations.

import type { EvaluationMode } from '../../model/campaign.js';
import type { RunLog } from '../../model/events.js';
import type { Outcome } from '../../model/outcome.js';
import { runAndMeasure } from '../../run/run-scenario.js';
import type { CampaignContext } from './context.js';
import { listedName } from './force-adapters.js';
import { baseThreatName, nightScenario } from './night-scenario.js';

export interface NightInput {
  /** Threats launched tonight, by campaign threat type. */
  raid: number[];
  /** Stock and crews of each force pool tonight. */
  forces: { stock: number; crews: number }[];
}

export interface NightResult {
  /** Shot down, by campaign threat type. */
  destroyed: number[];
  /** Non-decoy threats that struck an asset. */
  leaked: number;
  /** Munitions used up, by pool (launched and not recovered). */
  spent: number[];
  /** Damage fraction each asset took tonight (0 to 1), indexed like the template's assets. */
  damage: number[];
}

export interface NightEvaluator {
  readonly mode: EvaluationMode;
  evaluate(input: NightInput, seed: number): NightResult;
}

export class DirectEvaluator implements NightEvaluator {
  readonly mode = 'direct' as const;
  constructor(private readonly context: CampaignContext) {}

  evaluate(input: NightInput, seed: number): NightResult {
    const { template, threatTypes, campaign } = this.context;
    const pools = campaign.defender.pools;
    const scenario = nightScenario(
      template,
      threatTypes,
      input.raid,
      pools.map((p, i) => ({ kind: p.kind, units: p.units, ...input.forces[i] })),
      seed,
    );
    const { log, outcome } = runAndMeasure(scenario, seed);
    return measureNight(this.context, outcome, log);
  }
}

/** A tactical run's outcome in campaign terms. */
export function measureNight(context: CampaignContext, outcome: Outcome, log: RunLog): NightResult {
  const { template, threatTypes, campaign } = context;
  const destroyed = threatTypes.map(() => 0);
  for (const [name, counts] of Object.entries(outcome.byThreatType)) {
    const t = threatTypes.indexOf(baseThreatName(name));
    if (t >= 0) destroyed[t] += counts.destroyed;
  }
  // Interceptor drones and missiles (a SAM's, a jet's) alike fly as guided flights: launched and
  // not recovered is spent. Copies of a listed unit (a jet beyond those listed) count for it.
  const launchedByUnit = new Map<string, number>();
  for (const e of log.events) {
    if (e.kind !== 'interceptor-launch' && e.kind !== 'interceptor-recovered') continue;
    const unit = listedName(e.unit);
    launchedByUnit.set(unit, (launchedByUnit.get(unit) ?? 0) + (e.kind === 'interceptor-launch' ? 1 : -1));
  }
  const spent = campaign.defender.pools.map((p) =>
    p.units.reduce((s, u) => s + (launchedByUnit.get(u) ?? 0), 0),
  );
  const damage = template.assets.map((a) => {
    const hit = outcome.assetsHit.find((h) => h.name === a.name);
    return hit ? Math.min(1, hit.damageFraction) : 0;
  });
  return { destroyed, leaked: outcome.leaked, spent, damage };
}
