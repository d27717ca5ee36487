// Scenarios stored inside runs (a stored run carries the validated scenario it was run from) were
// written by the code of their day. This brings one up to today's shape on reading: threat types
// stored before they had a kind take their catalog base's kind ("base@variant" names included), a
// decoy `decoy`, any other `unknown`.

import { THREAT_KINDS, type Scenario, type ThreatKind } from '../model/scenario.js';
import { catalogEntry } from './catalog.js';

export function upgradeStoredScenario(scenario: Scenario): Scenario {
  if (scenario.threatTypes.every((t) => t.kind !== undefined)) return scenario;
  return {
    ...scenario,
    threatTypes: scenario.threatTypes.map((t) => {
      if (t.kind !== undefined) return t;
      const base = catalogEntry('threats', t.name) ?? catalogEntry('threats', t.name.split('@')[0]);
      const known = THREAT_KINDS.find((k) => k === base?.kind);
      const kind: ThreatKind = t.decoy ? 'decoy' : known && known !== 'decoy' ? known : 'unknown';
      return { ...t, kind };
    }),
  };
}
