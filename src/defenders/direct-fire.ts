// Bursts of guns, mobile fire groups and jet cannon: aimed at the real threat the crew sees
// nearest the track's position (within the unit's acquisition gate), fired only when that threat
// is within slant range and below the ceiling. A burst spends rounds and is one Pk draw from the
// unit's own stream. The caller spends the rounds and sets when the unit may fire again.

import type { Clock } from '../engine/clock.js';
import { roundS } from '../model/events.js';
import type { DefenderKind } from '../model/scenario.js';
import { ThreatStatus, type World } from '../model/world.js';
import { resolveEngagement } from './engagement.js';

export const BurstResult = {
  /** A burst was fired (kill or miss). */
  Fired: 0,
  /** The track is no longer in the picture: the unit drops it. */
  NoTrack: 1,
  /** The target is out of reach for now (range, ceiling, no threat seen near the track). */
  OutOfReach: 2,
} as const;
export type BurstResultKind = (typeof BurstResult)[keyof typeof BurstResult];

export interface BurstSpec {
  /** Shooter position. */
  x: number;
  y: number;
  z: number;
  slantRangeM: number;
  ceilingM: number;
  /** Rounds the burst fires (guns, fire groups); undefined for a jet's cannon pass. */
  rounds?: number;
  /** Kill probability factor (night, for jet cannon). */
  pkFactor: number;
  /** A fixed kill probability for every threat type (jet cannon), else the unit's by type. */
  pk?: number;
}

/** Fire one burst from unit `u` at its target track, if it can reach a threat there now. */
export function fireBurst(
  world: World,
  u: number,
  track: number,
  spec: BurstSpec,
  clock: Clock,
): BurstResultKind {
  const { tracks, threats, scenario } = world;
  const row = tracks.rowOf(track);
  if (row < 0) return BurstResult.NoTrack;
  const unit = scenario.defenders[u];
  const t = clock.end;
  const age = t - tracks.lastUpdateS[row];
  const px = tracks.x[row] + tracks.vx[row] * age;
  const py = tracks.y[row] + tracks.vy[row] * age;
  const gate = unit.acquisitionRangeM;
  let target = -1;
  let best = gate * gate;
  world.threatGrid.forEachNear(px, py, gate, (i) => {
    if (threats.status[i] !== ThreatStatus.Flying) return;
    const d = (threats.x[i] - px) ** 2 + (threats.y[i] - py) ** 2;
    if (d <= best) {
      best = d;
      target = i;
    }
  });
  if (target < 0) return BurstResult.OutOfReach;
  const dx = threats.x[target] - spec.x;
  const dy = threats.y[target] - spec.y;
  const dz = threats.z[target] - spec.z;
  if (threats.z[target] > spec.ceilingM || dx * dx + dy * dy + dz * dz > spec.slantRangeM ** 2)
    return BurstResult.OutOfReach;

  const pk = (spec.pk ?? unit.pkByThreatType[threats.type[target]]) * spec.pkFactor;
  resolveEngagement(world, unit.name, -1, target, pk, roundS(t), spec.rounds);
  return BurstResult.Fired;
}

/** C2's launch orders to units of `kind` become their target track (kept until the track is gone). */
export function takeTargetOrders(world: World, kind: DefenderKind): void {
  for (const order of world.orders) {
    if (order.kind !== 'launch' || world.scenario.defenders[order.unit].kind !== kind) continue;
    world.units.targetTrack[order.unit] = order.track;
  }
}

/** A gun's or fire group's burst: fire it if it can reach, then spend its rounds and wait the interval. */
export function fireGunBurst(world: World, u: number, slantRangeM: number, clock: Clock): void {
  const { units } = world;
  const unit = world.scenario.defenders[u];
  if (unit.kind !== 'gun' && unit.kind !== 'fire-group') return;
  const rounds = Math.min(unit.roundsPerBurst, units.stock[u]);
  const result = fireBurst(
    world,
    u,
    units.targetTrack[u],
    {
      x: units.x[u],
      y: units.y[u],
      z: units.z[u],
      slantRangeM,
      ceilingM: unit.ceilingM,
      rounds,
      pkFactor: 1,
    },
    clock,
  );
  if (result === BurstResult.NoTrack) units.targetTrack[u] = -1;
  if (result !== BurstResult.Fired) return;
  units.stock[u] -= rounds;
  units.nextLaunchS[u] = clock.end + unit.burstIntervalS;
}
