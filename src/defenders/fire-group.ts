// Mobile fire groups: a pickup with heavy machine guns or a ZU-23-2, searchlight and thermal
// sights. The group drives a loop of patrol points at its relocation speed, stays at each for its
// dwell time (longer while it has a target), and fires only when stopped and set up. Its reach is
// its slant range and altitude ceiling (threats above are out of reach); at night only as far as
// its searchlight and sights show the target.

import type { Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import { FireGroupMode, type World } from '../model/world.js';
import { fireGunBurst, takeTargetOrders } from './direct-fire.js';
import { isNightAt } from './night.js';

export function initFireGroups(world: World): void {
  const { units } = world;
  world.scenario.defenders.forEach((unit, u) => {
    if (unit.kind !== 'fire-group') return;
    units.mode[u] = FireGroupMode.Stopped;
    units.modeUntilS[u] = 0;
    units.counter[u] = 0;
  });
}

/** Phase 2: groups whose dwell is over (and that hold no target) drive on to the next point. */
export const fireGroupPatrol: Phase<World> = {
  name: 'fire-group-move',
  step(world: World, clock: Clock): void {
    const { units, scenario } = world;
    const t = clock.end;
    scenario.defenders.forEach((unit, u) => {
      if (unit.kind !== 'fire-group' || unit.patrol.length < 2) return;
      if (units.mode[u] === FireGroupMode.Stopped) {
        if (t < units.modeUntilS[u] + unit.dwellS - unit.setupS || units.targetTrack[u] >= 0) return;
        units.counter[u] = (units.counter[u] + 1) % unit.patrol.length;
        units.mode[u] = FireGroupMode.Driving;
      }
      const to = unit.patrol[units.counter[u]];
      const dx = to.e - units.x[u];
      const dy = to.n - units.y[u];
      const d = Math.hypot(dx, dy);
      const step = unit.relocationSpeedMps * clock.dt;
      if (d <= step) {
        units.x[u] = to.e;
        units.y[u] = to.n;
        units.z[u] = to.u;
        units.mode[u] = FireGroupMode.Stopped;
        units.modeUntilS[u] = t + unit.setupS;
      } else {
        units.x[u] += (dx / d) * step;
        units.y[u] += (dy / d) * step;
      }
    });
  },
};

/** Phase 6: C2's orders set each group's target. */
export const fireGroupOrders: Phase<World> = {
  name: 'fire-group-act',
  step(world: World): void {
    takeTargetOrders(world, 'fire-group');
  },
};

/** Phase 7: a stopped, set-up group with a target and rounds fires a burst if it can reach. */
export const fireGroupFire: Phase<World> = {
  name: 'fire-group-engage',
  step(world: World, clock: Clock): void {
    const { units, scenario } = world;
    const t = clock.end;
    let night: boolean | undefined;
    scenario.defenders.forEach((unit, u) => {
      if (unit.kind !== 'fire-group') return;
      const track = units.targetTrack[u];
      if (track < 0 || units.stock[u] <= 0 || t < units.nextLaunchS[u]) return;
      if (units.mode[u] !== FireGroupMode.Stopped || t < units.modeUntilS[u]) return;
      night ??= isNightAt(scenario, t);
      fireGunBurst(world, u, night ? Math.min(unit.rangeM, unit.nightRangeM) : unit.rangeM, clock);
    });
  },
};
