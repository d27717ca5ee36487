// What the price of shots changed in one run: the same scenario and seed run again with the
// value-first objective (c2.valuePerMoney 0, cost only breaking ties), side by side. `bulwark run`
// prints it whenever a scenario prices its shots, so a planner sees what the price bought.

import type { Outcome } from '../model/outcome.js';
import type { Scenario } from '../model/scenario.js';
import { runAndMeasure } from '../run/index.js';

/** The measures the comparison shows, for the priced run and the value-first run. */
export interface CostTermSide {
  assetValueLost: number;
  leaked: number;
  defenseSpend: number;
  /** Weapons spent by effector kind: interceptors, missiles, rounds. */
  spentByKind: Record<string, number>;
}

export interface CostTermEffect {
  valuePerMoney: number;
  priced: CostTermSide;
  valueFirst: CostTermSide;
}

function side(o: Outcome): CostTermSide {
  const spentByKind: Record<string, number> = {};
  for (const [kind, k] of Object.entries(o.byEffectorKind)) spentByKind[kind] = k.spent;
  return { assetValueLost: o.assetValueLost, leaked: o.leaked, defenseSpend: o.defenseSpend, spentByKind };
}

/**
 * The comparison for a run already measured, or null when there is nothing to compare: the
 * policy ignores prices (nearest) or the scenario sets none (value first already).
 */
export function costTermEffect(scenario: Scenario, seed: number, priced: Outcome): CostTermEffect | null {
  if (scenario.c2.policy === 'nearest' || scenario.c2.valuePerMoney === 0) return null;
  const valueFirst = runAndMeasure({ ...scenario, c2: { ...scenario.c2, valuePerMoney: 0 } }, seed).outcome;
  return { valuePerMoney: scenario.c2.valuePerMoney, priced: side(priced), valueFirst: side(valueFirst) };
}
