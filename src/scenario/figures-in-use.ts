// Which catalog figures a scenario relies on that no source confirms, for reports to flag.

import type { Scenario } from '../model/scenario.js';
import { unverifiedFigures } from './catalog.js';

export function unverifiedFiguresInUse(scenario: Scenario): string[] {
  const threatTypes = [...new Set(scenario.threatTypes.map((t) => t.name.split('@')[0]))];
  const defenderTypes = [
    ...new Set(
      scenario.defenders.flatMap((d) => (d.kind === 'jet' ? [d.catalogType, d.missile] : [d.catalogType])),
    ),
  ];
  const assetKinds = [...new Set(scenario.assets.map((a) => a.kind))];
  return [
    ...unverifiedFigures('threats', threatTypes),
    ...unverifiedFigures('defenders', defenderTypes),
    ...unverifiedFigures('assets', assetKinds),
  ];
}
