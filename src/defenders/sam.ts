// Surface-to-air missile batteries (IRIS-T SLM, Patriot classes). C2's order puts a track on the
// battery's fire-control; after the reaction time the battery fires one missile at it as soon as
// the predicted intercept point is inside the envelope (horizontal range and altitude). Missiles
// ready on the launchers are spent first; when none is left the battery reloads from its stock,
// which takes the reload time. Missiles fly as guided flights (guided-flight.ts).

import { interceptTime } from '../core/intercept.js';
import type { Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import { roundS } from '../model/events.js';
import type { SamUnit } from '../model/scenario.js';
import type { World } from '../model/world.js';
import { launchFlight } from './guided-flight.js';

export const SamMode = { Ready: 0, Reloading: 1 } as const;

/** Loads the launchers at the start of the run. */
export function initSams(world: World): void {
  const { units } = world;
  world.scenario.defenders.forEach((unit, u) => {
    if (unit.kind !== 'sam') return;
    const load = Math.min(unit.readyMissiles, units.stock[u]);
    units.loaded[u] = load;
    units.stock[u] -= load;
  });
}

/** Where the missile would meet the track, relative to the battery; null if it cannot. */
export function samInterceptPoint(
  world: World,
  unit: SamUnit,
  track: number,
  t: number,
  out: [number, number, number],
): boolean {
  const { tracks } = world;
  const row = tracks.rowOf(track);
  if (row < 0) return false;
  const age = t - tracks.lastUpdateS[row];
  const sx = tracks.x[row] + tracks.vx[row] * age - unit.base.e;
  const sy = tracks.y[row] + tracks.vy[row] * age - unit.base.n;
  const dz = tracks.z[row] - unit.base.u;
  const fly = interceptTime(sx, sy, dz, tracks.vx[row], tracks.vy[row], 0, unit.speedMps);
  if (!(fly <= unit.enduranceS)) return false;
  out[0] = sx + tracks.vx[row] * fly;
  out[1] = sy + tracks.vy[row] * fly;
  out[2] = tracks.z[row];
  return true;
}

const point: [number, number, number] = [0, 0, 0];

/** Phase 6: take C2's orders, reload, and fire at tracks whose intercept is inside the envelope. */
export const samFire: Phase<World> = {
  name: 'sam-act',
  step(world: World, clock: Clock): void {
    const { units, scenario, events } = world;
    const t = clock.end;
    for (const order of world.orders) {
      if (order.kind !== 'launch' || scenario.defenders[order.unit].kind !== 'sam') continue;
      const u = order.unit;
      if (units.targetTrack[u] !== order.track) {
        units.targetTrack[u] = order.track;
        const unit = scenario.defenders[u] as SamUnit;
        units.nextLaunchS[u] = Math.max(units.nextLaunchS[u], t + unit.reactionS);
      }
    }
    scenario.defenders.forEach((d, u) => {
      if (d.kind !== 'sam') return;
      const unit = d;
      if (units.mode[u] === SamMode.Reloading) {
        if (t < units.modeUntilS[u]) return;
        const load = Math.min(unit.readyMissiles, units.stock[u]);
        units.loaded[u] = load;
        units.stock[u] -= load;
        units.mode[u] = SamMode.Ready;
        events.push({ t: roundS(t), kind: 'reloaded', unit: unit.name, missiles: load });
      }
      if (units.loaded[u] === 0) {
        if (units.stock[u] > 0) {
          units.mode[u] = SamMode.Reloading;
          units.modeUntilS[u] = t + unit.reloadS;
        }
        return;
      }
      const track = units.targetTrack[u];
      if (track < 0 || t < units.nextLaunchS[u] || units.airborne[u] >= unit.maxConcurrentFlights) return;
      if (world.tracks.rowOf(track) < 0) {
        units.targetTrack[u] = -1;
        return;
      }
      if (!samInterceptPoint(world, unit, track, t, point)) return;
      const range = Math.hypot(point[0], point[1]);
      if (range < unit.minRangeM || range > unit.maxRangeM) return;
      if (point[2] < unit.minAltitudeM || point[2] > unit.ceilingM) return;
      if (!launchFlight(world, u, unit.base.e, unit.base.n, unit.base.u, track, t)) return;
      units.loaded[u]--;
      units.nextLaunchS[u] = t + unit.launchIntervalS;
      // One missile per order: the doctrine's salvo is C2's to give.
      units.targetTrack[u] = -1;
    });
  },
};
