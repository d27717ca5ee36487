// Tonight's tactical scenario from the campaign's state, as a pure transformation of the parsed
// template: each threat type's raid is shared over the template's waves of that type in proportion
// to their counts (waves left empty are dropped), and each force pool's stock and crews become its
// units or sensors tonight (force-adapters.ts: drones and missiles shared out, jets flying, fire
// units manned, radars operating). Everything else — geography, timing, routes, C2 — is the template's.

import type { PoolKind } from '../../model/campaign.js';
import type { Scenario, Wave } from '../../model/scenario.js';
import { forceAdapter, shareOut } from './force-adapters.js';

export interface NightForce {
  /** What the pool's units are (the campaign file's pool kind). */
  kind: PoolKind;
  /** Unit names of the template fed by this pool. */
  units: readonly string[];
  stock: number;
  crews: number;
}

/** The base name of a threat type: waves that override a catalog type name it `type@wave`. */
export function baseThreatName(name: string): string {
  return name.split('@')[0];
}

export function nightScenario(
  template: Scenario,
  threatTypes: readonly string[],
  raid: readonly number[],
  forces: readonly NightForce[],
  seed: number,
): Scenario {
  const counts = new Array<number>(template.waves.length).fill(0);
  threatTypes.forEach((name, t) => {
    const waves: number[] = [];
    template.waves.forEach((w, i) => {
      if (baseThreatName(template.threatTypes[w.threatType].name) === name) waves.push(i);
    });
    const shares = shareOut(
      raid[t],
      waves.map((i) => template.waves[i].count),
    );
    waves.forEach((i, k) => (counts[i] = shares[k]));
  });
  const waves: Wave[] = [];
  template.waves.forEach((w, i) => {
    if (counts[i] > 0) waves.push({ ...w, count: counts[i] });
  });

  let scenario: Scenario = { ...template, seed, waves };
  for (const force of forces)
    scenario = forceAdapter(force.kind).apply(scenario, force.units, force.stock, force.crews);
  return scenario;
}
