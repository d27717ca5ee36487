// What siting optimises, read off each run's outcome. Each objective is a plain per-run measure of
// the outcome (never recomputed from C2 settings), so the baseline and the sited layout are judged
// by the same numbers the simulation reports.

import type { Outcome } from '../../model/outcome.js';

export const OBJECTIVES = ['value-lost', 'leak-rate', 'cost-exchange'] as const;
export type ObjectiveName = (typeof OBJECTIVES)[number];

export interface Objective {
  name: ObjectiveName;
  /** What the number is, for tables and charts. */
  label: string;
  /** Lower is better ('min') or higher is better ('max'). */
  sense: 'min' | 'max';
  /** The run's value; NaN when it is undefined for that run (left out of the mean). */
  measure(outcome: Outcome): number;
}

export const OBJECTIVE_SPECS: Record<ObjectiveName, Objective> = {
  'value-lost': {
    name: 'value-lost',
    label: 'asset value lost',
    sense: 'min',
    measure: (o) => o.assetValueLost,
  },
  'leak-rate': {
    name: 'leak-rate',
    label: 'leak rate (leakers per threat launched)',
    sense: 'min',
    measure: (o) => (o.threatsLaunched > 0 ? o.leaked / o.threatsLaunched : NaN),
  },
  'cost-exchange': {
    name: 'cost-exchange',
    label: 'cost-exchange ratio (attacker loss per defense spend)',
    sense: 'max',
    measure: (o) => (Number.isFinite(o.costExchangeRatio) ? o.costExchangeRatio : NaN),
  },
};

/** Mean of the finite values (NaN when there is none). */
export function finiteMean(values: readonly number[]): number {
  let sum = 0;
  let n = 0;
  for (const v of values)
    if (Number.isFinite(v)) {
      sum += v;
      n++;
    }
  return n > 0 ? sum / n : NaN;
}
