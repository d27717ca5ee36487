// Fighter jets (Mirage 2000-5 class). A jet on combat air patrol takes off at the start and flies
// to its CAP station; a jet on ground alert waits at its airbase and takes off a scramble time
// after C2's first order. Ground control vectors it onto tracks: it flies lead pursuit at dash
// speed and fires an air-to-air missile (a guided flight) once the track is within missile range;
// with its missiles gone it closes to cannon range for passes, harder at night. Fuel sets the
// sortie's length: the jet turns home when what is left just covers the way back (or when its
// weapons are spent), lands, and is refuelled and rearmed from the airbase's store during the
// turnaround; then it is ready again (and a CAP jet takes off again for its station).

import { interceptTime } from '../core/intercept.js';
import type { Clock } from '../engine/clock.js';
import type { Phase } from '../engine/phase.js';
import { roundS } from '../model/events.js';
import type { JetUnit } from '../model/scenario.js';
import { JetMode, type World } from '../model/world.js';
import { BurstResult, fireBurst } from './direct-fire.js';
import { launchFlight } from './guided-flight.js';
import { isNightAt } from './night.js';

export function initJets(world: World): void {
  const { units } = world;
  world.scenario.defenders.forEach((unit, u) => {
    if (unit.kind !== 'jet') return;
    rearm(world, unit, u);
    units.mode[u] = JetMode.Ready;
  });
}

function rearm(world: World, unit: JetUnit, u: number): void {
  const { units } = world;
  const total = units.left(u);
  units.loaded[u] = Math.min(unit.loadout, total);
  units.stock[u] = total - units.loaded[u];
  units.counter[u] = unit.cannonPasses;
}

function takeOff(world: World, unit: JetUnit, u: number, t: number, mission: 'cap' | 'scramble'): void {
  world.units.sortieStartS[u] = t;
  world.events.push({ t: roundS(t), kind: 'sortie', unit: unit.name, mission });
}

/** Moves (x, y, z) of unit u toward a point at a speed for one step; true when it gets there. */
function fly(world: World, u: number, x: number, y: number, z: number, speed: number, dt: number): boolean {
  const { units } = world;
  const dx = x - units.x[u];
  const dy = y - units.y[u];
  const dz = z - units.z[u];
  const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
  const step = speed * dt;
  if (d <= step) {
    units.x[u] = x;
    units.y[u] = y;
    units.z[u] = z;
    return true;
  }
  units.x[u] += (dx / d) * step;
  units.y[u] += (dy / d) * step;
  units.z[u] += (dz / d) * step;
  return false;
}

/** Phase 2: scrambles, take-offs, patrol, pursuit, the way home and the turnaround. */
export const jetFlight: Phase<World> = {
  name: 'jet-move',
  step(world: World, clock: Clock): void {
    const { units, scenario, tracks, events } = world;
    const t = clock.end;
    const dt = clock.dt;
    scenario.defenders.forEach((d, u) => {
      if (d.kind !== 'jet') return;
      const unit = d;
      if (units.mode[u] === JetMode.Turnaround) {
        if (t < units.modeUntilS[u]) return;
        // Ready again; a CAP jet takes off again at once.
        units.mode[u] = JetMode.Ready;
      }
      switch (units.mode[u]) {
        case JetMode.Ready:
          if (unit.alert === 'cap') {
            takeOff(world, unit, u, t, 'cap');
            units.mode[u] = units.targetTrack[u] >= 0 ? JetMode.Intercept : JetMode.Patrol;
          } else if (units.targetTrack[u] >= 0) {
            units.mode[u] = JetMode.Scrambling;
            units.modeUntilS[u] = t + unit.scrambleS;
          }
          return;
        case JetMode.Scrambling:
          if (t < units.modeUntilS[u]) return;
          takeOff(world, unit, u, t, 'scramble');
          units.mode[u] = units.targetTrack[u] >= 0 ? JetMode.Intercept : JetMode.Patrol;
          return;
      }
      // In the air: fuel for the way home, and weapons left.
      const homeS = Math.hypot(unit.base.e - units.x[u], unit.base.n - units.y[u]) / unit.cruiseSpeedMps;
      if (
        units.mode[u] !== JetMode.Returning &&
        (t - units.sortieStartS[u] + homeS + dt >= unit.sortieS ||
          (units.loaded[u] === 0 && units.counter[u] === 0))
      ) {
        units.mode[u] = JetMode.Returning;
        units.targetTrack[u] = -1;
      }
      if (units.mode[u] === JetMode.Intercept) {
        const row = tracks.rowOf(units.targetTrack[u]);
        if (row < 0) {
          units.targetTrack[u] = -1;
          units.mode[u] = JetMode.Patrol;
        } else {
          const age = t - dt - tracks.lastUpdateS[row];
          const sx = tracks.x[row] + tracks.vx[row] * age - units.x[u];
          const sy = tracks.y[row] + tracks.vy[row] * age - units.y[u];
          const sz = tracks.z[row] - units.z[u];
          const lead = interceptTime(sx, sy, sz, tracks.vx[row], tracks.vy[row], 0, unit.dashSpeedMps);
          const k = Number.isFinite(lead) ? lead : 0;
          fly(
            world,
            u,
            units.x[u] + sx + tracks.vx[row] * k,
            units.y[u] + sy + tracks.vy[row] * k,
            tracks.z[row],
            unit.dashSpeedMps,
            dt,
          );
          return;
        }
      }
      if (units.mode[u] === JetMode.Patrol) {
        fly(world, u, unit.station.e, unit.station.n, unit.station.u, unit.cruiseSpeedMps, dt);
        return;
      }
      if (fly(world, u, unit.base.e, unit.base.n, unit.base.u, unit.cruiseSpeedMps, dt)) {
        events.push({ t: roundS(t), kind: 'landed', unit: unit.name, missilesLeft: units.loaded[u] });
        rearm(world, unit, u);
        units.mode[u] = JetMode.Turnaround;
        units.modeUntilS[u] = t + unit.turnaroundS;
      }
    });
  },
};

