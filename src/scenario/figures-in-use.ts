// Which catalog figures a scenario relies on that no source confirms, for reports to flag — only
// the figures the model reads for each unit's kind, named for what they mean to that kind.

import type { DefenderKind, Scenario } from '../model/scenario.js';
import { catalogEntry, unverifiedFigures } from './catalog.js';

/** Direct-fire weapons (guns, fire groups) launch no guided flight: no engagement radius is read. */
const UNREAD: Partial<Record<DefenderKind, readonly string[]>> = {
  gun: ['engagement-radius'],
  'fire-group': ['engagement-radius'],
};

/** What a weapon figure means for a direct-fire kind: the round's, not a flying interceptor's. */
const ROUND_FIGURES: Record<string, string> = {
  speed: 'speed of its rounds',
  endurance: "its rounds' time of flight",
  'acquisition-range': 'aim gate around the track',
};

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
    ...defenderTypes.flatMap(defenderFigures),
    ...unverifiedFigures('assets', assetKinds),
  ];
}

function defenderFigures(type: string): string[] {
  const kind = catalogEntry('defenders', type)?.kind as DefenderKind | undefined;
  const unread = (kind && UNREAD[kind]) ?? [];
  const directFire = kind === 'gun' || kind === 'fire-group';
  return unverifiedFigures('defenders', [type])
    .filter((name) => !unread.includes(name.slice(type.length + 1)))
    .map((name) => {
      const gloss = directFire ? ROUND_FIGURES[name.slice(type.length + 1)] : undefined;
      return gloss ? `${name} (${gloss})` : name;
    });
}
