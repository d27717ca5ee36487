// Anti-aircraft guns (Gepard class): a fixed firing position, bursts at the track C2 gave it when
// a threat there is within slant range and below the ceiling, until the rounds run out.

import type { Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import type { World } from '../model/world.js';
import { fireGunBurst, takeTargetOrders } from './direct-fire.js';

/** Phase 6: C2's orders set each gun's target. */
export const gunOrders: Phase<World> = {
  name: 'gun-act',
  step(world: World): void {
    takeTargetOrders(world, 'gun');
  },
};

/** Phase 7: each gun with a target, rounds and a ready mount fires a burst if it can reach. */
export const gunFire: Phase<World> = {
  name: 'gun-engage',
  step(world: World, clock: Clock): void {
    const { units, scenario } = world;
    const t = clock.end;
    scenario.defenders.forEach((unit, u) => {
      if (unit.kind !== 'gun') return;
      const track = units.targetTrack[u];
      if (track < 0 || units.stock[u] <= 0 || t < units.nextLaunchS[u]) return;
      fireGunBurst(world, u, unit.rangeM, clock);
    });
  },
};