/** Phase 6: C2's orders vector jets onto tracks (and start a scramble for a jet on the ground). */
export const jetOrders: Phase<World> = {
  name: 'jet-act',
  step(world: World): void {
    const { units, scenario } = world;
    for (const order of world.orders) {
      if (order.kind !== 'launch' || scenario.defenders[order.unit].kind !== 'jet') continue;
      const u = order.unit;
      const mode = units.mode[u];
      if (mode === JetMode.Returning || mode === JetMode.Turnaround) continue;
      units.targetTrack[u] = order.track;
      if (mode === JetMode.Patrol) units.mode[u] = JetMode.Intercept;
    }
  },
};

/** Phase 7: a jet on a track fires a missile within missile range, else a cannon pass within gun range. */
export const jetFire: Phase<World> = {
  name: 'jet-engage',
  step(world: World, clock: Clock): void {
    const { units, scenario, tracks } = world;
    const t = clock.end;
    let night: boolean | undefined;
    scenario.defenders.forEach((d, u) => {
      if (d.kind !== 'jet') return;
      const unit = d;
      if (units.mode[u] !== JetMode.Intercept || t < units.nextLaunchS[u]) return;
      const track = units.targetTrack[u];
      const row = tracks.rowOf(track);
      if (row < 0) return;
      const age = t - tracks.lastUpdateS[row];
      const dx = tracks.x[row] + tracks.vx[row] * age - units.x[u];
      const dy = tracks.y[row] + tracks.vy[row] * age - units.y[u];
      const dz = tracks.z[row] - units.z[u];
      const range = Math.sqrt(dx * dx + dy * dy + dz * dz);
      if (units.loaded[u] > 0) {
        if (range > unit.missileRangeM || units.airborne[u] >= unit.maxConcurrentFlights) return;
        if (!launchFlight(world, u, units.x[u], units.y[u], units.z[u], track, t)) return;
        units.loaded[u]--;
        units.nextLaunchS[u] = t + unit.launchIntervalS;
        // One missile per order; the jet goes back to its station unless vectored again.
        units.targetTrack[u] = -1;
        units.mode[u] = JetMode.Patrol;
        return;
      }
      if (units.counter[u] <= 0 || range > unit.cannonRangeM) return;
      night ??= isNightAt(scenario, t);
      const result = fireBurst(
        world,
        u,
        track,
        {
          x: units.x[u],
          y: units.y[u],
          z: units.z[u],
          slantRangeM: unit.cannonRangeM,
          ceilingM: unit.ceilingM,
          pk: unit.cannonPk,
          pkFactor: night ? unit.nightCannonFactor : 1,
        },
        clock,
      );
      if (result !== BurstResult.Fired) return;
      units.counter[u]--;
      units.nextLaunchS[u] = t + unit.launchIntervalS;
    });
  },
};
