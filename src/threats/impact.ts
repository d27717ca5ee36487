// Phase 7b: threats that reached their aim point and survived the engagements explode; a hit
// takes warheadKg / destroyKg of the asset's value, up to all of it. Decoys simply end, and
// threats sent astray by electronic warfare crash where they arrive.

import type { Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import { roundM, roundS } from '../model/events.js';
import { ThreatStatus, type World } from '../model/world.js';

export const impactResolution: Phase<World> = {
  name: 'impacts',
  step(world: World, clock: Clock): void {
    const { threats, scenario, assets, events } = world;
    const t = roundS(clock.end);
    for (let i = threats.firstUnresolved; i < threats.launchedCount; i++) {
      if (threats.status[i] !== ThreatStatus.Arrived) continue;
      const type = scenario.threatTypes[threats.type[i]];
      world.resolvedThreats++;
      if (threats.astray[i] !== 0) {
        // Sent astray by electronic warfare: it comes down away from its target.
        threats.status[i] = ThreatStatus.LostToEw;
        events.push({
          t,
          kind: 'lost-ew',
          threat: i,
          type: type.name,
          zone: scenario.ewZones[threats.astray[i] - 1].name,
          mode: 'astray',
          e: roundM(threats.x[i]),
          n: roundM(threats.y[i]),
        });
        continue;
      }
      if (type.decoy || type.warheadKg <= 0) {
        threats.status[i] = ThreatStatus.Expired;
        events.push({ t, kind: 'expired', threat: i, type: type.name, reason: 'decoy-spent' });
        continue;
      }
      threats.status[i] = ThreatStatus.Impacted;
      const a = threats.aimAsset[i];
      const asset = scenario.assets[a];
      const before = assets.damageFraction[a];
      const after = Math.min(1, before + type.warheadKg / asset.destroyKg);
      assets.damageFraction[a] = after;
      assets.hits[a]++;
      const valueLost = asset.value * (after - before);
      events.push({
        t,
        kind: 'impact',
        threat: i,
        type: type.name,
        asset: asset.name,
        damage: Math.round((after - before) * 1e9) / 1e9,
        valueLost: Math.round(valueLost * 1e6) / 1e6,
      });
    }
  },
};
