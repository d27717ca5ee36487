// A simulated night counted the way the public reports count it: drones (decoys included) and cruise
// missiles apart, shot down, "lost locally" (EW or lost without effect), hit.

import { TALLIES, type TallyName } from '../../model/calibration.js';
import type { Outcome } from '../../model/outcome.js';
import { threatClassOf } from '../../scenario/index.js';

export type Tallies = Record<TallyName, number>;

export function talliesOf(outcome: Outcome): Tallies {
  const t = Object.fromEntries(TALLIES.map((name) => [name, 0])) as Tallies;
  for (const [type, o] of Object.entries(outcome.byThreatType)) {
    if (threatClassOf(type) === 'missiles') {
      t.missilesShotDown += o.destroyed;
      t.missilesHit += o.leaked;
    } else {
      t.dronesShotDown += o.destroyed;
      // Reports' "lost locally" / "lost or jammed": jammed or spoofed, and decoys and drones that
      // came down without effect (the model's expired: flew out, ran dry, still airborne at dawn).
      t.dronesLostLocally += o.lostToEw + o.expired;
      t.dronesHit += o.leaked;
    }
  }
  t.dronesDownedOrSuppressed = t.dronesShotDown + t.dronesLostLocally;
  t.interceptorDroneKills = outcome.byEffectorKind['interceptor-drone']?.kills ?? 0;
  return t;
}

/** What each tally counts, in the words of the tables. */
export const TALLY_LABELS: Record<TallyName, string> = {
  dronesShotDown: 'drones shot down',
  dronesLostLocally: 'drones lost locally (EW, no effect)',
  dronesDownedOrSuppressed: 'drones downed or suppressed',
  dronesHit: 'drones that hit',
  interceptorDroneKills: 'drones downed by interceptor drones',
  missilesShotDown: 'missiles shot down',
  missilesHit: 'missiles that hit',
};
