// Defender registry: each effector kind (the `kind` of its catalog type) brings its phases.
// Guided flights (interceptor drones, SAM and air-to-air missiles) share the flight phases;
// the kinds add their own movement (jets, fire groups, deliveries), order handling and fire.

import type { Phase } from '../engine/phase.js';
import type { DefenderKind, Scenario } from '../model/scenario.js';
import type { World } from '../model/world.js';
import { engagementResolution } from './engagement.js';
import { fireGroupFire, fireGroupOrders, fireGroupPatrol, initFireGroups } from './fire-group.js';
import { flightOrders, guidedFlight } from './guided-flight.js';
import { gunFire, gunOrders } from './gun.js';
import { interceptorOrders, interceptorResupply } from './interceptor-drone.js';
import { initJets, jetFire, jetFlight, jetOrders } from './jet.js';
import { initSams, samFire } from './sam.js';

export interface DefenderPhases {
  /** Sets the kind's units up at the start of a run. */
  init?: (world: World) => void;
  move?: Phase<World>;
  act: Phase<World>;
  engage?: Phase<World>;
}

export const DEFENDER_TYPES: Record<DefenderKind, DefenderPhases> = {
  'interceptor-drone': { move: interceptorResupply, act: interceptorOrders },
  jet: { init: initJets, move: jetFlight, act: jetOrders, engage: jetFire },
  'fire-group': { init: initFireGroups, move: fireGroupPatrol, act: fireGroupOrders, engage: fireGroupFire },
  gun: { act: gunOrders, engage: gunFire },
  sam: { init: initSams, act: samFire },
};

/** The defender phases of a scenario, by tick-loop slot, for the kinds it has. */
export function defenderPhases(scenario: Scenario): {
  init: ((world: World) => void)[];
  move: Phase<World>[];
  act: Phase<World>[];
  engage: Phase<World>[];
} {
  const kinds = [...new Set(scenario.defenders.map((d) => d.kind))].sort();
  const used = kinds.map((k) => DEFENDER_TYPES[k]);
  return {
    init: [placeAtBase, ...used.flatMap((d) => (d.init ? [d.init] : []))],
    move: [guidedFlight, ...used.flatMap((d) => (d.move ? [d.move] : []))],
    act: [flightOrders, ...used.map((d) => d.act)],
    engage: [engagementResolution, ...used.flatMap((d) => (d.engage ? [d.engage] : []))],
  };
}

/** Every unit starts the night at its base (airbase, firing position, first patrol point). */
function placeAtBase(world: World): void {
  const { units } = world;
  world.scenario.defenders.forEach((unit, u) => {
    units.x[u] = unit.base.e;
    units.y[u] = unit.base.n;
    units.z[u] = unit.base.u;
  });
}
