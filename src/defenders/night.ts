// Whether it is dark at a moment of the run, at the region's origin: searchlights and night
// sights limit fire groups, and jets' cannon passes are harder at night.

import { isDarkAfter } from '../core/sun.js';
import type { Scenario } from '../model/scenario.js';

export function isNightAt(scenario: Scenario, tS: number): boolean {
  return isDarkAfter(scenario.startIso, scenario.origin.latDeg, scenario.origin.lonDeg, tS);
}
