// Tonight's tactical scenario from the campaign's state, as a pure transformation of the parsed
// template: each threat type's raid is shared over the template's waves of that type in proportion
// to their counts (waves left empty are dropped), and each force pool's stock and crews over its
// units. Everything else — geography, timing, routes, C2 — is the template's.

import type { Scenario, Wave } from '../../model/scenario.js';
import { forceAdapter, shareOut } from './force-adapters.js';

export interface NightForce {
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

  const defenders = [...template.defenders];
  for (const force of forces) {
    const indices = force.units.map((name) => template.defenders.findIndex((d) => d.name === name));
    const units = indices.map((i) => template.defenders[i]);
    const applied = forceAdapter(units[0].type).apply(units, force.stock, force.crews);
    indices.forEach((i, k) => (defenders[i] = applied[k]));
  }
  return { ...template, seed, waves, defenders };
}
