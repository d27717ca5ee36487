// What every part of a campaign evaluation shares: the tactical template, the attacker's threat
// types in campaign order, the force pools with their starting points (the tactical file's figures
// where the campaign leaves them out), and the assets whose damage accumulates.

import type { Campaign } from '../../model/campaign.js';
import type { Scenario } from '../../model/scenario.js';
import { forceAdapter } from './force-adapters.js';
import { readyCrews, type PoolStart } from './logistics.js';
import { baseThreatName } from './night-scenario.js';

export interface CampaignContext {
  campaign: Campaign;
  template: Scenario;
  /** Threat type names, indexed like campaign.attacker.production. */
  threatTypes: string[];
  /** Cost of one threat of each type, and whether it is a decoy. */
  threatCost: number[];
  threatDecoy: boolean[];
  poolStarts: PoolStart[];
  /** Tactical crews of each pool at day 0. */
  poolCrews: number[];
}

export function campaignContext(campaign: Campaign, template: Scenario): CampaignContext {
  const threatTypes = campaign.attacker.production.map((p) => p.threatType);
  const typeOf = (name: string) => template.threatTypes.find((t) => baseThreatName(t.name) === name)!;
  const poolStarts: PoolStart[] = [];
  const poolCrews: number[] = [];
  for (const pool of campaign.defender.pools) {
    const initial = forceAdapter(pool.kind).initial(template, pool.units);
    const first = template.defenders.find((d) => d.name === pool.units[0]);
    const crews = pool.crews;
    const platforms = crews.platforms ?? initial.crews;
    const operators = crews.operators ?? platforms * crews.operatorsPerCrew;
    poolStarts.push({
      stock: pool.stock ?? initial.stock,
      operators,
      platforms,
      unitCost: pool.unitCost ?? first?.unitCost ?? 0,
    });
    poolCrews.push(readyCrews(operators, platforms, crews.operatorsPerCrew, pool.sustainment.readiness));
  }
  return {
    campaign,
    template,
    threatTypes,
    threatCost: threatTypes.map((n) => typeOf(n).unitCost),
    threatDecoy: threatTypes.map((n) => typeOf(n).decoy),
    poolStarts,
    poolCrews,
  };
}
